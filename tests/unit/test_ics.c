/* Unit tests for ingest/ics: what each calendar event becomes, its times in
 * UTC and its occurrences (fixtures in tests/data/ics). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/date.h"
#include "ingest/ics.h"

#define DATA "tests/data/ics/"
#define MAXREC 1200

/* A deep copy of every record and problem a parse produced. */
typedef struct {
    rp_arena *a;
    ingest_event *e;
    size_t n;
    struct {
        const char *file, *why;
        long pos;
    } problems[16];
    size_t nproblems;
    uint64_t done, total;
    rp_code fail_with; /* returned by the callback when set */
} seen;

static rp_code
collect(void *ud, const ingest_event *e)
{
    seen *s = ud;
    if (s->fail_with)
        return s->fail_with;
    assert_true(s->n < MAXREC);
    ingest_event *c = &s->e[s->n++];
    *c = *e;
    c->uid = rp_arena_strdup(s->a, e->uid);
    c->summary = rp_arena_strdup(s->a, e->summary);
    c->description = rp_arena_strdup(s->a, e->description);
    c->source = rp_arena_strdup(s->a, e->source);
    c->organizer.name = rp_arena_strdup(s->a, e->organizer.name);
    c->organizer.email = rp_arena_strdup(s->a, e->organizer.email);
    ingest_addr *v = rp_arena_alloc(s->a, (e->nattendees + 1) * sizeof *v);
    for (size_t i = 0; i < e->nattendees; i++)
        v[i] = (ingest_addr){rp_arena_strdup(s->a, e->attendees[i].name),
                             rp_arena_strdup(s->a, e->attendees[i].email)};
    c->attendees = v;
    return RP_OK;
}

static void
problem(void *ud, const char *file, long pos, const char *why)
{
    seen *s = ud;
    assert_true(s->nproblems < 16);
    s->problems[s->nproblems].file = rp_arena_strdup(s->a, file);
    s->problems[s->nproblems].why = rp_arena_strdup(s->a, why);
    s->problems[s->nproblems++].pos = pos;
}

static void
progress(void *ud, uint64_t done, uint64_t total)
{
    seen *s = ud;
    assert_true(done >= s->done); /* never goes backwards */
    assert_true(done <= total);
    s->done = done;
    s->total = total;
}

static int
setup(void **state)
{
    seen *s = calloc(1, sizeof *s);
    s->a = rp_arena_new();
    s->e = calloc(MAXREC, sizeof *s->e);
    setenv("TZ", "UTC", 1);
    tzset();
    *state = s;
    return 0;
}

static int
teardown(void **state)
{
    seen *s = *state;
    rp_arena_free(s->a);
    free(s->e);
    free(s);
    return 0;
}

static int64_t
at(const char *iso)
{
    int64_t t;
    assert_int_equal(rp_time_parse_iso(iso, &t, NULL), RP_OK);
    return t;
}

/* Reads a fixture with the window of the year 2026. */
static rp_code
parse_file(seen *s, const char *name)
{
    ingest_hooks h = {problem, progress, s};
    char path[128];
    snprintf(path, sizeof path, DATA "%s", name);
    return ingest_ics_file(path, at("2026-01-01T00:00:00Z"),
                           at("2026-12-31T23:59:59Z"), collect, s, &h, NULL);
}

static rp_code
parse_text(seen *s, const char *text, const char *from, const char *to)
{
    ingest_hooks h = {problem, progress, s};
    return ingest_ics_buffer(text, strlen(text), "test.ics", at(from), at(to),
                             collect, s, &h, NULL);
}

static const ingest_event *
find(const seen *s, const char *uid)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->e[i].uid, uid))
            return &s->e[i];
    fail_msg("no record with uid %s", uid);
    return NULL;
}

static void
test_ics_simple_event_has_its_people_and_utc_start(void **state)
{
    seen *s = *state;
    assert_int_equal(parse_file(s, "simple.ics"), RP_OK);
    assert_int_equal(s->n, 1);
    const ingest_event *e = &s->e[0];
    assert_string_equal(e->uid, "simple-1@rapport.test");
    assert_string_equal(e->summary, "Pricing review, first pass");
    assert_string_equal(e->description, "Bring the numbers.\nAnd the deck.");
    assert_int_equal(e->start, at("2026-06-18T14:00:00Z"));
    assert_string_equal(e->organizer.name, "Byron, Ada");
    assert_string_equal(e->organizer.email, "ada@northwind.example");
    /* The room, the one who declined and the one without an address are
     * not people met; the user stays (intake leaves them out). */
    assert_int_equal(e->nattendees, 2);
    assert_string_equal(e->attendees[0].name, "Grace Hopper");
    assert_string_equal(e->attendees[0].email, "grace@northwind.example");
    assert_string_equal(e->attendees[1].email, "sam@me.example");
    assert_false(e->cancelled);
    assert_string_equal(e->source, "ics:" DATA "simple.ics");
    assert_int_equal(s->nproblems, 0);
    assert_true(s->total > 0);
    assert_int_equal(s->done, s->total);
}

