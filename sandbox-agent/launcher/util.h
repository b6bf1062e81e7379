/*
 * Small helpers every command uses: whole writes, checked descriptor and process calls, the process title,
 * signal descriptors, exit statuses. Each checked call exits through error.c with the operation's name and
 * errno when the kernel refuses it, so no failure goes on silently. No privilege is used here.
 */
#ifndef GAIOLA_UTIL_H
#define GAIOLA_UTIL_H

#include <stddef.h>
#include <sys/types.h>

/* Writes all of buf, retrying short writes and EINTR; dies naming `what` on any other failure. */
void write_all(int fd, const char *buf, size_t len, const char *what);
/* snprintf that dies instead of truncating: a path cut short would name another file. */
void format(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

void xclose(int fd, const char *what);
/* Closes every descriptor from 3 up, except the `n` in `keep` (each at least 3): what a process inside the
 * sandbox must not inherit from the launcher, or the launcher from the agent. */
void close_fds_except(const int *keep, size_t n);
/* Closes every descriptor from 3 up: the last step before a process inside starts its life (an exec, the
 * init's keeper), so that it holds exactly 0, 1 and 2. */
void close_fds_from_3(void);
void xdup2(int from, int to, const char *what);
void xsetsid(const char *who);
/* Sets the file status flags of `fd` (O_NONBLOCK), returning the old ones. */
int xset_fl(int fd, int flags, const char *what);
/* kill(2) that accepts a process already gone (ESRCH): the cleanup paths race with its exit by nature. */
void kill_if_alive(pid_t pid, int sig);
/* waitpid(2) for one child, retrying EINTR; returns its status. */
int reap(pid_t pid);
/* The filesystem uid and gid of the calling thread, each set and then read back: setfsuid(2) reports no
 * error, only the previous value, so a second call with an invalid id (which changes nothing) tells whether
 * the first one took. */
void set_fsids(uid_t uid, gid_t gid);

/* Sets every signal's disposition we may set to `handler` (SIG_DFL or SIG_IGN). */
void set_all_signals(void (*handler)(int));
/* Sets the blocked signals (SIG_BLOCK, SIG_SETMASK ...). */
void xsigprocmask(int how, const void *set);
/* Blocks the `n` signals in `sigs` and returns a signalfd that reads them (close-on-exec). */
int signal_fd(const int *sigs, size_t n, int flags, const char *who);
struct signalfd_siginfo;
/* Reads one signal from a signalfd: 1 when one was read, 0 when none is pending (EAGAIN, EINTR). */
int read_signal(int sfd, struct signalfd_siginfo *si);

/* Sets the command line ps(1) shows by overwriting our own argv area (contiguous), and the comm name. */
void set_title(int argc, char **argv, const char *title, const char *comm);
/* A shell-style exit status from a waitpid status: the code, or 128 + the signal. */
int exit_code(int status);

#endif
