/*
 * Joining a running sandbox (see namespaces.h). Host root until the child enters the sandbox's user
 * namespace; the pid the agent names is checked through its uid_map before anything of it is used.
 */
#include "namespaces.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "confine.h"
#include "error.h"
#include "kernel.h"
#include "test-hooks.h"
#include "util.h"

static const char *const ns_names[NS_COUNT] = {
    [NS_MNT] = "mnt", [NS_UTS] = "uts",   [NS_IPC] = "ipc", [NS_NET] = "net",
    [NS_CGROUP] = "cgroup", [NS_USER] = "user", [NS_PID] = "pid",
};
static const int ns_types[NS_COUNT] = {
    [NS_MNT] = CLONE_NEWNS,       [NS_UTS] = CLONE_NEWUTS,   [NS_IPC] = CLONE_NEWIPC, [NS_NET] = CLONE_NEWNET,
    [NS_CGROUP] = CLONE_NEWCGROUP, [NS_USER] = CLONE_NEWUSER, [NS_PID] = CLONE_NEWPID,
};

static void die_gone(const char *cmd, long pid1) __attribute__((noreturn));
static void die_gone(const char *cmd, long pid1) {
  die("%s: sandbox init %ld is gone", cmd, pid1);
}

void sandbox_open(struct sandbox_handle *sb, const char *cmd, const struct join_args *a) {
  memset(sb, 0, sizeof *sb);
  sb->pid1 = a->pid1;
  sb->parent = -1;
  char path[PATH_MAX];
  format(path, sizeof path, "/proc/%ld", a->pid1);
  sb->procdir = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (sb->procdir < 0) {
    if (errno == ENOENT) die_gone(cmd, a->pid1);
    die_errno("open", path);
  }
  /* A sandbox's init maps 0 inside to a non-root host range: that tells it from any other process. */
  int mfd = openat(sb->procdir, "uid_map", O_RDONLY | O_CLOEXEC);
  char mapbuf[256] = "";
  ssize_t mn = mfd >= 0 ? read(mfd, mapbuf, sizeof mapbuf - 1) : -1;
  if (mn <= 0) {
    if (errno == ESRCH || errno == ENOENT) die_gone(cmd, a->pid1);
    die_errno("read", "uid_map of the sandbox init");
  }
  xclose(mfd, "uid_map of the sandbox init");
  mapbuf[mn] = '\0';
  unsigned long inside = 1, base = 0, count = 0;
  if (sscanf(mapbuf, "%lu %lu %lu", &inside, &base, &count) != 3 || inside != 0 || base == 0)
    die("%s: pid %ld is not a gaiola sandbox init (uid_map: %s)", cmd, a->pid1, mapbuf);
  sb->base = base;
  for (int k = 0; k < NS_COUNT; k++) {
    format(path, sizeof path, "ns/%s", ns_names[k]);
    sb->ns[k] = openat(sb->procdir, path, O_RDONLY | O_CLOEXEC);
    if (sb->ns[k] < 0) {
      if (errno == ENOENT || errno == ESRCH) die_gone(cmd, a->pid1);
      snprintf(path, sizeof path, "/proc/%ld/ns/%s", a->pid1, ns_names[k]);
      die_errno("open", path);
    }
  }
  sb->nprocs = a->nprocs;
  for (int k = 0; k < a->nprocs; k++) {
    sb->proc_paths[k] = a->procs[k];
    sb->procs[k] = open(a->procs[k], O_WRONLY | O_CLOEXEC);
    if (sb->procs[k] < 0) die_errno("open", a->procs[k]);
  }
}

pid_t sandbox_fork(struct sandbox_handle *sb, const char *cmd) {
  sb->parent = sys_pidfd_open(getpid(), 0);
  if (sb->parent < 0) die_errno("pidfd_open", "(self)");
  if (setns(sb->ns[NS_PID], CLONE_NEWPID) < 0) die_errno("setns", "pid");
  pid_t child = fork();
  if (child < 0) die_errno("fork", cmd);
  return child;
}

/* Dies with the parent from now on (SIGKILL), and exits at once if it is already gone: a parent that died
 * before the signal was set cannot send it any more, but its pidfd has turned readable. */
static void die_with_parent(const struct sandbox_handle *sb) {
  if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0) die_errno("prctl", "PR_SET_PDEATHSIG");
  struct pollfd pf = {.fd = sb->parent, .events = POLLIN};
  int gone = poll(&pf, 1, 0);
  if (gone < 0) die_errno("poll", "(parent pidfd)");
  if (gone > 0) _exit(1);
}

void sandbox_join(struct sandbox_handle *sb, const char *cmd) {
  test_stop("join");
  /* An orphan never enters the sandbox. */
  die_with_parent(sb);
  char path[PATH_MAX];
  /* Host root still: the cgroups first ("0" is this process), then the cgroup namespace, so that its root is
   * the sandbox's cgroup (and with nsdelegate on v2 a move from outside the namespace would be refused). */
  for (int k = 0; k < sb->nprocs; k++)
    if (write(sb->procs[k], "0", 1) != 1) die_errno("join cgroup", sb->proc_paths[k]);
  test_stop("join-entered");
  set_student_oom_score();
  for (int k = NS_MNT; k <= NS_USER; k++)
    if (setns(sb->ns[k], ns_types[k]) < 0) {
      snprintf(path, sizeof path, "/proc/%ld/ns/%s", sb->pid1, ns_names[k]);
      die_errno("setns", path);
    }
  become_root_inside();
  /* Root of the sandbox's user namespace now: allowed to filter without no_new_privs. */
  if (install_seccomp_denylist() < 0) die_errno("seccomp", cmd);
  /* The credential change cleared the parent-death signal. */
  die_with_parent(sb);
  sandbox_close(sb);
}

void sandbox_close(struct sandbox_handle *sb) {
  for (int k = 0; k < sb->nprocs; k++) xclose(sb->procs[k], sb->proc_paths[k]);
  for (int k = 0; k < NS_COUNT; k++) xclose(sb->ns[k], ns_names[k]);
  xclose(sb->procdir, "/proc/PID of the sandbox init");
  if (sb->parent >= 0) xclose(sb->parent, "(parent pidfd)");
  sb->parent = -1;
  sb->nprocs = 0;
}

int open_ns_of(const char *cmd, long pid, const char *kind) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%ld/ns/%s", pid, kind);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    die_status(err == ENOENT || err == ESRCH ? 2 : 1, "%s: open %s: %s", cmd, path, strerror(err));
  }
  return fd;
}
