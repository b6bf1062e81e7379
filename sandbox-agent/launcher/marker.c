/*
 * `marker`: a lesson fixture. A process inside the sandbox (same cgroups, namespaces and root as a shell,
 * joined by namespaces.c), named NAME, that waits to be signalled and then records who signalled it. The
 * student sees it with `ps` and kills it; the lesson checks where the killer stood. Output (one line each):
 *   ready pid=<pid inside the sandbox> host-pid=<host pid>
 *   killed-by signal=<n> pid=<killer's pid inside> root=<dev:ino|-> parent-root=<dev:ino|->
 * Who the killer is comes from si_pid; its root and its parent's root are read through the HOST's /proc
 * (opened before joining), because the sandbox's /proc is the student's to mount over.
 *
 * The relay stays host root in the host's pid namespace, and parses only what its own child writes. The
 * marker runs as root inside; the killer is the student's process, looked at through a pidfd it pins.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "args.h"
#include "error.h"
#include "gaiola.h"
#include "kernel.h"
#include "namespaces.h"
#include "util.h"

/* Signals that count as "killed"; every other catchable signal stays blocked (pending, harmless). */
static const int marker_signals[] = {SIGTERM, SIGINT, SIGHUP, SIGUSR1, SIGQUIT};
/* The marker's nice value: the highest priority, see marker_child. */
#define MARKER_NICE (-20)
/* Largest line the child reports. */
#define MARKER_LINE 256

/* "<dev>:<ino>" of the root directory of host pid `hpid`, or "-". */
static void root_id_of(int hostproc, long hpid, char *out, size_t outlen) {
  snprintf(out, outlen, "-");
  if (hpid <= 0) return;
  char rel[64];
  snprintf(rel, sizeof rel, "%ld/root", hpid);
  struct stat st;
  if (fstatat(hostproc, rel, &st, 0) == 0)
    snprintf(out, outlen, "%llu:%llu", (unsigned long long)st.st_dev, (unsigned long long)st.st_ino);
}

/* Value of the "Key:\t<number>" line of a /proc file (host view), or -1. */
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

/* Host pid of the process a pidfd refers to: its fdinfo, read through the host's /proc, is in host numbers. */
static long host_pid_of_pidfd(int hostproc, int pidfd) {
  char rel[64];
  snprintf(rel, sizeof rel, "self/fdinfo/%d", pidfd);
  return proc_field(hostproc, rel, "Pid");
}

static void marker_child(struct sandbox_handle *sb, const char *name, int hostproc, int report, int life, int argc,
                         char **argv) __attribute__((noreturn));
static void marker_child(struct sandbox_handle *sb, const char *name, int hostproc, int report, int life, int argc,
                         char **argv) {
  /* Wake up first when signalled, to look at a short-lived killer (/bin/kill, pkill) before it is gone. The
   * marker only runs for a few microseconds once, so this costs the sandbox nothing. Host root may. */
  if (setpriority(PRIO_PROCESS, 0, MARKER_NICE) < 0) die_errno("setpriority", "(marker)");
  /* The credential change of the join makes us non-dumpable, and we stay so: the student may see and signal
   * us, not ptrace us (that would let them write our report). */
  sandbox_join(sb, "(marker)");
  /* Die with the parent; it may have died already. */
  struct pollfd pf = {.fd = life, .events = POLLIN};
  if (poll(&pf, 1, 0) > 0 && (pf.revents & (POLLHUP | POLLERR))) _exit(1);
  xsetsid("(marker)");
  if (chdir("/") < 0) die_errno("chdir", "/");
  int null = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null < 0) die_errno("open", "/dev/null");
  xdup2(null, 0, "/dev/null");
  xdup2(null, 1, "/dev/null");
  xclose(null, "/dev/null");
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
  int n = snprintf(line, sizeof line, "ready %d\n", (int)getpid());
  write_all(report, line, (size_t)n, "(marker report)");

  siginfo_t si;
  for (;;) {
    if (sigwaitinfo(&wanted, &si) > 0) break;
    if (errno != EINTR) die_errno("sigwaitinfo", "(marker)");
  }
  /* Right away, before a short-lived killer (/bin/kill) is gone: pin it with a pidfd, learn its host pid from
   * the pidfd's fdinfo (read through the host's /proc, so in host numbers), then stat its root and its
   * parent's. A signal from outside the sandbox's pid namespace has si_pid 0. */
  char root[64] = "-", parent_root[64] = "-";
  long killer = (si.si_code == SI_USER || si.si_code == SI_QUEUE || si.si_code == SI_TKILL) ? si.si_pid : 0;
  if (killer > 0) {
    int pidfd = sys_pidfd_open((pid_t)killer, 0);
    if (pidfd >= 0) {
      /* The parent first: a killer that is already exiting has no root any more, but keeps its parent until
       * that reaps it. PIDFD_GET_INFO (6.13+) gives it in one call, in our (the sandbox's) pid numbers. */
      struct gaiola_pidfd_info info;
      memset(&info, 0, sizeof info);
      info.mask = GAIOLA_PIDFD_INFO_PID;
      int parentfd = -1;
      int have_info = ioctl(pidfd, GAIOLA_PIDFD_GET_INFO, &info) == 0 && (info.mask & GAIOLA_PIDFD_INFO_PID);
      /* ppid 0: the parent is outside the sandbox's pid namespace (a shell's relay): no parent to look at. */
      if (have_info && info.ppid > 0) parentfd = sys_pidfd_open((pid_t)info.ppid, 0);
      long hpid = host_pid_of_pidfd(hostproc, pidfd);
      long parent_hpid = -1;
      if (parentfd >= 0) {
        parent_hpid = host_pid_of_pidfd(hostproc, parentfd);
        xclose(parentfd, "(pidfd)");
      } else if (!have_info && hpid > 0) {
        /* Kernels before 6.13: the host's /proc/PID/status says who the parent is, in host numbers. */
        char rel[64];
        snprintf(rel, sizeof rel, "%ld/status", hpid);
        parent_hpid = proc_field(hostproc, rel, "PPid");
      }
      root_id_of(hostproc, hpid, root, sizeof root);
      root_id_of(hostproc, parent_hpid, parent_root, sizeof parent_root);
      xclose(pidfd, "(pidfd)");
    }
  }
  n = snprintf(line, sizeof line, "killed-by signal=%d pid=%ld root=%s parent-root=%s\n", si.si_signo, killer, root,
               parent_root);
  write_all(report, line, (size_t)n, "(marker report)");
  _exit(0);
}

