/*
 * The sandbox's cgroups (see cgroups.h). Host root writes the init's pid into the cgroup.procs files under
 * the directories the agent passed with --cgroup; the init, root inside, mounts what it was delegated.
 */
#include "cgroups.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "error.h"
#include "kernel.h"
#include "mounts.h"
#include "util.h"

/* The read-only tmpfs under the v1 controller binds at /sys/fs/cgroup. */
#define CGROUP_TMPFS_BYTES (64ull << 10)

void cgroups_add_process(const struct create_args *o, pid_t pid) {
  char path[PATH_MAX], pidstr[32];
  format(pidstr, sizeof pidstr, "%d", (int)pid);
  const size_t len = strlen(pidstr);
  for (int i = 0; i < o->ncgroups; i++) {
    format(path, sizeof path, "%s/cgroup.procs", o->cgroups[i]);
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) die_errno("open", path);
    if (write(fd, pidstr, len) != (ssize_t)len) die_errno("write", path);
    xclose(fd, path);
  }
}

int cgroups_v2_make_init_leaf(const struct create_args *o, int *sandbox_dir) {
  const char *dir = o->cgroups[0];
  int sdir = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (sdir < 0) die_errno("open", dir);
  set_fsids((uid_t)o->base, (gid_t)o->base);
  const int made = mkdirat(sdir, V2_INIT_LEAF, 0755);
  const int err = errno;
  set_fsids(0, 0);
  errno = err;
  if (made < 0) die_errno("mkdir", V2_INIT_LEAF " (in the sandbox's cgroup)");
  int leaf = openat(sdir, V2_INIT_LEAF, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (leaf < 0) die_errno("open", V2_INIT_LEAF " (in the sandbox's cgroup)");
  *sandbox_dir = sdir;
  return leaf;
}

pid_t clone_into_cgroup(int dir, uint64_t flags, int *pidfd) {
  struct gaiola_clone_args ca;
  memset(&ca, 0, sizeof ca);
  ca.flags = flags | CLONE_INTO_CGROUP;
  ca.exit_signal = SIGCHLD;
  ca.cgroup = (uint64_t)dir;
  if (flags & CLONE_PIDFD) ca.pidfd = (uint64_t)(uintptr_t)pidfd;
  pid_t pid = sys_clone3(&ca);
  /* Kernels 5.3-5.6 have clone3 without this field (E2BIG) or this flag (EINVAL). */
  if (pid < 0 && (errno == E2BIG || errno == EINVAL)) errno = ENOSYS;
  return pid;
}

int cgroups_v2_dir_of_procs(const char *const *procs, int nprocs) {
  static const char suffix[] = "/cgroup.procs";
  if (nprocs != 1) return -1;
  const size_t len = strlen(procs[0]), slen = sizeof suffix - 1;
  if (len <= slen || strcmp(procs[0] + len - slen, suffix) != 0) return -1;
  char dir[PATH_MAX];
  format(dir, sizeof dir, "%.*s", (int)(len - slen), procs[0]);
  int fd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) die_errno("open", dir);
  struct statfs st;
  if (fstatfs(fd, &st) < 0) die_errno("statfs", dir);
  if (st.f_type == CGROUP2_SUPER_MAGIC) return fd;
  xclose(fd, dir);
  return -1;
}

/* A cgroup namespace is rooted where its creator is when it is made, and the init, born in its leaf, must not
 * move: a helper born in the sandbox's cgroup makes it, and stays until the init has entered it. The helper is
 * a child of the init, PID 1 of the pid namespace: it cannot outlive it. */
static void enter_namespace_of_helper(int sandbox_dir) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) die_errno("socketpair", "(cgroup namespace)");
  int pidfd = -1;
  pid_t helper = clone_into_cgroup(sandbox_dir, CLONE_PIDFD, &pidfd);
  if (helper < 0) die_errno("clone3", "(cgroup namespace helper)");
  if (helper == 0) {
    /* setns on a pidfd asks for ptrace read access to its process: a non-dumpable one (the init is) would
     * need CAP_SYS_PTRACE on the host. The helper holds nothing and lives until the init has entered. */
    int err = close(sv[0]) < 0 || prctl(PR_SET_DUMPABLE, 1, 0, 0, 0) < 0 || unshare(CLONE_NEWCGROUP) < 0 ? errno : 0;
    char c;
    /* The init's end closing (EOF) says it has entered the namespace. */
    if (write(sv[1], &err, sizeof err) == sizeof err)
      while (read(sv[1], &c, 1) < 0 && errno == EINTR) {
      }
    _exit(err ? 1 : 0);
  }
  xclose(sv[1], "(cgroup namespace helper)");
  int err = 0;
  ssize_t n;
  do n = read(sv[0], &err, sizeof err);
  while (n < 0 && errno == EINTR);
  if (n != (ssize_t)sizeof err) die("cgroup namespace helper: exited before reporting");
  if (err) {
    errno = err;
    die_errno("unshare", "cgroup (helper)");
  }
  if (setns(pidfd, CLONE_NEWCGROUP) < 0) die_errno("setns", "cgroup (of the helper)");
  xclose(sv[0], "(cgroup namespace helper)");
  xclose(pidfd, "(pidfd of the cgroup namespace helper)");
  const int status = reap(helper);
  if (exit_code(status) != 0) die("cgroup namespace helper: exit status %d", exit_code(status));
}

