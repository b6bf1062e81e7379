/*
 * Argument parsing for every command. No privilege is used. The arguments come from the agent, but are
 * checked as if anyone had written them: numbers in range, names from a safe alphabet, paths absolute where
 * the launcher itself resolves them, one value per option. A bad argument exits before anything is touched.
 */
#ifndef GAIOLA_ARGS_H
#define GAIOLA_ARGS_H

#include <stddef.h>

#include "gaiola.h"

/* create --id ID --uid-base N --lower DIR --mnt DIR --tmpfs-bytes N --hostname NAME
 *        --cgroup-mode v1|v2 --cgroup DIR [--cgroup DIR ...] [--cgroup-entry clone|move]
 * --cgroup-entry: on v2 a process is born in its cgroup (clone, the default) or moved there (move, as on v1):
 * the second exists to measure the first. */
struct create_args {
  const char *id;
  unsigned long base; /* host uid and gid of root inside */
  const char *lower;  /* the base image: the overlay's read-only layer */
  const char *mnt;    /* an empty directory the setup mounts over, in a mount namespace of its own */
  unsigned long long tmpfs_bytes;
  const char *hostname;
  int cgroup_v2;
  int cgroup_move; /* --cgroup-entry move */
  const char *cgroups[MAX_CGROUPS];
  int ncgroups;
};
void parse_create_args(int argc, char **argv, struct create_args *out);

/* A process the agent names: its host pid and, when the agent knows it, its start time (clock ticks after
 * boot, field 22 of /proc/PID/stat, -1 when not given): pid numbers are reused, the pair never is.
 *   --pid PID [--start-time TICKS] */
struct target {
  long pid;
  long long start_time;
};

/* What joining a running sandbox takes: its init and the cgroup.procs files to join. */
struct join_args {
  struct target init;
  const char *procs[MAX_CGROUPS];
  int nprocs;
  int cgroup_move; /* --cgroup-entry move */
};

/* shell --pid PID1 [--cgroup-procs FILE ...] [--cgroup-entry clone|move] [--cwd DIR]
 *       [--hand-off FD --cols N --rows N] -- COMMAND [ARG ...]
 * With --hand-off, the pty's master goes to the agent over the unix socket FD (terminal.c), at that size. */
struct shell_args {
  struct join_args join;
  const char *cwd;
  int hand_off; /* the socket's fd, or -1: relay on stdin and stdout */
  unsigned short cols, rows;
  char **cmd;
};
void parse_shell_args(int argc, char **argv, struct shell_args *out);

/* marker --pid PID1 --name NAME [--cgroup-procs FILE ...] [--cgroup-entry clone|move] */
struct marker_args {
  struct join_args join;
  const char *name;
};
void parse_marker_args(int argc, char **argv, struct marker_args *out);

/* Limits of `list`: the Kernel panel draws a few overlay layers, not a file manager. */
#define LIST_MAX_PATHS 32
#define LIST_MAX_DEPTH 6
#define LIST_MAX_ENTRIES 1000

/* The file queries: --pid PID --uid UID --gid GID, then per query
 *   LOOKUP_READ  --max-bytes N PATH
 *   LOOKUP_STAT  [--max-bytes N] PATH
 *   LOOKUP_LIST  --depth D --max-entries N [--] PATH [PATH ...]   (1..LIST_MAX_PATHS paths) */
enum lookup_kind { LOOKUP_READ, LOOKUP_STAT, LOOKUP_LIST };
struct lookup_args {
  struct target target;
  long uid, gid;
  long long max; /* --max-bytes, or -1 */
  long depth, max_entries;
  const char *path; /* the first PATH */
  char *const *paths;
  int npaths;
};
void parse_lookup_args(const char *cmd, int argc, char **argv, enum lookup_kind kind, struct lookup_args *out);

/* hostname --pid PID, mountinfo --pid PID: the one option of a query that only names a process. */
struct target parse_target_only(const char *cmd, int argc, char **argv);

/* netinfo --pid PID --what addr|route */
struct netinfo_args {
  struct target target;
  int route; /* 0: addresses and counters, 1: the main routing table */
};
void parse_netinfo_args(int argc, char **argv, struct netinfo_args *out);

/* A name made of letters, digits, '-', '_' and '.', 1..maxlen long, not starting with '-' or '.'. */
int safe_name(const char *s, size_t maxlen);

#endif
