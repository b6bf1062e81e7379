/*
 * What only the test builds carry: the stop points of the kernel tests (see test-hooks.h), compiled with
 * GAIOLA_TEST_HOOKS, and the sanitizers' default options, with GAIOLA_SANITIZE; empty in the launcher the
 * agent runs. No privilege is used: a stop point's file is created with the caller's filesystem ids.
 */
#include "test-hooks.h"

#ifdef GAIOLA_TEST_HOOKS
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "util.h"

/* How often a stopped process looks whether the test has let it go. */
#define TEST_STOP_POLL_MS 5

/* Whether `stage` is one of the comma-separated names of `list`. */
static int listed(const char *list, const char *stage) {
  const size_t len = strlen(stage);
  for (const char *p = list; *p;) {
    const char *end = strchr(p, ',');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    if (n == len && !strncmp(p, stage, len)) return 1;
    if (!end) break;
    p = end + 1;
  }
  return 0;
}

void test_stop(const char *stage) {
  const char *want = getenv("GAIOLA_TEST_STOP"), *dir = getenv("GAIOLA_TEST_STOP_DIR");
  if (!want || !dir || !listed(want, stage)) return;
  char file[PATH_MAX];
  format(file, sizeof file, "%s/%s", dir, stage);
  int fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) die_errno("open", file);
  xclose(fd, file);
  while (access(file, F_OK) == 0) poll(NULL, 0, TEST_STOP_POLL_MS);
}
#else
/* ISO C wants a declaration in every file. */
typedef int gaiola_no_test_hooks;
#endif

#ifdef GAIOLA_SANITIZE
/* The sanitized build's defaults, since the agent starts the launcher with an empty environment: any report
 * aborts. No leak check: the launcher exits right after its work, and LeakSanitizer's tracer would need
 * ptrace where the holder's seccomp filter refuses it. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) {
  return "detect_leaks=0:abort_on_error=1";
}
#endif
