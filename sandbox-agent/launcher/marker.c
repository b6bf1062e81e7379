/*
 * `marker`: a lesson fixture. A process inside the sandbox (same cgroups, namespaces and root as a shell,
 * joined by namespaces.c), named NAME, that waits to be signalled and then records who signalled it. The
 * student sees it with `ps` and kills it; the lesson checks where the killer stood. Output (one line each):
 *   ready pid=<pid inside the sandbox> host-pid=<host pid>
 *   killed-by signal=<n> pid=<killer's pid inside> root=<dev:ino|-> parent-root=<dev:ino|->
 *
 * Two processes. The marker, root inside, holds exactly 0 (/dev/null), 1 and 2 (its end of a socket to the
 * relay): nothing of the host. When signalled it pins the killer, and the killer's parent, with pidfds (the
 * killer may be a /bin/kill about to exit; its parent keeps it until it is reaped) and passes them over the
 * socket. The relay, host root in the host's pid namespace, turns them into host pids (a pidfd's fdinfo, read
 * through the host's /proc) and reads their roots there: the sandbox's /proc is the student's to mount over.
 * The relay parses only what its own child sends; the killer is the student's process, looked at through
 * the pidfd, never by a number alone.
 *
 * A short-lived killer (/bin/kill, pkill) may have exited and been reaped by its shell before the marker wakes
 * (about 1 run in 20 on a 2-CPU VM): there is nothing left to pin. So the relay has the kernel's process
 * accounting (acct(2)) on for the sandbox's pid namespace, into a nameless file only the relay holds (on a
 * small tmpfs of its own that no mount table lists: the kernel refuses a memfd's internal one): the kernel writes
 * each exiting process's record, with its pid and its parent's in the sandbox's numbers, as it exits, before
 * its parent can reap it. For a killer already gone, the relay takes its parent from that record (the newest
 * with its pid) and looks at the parent, pinned by a pidfd, from a child born in the sandbox's pid namespace.
 * The relay keeps the file small, and turns accounting off when the marker is dead.
 *
 * Once the marker is forked and the relay holds only what it keeps (the socket, the signalfd, the host's /proc,
 * the accounting file), the relay drops to what that takes (confine.h keep_only): of all capabilities
 * CAP_KILL (to end its marker, whose uids are the sandbox's), CAP_SYS_PTRACE (a process's root, through the
 * host's /proc, is shown only to who may ptrace-read it: the killer is another user's process) and
 * CAP_SYS_PACCT (the child that turns accounting off), in every set, with no_new_privs and a seccomp
 * allowlist of the calls it and its short-lived children make. No CAP_DAC_*: what it opens in /proc is
 * readable by anyone, or its own. The marker turns accounting on before that, with its own capabilities.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/acct.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/capability.h>

#include "args.h"
#include "confine.h"
#include "error.h"
#include "gaiola.h"
#include "kernel.h"
#include "namespaces.h"
#include "util.h"

/* Signals that count as "killed"; every other catchable signal stays blocked (pending, harmless). */
static const int marker_signals[] = {SIGTERM, SIGINT, SIGHUP, SIGUSR1, SIGQUIT};
/* The highest priority, for the marker and its relay: both wake first when the marker is signalled, to look
 * at a short-lived killer (/bin/kill, pkill) before it is gone. They run for a few microseconds once, so this
 * costs the sandbox nothing. Host root may. */
#define MARKER_NICE (-20)
/* Largest message of the marker (a line, or an error of error.c). */
#define MARKER_LINE 1024
/* Pidfds a report carries: the killer's and its parent's. */
#define REPORT_FDS 2
/* The accounting file is emptied when it passes this size (1024 records of 64 bytes), checked at most
 * ACCT_TRIM_MS apart: a killer's record is written moments before the relay reads it, only the newest matter. */
