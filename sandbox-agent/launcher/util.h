/*
 * Small helpers every command uses: whole writes, the process title, signal descriptors, exit statuses.
 * No privilege is used here.
 */
#ifndef GAIOLA_UTIL_H
#define GAIOLA_UTIL_H

#include <stddef.h>

/* Writes all of buf, retrying short writes and EINTR; dies naming `what` on any other failure. */
void write_all(int fd, const char *buf, size_t len, const char *what);
/* Sets the command line ps(1) shows by overwriting our own argv area (contiguous), and the comm name. */
void set_title(int argc, char **argv, const char *title, const char *comm);
/* Blocks the `n` signals in `sigs` and returns a signalfd that reads them (close-on-exec). */
int signal_fd(const int *sigs, size_t n, int flags, const char *who);
/* A shell-style exit status from a waitpid status: the code, or 128 + the signal. */
int exit_code(int status);

#endif
