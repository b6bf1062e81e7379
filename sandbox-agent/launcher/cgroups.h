/*
 * The sandbox's cgroups. The agent creates them and sets their caps; the launcher only puts processes into
 * them and shows them inside. Host side: host root writes a pid into cgroup.procs files the agent named or,
 * on v2, starts a process in its cgroup (clone3 with CLONE_INTO_CGROUP) and makes the init's leaf with the
 * sandbox root's ids. Inside: the init (root of the sandbox's user namespace) mounts the delegated subtree at
 * /sys/fs/cgroup, reading only the kernel's own cgroup.controllers.
 *
 * Why a birth rather than a move: writing to cgroup.procs takes cgroup_threadgroup_rwsem for writing, and
 * after a quiet moment that waits an RCU grace period (5-20 ms); a process born in its cgroup takes it for
 * reading only.
 */
#ifndef GAIOLA_CGROUPS_H
#define GAIOLA_CGROUPS_H

#include <stdint.h>
#include <sys/types.h>

#include "args.h"

/* v2: the leaf of the sandbox's cgroup that its init lives in (the agent's V2_INIT_LEAF): a cgroup with
 * processes cannot enable controllers for its children. */
#define V2_INIT_LEAF "init"

/* Host side: moves `pid` into each of the sandbox's cgroups. */
void cgroups_add_process(const struct create_args *o, pid_t pid);
/* Host side, v2: the init's leaf, made with the ids of the sandbox's root so that it is the student's as if
 * the init had made it. Returns an O_PATH descriptor of the leaf and puts one of the sandbox's cgroup in
 * *sandbox_dir. */
int cgroups_v2_make_init_leaf(const struct create_args *o, int *sandbox_dir);
/* A child born in the v2 cgroup `dir` (clone3 with CLONE_INTO_CGROUP | `flags`, SIGCHLD at its exit): returns
 * like fork(2), with its pidfd in *pidfd when `flags` has CLONE_PIDFD. -1 with errno ENOSYS when this kernel
 * cannot (before 5.7, or clone3 filtered): the caller then forks and moves the child. */
pid_t clone_into_cgroup(int dir, uint64_t flags, int *pidfd);
/* The O_PATH directory of the v2 cgroup.procs file the agent named, when it named exactly one; else -1. */
int cgroups_v2_dir_of_procs(const char *const *procs, int nprocs);

/* Inside, before the root is built: a cgroup namespace rooted at the sandbox's cgroup. On v2 the init ends in
 * the leaf `leaf` (O_PATH descriptors from cgroups_v2_make_init_leaf; -1 on v1): born there (`in_leaf`), it
 * enters a namespace that a helper born in `sandbox_dir` made; moved into the sandbox's cgroup by the launcher,
 * it makes the namespace and moves itself into the leaf. */
void cgroups_enter_namespace(int sandbox_dir, int leaf, int in_leaf);
/* Inside, with the new root as cwd: the sandbox's cgroup tree at sys/fs/cgroup. */
void cgroups_mount_inside(const struct create_args *o);

#endif
