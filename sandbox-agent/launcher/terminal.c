/*
 * `shell`: a command (the agent runs a login shell) inside a running sandbox, on a pty of the sandbox's own
 * devpts. With --hand-off (what the agent uses), the pty's master goes to the agent over a unix socket
 * (SCM_RIGHTS) and the agent reads and writes it itself: no process copies the bytes, one hop less for every
 * key and its echo. Without it, the master is relayed to the launcher's stdin and stdout (a terminal of its caller's).
 * Either way the launcher stays host root in the host's pid namespace and cgroup, invisible inside, as the
 * command's parent: it reaps it, ends its session when told to (SIGHUP) or when its stdin closes (the agent
 * died), and exits with its status. The command's process joins the sandbox (namespaces.c) and runs as root
 * inside.
 *
 * Trusts: the agent's arguments (args.c) and the sandbox init's pid once namespaces.c has checked it. The
 * sandbox's /dev/ptmx is the student's path: it is opened inside the sandbox's root with the filesystem ids
 * of root inside, and refused unless it is a devpts ptmx. The bytes relayed are the student's and the
 * agent's, never interpreted.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/fsuid.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "args.h"
#include "confine.h"
#include "error.h"
#include "gaiola.h"
#include "kernel.h"
#include "namespaces.h"
#include "util.h"

/* Relay buffers, one per direction: a screenful of output many times over. */
#define RELAY_BUF 65536

/* The sandbox's own ptmx, opened through its init's root with the filesystem ids of root inside: the path is
 * the student's, so host root's capabilities must not apply (setfsuid to non-zero drops them), and the slave
 * then belongs to root inside. Then make sure it really is a devpts ptmx. */
