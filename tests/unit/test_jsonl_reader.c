/* Unit tests for core/jsonl_reader: order, line numbers, errors in file
 * order, and stopping part-way through a long input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/jsonl_reader.h"

/* A temporary file holding text, rewound. */
static FILE *
input(const char *text)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    rewind(f);
    return f;
}

/* n lines {"n":1}, {"n":2}, ... */
static FILE *
numbered(long n)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    for (long i = 1; i <= n; i++)
        fprintf(f, "{\"n\":%ld}\n", i);
    rewind(f);
    return f;
}

static void
test_jsonl_reader_hands_out_objects_in_order(void **state)
{
    (void)state;
    FILE *f = input("{\"a\":1}\n\n# a comment\n{\"a\":2}\r\n{\"a\":3}");
    jsonl_reader *r;
    rp_err err = {0};
    jsonl_item it;
    bool have;
    assert_int_equal(jsonl_reader_start(f, "t.jsonl", &r, &err), RP_OK);
    const long lines[] = {1, 4, 5};
    for (int i = 0; i < 3; i++) {
        assert_int_equal(jsonl_reader_next(r, &it, &have, &err), RP_OK);
        assert_true(have);
        assert_int_equal(json_integer_value(json_object_get(it.obj, "a")),
                         i + 1);
        assert_int_equal(it.line, lines[i]);
    }
    assert_int_equal(jsonl_reader_next(r, &it, &have, &err), RP_OK);
    assert_false(have);
    assert_int_equal(jsonl_reader_lines(r), 5);
    jsonl_reader_stop(r);
    fclose(f);
}

/* Every line before the bad one is handed out first, over several of the
 * reader's batches, and the error names the file and the line. */
static void
test_jsonl_reader_reports_a_bad_line_after_the_good_ones(void **state)
{
    (void)state;
    FILE *f = tmpfile();
    for (int i = 1; i <= 1000; i++)
        fprintf(f, "{\"n\":%d}\n", i);
    fputs("{\"n\": oops}\n{\"n\":1002}\n", f);
    rewind(f);
    jsonl_reader *r;
    rp_err err = {0};
    jsonl_item it;
    bool have;
    long seen = 0;
    rp_code rc;
    assert_int_equal(jsonl_reader_start(f, "big.jsonl", &r, &err), RP_OK);
    while (!(rc = jsonl_reader_next(r, &it, &have, &err)) && have)
        assert_int_equal(json_integer_value(json_object_get(it.obj, "n")),
                         ++seen);
    assert_int_equal(rc, RP_EINVAL);
    assert_int_equal(seen, 1000);
    assert_non_null(strstr(err.msg, "big.jsonl:1001: not a JSON object"));
    jsonl_reader_stop(r);
    fclose(f);
}

static void
test_jsonl_reader_refuses_a_value_that_is_not_an_object(void **state)
{
    (void)state;
    FILE *f = input("[1, 2]\n");
    jsonl_reader *r;
    rp_err err = {0};
    jsonl_item it;
    bool have = true;
    assert_int_equal(jsonl_reader_start(f, "arr.jsonl", &r, &err), RP_OK);
    assert_int_equal(jsonl_reader_next(r, &it, &have, &err), RP_EINVAL);
    assert_false(have);
    assert_non_null(strstr(err.msg, "arr.jsonl:1"));
    assert_non_null(strstr(err.msg, "found another JSON value"));
    jsonl_reader_stop(r);
    fclose(f);
}

/* A caller that gives up early (a bad record) stops a reader that is
 * still blocked on a full ring, and everything it parsed is freed (the
 * sanitizer build finds a leak or a hang). */
static void
test_jsonl_reader_stops_part_way(void **state)
{
    (void)state;
    FILE *f = numbered(50000);
    jsonl_reader *r;
    rp_err err = {0};
    jsonl_item it;
    bool have;
    assert_int_equal(jsonl_reader_start(f, "long.jsonl", &r, &err), RP_OK);
    for (int i = 1; i <= 700; i++) {
        assert_int_equal(jsonl_reader_next(r, &it, &have, &err), RP_OK);
        assert_true(have);
        assert_int_equal(it.line, i);
    }
    jsonl_reader_stop(r);
    fclose(f);
}

/* An empty input ends at once; so does one of only comments. */
static void
test_jsonl_reader_empty_input(void **state)
{
    (void)state;
    FILE *f = input("# nothing\n\n");
    jsonl_reader *r;
    rp_err err = {0};
    jsonl_item it;
    bool have = true;
    assert_int_equal(jsonl_reader_start(f, "e.jsonl", &r, &err), RP_OK);
    assert_int_equal(jsonl_reader_next(r, &it, &have, &err), RP_OK);
    assert_false(have);
    assert_int_equal(jsonl_reader_lines(r), 2);
    jsonl_reader_stop(r);
    fclose(f);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsonl_reader_hands_out_objects_in_order),
        cmocka_unit_test(
            test_jsonl_reader_reports_a_bad_line_after_the_good_ones),
        cmocka_unit_test(
            test_jsonl_reader_refuses_a_value_that_is_not_an_object),
        cmocka_unit_test(test_jsonl_reader_stops_part_way),
        cmocka_unit_test(test_jsonl_reader_empty_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
