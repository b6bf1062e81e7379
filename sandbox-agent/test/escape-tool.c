/*
 * escape-tool: what a student could compile and run inside a sandbox, for the escape suite
 * (escape-*.kernel.test.ts). Built on the host (static) and copied into the sandbox by the test. Meant to
 * run only inside a sandbox: every call is harmless there, but host root should not run `syscalls`.
 *
 *   escape-tool syscalls [i386-fault]
 *                               each call of the seccomp denylist, with harmless arguments: "name=OK|ERRNO"
 *                               (the i386 probe may also say SIGSEGV|SIGILL|SIGBUS: see i386_probe);
 *                               `i386-fault` makes that probe fault as some kernels do (tests of the probe)
 *   escape-tool chroot-escape   the classic chroot escape (chroot into a subdir, chdir .. many times, chroot .),
 *                               then prints "root=<st_dev>:<st_ino>" of the "/" it reached
 *   escape-tool handle PATH     name_to_handle_at(PATH) then open_by_handle_at on it: "name_to_handle_at=..",
 *                               "open_by_handle_at=.."
 *   escape-tool inotify-hold    creates inotify instances until the kernel refuses, prints "inotify=<n> <errno>",
 *                               then holds them until killed
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/perf_event.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* errno name, or OK */
static const char *res(long r) {
  if (r >= 0) return "OK";
  switch (errno) {
  case EPERM: return "EPERM";
  case ENOSYS: return "ENOSYS";
  case EACCES: return "EACCES";
  case EINVAL: return "EINVAL";
  case EFAULT: return "EFAULT";
  case EBADF: return "EBADF";
  case ENOENT: return "ENOENT";
  case ENOEXEC: return "ENOEXEC";
  case EMFILE: return "EMFILE";
  case EOPNOTSUPP: return "EOPNOTSUPP";
  default: {
    static char buf[32];
    snprintf(buf, sizeof buf, "E%d", errno);
    return buf;
  }
  }
}
#define TRY(name, call)                          \
  do {                                           \
    errno = 0;                                   \
    long r_ = (long)(call);                      \
    printf("%s=%s\n", name, res(r_));            \
  } while (0)

/*
 * i386 getpid through int 0x80, in a child: "i386_getpid=OK|ERRNO|SIGNAME". Where the kernel runs i386
 * calls, gaiola's filter answers ENOSYS; a kernel without ia32 emulation (ia32_emulation=0, or built
 * without it) faults the instruction instead, and the child dies of SIGSEGV. Both mean refused; the
 * child keeps a fault from ending this tool before it reports. `fault` raises SIGSEGV without trying, to
 * test this path on a host whose kernel answers.
 */
static void i386_probe(int fault) {
  pid_t pid = fork();
  if (pid < 0) {
    printf("i386_getpid=fork %s\n", res(-1));
    return;
  }
  if (pid == 0) {
    prctl(PR_SET_DUMPABLE, 0); /* a fault here is expected: no core file */
    if (fault) raise(SIGSEGV);
    long r32;
    __asm__ volatile("int $0x80" : "=a"(r32) : "a"(20) : "memory");
    /* a negative errno (up to 4095) through the exit status; 0 when the call ran */
    _exit(r32 < 0 ? (int)(-r32 > 255 ? 255 : -r32) : 0);
  }
  int st;
  while (waitpid(pid, &st, 0) < 0)
    if (errno != EINTR) {
      printf("i386_getpid=waitpid %s\n", res(-1));
      return;
    }
  if (WIFSIGNALED(st)) {
    int sig = WTERMSIG(st);
    const char *name = sig == SIGSEGV ? "SIGSEGV" : sig == SIGILL ? "SIGILL" : sig == SIGBUS ? "SIGBUS" : "SIG?";
    printf("i386_getpid=%s\n", name);
    return;
  }
  int code = WEXITSTATUS(st);
  errno = code;
  printf("i386_getpid=%s\n", code == 0 ? "OK" : res(-1));
}

