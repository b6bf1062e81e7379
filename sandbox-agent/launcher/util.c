/*
 * Small helpers (see util.h). No privilege is used.
 */
#include "util.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include "error.h"

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

void set_title(int argc, char **argv, const char *title, const char *comm) {
  char *start = argv[0];
  char *end = argv[argc - 1] + strlen(argv[argc - 1]);
  size_t room = (size_t)(end - start);
  memset(start, 0, room);
  snprintf(start, room + 1, "%s", title);
  prctl(PR_SET_NAME, comm, 0, 0, 0);
}

int signal_fd(const int *sigs, size_t n, int flags, const char *who) {
  sigset_t set;
  sigemptyset(&set);
  for (size_t k = 0; k < n; k++) sigaddset(&set, sigs[k]);
  sigprocmask(SIG_BLOCK, &set, NULL);
  int fd = signalfd(-1, &set, SFD_CLOEXEC | flags);
  if (fd < 0) die_errno("signalfd", who);
  return fd;
}

int exit_code(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 1;
}
