/*
 * The sandbox's filesystem (see mounts.h). Host side: CAP_SYS_ADMIN of the host in the launcher's private
 * mount namespace, trusting the agent's --lower and --mnt. Inside: root of the sandbox's user namespace in the
 * init's own mount namespace, on a tree no student has touched yet.
 */
#include "mounts.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cgroups.h"
#include "error.h"
#include "kernel.h"
#include "util.h"

/* Inodes of the writable layer: stops `touch` loops from pinning unbounded kernel memory in small files. */
#define TMPFS_NR_INODES 65536
/* /run inside: pid files and sockets only. */
#define RUN_TMPFS_BYTES (16ull << 20)
/* /dev inside holds a few device binds and symlinks only. */
#define DEV_TMPFS_BYTES (64ull << 10)
/* /dev/shm inside; its pages are charged to the sandbox's memory cgroup anyway. */
#define SHM_TMPFS_BYTES (64ull << 20)
/* Nested ptys a student may open (tmux, script, unshare --pty ...). */
#define DEVPTS_MAX 64
/* Group `tty` of Debian inside the sandbox: owner group of the student's pty slaves. */
#define TTY_GID 5

/* ---- host side ---- */

static void dir_of_mnt(char *out, size_t outlen, const struct create_args *o, const char *name) {
  format(out, outlen, "%s/%s", o->mnt, name);
}

void mounts_prepare(const struct create_args *o) {
  if (unshare(CLONE_NEWNS) < 0) die_errno("unshare", "mnt");
  if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) die_errno("mount --make-rprivate", "/");
  char opts[256], src[96];
  format(opts, sizeof opts, "size=%llu,nr_inodes=%d,mode=0755", o->tmpfs_bytes, TMPFS_NR_INODES);
  /* The tmpfs's source names the sandbox: what a leftover mount belongs to shows in any mountinfo. */
  format(src, sizeof src, "gaiola-%s", o->id);
  if (mount(src, o->mnt, "tmpfs", MS_NOSUID | MS_NODEV, opts) < 0) die_errno("mount tmpfs on", o->mnt);
  static const char *const dirs[] = {"lower", "upper", "work", "root"};
  char path[PATH_MAX];
  for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
    dir_of_mnt(path, sizeof path, o, dirs[i]);
    if (mkdir(path, 0755) < 0) die_errno("mkdir", path);
  }
  /* The upper directory becomes the sandbox's "/", owned by root inside. */
  dir_of_mnt(path, sizeof path, o, "upper");
  if (chown(path, (uid_t)o->base, (gid_t)o->base) < 0) die_errno("chown", path);
}

void mounts_overlay(const struct create_args *o, pid_t init_pid) {
  char lower[PATH_MAX], root[PATH_MAX], path[64];
  dir_of_mnt(lower, sizeof lower, o, "lower");
  dir_of_mnt(root, sizeof root, o, "root");
  /* Idmapped, read-only lower layer: files owned by 0 on disk appear owned by BASE (root inside). */
  format(path, sizeof path, "/proc/%d/ns/user", (int)init_pid);
  int userns = open(path, O_RDONLY | O_CLOEXEC);
  if (userns < 0) die_errno("open", path);
  int tree = sys_open_tree(AT_FDCWD, o->lower, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_RECURSIVE);
  if (tree < 0) die_errno("open_tree", o->lower);
  struct gaiola_mount_attr attr = {
      .attr_set = MOUNT_ATTR_IDMAP | MOUNT_ATTR_RDONLY, .attr_clr = 0, .propagation = 0, .userns_fd = (uint64_t)userns};
  if (sys_mount_setattr(tree, "", AT_EMPTY_PATH | AT_RECURSIVE, &attr) < 0) die_errno("mount_setattr idmap", o->lower);
  if (sys_move_mount(tree, "", AT_FDCWD, lower, MOVE_MOUNT_F_EMPTY_PATH) < 0) die_errno("move_mount", lower);
  xclose(tree, o->lower);
  xclose(userns, path);
  /* The layers are named relative to the setup tmpfs, from inside it: the kernel shows the options as given in
   * every mountinfo of the sandbox's root, so the student reads "lowerdir=lower,...", not where the launcher
   * keeps them on the host. */
  if (chdir(o->mnt) < 0) die_errno("chdir", o->mnt);
  if (mount("overlay", "root", "overlay", MS_NODEV, "lowerdir=lower,upperdir=upper,workdir=work") < 0)
    die_errno("mount overlay on", root);
  if (chdir("/") < 0) die_errno("chdir", "/");
}

/* ---- inside ---- */

void die_in_root(const char *op, const char *path) {
  const int err = errno;
  die("%s %s%s: %s", op, path[0] == '/' ? "" : "(sandbox)/", path, strerror(err));
}

