/*
 * `create`: a new sandbox. The launcher runs as host root; it sets up a private mount namespace (mounts.c),
 * clones the sandbox's init into new user and pid namespaces (on v2 straight into its cgroup), writes the
 * init's id maps, mounts the root overlay and moves the init into the sandbox's cgroups (v1), then lets the
 * init go. The init, root of its own
 * user namespace from then on, builds its root, its other namespaces and its confinement, reports "ok" and
 * stays as PID 1, a keeper that only reaps. The launcher then waits in the foreground, holding the sandbox:
 * when it goes, the init goes (parent-death signal), and with it every process of the sandbox.
 *
 * Trusts the agent's arguments as parsed by args.c; nothing of a student exists before the init reports ok.
 * stdout carries exactly one line, "ready PID START" (the init's host pid and start time); errors go to stderr.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/capability.h>

#include "args.h"
#include "cgroups.h"
#include "confine.h"
#include "error.h"
#include "gaiola.h"
#include "mounts.h"
#include "namespaces.h"
#include "test-hooks.h"
#include "util.h"

/* The init's stack: a clone() with its own stack avoids a fork-then-unshare(CLONE_NEWPID) dance. */
#define INIT_STACK_BYTES (1u << 20)

static void loopback_up(void) {
  int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (s < 0) die_errno("socket", "lo");
  struct ifreq ifr;
  memset(&ifr, 0, sizeof ifr);
  snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "lo");
  if (ioctl(s, SIOCGIFFLAGS, &ifr) < 0) die_errno("SIOCGIFFLAGS", "lo");
  ifr.ifr_flags |= IFF_UP;
  if (ioctl(s, SIOCSIFFLAGS, &ifr) < 0) die_errno("SIOCSIFFLAGS", "lo");
  xclose(s, "lo");
}

static void keeper(void) __attribute__((noreturn));
static void keeper(void) {
  /* PID 1 of a pid namespace only receives the signals it handles; ignore every one we can, so nothing
   * inside stops it. SIGCHLD is blocked and waited for instead, to reap zombies (orphans land here). */
  set_all_signals(SIG_IGN);
  if (signal(SIGCHLD, SIG_DFL) == SIG_ERR) die_errno("signal", "SIGCHLD");
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGCHLD);
  xsigprocmask(SIG_BLOCK, &set);
  for (;;) {
    /* Until none is left to reap (ECHILD) or none has exited yet (0). */
    while (waitpid(-1, NULL, WNOHANG) > 0) {
    }
    siginfo_t info;
    if (sigwaitinfo(&set, &info) < 0 && errno != EINTR) die_errno("sigwaitinfo", "(init)");
  }
}

struct init_arg {
  const struct create_args *o;
  int go_fd;     /* one byte once the launcher has mapped ids, mounted the root and joined us to the cgroups */
  int status_fd; /* "ok", or the reason of a failure */
  int cgroup_dir, cgroup_leaf; /* v2: the sandbox's cgroup and the init's leaf (O_PATH); -1 on v1 */
  int in_leaf;                 /* born in the leaf (clone3 into it) rather than moved by the launcher */
  int argc;
  char **argv;
};

