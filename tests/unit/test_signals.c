/* Unit tests for core/signals: who starts threads, how fast each side
 * replies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/signals.h"

static const int64_t H = 3600;

static void
test_signals_empty_is_unknown(void **state)
{
    rp_arena *a = rp_arena_new();
    signals s;
    assert_int_equal(signals_compute(a, NULL, 0, &s), RP_OK);
    assert_int_equal(s.threads, 0);
    assert_int_equal(s.reply_them_median, -1);
    assert_int_equal(s.reply_me_median, -1);
    rp_arena_free(a);
}

static void
test_signals_counts_starters_and_replies(void **state)
{
    /* Thread a: I write, they answer in 2 h, I answer in 5 h.
     * Thread b: they write, I answer in 1 h, they answer in 4 h.
     * Thread c: they write twice in a row (no reply), then I answer
     * in 3 h after their second message. */
    const rp_thread_msg m[] = {
        {"a", true, 0},        {"a", false, 2 * H},   {"a", true, 7 * H},
        {"b", false, 100 * H}, {"b", true, 101 * H},  {"b", false, 105 * H},
        {"c", false, 200 * H}, {"c", false, 210 * H}, {"c", true, 213 * H},
    };
    rp_arena *a = rp_arena_new();
    signals s;
    assert_int_equal(signals_compute(a, m, 9, &s), RP_OK);
    assert_int_equal(s.threads, 3);
    assert_int_equal(s.started_by_me, 1);
    assert_int_equal(s.started_by_them, 2);
    assert_int_equal(s.replies_them, 2); /* 2 h and 4 h */
    assert_int_equal(s.reply_them_median, 2 * H);
    assert_int_equal(s.replies_me, 3); /* 5 h, 1 h and 3 h */
    assert_int_equal(s.reply_me_median, 3 * H);
    rp_arena_free(a);
}

static void
test_signals_ignore_answers_after_a_month(void **state)
{
    const rp_thread_msg m[] = {
        {"t", true, 0},
        {"t", false, SIGNALS_REPLY_MAX + 1},
    };
    rp_arena *a = rp_arena_new();
    signals s;
    assert_int_equal(signals_compute(a, m, 2, &s), RP_OK);
    assert_int_equal(s.threads, 1);
    assert_int_equal(s.replies_them, 0);
    assert_int_equal(s.reply_them_median, -1);
    rp_arena_free(a);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_signals_empty_is_unknown),
        cmocka_unit_test(test_signals_counts_starters_and_replies),
        cmocka_unit_test(test_signals_ignore_answers_after_a_month),
    };
    return cmocka_run_group_tests_name("signals", tests, NULL, NULL);
}
