/*
 * gaiola-sandbox: the privileged helper behind every student sandbox.
 *
 *   gaiola-sandbox create --id ID --uid-base N --lower DIR --mnt DIR --tmpfs-bytes N --hostname NAME
 *                         --cgroup-mode v1|v2 --cgroup DIR [--cgroup DIR ...]
 *   gaiola-sandbox shell --pid PID1 [--cgroup-procs FILE ...] [--cwd DIR] -- COMMAND [ARG ...]
 *   gaiola-sandbox read-file --pid PID --uid UID --gid GID --max-bytes N PATH
 *   gaiola-sandbox stat --pid PID --uid UID --gid GID [--max-bytes N] PATH
 *   gaiola-sandbox list --pid PID --uid UID --gid GID --depth D --max-entries N -- PATH [PATH ...]
 *   gaiola-sandbox hostname --pid PID
 *   gaiola-sandbox mountinfo --pid PID
 *   gaiola-sandbox netinfo --pid PID --what addr|route
 *   gaiola-sandbox marker --pid PID1 --name NAME [--cgroup-procs FILE ...]
 *
 * Design: /work/shared/research/sandbox.md section 0.1. `create` builds the namespaces and mounts and keeps
 * a minimal PID 1 ("keeper") that only reaps; `shell` joins a running sandbox through a pty of the
 * sandbox's own devpts; `read-file` lets the agent read a sandbox file without ever following a path the
 * student controls out of the sandbox, `stat` gives the identity (dev:ino) of such a path, and `list` the
 * files below such paths without following any symlink under them (the Kernel panel's overlay layers);
 * `hostname` reads the host name of a process's UTS namespace, `mountinfo` the whole mount table of its mount
 * namespace, `netinfo` the interfaces or routes of its network namespace; `marker` runs a lesson fixture inside a sandbox that
 * records who signalled it.
 *
 * Defence in depth (issue 4): every process inside (init, shells, markers) carries a seccomp denylist and an
 * oom_score_adj of +500, and the sandbox's user namespace is owned by its own host uid (see cmd_create).
 *
 * Errors: one line on stderr, "gaiola-sandbox: <operation> <path>: <strerror>", and a non-zero exit.
 * One C file, no libraries beyond libc. Built with -Wall -Wextra -Werror.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/fsuid.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <linux/audit.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

/* ---- kernel interfaces that libc headers may lack (numbers are the same on every architecture) ---- */
#ifndef __NR_open_tree
#define __NR_open_tree 428
#endif
#ifndef __NR_move_mount
#define __NR_move_mount 429
#endif
#ifndef __NR_close_range
#define __NR_close_range 436
#endif
#ifndef __NR_pidfd_open
#define __NR_pidfd_open 434
#endif
#ifndef __NR_openat2
#define __NR_openat2 437
#endif
#ifndef __NR_mount_setattr
#define __NR_mount_setattr 442
#endif
#ifndef __NR_pivot_root
#define __NR_pivot_root 155
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
#ifndef DEVPTS_SUPER_MAGIC
#define DEVPTS_SUPER_MAGIC 0x1cd1
#endif

/* Our own names for the kernel structs, so that no libc header can clash with them. */
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

/* PIDFD_GET_INFO (linux/pidfd.h, 6.13+): what a pidfd's process is, in the caller's pid numbers. */
struct gaiola_pidfd_info {
  uint64_t mask;
  uint64_t cgroupid;
  uint32_t pid, tgid, ppid, ruid, rgid, euid, egid, suid, sgid, fsuid, fsgid;
  uint32_t spare0[1];
};
#define GAIOLA_PIDFD_INFO_PID 1ull
#define GAIOLA_PIDFD_GET_INFO _IOWR(0xFF, 11, struct gaiola_pidfd_info)

/* ---- named constants (CONVENTIONS §15) ---- */
/* Every sandbox maps 65536 ids: uid/gid 0..65535 inside, BASE..BASE+65535 on the host. */
#define ID_RANGE 65536u
/* Inodes of the writable layer: stops `touch` loops from pinning unbounded kernel memory in small files. */
#define TMPFS_NR_INODES 65536
/* /run inside: pid files and sockets only. */
#define RUN_TMPFS_BYTES (16ull << 20)
/* /dev inside holds a few device binds and symlinks only. */
#define DEV_TMPFS_BYTES (64ull << 10)
/* /dev/shm inside; its pages are charged to the sandbox's memory cgroup anyway. */
#define SHM_TMPFS_BYTES (64ull << 20)
/* The read-only tmpfs under the v1 controller binds at /sys/fs/cgroup. */
#define CGROUP_TMPFS_BYTES (64ull << 10)
/* Nested ptys a student may open (tmux, script, unshare --pty ...). */
#define DEVPTS_MAX 64
/* Group `tty` of Debian inside the sandbox: owner group of the student's pty slaves. */
#define TTY_GID 5
/* Largest command line/argument count we accept. */
#define MAX_CGROUPS 16
/* Relay buffers of `shell`, one per direction. */
#define RELAY_BUF 65536

static const char *prog = "gaiola-sandbox";

/* ---- error reporting: one line, operation + path + strerror ---- */
static void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
static void die(const char *fmt, ...) {
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  dprintf(2, "%s: %s\n", prog, msg);
  _exit(1);
}
#define DIE_ERRNO(op, path) die("%s %s: %s", (op), (path), strerror(errno))

static long parse_num(const char *flag, const char *s, long min, long max) {
  char *end = NULL;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || !end || *end || end == s || v < min || v > max) die("%s: invalid number '%s'", flag, s);
  return v;
}

static unsigned long long parse_u64(const char *flag, const char *s) {
  char *end = NULL;
  errno = 0;
  if (!isdigit((unsigned char)s[0])) die("%s: invalid number '%s'", flag, s);
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || !end || *end) die("%s: invalid number '%s'", flag, s);
  return v;
}

static void write_all(int fd, const char *buf, size_t len, const char *what) {
  while (len > 0) {
    ssize_t n = write(fd, buf, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      DIE_ERRNO("write", what);
    }
    buf += n;
    len -= (size_t)n;
  }
}

static int safe_name(const char *s, size_t maxlen) {
  size_t n = strlen(s);
  if (n == 0 || n > maxlen || s[0] == '-' || s[0] == '.') return 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (!(isalnum((unsigned char)c) || c == '-' || c == '_' || c == '.')) return 0;
  }
  return 1;
}

/* Sets the command line shown by ps(1) by overwriting our own argv area (it is contiguous). */
static void set_title(int argc, char **argv, const char *title, const char *comm) {
  char *start = argv[0];
  char *end = argv[argc - 1] + strlen(argv[argc - 1]);
  size_t room = (size_t)(end - start);
  memset(start, 0, room);
  snprintf(start, room + 1, "%s", title);
  prctl(PR_SET_NAME, comm, 0, 0, 0);
}

/* =====================================================================================================
 * defence in depth: seccomp denylist and OOM preference (issue 4, research/sandbox.md 0.1)
 * ===================================================================================================== */

/* Every student process is preferred by the host's OOM killer over host processes (the agent runs at
 * -1000). Root inside may lower its own value, but only down to 0 (measured on 6.18: the floor that a host
 * root write should record is not kept), never below: a negative value needs CAP_SYS_RESOURCE on the host.
 * Within a sandbox's own memory cgroup all its processes start equal, so the victim inside stays the
 * kernel's usual pick (the largest). */
#define STUDENT_OOM_SCORE_ADJ "500"

static void set_oom_score_adj(const char *value) {
  int fd = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
  if (fd < 0) DIE_ERRNO("open", "/proc/self/oom_score_adj");
  if (write(fd, value, strlen(value)) != (ssize_t)strlen(value)) DIE_ERRNO("write", "/proc/self/oom_score_adj");
  close(fd);
}

#if defined(__x86_64__)
#define GAIOLA_AUDIT_ARCH AUDIT_ARCH_X86_64
/* x32 ABI calls share the x86_64 audit arch and set this bit in the number: refuse them all, or every
 * denied call would be reachable again through its x32 twin. */
#define GAIOLA_X32_SYSCALL_BIT 0x40000000u
#elif defined(__aarch64__)
#define GAIOLA_AUDIT_ARCH AUDIT_ARCH_AARCH64
#else
#error "gaiola-sandbox: seccomp denylist: unsupported architecture (add its AUDIT_ARCH_* here)"
#endif

/* System calls no lesson needs and that open kernel attack surface or host-wide effects. Mostly EPERM (what
 * the kernel itself answers an unprivileged caller); ENOSYS where software treats "not built in" as a normal
 * fallback: runc joins a session keyring and carries on only on ENOSYS, io_uring users fall back to
 * read/write on ENOSYS. What stays allowed on purpose: unshare, setns, mount, pivot_root, chroot, ptrace,
 * capset and seccomp itself (the lessons use them all; students stack their own filters on this one),
 * name_to_handle_at (only returns a handle; opening one is the dangerous half). */
struct denied_syscall {
  int nr;
  int err;
};
static const struct denied_syscall denied_syscalls[] = {
    {__NR_init_module, EPERM},     {__NR_finit_module, EPERM},    {__NR_delete_module, EPERM},
    {__NR_kexec_load, EPERM},      {__NR_kexec_file_load, EPERM}, {__NR_reboot, EPERM},
    {__NR_perf_event_open, EPERM}, {__NR_bpf, EPERM},             {__NR_userfaultfd, EPERM},
    {__NR_open_by_handle_at, EPERM}, {__NR_acct, EPERM},          {__NR_swapon, EPERM},
    {__NR_swapoff, EPERM},         {__NR_add_key, ENOSYS},        {__NR_request_key, ENOSYS},
    {__NR_keyctl, ENOSYS},         {__NR_io_uring_setup, ENOSYS}, {__NR_io_uring_enter, ENOSYS},
    {__NR_io_uring_register, ENOSYS},
#ifdef __NR_iopl
    {__NR_iopl, EPERM},
#endif
#ifdef __NR_ioperm
    {__NR_ioperm, EPERM},
#endif
#ifdef __NR_lookup_dcookie
    {__NR_lookup_dcookie, EPERM},
#endif
};
#define N_DENIED (sizeof denied_syscalls / sizeof denied_syscalls[0])

/* Installs the denylist on the calling process (inherited by every child, kept across execve). It needs
 * CAP_SYS_ADMIN in the caller's user namespace instead of no_new_privs, so call it as root of the sandbox:
 * NO_NEW_PRIVS would break file capabilities for `aluno` (lesson 9). Returns 0 or -1 with errno. */
static int install_seccomp_denylist(void) {
  /* 4 instructions of header (arch check, x32 check on x86_64), 2 per denied call, 1 final allow. */
  struct sock_filter f[8 + 2 * N_DENIED];
  size_t n = 0;
  f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
  /* A foreign ABI (i386 through int 0x80 on x86_64) has other numbers: refuse all of it. */
  f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, GAIOLA_AUDIT_ARCH, 1, 0);
  f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS);
  f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
#ifdef GAIOLA_X32_SYSCALL_BIT
  f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, GAIOLA_X32_SYSCALL_BIT, 0, 1);
  f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS);