/* Runs as the sandbox's PID 1. */
static void sandbox_init(const struct init_arg *a) __attribute__((noreturn));
static void sandbox_init(const struct init_arg *a) {
  const struct create_args *o = a->o;
  error_redirect(a->status_fd);
  /* The clone copied the launcher's descriptors: the host's mount namespace, the launcher's ends of both
   * pipes (holding the go pipe's write end, we would never see the launcher die), whatever the agent left
   * open. Only our ends of the pipes stay; stdio becomes /dev/null below. */
  const int keep[] = {a->go_fd, a->status_fd, a->cgroup_dir, a->cgroup_leaf};
  close_fds_except(keep, a->cgroup_dir >= 0 ? 4 : 2);
  /* Die with the launcher from the start. Its death also shows as the go pipe's hangup, once no one else
   * holds the write end: that is how we look below, since getppid() says nothing here (the launcher is
   * outside our pid namespace: it is 0 whether the launcher lives or not). */
  if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0) die_errno("prctl", "PR_SET_PDEATHSIG");
  char c;
  ssize_t r;
  do r = read(a->go_fd, &c, 1);
  while (r < 0 && errno == EINTR);
  if (r != 1) _exit(1); /* the launcher failed and already reported why */

  /* Our /proc/self files belong to us only while we are dumpable: the launcher's euid change made us not (the
   * credential change below does so again). Raising needs no privilege. */
  if (prctl(PR_SET_DUMPABLE, 1, 0, 0, 0) < 0) die_errno("prctl", "PR_SET_DUMPABLE");
  set_student_oom_score();
  become_root_inside();
  test_stop("init-creds");
  /* A credential change clears the parent-death signal, so set it again, then check that the launcher did not
   * die in between: the go pipe hangs up when its only write end, the launcher's, closes. */
  if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0) die_errno("prctl", "PR_SET_PDEATHSIG");
  struct pollfd pf = {.fd = a->go_fd, .events = POLLIN};
  int hung_up = poll(&pf, 1, 0);
  if (hung_up < 0) die_errno("poll", "(go pipe)");
  if (hung_up > 0 && (pf.revents & (POLLHUP | POLLERR))) _exit(1);
  if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0) die_errno("prctl", "PR_SET_DUMPABLE");
  xsetsid("(init)");
  umask(022);

  cgroups_enter_namespace(a->cgroup_dir, a->cgroup_leaf, a->in_leaf);
  if (a->cgroup_dir >= 0) {
    xclose(a->cgroup_dir, "(sandbox cgroup)");
    xclose(a->cgroup_leaf, "(init leaf)");
  }
  if (unshare(CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNET) < 0)
    die_errno("unshare", "mnt,uts,ipc,net");
  mounts_build_root(o);
  if (sethostname(o->hostname, strlen(o->hostname)) < 0) die_errno("sethostname", o->hostname);
  loopback_up();
  if (install_seccomp_denylist() < 0) die_errno("seccomp", "(init)");

  int null = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null < 0) die_in_root("open", "/dev/null");
  char title[128];
  format(title, sizeof title, "gaiola-init %s", o->id);
  set_title(a->argc, a->argv, title, "gaiola-init");
  /* Nothing of the launcher's stdio stays with us: a keeper has nothing to say. */
  for (int fd = 0; fd <= 2; fd++) xdup2(null, fd, "/dev/null");
  xclose(null, "/dev/null");

  if (write(a->status_fd, "ok", 2) != 2) _exit(1);
  error_redirect(-1);
  xclose(a->status_fd, "(status pipe)");
  xclose(a->go_fd, "(go pipe)");
  close_fds_from_3();
  keeper();
}

static int init_trampoline(void *p) {
  sandbox_init(p);
}

static pid_t init_pid = -1;

/* A failure of the launcher after the clone: the init would die with us (parent-death signal), but kill and
 * reap it here, so that nothing of it outlives our exit. */
static void kill_init(void) {
  if (init_pid > 0) {
    kill_if_alive(init_pid, SIGKILL);
    reap(init_pid);
  }
}

static void write_file(const char *path, const char *content) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) die_errno("open", path);
  ssize_t n = write(fd, content, strlen(content));
  if (n < 0 || (size_t)n != strlen(content)) die_errno("write", path);
  xclose(fd, path);
}

/* Clones the init into new user and pid namespaces, with the user namespace owned by the sandbox's own host
 * uid, not by root: the kernel charges every per-user count made inside (inotify instances and watches,
 * namespaces of each kind: the ucounts) up the chain of user namespaces to the OWNER of the top one, in the
 * host's namespace. Owned by root, one student could use up host root's fs.inotify.max_user_instances (128)
 * and break inotify for the agent, systemd and every other sandbox; owned by BASE, each sandbox has the
 * host's per-user limits to itself. The euid is what the kernel records as owner; the capabilities stay (ruid
 * and suid are still 0), and the effective set, cleared by the euid change, is raised again for clone() (hosts
 * that restrict user namespaces to CAP_SYS_ADMIN). */