static int open_sandbox_ptmx(const struct sandbox_handle *sb) {
  int root = openat(sb->procdir, "root", O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (root < 0) die_errno("open", "root of the sandbox init");
  set_fsids((uid_t)sb->base, (gid_t)sb->base);
  struct gaiola_open_how how = {.flags = O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK,
                                .mode = 0,
                                .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS};
  int master = sys_openat2(root, "/dev/ptmx", &how);
  int open_errno = errno;
  set_fsids(0, 0);
  xclose(root, "root of the sandbox init");
  if (master < 0) {
    errno = open_errno;
    die_errno("open", "/dev/ptmx (inside the sandbox)");
  }
  struct statfs sfs;
  unsigned int ptn;
  if (fstatfs(master, &sfs) < 0 || sfs.f_type != DEVPTS_SUPER_MAGIC || ioctl(master, TIOCGPTN, &ptn) < 0)
    die("shell: /dev/ptmx inside the sandbox is not a devpts ptmx");
  int unlock = 0;
  if (ioctl(master, TIOCSPTLCK, &unlock) < 0) die_errno("unlockpt", "/dev/ptmx");
  return master;
}

/* The command's process: joins the sandbox, takes the pty's slave as its terminal and execs. */
static void shell_child(struct sandbox_handle *sb, int slave, const struct shell_args *a) __attribute__((noreturn));
static void shell_child(struct sandbox_handle *sb, int slave, const struct shell_args *a) {
  sandbox_join(sb, "(shell)");
  xsetsid("(shell)");
  if (ioctl(slave, TIOCSCTTY, 0) < 0) die_errno("TIOCSCTTY", "pty slave");
  for (int fd = 0; fd <= 2; fd++) xdup2(slave, fd, "pty slave");
  close_fds_from_3();
  /* A cwd the student removed falls back to the root, as a login would. */
  if (chdir(a->cwd) < 0 && chdir("/") < 0) die_errno("chdir", a->cwd);
  set_all_signals(SIG_DFL);
  sigset_t none;
  sigemptyset(&none);
  xsigprocmask(SIG_SETMASK, &none);
  /* An allow-listed environment: nothing of the agent's reaches the student. */
  char *envp[] = {"TERM=xterm-256color",
                  "LANG=C.UTF-8",
                  "HOME=/root",
                  "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                  "SHELL=/bin/bash",
                  NULL};
  execve(a->cmd[0], a->cmd, envp);
  die_errno("execve", a->cmd[0]);
}

/* ---- the relay ---- */

static struct termios saved_tio;
static int tio_saved = 0;
static int saved_fl0 = -1, saved_fl1 = -1;

/* Gives the agent's terminal back as it was. A terminal already hung up (EIO) has nothing to restore. */
static void restore_host_tty(void) {
  if (tio_saved && tcsetattr(0, TCSAFLUSH, &saved_tio) < 0 && errno != EIO) die_errno("tcsetattr", "stdin");
  if (saved_fl0 >= 0) xset_fl(0, saved_fl0, "stdin");
  if (saved_fl1 >= 0) xset_fl(1, saved_fl1, "stdout");
}

/* The agent's terminal size onto the sandbox's pty; stdin that is no terminal (or is hung up) has none. */
static void copy_winsize(int master) {
  struct winsize ws;
  if (ioctl(0, TIOCGWINSZ, &ws) < 0) {
    if (errno == ENOTTY || errno == EIO || errno == EINVAL) return;
    die_errno("TIOCGWINSZ", "stdin");
  }
  if (ioctl(master, TIOCSWINSZ, &ws) < 0) die_errno("TIOCSWINSZ", "pty master");
}

struct buf {
  char data[RELAY_BUF];
  size_t len;
};

static int pump_in(int from, struct buf *b) {
  if (b->len == sizeof b->data) return 1;
  ssize_t n = read(from, b->data + b->len, sizeof b->data - b->len);
  if (n > 0) {
    b->len += (size_t)n;
    return 1;
  }
  if (n < 0 && (errno == EAGAIN || errno == EINTR)) return 1;
  return 0; /* EOF or EIO */
}

static int pump_out(int to, struct buf *b) {
  if (b->len == 0) return 1;
  ssize_t n = write(to, b->data, b->len);
  if (n > 0) {
    memmove(b->data, b->data + n, b->len - (size_t)n);
    b->len -= (size_t)n;
    return 1;
  }
  if (n < 0 && (errno == EAGAIN || errno == EINTR)) return 1;
  return 0;
}

/* Kills the command's whole session and reaps it: its process group first, then itself. */
static int end_session(pid_t child) {
  kill_if_alive(-child, SIGKILL);
  kill_if_alive(child, SIGKILL);
  return reap(child);
}

/* poll(2) for both loops below: 0 when a signal interrupted it (poll again). */
static int poll_shell(struct pollfd *fds, nfds_t n) {
  if (poll(fds, n, -1) >= 0) return 1;
  if (errno != EINTR) die_errno("poll", "(shell)");
  return 0;
}

enum shell_news { SHELL_RUNS, SHELL_REAPED, SHELL_ENDED };

/* Reads the signals waiting on `sfd`, for both loops: SIGCHLD reaps the command (SHELL_REAPED); SIGHUP, SIGTERM,
 * SIGINT or SIGQUIT end its session (SHELL_ENDED, the launcher then exits with 128 + that signal); SIGWINCH copies
 * our terminal's size onto `master` when we relay one (else -1). `status`: a wait status, for exit_code. */
static enum shell_news take_signals(int sfd, pid_t child, int master, int *status) {
  struct signalfd_siginfo si;
  while (read_signal(sfd, &si)) {
    switch (si.ssi_signo) {
    case SIGCHLD: {
      pid_t w = waitpid(child, status, WNOHANG);
      if (w < 0 && errno != EINTR) die_errno("waitpid", "(shell)");
      if (w == child) return SHELL_REAPED;
      break;
    }
    case SIGWINCH:
      if (master >= 0) copy_winsize(master);
      break;
    case SIGPIPE:
      break;
    default: /* the rest of cmd_shell's `sigs` */
      end_session(child);
      *status = W_EXITCODE(128 + (int)si.ssi_signo, 0);
      return SHELL_ENDED;
    }
  }
  return SHELL_RUNS;
}

static int relay(int master, pid_t child, int sfd) {
  if (isatty(0)) {
    if (tcgetattr(0, &saved_tio) < 0) die_errno("tcgetattr", "stdin");
    tio_saved = 1;
    struct termios raw = saved_tio;
    cfmakeraw(&raw);
    if (tcsetattr(0, TCSANOW, &raw) < 0) die_errno("tcsetattr", "stdin");
    copy_winsize(master);
  }
  saved_fl0 = fcntl(0, F_GETFL);
  if (saved_fl0 < 0) die_errno("fcntl F_GETFL", "stdin");
  saved_fl1 = fcntl(1, F_GETFL);
  if (saved_fl1 < 0) die_errno("fcntl F_GETFL", "stdout");
  xset_fl(0, saved_fl0 | O_NONBLOCK, "stdin");
  xset_fl(1, saved_fl1 | O_NONBLOCK, "stdout");

  static struct buf to_shell, to_host;
  int in_open = 1, master_open = 1, status = 0, reaped = 0;
  while (!reaped) {
    struct pollfd fds[4] = {
        {.fd = sfd, .events = POLLIN},
        {.fd = in_open && to_shell.len < sizeof to_shell.data ? 0 : -1, .events = POLLIN},
        {.fd = master_open ? master : -1,
         .events = (short)((to_host.len < sizeof to_host.data ? POLLIN : 0) | (to_shell.len ? POLLOUT : 0))},
        {.fd = to_host.len ? 1 : -1, .events = POLLOUT},
    };
    if (!poll_shell(fds, 4)) continue;
    if (fds[0].revents & POLLIN) {
      enum shell_news news = take_signals(sfd, child, master, &status);
      if (news == SHELL_ENDED) {
        restore_host_tty();
        return exit_code(status);
      }
      if (news == SHELL_REAPED) reaped = 1;
    }
    if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
      if (!pump_in(0, &to_shell)) in_open = 0; /* the host side is gone: the shell gets a hangup below */
    }
    /* A master that fails a write also fails its reads (EIO): the read side below ends the session. */
    if (fds[2].revents & POLLOUT) pump_out(master, &to_shell);
    if (fds[2].revents & (POLLIN | POLLHUP | POLLERR)) {
      if (!pump_in(master, &to_host)) master_open = 0;
    }
    if (fds[3].revents & POLLOUT) {
      if (!pump_out(1, &to_host)) to_host.len = 0; /* nobody reads us any more */
    }
    if (fds[3].revents & (POLLERR | POLLHUP)) to_host.len = 0;
    if (!in_open) {
      /* Nobody will type any more: end the session like a terminal hangup would. */
      status = end_session(child);
      reaped = 1;
    }
    if (!master_open && !reaped) {
      /* EIO on the master: every slave fd closed, so the shell is (nearly) gone; wait for it. */
      status = reap(child);
      reaped = 1;
    }
  }
  /* The shell exited: flush what it printed last, then leave with its status. */
  if (master_open) {
    while (to_host.len < sizeof to_host.data && pump_in(master, &to_host)) {
      struct pollfd pf = {.fd = master, .events = POLLIN};
      if (poll(&pf, 1, 0) <= 0) break;
    }
  }
  xset_fl(1, saved_fl1, "stdout");
  if (to_host.len) {
    /* The last words, blocking now; a reader that is gone (EPIPE, EIO) has nobody to show them to. */
    ssize_t ignored = write(1, to_host.data, to_host.len);
    (void)ignored;
  }
  restore_host_tty();
  return exit_code(status);
}

