/*
 * Small helpers (see util.h). No privilege is used.
 */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/fsuid.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include "error.h"
#include "kernel.h"

void write_all(int fd, const char *buf, size_t len, const char *what) {
  while (len > 0) {
    ssize_t n = write(fd, buf, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      die_errno("write", what);
    }
    buf += n;
    len -= (size_t)n;
  }
}

void format(char *buf, size_t len, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, len, fmt, ap);
  va_end(ap);
  if (n < 0 || (size_t)n >= len) die("%.64s...: longer than %zu bytes", buf, len - 1);
}

void xclose(int fd, const char *what) {
  if (close(fd) < 0) die_errno("close", what);
}

void close_fds_except(const int *keep, size_t n) {
  unsigned int from = 3;
  for (;;) {
    /* The lowest kept descriptor at or above `from`: close the gap below it, then step over it. */
    unsigned int next = ~0U;
    for (size_t k = 0; k < n; k++)
      if ((unsigned int)keep[k] >= from && (unsigned int)keep[k] < next) next = (unsigned int)keep[k];
    if (next > from && sys_close_range(from, next - 1, 0) < 0) die_errno("close_range", "(inherited descriptors)");
    if (next == ~0U) return;
    from = next + 1;
  }
}

void close_fds_from_3(void) {
  if (sys_close_range(3, ~0U, 0) < 0) die_errno("close_range", "3..");
}

void xdup2(int from, int to, const char *what) {
  if (dup2(from, to) < 0) die_errno("dup2", what);
}

void xsetsid(const char *who) {
  if (setsid() < 0) die_errno("setsid", who);
}

int xset_fl(int fd, int flags, const char *what) {
  int old = fcntl(fd, F_GETFL);
  if (old < 0) die_errno("fcntl F_GETFL", what);
  if (fcntl(fd, F_SETFL, flags) < 0) die_errno("fcntl F_SETFL", what);
  return old;
}

void kill_if_alive(pid_t pid, int sig) {
  if (kill(pid, sig) < 0 && errno != ESRCH) die_errno("kill", pid < 0 ? "(process group)" : "(process)");
}

int reap(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, __WALL) < 0)
    if (errno != EINTR) die_errno("waitpid", "(child)");
  return status;
}

void set_fsids(uid_t uid, gid_t gid) {
  setfsgid(gid);
  if ((gid_t)setfsgid((gid_t)-1) != gid) die("setfsgid %u: refused", (unsigned)gid);
  setfsuid(uid);
  if ((uid_t)setfsuid((uid_t)-1) != uid) die("setfsuid %u: refused", (unsigned)uid);
}

void set_all_signals(void (*handler)(int)) {
  for (int sig = 1; sig < NSIG; sig++) {
    /* SIGKILL and SIGSTOP cannot be caught; the C library keeps the first real-time signals (below its
     * SIGRTMIN) for its threads and refuses them. */
    if (sig == SIGKILL || sig == SIGSTOP || (sig > SIGSYS && sig < SIGRTMIN)) continue;
    if (signal(sig, handler) == SIG_ERR) die("signal %d: %s", sig, strerror(errno));
  }
}

void xsigprocmask(int how, const void *set) {
  if (sigprocmask(how, set, NULL) < 0) die_errno("sigprocmask", "(signal mask)");
}

int signal_fd(const int *sigs, size_t n, int flags, const char *who) {
  sigset_t set;
  sigemptyset(&set);
  for (size_t k = 0; k < n; k++)
    if (sigaddset(&set, sigs[k]) < 0) die_errno("sigaddset", who);
  xsigprocmask(SIG_BLOCK, &set);
  int fd = signalfd(-1, &set, SFD_CLOEXEC | flags);
  if (fd < 0) die_errno("signalfd", who);
  return fd;
}

int read_signal(int sfd, struct signalfd_siginfo *si) {
  ssize_t n = read(sfd, si, sizeof *si);
  if (n < 0) {
    if (errno == EAGAIN || errno == EINTR) return 0;
    die_errno("read", "(signalfd)");
  }
  if (n != (ssize_t)sizeof *si) die("read (signalfd): %zd bytes, not a signal", n);
  return 1;
}

void set_title(int argc, char **argv, const char *title, const char *comm) {
  char *start = argv[0];
  char *end = argv[argc - 1] + strlen(argv[argc - 1]);
  size_t room = (size_t)(end - start);
  memset(start, 0, room);
  /* A title longer than the original command line is cut: ps shows what fits. */
  snprintf(start, room + 1, "%s", title);
  if (prctl(PR_SET_NAME, comm, 0, 0, 0) < 0) die_errno("prctl", "PR_SET_NAME");
}

int exit_code(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 1;
}
