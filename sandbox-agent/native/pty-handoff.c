/*
 * The agent's end of a shell's pty hand-off (the launcher's end is launcher/terminal.c): a
 * Node-API addon, because Node cannot take a file descriptor from a unix socket itself. Its IPC channel does
 * take descriptors, but only sockets and pipes: a terminal's aborts the whole process (stream_wrap.cc asserts
 * the handle type), so the launcher sends it on a plain socket pair of ours and this reads it with recvmsg.
 *   socketPair()            [agent's end, launcher's end], both close-on-exec (the spawn dup2s the launcher's)
 *   receivePtyMaster(fd, ms) a Promise of the one descriptor the launcher sends on `fd`: refused (and closed)
 *                           unless it is the master of a devpts pty; read in the thread pool, within `ms`
 *   setWindowSize(fd, cols, rows)  TIOCSWINSZ: the kernel signals SIGWINCH to the pty's foreground group
 * Trusts: its caller's numbers. What arrives on the socket comes from the launcher, host root, and is checked
 * anyway. Built by scripts/build-launcher.sh.
 */
#include <errno.h>
#include <linux/magic.h>
#include <node_api.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/statfs.h>
#include <termios.h>
#include <unistd.h>

#define CHECK(call)                                                                                                 \
  do {                                                                                                              \
    if ((call) != napi_ok) return NULL;                                                                             \
  } while (0)

static napi_value throw_errno(napi_env env, const char *what, int err) {
  char msg[160];
  snprintf(msg, sizeof msg, "%s: %s", what, strerror(err));
  napi_throw_error(env, NULL, msg);
  return NULL;
}

static int int_arg(napi_env env, napi_value v, int32_t *out) { return napi_get_value_int32(env, v, out) == napi_ok; }

static napi_value socket_pair(napi_env env, napi_callback_info info) {
  (void)info;
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) return throw_errno(env, "socketpair", errno);
  napi_value arr, a, b;
  CHECK(napi_create_array_with_length(env, 2, &arr));
  CHECK(napi_create_int32(env, sv[0], &a));
  CHECK(napi_create_int32(env, sv[1], &b));
  CHECK(napi_set_element(env, arr, 0, a));
  CHECK(napi_set_element(env, arr, 1, b));
  return arr;
}

struct receive {
  napi_async_work work;
  napi_deferred deferred;
  int sock, timeout_ms;
  int fd;          /* the master, or -1 */
  int err;         /* errno of what failed, 0 when a reason is set instead */
  const char *why; /* what failed */
};

/* In the thread pool: wait for the launcher's one byte, then take its descriptor. */
static void receive_execute(napi_env env, void *data) {
  (void)env;
  struct receive *r = data;
  struct pollfd p = {.fd = r->sock, .events = POLLIN};
  int n;
  do n = poll(&p, 1, r->timeout_ms);
  while (n < 0 && errno == EINTR);
  if (n <= 0) {
    r->err = n < 0 ? errno : ETIMEDOUT;
    r->why = "waiting for the pty master";
    return;
  }
  char byte;
  struct iovec iov = {.iov_base = &byte, .iov_len = 1};
  union {
    char buf[CMSG_SPACE(sizeof(int))];
    struct cmsghdr align;
  } ctl;
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf, .msg_controllen = sizeof ctl.buf};
  ssize_t got;
  do got = recvmsg(r->sock, &msg, MSG_CMSG_CLOEXEC | MSG_DONTWAIT);
  while (got < 0 && errno == EINTR);
  if (got < 0) {
    r->err = errno;
    r->why = "recvmsg";
    return;
  }
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  /* MSG_CTRUNC: more descriptors than one were sent, and the kernel closed the rest. */
  if (got != 1 || (msg.msg_flags & MSG_CTRUNC) || !c || c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS ||
      c->cmsg_len != CMSG_LEN(sizeof(int))) {
    if (c && c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS && c->cmsg_len >= CMSG_LEN(sizeof(int))) {
      int stray;
      memcpy(&stray, CMSG_DATA(c), sizeof stray);
      close(stray);
    }
    r->why = "the launcher sent no pty master (it exited first?)";
    return;
  }
  int fd;
  memcpy(&fd, CMSG_DATA(c), sizeof fd);
  struct statfs sfs;
  unsigned int ptn;
  if (fstatfs(fd, &sfs) < 0 || sfs.f_type != DEVPTS_SUPER_MAGIC || ioctl(fd, TIOCGPTN, &ptn) < 0) {
    close(fd);
    r->why = "what the launcher sent is no devpts pty master";
    return;
  }
  r->fd = fd;
}