#define ACCT_KEEP_BYTES (64 * 1024)
#define ACCT_TRIM_MS 1000
/* Records read back from the end when looking for a killer's (the whole file at its largest, and more). */
#define ACCT_SCAN_RECORDS 4096
/* The tmpfs that holds it: bounds it even if the relay is SIGKILLed and nobody empties it any more (the kernel
 * then drops the records that do not fit). */
#define ACCT_FS_SIZE "1m"

/* ---- the marker, inside ---- */

/* One message on the socket (fd 1): `text`, and the `n` descriptors in `fds` passed along. */
static void send_report(const char *text, const int *fds, size_t n) {
  struct iovec iov = {.iov_base = (void *)text, .iov_len = strlen(text)};
  union {
    char buf[CMSG_SPACE(REPORT_FDS * sizeof(int))];
    struct cmsghdr align;
  } control;
  memset(&control, 0, sizeof control);
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
  if (n > 0) {
    msg.msg_control = control.buf;
    msg.msg_controllen = CMSG_SPACE(n * sizeof(int));
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(n * sizeof(int));
    memcpy(CMSG_DATA(c), fds, n * sizeof(int));
  }
  while (sendmsg(1, &msg, MSG_NOSIGNAL) < 0)
    if (errno != EINTR) die_errno("sendmsg", "(marker report)");
}

static void marker_child(struct sandbox_handle *sb, const char *name, int report, int null, int acct_fd, int argc,
                         char **argv) __attribute__((noreturn));
static void marker_child(struct sandbox_handle *sb, const char *name, int report, int null, int acct_fd, int argc,
                         char **argv) {
  /* Still host root, already in the sandbox's pid namespace (acct(2) needs the host's CAP_SYS_PACCT and
   * applies to the caller's pid namespace), still in the host's mount namespace (the path is the host's /proc).
   * Where the host forbids it (a container's seccomp), the marker works as before, without the records. */
  if (acct_fd >= 0) {
    char path[64];
    format(path, sizeof path, "/proc/self/fd/%d", acct_fd);
    if (acct(path) < 0) {
      char warning[160];
      format(warning, sizeof warning, "marker: acct: %s (a killer gone before the marker looks is not seen)\n",
             strerror(errno));
      write_all(2, warning, strlen(warning), "stderr");
    }
    xclose(acct_fd, "(accounting)");
  }
  /* The credential change of the join makes us non-dumpable, and we stay so: the student may see and signal
   * us, not ptrace us (that would let them write our report). */
  sandbox_join(sb, "(marker)");
  xsetsid("(marker)");
  if (chdir("/") < 0) die_errno("chdir", "/");
  xdup2(null, 0, "/dev/null");
  xdup2(report, 1, "(marker report)");
  xdup2(report, 2, "(marker report)");
  close_fds_from_3();
  /* `name` lives in the argv area that set_title overwrites: copy it first. */
  char comm[16];
  format(comm, sizeof comm, "%s", name);
  set_title(argc, argv, comm, comm);

  sigset_t all, wanted;
  sigfillset(&all);
  xsigprocmask(SIG_BLOCK, &all);
  sigemptyset(&wanted);
  for (size_t k = 0; k < sizeof marker_signals / sizeof marker_signals[0]; k++)
    if (sigaddset(&wanted, marker_signals[k]) < 0) die_errno("sigaddset", "(marker)");

  char line[MARKER_LINE];
  format(line, sizeof line, "ready %d\n", (int)getpid());
  send_report(line, NULL, 0);

  siginfo_t si;
  for (;;) {
    if (sigwaitinfo(&wanted, &si) > 0) break;
    if (errno != EINTR) die_errno("sigwaitinfo", "(marker)");
  }
  /* Right away, before a short-lived killer is gone: pin it and its parent. A signal from outside the
   * sandbox's pid namespace has si_pid 0. */
  int fds[REPORT_FDS];
  size_t nfds = 0;
  long killer = (si.si_code == SI_USER || si.si_code == SI_QUEUE || si.si_code == SI_TKILL) ? si.si_pid : 0;
  if (killer > 0 && (fds[0] = sys_pidfd_open((pid_t)killer, 0)) >= 0) {
    nfds = 1;
    /* PIDFD_GET_INFO (6.13+) names the parent in our (the sandbox's) pid numbers; ppid 0 is a parent outside
     * the sandbox's pid namespace (a shell's relay): no parent to look at. Older kernels: the relay reads it
     * from the host's /proc while the killer lives. */
    struct gaiola_pidfd_info info;
    memset(&info, 0, sizeof info);
    info.mask = GAIOLA_PIDFD_INFO_PID;
    if (ioctl(fds[0], GAIOLA_PIDFD_GET_INFO, &info) == 0 && (info.mask & GAIOLA_PIDFD_INFO_PID) && info.ppid > 0 &&
        (fds[1] = sys_pidfd_open((pid_t)info.ppid, 0)) >= 0)
      nfds = 2;
  }
  format(line, sizeof line, "killed-by signal=%d pid=%ld\n", si.si_signo, killer);
  send_report(line, fds, nfds);
  _exit(0);
}