/* Writes the complete lines of buf[0..*len) to stdout, keeping the rest; "ready N" gains our view of the
 * child's pid. A line longer than the buffer is not the child's: it is dropped. */
static void relay_lines(char *buf, size_t *len, size_t cap, pid_t child) {
  char *nl;
  while ((nl = memchr(buf, '\n', *len)) != NULL) {
    *nl = '\0';
    char out[MARKER_LINE * 2];
    long inside;
    if (sscanf(buf, "ready %ld", &inside) == 1)
      format(out, sizeof out, "ready pid=%ld host-pid=%d\n", inside, (int)child);
    else format(out, sizeof out, "%s\n", buf);
    write_all(1, out, strlen(out), "stdout");
    size_t used = (size_t)(nl - buf) + 1;
    memmove(buf, nl + 1, *len - used);
    *len -= used;
  }
  if (*len == cap) *len = 0;
}

static int stop_child(pid_t child) {
  kill_if_alive(child, SIGKILL);
  reap(child);
  return 1;
}

int cmd_marker(int argc, char **argv) {
  struct marker_args a;
  parse_marker_args(argc, argv, &a);
  if (geteuid() != 0) die("marker: must run as root");

  struct sandbox_handle sb;
  sandbox_open(&sb, "marker", &a.join);
  int hostproc = open("/proc", O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (hostproc < 0) die_errno("open", "/proc");
  int report[2], life[2];
  if (pipe2(report, O_CLOEXEC) < 0 || pipe2(life, O_CLOEXEC) < 0) die_errno("pipe", "(marker)");
  static const int sigs[] = {SIGCHLD, SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGPIPE};
  int sfd = signal_fd(sigs, sizeof sigs / sizeof sigs[0], SFD_NONBLOCK, "(marker)");

  pid_t child = sandbox_fork(&sb, "(marker)");
  if (child == 0) {
    xclose(report[0], "(marker report)");
    xclose(life[1], "(marker life)");
    xclose(sfd, "(signalfd)");
    marker_child(&sb, a.name, hostproc, report[1], life[0], argc, argv);
  }
  xclose(report[1], "(marker report)");
  xclose(life[0], "(marker life)");
  xclose(hostproc, "/proc");
  sandbox_close(&sb);

  /* Relay the child's lines until it exits, we are told to stop, or stdin reaches EOF (the agent died). */
  char buf[MARKER_LINE * 2];
  const size_t cap = sizeof buf - 1;
  size_t len = 0;
  int report_open = 1, status = 0;
  for (;;) {
    struct pollfd fds[3] = {{.fd = sfd, .events = POLLIN},
                            {.fd = report_open ? report[0] : -1, .events = POLLIN},
                            {.fd = 0, .events = POLLIN}};
    if (poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      die_errno("poll", "(marker)");
    }
    if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
      ssize_t r = read(report[0], buf + len, cap - len);
      if (r <= 0 && !(r < 0 && errno == EINTR)) report_open = 0;
      if (r > 0) len += (size_t)r;
      relay_lines(buf, &len, cap, child);
    }
    if (fds[2].revents & (POLLIN | POLLHUP | POLLERR)) {
      char in[64];
      ssize_t r = read(0, in, sizeof in);
      if (r <= 0 && !(r < 0 && errno == EINTR)) return stop_child(child);
    }
    if (fds[0].revents & POLLIN) {
      struct signalfd_siginfo si;
      while (read_signal(sfd, &si)) {
        if (si.ssi_signo == SIGPIPE) continue;
        if (si.ssi_signo == SIGCHLD) {
          pid_t w = waitpid(child, &status, WNOHANG);
          if (w < 0 && errno != EINTR) die_errno("waitpid", "(marker)");
          if (w == child) {
            /* Its report is complete once it exited: relay what is left (a last line without newline is dropped). */
            ssize_t r;
            while (report_open && (r = read(report[0], buf + len, cap - len)) > 0) {
              len += (size_t)r;
              relay_lines(buf, &len, cap, child);
            }
            return exit_code(status);
          }
          continue;
        }
        stop_child(child);
        return 128 + (int)si.ssi_signo;
      }
    }
  }
}