void cgroups_enter_namespace(int sandbox_dir, int leaf, int in_leaf) {
  if (in_leaf) {
    enter_namespace_of_helper(sandbox_dir);
    return;
  }
  if (unshare(CLONE_NEWCGROUP) < 0) die_errno("unshare", "cgroup");
  if (leaf < 0) return;
  /* No-internal-process rule: the init leaves the root so that the root can enable controllers. */
  int fd = openat(leaf, "cgroup.procs", O_WRONLY | O_CLOEXEC);
  if (fd < 0 || write(fd, "0", 1) != 1) die_errno("join", "/sys/fs/cgroup/" V2_INIT_LEAF "/cgroup.procs");
  xclose(fd, "/sys/fs/cgroup/" V2_INIT_LEAF "/cgroup.procs");
}

/* The v1 controller name of a delegated dir is the basename of its hierarchy's mount point: walk up while
 * the device stays the same (every v1 hierarchy is its own superblock). */
static void v1_controller_name(const char *dir, char *out, size_t outlen) {
  char path[PATH_MAX];
  if (!realpath(dir, path)) die_in_root("realpath", dir);
  struct stat st;
  if (stat(path, &st) < 0) die_in_root("stat", path);
  for (;;) {
    char *slash = strrchr(path, '/');
    if (!slash || slash[1] == '\0') die("cgroup %s: no hierarchy mount point found", dir);
    char parent[PATH_MAX];
    size_t plen = slash == path ? 1 : (size_t)(slash - path);
    memcpy(parent, path, plen);
    parent[plen] = '\0';
    struct stat up;
    if (stat(parent, &up) < 0) die_in_root("stat", parent);
    if (up.st_dev != st.st_dev) {
      format(out, outlen, "%s", slash + 1);
      return;
    }
    if (plen == 1) die("cgroup %s: no hierarchy mount point found", dir);
    *slash = '\0';
  }
}

/* Whether `word` is one of the space-separated words of `list`. */
static int has_word(const char *list, const char *word) {
  size_t wl = strlen(word);
  for (const char *p = list; (p = strstr(p, word)) != NULL; p += wl) {
    int start_ok = p == list || p[-1] == ' ';
    int end_ok = p[wl] == ' ' || p[wl] == '\n' || p[wl] == '\0';
    if (start_ok && end_ok) return 1;
  }
  return 0;
}

static void mount_v2(void) {
  /* Inside our cgroup namespace, the delegated sandbox cgroup is the root of this mount. */
  mount_in_root("cgroup2", "sys/fs/cgroup", "cgroup2", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
  /* The init is in its leaf already (cgroups_enter_namespace): the root may enable controllers. */
  char avail[512] = "";
  int fd = open("sys/fs/cgroup/cgroup.controllers", O_RDONLY | O_CLOEXEC);
  if (fd < 0) die_in_root("open", "/sys/fs/cgroup/cgroup.controllers");
  ssize_t n = read(fd, avail, sizeof avail - 1);
  xclose(fd, "/sys/fs/cgroup/cgroup.controllers");
  if (n < 0) die_in_root("read", "/sys/fs/cgroup/cgroup.controllers");
  avail[n] = '\0';
  /* What the lessons use; the caps themselves stay on the host's side of the delegation. */
  static const char *const wanted[] = {"memory", "pids", "cpu"};
  char enable[64] = "";
  for (size_t i = 0; i < sizeof wanted / sizeof wanted[0]; i++) {
    if (!has_word(avail, wanted[i])) continue;
    size_t used = strlen(enable);
    format(enable + used, sizeof enable - used, "%s%s", used ? " +" : "+", wanted[i]);
  }
  if (enable[0]) {
    fd = open("sys/fs/cgroup/cgroup.subtree_control", O_WRONLY | O_CLOEXEC);
    if (fd < 0) die_in_root("open", "/sys/fs/cgroup/cgroup.subtree_control");
    if (write(fd, enable, strlen(enable)) < 0) die_in_root("write", "/sys/fs/cgroup/cgroup.subtree_control");
    xclose(fd, "/sys/fs/cgroup/cgroup.subtree_control");
  }
}

static void mount_v1(const struct create_args *o) {
  char opts[64];
  snprintf(opts, sizeof opts, "size=%llu,mode=0755", CGROUP_TMPFS_BYTES);
  mount_in_root("cgroup", "sys/fs/cgroup", "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, opts);
  for (int i = 0; i < o->ncgroups; i++) {
    char name[NAME_MAX + 1], target[PATH_MAX];
    v1_controller_name(o->cgroups[i], name, sizeof name);
    format(target, sizeof target, "sys/fs/cgroup/%s", name);
    mkdir_in_root(target, 0755);
    mount_in_root(o->cgroups[i], target, NULL, MS_BIND, NULL);
    /* Co-mounted controllers (cpu,cpuacct) also get their usual single-name symlinks. */
    if (strchr(name, ',')) {
      char copy[NAME_MAX + 1];
      format(copy, sizeof copy, "%s", name);
      for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        char link[PATH_MAX];
        format(link, sizeof link, "sys/fs/cgroup/%s", tok);
        symlink_in_root(name, link);
      }
    }
  }
  /* runc on a v1 host refuses to start without a mounted `devices` hierarchy ("mountpoint for devices not
   * found"). A read-only view of it, rooted at our cgroup namespace, satisfies it and grants nothing: the
   * rootless container skips what it cannot write. Hosts without that hierarchy simply go without. */
  mkdir_in_root("sys/fs/cgroup/devices", 0755);
  if (mount("cgroup", "sys/fs/cgroup/devices", "cgroup", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, "devices") < 0)
    if (rmdir("sys/fs/cgroup/devices") < 0) die_in_root("rmdir", "sys/fs/cgroup/devices");
  mount_in_root(NULL, "sys/fs/cgroup", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
}

void cgroups_mount_inside(const struct create_args *o) {
  if (o->cgroup_v2) mount_v2();
  else mount_v1(o);
}
