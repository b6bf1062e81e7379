/*
 * Errors (see error.h). No privilege: formats a message and exits. The message may carry a path the agent
 * passed or a name a student chose (a file name in a query): it goes out as text on stderr, never as a format.
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char prog[] = "gaiola-sandbox";
static int redirect_fd = -1;
static void (*on_die)(void);

void error_redirect(int fd) {
  redirect_fd = fd;
}

void error_on_die(void (*cleanup)(void)) {
  on_die = cleanup;
}

/* Hands the message out and exits: `status` is the launcher's exit status. */
static void finish(int status, const char *msg) __attribute__((noreturn));
static void finish(int status, const char *msg) {
  if (redirect_fd >= 0) {
    /* The reader prints what it got; a short write leaves it a shorter reason, nothing worse. */
    ssize_t ignored = write(redirect_fd, msg, strlen(msg));
    (void)ignored;
  } else {
    dprintf(2, "%s: %s\n", prog, msg);
  }
  if (on_die) {
    void (*cleanup)(void) = on_die;
    on_die = NULL; /* a failure inside the cleanup must not run it again */
    cleanup();
  }
  _exit(status);
}

void die(const char *fmt, ...) {
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  finish(1, msg);
}

void die_status(int status, const char *fmt, ...) {
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  finish(status, msg);
}

void die_errno(const char *op, const char *what) {
  const int err = errno;
  die("%s %s: %s", op, what, strerror(err));
}