#endif
  for (size_t k = 0; k < N_DENIED; k++) {
    f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)denied_syscalls[k].nr, 0, 1);
    f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (uint32_t)denied_syscalls[k].err);
  }
  f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  struct sock_fprog prog = {.len = (unsigned short)n, .filter = f};
  return (int)syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
}

/* =====================================================================================================
 * create
 * ===================================================================================================== */

struct create_opts {
  const char *id;
  unsigned long base;
  const char *lower;
  const char *mnt;
  unsigned long long tmpfs_bytes;
  const char *hostname;
  int cgroup_v2;
  const char *cgroups[MAX_CGROUPS];
  int ncgroups;
};

/* Pipe messages from the child (sandbox init) to the parent: "ok" or an error line. */
static int status_fd = -1;

/* In the child, errors go to the parent through the status pipe, which prints them. */
static void child_fail(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
static void child_fail(const char *fmt, ...) {
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (status_fd >= 0) {
    ssize_t ignored = write(status_fd, msg, strlen(msg));
    (void)ignored;
  } else {
    dprintf(2, "%s: %s\n", prog, msg);
  }
  _exit(1);
}
/* Setup paths inside are relative to the new root (our cwd): show them as the sandbox will see them. */
#define CFAIL(op, path) \
  child_fail("%s %s%s: %s", (op), ((path)[0] == '/' ? "" : "(sandbox)/"), (path), strerror(errno))

static void c_mount(const char *src, const char *target, const char *type, unsigned long flags, const char *data) {
  if (mount(src, target, type, flags, data) < 0) {
    char op[96];
    snprintf(op, sizeof op, "mount %s on", type ? type : (flags & MS_BIND) ? "bind" : "(remount)");
    CFAIL(op, target);
  }
}

static void c_mkdir(const char *path, mode_t mode) {
  if (mkdir(path, mode) < 0 && errno != EEXIST) CFAIL("mkdir", path);
}

static void c_symlink(const char *target, const char *path) {
  if (symlink(target, path) < 0 && errno != EEXIST) CFAIL("symlink", path);
}

/* Bind one host device node onto an empty file of the sandbox's /dev. */
static void bind_dev(const char *name) {
  char host[64], inside[64];
  snprintf(host, sizeof host, "/dev/%s", name);
  snprintf(inside, sizeof inside, "dev/%s", name);
  int fd = open(inside, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
  if (fd < 0) CFAIL("create", inside);
  close(fd);
  c_mount(host, inside, NULL, MS_BIND, NULL);
}

/* The v1 controller name of a delegated dir is the basename of its hierarchy's mount point: walk up while
 * the device stays the same (every v1 hierarchy is its own superblock). */
static void v1_controller_name(const char *dir, char *out, size_t outlen) {
  char path[PATH_MAX];
  if (!realpath(dir, path)) CFAIL("realpath", dir);
  struct stat st;
  if (stat(path, &st) < 0) CFAIL("stat", path);
  for (;;) {
    char *slash = strrchr(path, '/');
    if (!slash || slash[1] == '\0') child_fail("cgroup %s: no hierarchy mount point found", dir);
    char parent[PATH_MAX];
    size_t plen = slash == path ? 1 : (size_t)(slash - path);
    memcpy(parent, path, plen);
    parent[plen] = '\0';
    struct stat up;
    if (stat(parent, &up) < 0) CFAIL("stat", parent);
    if (up.st_dev != st.st_dev) {
      snprintf(out, outlen, "%s", slash + 1);
      return;
    }
    if (plen == 1) child_fail("cgroup %s: no hierarchy mount point found", dir);
    *slash = '\0';
  }
}

static void mount_cgroups(const struct create_opts *o) {
  if (o->cgroup_v2) {
    /* Inside our cgroup namespace, the delegated sandbox cgroup is the root of this mount. */
    c_mount("cgroup2", "sys/fs/cgroup", "cgroup2", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
    /* No-internal-process rule: init leaves the root so that the root can enable controllers. */
    c_mkdir("sys/fs/cgroup/init", 0755);
    int fd = open("sys/fs/cgroup/init/cgroup.procs", O_WRONLY | O_CLOEXEC);
    if (fd < 0 || write(fd, "0", 1) != 1) CFAIL("join", "/sys/fs/cgroup/init/cgroup.procs");
    close(fd);
    char avail[512] = "";
    fd = open("sys/fs/cgroup/cgroup.controllers", O_RDONLY | O_CLOEXEC);
    if (fd < 0) CFAIL("open", "/sys/fs/cgroup/cgroup.controllers");
    ssize_t n = read(fd, avail, sizeof avail - 1);
    close(fd);
    if (n < 0) CFAIL("read", "/sys/fs/cgroup/cgroup.controllers");
    avail[n] = '\0';
    static const char *const wanted[] = {"memory", "pids", "cpu"};
    char enable[64] = "";
    for (size_t i = 0; i < sizeof wanted / sizeof wanted[0]; i++) {
      /* match whole words of the space-separated list */
      size_t wl = strlen(wanted[i]);
      for (char *p = avail; (p = strstr(p, wanted[i])) != NULL; p += wl) {
        int start_ok = p == avail || p[-1] == ' ';
        int end_ok = p[wl] == ' ' || p[wl] == '\n' || p[wl] == '\0';
        if (start_ok && end_ok) {
          strcat(enable, enable[0] ? " +" : "+");
          strcat(enable, wanted[i]);
          break;
        }
      }
    }
    if (enable[0]) {
      fd = open("sys/fs/cgroup/cgroup.subtree_control", O_WRONLY | O_CLOEXEC);
      if (fd < 0) CFAIL("open", "/sys/fs/cgroup/cgroup.subtree_control");
      if (write(fd, enable, strlen(enable)) < 0) CFAIL("write", "/sys/fs/cgroup/cgroup.subtree_control");
      close(fd);
    }
    return;
  }
  char opts[64];
  snprintf(opts, sizeof opts, "size=%llu,mode=0755", CGROUP_TMPFS_BYTES);
  c_mount("cgroup", "sys/fs/cgroup", "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, opts);
  for (int i = 0; i < o->ncgroups; i++) {
    char name[NAME_MAX + 1], target[PATH_MAX];
    v1_controller_name(o->cgroups[i], name, sizeof name);
    snprintf(target, sizeof target, "sys/fs/cgroup/%s", name);
    c_mkdir(target, 0755);
    c_mount(o->cgroups[i], target, NULL, MS_BIND, NULL);
    /* co-mounted controllers (cpu,cpuacct) also get their usual single-name symlinks */
    if (strchr(name, ',')) {
      char copy[NAME_MAX + 1];
      snprintf(copy, sizeof copy, "%s", name);
      for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        char link[PATH_MAX];
        snprintf(link, sizeof link, "sys/fs/cgroup/%s", tok);
        c_symlink(name, link);
      }
    }
  }
  /* runc on a v1 host refuses to start without a mounted `devices` hierarchy ("mountpoint for devices not
   * found"). A read-only view of it, rooted at our cgroup namespace, satisfies it and grants nothing: the
   * rootless container skips what it cannot write. Hosts without that hierarchy simply go without. */
  c_mkdir("sys/fs/cgroup/devices", 0755);
  if (mount("cgroup", "sys/fs/cgroup/devices", "cgroup", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, "devices") < 0)
    rmdir("sys/fs/cgroup/devices");
  c_mount(NULL, "sys/fs/cgroup", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
}

static void mount_dev(void) {
  char opts[128];
  snprintf(opts, sizeof opts, "size=%llu,mode=0755", DEV_TMPFS_BYTES);
  c_mount("dev", "dev", "tmpfs", MS_NOSUID | MS_NOEXEC, opts);
  static const char *const devs[] = {"null", "zero", "full", "random", "urandom", "tty"};
  for (size_t i = 0; i < sizeof devs / sizeof devs[0]; i++) bind_dev(devs[i]);
  c_mkdir("dev/pts", 0755);
  snprintf(opts, sizeof opts, "newinstance,ptmxmode=0666,mode=620,gid=%d,max=%d", TTY_GID, DEVPTS_MAX);
  c_mount("devpts", "dev/pts", "devpts", MS_NOSUID | MS_NOEXEC, opts);
  c_symlink("pts/ptmx", "dev/ptmx");
  c_mkdir("dev/shm", 01777);
  snprintf(opts, sizeof opts, "size=%llu,mode=1777", SHM_TMPFS_BYTES);
  c_mount("shm", "dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, opts);
  c_mkdir("dev/mqueue", 01777);
  c_mount("mqueue", "dev/mqueue", "mqueue", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
  c_symlink("/proc/self/fd", "dev/fd");
  c_symlink("/proc/self/fd/0", "dev/stdin");
  c_symlink("/proc/self/fd/1", "dev/stdout");
  c_symlink("/proc/self/fd/2", "dev/stderr");
}

static void loopback_up(void) {
  int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (s < 0) CFAIL("socket", "lo");
  struct ifreq ifr;
  memset(&ifr, 0, sizeof ifr);
  snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "lo");
  if (ioctl(s, SIOCGIFFLAGS, &ifr) < 0) CFAIL("SIOCGIFFLAGS", "lo");
  ifr.ifr_flags |= IFF_UP;
  if (ioctl(s, SIOCSIFFLAGS, &ifr) < 0) CFAIL("SIOCSIFFLAGS", "lo");
  close(s);
}

static void keeper(void) __attribute__((noreturn));
static void keeper(void) {
  /* PID 1 of a pid namespace only receives the signals it handles; ignore every one we can, so nothing
   * inside stops it. SIGCHLD is blocked and waited for instead, to reap zombies (orphans land here). */
  for (int sig = 1; sig < NSIG; sig++) {
    if (sig == SIGKILL || sig == SIGSTOP || sig == SIGCHLD) continue;
    signal(sig, SIG_IGN);
  }
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGCHLD);
  sigprocmask(SIG_BLOCK, &set, NULL);
  for (;;) {
    while (waitpid(-1, NULL, WNOHANG) > 0) {
    }
    siginfo_t info;
    sigwaitinfo(&set, &info);
  }
}

/* Runs as the sandbox's PID 1. `go_fd` delivers one byte once the parent has mapped ids, mounted the
 * root and joined us to the cgroups; `status` gets "ok" or an error line. */
static void sandbox_init(const struct create_opts *o, int go_fd, int argc, char **argv) __attribute__((noreturn));
static void sandbox_init(const struct create_opts *o, int go_fd, int argc, char **argv) {
  char c;
  ssize_t r;
  do r = read(go_fd, &c, 1);
  while (r < 0 && errno == EINTR);
  if (r != 1) _exit(1); /* the parent failed and already reported why */

  /* Our /proc/self files belong to us only while we are dumpable: the launcher's euid change made us not (the
   * credential change below does so again). Raising needs no privilege. */
  if (prctl(PR_SET_DUMPABLE, 1, 0, 0, 0) < 0) CFAIL("prctl", "PR_SET_DUMPABLE");
  int oom = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
  if (oom < 0 || write(oom, STUDENT_OOM_SCORE_ADJ, strlen(STUDENT_OOM_SCORE_ADJ)) < 0)
    CFAIL("write", "/proc/self/oom_score_adj");
  close(oom);

  if (setgroups(0, NULL) < 0) CFAIL("setgroups", "0");
  if (setresgid(0, 0, 0) < 0) CFAIL("setresgid", "0");
  if (setresuid(0, 0, 0) < 0) CFAIL("setresuid", "0");
  /* A credential change clears the parent-death signal, so set it afterwards, then check that the parent
   * did not die in between (its end of go_fd stays open as long as it lives). */
  if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0) CFAIL("prctl", "PR_SET_PDEATHSIG");
  struct pollfd pf = {.fd = go_fd, .events = POLLIN};
  if (poll(&pf, 1, 0) > 0 && (pf.revents & (POLLHUP | POLLERR))) _exit(1);
  if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0) CFAIL("prctl", "PR_SET_DUMPABLE");
  setsid();
  umask(022);

  if (unshare(CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNET | CLONE_NEWCGROUP) < 0)
    CFAIL("unshare", "mnt,uts,ipc,net,cgroup");
  c_mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);

  char root[PATH_MAX];
  snprintf(root, sizeof root, "%s/root", o->mnt);
  /* The overlay came from a more privileged mount namespace, so it is locked, and pivot_root refuses a
   * locked new root (EINVAL): bind it onto itself to get an unlocked mount of ours. */
  c_mount(root, root, NULL, MS_BIND | MS_REC, NULL);
  if (chdir(root) < 0) CFAIL("chdir", root);

  /* proc and sysfs must be mounted before the old root goes: a new proc/sysfs mount is only allowed while a
   * fully visible one exists in this mount namespace (mnt_too_revealing). */
  c_mkdir("proc", 0555);
  c_mount("proc", "proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
  c_mkdir("sys", 0555);
  c_mount("sysfs", "sys", "sysfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
  mount_cgroups(o);
  mount_dev();
  char opts[128];
  c_mkdir("tmp", 01777);
  snprintf(opts, sizeof opts, "size=%llu,mode=1777", o->tmpfs_bytes);
  c_mount("tmp", "tmp", "tmpfs", MS_NOSUID | MS_NODEV, opts);
  c_mkdir("run", 0755);
  snprintf(opts, sizeof opts, "size=%llu,mode=0755", RUN_TMPFS_BYTES);
  c_mount("run", "run", "tmpfs", MS_NOSUID | MS_NODEV, opts);
  /* A second, read-only sysfs keeps sysfs "fully visible" after `ip netns exec` unmounts /sys in a nested
   * mount namespace, so its own sysfs mount is allowed (sandbox.md 1.2). */
  c_mkdir("run/.sysfs-anchor", 0555);
  c_mount("sysfs", "run/.sysfs-anchor", "sysfs", MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_RDONLY, NULL);

  if (syscall(__NR_pivot_root, ".", ".") < 0) CFAIL("pivot_root", root);
  if (umount2(".", MNT_DETACH) < 0) CFAIL("umount", "old root");
  if (chdir("/") < 0) CFAIL("chdir", "/");

  if (sethostname(o->hostname, strlen(o->hostname)) < 0) CFAIL("sethostname", o->hostname);
  loopback_up();
  if (install_seccomp_denylist() < 0) CFAIL("seccomp", "(init)");

  int null = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null < 0) CFAIL("open", "/dev/null");
  char title[128];
  snprintf(title, sizeof title, "gaiola-init %s", o->id);
  set_title(argc, argv, title, "gaiola-init");

  if (write(status_fd, "ok", 2) != 2) _exit(1);
  close(status_fd);
  status_fd = -1;
  close(go_fd);
  dup2(null, 0);
  dup2(null, 1);
  dup2(null, 2);
  close(null);
  keeper();
}

struct init_arg {
  const struct create_opts *o;
  int go_fd;
  int argc;
  char **argv;
};

static int init_trampoline(void *p) {
  struct init_arg *a = p;
  sandbox_init(a->o, a->go_fd, a->argc, a->argv);
}

static pid_t init_pid = -1;

/* Parent-side failure after the clone: the init dies with us (PDEATHSIG), but kill it explicitly too. */
static void parent_fail(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
static void parent_fail(const char *fmt, ...) {
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  dprintf(2, "%s: %s\n", prog, msg);
  if (init_pid > 0) {
    kill(init_pid, SIGKILL);
    waitpid(init_pid, NULL, __WALL);
  }
  _exit(1);
}
#define PFAIL(op, path) parent_fail("%s %s: %s", (op), (path), strerror(errno))

static void parent_write(const char *path, const char *content) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) PFAIL("open", path);
  ssize_t n = write(fd, content, strlen(content));
  if (n < 0 || (size_t)n != strlen(content)) PFAIL("write", path);
  close(fd);
}

static int cmd_create(int argc, char **argv) {
  struct create_opts o;
  memset(&o, 0, sizeof o);
  int have_base = 0, have_tmpfs = 0, have_mode = 0;
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    if (i + 1 >= argc) die("create: %s needs a value", a);
    const char *v = argv[++i];
    if (!strcmp(a, "--id")) o.id = v;
    else if (!strcmp(a, "--uid-base")) {
      o.base = (unsigned long)parse_num(a, v, 1, (long)(UINT32_MAX - ID_RANGE));
      have_base = 1;
    } else if (!strcmp(a, "--lower")) o.lower = v;
    else if (!strcmp(a, "--mnt")) o.mnt = v;
    else if (!strcmp(a, "--tmpfs-bytes")) {
      o.tmpfs_bytes = parse_u64(a, v);
      have_tmpfs = 1;
    } else if (!strcmp(a, "--hostname")) o.hostname = v;
    else if (!strcmp(a, "--cgroup-mode")) {
      if (!strcmp(v, "v1")) o.cgroup_v2 = 0;
      else if (!strcmp(v, "v2")) o.cgroup_v2 = 1;
      else die("create: --cgroup-mode must be v1 or v2, not '%s'", v);
      have_mode = 1;
    } else if (!strcmp(a, "--cgroup")) {
      if (o.ncgroups >= MAX_CGROUPS) die("create: more than %d --cgroup", MAX_CGROUPS);
      if (v[0] != '/') die("create: --cgroup %s: not an absolute path", v);
      o.cgroups[o.ncgroups++] = v;
    } else die("create: unknown option %s", a);
  }
  if (!o.id || !have_base || !o.lower || !o.mnt || !have_tmpfs || !o.hostname || !have_mode || o.ncgroups == 0)
    die("create: usage: create --id ID --uid-base N --lower DIR --mnt DIR --tmpfs-bytes N --hostname NAME "
        "--cgroup-mode v1|v2 --cgroup DIR [--cgroup DIR ...]");
  if (!safe_name(o.id, 64)) die("create: --id '%s': only letters, digits, '-', '_' and '.'", o.id);
  if (!safe_name(o.hostname, 63)) die("create: --hostname '%s': not a valid host name", o.hostname);
  if (o.cgroup_v2 && o.ncgroups != 1) die("create: cgroup v2 takes exactly one --cgroup");
  if (o.lower[0] != '/' || o.mnt[0] != '/') die("create: --lower and --mnt must be absolute paths");
  if (geteuid() != 0) die("create: must run as root");

  /* stdout carries exactly one line, "ready PID"; keep it unbuffered and out of every child. */
  char opts[256];
  int host_mnt_ns = open("/proc/self/ns/mnt", O_RDONLY | O_CLOEXEC);
  if (host_mnt_ns < 0) DIE_ERRNO("open", "/proc/self/ns/mnt");

  /* Private setup mount namespace: the host mount table never changes. */
  if (unshare(CLONE_NEWNS) < 0) DIE_ERRNO("unshare", "mnt");
  if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) DIE_ERRNO("mount --make-rprivate", "/");
  snprintf(opts, sizeof opts, "size=%llu,nr_inodes=%d,mode=0755", o.tmpfs_bytes, TMPFS_NR_INODES);
  char src[96];
  snprintf(src, sizeof src, "gaiola-%s", o.id);
  if (mount(src, o.mnt, "tmpfs", MS_NOSUID | MS_NODEV, opts) < 0) DIE_ERRNO("mount tmpfs on", o.mnt);
  char lower[PATH_MAX], upper[PATH_MAX], work[PATH_MAX], root[PATH_MAX];
  snprintf(lower, sizeof lower, "%s/lower", o.mnt);
  snprintf(upper, sizeof upper, "%s/upper", o.mnt);
  snprintf(work, sizeof work, "%s/work", o.mnt);
  snprintf(root, sizeof root, "%s/root", o.mnt);
  const char *dirs[] = {lower, upper, work, root};
  for (size_t i = 0; i < 4; i++)
    if (mkdir(dirs[i], 0755) < 0) DIE_ERRNO("mkdir", dirs[i]);
  /* The upper directory becomes the sandbox's "/", owned by root inside. */
  if (chown(upper, (uid_t)o.base, (gid_t)o.base) < 0) DIE_ERRNO("chown", upper);

  int go[2], st[2];
  if (pipe2(go, O_CLOEXEC) < 0 || pipe2(st, O_CLOEXEC) < 0) DIE_ERRNO("pipe", "(setup)");
  status_fd = st[1];

  /* The init's stack: clone() with a fresh stack keeps this simple (no fork-then-unshare(PID) dance). */
  size_t stack_size = 1 << 20;
  char *stack = malloc(stack_size);
  if (!stack) DIE_ERRNO("malloc", "(stack)");
  struct init_arg arg = {.o = &o, .go_fd = go[0], .argc = argc, .argv = argv};
  /* The sandbox's user namespace belongs to the sandbox's own host uid, not to root: the kernel charges every
   * per-user count made inside (inotify instances and watches, namespaces of each kind: the ucounts) up the
   * chain of user namespaces to the OWNER of the top one, in the host's namespace. Owned by root, one student
   * could use up host root's fs.inotify.max_user_instances (128) and break inotify for the agent, systemd and
   * every other sandbox; owned by BASE, each sandbox has the host's per-user limits to itself. The euid is
   * what the kernel records as owner; the capabilities stay (ruid and suid are still 0), and the effective
   * set, cleared by the euid change, is raised again for clone() (hosts that restrict user namespaces to
   * CAP_SYS_ADMIN). */
  if (setresgid((gid_t)-1, (gid_t)o.base, (gid_t)-1) < 0 || setresuid((uid_t)-1, (uid_t)o.base, (uid_t)-1) < 0)
    DIE_ERRNO("seteuid", "(sandbox owner)");
  struct __user_cap_header_struct caph = {.version = _LINUX_CAPABILITY_VERSION_3, .pid = 0};
  struct __user_cap_data_struct capd[2];
  if (syscall(__NR_capget, &caph, capd) < 0) DIE_ERRNO("capget", "(sandbox owner)");
  capd[0].effective = capd[0].permitted;
  capd[1].effective = capd[1].permitted;
  if (syscall(__NR_capset, &caph, capd) < 0) DIE_ERRNO("capset", "(sandbox owner)");
  init_pid = clone(init_trampoline, stack + stack_size, CLONE_NEWUSER | CLONE_NEWPID | SIGCHLD, &arg);
  int clone_errno = errno;
  /* Back to euid 0: the kernel restores the effective capabilities from the permitted set. */
  if (setresuid((uid_t)-1, 0, (uid_t)-1) < 0 || setresgid((gid_t)-1, 0, (gid_t)-1) < 0) {
    if (init_pid > 0) kill(init_pid, SIGKILL);
    DIE_ERRNO("seteuid", "0");
  }
  errno = clone_errno;
  if (init_pid < 0) DIE_ERRNO("clone", "user,pid");
  status_fd = -1;
  close(go[0]);
  close(st[1]);

  char path[PATH_MAX], map[64];
  snprintf(map, sizeof map, "0 %lu %u\n", o.base, ID_RANGE);
  snprintf(path, sizeof path, "/proc/%d/uid_map", init_pid);
  parent_write(path, map);
  snprintf(path, sizeof path, "/proc/%d/gid_map", init_pid);
  parent_write(path, map);

  /* Idmapped, read-only lower layer: files owned by 0 on disk appear owned by BASE (root inside). */
  snprintf(path, sizeof path, "/proc/%d/ns/user", init_pid);
  int userns = open(path, O_RDONLY | O_CLOEXEC);
  if (userns < 0) PFAIL("open", path);
  int tree = (int)syscall(__NR_open_tree, AT_FDCWD, o.lower, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_RECURSIVE);
  if (tree < 0) PFAIL("open_tree", o.lower);
  struct gaiola_mount_attr attr = {
      .attr_set = MOUNT_ATTR_IDMAP | MOUNT_ATTR_RDONLY, .attr_clr = 0, .propagation = 0, .userns_fd = (uint64_t)userns};
  if (syscall(__NR_mount_setattr, tree, "", AT_EMPTY_PATH | AT_RECURSIVE, &attr, sizeof attr) < 0)
    PFAIL("mount_setattr idmap", o.lower);
  if (syscall(__NR_move_mount, tree, "", AT_FDCWD, lower, MOVE_MOUNT_F_EMPTY_PATH) < 0) PFAIL("move_mount", lower);
  close(tree);
  close(userns);
  char ovl[3 * PATH_MAX + 64];
  snprintf(ovl, sizeof ovl, "lowerdir=%s,upperdir=%s,workdir=%s", lower, upper, work);
  if (mount("overlay", root, "overlay", MS_NODEV, ovl) < 0) PFAIL("mount overlay on", root);

  /* Join the init to the sandbox's cgroups before it unshares its cgroup namespace, so that the namespace
   * root is the sandbox's cgroup. */
  char pidstr[32];
  snprintf(pidstr, sizeof pidstr, "%d", init_pid);
  for (int i = 0; i < o.ncgroups; i++) {
    snprintf(path, sizeof path, "%s/cgroup.procs", o.cgroups[i]);
    parent_write(path, pidstr);
  }

  if (write(go[1], "g", 1) != 1) PFAIL("write", "(go pipe)");
  char msg[1024];
  size_t got = 0;
  for (;;) {
    ssize_t n = read(st[0], msg + got, sizeof msg - 1 - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += (size_t)n;
    if (got >= sizeof msg - 1) break;
  }
  msg[got] = '\0';
  close(st[0]);
  if (strcmp(msg, "ok") != 0) {
    if (got == 0) snprintf(msg, sizeof msg, "sandbox init exited during setup");
    parent_fail("%s", msg);
  }

  /* The setup namespace is no longer needed: the init holds its own copy of every mount it uses. Going
   * back to the host's mount namespace lets the setup one (and its copies of host mounts) go away. */
  if (setns(host_mnt_ns, CLONE_NEWNS) < 0) PFAIL("setns", "host mnt");
  close(host_mnt_ns);

  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGCHLD);
  sigaddset(&set, SIGPIPE);
  sigprocmask(SIG_BLOCK, &set, NULL);
  int sfd = signalfd(-1, &set, SFD_CLOEXEC);
  if (sfd < 0) PFAIL("signalfd", "(create)");

  char ready[64];
  int rl = snprintf(ready, sizeof ready, "ready %d\n", init_pid);
  if (write(1, ready, (size_t)rl) != rl) PFAIL("write", "stdout");
  char ptitle[128];
  snprintf(ptitle, sizeof ptitle, "gaiola-sandbox %s", o.id);
  set_title(argc, argv, ptitle, "gaiola-sandbox");

  /* Foreground until told to stop: a signal, EOF on stdin (the agent died) or the init's death. */
  struct pollfd fds[2] = {{.fd = sfd, .events = POLLIN}, {.fd = 0, .events = POLLIN}};
  for (;;) {
    int n = poll(fds, 2, -1);
    if (n < 0) {
      if (errno == EINTR) continue;
      PFAIL("poll", "(create)");
    }
    if (fds[0].revents & POLLIN) {
      struct signalfd_siginfo si;
      if (read(sfd, &si, sizeof si) == sizeof si) {
        if (si.ssi_signo == SIGCHLD) {
          int status;
          if (waitpid(init_pid, &status, WNOHANG) == init_pid) {
            if (WIFSIGNALED(status))
              dprintf(2, "%s: sandbox %s: init killed by signal %d\n", prog, o.id, WTERMSIG(status));
            else dprintf(2, "%s: sandbox %s: init exited with status %d\n", prog, o.id, WEXITSTATUS(status));
            return 1;
          }
          continue;
        }
        if (si.ssi_signo == SIGPIPE) continue;
        break;
      }
    }
    if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
      char buf[256];
      ssize_t r = read(0, buf, sizeof buf);
      if (r <= 0 && !(r < 0 && errno == EINTR)) break;
    }
  }
  kill(init_pid, SIGKILL);
  while (waitpid(init_pid, NULL, 0) < 0 && errno == EINTR) {
  }
  return 0;
}

