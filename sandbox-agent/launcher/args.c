/*
 * Argument parsing (see args.h). No privilege is used and no file is opened: strings in, checked values out.
 */
#include "args.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

static long parse_num(const char *flag, const char *s, long min, long max) {
  char *end = NULL;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || !end || *end || end == s || v < min || v > max) die("%s: invalid number '%s'", flag, s);
  return v;
}

static unsigned long long parse_u64(const char *flag, const char *s) {
  char *end = NULL;
  errno = 0;
  /* strtoull accepts a sign and spaces: a byte count starts with a digit. */
  if (!isdigit((unsigned char)s[0])) die("%s: invalid number '%s'", flag, s);
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || !end || *end) die("%s: invalid number '%s'", flag, s);
  return v;
}

int safe_name(const char *s, size_t maxlen) {
  size_t n = strlen(s);
  if (n == 0 || n > maxlen || s[0] == '-' || s[0] == '.') return 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (!(isalnum((unsigned char)c) || c == '-' || c == '_' || c == '.')) return 0;
  }
  return 1;
}

/* --cgroup-entry clone|move: 1 for move. */
static int parse_cgroup_entry(const char *cmd, const char *v) {
  if (!strcmp(v, "clone")) return 0;
  if (!strcmp(v, "move")) return 1;
  die("%s: --cgroup-entry must be clone or move, not '%s'", cmd, v);
}

void parse_create_args(int argc, char **argv, struct create_args *o) {
  memset(o, 0, sizeof *o);
  int have_base = 0, have_tmpfs = 0, have_mode = 0;
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    if (i + 1 >= argc) die("create: %s needs a value", a);
    const char *v = argv[++i];
    if (!strcmp(a, "--id")) o->id = v;
    else if (!strcmp(a, "--uid-base")) {
      o->base = (unsigned long)parse_num(a, v, 1, (long)(UINT32_MAX - ID_RANGE));
      have_base = 1;
    } else if (!strcmp(a, "--lower")) o->lower = v;
    else if (!strcmp(a, "--mnt")) o->mnt = v;
    else if (!strcmp(a, "--tmpfs-bytes")) {
      o->tmpfs_bytes = parse_u64(a, v);
      have_tmpfs = 1;
    } else if (!strcmp(a, "--hostname")) o->hostname = v;
    else if (!strcmp(a, "--cgroup-mode")) {
      if (!strcmp(v, "v1")) o->cgroup_v2 = 0;
      else if (!strcmp(v, "v2")) o->cgroup_v2 = 1;
      else die("create: --cgroup-mode must be v1 or v2, not '%s'", v);
      have_mode = 1;
    } else if (!strcmp(a, "--cgroup-entry")) o->cgroup_move = parse_cgroup_entry("create", v);
    else if (!strcmp(a, "--cgroup")) {
      if (o->ncgroups >= MAX_CGROUPS) die("create: more than %d --cgroup", MAX_CGROUPS);
      if (v[0] != '/') die("create: --cgroup %s: not an absolute path", v);
      o->cgroups[o->ncgroups++] = v;
    } else die("create: unknown option %s", a);
  }
  if (!o->id || !have_base || !o->lower || !o->mnt || !have_tmpfs || !o->hostname || !have_mode || o->ncgroups == 0)
    die("create: usage: create --id ID --uid-base N --lower DIR --mnt DIR --tmpfs-bytes N --hostname NAME "
        "--cgroup-mode v1|v2 --cgroup DIR [--cgroup DIR ...] [--cgroup-entry clone|move]");
  /* The id names the setup tmpfs and the host name becomes the sandbox's: both end up in text others parse. */
  if (!safe_name(o->id, 64)) die("create: --id '%s': only letters, digits, '-', '_' and '.'", o->id);
  if (!safe_name(o->hostname, 63)) die("create: --hostname '%s': not a valid host name", o->hostname);
  if (o->cgroup_v2 && o->ncgroups != 1) die("create: cgroup v2 takes exactly one --cgroup");
  if (o->lower[0] != '/' || o->mnt[0] != '/') die("create: --lower and --mnt must be absolute paths");
}

/* --pid or --start-time, into `t`; returns 0 when `a` is neither. `min_pid` 2 refuses the host's init. */
static int parse_target_option(const char *a, const char *v, struct target *t, long min_pid) {
  if (!strcmp(a, "--pid")) {
    t->pid = parse_num(a, v, min_pid, INT_MAX);
    return 1;
  }
  if (!strcmp(a, "--start-time")) {
    t->start_time = (long long)parse_u64(a, v);
    return 1;
  }
  return 0;
}

static const struct target no_target = {.pid = -1, .start_time = -1};

/* One option of the commands that join a sandbox; returns 0 when `a` is not one of them. */
static int parse_join_option(const char *cmd, const char *a, const char *v, struct join_args *j) {
  /* pid 2 and up: 1 is the host's init, never a sandbox's. */
  if (parse_target_option(a, v, &j->init, 2)) return 1;
  if (!strcmp(a, "--cgroup-procs")) {
    if (j->nprocs >= MAX_CGROUPS) die("%s: more than %d --cgroup-procs", cmd, MAX_CGROUPS);
    j->procs[j->nprocs++] = v;
    return 1;
  }
  if (!strcmp(a, "--cgroup-entry")) {
    j->cgroup_move = parse_cgroup_entry(cmd, v);
    return 1;
  }
  return 0;
}

