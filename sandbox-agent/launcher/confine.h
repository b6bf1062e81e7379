/*
 * What every process inside a sandbox carries (its init, each shell, each marker), set by the process on
 * itself: the host OOM killer's preference, root of the sandbox's user namespace as its identity, and a
 * seccomp denylist. Used while still host root (the OOM value) and right after joining the sandbox's user
 * namespace (the rest); no input is read.
 */
#ifndef GAIOLA_CONFINE_H
#define GAIOLA_CONFINE_H

#include <stddef.h>

/* Writes STUDENT_OOM_SCORE_ADJ to our /proc/self/oom_score_adj. Call it before entering the sandbox's mount
 * namespace: there /proc is the student's to mount over. */
void set_student_oom_score(void);
/* uid and gid 0 of the current user namespace, no supplementary groups. */
void become_root_inside(void);
/* Installs the denylist on the calling process: inherited by every child, kept across execve. It needs
 * CAP_SYS_ADMIN in the caller's user namespace instead of no_new_privs, so call it as root inside:
 * no_new_privs would break file capabilities (setcap) for the unprivileged user inside. Returns 0, or -1
 * with errno. */
int install_seccomp_denylist(void);

/* What a launcher process that stays on the host keeps once its sandbox or shell is set up (the `create`
 * holder, a shell's relay): of all capabilities only CAP_KILL (it ends what it started, whose uids are the
 * sandbox's), in every set including the bounding one, no_new_privs, and a seccomp filter that lets through
 * only the system calls such a process makes to its end (reads, writes, poll, kill, wait, exit), plus the
 * `n` numbers in `extra`, and refuses anything else with EPERM. Host root no more. */
void keep_only_kill(const int *extra, size_t n);

#endif