/* =====================================================================================================
 * shell
 * ===================================================================================================== */

static struct termios saved_tio;
static int tio_saved = 0;
static int saved_fl0 = -1, saved_fl1 = -1;

static void restore_host_tty(void) {
  if (tio_saved) tcsetattr(0, TCSAFLUSH, &saved_tio);
  if (saved_fl0 >= 0) fcntl(0, F_SETFL, saved_fl0);
  if (saved_fl1 >= 0) fcntl(1, F_SETFL, saved_fl1);
}

static void copy_winsize(int master) {
  struct winsize ws;
  if (ioctl(0, TIOCGWINSZ, &ws) == 0) ioctl(master, TIOCSWINSZ, &ws);
}

struct buf {
  char data[RELAY_BUF];
  size_t len;
};

static int pump_in(int from, struct buf *b) {
  if (b->len == sizeof b->data) return 1;
  ssize_t n = read(from, b->data + b->len, sizeof b->data - b->len);
  if (n > 0) {
    b->len += (size_t)n;
    return 1;
  }
  if (n < 0 && (errno == EAGAIN || errno == EINTR)) return 1;
  return 0; /* EOF or EIO */
}

static int pump_out(int to, struct buf *b) {
  if (b->len == 0) return 1;
  ssize_t n = write(to, b->data, b->len);
  if (n > 0) {
    memmove(b->data, b->data + n, b->len - (size_t)n);
    b->len -= (size_t)n;
    return 1;
  }
  if (n < 0 && (errno == EAGAIN || errno == EINTR)) return 1;
  return 0;
}

