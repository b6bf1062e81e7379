// Runs a command with some system calls failing, to see how the launcher takes a refusal it never meets on a
// healthy host (a test tool, built by launcher-faults.kernel.test.ts; never installed):
//   fault-inject NAME[,NAME...] ERRNO -- COMMAND [ARG ...]
// Every listed call of COMMAND and of all its descendants fails with ERRNO (a number), through a seccomp
// filter installed before the exec. Needs CAP_SYS_ADMIN (the kernel tests run as root).
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#if defined(__x86_64__)
#define ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define ARCH AUDIT_ARCH_AARCH64
#else
#error "fault-inject: add this architecture's AUDIT_ARCH_*"
#endif

static const struct {
  const char *name;
  int nr;
} calls[] = {
    {"setfsuid", __NR_setfsuid}, {"setfsgid", __NR_setfsgid},       {"setsid", __NR_setsid},
    {"dup3", __NR_dup3},         {"close_range", __NR_close_range}, {"pidfd_open", __NR_pidfd_open},
    {"prctl", __NR_prctl},
#ifdef __NR_dup2
    {"dup2", __NR_dup2},
#endif
};

int main(int argc, char **argv) {
  if (argc < 5 || strcmp(argv[3], "--") != 0) {
    fprintf(stderr, "usage: fault-inject NAME[,NAME...] ERRNO -- COMMAND [ARG ...]\n");
    return 2;
  }
  const unsigned err = (unsigned)atoi(argv[2]);
  struct sock_filter f[64];
  size_t n = 0;
  f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
  f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ARCH, 1, 0);
  f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
  char *names = strdup(argv[1]);
  for (char *save = NULL, *tok = strtok_r(names, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
    int nr = -1;
    for (size_t k = 0; k < sizeof calls / sizeof calls[0]; k++)
      if (!strcmp(calls[k].name, tok)) nr = calls[k].nr;
    if (nr < 0) {
      fprintf(stderr, "fault-inject: unknown system call %s\n", tok);
      return 2;
    }
    if (n + 3 > sizeof f / sizeof f[0]) return 2;
    f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)nr, 0, 1);
    f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (err & SECCOMP_RET_DATA));
  }
  f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  struct sock_fprog prog = {.len = (unsigned short)n, .filter = f};
  if (syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0) {
    perror("fault-inject: seccomp");
    return 2;
  }
  execv(argv[4], argv + 4);
  perror("fault-inject: exec");
  return 2;
}
