/* Unit tests for core/fdlines: lines from a pipe, and waking a reader
 * that waits for input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <string.h>
#include <unistd.h>

#include "core/fdlines.h"

static char big[200000];

/* Writes the long line and a last line without a newline, then closes. */
static void *
write_rest(void *arg)
{
    int fd = *(int *)arg;
    size_t off = 0;
    while (off < sizeof big) {
        ssize_t n = write(fd, big + off, sizeof big - off);
        if (n <= 0)
            break;
        off += (size_t)n;
    }
    if (write(fd, "tail", 4) != 4)
        off = 0;
    close(fd);
    return NULL;
}

static void
test_fdlines_splits_lines_across_reads(void **state)
{
    (void)state;
    int p[2];
    assert_int_equal(pipe(p), 0);
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\n';
    fdlines *f = fdlines_new(p[0]);
    assert_non_null(f);
    assert_false(fdlines_ready(f)); /* nothing written yet */
    assert_int_equal(write(p[1], "one\ntwo\n", 8), 8);
    assert_true(fdlines_ready(f));
    char *line;
    assert_int_equal(fdlines_next(f, &line), 4);
    assert_memory_equal(line, "one\n", 4);
    assert_int_equal(fdlines_next(f, &line), 4);
    assert_memory_equal(line, "two\n", 4);
    /* A line longer than a pipe holds arrives over several reads. */
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, write_rest, &p[1]), 0);
    assert_int_equal(fdlines_next(f, &line), (ssize_t)sizeof big);
    assert_int_equal(line[0], 'x');
    assert_int_equal(line[sizeof big - 1], '\n');
    assert_int_equal(fdlines_next(f, &line), 4);
    assert_memory_equal(line, "tail", 4);
    assert_int_equal(fdlines_next(f, &line), 0);
    assert_int_equal(pthread_join(t, NULL), 0);
    fdlines_free(f);
    close(p[0]);
}

static void *
wait_for_line(void *arg)
{
    char *line;
    static ssize_t got;
    got = fdlines_next(arg, &line);
    return &got;
}

/* A reader blocked on a silent pipe returns -2 once woken. */
static void
test_fdlines_wake_ends_a_wait(void **state)
{
    (void)state;
    int p[2];
    assert_int_equal(pipe(p), 0);
    fdlines *f = fdlines_new(p[0]);
    assert_non_null(f);
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, wait_for_line, f), 0);
    usleep(50000);
    fdlines_wake(f);
    void *ret;
    assert_int_equal(pthread_join(t, &ret), 0);
    assert_int_equal(*(ssize_t *)ret, -2);
    fdlines_free(f);
    close(p[0]);
    close(p[1]);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fdlines_splits_lines_across_reads),
        cmocka_unit_test(test_fdlines_wake_ends_a_wait),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
