/*
 * Stop points for the kernel tests, compiled in only by `build-launcher.sh --test-hooks` (GAIOLA_TEST_HOOKS).
 * In the launcher the agent runs, test_stop is an empty statement: no environment variable is read and no
 * file is touched. In the test build it trusts its environment, which the test sets.
 */
#ifndef GAIOLA_TEST_HOOKS_H
#define GAIOLA_TEST_HOOKS_H

#ifdef GAIOLA_TEST_HOOKS
/* When `stage` is one of the comma-separated GAIOLA_TEST_STOP: creates the file GAIOLA_TEST_STOP_DIR/<stage>
 * and waits until the test removes it. The test kills the launcher meanwhile, then lets a stopped child go on,
 * to see what a death at that point leaves behind, or sees that a stage is never reached. */
void test_stop(const char *stage);
#else
#define test_stop(stage) ((void)0)
#endif

#endif
