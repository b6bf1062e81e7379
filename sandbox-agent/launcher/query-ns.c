/*
 * The namespace queries the agent asks of a running sandbox: `hostname` (its UTS namespace), `mountinfo`
 * (the whole mount table of its mount namespace) and `netinfo` (interfaces or routes of its network
 * namespace, as iproute2's JSON).
 *
 * Privilege: host root, to enter one namespace of the named process; nothing else of the sandbox is entered,
 * so files opened stay the host's (our /proc, iproute2's binary). Trusts the pid for one pidfd_open, and
 * enters the namespace through that pidfd (a gone process, or one not started at --start-time, exits 2).
 * Then, before anything of the student's is read, the query becomes the host's nobody for good, with no
 * capability and no_new_privs (confine.h drop_for_reading): iproute2 parses what a student's netlink
 * answers as that user, not as host root.
 * What comes back is the kernel's own text, in which names a student chose (mount points,
 * interface names, the host name) arrive as data: written out untouched, never made into an argument.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "args.h"
#include "confine.h"
#include "error.h"
#include "gaiola.h"
#include "namespaces.h"
#include "util.h"

/* Who a query is while it reads: the host's overflow user and group, which own no file. */
#define QUERY_UID 65534
#define QUERY_GID 65534

int cmd_hostname(int argc, char **argv) {
  const struct target t = parse_target_only("hostname", argc, argv);
  /* Reading /proc/sys/kernel/hostname here would give the host's: uname in the process's UTS namespace. */
  enter_ns_of("hostname", &t, CLONE_NEWUTS);
  drop_for_reading(QUERY_UID, QUERY_GID, "hostname");
  struct utsname u;
  if (uname(&u) < 0) die_errno("uname", "uts");
  char out[sizeof u.nodename + 1];
  int n = snprintf(out, sizeof out, "%s\n", u.nodename);
  write_all(1, out, (size_t)n, "stdout");
  return 0;
}

/* /proc/PID/mountinfo only lists what lies under PID's own root, so a process chrooted into a bind mount looks
 * pivoted there. setns into the namespace moves our root to the namespace's root; our /proc/self, opened
 * before, then renders the whole table from there. */
int cmd_mountinfo(int argc, char **argv) {
  const struct target t = parse_target_only("mountinfo", argc, argv);
  int self = open("/proc/self", O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (self < 0) die_errno("open", "/proc/self");
  int host = open("/proc/self/ns/mnt", O_RDONLY | O_CLOEXEC);
  if (host < 0) die_errno("open", "/proc/self/ns/mnt");
  enter_ns_of("mountinfo", &t, CLONE_NEWNS);
  int mi = openat(self, "mountinfo", O_RDONLY | O_CLOEXEC);
  if (mi < 0) die_errno("open", "/proc/self/mountinfo");
  xclose(self, "/proc/self");
  /* The open fixed the table's namespace and root: back on the host's files, as every other query reads. */
  if (setns(host, CLONE_NEWNS) < 0) die_errno("setns", "host mnt");
  xclose(host, "/proc/self/ns/mnt");
  drop_for_reading(QUERY_UID, QUERY_GID, "mountinfo");
  char buf[16384];
  for (;;) {
    ssize_t n = read(mi, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      die_errno("read", "/proc/self/mountinfo");
    }
    if (n == 0) break;
    write_all(1, buf, (size_t)n, "stdout");
  }
  return 0;
}

/* Joins only the network namespace (the files stay the host's, so the `ip` run is the host's own) and runs
 * `ip` with a fixed argument list and an empty environment. */
int cmd_netinfo(int argc, char **argv) {
  struct netinfo_args a;
  parse_netinfo_args(argc, argv, &a);
  enter_ns_of("netinfo", &a.target, CLONE_NEWNET);
  char *const addr[] = {"ip", "-j", "-d", "-s", "addr", "show", NULL};
  char *const route[] = {"ip", "-j", "-4", "route", "show", "table", "main", NULL};
  char *const env[] = {"PATH=/usr/sbin:/usr/bin:/sbin:/bin", NULL};
  char *const *args = a.route ? route : addr;
  static const char *const ips[] = {"/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"};
  /* iproute2 gets our stdio only, nothing the agent left open, and no privilege: reading a namespace's
   * interfaces and routes over netlink takes none. */
  close_fds_from_3();
  drop_for_reading(QUERY_UID, QUERY_GID, "netinfo");
  for (size_t k = 0; k < sizeof ips / sizeof ips[0]; k++) execve(ips[k], args, env);
  die_errno("exec", "ip (iproute2)");
}