/* ---- the relay, on the host ---- */

/* "<dev>:<ino>" of the root directory of host pid `hpid`, or "-". */
static void root_id_of(int hostproc, long hpid, char *out, size_t outlen) {
  format(out, outlen, "-");
  if (hpid <= 0) return;
  char rel[64];
  format(rel, sizeof rel, "%ld/root", hpid);
  struct stat st;
  /* A process that is exiting has no root any more: "-" says so. */
  if (fstatat(hostproc, rel, &st, 0) == 0)
    format(out, outlen, "%llu:%llu", (unsigned long long)st.st_dev, (unsigned long long)st.st_ino);
}

/* Value of the "Key:\t<number>" line of a /proc file (host view), or -1 when the process is gone. */
static long proc_field(int hostproc, const char *rel, const char *key) {
  int fd = openat(hostproc, rel, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  char buf[4096];
  ssize_t n = read(fd, buf, sizeof buf - 1);
  xclose(fd, rel);
  if (n <= 0) return -1;
  buf[n] = '\0';
  size_t klen = strlen(key);
  for (char *line = buf; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
    if (!strncmp(line, key, klen) && line[klen] == ':') return strtol(line + klen + 1, NULL, 10);
  }
  return -1;
}

/* Host pid of the process a pidfd refers to: its fdinfo, read through the host's /proc, is in host numbers
 * (-1 once the process was reaped). */
static long host_pid_of_pidfd(int hostproc, int pidfd) {
  char rel[64];
  format(rel, sizeof rel, "self/fdinfo/%d", pidfd);
  return proc_field(hostproc, rel, "Pid");
}

/* The accounting file (see the top): an O_TMPFILE on a detached tmpfs of ACCT_FS_SIZE, or -1 (then the marker
 * works without the records). */
static int acct_file(void) {
  int fs = sys_fsopen("tmpfs", FSOPEN_CLOEXEC);
  if (fs < 0) return -1;
  int mnt = -1;
  if (sys_fsconfig(fs, FSCONFIG_SET_STRING, "size", ACCT_FS_SIZE, 0) == 0 &&
      sys_fsconfig(fs, FSCONFIG_SET_STRING, "mode", "0700", 0) == 0 &&
      sys_fsconfig(fs, FSCONFIG_CMD_CREATE, NULL, NULL, 0) == 0)
    mnt = sys_fsmount(fs, FSMOUNT_CLOEXEC, MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV | MOUNT_ATTR_NOEXEC);
  xclose(fs, "(accounting fs)");
  if (mnt < 0) return -1;
  int fd = openat(mnt, ".", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  xclose(mnt, "(accounting mount)");
  return fd;
}

/* The parent pid, in the sandbox's numbers, of the newest accounting record of `pid` (sandbox numbers), or -1. */
static long acct_parent_of(int acct_fd, long pid) {
  struct stat st;
  if (acct_fd < 0 || fstat(acct_fd, &st) < 0) return -1;
  struct acct_v3 rec[64];
  off_t end = st.st_size - st.st_size % (off_t)sizeof rec[0];
  for (long scanned = 0; end > 0 && scanned < ACCT_SCAN_RECORDS;) {
    off_t start = end > (off_t)sizeof rec ? end - (off_t)sizeof rec : 0;
    ssize_t n = pread(acct_fd, rec, (size_t)(end - start), start);
    if (n <= 0) return -1;
    for (ssize_t k = n / (ssize_t)sizeof rec[0] - 1; k >= 0; k--, scanned++)
      if ((rec[k].ac_version & 0x0f) == 3 && (long)rec[k].ac_pid == pid) return (long)rec[k].ac_ppid;
    end = start;
  }
  return -1;
}

/* Root of the process that is `pid` in the sandbox's pid namespace, into `out` ("-" when there is none). Our
 * pid numbers are the host's: a child of ours, born in the sandbox's pid namespace (sandbox_fork entered it for
 * our children), pins it with a pidfd, learns its host pid from the pidfd's fdinfo and reads its root through
 * the host's /proc, and writes that back; it has the relay's capabilities and filter, and runs nothing of the
 * sandbox. */
static void sandbox_root_of(int hostproc, long pid, char *out, size_t outlen) {
  format(out, outlen, "-");
  int pipefd[2];
  if (pipe2(pipefd, O_CLOEXEC) < 0) die_errno("pipe", "(marker lookup)");
  pid_t c = fork();
  if (c < 0) die_errno("fork", "(marker lookup)");
  if (c == 0) {
    char root[64] = "-";
    int fd = sys_pidfd_open((pid_t)pid, 0);
    if (fd >= 0) root_id_of(hostproc, host_pid_of_pidfd(hostproc, fd), root, sizeof root);
    _exit(write(pipefd[1], root, strlen(root)) == (ssize_t)strlen(root) ? 0 : 1);
  }
  xclose(pipefd[1], "(marker lookup)");
  char buf[64];
  ssize_t n;
  while ((n = read(pipefd[0], buf, sizeof buf - 1)) < 0 && errno == EINTR) {
  }
  xclose(pipefd[0], "(marker lookup)");
  if (WIFEXITED(reap(c)) && n > 0) {
    buf[n] = '\0';
    format(out, outlen, "%s", buf);
  }
}

/* One message of the marker: returns its length (0: the marker closed its end), its text NUL-terminated in
 * `text`, the descriptors it carried in `fds`. */
static size_t recv_report(int sock, char *text, size_t cap, int *fds, size_t *nfds) {
  struct iovec iov = {.iov_base = text, .iov_len = cap - 1};
  union {
    char buf[CMSG_SPACE(REPORT_FDS * sizeof(int))];
    struct cmsghdr align;
  } control;
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.buf, .msg_controllen = sizeof control};
  ssize_t n;
  while ((n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC)) < 0)
    if (errno != EINTR) die_errno("recvmsg", "(marker report)");
  *nfds = 0;
  for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
    if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
    size_t k = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
    if (k > REPORT_FDS) k = REPORT_FDS; /* MSG_CTRUNC closed the rest */
    memcpy(fds, CMSG_DATA(c), k * sizeof(int));
    *nfds = k;
  }
  text[n] = '\0';
  return (size_t)n;
}

