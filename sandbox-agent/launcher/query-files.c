/*
 * The file queries the agent asks of a running sandbox: `read-file` (a file's content), `stat` (a path's
 * identity and kind, with a small file's content) and `list` (the files below a few directories: the Kernel
 * panel's overlay layers).
 *
 * Privilege: host root only long enough to open the root of the named process (/proc/PID/root, opened while
 * a pidfd of it shows the same process, see namespaces.c); then the process drops for good to the sandbox's
 * uid and gid (no groups, no_new_privs) before it resolves anything.
 * Trusts nothing below that root: every path is the student's, resolved with openat2(RESOLVE_IN_ROOT |
 * RESOLVE_NO_MAGICLINKS) so that no symlink leads out, and `list` follows no symlink below its PATHs. The
 * names and contents read are the student's: written out as data (names escaped), never interpreted.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "args.h"
#include "confine.h"
#include "error.h"
#include "gaiola.h"
#include "kernel.h"
#include "namespaces.h"
#include "util.h"

/* Exit codes of read-file and stat: 2 = no such file, 3 = permission denied, 4 = not what was asked for (not
 * a regular file, too large), 1 = anything else. */
static void lookup_fail(const char *cmd, const char *p, int err) __attribute__((noreturn));
static void lookup_fail(const char *cmd, const char *p, int err) {
  int status = err == ENOENT || err == ENOTDIR ? 2 : err == EACCES || err == EPERM ? 3 : 1;
  die_status(status, "%s %s: %s", cmd, p, strerror(err));
}

/* Opens the root of the process the query names (O_PATH, through its pinned /proc/PID) and drops to the
 * sandbox's uid/gid for good (no supplementary groups, no_new_privs): no host capability helps any lookup
 * made after this. `what` names the query's path in the error line. Exit 2 when the process is gone; never
 * returns on failure. */