static int exit_code(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 1;
}

/* The namespaces every joined process enters, in the order they are entered (user last: after it, the
 * host's capabilities are gone). */
enum { NS_MNT, NS_UTS, NS_IPC, NS_NET, NS_PID, NS_CGROUP, NS_USER, NS_COUNT };
static const char *const ns_names[NS_COUNT] = {"mnt", "uts", "ipc", "net", "pid", "cgroup", "user"};
static const int ns_types[NS_COUNT] = {CLONE_NEWNS,  CLONE_NEWUTS,    CLONE_NEWIPC, CLONE_NEWNET,
                                       CLONE_NEWPID, CLONE_NEWCGROUP, CLONE_NEWUSER};

/* Opens the namespaces of a running sandbox's PID 1 (host pid `pid1`) into `ns`, and returns the host uid
 * of root inside. Refuses anything that is not a sandbox: its uid_map must map 0 to a non-root host range. */
static unsigned long open_sandbox_ns(const char *cmd, long pid1, int ns[NS_COUNT]) {
  char path[PATH_MAX];
  snprintf(path, sizeof path, "/proc/%ld", pid1);
  int procdir = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (procdir < 0) {
    if (errno == ENOENT) die("%s: sandbox init %ld is gone", cmd, pid1);
    DIE_ERRNO("open", path);
  }
  int mfd = openat(procdir, "uid_map", O_RDONLY | O_CLOEXEC);
  char mapbuf[256] = "";
  ssize_t mn = mfd >= 0 ? read(mfd, mapbuf, sizeof mapbuf - 1) : -1;
  if (mn <= 0) {
    if (errno == ESRCH || errno == ENOENT) die("%s: sandbox init %ld is gone", cmd, pid1);
    DIE_ERRNO("read", "uid_map of the sandbox init");
  }
  close(mfd);
  mapbuf[mn] = '\0';
  unsigned long inside = 1, base = 0, count = 0;
  if (sscanf(mapbuf, "%lu %lu %lu", &inside, &base, &count) != 3 || inside != 0 || base == 0)
    die("%s: pid %ld is not a gaiola sandbox init (uid_map: %s)", cmd, pid1, mapbuf);
  for (int k = 0; k < NS_COUNT; k++) {
    snprintf(path, sizeof path, "ns/%s", ns_names[k]);
    ns[k] = openat(procdir, path, O_RDONLY | O_CLOEXEC);
    if (ns[k] < 0) {
      if (errno == ENOENT || errno == ESRCH) die("%s: sandbox init %ld is gone", cmd, pid1);
      snprintf(path, sizeof path, "/proc/%ld/ns/%s", pid1, ns_names[k]);
      DIE_ERRNO("open", path);
    }
  }
  close(procdir);
  return base;
}