void parse_shell_args(int argc, char **argv, struct shell_args *o) {
  memset(o, 0, sizeof *o);
  o->join.init = no_target;
  o->cwd = "/root";
  o->hand_off = -1;
  int i = 2;
  for (; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--")) {
      i++;
      break;
    }
    if (i + 1 >= argc) die("shell: %s needs a value", a);
    const char *v = argv[++i];
    if (parse_join_option("shell", a, v, &o->join)) continue;
    if (!strcmp(a, "--cwd")) o->cwd = v;
    /* 3 and up: 0 to 2 are the launcher's stdio. The terminal sizes the agent allows (sandbox.ts). */
    else if (!strcmp(a, "--hand-off")) o->hand_off = (int)parse_num(a, v, 3, 1023);
    else if (!strcmp(a, "--cols")) o->cols = (unsigned short)parse_num(a, v, 1, 1000);
    else if (!strcmp(a, "--rows")) o->rows = (unsigned short)parse_num(a, v, 1, 1000);
    else die("shell: unknown option %s", a);
  }
  if (o->join.init.pid < 0 || i >= argc || (o->hand_off >= 0) != (o->cols && o->rows))
    die("shell: usage: shell --pid PID1 [--start-time TICKS] [--cgroup-procs FILE ...] [--cgroup-entry clone|move] "
        "[--cwd DIR] [--hand-off FD --cols N --rows N] -- "
        "CMD [ARG ...]");
  o->cmd = argv + i;
}

void parse_marker_args(int argc, char **argv, struct marker_args *o) {
  memset(o, 0, sizeof *o);
  o->join.init = no_target;
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    if (i + 1 >= argc) die("marker: %s needs a value", a);
    const char *v = argv[++i];
    if (parse_join_option("marker", a, v, &o->join)) continue;
    if (!strcmp(a, "--name")) o->name = v;
    else die("marker: unknown option %s", a);
  }
  if (o->join.init.pid < 0 || !o->name)
    die("marker: usage: marker --pid PID1 [--start-time TICKS] --name NAME [--cgroup-procs FILE ...] "
        "[--cgroup-entry clone|move]");
  /* comm holds 15 bytes (TASK_COMM_LEN - 1); a longer name would not match `pidof NAME`. */
  if (!safe_name(o->name, 15)) die("marker: --name '%s': 1-15 letters, digits, '-', '_' or '.'", o->name);
}

void parse_lookup_args(const char *cmd, int argc, char **argv, enum lookup_kind kind, struct lookup_args *r) {
  *r = (struct lookup_args){.target = no_target, .uid = -1, .gid = -1, .max = -1, .depth = -1, .max_entries = -1};
  const int max_paths = kind == LOOKUP_LIST ? LIST_MAX_PATHS : 1;
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] != '-' || !strcmp(a, "--")) {
      if (!strcmp(a, "--")) i++;
      r->paths = argv + i;
      r->npaths = argc - i;
      if (r->npaths < 1 || r->npaths > max_paths) {
        if (max_paths == 1) die("%s: exactly one PATH expected", cmd);
        die("%s: 1 to %d PATHs expected", cmd, max_paths);
      }
      r->path = r->paths[0];
      break;
    }
    if (i + 1 >= argc) die("%s: %s needs a value", cmd, a);
    const char *v = argv[++i];
    /* uid and gid 0 are refused: the lookups must run as the sandbox's root, never as the host's. */
    if (parse_target_option(a, v, &r->target, 1)) continue;
    if (!strcmp(a, "--uid")) r->uid = parse_num(a, v, 1, (long)UINT32_MAX - 1);
    else if (!strcmp(a, "--gid")) r->gid = parse_num(a, v, 1, (long)UINT32_MAX - 1);
    else if (kind != LOOKUP_LIST && !strcmp(a, "--max-bytes")) r->max = parse_num(a, v, 0, 1L << 30);
    else if (kind == LOOKUP_LIST && !strcmp(a, "--depth")) r->depth = parse_num(a, v, 1, LIST_MAX_DEPTH);
    else if (kind == LOOKUP_LIST && !strcmp(a, "--max-entries")) r->max_entries = parse_num(a, v, 1, LIST_MAX_ENTRIES);
    else die("%s: unknown option %s", cmd, a);
  }
  static const char *const usage[] = {
      [LOOKUP_READ] = " --max-bytes N PATH",
      [LOOKUP_STAT] = " [--max-bytes N] PATH",
      [LOOKUP_LIST] = " --depth D --max-entries N -- PATH [PATH ...]",
  };
  if (r->target.pid < 0 || r->uid < 0 || r->gid < 0 || !r->path || (kind == LOOKUP_READ && r->max < 0) ||
      (kind == LOOKUP_LIST && (r->depth < 0 || r->max_entries < 0)))
    die("%s: usage: %s --pid PID --uid UID --gid GID%s", cmd, cmd, usage[kind]);
}

struct target parse_target_only(const char *cmd, int argc, char **argv) {
  struct target t = no_target;
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    if (i + 1 >= argc) die("%s: %s needs a value", cmd, a);
    const char *v = argv[++i];
    if (!parse_target_option(a, v, &t, 1)) die("%s: unknown option %s", cmd, a);
  }
  if (t.pid < 0) die("%s: usage: %s --pid PID [--start-time TICKS]", cmd, cmd);
  return t;
}

void parse_netinfo_args(int argc, char **argv, struct netinfo_args *o) {
  struct target t = no_target;
  const char *what = NULL;
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    if (i + 1 >= argc) die("netinfo: %s needs a value", a);
    const char *v = argv[++i];
    if (parse_target_option(a, v, &t, 1)) continue;
    if (!strcmp(a, "--what")) what = v;
    else die("netinfo: unknown option %s", a);
  }
  if (t.pid < 0 || !what || (strcmp(what, "addr") && strcmp(what, "route")))
    die("netinfo: usage: netinfo --pid PID [--start-time TICKS] --what addr|route");
  o->target = t;
  o->route = !strcmp(what, "route");
}
