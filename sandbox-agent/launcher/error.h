/*
 * Errors: one line, "gaiola-sandbox: <operation> <object>: <strerror>", and a non-zero exit. The agent shows
 * the first line to the instructor and matches a few of them in tests, so an error always names what was
 * being done, to what, and the kernel's reason (errno). No privilege is used here.
 */
#ifndef GAIOLA_ERROR_H
#define GAIOLA_ERROR_H

#include <errno.h>

/* Prints "gaiola-sandbox: <message>" and exits with status 1. */
void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
/* Like die, with the exit status given: the queries tell "gone" (2) and "refused" (3) apart this way. */
void die_status(int status, const char *fmt, ...) __attribute__((noreturn, format(printf, 2, 3)));
/* "<op> <what>: <strerror(errno)>", errno as it was on entry. */
void die_errno(const char *op, const char *what) __attribute__((noreturn));

/* From now on, the message of a die goes to `fd`, bare (no program name, no newline) and once: the sandbox's
 * init has no terminal of its own, so it hands its reason to the launcher, which prints it. */
void error_redirect(int fd);
/* Runs before every later die exits: the launcher kills a half-built sandbox's init this way. */
void error_on_die(void (*cleanup)(void));

#endif