static int cmd_shell(int argc, char **argv) {
  long pid1 = -1;
  const char *procs[MAX_CGROUPS];
  int nprocs = 0;
  const char *cwd = "/root";
  int i = 2;
  for (; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--")) {
      i++;
      break;
    }
    if (i + 1 >= argc) die("shell: %s needs a value", a);
    const char *v = argv[++i];
    if (!strcmp(a, "--pid")) pid1 = parse_num(a, v, 2, INT_MAX);
    else if (!strcmp(a, "--cgroup-procs")) {
      if (nprocs >= MAX_CGROUPS) die("shell: more than %d --cgroup-procs", MAX_CGROUPS);
      procs[nprocs++] = v;
    } else if (!strcmp(a, "--cwd")) cwd = v;
    else die("shell: unknown option %s", a);
  }
  if (pid1 < 0 || i >= argc) die("shell: usage: shell --pid PID1 [--cgroup-procs FILE ...] [--cwd DIR] -- CMD [ARG ...]");
  char **cmd = argv + i;
  if (geteuid() != 0) die("shell: must run as root");

  char path[PATH_MAX];
  int ns[NS_COUNT];
  unsigned long base = open_sandbox_ns("shell", pid1, ns);
  /* Open everything host-side before entering the sandbox's mount namespace. */
  int cg[MAX_CGROUPS];
  for (int k = 0; k < nprocs; k++) {
    cg[k] = open(procs[k], O_WRONLY | O_CLOEXEC);
    if (cg[k] < 0) DIE_ERRNO("open", procs[k]);
  }
  /* The relay (this process) stays in the host's pid namespace and cgroup: invisible inside. Only its child
   * joins the pid namespace (setns(pid) applies to children) and, after joining the cgroups, the cgroup ns. */
  for (int k = NS_MNT; k <= NS_PID; k++)
    if (setns(ns[k], ns_types[k]) < 0) {
      snprintf(path, sizeof path, "/proc/%ld/ns/%s", pid1, ns_names[k]);
      DIE_ERRNO("setns", path);
    }

  /* Open the sandbox's own ptmx with the sandbox root's filesystem ids: the path is the student's, so host
   * root's file capabilities must not apply (setfsuid to non-zero drops them), and the slave then belongs
   * to root inside. Then make sure it really is a devpts ptmx. */
  setfsgid((gid_t)base);
  setfsuid((uid_t)base);
  int master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
  int open_errno = errno;
  setfsuid(0);
  setfsgid(0);
  if (master < 0) {
    errno = open_errno;
    DIE_ERRNO("open", "/dev/ptmx (inside the sandbox)");
  }
  struct statfs sfs;
  unsigned int ptn;
  if (fstatfs(master, &sfs) < 0 || sfs.f_type != DEVPTS_SUPER_MAGIC || ioctl(master, TIOCGPTN, &ptn) < 0)
    die("shell: /dev/ptmx inside the sandbox is not a devpts ptmx");
  int unlock = 0;
  if (ioctl(master, TIOCSPTLCK, &unlock) < 0) DIE_ERRNO("unlockpt", "/dev/ptmx");
  int slave = ioctl(master, TIOCGPTPEER, O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (slave < 0) DIE_ERRNO("open", "pty slave (TIOCGPTPEER)");

  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, SIGCHLD);
  sigaddset(&set, SIGWINCH);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGQUIT);
  sigaddset(&set, SIGPIPE);
  sigprocmask(SIG_BLOCK, &set, &old);
  int sfd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
  if (sfd < 0) DIE_ERRNO("signalfd", "(shell)");

  pid_t child = fork();
  if (child < 0) DIE_ERRNO("fork", "(shell)");
  if (child == 0) {
    /* Host root still: join the sandbox's cgroups first ("0" = this process), then its cgroup namespace
     * (on v2 with nsdelegate a move from outside the namespace would fail), then its user namespace. */
    for (int k = 0; k < nprocs; k++)
      if (write(cg[k], "0", 1) != 1) DIE_ERRNO("join cgroup", procs[k]);
    if (setns(ns[NS_CGROUP], CLONE_NEWCGROUP) < 0) DIE_ERRNO("setns", "cgroup");
    set_oom_score_adj(STUDENT_OOM_SCORE_ADJ);
    if (setns(ns[NS_USER], CLONE_NEWUSER) < 0) DIE_ERRNO("setns", "user");
    if (setgroups(0, NULL) < 0) DIE_ERRNO("setgroups", "0");
    if (setresgid(0, 0, 0) < 0) DIE_ERRNO("setresgid", "0");
    if (setresuid(0, 0, 0) < 0) DIE_ERRNO("setresuid", "0");
    /* Root of the sandbox's user namespace now: allowed to filter without no_new_privs. */
    if (install_seccomp_denylist() < 0) DIE_ERRNO("seccomp", "(shell)");
    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    if (setsid() < 0) DIE_ERRNO("setsid", "(shell)");
    if (ioctl(slave, TIOCSCTTY, 0) < 0) DIE_ERRNO("TIOCSCTTY", "pty slave");
    if (dup2(slave, 0) < 0 || dup2(slave, 1) < 0 || dup2(slave, 2) < 0) DIE_ERRNO("dup2", "pty slave");
    if (syscall(__NR_close_range, 3, ~0U, 0) < 0)
      for (int fd = 3; fd < 1024; fd++) close(fd);
    if (chdir(cwd) < 0 && chdir("/") < 0) DIE_ERRNO("chdir", cwd);
    for (int sig = 1; sig < NSIG; sig++)
      if (sig != SIGKILL && sig != SIGSTOP) signal(sig, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    /* CONVENTIONS §10: an allow-listed environment, nothing of the agent's. */
    char *envp[] = {"TERM=xterm-256color",
                    "LANG=C.UTF-8",
                    "HOME=/root",
                    "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                    "SHELL=/bin/bash",
                    NULL};
    execve(cmd[0], cmd, envp);
    DIE_ERRNO("execve", cmd[0]);
  }
  close(slave);
  for (int k = 0; k < nprocs; k++) close(cg[k]);
  for (int k = 0; k < NS_COUNT; k++) close(ns[k]);

  if (isatty(0) && tcgetattr(0, &saved_tio) == 0) {
    tio_saved = 1;
    struct termios raw = saved_tio;
    cfmakeraw(&raw);
    tcsetattr(0, TCSANOW, &raw);
    copy_winsize(master);
  }
  saved_fl0 = fcntl(0, F_GETFL);
  saved_fl1 = fcntl(1, F_GETFL);
  if (saved_fl0 >= 0) fcntl(0, F_SETFL, saved_fl0 | O_NONBLOCK);
  if (saved_fl1 >= 0) fcntl(1, F_SETFL, saved_fl1 | O_NONBLOCK);

  static struct buf to_shell, to_host;
  int in_open = 1, master_open = 1, status = 0, reaped = 0;
  while (!reaped) {
    struct pollfd fds[4] = {
        {.fd = sfd, .events = POLLIN},
        {.fd = in_open && to_shell.len < sizeof to_shell.data ? 0 : -1, .events = POLLIN},
        {.fd = master_open ? master : -1,
         .events = (short)((to_host.len < sizeof to_host.data ? POLLIN : 0) | (to_shell.len ? POLLOUT : 0))},
        {.fd = to_host.len ? 1 : -1, .events = POLLOUT},
    };
    if (poll(fds, 4, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[0].revents & POLLIN) {
      struct signalfd_siginfo si;
      while (read(sfd, &si, sizeof si) == sizeof si) {
        if (si.ssi_signo == SIGWINCH) copy_winsize(master);
        else if (si.ssi_signo == SIGCHLD) {
          if (waitpid(child, &status, WNOHANG) == child) reaped = 1;
        } else if (si.ssi_signo == SIGHUP || si.ssi_signo == SIGTERM || si.ssi_signo == SIGINT ||
                   si.ssi_signo == SIGQUIT) {
          kill(-child, SIGKILL);
          kill(child, SIGKILL);
          while (waitpid(child, NULL, 0) < 0 && errno == EINTR) {
          }
          restore_host_tty();
          return 128 + (int)si.ssi_signo;
        }
      }
    }
    if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
      if (!pump_in(0, &to_shell)) in_open = 0; /* the host side is gone: the shell gets a hangup below */
    }
    if (fds[2].revents & POLLOUT) pump_out(master, &to_shell);
    if (fds[2].revents & (POLLIN | POLLHUP | POLLERR)) {
      if (!pump_in(master, &to_host)) master_open = 0;
    }
    if (fds[3].revents & POLLOUT) {
      if (!pump_out(1, &to_host)) to_host.len = 0; /* nobody reads us any more */
    }
    if (fds[3].revents & (POLLERR | POLLHUP)) to_host.len = 0;
    if (!in_open) {
      /* Nobody will type any more: end the session like a terminal hangup would. */
      kill(-child, SIGKILL);
      kill(child, SIGKILL);
      while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
      }
      reaped = 1;
    }
    if (!master_open && !reaped) {
      /* EIO on the master: every slave fd closed, so the shell is (nearly) gone; wait for it. */
      while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
      }
      reaped = 1;
    }
  }
  /* The shell exited: flush what it printed last, then leave with its status. */
  if (master_open) {
    while (to_host.len < sizeof to_host.data && pump_in(master, &to_host)) {
      struct pollfd pf = {.fd = master, .events = POLLIN};
      if (poll(&pf, 1, 0) <= 0) break;
    }
  }
  if (saved_fl1 >= 0) fcntl(1, F_SETFL, saved_fl1);
  if (to_host.len) {
    ssize_t ignored = write(1, to_host.data, to_host.len);
    (void)ignored;
  }
  restore_host_tty();
  return exit_code(status);
}

/* =====================================================================================================
 * read-file
 * ===================================================================================================== */

/* Exit codes of read-file and stat: 2 = no such file, 3 = permission denied, 1 = anything else. */
static void lookup_fail(const char *cmd, const char *p, int err) __attribute__((noreturn));
static void lookup_fail(const char *cmd, const char *p, int err) {
  dprintf(2, "%s: %s %s: %s\n", prog, cmd, p, strerror(err));
  switch (err) {
  case ENOENT:
  case ENOTDIR:
    _exit(2);
  case EACCES:
  case EPERM:
    _exit(3);
  default:
    _exit(1);
  }
}

/* Opens the root of process PID (O_PATH) and drops to the sandbox's uid/gid for good (no supplementary groups,
 * no_new_privs): no host capability helps any lookup made after this. `what` names the query's path in the
 * error line. Exit 2 when the process is gone; never returns on failure. */
static int enter_sandbox_root(const char *cmd, const char *what, long pid, long uid, long gid) {
  char rootpath[64];
  snprintf(rootpath, sizeof rootpath, "/proc/%ld/root", pid);
  int rootfd = open(rootpath, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (rootfd < 0) {
    dprintf(2, "%s: %s %s: open %s: %s\n", prog, cmd, what, rootpath, strerror(errno));
    _exit(errno == ENOENT || errno == ESRCH ? 2 : 1);
  }
  if (setgroups(0, NULL) < 0) DIE_ERRNO("setgroups", "0");
  if (setresgid((gid_t)gid, (gid_t)gid, (gid_t)gid) < 0) DIE_ERRNO("setresgid", cmd);
  if (setresuid((uid_t)uid, (uid_t)uid, (uid_t)uid) < 0) DIE_ERRNO("setresuid", cmd);
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) DIE_ERRNO("prctl", "PR_SET_NO_NEW_PRIVS");
  return rootfd;
}

/* PATH below ROOTFD, as if ROOTFD were "/": every symlink, absolute or "..", resolves inside that root, and
 * magic links (/proc/N/root, ...) are refused (openat2 RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS). -1 and errno
 * on failure. */
static int open_below_root(int rootfd, const char *p, uint64_t flags) {
  struct gaiola_open_how how = {.flags = flags, .mode = 0, .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS};
  return (int)syscall(__NR_openat2, rootfd, p, &how, sizeof how);
}

/* Opens PATH inside the root of process PID, as the sandbox's uid/gid (enter_sandbox_root, open_below_root).
 * Never returns on failure. */
