/*
 * Joining a running sandbox: how a shell or a marker becomes a process of it. Runs as host root and holds,
 * until the joining child drops them, the sandbox init's namespace descriptors and the cgroup.procs files the
 * agent named. Trusts the init's pid only once /proc/PID/uid_map shows it is a sandbox's (0 mapped to a
 * non-root host range); every later step goes through descriptors opened from that /proc/PID directory.
 */
#ifndef GAIOLA_NAMESPACES_H
#define GAIOLA_NAMESPACES_H

#include <sys/types.h>

#include "args.h"
#include "gaiola.h"

/* The namespaces a joining process enters, in the order it enters them: user last, since after it the
 * host's capabilities are gone. The pid namespace is entered by the parent (setns on a pid namespace
 * applies to the children), so the parent stays outside, invisible to the student. */
enum { NS_MNT, NS_UTS, NS_IPC, NS_NET, NS_CGROUP, NS_USER, NS_PID, NS_COUNT };

struct sandbox_handle {
  long pid1;          /* host pid of the sandbox's init */
  unsigned long base; /* host uid (and gid) of root inside */
  int procdir;        /* /proc/PID1, O_PATH */
  int parent;         /* pidfd of the process that forked the joining child, or -1 before sandbox_fork */
  int ns[NS_COUNT];
  int procs[MAX_CGROUPS]; /* cgroup.procs files to join, opened for writing */
  const char *proc_paths[MAX_CGROUPS];
  int nprocs;
};

/* Opens what joining needs; dies with "<cmd>: sandbox init N is gone" when it is, and refuses a pid that is
 * not a sandbox's init. Everything host-side is opened here, before any namespace is entered. */
void sandbox_open(struct sandbox_handle *sb, const char *cmd, const struct join_args *a);
/* Forks a child that will join the sandbox (after its pid namespace was entered for children): returns like
 * fork(2); the child calls sandbox_join. The child is outside our pid namespace's view of us (its getppid()
 * is 0), so it learns of our death through a pidfd of ours taken before the fork. */
pid_t sandbox_fork(struct sandbox_handle *sb, const char *cmd);
/* The join sequence, in the child: cgroups, OOM preference, namespaces, root inside, seccomp, death with the
 * parent (and exit if it is already gone). Closes every descriptor of `sb`. Never returns on failure. */
void sandbox_join(struct sandbox_handle *sb, const char *cmd);
/* The parent's side after the fork: its descriptors of `sb` are no longer needed. */
void sandbox_close(struct sandbox_handle *sb);

/* /proc/PID/ns/KIND, opened for a query; exits 2 when the process is gone (the agent then leaves it out). */
int open_ns_of(const char *cmd, long pid, const char *kind);

#endif
