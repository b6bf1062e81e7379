/*
 * The processes the agent names, and joining a running sandbox: how a shell or a marker becomes a process of
 * it. Runs as host root and holds, until the joining child drops them, a pidfd of the sandbox's init and the
 * cgroup.procs files the agent named. A pid number is trusted for one step only: pidfd_open; from then on
 * every step acts on that pidfd or on /proc/PID opened while the pidfd showed the same process alive (and,
 * when the agent gave it, started at the time it gave). An init is trusted once /proc/PID/uid_map shows it is
 * a sandbox's (0 mapped to a non-root host range).
 */
#ifndef GAIOLA_NAMESPACES_H
#define GAIOLA_NAMESPACES_H

#include <sys/types.h>

#include "args.h"
#include "gaiola.h"

/* Pins the process `t` names: returns a pidfd of it, and its /proc/PID (O_PATH) in *procdir when procdir is
 * not NULL. When the process is gone (or is not the one started at t->start_time), exits with `gone_status`
 * and "<cmd>: <what> PID is gone". */
int pin_process(const char *cmd, const char *what, const struct target *t, int gone_status, int *procdir);
/* The start time of the process whose /proc/PID is `procdir` (field 22 of its stat, clock ticks after boot),
 * or -1 when it cannot be read (the process is gone). */
long long start_time_of(int procdir);

struct sandbox_handle {
  long pid1;          /* host pid of the sandbox's init */
  unsigned long base; /* host uid (and gid) of root inside */
  int init;           /* pidfd of the init: every namespace is joined through it */
  int procdir;        /* /proc/PID1, O_PATH, opened while `init` showed the same process */
  int parent;         /* pidfd of the process that forked the joining child, or -1 before sandbox_fork */
  int procs[MAX_CGROUPS]; /* cgroup.procs files to join, opened for writing */
  const char *proc_paths[MAX_CGROUPS];
  int nprocs;
  int cgroup_dir;       /* v2: the cgroup a child is born in (O_PATH), or -1 */
  int born_in_cgroup;   /* the child was (it skips the cgroup.procs writes) */
};

/* Opens what joining needs; dies with "<cmd>: must run as root" unless root, with "<cmd>: sandbox init N is
 * gone" when it is, and refuses a pid that is not a sandbox's init. Everything host-side is opened here, before
 * any namespace is entered. */
void sandbox_open(struct sandbox_handle *sb, const char *cmd, const struct join_args *a);
/* Forks a child that will join the sandbox (after its pid namespace was entered for children), on v2 born in
 * the sandbox's cgroup: returns like fork(2); the child calls sandbox_join. The child is outside our pid namespace's view of us (its getppid()
 * is 0), so it learns of our death through a pidfd of ours taken before the fork. */
pid_t sandbox_fork(struct sandbox_handle *sb, const char *cmd);
/* The join sequence, in the child: cgroups, OOM preference, namespaces, root inside, seccomp, death with the
 * parent (and exit if it is already gone). Closes every descriptor of `sb`. Never returns on failure. */
void sandbox_join(struct sandbox_handle *sb, const char *cmd);
/* The parent's side after the fork: its descriptors of `sb` are no longer needed. */
void sandbox_close(struct sandbox_handle *sb);

/* Enters the namespace of kind `type` (CLONE_NEW*) of the process `t` names, for a query; exits 2 when the
 * process is gone (the agent then leaves it out). */
void enter_ns_of(const char *cmd, const struct target *t, int type);

#endif