/* Turns one message of the marker into our output: "ready" gains our view of the marker's pid, "killed-by"
 * the roots of the killer and of its parent; anything else is the marker's error, for our stderr. */
static void relay_report(const char *text, const int *fds, size_t nfds, pid_t child, int hostproc, int acct_fd) {
  char out[MARKER_LINE + 128];
  long inside;
  int sig;
  long killer;
  if (sscanf(text, "ready %ld", &inside) == 1) {
    format(out, sizeof out, "ready pid=%ld host-pid=%d\n", inside, (int)child);
    write_all(1, out, strlen(out), "stdout");
  } else if (sscanf(text, "killed-by signal=%d pid=%ld", &sig, &killer) == 2) {
    char root[64] = "-", parent_root[64] = "-";
    long hpid = nfds > 0 ? host_pid_of_pidfd(hostproc, fds[0]) : -1;
    long parent_hpid = -1;
    if (nfds > 1) parent_hpid = host_pid_of_pidfd(hostproc, fds[1]);
    else if (hpid > 0) {
      /* No parent pidfd (a kernel before 6.13): the host's /proc/PID/status names the parent, in host numbers. */
      char rel[64];
      format(rel, sizeof rel, "%ld/status", hpid);
      parent_hpid = proc_field(hostproc, rel, "PPid");
    }
    root_id_of(hostproc, hpid, root, sizeof root);
    root_id_of(hostproc, parent_hpid, parent_root, sizeof parent_root);
    /* Gone (reaped, or exiting with its parent unknown): its accounting record names the parent. */
    if (killer > 0 && !strcmp(root, "-") && !strcmp(parent_root, "-")) {
      long ppid = acct_parent_of(acct_fd, killer);
      if (ppid > 0) sandbox_root_of(hostproc, ppid, parent_root, sizeof parent_root);
    }
    format(out, sizeof out, "killed-by signal=%d pid=%ld root=%s parent-root=%s\n", sig, killer, root, parent_root);
    write_all(1, out, strlen(out), "stdout");
  } else {
    write_all(2, text, strlen(text), "stderr");
  }
  for (size_t k = 0; k < nfds; k++) xclose(fds[k], "(pidfd)");
}