static int open_in_sandbox_root(const char *cmd, long pid, long uid, long gid, const char *p, uint64_t flags) {
  int rootfd = enter_sandbox_root(cmd, p, pid, uid, gid);
  int fd = open_below_root(rootfd, p, flags);
  if (fd < 0) lookup_fail(cmd, p, errno);
  close(rootfd);
  return fd;
}

/* Limits of `list`: the Kernel panel draws a few overlay layers, not a file manager. */
#define LIST_MAX_PATHS 32
#define LIST_MAX_DEPTH 6
#define LIST_MAX_ENTRIES 1000

/* The arguments of read-file, stat and list: --pid PID --uid UID --gid GID, then per query
 *   LOOKUP_READ  --max-bytes N PATH
 *   LOOKUP_STAT  [--max-bytes N] PATH
 *   LOOKUP_LIST  --depth D --max-entries N [--] PATH [PATH ...]   (1..LIST_MAX_PATHS paths) */
enum lookup_kind { LOOKUP_READ, LOOKUP_STAT, LOOKUP_LIST };
struct lookup_args {
  long pid, uid, gid;
  long long max;
  long depth, max_entries;
  const char *path;  /* the first PATH */
  char *const *paths;
  int npaths;
};

static struct lookup_args parse_lookup_args(const char *cmd, int argc, char **argv, enum lookup_kind kind) {
  struct lookup_args r = {.pid = -1, .uid = -1, .gid = -1, .max = -1, .depth = -1, .max_entries = -1};
  const int max_paths = kind == LOOKUP_LIST ? LIST_MAX_PATHS : 1;
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] != '-' || !strcmp(a, "--")) {
      if (!strcmp(a, "--")) i++;
      r.paths = argv + i;
      r.npaths = argc - i;
      if (r.npaths < 1 || r.npaths > max_paths) {
        if (max_paths == 1) die("%s: exactly one PATH expected", cmd);
        die("%s: 1 to %d PATHs expected", cmd, max_paths);
      }
      r.path = r.paths[0];
      break;
    }
    if (i + 1 >= argc) die("%s: %s needs a value", cmd, a);
    const char *v = argv[++i];
    if (!strcmp(a, "--pid")) r.pid = parse_num(a, v, 1, INT_MAX);
    else if (!strcmp(a, "--uid")) r.uid = parse_num(a, v, 1, (long)UINT32_MAX - 1);
    else if (!strcmp(a, "--gid")) r.gid = parse_num(a, v, 1, (long)UINT32_MAX - 1);
    else if (kind != LOOKUP_LIST && !strcmp(a, "--max-bytes")) r.max = parse_num(a, v, 0, 1L << 30);
    else if (kind == LOOKUP_LIST && !strcmp(a, "--depth")) r.depth = parse_num(a, v, 1, LIST_MAX_DEPTH);
    else if (kind == LOOKUP_LIST && !strcmp(a, "--max-entries")) r.max_entries = parse_num(a, v, 1, LIST_MAX_ENTRIES);
    else die("%s: unknown option %s", cmd, a);
  }
  static const char *const usage[] = {
      [LOOKUP_READ] = " --max-bytes N PATH",
      [LOOKUP_STAT] = " [--max-bytes N] PATH",
      [LOOKUP_LIST] = " --depth D --max-entries N -- PATH [PATH ...]",
  };
  if (r.pid < 0 || r.uid < 0 || r.gid < 0 || !r.path || (kind == LOOKUP_READ && r.max < 0) ||
      (kind == LOOKUP_LIST && (r.depth < 0 || r.max_entries < 0)))
    die("%s: usage: %s --pid PID --uid UID --gid GID%s", cmd, cmd, usage[kind]);
  return r;
}

static int cmd_read_file(int argc, char **argv) {
  const struct lookup_args a = parse_lookup_args("read-file", argc, argv, LOOKUP_READ);
  const char *p = a.path;
  const long long max = a.max;

  /* O_NONBLOCK so that a FIFO cannot make us wait; it is refused below anyway. */
  int fd = open_in_sandbox_root("read-file", a.pid, a.uid, a.gid, p, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  struct stat st;
  if (fstat(fd, &st) < 0) lookup_fail("read-file", p, errno);
  if (!S_ISREG(st.st_mode)) {
    dprintf(2, "%s: read-file %s: not a regular file\n", prog, p);
    _exit(4);
  }
  int fl = fcntl(fd, F_GETFL);
  if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
  size_t cap = (size_t)max + 1;
  char *buf = malloc(cap);
  if (!buf) lookup_fail("read-file", p, ENOMEM);
  size_t len = 0;
  for (;;) {
    ssize_t n = read(fd, buf + len, cap - len);
    if (n < 0) {
      if (errno == EINTR) continue;
      lookup_fail("read-file", p, errno);
    }
    if (n == 0) break;
    len += (size_t)n;
    if (len > (size_t)max) {
      dprintf(2, "%s: read-file %s: larger than %lld bytes\n", prog, p, max);
      _exit(4);
    }
  }
  write_all(1, buf, len, "stdout");
  return 0;
}

/* =====================================================================================================
 * stat
 * ===================================================================================================== */

/* Like read-file, but only opens PATH (O_PATH, following symlinks inside the sandbox's root) and prints its
 * identity and kind, "<st_dev>:<st_ino> <mode in octal> <rdev major>:<rdev minor> <size>[ text]": the identity
 * is comparable with a stat of /proc/N/root by the agent; rdev tells an overlay whiteout (a char device 0:0);
 * " text" says the file's content follows the line. */
static int cmd_stat(int argc, char **argv) {
  const struct lookup_args a = parse_lookup_args("stat", argc, argv, LOOKUP_STAT);
  const char *p = a.path;

  /* O_PATH opens nothing (no FIFO wait, no device open). */
  int fd = open_in_sandbox_root("stat", a.pid, a.uid, a.gid, p, O_PATH | O_CLOEXEC);
  struct stat st;
  if (fstat(fd, &st) < 0) lookup_fail("stat", p, errno);
  /* With --max-bytes, a regular file that small also gives its content, so one spawn answers both questions:
   * the O_PATH fd is reopened for reading through /proc/self/fd (the same inode, with our dropped ids). */
  char *text = NULL;
  size_t len = 0;
  if (a.max >= 0 && S_ISREG(st.st_mode) && st.st_size <= a.max) {
    char self[64];
    snprintf(self, sizeof self, "/proc/self/fd/%d", fd);
    int rfd = open(self, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    text = rfd >= 0 ? malloc((size_t)a.max + 1) : NULL;
    for (ssize_t n = 1; text && n > 0;) {
      n = read(rfd, text + len, (size_t)a.max + 1 - len);
      if (n < 0 && errno == EINTR) n = 1;
      else if (n > 0) len += (size_t)n;
      if (len > (size_t)a.max || n < 0) {
        free(text);
        text = NULL; /* grew meanwhile, or unreadable: the identity still answers */
      }
    }
    if (rfd >= 0) close(rfd);
  }
  char out[160];
  int n = snprintf(out, sizeof out, "%llu:%llu %o %u:%u %lld%s\n", (unsigned long long)st.st_dev,
                   (unsigned long long)st.st_ino, (unsigned)st.st_mode, major(st.st_rdev), minor(st.st_rdev),
                   (long long)st.st_size, text ? " text" : "");
  write_all(1, out, (size_t)n, "stdout");
  if (text) write_all(1, text, len, "stdout");
  return 0;
}

/* =====================================================================================================
 * list
 * ===================================================================================================== */

/* What the Kernel panel draws of an overlay's layers: the files below each PATH. PATH resolves like read-file
 * (inside the root of PID, as the sandbox's uid); below PATH nothing is followed: every entry is looked at with
 * fstatat(AT_SYMLINK_NOFOLLOW), and a subdirectory is entered by openat(O_NOFOLLOW) of its one name. Output,
 * one block per PATH, in argument order:
 *   = <PATH>
 *   ! missing | ! unreadable          PATH itself: no such directory | anything else (EACCES, ELOOP, ...)
 *   <type> <path relative to PATH>    depth first, names of a directory sorted with strcmp; type: f regular,
 *                                     d directory (listed even when it cannot be entered), l symlink,
 *                                     w whiteout (a char device 0:0), o anything else
 *   +                                 entries left out: more than --max-entries below this PATH
 * Names are bytes: those below 0x20, 0x7f and '\' are written \ooo (3 octal digits), so no name forges a
 * line. With --max-entries N, the entries printed are the first N of the whole listing. */

/* Output, written in whole lines at most PIPE_BUF bytes at a time (a longer line goes out in pieces): a pipe
 * write that small is atomic, so the agent's reads do not split a line's UTF-8 in two. */
static char list_out[PIPE_BUF];
static size_t list_len, list_line; /* bytes buffered; where the line being built starts */

static void list_flush(size_t upto) {
  write_all(1, list_out, upto, "stdout");
  memmove(list_out, list_out + upto, list_len - upto);
  list_len -= upto;
  list_line = list_line > upto ? list_line - upto : 0;
}

static void list_byte(char c) {
  if (list_len == sizeof list_out) list_flush(list_line > 0 ? list_line : list_len);
  list_out[list_len++] = c;
}

static void list_text(const char *s) {
  for (; *s; s++) list_byte(*s);
}

static void list_escaped(const char *s) {
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c < 0x20 || c == 0x7f || c == '\\') {
      list_byte('\\');
      list_byte((char)('0' + (c >> 6)));
      list_byte((char)('0' + ((c >> 3) & 7)));
      list_byte((char)('0' + (c & 7)));
    } else list_byte((char)c);
  }
}

static void list_eol(void) {
  list_byte('\n');
  list_line = list_len;
}

static char list_type(mode_t mode, dev_t rdev) {
  if (S_ISREG(mode)) return 'f';
  if (S_ISDIR(mode)) return 'd';
  if (S_ISLNK(mode)) return 'l';
  if (S_ISCHR(mode) && rdev == makedev(0, 0)) return 'w';
  return 'o';
}

/* The type readdir gave, for an entry we may not stat (a directory we may read but not search). */
static char list_dtype(unsigned char t) {
  return t == DT_REG ? 'f' : t == DT_DIR ? 'd' : t == DT_LNK ? 'l' : 'o';
}

struct list_name {
  char *name;
  unsigned char dtype;
};

static int list_name_cmp(const void *a, const void *b) {
  return strcmp(((const struct list_name *)a)->name, ((const struct list_name *)b)->name);
}

static void list_name_swap(struct list_name *h, size_t i, size_t j) {
  struct list_name t = h[i];
  h[i] = h[j];
  h[j] = t;
}

/* Max-heap of names by strcmp (h[0] the largest): restores the order after h[i] was set. */
static void list_heap_up(struct list_name *h, size_t i) {
  while (i > 0 && strcmp(h[(i - 1) / 2].name, h[i].name) < 0) {
    list_name_swap(h, i, (i - 1) / 2);
    i = (i - 1) / 2;
  }
}

static void list_heap_down(struct list_name *h, size_t n, size_t i) {
  for (;;) {
    size_t big = i, l = 2 * i + 1, r = l + 1;
    if (l < n && strcmp(h[l].name, h[big].name) > 0) big = l;
    if (r < n && strcmp(h[r].name, h[big].name) > 0) big = r;
    if (big == i) return;
    list_name_swap(h, i, big);
    i = big;
  }
}