static pid_t clone_init(const struct create_args *o, struct init_arg *arg) {
  if (setresgid((gid_t)-1, (gid_t)o->base, (gid_t)-1) < 0 || setresuid((uid_t)-1, (uid_t)o->base, (uid_t)-1) < 0)
    die_errno("seteuid", "(sandbox owner)");
  struct __user_cap_header_struct caph = {.version = _LINUX_CAPABILITY_VERSION_3, .pid = 0};
  struct __user_cap_data_struct capd[2];
  if (syscall(__NR_capget, &caph, capd) < 0) die_errno("capget", "(sandbox owner)");
  capd[0].effective = capd[0].permitted;
  capd[1].effective = capd[1].permitted;
  if (syscall(__NR_capset, &caph, capd) < 0) die_errno("capset", "(sandbox owner)");
  pid_t pid = -1;
  errno = ENOSYS;
  if (arg->cgroup_leaf >= 0 && !o->cgroup_move) {
    /* The child gets a copy of *arg as it is now. */
    arg->in_leaf = 1;
    pid = clone_into_cgroup(arg->cgroup_leaf, CLONE_NEWUSER | CLONE_NEWPID, NULL);
    if (pid == 0) sandbox_init(arg);
  }
  if (pid < 0 && errno == ENOSYS) {
    arg->in_leaf = 0;
    char *stack = malloc(INIT_STACK_BYTES);
    if (!stack) die_errno("malloc", "(init stack)");
    pid = clone(init_trampoline, stack + INIT_STACK_BYTES, CLONE_NEWUSER | CLONE_NEWPID | SIGCHLD, arg);
    const int err = errno;
    /* Without CLONE_VM the init runs on its own copy of the stack: ours is no longer needed. */
    free(stack);
    errno = err;
  }
  int clone_errno = errno;
  /* Back to euid 0: the kernel restores the effective capabilities from the permitted set. */
  if (setresuid((uid_t)-1, 0, (uid_t)-1) < 0 || setresgid((gid_t)-1, 0, (gid_t)-1) < 0) {
    const int err = errno;
    if (pid > 0) kill_if_alive(pid, SIGKILL);
    errno = err;
    die_errno("seteuid", "0");
  }
  errno = clone_errno;
  if (pid < 0) die_errno("clone", "user,pid");
  return pid;
}

/* Waits for the init's "ok"; dies with its reason otherwise. */
static void await_init(int status_fd) {
  char msg[1024];
  size_t got = 0;
  for (;;) {
    ssize_t n = read(status_fd, msg + got, sizeof msg - 1 - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += (size_t)n;
    if (got >= sizeof msg - 1) break;
  }
  msg[got] = '\0';
  xclose(status_fd, "(status pipe)");
  if (strcmp(msg, "ok") != 0) {
    if (got == 0) die("sandbox init exited during setup");
    die("%s", msg);
  }
}

/* In the foreground until told to stop: a signal, EOF on stdin (the agent died) or the init's death. */
static int hold(const struct create_args *o, int sfd) {
  struct pollfd fds[2] = {{.fd = sfd, .events = POLLIN}, {.fd = 0, .events = POLLIN}};
  for (;;) {
    int n = poll(fds, 2, -1);
    if (n < 0) {
      if (errno == EINTR) continue;
      die_errno("poll", "(create)");
    }
    if (fds[0].revents & POLLIN) {
      struct signalfd_siginfo si;
      if (read_signal(sfd, &si)) {
        if (si.ssi_signo == SIGCHLD) {
          int status;
          pid_t w = waitpid(init_pid, &status, WNOHANG);
          if (w < 0 && errno != EINTR) die_errno("waitpid", "(init)");
          if (w == init_pid) {
            init_pid = -1;
            if (WIFSIGNALED(status))
              dprintf(2, "gaiola-sandbox: sandbox %s: init killed by signal %d\n", o->id, WTERMSIG(status));
            else dprintf(2, "gaiola-sandbox: sandbox %s: init exited with status %d\n", o->id, WEXITSTATUS(status));
            return 1;
          }
          continue;
        }
        if (si.ssi_signo == SIGPIPE) continue;
        return 0;
      }
    }
    if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
      char buf[256];
      ssize_t r = read(0, buf, sizeof buf);
      if (r <= 0 && !(r < 0 && errno == EINTR)) return 0;
    }
  }
}

