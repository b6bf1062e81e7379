/*
 * What the launcher's files share: the limits every command agrees on and the commands themselves. Each
 * command is one short-lived process started by the agent (as root) with an argument array.
 */
#ifndef GAIOLA_H
#define GAIOLA_H

/* Every sandbox maps 65536 ids: uid/gid 0..65535 inside, BASE..BASE+65535 on the host (nobody = 65534 must
 * exist inside, as on any Linux system). */
#define ID_RANGE 65536u
/* cgroup directories one command may name: one per v1 hierarchy, and a v1 host has about a dozen. */
#define MAX_CGROUPS 16
/* The host OOM killer's preference for a student's processes: every process
 * inside (init, shells, markers) is picked by the host's OOM killer before any host process (the agent runs at
 * -1000). Root inside may lower its own value, but not below 0: a negative one needs CAP_SYS_RESOURCE on the
 * host. Within a sandbox's own memory cgroup all its processes start equal, so the victim inside stays the
 * kernel's usual pick (the largest). */
#define STUDENT_OOM_SCORE_ADJ "500"

int cmd_create(int argc, char **argv);
int cmd_shell(int argc, char **argv);
int cmd_marker(int argc, char **argv);
int cmd_read_file(int argc, char **argv);
int cmd_stat(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_hostname(int argc, char **argv);
int cmd_mountinfo(int argc, char **argv);
int cmd_netinfo(int argc, char **argv);

#endif