void mount_in_root(const char *src, const char *target, const char *type, unsigned long flags, const char *data) {
  if (mount(src, target, type, flags, data) < 0) {
    char op[96];
    snprintf(op, sizeof op, "mount %s on", type ? type : (flags & MS_BIND) ? "bind" : "(remount)");
    die_in_root(op, target);
  }
}

void mkdir_in_root(const char *path, mode_t mode) {
  if (mkdir(path, mode) < 0 && errno != EEXIST) die_in_root("mkdir", path);
}

void symlink_in_root(const char *target, const char *path) {
  if (symlink(target, path) < 0 && errno != EEXIST) die_in_root("symlink", path);
}

/* Binds one host device node onto an empty file of the sandbox's /dev. */
static void bind_dev(const char *name) {
  char host[64], inside[64];
  format(host, sizeof host, "/dev/%s", name);
  format(inside, sizeof inside, "dev/%s", name);
  int fd = open(inside, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
  if (fd < 0) die_in_root("create", inside);
  xclose(fd, inside);
  mount_in_root(host, inside, NULL, MS_BIND, NULL);
}

static void mount_dev(void) {
  char opts[128];
  format(opts, sizeof opts, "size=%llu,mode=0755", DEV_TMPFS_BYTES);
  mount_in_root("dev", "dev", "tmpfs", MS_NOSUID | MS_NOEXEC, opts);
  static const char *const devs[] = {"null", "zero", "full", "random", "urandom", "tty"};
  for (size_t i = 0; i < sizeof devs / sizeof devs[0]; i++) bind_dev(devs[i]);
  mkdir_in_root("dev/pts", 0755);
  /* A devpts of the sandbox's own: its ptys are numbered from 0 and invisible to the host's. */
  format(opts, sizeof opts, "newinstance,ptmxmode=0666,mode=620,gid=%d,max=%d", TTY_GID, DEVPTS_MAX);
  mount_in_root("devpts", "dev/pts", "devpts", MS_NOSUID | MS_NOEXEC, opts);
  symlink_in_root("pts/ptmx", "dev/ptmx");
  mkdir_in_root("dev/shm", 01777);
  format(opts, sizeof opts, "size=%llu,mode=1777", SHM_TMPFS_BYTES);
  mount_in_root("shm", "dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, opts);
  mkdir_in_root("dev/mqueue", 01777);
  mount_in_root("mqueue", "dev/mqueue", "mqueue", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
  symlink_in_root("/proc/self/fd", "dev/fd");
  symlink_in_root("/proc/self/fd/0", "dev/stdin");
  symlink_in_root("/proc/self/fd/1", "dev/stdout");
  symlink_in_root("/proc/self/fd/2", "dev/stderr");
}

void mounts_build_root(const struct create_args *o) {
  mount_in_root(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);
  char root[PATH_MAX];
  format(root, sizeof root, "%s/root", o->mnt);
  /* The overlay came from a more privileged mount namespace, so it is locked, and pivot_root refuses a
   * locked new root (EINVAL): bind it onto itself to get an unlocked mount of ours. */
  mount_in_root(root, root, NULL, MS_BIND | MS_REC, NULL);
  if (chdir(root) < 0) die_in_root("chdir", root);

  /* proc and sysfs must be mounted before the old root goes: a new proc/sysfs mount is only allowed while a
   * fully visible one exists in this mount namespace (the kernel's mnt_too_revealing). */
  mkdir_in_root("proc", 0555);
  mount_in_root("proc", "proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
  mkdir_in_root("sys", 0555);
  mount_in_root("sysfs", "sys", "sysfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
  cgroups_mount_inside(o);
  mount_dev();
  char opts[128];
  mkdir_in_root("tmp", 01777);
  format(opts, sizeof opts, "size=%llu,mode=1777", o->tmpfs_bytes);
  mount_in_root("tmp", "tmp", "tmpfs", MS_NOSUID | MS_NODEV, opts);
  mkdir_in_root("run", 0755);
  format(opts, sizeof opts, "size=%llu,mode=0755", RUN_TMPFS_BYTES);
  mount_in_root("run", "run", "tmpfs", MS_NOSUID | MS_NODEV, opts);
  /* A second, read-only sysfs keeps sysfs "fully visible" after `ip netns exec` unmounts /sys in a nested
   * mount namespace, so that its own sysfs mount is allowed. */
  mkdir_in_root("run/.sysfs-anchor", 0555);
  mount_in_root("sysfs", "run/.sysfs-anchor", "sysfs", MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_RDONLY, NULL);

  if (sys_pivot_root(".", ".") < 0) die_in_root("pivot_root", root);
  if (umount2(".", MNT_DETACH) < 0) die_in_root("umount", "old root");
  if (chdir("/") < 0) die_in_root("chdir", "/");
}