/* The first `keep` names of directory D by strcmp, unordered: a directory of a million files costs `keep`
 * names of memory, not a million. */
static struct list_name *list_read_names(DIR *d, size_t keep, size_t *count) {
  struct list_name *h = malloc(keep * sizeof *h);
  if (!h) DIE_ERRNO("malloc", "(list)");
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    const char *name = e->d_name;
    if (!strcmp(name, ".") || !strcmp(name, "..")) continue;
    if (n == keep && strcmp(name, h[0].name) >= 0) continue;
    char *copy = strdup(name);
    if (!copy) DIE_ERRNO("strdup", "(list)");
    if (n < keep) {
      h[n] = (struct list_name){.name = copy, .dtype = e->d_type};
      list_heap_up(h, n++);
    } else { /* replaces the largest kept */
      free(h[0].name);
      h[0] = (struct list_name){.name = copy, .dtype = e->d_type};
      list_heap_down(h, n, 0);
    }
  }
  *count = n;
  return h;
}

struct list_walk {
  long left;     /* entries this PATH may still print */
  int truncated; /* an entry was left out for --max-entries */
  int depth;     /* --depth: levels below PATH shown */
  /* Path of the directory being listed, relative to PATH: at most `depth` names and their separators. */
  char rel[LIST_MAX_DEPTH * (NAME_MAX + 1)];
};

/* Prints the entries of directory FD (closed here), `level` levels below PATH; w->rel[0..rellen) is its
 * path relative to PATH. */
static void list_dir(struct list_walk *w, int fd, size_t rellen, int level) {
  DIR *d = fdopendir(fd);
  if (!d) {
    close(fd);
    return;
  }
  size_t n = 0;
  /* Every name listed costs at least one entry: one more than the budget tells whether any is left out. */
  struct list_name *names = list_read_names(d, (size_t)w->left + 1, &n);
  qsort(names, n, sizeof *names, list_name_cmp);
  for (size_t k = 0; k < n && !w->truncated; k++) {
    if (w->left == 0) {
      w->truncated = 1;
      break;
    }
    const char *name = names[k].name;
    struct stat st;
    char type;
    if (fstatat(dirfd(d), name, &st, AT_SYMLINK_NOFOLLOW) == 0) type = list_type(st.st_mode, st.st_rdev);
    else if (errno == ENOENT) continue; /* removed meanwhile */
    else type = list_dtype(names[k].dtype);
    size_t at = rellen > 0 ? rellen + 1 : 0, len = strlen(name);
    if (rellen > 0) w->rel[rellen] = '/';
    memcpy(w->rel + at, name, len + 1);
    list_byte(type);
    list_byte(' ');
    list_escaped(w->rel);
    list_eol();
    w->left--;
    if (type == 'd' && level + 1 < w->depth) {
      int sub = openat(dirfd(d), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (sub >= 0) list_dir(w, sub, at + len, level + 1);
    }
  }
  for (size_t k = 0; k < n; k++) free(names[k].name);
  free(names);
  closedir(d);
}

static int cmd_list(int argc, char **argv) {
  const struct lookup_args a = parse_lookup_args("list", argc, argv, LOOKUP_LIST);
  int rootfd = enter_sandbox_root("list", a.path, a.pid, a.uid, a.gid);
  for (int k = 0; k < a.npaths; k++) {
    const char *p = a.paths[k];
    list_text("= ");
    list_escaped(p);
    list_eol();
    int fd = open_below_root(rootfd, p, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
      list_text(errno == ENOENT || errno == ENOTDIR ? "! missing" : "! unreadable");
      list_eol();
      continue;
    }
    struct list_walk w = {.left = a.max_entries, .truncated = 0, .depth = (int)a.depth};
    list_dir(&w, fd, 0, 0);
    if (w.truncated) {
      list_byte('+');
      list_eol();
    }
  }
  list_flush(list_len);
  close(rootfd);
  return 0;
}

/* =====================================================================================================
 * namespace queries (mountinfo, netinfo, hostname)
 * ===================================================================================================== */

/* The one option of a query that only names a process: --pid PID. */
static long parse_pid_only(const char *cmd, int argc, char **argv) {
  long pid = -1;
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    if (i + 1 >= argc) die("%s: %s needs a value", cmd, a);
    const char *v = argv[++i];
    if (!strcmp(a, "--pid")) pid = parse_num(a, v, 1, INT_MAX);
    else die("%s: unknown option %s", cmd, a);
  }
  if (pid < 0) die("%s: usage: %s --pid PID", cmd, cmd);
  return pid;
}

/* /proc/PID/ns/KIND, opened; exit 2 when the process is gone (the agent then leaves it out). */
static int open_ns_of(const char *cmd, long pid, const char *kind) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%ld/ns/%s", pid, kind);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    dprintf(2, "%s: %s: open %s: %s\n", prog, cmd, path, strerror(errno));
    _exit(errno == ENOENT || errno == ESRCH ? 2 : 1);
  }
  return fd;
}

/* =====================================================================================================
 * mountinfo
 * ===================================================================================================== */

/* The whole mount table of PID's mount namespace, seen from that namespace's root: /proc/PID/mountinfo only
 * lists what lies under PID's own root, so a process chrooted into a bind mount looks pivoted there. setns
 * into the namespace moves our root to the namespace's root; our /proc/self, opened before, then renders the
 * table from there. Read-only: the kernel's own text, nothing of the student's is opened. */
static int cmd_mountinfo(int argc, char **argv) {
  const long pid = parse_pid_only("mountinfo", argc, argv);
  int fd = open_ns_of("mountinfo", pid, "mnt");
  int self = open("/proc/self", O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (self < 0) DIE_ERRNO("open", "/proc/self");
  if (setns(fd, CLONE_NEWNS) < 0) DIE_ERRNO("setns", "mnt");
  int mi = openat(self, "mountinfo", O_RDONLY | O_CLOEXEC);
  if (mi < 0) DIE_ERRNO("open", "/proc/self/mountinfo");
  char buf[16384];
  for (;;) {
    ssize_t n = read(mi, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      DIE_ERRNO("read", "/proc/self/mountinfo");
    }
    if (n == 0) break;
    write_all(1, buf, (size_t)n, "stdout");
  }
  return 0;
}

/* =====================================================================================================
 * netinfo
 * ===================================================================================================== */

/* Interfaces with their addresses and counters, or the main routing table, of PID's network namespace, as
 * iproute2's JSON: joins only that namespace (the files stay the host's, so the `ip` run is the host's own)
 * and runs `ip` with a fixed argument list and an empty environment. Nothing of the student's becomes an
 * argument; what they named their interfaces arrives as JSON strings. */
static int cmd_netinfo(int argc, char **argv) {
  long pid = -1;
  const char *what = NULL;
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    if (i + 1 >= argc) die("netinfo: %s needs a value", a);
    const char *v = argv[++i];
    if (!strcmp(a, "--pid")) pid = parse_num(a, v, 1, INT_MAX);
    else if (!strcmp(a, "--what")) what = v;
    else die("netinfo: unknown option %s", a);
  }
  if (pid < 0 || !what || (strcmp(what, "addr") && strcmp(what, "route")))
    die("netinfo: usage: netinfo --pid PID --what addr|route");
  int fd = open_ns_of("netinfo", pid, "net");
  if (setns(fd, CLONE_NEWNET) < 0) DIE_ERRNO("setns", "net");
  char *const addr[] = {"ip", "-j", "-d", "-s", "addr", "show", NULL};
  char *const route[] = {"ip", "-j", "-4", "route", "show", "table", "main", NULL};
  char *const env[] = {"PATH=/usr/sbin:/usr/bin:/sbin:/bin", NULL};
  char *const *args = !strcmp(what, "addr") ? addr : route;
  const char *const ips[] = {"/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"};
  for (size_t k = 0; k < sizeof ips / sizeof ips[0]; k++) execve(ips[k], args, env);
  DIE_ERRNO("exec", "ip (iproute2)");
}

/* =====================================================================================================
 * hostname
 * ===================================================================================================== */

/* The host name of PID's UTS namespace (reading /proc/sys/kernel/hostname here would give the host's). */
static int cmd_hostname(int argc, char **argv) {
  const long pid = parse_pid_only("hostname", argc, argv);
  int fd = open_ns_of("hostname", pid, "uts");
  if (setns(fd, CLONE_NEWUTS) < 0) DIE_ERRNO("setns", "uts");
  struct utsname u;
  if (uname(&u) < 0) DIE_ERRNO("uname", "uts");
  char out[sizeof u.nodename + 1];
  int n = snprintf(out, sizeof out, "%s\n", u.nodename);
  write_all(1, out, (size_t)n, "stdout");
  return 0;
}

/* =====================================================================================================
 * marker
 * ===================================================================================================== */

/* A lesson fixture: a process inside the sandbox (same cgroups, namespaces and root as a shell), named NAME,
 * that waits to be signalled and then records who signalled it. The student sees it with `ps` and kills it;
 * the lesson checks where the killer stood. Output (one line each):
 *   ready pid=<pid inside the sandbox> host-pid=<host pid>
 *   killed-by signal=<n> pid=<killer's pid inside> root=<dev:ino|-> parent-root=<dev:ino|->
 * Who the killer is comes from si_pid; its root and its parent's root are read through the HOST's /proc
 * (opened before joining), because the sandbox's /proc is the student's to mount over. */

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
  close(fd);
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

static void marker_child(long pid1, const char *name, int ns[NS_COUNT], const int *cg, int ncg, int hostproc,
                         int report, int life, int argc, char **argv) __attribute__((noreturn));
