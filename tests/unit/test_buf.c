/* Unit tests for base/buf and base/arena: invariants after each call. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"

static void
check_invariants(const rp_buf *b)
{
    assert_non_null(b->buf);
    assert_int_equal(b->buf[b->len], '\0');
    if (b->max)
        assert_true(b->len <= b->max);
}

static void
test_buf_starts_empty_and_terminated(void **state)
{
    rp_buf b = RP_BUF_INIT;
    check_invariants(&b);
    assert_string_equal(b.buf, "");
    rp_buf_release(&b);
    check_invariants(&b);
}

static void
test_buf_addf_appends_formatted_text(void **state)
{
    rp_buf b = RP_BUF_INIT;
    for (int i = 0; i < 1000; i++)
        assert_int_equal(rp_buf_addf(&b, "%d,", i), RP_OK);
    check_invariants(&b);
    assert_true(strncmp(b.buf, "0,1,2,", 6) == 0);
    assert_int_equal(b.len, 3890);
    size_t len;
    char *s = rp_buf_detach(&b, &len);
    assert_int_equal(len, 3890);
    check_invariants(&b);
    assert_int_equal(b.len, 0);
    rp_free(s);
}

static void
test_buf_refuses_to_pass_max(void **state)
{
    rp_buf b;
    rp_buf_init(&b, 8);
    assert_int_equal(rp_buf_adds(&b, "12345678"), RP_OK);
    assert_int_equal(rp_buf_addc(&b, '9'), RP_ENOMEM);
    check_invariants(&b);
    assert_string_equal(b.buf, "12345678");
    rp_buf_release(&b);
}

static void
test_buf_reports_allocation_failure(void **state)
{
    rp_buf b = RP_BUF_INIT;
    rp_malloc_fail_at(1, false);
    assert_int_equal(rp_buf_adds(&b, "hello"), RP_ENOMEM);
    check_invariants(&b);
    assert_int_equal(rp_buf_adds(&b, "hello"), RP_OK);
    rp_malloc_fail_at(0, false);
    assert_string_equal(b.buf, "hello");
    rp_buf_release(&b);
}

static void
test_arena_strings_survive_until_free(void **state)
{
    rp_arena *a = rp_arena_new();
    char *keep[500];
    for (int i = 0; i < 500; i++)
        keep[i] = rp_arena_printf(a, "name-%d", i);
    char *big = rp_arena_alloc(a, 100000);
    assert_non_null(big);
    assert_string_equal(keep[0], "name-0");
    assert_string_equal(keep[499], "name-499");
    assert_null(rp_arena_strdup(a, NULL));
    assert_true(rp_arena_used(a) >= 100000);
    rp_arena_free(a);
    rp_arena_free(NULL);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf_starts_empty_and_terminated),
        cmocka_unit_test(test_buf_addf_appends_formatted_text),
        cmocka_unit_test(test_buf_refuses_to_pass_max),
        cmocka_unit_test(test_buf_reports_allocation_failure),
        cmocka_unit_test(test_arena_strings_survive_until_free),
    };
    return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}
