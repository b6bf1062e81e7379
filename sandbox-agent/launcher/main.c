/*
 * gaiola-sandbox: the privileged helper behind every student sandbox. The agent runs it as root, with an
 * argument array, once per operation:
 *
 *   create --id ID --uid-base N --lower DIR --mnt DIR --tmpfs-bytes N --hostname NAME
 *          --cgroup-mode v1|v2 --cgroup DIR [--cgroup DIR ...]            a new sandbox (create.c)
 *   shell --pid PID1 [--cgroup-procs FILE ...] [--cwd DIR] -- CMD [ARG ...]  a terminal in it (terminal.c)
 *   marker --pid PID1 --name NAME [--cgroup-procs FILE ...]               a lesson fixture in it (marker.c)
 *   read-file|stat|list --pid PID --uid UID --gid GID ...                 its files (query-files.c)
 *   hostname|mountinfo --pid PID, netinfo --pid PID --what addr|route     its namespaces (query-ns.c)
 *
 * Each file says what privilege it holds and what input it trusts. This one holds none: it hands argv to
 * one command. Errors: one line on stderr, "gaiola-sandbox: <operation> <object>: <strerror>", and a
 * non-zero exit (error.c).
 */
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "gaiola.h"

static const struct {
  const char *name;
  int (*run)(int argc, char **argv);
} commands[] = {
    {"create", cmd_create},       {"shell", cmd_shell},         {"read-file", cmd_read_file},
    {"stat", cmd_stat},           {"list", cmd_list},           {"hostname", cmd_hostname},
    {"mountinfo", cmd_mountinfo}, {"netinfo", cmd_netinfo},     {"marker", cmd_marker},
};

int main(int argc, char **argv) {
  if (argc < 2) die("usage: gaiola-sandbox create|shell|read-file|stat|list|hostname|mountinfo|netinfo|marker ...");
  for (size_t k = 0; k < sizeof commands / sizeof commands[0]; k++)
    if (!strcmp(argv[1], commands[k].name)) return commands[k].run(argc, argv);
  die("unknown command '%s' (create, shell, read-file, stat, list, hostname, mountinfo, netinfo or marker)", argv[1]);
}