/* Relays the next report; 0 when the marker has closed its end. */
static int take_report(int sock, pid_t child, int hostproc, int acct_fd) {
  char text[MARKER_LINE];
  int got[REPORT_FDS];
  size_t ngot;
  if (recv_report(sock, text, sizeof text, got, &ngot) == 0 && ngot == 0) return 0;
  relay_report(text, got, ngot, child, hostproc, acct_fd);
  return 1;
}

/* Turns off the accounting the marker turned on, once the marker is dead (the agent starts the next marker
 * only after this relay has exited, so this never turns off a newer marker's). acct(NULL) applies to the
 * caller's pid namespace: a child of ours, born in the sandbox's, asks with our CAP_SYS_PACCT and exits. A sandbox
 * already gone has nothing left to turn off (the fork fails, which is fine). */
static void acct_off(int acct_fd) {
  if (acct_fd < 0) return;
  pid_t c = fork();
  if (c == 0) _exit(acct(NULL) < 0 ? 1 : 0);
  if (c > 0) reap(c);
  xclose(acct_fd, "(accounting)");
}

static int stop_child(pid_t child, int acct_fd) {
  kill_if_alive(child, SIGKILL);
  reap(child);
  acct_off(acct_fd);
  return 1;
}

/* What the relay calls besides what every holder keeps (confine.c), and what its children call. Left out:
 * set_robust_list, which glibc's fork makes in the child and whose refusal it ignores (no robust mutexes here). */
static const int relay_syscalls[] = {
    __NR_recvmsg,                   /* the marker's reports, with their pidfds */
    __NR_openat,    __NR_pread64,   /* fdinfo and status in the host's /proc; the accounting records */
    __NR_newfstatat, __NR_fstat,    /* a root's identity; the accounting file's size (glibc takes either) */
    __NR_ftruncate,                 /* the accounting file emptied */
    __NR_pipe2,     __NR_clone,     /* a child in the sandbox's pid namespace (fork) and its answer */
    __NR_pidfd_open,                /* that child pins a process by its sandbox pid */
    __NR_acct,                      /* that child turns accounting off */
};

