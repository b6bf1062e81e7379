/*
 * Kernel interfaces the C library's headers may lack (Debian 12's glibc predates several), and thin wrappers
 * that call them by number. The numbers are those of the generic syscall table, the same on x86_64 and
 * aarch64. No privilege and no input here: declarations only.
 */
#ifndef GAIOLA_KERNEL_H
#define GAIOLA_KERNEL_H

#include <fcntl.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef __NR_open_tree
#define __NR_open_tree 428
#endif
#ifndef __NR_move_mount
#define __NR_move_mount 429
#endif
#ifndef __NR_fsopen
#define __NR_fsopen 430
#endif
#ifndef __NR_fsconfig
#define __NR_fsconfig 431
#endif
#ifndef __NR_fsmount
#define __NR_fsmount 432
#endif
#ifndef __NR_pidfd_send_signal
#define __NR_pidfd_send_signal 424
#endif
#ifndef __NR_pidfd_open
#define __NR_pidfd_open 434
#endif
#ifndef __NR_close_range
#define __NR_close_range 436
#endif
#ifndef __NR_clone3
#define __NR_clone3 435
#endif
#ifndef __NR_openat2
#define __NR_openat2 437
#endif
#ifndef __NR_mount_setattr
#define __NR_mount_setattr 442
#endif
#ifndef OPEN_TREE_CLONE
#define OPEN_TREE_CLONE 1
#endif
#ifndef OPEN_TREE_CLOEXEC
#define OPEN_TREE_CLOEXEC O_CLOEXEC
#endif
#ifndef MOVE_MOUNT_F_EMPTY_PATH
#define MOVE_MOUNT_F_EMPTY_PATH 0x00000004
#endif
#ifndef MOUNT_ATTR_RDONLY
#define MOUNT_ATTR_RDONLY 0x00000001
#endif
#ifndef MOUNT_ATTR_NOSUID
#define MOUNT_ATTR_NOSUID 0x00000002
#endif
#ifndef MOUNT_ATTR_NODEV
#define MOUNT_ATTR_NODEV 0x00000004
#endif
#ifndef MOUNT_ATTR_NOEXEC
#define MOUNT_ATTR_NOEXEC 0x00000008
#endif
#ifndef FSOPEN_CLOEXEC
#define FSOPEN_CLOEXEC 0x00000001
#endif
#ifndef FSMOUNT_CLOEXEC
#define FSMOUNT_CLOEXEC 0x00000001
#endif
#ifndef FSCONFIG_SET_STRING
#define FSCONFIG_SET_STRING 1
#endif
#ifndef FSCONFIG_CMD_CREATE
#define FSCONFIG_CMD_CREATE 6
#endif
#ifndef MOUNT_ATTR_IDMAP
#define MOUNT_ATTR_IDMAP 0x00100000
#endif
#ifndef AT_RECURSIVE
#define AT_RECURSIVE 0x8000
#endif
#ifndef RESOLVE_NO_MAGICLINKS
#define RESOLVE_NO_MAGICLINKS 0x02
#endif
#ifndef RESOLVE_IN_ROOT
#define RESOLVE_IN_ROOT 0x10
#endif
#ifndef TIOCGPTPEER
#define TIOCGPTPEER _IO('T', 0x41)
#endif
#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x00001000
#endif
#ifndef CLONE_INTO_CGROUP
#define CLONE_INTO_CGROUP 0x200000000ull
#endif
#ifndef CGROUP2_SUPER_MAGIC
#define CGROUP2_SUPER_MAGIC 0x63677270
#endif
#ifndef DEVPTS_SUPER_MAGIC
#define DEVPTS_SUPER_MAGIC 0x1cd1
#endif

/* Our own names for the kernel's structs, so that no libc header can clash with them. */
struct gaiola_mount_attr {
  uint64_t attr_set;
  uint64_t attr_clr;
  uint64_t propagation;
  uint64_t userns_fd;
};
struct gaiola_open_how {
  uint64_t flags;
  uint64_t mode;
  uint64_t resolve;
};

/* clone3's arguments up to `cgroup` (CLONE_INTO_CGROUP, Linux 5.7+). */
struct gaiola_clone_args {
  uint64_t flags;
  uint64_t pidfd;
  uint64_t child_tid;
  uint64_t parent_tid;
  uint64_t exit_signal;
  uint64_t stack;
  uint64_t stack_size;
  uint64_t tls;
  uint64_t set_tid;
  uint64_t set_tid_size;
  uint64_t cgroup;
};

/* PIDFD_GET_INFO (Linux 6.13+): what a pidfd's process is, in the caller's pid numbers. */
struct gaiola_pidfd_info {
  uint64_t mask;
  uint64_t cgroupid;
  uint32_t pid, tgid, ppid, ruid, rgid, euid, egid, suid, sgid, fsuid, fsgid;
  uint32_t spare0[1];
};
#define GAIOLA_PIDFD_INFO_PID 1ull
#define GAIOLA_PIDFD_GET_INFO _IOWR(0xFF, 11, struct gaiola_pidfd_info)

static inline int sys_open_tree(int dfd, const char *path, unsigned int flags) {
  return (int)syscall(__NR_open_tree, dfd, path, flags);
}
static inline int sys_move_mount(int from_dfd, const char *from, int to_dfd, const char *to, unsigned int flags) {
  return (int)syscall(__NR_move_mount, from_dfd, from, to_dfd, to, flags);
}
static inline int sys_mount_setattr(int dfd, const char *path, unsigned int flags, struct gaiola_mount_attr *attr) {
  return (int)syscall(__NR_mount_setattr, dfd, path, flags, attr, sizeof *attr);
}
static inline int sys_fsopen(const char *fsname, unsigned int flags) {
  return (int)syscall(__NR_fsopen, fsname, flags);
}
static inline int sys_fsconfig(int fd, unsigned int cmd, const char *key, const void *value, int aux) {
  return (int)syscall(__NR_fsconfig, fd, cmd, key, value, aux);
}
static inline int sys_fsmount(int fd, unsigned int flags, unsigned int attr_flags) {
  return (int)syscall(__NR_fsmount, fd, flags, attr_flags);
}
static inline int sys_pidfd_open(pid_t pid, unsigned int flags) {
  return (int)syscall(__NR_pidfd_open, pid, flags);
}
static inline int sys_pidfd_send_signal(int pidfd, int sig, void *info, unsigned int flags) {
  return (int)syscall(__NR_pidfd_send_signal, pidfd, sig, info, flags);
}
static inline int sys_close_range(unsigned int first, unsigned int last, unsigned int flags) {
  return (int)syscall(__NR_close_range, first, last, flags);
}
/* Without a stack of its own (no CLONE_VM) the child returns 0 here, as from fork(2). */
static inline pid_t sys_clone3(struct gaiola_clone_args *args) {
  return (pid_t)syscall(__NR_clone3, args, sizeof *args);
}
static inline int sys_openat2(int dfd, const char *path, struct gaiola_open_how *how) {
  return (int)syscall(__NR_openat2, dfd, path, how, sizeof *how);
}
static inline int sys_pivot_root(const char *new_root, const char *put_old) {
  return (int)syscall(__NR_pivot_root, new_root, put_old);
}

#endif
