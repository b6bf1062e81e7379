/*
 * The sandbox's filesystem. Two sides:
 *  - host side, in the launcher: CAP_SYS_ADMIN of the host, but only inside a mount namespace of its own (the
 *    host's mount table never changes): a size-capped tmpfs, the base image idmapped and read-only, the
 *    overlay on top. Trusts the agent's --lower and --mnt paths.
 *  - inside, in the sandbox's init: root of the sandbox's user namespace, building its root under the
 *    overlay (nothing of a student exists yet: the upper layer is an empty tmpfs) and pivoting into it.
 */
#ifndef GAIOLA_MOUNTS_H
#define GAIOLA_MOUNTS_H

#include <sys/types.h>

#include "args.h"

/* Host side, before the init exists: a private mount namespace for the setup, and in it the tmpfs that holds
 * the overlay's writable layer (the upper directory belongs to root inside). */
void mounts_prepare(const struct create_args *o);
/* Host side, once the init's user namespace has its id maps: the idmapped lower layer and the overlay. */
void mounts_overlay(const struct create_args *o, pid_t init_pid);

/* Inside, in the init's new mount namespace: the root with proc, sys, cgroups, dev, tmp and run, then
 * pivot_root into it. Paths in errors are shown as the sandbox will see them. */
void mounts_build_root(const struct create_args *o);

/* Inside, for the helpers of mounts_build_root (cgroups.c): paths relative to the new root (the cwd). */
void mount_in_root(const char *src, const char *target, const char *type, unsigned long flags, const char *data);
void mkdir_in_root(const char *path, mode_t mode);
void symlink_in_root(const char *target, const char *path);
void die_in_root(const char *op, const char *path) __attribute__((noreturn));

#endif
