/*
 * The confinement every process inside carries (see confine.h). Runs in the process being confined: host
 * root for the OOM value, root of the sandbox's user namespace for the rest. Reads no input.
 */
#include "confine.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/audit.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#include "error.h"
#include "gaiola.h"
#include "test-hooks.h"
#include "util.h"

void set_student_oom_score(void) {
  int fd = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
  if (fd < 0) die_errno("open", "/proc/self/oom_score_adj");
  const size_t len = strlen(STUDENT_OOM_SCORE_ADJ);
  if (write(fd, STUDENT_OOM_SCORE_ADJ, len) != (ssize_t)len) die_errno("write", "/proc/self/oom_score_adj");
  xclose(fd, "/proc/self/oom_score_adj");
}

/* uid `uid` and gid `gid` of the current user namespace, real, effective and saved, with no supplementary
 * groups. From uid 0 to another uid the kernel clears the permitted and effective capabilities too. */
static void set_ids(uid_t uid, gid_t gid, const char *who) {
  if (setgroups(0, NULL) < 0) die_errno("setgroups", "0");
  if (setresgid(gid, gid, gid) < 0) die_errno("setresgid", who);
  if (setresuid(uid, uid, uid) < 0) die_errno("setresuid", who);
}

void become_root_inside(void) {
  set_ids(0, 0, "0");
}

void drop_for_reading(uid_t uid, gid_t gid, const char *who) {
  set_ids(uid, gid, who);
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) die_errno("prctl", "PR_SET_NO_NEW_PRIVS");
  test_stop("query-reads");
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

/* A filter that lets through the `n` calls of `allowed` and answers every other one EPERM. */
static int install_seccomp_allowlist(const int *allowed, size_t n) {
  /* 6 instructions around the list (arch, x32, the refusal), one per allowed call plus the allow. */
  enum { MAX_ALLOWED = 64 };
  if (n > MAX_ALLOWED) {
    errno = E2BIG;
    return -1;
  }
  struct sock_filter f[8 + MAX_ALLOWED];
  size_t k = 0;
  f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
  f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, GAIOLA_AUDIT_ARCH, 1, 0);
  f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM);
  f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
  /* Each allowed number jumps over the ones after it and the refusal, to the allow at the end. */
  for (size_t i = 0; i < n; i++)
    f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)allowed[i], (uint8_t)(n - i), 0);
  f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM);
  f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  struct sock_fprog prog = {.len = (unsigned short)k, .filter = f};
  return (int)syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
}

static const int holder_syscalls[] = {
    __NR_read,          __NR_write,       __NR_writev,         __NR_close,     __NR_ppoll,     __NR_kill,
    __NR_wait4,         __NR_waitid,      __NR_exit,           __NR_exit_group, __NR_rt_sigreturn,
    __NR_rt_sigprocmask, __NR_restart_syscall, __NR_brk,       __NR_mmap,      __NR_munmap,
    /* What abort() needs when a fortified check fails: the process must still die of SIGABRT. */
    __NR_getpid,        __NR_gettid,      __NR_tgkill,         __NR_rt_sigaction,
#ifdef __NR_poll
    __NR_poll,
#endif
#ifdef GAIOLA_SANITIZE
    /* The sanitizers' runtime, in build-launcher.sh --sanitize only: before every noreturn call (exit, a
     * longjmp) ASan asks whether it runs on a signal stack, and its internal locks may wait. */
    __NR_sigaltstack,   __NR_futex,
#endif
};
#define N_HOLDER (sizeof holder_syscalls / sizeof holder_syscalls[0])

void keep_only(uint64_t caps, const int *extra, size_t n) {
  int allowed[64];
  if (N_HOLDER + n > sizeof allowed / sizeof allowed[0]) die("keep_only: %zu system calls, too many", n);
  memcpy(allowed, holder_syscalls, sizeof holder_syscalls);
  if (n > 0) memcpy(allowed + N_HOLDER, extra, n * sizeof *extra);
  /* The bounding set first (dropping needs CAP_SETPCAP, about to go): up to the kernel's last capability. */
  for (int cap = 0; cap < 64; cap++) {
    if (caps & KEEP_CAP(cap)) continue;
    if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0) {
      if (errno == EINVAL) break; /* past the last capability this kernel has */
      die_errno("prctl", "PR_CAPBSET_DROP");
    }
  }
  if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0) die_errno("prctl", "PR_CAP_AMBIENT_CLEAR_ALL");
  struct __user_cap_header_struct h = {.version = _LINUX_CAPABILITY_VERSION_3, .pid = 0};
  struct __user_cap_data_struct d[2];
  memset(d, 0, sizeof d);
  /* Version 3 splits the sets in two 32-bit halves, the low capabilities first. */
  d[0].effective = d[0].permitted = (uint32_t)caps;
  d[1].effective = d[1].permitted = (uint32_t)(caps >> 32);
  if (syscall(__NR_capset, &h, d) < 0) die_errno("capset", "(the capabilities kept)");
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) die_errno("prctl", "PR_SET_NO_NEW_PRIVS");
  if (install_seccomp_allowlist(allowed, N_HOLDER + n) < 0) die_errno("seccomp", "(allowlist)");
}

void keep_only_kill(const int *extra, size_t n) {
  keep_only(KEEP_CAP(CAP_KILL), extra, n);
}

int install_seccomp_denylist(void) {
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
