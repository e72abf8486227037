/* Unit tests for base/date: ISO 8601, relative phrases, anniversaries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"

/* Monday 2026-06-15 12:00:00 UTC. */
static const int64_t NOW = 1781524800;

static int
setup_utc(void **state)
{
    setenv("TZ", "UTC", 1);
    return 0;
}

static int64_t
parse(const char *s)
{
    int64_t t = 0;
    rp_err err = {0};
    assert_int_equal(rp_time_parse(s, NOW, &t, &err), RP_OK);
    return t;
}

static void
test_date_now_is_a_monday(void **state)
{
    char buf[32];
    rp_time_iso(NOW, buf, sizeof buf);
    assert_string_equal(buf, "2026-06-15T12:00:00Z");
}

static void
test_date_iso_forms(void **state)
{
    assert_int_equal(parse("2026-06-15"), NOW - 12 * 3600);
    assert_int_equal(parse("2026-06-15T12:00:00Z"), NOW);
    assert_int_equal(parse("2026-06-15 14:30"), NOW + 2.5 * 3600);
    assert_int_equal(parse("2026-06-15T14:00:00+02:00"), NOW);
    assert_int_equal(parse("2026-06-15T12:00:00.250Z"), NOW);
}

static void
test_date_relative_phrases_keep_time_of_day(void **state)
{
    assert_int_equal(parse("today"), NOW);
    assert_int_equal(parse("now"), NOW);
    assert_int_equal(parse("yesterday"), NOW - 86400);
    assert_int_equal(parse("Tomorrow"), NOW + 86400);
    assert_int_equal(parse("3 days ago"), NOW - 3 * 86400);
    assert_int_equal(parse("2 weeks ago"), NOW - 14 * 86400);
    assert_int_equal(parse("in 2 days"), NOW + 2 * 86400);
    assert_int_equal(parse("1 hour ago"), NOW - 3600);
    assert_int_equal(parse("1 month ago"), parse("2026-05-15T12:00:00Z"));
}

static void
test_date_weekdays(void **state)
{
    /* NOW is a Monday. */
    assert_int_equal(parse("next friday"), NOW + 4 * 86400);
    assert_int_equal(parse("friday"), NOW + 4 * 86400);
    assert_int_equal(parse("next monday"), NOW + 7 * 86400);
    assert_int_equal(parse("monday"), NOW);
    assert_int_equal(parse("last monday"), NOW - 7 * 86400);
    assert_int_equal(parse("last sunday"), NOW - 86400);
    assert_int_equal(parse("next fri"), NOW + 4 * 86400);
}

static void
test_date_rejects_nonsense_with_message(void **state)
{
    const char *bad[] = {"",
                         "2026-13-01",
                         "2026-02-30",
                         "next blursday",
                         "3 fortnights ago",
                         "soonish",
                         "2026-06-15T25:00",
                         "2026-06-15Tx",
                         "-3 days ago"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        int64_t t;
        rp_err err = {0};
        assert_int_equal(rp_time_parse(bad[i], NOW, &t, &err), RP_EINVAL);
        assert_true(strlen(err.msg) > 0);
        if (*bad[i])
            assert_non_null(strstr(err.msg, bad[i]));
    }
}

static void
test_date_iso_round_trip(void **state)
{
    int64_t samples[] = {0,      1,         NOW, 951782400 /* 2000-02-29 */,
                         -86400, 4102444799 /* 2099-12-31T23:59:59 */};
    for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
        char buf[32];
        int64_t back;
        rp_time_iso(samples[i], buf, sizeof buf);
        assert_int_equal(rp_time_parse_iso(buf, &back, NULL), RP_OK);
        assert_int_equal(back, samples[i]);
    }
}

static void
test_date_calendar_dates(void **state)
{
    char buf[16];
    assert_int_equal(rp_calendar_date("1985-04-12", buf, sizeof buf, NULL),
                     RP_OK);
    assert_string_equal(buf, "1985-04-12");
    assert_int_equal(rp_calendar_date("--04-12", buf, sizeof buf, NULL), RP_OK);
    assert_string_equal(buf, "--04-12");
    assert_int_equal(rp_calendar_date("04-12", buf, sizeof buf, NULL), RP_OK);
    assert_string_equal(buf, "--04-12");
    assert_int_equal(rp_calendar_date("--02-29", buf, sizeof buf, NULL), RP_OK);
    assert_int_equal(rp_calendar_date("2023-02-29", buf, sizeof buf, NULL),
                     RP_EINVAL);
    assert_int_equal(rp_calendar_date("--13-01", buf, sizeof buf, NULL),
                     RP_EINVAL);
    assert_int_equal(rp_calendar_date("April 12", buf, sizeof buf, NULL),
                     RP_EINVAL);
}

static void
test_date_anniversary_boundaries(void **state)
{
    assert_int_equal(rp_days_until_anniversary("--06-15", NOW), 0);
    assert_int_equal(rp_days_until_anniversary("1970-06-16", NOW), 1);
    assert_int_equal(rp_days_until_anniversary("--06-14", NOW), 364);
    assert_int_equal(rp_days_until_anniversary("--06-21", NOW), 6);
    /* 2027 is not a leap year: Feb 29 falls on Mar 1. */
    assert_int_equal(rp_days_until_anniversary("--02-29", NOW),
                     (int)(rp_days_from_civil(2027, 3, 1) -
                           rp_days_from_civil(2026, 6, 15)));
    assert_int_equal(rp_days_until_anniversary("nonsense", NOW), -1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_now_is_a_monday),
        cmocka_unit_test(test_date_iso_forms),
        cmocka_unit_test(test_date_relative_phrases_keep_time_of_day),
        cmocka_unit_test(test_date_weekdays),
        cmocka_unit_test(test_date_rejects_nonsense_with_message),
        cmocka_unit_test(test_date_iso_round_trip),
        cmocka_unit_test(test_date_calendar_dates),
        cmocka_unit_test(test_date_anniversary_boundaries),
    };
    return cmocka_run_group_tests_name("date", tests, setup_utc, NULL);
}