int cmd_marker(int argc, char **argv) {
  struct marker_args a;
  parse_marker_args(argc, argv, &a);

  struct sandbox_handle sb;
  sandbox_open(&sb, "marker", &a.join);
  int hostproc = open("/proc", O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (hostproc < 0) die_errno("open", "/proc");
  int null = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null < 0) die_errno("open", "/dev/null");
  /* Datagrams keep each report whole, with the pidfds it carries. */
  int report[2];
  if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, report) < 0) die_errno("socketpair", "(marker)");
  static const int sigs[] = {SIGCHLD, SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGPIPE};
  int sfd = signal_fd(sigs, sizeof sigs / sizeof sigs[0], SFD_NONBLOCK, "(marker)");
  if (setpriority(PRIO_PROCESS, 0, MARKER_NICE) < 0) die_errno("setpriority", "(marker)");
  /* The accounting file (see the top): the marker closes its copy once acct(2) holds it. */
  int acct_fd = acct_file();

  pid_t child = sandbox_fork(&sb, "(marker)");
  if (child == 0) {
    xclose(report[0], "(marker report)");
    xclose(sfd, "(signalfd)");
    xclose(hostproc, "/proc");
    marker_child(&sb, a.name, report[1], null, acct_fd, argc, argv);
  }
  xclose(report[1], "(marker report)");
  xclose(null, "/dev/null");
  sandbox_close(&sb);
  /* All the relay keeps is open: from here on it holds only what relaying takes (see the top). */
  keep_only(KEEP_CAP(CAP_KILL) | KEEP_CAP(CAP_SYS_PTRACE) | KEEP_CAP(CAP_SYS_PACCT), relay_syscalls,
            sizeof relay_syscalls / sizeof relay_syscalls[0]);

  /* Relay the marker's reports until it exits, we are told to stop, or stdin reaches EOF (the agent died). */
  int report_open = 1, status = 0;
  for (;;) {
    struct pollfd fds[3] = {{.fd = sfd, .events = POLLIN},
                            {.fd = report_open ? report[0] : -1, .events = POLLIN},
                            {.fd = 0, .events = POLLIN}};
    if (poll(fds, 3, acct_fd >= 0 ? ACCT_TRIM_MS : -1) < 0) {
      if (errno == EINTR) continue;
      die_errno("poll", "(marker)");
    }
    struct stat st;
    if (acct_fd >= 0 && fstat(acct_fd, &st) == 0 && st.st_size > ACCT_KEEP_BYTES && ftruncate(acct_fd, 0) < 0)
      die_errno("ftruncate", "(marker accounting)");
    if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) report_open = take_report(report[0], child, hostproc, acct_fd);
    if (fds[2].revents & (POLLIN | POLLHUP | POLLERR)) {
      char in[64];
      ssize_t r = read(0, in, sizeof in);
      if (r <= 0 && !(r < 0 && errno == EINTR)) return stop_child(child, acct_fd);
    }
    if (fds[0].revents & POLLIN) {
      struct signalfd_siginfo si;
      while (read_signal(sfd, &si)) {
        if (si.ssi_signo == SIGPIPE) continue;
        if (si.ssi_signo == SIGCHLD) {
          pid_t w = waitpid(child, &status, WNOHANG);
          if (w < 0 && errno != EINTR) die_errno("waitpid", "(marker)");
          if (w == child) {
            /* Its reports are complete once it exited: relay what is still queued. */
            while (report_open) {
              struct pollfd pf = {.fd = report[0], .events = POLLIN};
              int ready = poll(&pf, 1, 0);
              if (ready < 0 && errno != EINTR) die_errno("poll", "(marker report)");
              if (ready <= 0) break;
              report_open = take_report(report[0], child, hostproc, acct_fd);
            }
            acct_off(acct_fd);
            return exit_code(status);
          }
          continue;
        }
        stop_child(child, acct_fd);
        return 128 + (int)si.ssi_signo;
      }
    }
  }
}