static void
test_ics_tzid_uses_vtimezone_then_system_zones(void **state)
{
    seen *s = *state;
    assert_int_equal(parse_file(s, "tzid.ics"), RP_OK);
    assert_int_equal(s->n, 5);
    /* The file's own zone, with its daylight saving rules. */
    assert_int_equal(find(s, "tz-vtimezone@rapport.test")->start,
                     at("2026-07-01T13:30:00Z"));
    assert_int_equal(find(s, "tz-vtimezone-winter@rapport.test")->start,
                     at("2026-12-01T14:30:00Z"));
    /* Olson names without a VTIMEZONE, alone or inside a longer TZID. */
    assert_int_equal(find(s, "tz-olson@rapport.test")->start,
                     at("2026-07-01T07:30:00Z"));
    assert_int_equal(find(s, "tz-buried@rapport.test")->start,
                     at("2026-07-01T00:30:00Z"));
    /* A zone nobody knows reads as local time (TZ=UTC here). */
    assert_int_equal(find(s, "tz-unknown@rapport.test")->start,
                     at("2026-07-01T09:30:00Z"));
    assert_int_equal(s->nproblems, 0);
}

static void
test_ics_weekly_rule_with_exdate_and_override(void **state)
{
    seen *s = *state;
    assert_int_equal(parse_file(s, "weekly.ics"), RP_OK);
    /* COUNT=6 from March 5: the 19th is excluded and April 2 moved. */
    assert_int_equal(s->n, 5);
    const char *uid = "weekly-1@rapport.test/";
    for (size_t i = 0; i < s->n; i++) {
        assert_memory_equal(s->e[i].uid, uid, strlen(uid));
        for (size_t k = 0; k < i; k++)
            assert_string_not_equal(s->e[i].uid, s->e[k].uid);
        assert_true(s->e[i].start != at("2026-03-19T09:00:00Z"));
    }
    /* 09:00 in London: GMT in March, BST from March 29. */
    assert_int_equal(
        find(s, "weekly-1@rapport.test/2026-03-05T09:00:00Z")->start,
        at("2026-03-05T09:00:00Z"));
    const ingest_event *late =
        find(s, "weekly-1@rapport.test/2026-04-09T08:00:00Z");
    assert_int_equal(late->start, at("2026-04-09T08:00:00Z"));
    assert_string_equal(late->summary, "Weekly sync");
    assert_string_equal(late->attendees[0].email, "sam@me.example");
    /* The override keeps the uid of the occurrence it replaces, with its
     * own time, title and people. */
    const ingest_event *moved =
        find(s, "weekly-1@rapport.test/2026-04-02T08:00:00Z");
    assert_int_equal(moved->start, at("2026-04-02T10:00:00Z"));
    assert_string_equal(moved->summary, "Weekly sync (moved)");
    assert_string_equal(moved->attendees[0].email, "grace@northwind.example");
    assert_int_equal(s->nproblems, 0);
}

static void
test_ics_occurrences_only_inside_the_window(void **state)
{
    seen *s = *state;
    const char *text =
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:w\r\n"
        "DTSTART:20200106T100000Z\r\nRRULE:FREQ=WEEKLY\r\n"
        "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:old\r\n"
        "DTSTART:20190101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    assert_int_equal(
        parse_text(s, text, "2026-05-01T00:00:00Z", "2026-05-31T23:59:59Z"),
        RP_OK);
    /* Mondays in May 2026; the single event is kept whatever its date. */
    assert_int_equal(s->n, 5);
    const char *want[] = {"4", "11", "18", "25"};
    for (size_t i = 0; i < 4; i++) {
        char iso[32];
        snprintf(iso, sizeof iso, "2026-05-%02dT10:00:00Z", atoi(want[i]));
        char uid[48];
        snprintf(uid, sizeof uid, "w/%s", iso);
        assert_int_equal(find(s, uid)->start, at(iso));
    }
    assert_int_equal(find(s, "old")->start, at("2019-01-01T10:00:00Z"));
}