int cmd_create(int argc, char **argv) {
  struct create_args o;
  parse_create_args(argc, argv, &o);
  if (geteuid() != 0) die("create: must run as root");

  int host_mnt_ns = open("/proc/self/ns/mnt", O_RDONLY | O_CLOEXEC);
  if (host_mnt_ns < 0) die_errno("open", "/proc/self/ns/mnt");
  /* Private setup mount namespace: the host mount table never changes. */
  mounts_prepare(&o);
  test_stop("prepared");

  int go[2], st[2];
  if (pipe2(go, O_CLOEXEC) < 0 || pipe2(st, O_CLOEXEC) < 0) die_errno("pipe", "(setup)");
  struct init_arg arg = {
      .o = &o, .go_fd = go[0], .status_fd = st[1], .cgroup_dir = -1, .cgroup_leaf = -1, .argc = argc, .argv = argv};
  if (o.cgroup_v2) arg.cgroup_leaf = cgroups_v2_make_init_leaf(&o, &arg.cgroup_dir);
  init_pid = clone_init(&o, &arg);
  error_on_die(kill_init);
  xclose(go[0], "(go pipe)");
  xclose(st[1], "(status pipe)");
  if (arg.cgroup_dir >= 0) {
    xclose(arg.cgroup_dir, "(sandbox cgroup)");
    xclose(arg.cgroup_leaf, "(init leaf)");
  }
  test_stop("cloned");

  char path[64], map[64];
  format(map, sizeof map, "0 %lu %u\n", o.base, ID_RANGE);
  format(path, sizeof path, "/proc/%d/uid_map", (int)init_pid);
  write_file(path, map);
  format(path, sizeof path, "/proc/%d/gid_map", (int)init_pid);
  write_file(path, map);
  test_stop("mapped");
  mounts_overlay(&o, init_pid);
  test_stop("mounted");
  /* Before the init unshares its cgroup namespace, so that the namespace's root is the sandbox's cgroup. */
  if (!arg.in_leaf) cgroups_add_process(&o, init_pid);
  test_stop("joined");

  if (write(go[1], "g", 1) != 1) die_errno("write", "(go pipe)");
  test_stop("go");
  await_init(st[0]);
  test_stop("ok");

  /* The setup namespace is no longer needed: the init holds its own copy of every mount it uses. Going
   * back to the host's mount namespace lets the setup one (and its copies of host mounts) go away. */
  if (setns(host_mnt_ns, CLONE_NEWNS) < 0) die_errno("setns", "host mnt");
  xclose(host_mnt_ns, "/proc/self/ns/mnt");

  static const int sigs[] = {SIGTERM, SIGHUP, SIGINT, SIGCHLD, SIGPIPE};
  int sfd = signal_fd(sigs, sizeof sigs / sizeof sigs[0], 0, "(create)");

  char ready[64];
  /* With the init's start time: the init is our child, not reaped, so this pid names it still; the agent
   * passes the pair back (--pid, --start-time), and a later holder of the number is never taken for it. */
  format(path, sizeof path, "/proc/%d", (int)init_pid);
  int initdir = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (initdir < 0) die_errno("open", path);
  const long long started = start_time_of(initdir);
  if (started < 0) die_errno("read", "/proc/PID/stat of the init");
  xclose(initdir, path);
  format(ready, sizeof ready, "ready %d %lld\n", (int)init_pid, started);
  write_all(1, ready, strlen(ready), "stdout");
  char ptitle[128];
  format(ptitle, sizeof ptitle, "gaiola-sandbox %s", o.id);
  set_title(argc, argv, ptitle, "gaiola-sandbox");
  test_stop("ready");
  /* Holding the sandbox takes nothing but its signals, stdin and the init's death. */
  keep_only_kill(NULL, 0);

  int rc = hold(&o, sfd);
  kill_init();
  return rc;
}