static int enter_sandbox_root(const char *cmd, const char *what, const struct lookup_args *a) {
  int procdir;
  int pidfd = pin_process(cmd, "process", &a->target, 2, &procdir);
  int rootfd = openat(procdir, "root", O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (rootfd < 0) {
    const int err = errno;
    die_status(err == ENOENT || err == ESRCH ? 2 : 1, "%s %s: open /proc/%ld/root: %s", cmd, what, a->target.pid,
               strerror(err));
  }
  xclose(procdir, "/proc/PID");
  xclose(pidfd, "(pidfd)");
  drop_for_reading((uid_t)a->uid, (gid_t)a->gid, cmd);
  return rootfd;
}

/* PATH below ROOTFD, as if ROOTFD were "/": every symlink, absolute or "..", resolves inside that root, and
 * magic links (/proc/N/root, ...) are refused. -1 and errno on failure. */
static int open_below_root(int rootfd, const char *p, uint64_t flags) {
  struct gaiola_open_how how = {.flags = flags, .mode = 0, .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS};
  return sys_openat2(rootfd, p, &how);
}

/* Opens PATH inside the root of the process the query names, as the sandbox's uid/gid (enter_sandbox_root,
 * open_below_root). Never returns on failure. */
static int open_in_sandbox_root(const char *cmd, const struct lookup_args *a, const char *p, uint64_t flags) {
  int rootfd = enter_sandbox_root(cmd, p, a);
  int fd = open_below_root(rootfd, p, flags);
  if (fd < 0) lookup_fail(cmd, p, errno);
  xclose(rootfd, "(root)");
  return fd;
}

/* ---- read-file ---- */

int cmd_read_file(int argc, char **argv) {
  struct lookup_args a;
  parse_lookup_args("read-file", argc, argv, LOOKUP_READ, &a);
  const char *p = a.path;
  const long long max = a.max;

  /* O_NONBLOCK so that a FIFO cannot make us wait; it is refused below anyway. */
  int fd = open_in_sandbox_root("read-file", &a, p, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  struct stat st;
  if (fstat(fd, &st) < 0) lookup_fail("read-file", p, errno);
  if (!S_ISREG(st.st_mode)) {
    die_status(4, "read-file %s: not a regular file", p);
  }
  /* A regular file: reads no longer need O_NONBLOCK, and some filesystems' files would answer EAGAIN. */
  int fl = fcntl(fd, F_GETFL);
  if (fl < 0) lookup_fail("read-file", p, errno);
  xset_fl(fd, fl & ~O_NONBLOCK, p);
  size_t cap = (size_t)max + 1;
  char *buf = malloc(cap);
  if (!buf) lookup_fail("read-file", p, ENOMEM);
  size_t len = 0;
  for (;;) {
    ssize_t n = read(fd, buf + len, cap - len);
    if (n < 0) {
      if (errno == EINTR) continue;
      lookup_fail("read-file", p, errno);
    }
    if (n == 0) break;
    len += (size_t)n;
    if (len > (size_t)max) {
      die_status(4, "read-file %s: larger than %lld bytes", p, max);
    }
  }
  write_all(1, buf, len, "stdout");
  return 0;
}

/* ---- stat ---- */

/* Like read-file, but only opens PATH (O_PATH, following symlinks inside the sandbox's root) and prints its
 * identity and kind, "<st_dev>:<st_ino> <mode in octal> <rdev major>:<rdev minor> <size>[ text]": the identity
 * is comparable with a stat of /proc/N/root by the agent; rdev tells an overlay whiteout (a char device 0:0);
 * " text" says the file's content follows the line. */
int cmd_stat(int argc, char **argv) {
  struct lookup_args a;
  parse_lookup_args("stat", argc, argv, LOOKUP_STAT, &a);
  const char *p = a.path;

  /* O_PATH opens nothing (no FIFO wait, no device open). */
  int fd = open_in_sandbox_root("stat", &a, p, O_PATH | O_CLOEXEC);
  struct stat st;
  if (fstat(fd, &st) < 0) lookup_fail("stat", p, errno);
  /* With --max-bytes, a regular file that small also gives its content, so one spawn answers both questions:
   * the O_PATH fd is reopened for reading through /proc/self/fd (the same inode, with our dropped ids). */
  char *text = NULL;
  size_t len = 0;
  if (a.max >= 0 && S_ISREG(st.st_mode) && st.st_size <= a.max) {
    char self[64];
    format(self, sizeof self, "/proc/self/fd/%d", fd);
    /* Unreadable (a mode the sandbox's uid may not read): the identity still answers, without text. */
    int rfd = open(self, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (rfd >= 0 && !(text = malloc((size_t)a.max + 1))) die_errno("malloc", "(stat)");
    for (ssize_t n = 1; text && n > 0;) {
      n = read(rfd, text + len, (size_t)a.max + 1 - len);
      if (n < 0 && errno == EINTR) n = 1;
      else if (n > 0) len += (size_t)n;
      if (len > (size_t)a.max || n < 0) {
        free(text);
        text = NULL; /* grew meanwhile, or unreadable: the identity still answers */
      }
    }
    if (rfd >= 0) xclose(rfd, p);
  }
  char out[160];
  int n = snprintf(out, sizeof out, "%llu:%llu %o %u:%u %lld%s\n", (unsigned long long)st.st_dev,
                   (unsigned long long)st.st_ino, (unsigned)st.st_mode, major(st.st_rdev), minor(st.st_rdev),
                   (long long)st.st_size, text ? " text" : "");
  write_all(1, out, (size_t)n, "stdout");
  if (text) write_all(1, text, len, "stdout");
  return 0;
}

/* ---- list ---- */

/* What the Kernel panel draws of an overlay's layers: the files below each PATH. PATH resolves like read-file
 * (inside the root of PID, as the sandbox's uid); below PATH nothing is followed: every entry is looked at with
 * fstatat(AT_SYMLINK_NOFOLLOW), and a subdirectory is entered by openat(O_NOFOLLOW) of its one name. Output,
 * one block per PATH, in argument order:
 *   = <PATH>
 *   ! missing | ! unreadable          PATH itself: no such directory | anything else (EACCES, ELOOP, ...)
 *   <type> <path relative to PATH>    depth first, names of a directory sorted with strcmp; type: f regular,
 *                                     d directory (listed even when it cannot be entered), l symlink,
 *                                     w whiteout (a char device 0:0), o anything else
 *   +                                 entries left out: more than --max-entries below this PATH
 * Names are bytes: those below 0x20, 0x7f and '\' are written \ooo (3 octal digits), so no name forges a
 * line. With --max-entries N, the entries printed are the first N of the whole listing. */

/* Output, written in whole lines at most PIPE_BUF bytes at a time (a longer line goes out in pieces): a pipe
 * write that small is atomic, so the agent's reads do not split a line's UTF-8 in two. */
static char list_out[PIPE_BUF];
static size_t list_len, list_line; /* bytes buffered; where the line being built starts */

static void list_flush(size_t upto) {
  write_all(1, list_out, upto, "stdout");
  memmove(list_out, list_out + upto, list_len - upto);
  list_len -= upto;
  list_line = list_line > upto ? list_line - upto : 0;
}

static void list_byte(char c) {
  if (list_len == sizeof list_out) list_flush(list_line > 0 ? list_line : list_len);
  list_out[list_len++] = c;
}

static void list_text(const char *s) {
  for (; *s; s++) list_byte(*s);
}

static void list_escaped(const char *s) {
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c < 0x20 || c == 0x7f || c == '\\') {
      list_byte('\\');
      list_byte((char)('0' + (c >> 6)));
      list_byte((char)('0' + ((c >> 3) & 7)));
      list_byte((char)('0' + (c & 7)));
    } else list_byte((char)c);
  }
}

static void list_eol(void) {
  list_byte('\n');
  list_line = list_len;
}

static char list_type(mode_t mode, dev_t rdev) {
  if (S_ISREG(mode)) return 'f';
  if (S_ISDIR(mode)) return 'd';
  if (S_ISLNK(mode)) return 'l';
  if (S_ISCHR(mode) && rdev == makedev(0, 0)) return 'w';
  return 'o';
}

/* The type readdir gave, for an entry we may not stat (a directory we may read but not search). */
static char list_dtype(unsigned char t) {
  return t == DT_REG ? 'f' : t == DT_DIR ? 'd' : t == DT_LNK ? 'l' : 'o';
}

/* A name is kept in place, not strdup'd: at most --max-entries + 1 of them per directory (list_read_names). */
struct list_name {
  unsigned char dtype;
  char name[NAME_MAX + 1];
};
_Static_assert(sizeof((struct dirent *)0)->d_name <= sizeof((struct list_name *)0)->name, "a d_name fits");

static int list_name_cmp(const void *a, const void *b) {
  return strcmp(((const struct list_name *)a)->name, ((const struct list_name *)b)->name);
}

static void list_name_swap(struct list_name *h, size_t i, size_t j) {
  struct list_name t = h[i];
  h[i] = h[j];
  h[j] = t;
}

/* Max-heap of names by strcmp (h[0] the largest): restores the order after h[i] was set. */
static void list_heap_up(struct list_name *h, size_t i) {
  while (i > 0 && strcmp(h[(i - 1) / 2].name, h[i].name) < 0) {
    list_name_swap(h, i, (i - 1) / 2);
    i = (i - 1) / 2;
  }
}

static void list_heap_down(struct list_name *h, size_t n, size_t i) {
  for (;;) {
    size_t big = i, l = 2 * i + 1, r = l + 1;
    if (l < n && strcmp(h[l].name, h[big].name) > 0) big = l;
    if (r < n && strcmp(h[r].name, h[big].name) > 0) big = r;
    if (big == i) return;
    list_name_swap(h, i, big);
    i = big;
  }
}

/* The first `keep` names of directory D by strcmp, unordered: a directory of a million files costs `keep`
 * names of memory, not a million (keep is at most LIST_MAX_ENTRIES + 1). */
static struct list_name *list_read_names(DIR *d, size_t keep, size_t *count) {
  struct list_name *h = calloc(keep, sizeof *h);
  if (!h) die_errno("calloc", "(list)");
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    const char *name = e->d_name;
    if (!strcmp(name, ".") || !strcmp(name, "..")) continue;
    if (n == keep && strcmp(name, h[0].name) >= 0) continue;
    /* Replaces the largest kept once `keep` are held. */
    struct list_name *slot = n < keep ? &h[n] : &h[0];
    slot->dtype = e->d_type;
    memcpy(slot->name, name, strlen(name) + 1);
    if (n < keep) list_heap_up(h, n++);
    else list_heap_down(h, n, 0);
  }
  *count = n;
  return h;
}