static void marker_child(long pid1, const char *name, int ns[NS_COUNT], const int *cg, int ncg, int hostproc,
                         int report, int life, int argc, char **argv) {
  char path[PATH_MAX];
  /* Wake up first when signalled, to look at a short-lived killer (/bin/kill, pkill) before it is gone. The
   * marker only runs for a few microseconds once, so this costs the sandbox nothing. Host root may. */
  if (setpriority(PRIO_PROCESS, 0, MARKER_NICE) < 0) DIE_ERRNO("setpriority", "(marker)");
  /* Host root still: the cgroups first, then the namespaces (pid was entered by the parent: it applies to us,
   * its child), user last. */
  for (int k = 0; k < ncg; k++) {
    if (write(cg[k], "0", 1) != 1) DIE_ERRNO("join cgroup", "(marker)");
    close(cg[k]);
  }
  set_oom_score_adj(STUDENT_OOM_SCORE_ADJ);
  for (int k = 0; k < NS_COUNT; k++) {
    if (k == NS_PID) continue;
    if (setns(ns[k], ns_types[k]) < 0) {
      snprintf(path, sizeof path, "/proc/%ld/ns/%s", pid1, ns_names[k]);
      DIE_ERRNO("setns", path);
    }
  }
  for (int k = 0; k < NS_COUNT; k++) close(ns[k]);
  if (setgroups(0, NULL) < 0) DIE_ERRNO("setgroups", "0");
  if (setresgid(0, 0, 0) < 0) DIE_ERRNO("setresgid", "0");
  if (setresuid(0, 0, 0) < 0) DIE_ERRNO("setresuid", "0");
  if (install_seccomp_denylist() < 0) DIE_ERRNO("seccomp", "(marker)");
  /* The credential change made us non-dumpable, and we stay so: the student may see and signal us, not
   * ptrace us (that would let them write our report). Die with the parent; it may have died already. */
  if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0) DIE_ERRNO("prctl", "PR_SET_PDEATHSIG");
  struct pollfd pf = {.fd = life, .events = POLLIN};
  if (poll(&pf, 1, 0) > 0 && (pf.revents & (POLLHUP | POLLERR))) _exit(1);
  setsid();
  if (chdir("/") < 0) DIE_ERRNO("chdir", "/");
  int null = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null >= 0) {
    dup2(null, 0);
    dup2(null, 1);
    close(null);
  }
  /* `name` lives in the argv area that set_title overwrites: copy it first. */
  char comm[16];
  snprintf(comm, sizeof comm, "%s", name);
  set_title(argc, argv, comm, comm);

  sigset_t all, wanted;
  sigfillset(&all);
  sigprocmask(SIG_BLOCK, &all, NULL);
  sigemptyset(&wanted);
  for (size_t k = 0; k < sizeof marker_signals / sizeof marker_signals[0]; k++) sigaddset(&wanted, marker_signals[k]);

  char line[MARKER_LINE];
  int n = snprintf(line, sizeof line, "ready %d\n", (int)getpid());
  write_all(report, line, (size_t)n, "(marker report)");

  siginfo_t si;
  for (;;) {
    if (sigwaitinfo(&wanted, &si) > 0) break;
    if (errno != EINTR) DIE_ERRNO("sigwaitinfo", "(marker)");
  }
  /* Right away, before a short-lived killer (/bin/kill) is gone: pin it with a pidfd, learn its host pid from
   * the pidfd's fdinfo (read through the host's /proc, so in host numbers), then stat its root and its
   * parent's. A signal from outside the sandbox's pid namespace has si_pid 0. */
  char root[64] = "-", parent_root[64] = "-";
  long killer = (si.si_code == SI_USER || si.si_code == SI_QUEUE || si.si_code == SI_TKILL) ? si.si_pid : 0;
  if (killer > 0) {
    int pidfd = (int)syscall(__NR_pidfd_open, (pid_t)killer, 0);
    if (pidfd >= 0) {
      /* The parent first: a killer that is already exiting has no root any more, but keeps its parent until
       * that reaps it. PIDFD_GET_INFO (6.13+) gives it in one call, in our (the sandbox's) pid numbers. */
      struct gaiola_pidfd_info info;
      memset(&info, 0, sizeof info);
      info.mask = GAIOLA_PIDFD_INFO_PID;
      int parentfd = -1;
      int have_info = ioctl(pidfd, GAIOLA_PIDFD_GET_INFO, &info) == 0 && (info.mask & GAIOLA_PIDFD_INFO_PID);
      /* ppid 0: the parent is outside the sandbox's pid namespace (a shell's relay): no parent to look at. */
      if (have_info && info.ppid > 0) parentfd = (int)syscall(__NR_pidfd_open, (pid_t)info.ppid, 0);
      long hpid = host_pid_of_pidfd(hostproc, pidfd);
      long parent_hpid = -1;
      if (parentfd >= 0) {
        parent_hpid = host_pid_of_pidfd(hostproc, parentfd);
        close(parentfd);
      } else if (!have_info && hpid > 0) {
        /* Kernels before 6.13: the host's /proc/PID/status says who the parent is, in host numbers. */
        char rel[64];
        snprintf(rel, sizeof rel, "%ld/status", hpid);
        parent_hpid = proc_field(hostproc, rel, "PPid");
      }
      root_id_of(hostproc, hpid, root, sizeof root);
      root_id_of(hostproc, parent_hpid, parent_root, sizeof parent_root);
      close(pidfd);
    }
  }
  n = snprintf(line, sizeof line, "killed-by signal=%d pid=%ld root=%s parent-root=%s\n", si.si_signo, killer, root,
               parent_root);
  write_all(report, line, (size_t)n, "(marker report)");
  _exit(0);
}

static int cmd_marker(int argc, char **argv) {
  long pid1 = -1;
  const char *name = NULL;
  const char *procs[MAX_CGROUPS];
  int nprocs = 0;
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    if (i + 1 >= argc) die("marker: %s needs a value", a);
    const char *v = argv[++i];
    if (!strcmp(a, "--pid")) pid1 = parse_num(a, v, 2, INT_MAX);
    else if (!strcmp(a, "--name")) name = v;
    else if (!strcmp(a, "--cgroup-procs")) {
      if (nprocs >= MAX_CGROUPS) die("marker: more than %d --cgroup-procs", MAX_CGROUPS);
      procs[nprocs++] = v;
    } else die("marker: unknown option %s", a);
  }
  if (pid1 < 0 || !name) die("marker: usage: marker --pid PID1 --name NAME [--cgroup-procs FILE ...]");
  /* comm holds 15 bytes (TASK_COMM_LEN - 1); a longer name would not match `pidof NAME`. */
  if (!safe_name(name, 15)) die("marker: --name '%s': 1-15 letters, digits, '-', '_' or '.'", name);
  if (geteuid() != 0) die("marker: must run as root");

  int ns[NS_COUNT];
  open_sandbox_ns("marker", pid1, ns);
  int cg[MAX_CGROUPS];
  for (int k = 0; k < nprocs; k++) {
    cg[k] = open(procs[k], O_WRONLY | O_CLOEXEC);
    if (cg[k] < 0) DIE_ERRNO("open", procs[k]);
  }
  int hostproc = open("/proc", O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (hostproc < 0) DIE_ERRNO("open", "/proc");
  int report[2], life[2];
  if (pipe2(report, O_CLOEXEC) < 0 || pipe2(life, O_CLOEXEC) < 0) DIE_ERRNO("pipe", "(marker)");
  /* Only our children enter the pid namespace: we stay in the host's, invisible inside. */
  if (setns(ns[NS_PID], CLONE_NEWPID) < 0) DIE_ERRNO("setns", "pid");

  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGCHLD);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGQUIT);
  sigaddset(&set, SIGPIPE);
  sigprocmask(SIG_BLOCK, &set, NULL);
  int sfd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
  if (sfd < 0) DIE_ERRNO("signalfd", "(marker)");

  pid_t child = fork();
  if (child < 0) DIE_ERRNO("fork", "(marker)");
  if (child == 0) {
    close(report[0]);
    close(life[1]);
    close(sfd);
    marker_child(pid1, name, ns, cg, nprocs, hostproc, report[1], life[0], argc, argv);
  }
  close(report[1]);
  close(life[0]);
  close(hostproc);
  for (int k = 0; k < nprocs; k++) close(cg[k]);
  for (int k = 0; k < NS_COUNT; k++) close(ns[k]);

  /* Relay the child's lines (adding our view of its pid to "ready"), until it exits, we are told to stop, or
   * stdin reaches EOF (the agent died). */
  char buf[MARKER_LINE * 2];
  size_t len = 0;
  int report_open = 1, stdin_open = 1, status = 0;
  for (;;) {
    struct pollfd fds[3] = {{.fd = sfd, .events = POLLIN},
                            {.fd = report_open ? report[0] : -1, .events = POLLIN},
                            {.fd = stdin_open ? 0 : -1, .events = POLLIN}};
    if (poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      DIE_ERRNO("poll", "(marker)");
    }
    if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
      ssize_t r = read(report[0], buf + len, sizeof buf - 1 - len);
      if (r <= 0 && !(r < 0 && errno == EINTR)) report_open = 0;
      if (r > 0) len += (size_t)r;
      char *nl;
      while ((nl = memchr(buf, '\n', len)) != NULL) {
        *nl = '\0';
        char out[MARKER_LINE * 2];
        int n;
        long inside;
        if (sscanf(buf, "ready %ld", &inside) == 1)
          n = snprintf(out, sizeof out, "ready pid=%ld host-pid=%d\n", inside, (int)child);
        else n = snprintf(out, sizeof out, "%s\n", buf);
        write_all(1, out, (size_t)n, "stdout");
        size_t used = (size_t)(nl - buf) + 1;
        memmove(buf, nl + 1, len - used);
        len -= used;
      }
      if (len == sizeof buf - 1) len = 0; /* a line too long is not ours: drop it */
    }
    if (fds[2].revents & (POLLIN | POLLHUP | POLLERR)) {
      char in[64];
      ssize_t r = read(0, in, sizeof in);
      if (r <= 0 && !(r < 0 && errno == EINTR)) stdin_open = 0;
      if (!stdin_open) {
        kill(child, SIGKILL);
        while (waitpid(child, NULL, 0) < 0 && errno == EINTR) {
        }
        return 1;
      }
    }
    if (fds[0].revents & POLLIN) {
      struct signalfd_siginfo si;
      while (read(sfd, &si, sizeof si) == sizeof si) {
        if (si.ssi_signo == SIGPIPE) continue;
        if (si.ssi_signo == SIGCHLD) {
          if (waitpid(child, &status, WNOHANG) == child) {
            /* Its report is complete once it exited: relay what is left (a last line without newline is dropped). */
            if (report_open) {
              ssize_t r;
              while ((r = read(report[0], buf + len, sizeof buf - 1 - len)) > 0) {
                len += (size_t)r;
                char *nl;
                while ((nl = memchr(buf, '\n', len)) != NULL) {
                  size_t used = (size_t)(nl - buf) + 1;
                  write_all(1, buf, used, "stdout");
                  memmove(buf, nl + 1, len - used);
                  len -= used;
                }
                if (len == sizeof buf - 1) len = 0;
              }
            }
            return exit_code(status);
          }
          continue;
        }
        kill(child, SIGKILL);
        while (waitpid(child, NULL, 0) < 0 && errno == EINTR) {
        }
        return 128 + (int)si.ssi_signo;
      }
    }
  }
}

int main(int argc, char **argv) {
  if (argc < 2) {
    dprintf(2, "usage: %s create|shell|read-file|stat|list|hostname|mountinfo|netinfo|marker ...\n", prog);
    return 1;
  }
  if (!strcmp(argv[1], "create")) return cmd_create(argc, argv);
  if (!strcmp(argv[1], "shell")) return cmd_shell(argc, argv);
  if (!strcmp(argv[1], "read-file")) return cmd_read_file(argc, argv);
  if (!strcmp(argv[1], "stat")) return cmd_stat(argc, argv);
  if (!strcmp(argv[1], "list")) return cmd_list(argc, argv);
  if (!strcmp(argv[1], "mountinfo")) return cmd_mountinfo(argc, argv);
  if (!strcmp(argv[1], "netinfo")) return cmd_netinfo(argc, argv);
  if (!strcmp(argv[1], "hostname")) return cmd_hostname(argc, argv);
  if (!strcmp(argv[1], "marker")) return cmd_marker(argc, argv);
  dprintf(2, "%s: unknown command '%s' (create, shell, read-file, stat, list, hostname, mountinfo, netinfo or marker)\n", prog, argv[1]);
  return 1;
}