static int syscalls(int i386_fault) {
  TRY("init_module", syscall(__NR_init_module, NULL, 0, ""));
  TRY("finit_module", syscall(__NR_finit_module, -1, "", 0));
  TRY("delete_module", syscall(__NR_delete_module, "gaiola_nonexistent", 0));
  TRY("kexec_load", syscall(__NR_kexec_load, 0, 0, NULL, 0));
  TRY("kexec_file_load", syscall(__NR_kexec_file_load, -1, -1, 0, "", 0));
  /* a wrong second magic number: EINVAL where allowed, so a no-op wherever this runs */
  TRY("reboot", syscall(__NR_reboot, 0xfee1dead, 0, 0, NULL));
  struct perf_event_attr pa;
  memset(&pa, 0, sizeof pa);
  pa.size = sizeof pa;
  pa.type = PERF_TYPE_SOFTWARE;
  pa.config = PERF_COUNT_SW_TASK_CLOCK;
  pa.exclude_kernel = 1;
  pa.exclude_hv = 1;
  TRY("perf_event_open", syscall(__NR_perf_event_open, &pa, 0, -1, -1, 0));
  char bpfattr[128];
  memset(bpfattr, 0, sizeof bpfattr);
  TRY("bpf", syscall(__NR_bpf, 0 /* BPF_MAP_CREATE */, bpfattr, sizeof bpfattr));
  /* KEYCTL_GET_KEYRING_ID of the session keyring, created if needed */
  TRY("keyctl", syscall(__NR_keyctl, 0, -3, 1));
  TRY("add_key", syscall(__NR_add_key, "user", "gaiola", "x", 1, -3));
  TRY("request_key", syscall(__NR_request_key, "user", "gaiola-nonexistent", NULL, 0));
  TRY("userfaultfd", syscall(__NR_userfaultfd, 1 /* UFFD_USER_MODE_ONLY */));
  char ring[120];
  memset(ring, 0, sizeof ring);
  TRY("io_uring_setup", syscall(__NR_io_uring_setup, 1, ring));
  TRY("acct", syscall(__NR_acct, "/gaiola-nonexistent"));
  TRY("swapon", syscall(__NR_swapon, "/gaiola-nonexistent", 0));
  TRY("swapoff", syscall(__NR_swapoff, "/gaiola-nonexistent"));
  TRY("iopl", syscall(__NR_iopl, 3));
  TRY("ioperm", syscall(__NR_ioperm, 0x80, 1, 1));
  /* the x32 twin of keyctl (bit 30 set): must not bypass the list */
  TRY("x32_keyctl", syscall(0x40000000 | __NR_keyctl, 0, -3, 1));
  /* i386 getpid through int 0x80: the whole foreign ABI is refused */
  i386_probe(i386_fault);
  /* still allowed: what the lessons use */
  TRY("getpid", syscall(__NR_getpid));
  return 0;
}

static int chroot_escape(void) {
  mkdir("/tmp/gaiola-jail", 0755);
  if (chroot("/tmp/gaiola-jail") < 0) {
    printf("chroot=%s\n", res(-1));
    return 1;
  }
  /* cwd stays outside the new root: walk up as far as the kernel lets us */
  for (int i = 0; i < 256; i++)
    if (chdir("..") < 0) break;
  printf("chroot-dot=%s\n", res(chroot(".")));
  struct stat st;
  if (stat("/", &st) < 0) return 1;
  printf("root=%llu:%llu\n", (unsigned long long)st.st_dev, (unsigned long long)st.st_ino);
  return 0;
}

static int handle(const char *path) {
  struct file_handle *fh = malloc(sizeof *fh + 128);
  fh->handle_bytes = 128;
  int mount_id;
  errno = 0;
  long r = syscall(__NR_name_to_handle_at, AT_FDCWD, path, fh, &mount_id, 0);
  printf("name_to_handle_at=%s\n", res(r));
  int mfd = open(path, O_RDONLY | O_DIRECTORY);
  if (mfd < 0) mfd = open("/", O_RDONLY | O_DIRECTORY);
  /* with a valid handle if we got one, else a forged one (the "shocker" attack brute-forces these) */
  if (r < 0) {
    fh->handle_bytes = 8;
    fh->handle_type = 1;
    memset(fh->f_handle, 0, 8);
    fh->f_handle[0] = 2; /* inode 2: the root of most ext4 filesystems */
  }
  errno = 0;
  r = syscall(__NR_open_by_handle_at, mfd, fh, O_RDONLY);
  printf("open_by_handle_at=%s\n", res(r));
  return 0;
}

/* The bound: far above the per-user default (fs.inotify.max_user_instances = 128). */
#define INOTIFY_TRIES 100000

static int inotify_hold(void) {
  int n = 0;
  errno = 0;
  while (n < INOTIFY_TRIES && inotify_init1(IN_CLOEXEC) >= 0) n++;
  printf("inotify=%d %s\n", n, res(-1));
  for (;;) pause();
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IONBF, 0);
  if (argc >= 2 && !strcmp(argv[1], "syscalls")) return syscalls(argc >= 3 && !strcmp(argv[2], "i386-fault"));
  if (argc >= 2 && !strcmp(argv[1], "chroot-escape")) return chroot_escape();
  if (argc >= 3 && !strcmp(argv[1], "handle")) return handle(argv[2]);
  if (argc >= 2 && !strcmp(argv[1], "inotify-hold")) return inotify_hold();
  fprintf(stderr, "usage: escape-tool syscalls [i386-fault] | chroot-escape | handle PATH | inotify-hold\n");
  return 2;
}