static void
test_ics_all_day_and_floating_read_in_local_time(void **state)
{
    seen *s = *state;
    ingest_hooks h = {problem, progress, s};
    assert_int_equal(
        ingest_ics_file(DATA "allday.ics", at("2026-01-01T00:00:00Z"),
                        at("2028-12-31T00:00:00Z"), collect, s, &h, NULL),
        RP_OK);
    /* Feb 29 comes back in 2028 only. */
    assert_int_equal(s->n, 3);
    assert_int_equal(find(s, "offsite@rapport.test")->start,
                     at("2026-07-10T00:00:00Z"));
    assert_int_equal(find(s, "floating@rapport.test")->start,
                     at("2026-07-10T09:00:00Z"));
    assert_int_equal(find(s, "birthday@rapport.test/2028-02-29")->start,
                     at("2028-02-29T00:00:00Z"));
    /* In New York (EDT in July) the same wall times are 4 hours later;
     * the uids stay the same so a re-import there finds them. */
    setenv("TZ", "America/New_York", 1);
    tzset();
    s->n = 0;
    s->done = 0;
    assert_int_equal(parse_file(s, "allday.ics"), RP_OK);
    assert_int_equal(s->n, 2);
    assert_int_equal(find(s, "offsite@rapport.test")->start,
                     at("2026-07-10T04:00:00Z"));
    assert_int_equal(find(s, "floating@rapport.test")->start,
                     at("2026-07-10T13:00:00Z"));
}

static void
test_ics_cancelled_events_are_marked(void **state)
{
    seen *s = *state;
    assert_int_equal(parse_file(s, "cancelled.ics"), RP_OK);
    assert_int_equal(s->n, 3);
    assert_true(find(s, "called-off@rapport.test")->cancelled);
    assert_false(find(s, "still-on@rapport.test")->cancelled);
    /* A METHOD:CANCEL message cancels what it carries. */
    assert_true(find(s, "cancel-message@rapport.test")->cancelled);
}

static void
test_ics_broken_events_are_reported_and_the_rest_imports(void **state)
{
    seen *s = *state;
    assert_int_equal(parse_file(s, "broken.ics"), RP_OK);
    assert_int_equal(s->n, 2);
    assert_string_equal(s->e[0].uid, "good-before@rapport.test");
    assert_string_equal(s->e[1].uid, "good-after@rapport.test");
    assert_int_equal(s->nproblems, 4);
    /* Each names the file, the line of its BEGIN:VEVENT, its index and
     * UID, and what is wrong. */
    const long lines[] = {11, 18, 26, 38};
    const char *words[] = {"20261345T250000", "RRULE", "no DTSTART",
                           "END:VEVENT"};
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(s->problems[i].file, DATA "broken.ics");
        assert_int_equal(s->problems[i].pos, lines[i]);
        assert_non_null(strstr(s->problems[i].why, words[i]));
    }
    assert_non_null(strstr(s->problems[0].why, "event 2"));
    assert_non_null(strstr(s->problems[0].why, "bad-date@rapport.test"));
}

static void
test_ics_non_calendar_file_is_a_clear_error(void **state)
{
    seen *s = *state;
    rp_err err = {0};
    assert_int_equal(
        ingest_ics_file(DATA "not-ics.ics", 0, 0, collect, s, NULL, &err),
        RP_EINVAL);
    assert_non_null(strstr(err.msg, "not-ics.ics"));
    assert_non_null(strstr(err.msg, "not an iCalendar file"));
    assert_int_equal(
        ingest_ics_buffer("", 0, "empty.ics", 0, 0, collect, s, NULL, &err),
        RP_EINVAL);
    assert_non_null(strstr(err.msg, "empty"));
    assert_int_equal(
        ingest_ics_file(DATA "nowhere.ics", 0, 0, collect, s, NULL, &err),
        RP_EIO);
    assert_non_null(strstr(err.msg, "nowhere.ics"));
    assert_int_equal(s->n, 0);
}

static void
test_ics_endless_rules_stop_at_the_cap(void **state)
{
    seen *s = *state;
    const char *text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:tick\n"
                       "DTSTART:20260101T000000Z\nRRULE:FREQ=MINUTELY\n"
                       "END:VEVENT\nEND:VCALENDAR\n";
    assert_int_equal(
        parse_text(s, text, "2026-01-01T00:00:00Z", "2026-12-31T00:00:00Z"),
        RP_OK);
    assert_int_equal(s->n, ICS_MAX_INSTANCES);
    assert_int_equal(s->nproblems, 2);
    assert_non_null(strstr(s->problems[0].why, "stopped expanding"));
    assert_non_null(strstr(s->problems[1].why, "only the first"));
    assert_int_equal(s->problems[1].pos, 2);
}

