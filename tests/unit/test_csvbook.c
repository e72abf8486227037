/* Unit tests for ingest/csvbook: LinkedIn, Google Contacts and mapped CSV
 * files into contacts (fixtures in tests/data/contacts). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contacts_collect.h"
#include "ingest/csvbook.h"

#define DATA "tests/data/contacts"

static ingest_hooks hooks;

static rp_code
read_file(collect *c, const char *name, const char *map, rp_err *err)
{
    char path[256];
    snprintf(path, sizeof path, DATA "/%s", name);
    hooks = (ingest_hooks){collect_problem, collect_progress, c};
    return ingest_csv_file(path, map, collect_contact, c, &hooks, err);
}

static rp_code
read_text(collect *c, const char *text, const char *map, rp_err *err)
{
    hooks = (ingest_hooks){collect_problem, collect_progress, c};
    return ingest_csv_buffer(text, strlen(text), "t.csv", map, collect_contact,
                             c, &hooks, err);
}

static void
test_csv_linkedin_with_preamble_bom_and_crlf(void **state)
{
    collect *c = *state;
    rp_err err = {0};
    assert_int_equal(read_file(c, "linkedin.csv", NULL, &err), RP_OK);
    assert_int_equal(c->nproblems, 0);
    assert_int_equal(c->n, 3);
    const ingest_contact *k = collect_find(c, "Ada Lovelace");
    assert_non_null(k);
    assert_int_equal(k->nemails, 1);
    assert_string_equal(k->emails[0], "ADA@Engines.Example");
    assert_string_equal(k->org, "Analytical Engines, Ltd.");
    assert_string_equal(k->title, "Chief Programmer");
    assert_string_equal(k->how_met, "LinkedIn, connected 2021-01-12");
    assert_string_equal(k->notes,
                        "LinkedIn: https://www.linkedin.com/in/adalovelace");
    k = collect_find(c, "José García");
    assert_non_null(k);
    assert_int_equal(k->nemails, 0);
    assert_string_equal(k->how_met, "LinkedIn, connected 2024-02-03");
    assert_true(c->progress_done == c->progress_total && c->progress_total > 0);
}

static void
test_csv_google_2024_labels_multivalues_and_notes(void **state)
{
    collect *c = *state;
    rp_err err = {0};
    assert_int_equal(read_file(c, "google.csv", NULL, &err), RP_OK);
    assert_int_equal(c->nproblems, 0);
    assert_int_equal(c->n, 2);
    const ingest_contact *k = collect_find(c, "Katherine Coleman Johnson");
    assert_non_null(k);
    assert_int_equal(k->nemails, 2);
    assert_string_equal(k->emails[1], "kj@home.example");
    assert_int_equal(k->nphones, 2);
    assert_string_equal(k->phones[0], "+1 757 555 0101");
    assert_string_equal(k->phones[1], "+1 757 555 0102");
    assert_string_equal(k->org, "NASA");
    assert_string_equal(k->title, "Mathematician");
    assert_string_equal(k->birthday, "1918-08-26");
    assert_string_equal(k->notes,
                        "Checked the orbit by hand.\nAsk about Langley.");
    assert_int_equal(k->ntags, 2); /* "* myContacts" dropped */
    assert_string_equal(k->tags[0], "Space");
    assert_string_equal(k->tags[1], "starred");
    k = collect_find(c, "Dorothy Vaughan");
    assert_non_null(k);
    assert_string_equal(k->birthday, "--09-20");
    assert_int_equal(k->ntags, 0);
}

static void
test_csv_google_older_header_set(void **state)
{
    collect *c = *state;
    rp_err err = {0};
    assert_int_equal(read_file(c, "google-old.csv", NULL, &err), RP_OK);
    assert_int_equal(c->n, 1);
    const ingest_contact *k = &c->c[0];
    assert_string_equal(k->name, "Margaret Hamilton");
    assert_string_equal(k->org, "MIT Instrumentation Lab");
    assert_string_equal(k->title, "Director of Software Engineering");
    assert_string_equal(k->emails[0], "margaret@mit.example");
    assert_string_equal(k->phones[0], "+1 617 555 0142");
    assert_int_equal(k->ntags, 1);
    assert_string_equal(k->tags[0], "Apollo");
}

