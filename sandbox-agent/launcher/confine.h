/*
 * What every process inside a sandbox carries (its init, each shell, each marker), set by the process on
 * itself: the host OOM killer's preference, root of the sandbox's user namespace as its identity, and a
 * seccomp denylist. Used while still host root (the OOM value) and right after joining the sandbox's user
 * namespace (the rest); no input is read.
 *
 * What a query keeps while it reads a sandbox (drop_for_reading): an unprivileged uid, nothing more.
 *
 * And what a launcher process that stays on the host keeps once its work is set up (keep_only): the `create`
 * holder and a shell's relay CAP_KILL alone; a marker's relay CAP_KILL, CAP_SYS_PTRACE and CAP_SYS_PACCT
 * (see marker.c); each with no_new_privs and an allowlist of the system calls it makes.
 */
#ifndef GAIOLA_CONFINE_H
#define GAIOLA_CONFINE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Writes STUDENT_OOM_SCORE_ADJ to our /proc/self/oom_score_adj. Call it before entering the sandbox's mount
 * namespace: there /proc is the student's to mount over. */
void set_student_oom_score(void);
/* uid and gid 0 of the current user namespace, no supplementary groups. */
void become_root_inside(void);
/* What a query keeps once it holds what it came for (a namespace entered, a root or a file opened) and before
 * it reads anything a student made: uid `uid` and gid `gid` for good, no supplementary groups, no capability,
 * no_new_privs (an exec gains nothing either). */
void drop_for_reading(uid_t uid, gid_t gid, const char *who);
/* Installs the denylist on the calling process: inherited by every child, kept across execve. It needs
 * CAP_SYS_ADMIN in the caller's user namespace instead of no_new_privs, so call it as root inside:
 * no_new_privs would break file capabilities (setcap) for the unprivileged user inside. Returns 0, or -1
 * with errno. */
int install_seccomp_denylist(void);

/* The capability `cap` (CAP_*) as a bit of the mask keep_only takes. */
#define KEEP_CAP(cap) (UINT64_C(1) << (cap))

/* What a launcher process that stays on the host keeps once its sandbox, shell or marker is set up: of all
 * capabilities only those in `caps` (KEEP_CAP bits), in every set including the bounding one, no_new_privs,
 * and a seccomp filter that lets through only the system calls such a process makes to its end (reads,
 * writes, poll, kill, wait, exit), plus the `n` numbers in `extra`, and refuses anything else with EPERM.
 * Its children inherit all of it. Host root no more: uid 0 still, without the capabilities that make uid 0
 * more than the owner of some files.
 *   The `create` holder and a shell's relay keep CAP_KILL (keep_only_kill): they end what they started,
 * whose uids are the sandbox's. A marker's relay keeps CAP_KILL for its marker, CAP_SYS_PTRACE to see the
 * root of a killer (another user's process) through the host's /proc, and CAP_SYS_PACCT for the child that
 * turns the sandbox's process accounting off. */
void keep_only(uint64_t caps, const int *extra, size_t n);
void keep_only_kill(const int *extra, size_t n);

#endif