struct list_walk {
  long left;     /* entries this PATH may still print */
  int truncated; /* an entry was left out for --max-entries */
  int depth;     /* --depth: levels below PATH shown */
  /* Path of the directory being listed, relative to PATH: at most `depth` names and their separators. */
  char rel[LIST_MAX_DEPTH * (NAME_MAX + 1)];
};

/* Prints the entries of directory FD (closed here), `level` levels below PATH; w->rel[0..rellen) is its
 * path relative to PATH. */
static void list_dir(struct list_walk *w, int fd, size_t rellen, int level) {
  DIR *d = fdopendir(fd);
  if (!d) die_errno("fdopendir", "(list)");
  size_t n = 0;
  /* Every name listed costs at least one entry: one more than the budget tells whether any is left out. */
  struct list_name *names = list_read_names(d, (size_t)w->left + 1, &n);
  qsort(names, n, sizeof *names, list_name_cmp);
  for (size_t k = 0; k < n && !w->truncated; k++) {
    if (w->left == 0) {
      w->truncated = 1;
      break;
    }
    const char *name = names[k].name;
    struct stat st;
    char type;
    if (fstatat(dirfd(d), name, &st, AT_SYMLINK_NOFOLLOW) == 0) type = list_type(st.st_mode, st.st_rdev);
    else if (errno == ENOENT) continue; /* removed meanwhile */
    else type = list_dtype(names[k].dtype);
    size_t at = rellen > 0 ? rellen + 1 : 0, len = strlen(name);
    if (rellen > 0) w->rel[rellen] = '/';
    memcpy(w->rel + at, name, len + 1);
    list_byte(type);
    list_byte(' ');
    list_escaped(w->rel);
    list_eol();
    w->left--;
    if (type == 'd' && level + 1 < w->depth) {
      int sub = openat(dirfd(d), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (sub >= 0) list_dir(w, sub, at + len, level + 1);
    }
  }
  free(names);
  if (closedir(d) < 0) die_errno("closedir", "(list)");
}

int cmd_list(int argc, char **argv) {
  struct lookup_args a;
  parse_lookup_args("list", argc, argv, LOOKUP_LIST, &a);
  int rootfd = enter_sandbox_root("list", a.path, &a);
  for (int k = 0; k < a.npaths; k++) {
    const char *p = a.paths[k];
    list_text("= ");
    list_escaped(p);
    list_eol();
    int fd = open_below_root(rootfd, p, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
      list_text(errno == ENOENT || errno == ENOTDIR ? "! missing" : "! unreadable");
      list_eol();
      continue;
    }
    struct list_walk w = {.left = a.max_entries, .truncated = 0, .depth = (int)a.depth};
    list_dir(&w, fd, 0, 0);
    if (w.truncated) {
      list_byte('+');
      list_eol();
    }
  }
  list_flush(list_len);
  xclose(rootfd, "(root)");
  return 0;
}