static void
test_csv_outlook_export(void **state)
{
    collect *c = *state;
    rp_err err = {0};
    assert_int_equal(read_file(c, "outlook.csv", NULL, &err), RP_OK);
    assert_int_equal(c->nproblems, 0);
    assert_int_equal(c->n, 2);
    const ingest_contact *k = collect_find(c, "Hedy Lamarr");
    assert_non_null(k);
    assert_int_equal(k->nemails, 2);
    assert_string_equal(k->emails[1], "hl@home.example");
    assert_int_equal(k->nphones, 2);
    assert_string_equal(k->phones[0], "(310) 555-0178"); /* mobile first */
    assert_string_equal(k->org, "MGM");
    assert_string_equal(k->title, "Inventor");
    assert_null(k->birthday); /* "11/9/1914": month first or day first? */
    assert_int_equal(k->ntags, 2);
    assert_string_equal(k->tags[1], "Radio");
    k = collect_find(c, "Ada Byron");
    assert_non_null(k);
    assert_string_equal(k->birthday, "1815-12-10");
}

static const char MAP[] = "name=Full Name,email=E-mail,email=Work E-mail,"
                          "phone=Mobile,org=Company,title=Job,tags=Group";

static void
test_csv_map_reads_any_csv_and_reports_bad_rows(void **state)
{
    collect *c = *state;
    rp_err err = {0};
    assert_int_equal(read_file(c, "custom.csv", MAP, &err), RP_OK);
    assert_int_equal(c->n, 2);
    const ingest_contact *k = collect_find(c, "Mary Jackson");
    assert_non_null(k);
    assert_int_equal(k->nemails, 2);
    assert_string_equal(k->emails[1], "mjackson@work.example");
    assert_string_equal(k->phones[0], "0216 555 0123");
    k = collect_find(c, "Annie Easley");
    assert_non_null(k);
    assert_string_equal(k->title, "Rocket scientist");
    assert_int_equal(k->ntags, 2);
    assert_string_equal(k->tags[1], "Glenn");
    assert_int_equal(c->nproblems, 2);
    assert_int_equal(c->problem_at[0], 3); /* a stray quote */
    assert_int_equal(c->problem_at[1], 4); /* two fields of seven */
    assert_non_null(strstr(c->problem_why[1], "2 fields"));
}

static void
test_csv_map_errors_name_the_problem(void **state)
{
    collect *c = *state;
    rp_err err = {0};
    assert_int_equal(read_file(c, "custom.csv", "name=Full Name,fax=Fax", &err),
                     RP_EINVAL);
    assert_non_null(strstr(err.msg, "unknown field 'fax'"));
    assert_int_equal(
        read_file(c, "custom.csv", "name=Full Name,email=Mail", &err),
        RP_EINVAL);
    assert_non_null(strstr(err.msg, "no column 'Mail'"));
    assert_non_null(strstr(err.msg, "\"Work E-mail\""));
    assert_int_equal(read_file(c, "custom.csv", "Full Name", &err), RP_EINVAL);
    assert_non_null(strstr(err.msg, "FIELD=Column"));
    assert_int_equal(c->n, 0);
}

static void
test_csv_unknown_header_lists_the_columns(void **state)
{
    collect *c = *state;
    rp_err err = {0};
    assert_int_equal(read_file(c, "custom.csv", NULL, &err), RP_EINVAL);
    assert_non_null(strstr(err.msg, "--map"));
    assert_non_null(strstr(err.msg, "\"Full Name\", \"E-mail\""));
    assert_int_equal(c->n, 0);
    assert_int_equal(read_text(c, "", NULL, &err), RP_EINVAL);
    assert_int_equal(read_file(c, "nowhere.csv", NULL, &err), RP_EIO);
    assert_non_null(strstr(err.msg, "nowhere.csv"));
}