static void receive_complete(napi_env env, napi_status status, void *data) {
  struct receive *r = data;
  napi_value v;
  if (status == napi_ok && r->fd >= 0 && napi_create_int32(env, r->fd, &v) == napi_ok) {
    napi_resolve_deferred(env, r->deferred, v);
  } else {
    if (r->fd >= 0) close(r->fd);
    char msg[200];
    if (r->err) snprintf(msg, sizeof msg, "%s: %s", r->why, strerror(r->err));
    else snprintf(msg, sizeof msg, "%s", r->why ? r->why : "cancelled");
    napi_value text, err;
    if (napi_create_string_utf8(env, msg, NAPI_AUTO_LENGTH, &text) == napi_ok &&
        napi_create_error(env, NULL, text, &err) == napi_ok)
      napi_reject_deferred(env, r->deferred, err);
  }
  napi_delete_async_work(env, r->work);
  free(r);
}

static napi_value receive_pty_master(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  int32_t sock, timeout_ms;
  if (argc < 2 || !int_arg(env, argv[0], &sock) || !int_arg(env, argv[1], &timeout_ms) || sock < 0 || timeout_ms < 0) {
    napi_throw_type_error(env, NULL, "receivePtyMaster(socketFd, timeoutMs)");
    return NULL;
  }
  struct receive *r = calloc(1, sizeof *r);
  if (!r) return throw_errno(env, "receivePtyMaster", ENOMEM);
  r->sock = sock;
  r->timeout_ms = timeout_ms;
  r->fd = -1;
  napi_value promise, name;
  if (napi_create_promise(env, &r->deferred, &promise) != napi_ok ||
      napi_create_string_utf8(env, "receivePtyMaster", NAPI_AUTO_LENGTH, &name) != napi_ok ||
      napi_create_async_work(env, NULL, name, receive_execute, receive_complete, r, &r->work) != napi_ok ||
      napi_queue_async_work(env, r->work) != napi_ok) {
    free(r);
    return NULL;
  }
  return promise;
}

static napi_value set_window_size(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  int32_t fd, cols, rows;
  if (argc < 3 || !int_arg(env, argv[0], &fd) || !int_arg(env, argv[1], &cols) || !int_arg(env, argv[2], &rows) ||
      cols < 1 || rows < 1 || cols > 0xffff || rows > 0xffff) {
    napi_throw_type_error(env, NULL, "setWindowSize(fd, cols, rows)");
    return NULL;
  }
  struct winsize ws = {.ws_col = (unsigned short)cols, .ws_row = (unsigned short)rows};
  if (ioctl(fd, TIOCSWINSZ, &ws) < 0) return throw_errno(env, "TIOCSWINSZ", errno);
  return NULL;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor props[] = {
      {"socketPair", NULL, socket_pair, NULL, NULL, NULL, napi_enumerable, NULL},
      {"receivePtyMaster", NULL, receive_pty_master, NULL, NULL, NULL, napi_enumerable, NULL},
      {"setWindowSize", NULL, set_window_size, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  if (napi_define_properties(env, exports, sizeof props / sizeof props[0], props) != napi_ok) return NULL;
  return exports;
}
