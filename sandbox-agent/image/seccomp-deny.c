/* seccomp-deny: runs a command under a seccomp filter that makes the named system calls fail.
 *
 *   seccomp-deny [--errno N] SYSCALL... -- COMMAND [ARG...]
 *   seccomp-deny --list
 *
 * The lesson on seccomp (curriculum.md, lesson 11) needs a way to put a filter on one's own processes;
 * Debian 12 ships no generic command for it. This is a classic BPF filter, written out by hand: load the
 * architecture, let foreign-architecture calls through, compare the call number with each denied one and
 * return SECCOMP_RET_ERRNO (EPERM by default), otherwise SECCOMP_RET_ALLOW. The filter is inherited by
 * every child and cannot be removed.
 *
 * Root (CAP_SYS_ADMIN in its user namespace) may install a filter directly; anyone else must first set
 * no_new_privs (then setuid and file capabilities stop granting privileges), which this tool does only
 * when the kernel asks for it.
 *
 * Built by scripts/build-base-image.sh with the host compiler (static) into the image's /usr/local/bin.
 * SYSCALL_NAMES is generated there from <sys/syscall.h>. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define NATIVE_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define NATIVE_ARCH AUDIT_ARCH_AARCH64
#elif defined(__i386__)
#define NATIVE_ARCH AUDIT_ARCH_I386
#elif defined(__riscv) && __riscv_xlen == 64
#define NATIVE_ARCH AUDIT_ARCH_RISCV64
#else
#error "seccomp-deny: unknown architecture"
#endif

struct syscall_name {
  const char *name;
  long nr;
};

static const struct syscall_name names[] = {
#include "syscall-names.h"
};

#define MAX_DENIED 200

static void usage(FILE *f) {
  fputs("usage: seccomp-deny [--errno N] SYSCALL... -- COMMAND [ARG...]\n"
        "       seccomp-deny --list\n"
        "Runs COMMAND with the named system calls failing with EPERM (or errno N).\n"
        "example: seccomp-deny mkdir -- mkdir /tmp/x   ->  mkdir: cannot create directory: Operation not permitted\n",
        f);
}

static long lookup(const char *name) {
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (!strcmp(names[i].name, name)) return names[i].nr;
  char *end;
  errno = 0;
  long nr = strtol(name, &end, 10);
  if (errno == 0 && *name && !*end && nr >= 0) return nr;
  return -1;
}

int main(int argc, char **argv) {
  int err = EPERM, i = 1;
  long denied[MAX_DENIED];
  int ndenied = 0;
  if (argc == 2 && !strcmp(argv[1], "--list")) {
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) printf("%s %ld\n", names[k].name, names[k].nr);
    return 0;
  }
  if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
    usage(stdout);
    return 0;
  }
  if (i + 1 < argc && !strcmp(argv[i], "--errno")) {
    char *end;
    long e = strtol(argv[i + 1], &end, 10);
    if (!*argv[i + 1] || *end || e < 1 || e > 4095) {
      fprintf(stderr, "seccomp-deny: --errno wants a number from 1 to 4095, not '%s'\n", argv[i + 1]);
      return 125;
    }
    err = (int)e;
    i += 2;
  }
  for (; i < argc && strcmp(argv[i], "--"); i++) {
    long nr = lookup(argv[i]);
    if (nr < 0) {
      fprintf(stderr, "seccomp-deny: unknown system call '%s' (seccomp-deny --list shows them)\n", argv[i]);
      return 125;
    }
    if (ndenied == MAX_DENIED) {
      fprintf(stderr, "seccomp-deny: at most %d system calls\n", MAX_DENIED);
      return 125;
    }
    denied[ndenied++] = nr;
  }
  if (i >= argc || ndenied == 0 || i + 1 >= argc) {
    usage(stderr);
    return 125;
  }
  char **cmd = argv + i + 1;

  /* 3 instructions of prologue, one compare per denied call, then ALLOW and ERRNO. */
  struct sock_filter prog[3 + MAX_DENIED + 2];
  int n = 0;
  prog[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
  /* A foreign architecture (e.g. 32-bit calls on x86-64) has other numbers: let it through untouched. */
  prog[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NATIVE_ARCH, 0, (unsigned char)(ndenied + 1));
  prog[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
  for (int k = 0; k < ndenied; k++) {
    /* on a match, jump over the remaining compares and the ALLOW to the ERRNO return */
    unsigned char to_errno = (unsigned char)(ndenied - k);
    prog[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)denied[k], to_errno, 0);
  }
  prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ((unsigned)err & SECCOMP_RET_DATA));
  struct sock_fprog fprog = {.len = (unsigned short)n, .filter = prog};

  if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fprog) < 0) {
    /* EACCES: no CAP_SYS_ADMIN here, so the kernel wants no_new_privs first. */
    if (errno != EACCES || prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
        prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fprog) < 0) {
      perror("seccomp-deny: installing the filter");
      return 125;
    }
  }
  execvp(cmd[0], cmd);
  fprintf(stderr, "seccomp-deny: %s: %s\n", cmd[0], strerror(errno));
  return errno == ENOENT ? 127 : 126;
}