static void
test_csv_quoted_newlines_keep_line_numbers(void **state)
{
    collect *c = *state;
    rp_err err = {0};
    assert_int_equal(read_text(c,
                               "Name,Mail\r\n"
                               "\"Multi\r\nLine\",a@x.example\r\n"
                               "\r\n"
                               "Bad\"Row,b@x.example\r\n"
                               "Last,c@x.example\r\n"
                               "\"Never closed,d@x.example\r\n",
                               "name=Name,email=Mail", &err),
                     RP_OK);
    assert_int_equal(c->n, 2);
    assert_string_equal(c->c[0].name, "Multi\r\nLine");
    assert_string_equal(c->c[1].name, "Last");
    assert_int_equal(c->nproblems, 2);
    assert_int_equal(c->problem_at[0], 5);
    assert_int_equal(c->problem_at[1], 7);
    assert_non_null(strstr(c->problem_why[1], "never closed"));
}

static void
test_csv_latin1_text_becomes_utf8(void **state)
{
    collect *c = *state;
    rp_err err = {0};
    assert_int_equal(read_text(c, "Name,Mail\nRen\xe9 M\xfcller,r@x.example\n",
                               "name=Name,email=Mail", &err),
                     RP_OK);
    assert_int_equal(c->n, 1);
    assert_string_equal(c->c[0].name, "René Müller");
}

static void
test_csv_semicolons_and_tabs_separate_fields_too(void **state)
{
    collect *c = *state;
    rp_err err = {0};
    assert_int_equal(read_text(c,
                               "Name;Mail;Note\n\"Doe; Jane\";j@x.example;"
                               "a, b\n",
                               "name=Name,email=Mail,notes=Note", &err),
                     RP_OK);
    assert_int_equal(read_text(c, "Name\tMail\nTab Person\tt@x.example\n",
                               "name=Name,email=Mail", &err),
                     RP_OK);
    assert_int_equal(c->nproblems, 0);
    assert_int_equal(c->n, 2);
    assert_string_equal(c->c[0].name, "Doe; Jane");
    assert_string_equal(c->c[0].notes, "a, b");
    assert_string_equal(c->c[1].emails[0], "t@x.example");
}

static void
test_csv_utf16_is_a_clear_error(void **state)
{
    collect *c = *state;
    rp_err err = {0};
    static const char utf16[] = "\xff\xfeN\0a\0m\0e\0\n\0";
    hooks = (ingest_hooks){collect_problem, collect_progress, c};
    assert_int_equal(ingest_csv_buffer(utf16, sizeof utf16 - 1, "w.csv", NULL,
                                       collect_contact, c, &hooks, &err),
                     RP_EINVAL);
    assert_non_null(strstr(err.msg, "UTF-16"));
}

static void
test_csv_callback_error_stops(void **state)
{
    collect *c = *state;
    rp_err err = {0};
    c->fail_with = RP_ESTORE;
    assert_int_equal(read_file(c, "linkedin.csv", NULL, &err), RP_ESTORE);
}

int
main(void)
{
#define T(fn)                                                                  \
    cmocka_unit_test_setup_teardown(fn, collect_setup, collect_teardown)
    const struct CMUnitTest tests[] = {
        T(test_csv_linkedin_with_preamble_bom_and_crlf),
        T(test_csv_google_2024_labels_multivalues_and_notes),
        T(test_csv_google_older_header_set),
        T(test_csv_outlook_export),
        T(test_csv_map_reads_any_csv_and_reports_bad_rows),
        T(test_csv_map_errors_name_the_problem),
        T(test_csv_unknown_header_lists_the_columns),
        T(test_csv_quoted_newlines_keep_line_numbers),
        T(test_csv_latin1_text_becomes_utf8),
        T(test_csv_semicolons_and_tabs_separate_fields_too),
        T(test_csv_utf16_is_a_clear_error),
        T(test_csv_callback_error_stops),
    };
    return cmocka_run_group_tests_name("csvbook", tests, NULL, NULL);
}