/* ---- the hand-off ---- */

/* The master, to the agent: one byte with it as SCM_RIGHTS on the unix socket the agent gave us. */
static void hand_off(int sock, int master) {
  struct stat st;
  if (fstat(sock, &st) < 0 || !S_ISSOCK(st.st_mode)) die("shell: --hand-off %d is not a socket", sock);
  char byte = 'm';
  struct iovec iov = {.iov_base = &byte, .iov_len = 1};
  union {
    char buf[CMSG_SPACE(sizeof(int))];
    struct cmsghdr align;
  } ctl;
  memset(&ctl, 0, sizeof ctl);
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf, .msg_controllen = sizeof ctl.buf};
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(c), &master, sizeof(int));
  ssize_t n;
  do n = sendmsg(sock, &msg, MSG_NOSIGNAL);
  while (n < 0 && errno == EINTR);
  if (n != 1) die_errno("sendmsg", "pty master (--hand-off)");
}

/* The command's parent once its master is the agent's: reaps it, or ends its session on a hangup (SIGHUP,
 * SIGTERM…) or when stdin closes (the agent is gone). Holds nothing of the terminal. */
static int wait_shell(pid_t child, int sfd) {
  for (;;) {
    struct pollfd fds[2] = {{.fd = sfd, .events = POLLIN}, {.fd = 0, .events = POLLIN}};
    if (!poll_shell(fds, 2)) continue;
    int status;
    if ((fds[0].revents & POLLIN) && take_signals(sfd, child, -1, &status) != SHELL_RUNS) return exit_code(status);
    /* The agent never writes to our stdin: readable means EOF (or an error), the agent is gone. */
    if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) return exit_code(end_session(child));
  }
}

int cmd_shell(int argc, char **argv) {
  struct shell_args a;
  parse_shell_args(argc, argv, &a);

  struct sandbox_handle sb;
  sandbox_open(&sb, "shell", &a.join);
  int master = open_sandbox_ptmx(&sb);
  int slave = ioctl(master, TIOCGPTPEER, O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (slave < 0) die_errno("open", "pty slave (TIOCGPTPEER)");
  if (a.hand_off >= 0) {
    /* Sized before the command starts: its first prompt is drawn at the tab's size. */
    struct winsize ws = {.ws_col = a.cols, .ws_row = a.rows};
    if (ioctl(master, TIOCSWINSZ, &ws) < 0) die_errno("TIOCSWINSZ", "pty master");
  }

  static const int sigs[] = {SIGCHLD, SIGWINCH, SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGPIPE};
  int sfd = signal_fd(sigs, sizeof sigs / sizeof sigs[0], SFD_NONBLOCK, "(shell)");

  pid_t child = sandbox_fork(&sb, "(shell)");
  if (child == 0) {
    xclose(sfd, "(signalfd)");
    xclose(master, "pty master");
    /* Nothing that reaches the agent enters the sandbox, even for the moment before close_fds_from_3. */
    if (a.hand_off >= 0) xclose(a.hand_off, "(--hand-off)");
    shell_child(&sb, slave, &a);
  }
  xclose(slave, "pty slave");
  sandbox_close(&sb);
  if (a.hand_off >= 0) {
    hand_off(a.hand_off, master);
    xclose(master, "pty master");
    xclose(a.hand_off, "(--hand-off)");
    /* From here on it only waits, reaps and kills what it started. */
    keep_only_kill(NULL, 0);
    return wait_shell(child, sfd);
  }
  /* Relaying bytes takes terminal ioctls and file status flags besides what every holder keeps. */
  static const int relay_syscalls[] = {__NR_ioctl, __NR_fcntl};
  keep_only_kill(relay_syscalls, sizeof relay_syscalls / sizeof relay_syscalls[0]);
  return relay(master, child, sfd);
}