static void
test_ics_tzid_never_opens_files_outside_the_zone_database(void **state)
{
    seen *s = *state;
    /* libical would open /usr/share/zoneinfo/<TZID> whatever it names;
     * a TZID with a path in it is read as an unknown zone instead. */
    const char *text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:evil\n"
                       "DTSTART;TZID=../../../../../etc/passwd:"
                       "20260601T100000\nEND:VEVENT\nEND:VCALENDAR\n";
    assert_int_equal(
        parse_text(s, text, "2026-01-01T00:00:00Z", "2026-12-31T00:00:00Z"),
        RP_OK);
    assert_int_equal(s->n, 1);
    assert_int_equal(s->e[0].start, at("2026-06-01T10:00:00Z"));
}

static void
test_ics_same_file_gives_the_same_uids(void **state)
{
    seen *s = *state;
    const char *text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\n"
                       "DTSTART:20260601T100000Z\nSUMMARY:no uid here\n"
                       "END:VEVENT\nEND:VCALENDAR\n";
    assert_int_equal(
        parse_text(s, text, "2026-01-01T00:00:00Z", "2026-12-31T00:00:00Z"),
        RP_OK);
    s->done = 0;
    assert_int_equal(
        parse_text(s, text, "2026-01-01T00:00:00Z", "2026-12-31T00:00:00Z"),
        RP_OK);
    assert_int_equal(s->n, 2);
    assert_memory_equal(s->e[0].uid, "nouid-", 6);
    assert_string_equal(s->e[0].uid, s->e[1].uid);
}

static void
test_ics_callback_error_stops_the_read(void **state)
{
    seen *s = *state;
    s->fail_with = RP_ESTORE;
    assert_int_equal(parse_file(s, "tzid.ics"), RP_ESTORE);
    assert_int_equal(s->n, 0);
}

static void
test_ics_bare_event_and_folded_lines(void **state)
{
    seen *s = *state;
    const char *text = "\xef\xbb\xbf"
                       "BEGIN:VEVENT\r\nUID:bare\r\nDTSTART:2026060\r\n"
                       " 1T100000Z\r\nSUMMARY:one\r\n\ttwo\r\n"
                       "ATTENDEE;CN=\"Lee; Sam\":MAILTO:\r\n"
                       " sam@me.example\r\nEND:VEVENT\r\n";
    assert_int_equal(
        parse_text(s, text, "2026-01-01T00:00:00Z", "2026-12-31T00:00:00Z"),
        RP_OK);
    assert_int_equal(s->n, 1);
    assert_int_equal(s->e[0].start, at("2026-06-01T10:00:00Z"));
    assert_string_equal(s->e[0].summary, "onetwo");
    assert_string_equal(s->e[0].attendees[0].name, "Lee; Sam");
    assert_string_equal(s->e[0].attendees[0].email, "sam@me.example");
}

static void
test_ics_unpaired_begin_is_reported_not_crashed_on(void **state)
{
    seen *s = *state;
    /* libical reads "BEGIN :X-THING" as a BEGIN and the scan does not, so
     * libical ends the event's lines with a component still open.  (Found
     * by fuzz_ics: libical then freed the event twice.) */
    const char *text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:open\n"
                       "DTSTART:20260601T100000Z\nBEGIN :X-THING\n"
                       "END:VEVENT\nEND:VCALENDAR\n"
                       "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:fine\n"
                       "DTSTART:20260602T100000Z\nEND:VEVENT\n"
                       "END:VCALENDAR\n";
    assert_int_equal(
        parse_text(s, text, "2026-01-01T00:00:00Z", "2026-12-31T00:00:00Z"),
        RP_OK);
    assert_int_equal(s->n, 1);
    assert_string_equal(s->e[0].uid, "fine");
    assert_int_equal(s->nproblems, 1);
    assert_int_equal(s->problems[0].pos, 2);
    assert_non_null(strstr(s->problems[0].why, "BEGIN and END"));
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_ics_simple_event_has_its_people_and_utc_start),
        T(test_ics_tzid_uses_vtimezone_then_system_zones),
        T(test_ics_weekly_rule_with_exdate_and_override),
        T(test_ics_occurrences_only_inside_the_window),
        T(test_ics_all_day_and_floating_read_in_local_time),
        T(test_ics_cancelled_events_are_marked),
        T(test_ics_broken_events_are_reported_and_the_rest_imports),
        T(test_ics_non_calendar_file_is_a_clear_error),
        T(test_ics_endless_rules_stop_at_the_cap),
        T(test_ics_tzid_never_opens_files_outside_the_zone_database),
        T(test_ics_same_file_gives_the_same_uids),
        T(test_ics_callback_error_stops_the_read),
        T(test_ics_bare_event_and_folded_lines),
        T(test_ics_unpaired_begin_is_reported_not_crashed_on),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
