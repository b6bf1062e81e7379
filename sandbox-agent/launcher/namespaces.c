/*
 * The processes the agent names, and joining a running sandbox (see namespaces.h). Host root until the child
 * enters the sandbox's user namespace; a pid is pinned by a pidfd before anything of it is used, and an init
 * checked through its uid_map.
 */
#include "namespaces.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "cgroups.h"
#include "confine.h"
#include "error.h"
#include "kernel.h"
#include "test-hooks.h"
#include "util.h"

/* The namespaces a joining child enters in one setns on the init's pidfd (the kernel takes the user namespace
 * first and checks the others with the capabilities it gives). The pid namespace is entered by the parent
 * (it applies to the children), so the parent stays outside, invisible to the student. */
#define JOIN_NAMESPACES \
  (CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNET | CLONE_NEWCGROUP | CLONE_NEWUSER)

static void die_gone(const char *cmd, const char *what, long pid, int status) __attribute__((noreturn));
static void die_gone(const char *cmd, const char *what, long pid, int status) {
  die_status(status, "%s: %s %ld is gone", cmd, what, pid);
}

/* Counted from the last ')' of /proc/PID/stat: the command name before it may hold anything. */
long long start_time_of(int procdir) {
  int fd = openat(procdir, "stat", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  char buf[1024];
  ssize_t n = read(fd, buf, sizeof buf - 1);
  const int err = errno;
  xclose(fd, "/proc/PID/stat");
  errno = err;
  if (n <= 0) return -1;
  buf[n] = '\0';
  char *p = strrchr(buf, ')');
  /* Each space found is the one before the next field: the first, after ')', precedes field 3. */
  for (int field = 2; p && field < 22; field++) p = strchr(p + 1, ' ');
  if (!p) return -1;
  char *end = NULL;
  long long v = strtoll(p + 1, &end, 10);
  return end && end != p + 1 ? v : -1;
}

int pin_process(const char *cmd, const char *what, const struct target *t, int gone_status, int *procdir) {
  int pidfd = sys_pidfd_open((pid_t)t->pid, 0);
  if (pidfd < 0) {
    if (errno == ESRCH) die_gone(cmd, what, t->pid, gone_status);
    die_errno("pidfd_open", what);
  }
  char path[64];
  format(path, sizeof path, "/proc/%ld", t->pid);
  int dir = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) {
    if (errno == ENOENT) die_gone(cmd, what, t->pid, gone_status);
    die_errno("open", path);
  }
  const long long started = start_time_of(dir);
  /* Alive after /proc/PID was opened: the pidfd's process held the number all along, so the directory is its.
   * Then the start time tells it from an earlier holder of the number that the agent may have meant. */
  if (sys_pidfd_send_signal(pidfd, 0, NULL, 0) < 0) {
    if (errno == ESRCH) die_gone(cmd, what, t->pid, gone_status);
    die_errno("pidfd_send_signal", what);
  }
  if (started < 0 || (t->start_time >= 0 && started != t->start_time)) die_gone(cmd, what, t->pid, gone_status);
  if (procdir) *procdir = dir;
  else xclose(dir, path);
  return pidfd;
}

void sandbox_open(struct sandbox_handle *sb, const char *cmd, const struct join_args *a) {
  if (geteuid() != 0) die("%s: must run as root", cmd);
  memset(sb, 0, sizeof *sb);
  sb->pid1 = a->init.pid;
  sb->parent = -1;
  sb->init = pin_process(cmd, "sandbox init", &a->init, 1, &sb->procdir);
  /* A sandbox's init maps 0 inside to a non-root host range: that tells it from any other process. */
  int mfd = openat(sb->procdir, "uid_map", O_RDONLY | O_CLOEXEC);
  char mapbuf[256] = "";
  ssize_t mn = mfd >= 0 ? read(mfd, mapbuf, sizeof mapbuf - 1) : -1;
  if (mn <= 0) {
    if (errno == ESRCH || errno == ENOENT) die_gone(cmd, "sandbox init", sb->pid1, 1);
    die_errno("read", "uid_map of the sandbox init");
  }
  xclose(mfd, "uid_map of the sandbox init");
  mapbuf[mn] = '\0';
  unsigned long inside = 1, base = 0, count = 0;
  if (sscanf(mapbuf, "%lu %lu %lu", &inside, &base, &count) != 3 || inside != 0 || base == 0)
    die("%s: pid %ld is not a gaiola sandbox init (uid_map: %s)", cmd, sb->pid1, mapbuf);
  sb->base = base;
  sb->cgroup_dir = a->cgroup_move ? -1 : cgroups_v2_dir_of_procs(a->procs, a->nprocs);
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
  if (setns(sb->init, CLONE_NEWPID) < 0) die_errno("setns", "pid (of the sandbox init)");
  pid_t child = -1;
  errno = ENOSYS;
  if (sb->cgroup_dir >= 0) {
    /* The child gets a copy of *sb as it is now. */
    sb->born_in_cgroup = 1;
    child = clone_into_cgroup(sb->cgroup_dir, 0, NULL);
  }
  if (child < 0 && errno == ENOSYS) {
    sb->born_in_cgroup = 0;
    child = fork();
  }
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
  /* Host root still: the cgroups first ("0" is this process), then the cgroup namespace, so that its root is
   * the sandbox's cgroup (and with nsdelegate on v2 a move from outside the namespace would be refused). */
  if (!sb->born_in_cgroup)
    for (int k = 0; k < sb->nprocs; k++)
      if (write(sb->procs[k], "0", 1) != 1) die_errno("join cgroup", sb->proc_paths[k]);
  test_stop("join-entered");
  set_student_oom_score();
  if (setns(sb->init, JOIN_NAMESPACES) < 0)
    die_errno("setns", "mnt,uts,ipc,net,cgroup,user (of the sandbox init)");
  become_root_inside();
  /* Root of the sandbox's user namespace now: allowed to filter without no_new_privs. */
  if (install_seccomp_denylist() < 0) die_errno("seccomp", cmd);
  /* The credential change cleared the parent-death signal. */
  die_with_parent(sb);
  sandbox_close(sb);
}

void sandbox_close(struct sandbox_handle *sb) {
  for (int k = 0; k < sb->nprocs; k++) xclose(sb->procs[k], sb->proc_paths[k]);
  if (sb->cgroup_dir >= 0) xclose(sb->cgroup_dir, "(sandbox cgroup)");
  sb->cgroup_dir = -1;
  xclose(sb->init, "(pidfd of the sandbox init)");
  xclose(sb->procdir, "/proc/PID of the sandbox init");
  if (sb->parent >= 0) xclose(sb->parent, "(parent pidfd)");
  sb->parent = -1;
  sb->nprocs = 0;
}

void enter_ns_of(const char *cmd, const struct target *t, int type) {
  int pidfd = pin_process(cmd, "process", t, 2, NULL);
  if (setns(pidfd, type) < 0) {
    if (errno == ESRCH) die_gone(cmd, "process", t->pid, 2);
    die_errno("setns", cmd);
  }
  xclose(pidfd, "(pidfd)");
}
