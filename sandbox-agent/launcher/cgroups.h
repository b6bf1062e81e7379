/*
 * The sandbox's cgroups. The agent creates them and sets their caps; the launcher only moves processes into
 * them and shows them inside. Host side: host root writes a pid into cgroup.procs files the agent named.
 * Inside: the init (root of the sandbox's user namespace) mounts the delegated subtree at /sys/fs/cgroup,
 * reading only the kernel's own cgroup.controllers.
 */
#ifndef GAIOLA_CGROUPS_H
#define GAIOLA_CGROUPS_H

#include <sys/types.h>

#include "args.h"

/* Host side: moves `pid` into each of the sandbox's cgroups. */
void cgroups_add_process(const struct create_args *o, pid_t pid);
/* Inside, with the new root as cwd: the sandbox's cgroup tree at sys/fs/cgroup. */
void cgroups_mount_inside(const struct create_args *o);

#endif
