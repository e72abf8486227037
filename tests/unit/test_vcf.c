/* Unit tests for ingest/vcf: vCard 2.1, 3.0 and 4.0 into contacts
 * (fixtures in tests/data/contacts). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contacts_collect.h"
#include "ingest/contact.h"
#include "ingest/vcf.h"

#define DATA "tests/data/contacts"

static const ingest_hooks *
hooks_for(collect *c)
{
    static ingest_hooks h;
    h = (ingest_hooks){collect_problem, collect_progress, c};
    return &h;
}

static rp_code
read_file(collect *c, const char *name)
{
    char path[256];
    rp_err err = {0};
    snprintf(path, sizeof path, DATA "/%s", name);
    return ingest_vcf_file(path, collect_contact, c, hooks_for(c), &err);
}

static rp_code
read_text(collect *c, const char *text)
{
    rp_err err = {0};
    return ingest_vcf_buffer(text, strlen(text), "t.vcf", collect_contact, c,
                             hooks_for(c), &err);
}

static void
test_vcf_21_phone_card_decodes_qp_latin1_and_skips_photo(void **state)
{
    collect *c = *state;
    assert_int_equal(read_file(c, "phone-2.1.vcf"), RP_OK);
    assert_int_equal(c->nproblems, 0);
    assert_int_equal(c->n, 1);
    const ingest_contact *k = &c->c[0];
    assert_string_equal(k->name, "Jürgen Müller");
    assert_string_equal(k->title, "Geschäftsführer"); /* no CHARSET given */
    assert_string_equal(k->org, "Bäckerei Müller");   /* unit dropped */
    assert_int_equal(k->nphones, 2);
    assert_string_equal(k->phones[0], "+49 30 1234567");
    assert_string_equal(k->phones[1], "0171 2345678");
    assert_int_equal(k->nemails, 1);
    assert_string_equal(k->emails[0], "Juergen.Mueller@Example.DE");
    /* The soft line break joins the next line; =0D=0A is a real one. */
    assert_string_equal(k->notes,
                        "Kennengelernt auf dem Straßenfest\r\nzweite Zeile");
    assert_string_equal(k->birthday, "1980-04-05");
    assert_int_equal(k->ntags, 2);
    assert_string_equal(k->tags[0], "Kunden");
    assert_string_equal(k->tags[1], "Berlin");
    assert_true(c->progress_calls >= 1);
    assert_true(c->progress_done == c->progress_total && c->progress_total > 0);
}

static void
test_vcf_30_apple_groups_and_escapes(void **state)
{
    collect *c = *state;
    assert_int_equal(read_file(c, "apple-3.0.vcf"), RP_OK);
    assert_int_equal(c->nproblems, 0);
    assert_int_equal(c->n, 1);
    const ingest_contact *k = &c->c[0];
    assert_string_equal(k->name, "Ada Lovelace");
    assert_string_equal(k->org, "Analytical Engines, Ltd.");
    assert_string_equal(k->title, "Chief Programmer");
    assert_int_equal(k->nemails, 2);
    assert_string_equal(k->emails[0], "ada@engines.example");
    assert_string_equal(k->emails[1], "ada.lovelace@work.example");
    assert_int_equal(k->nphones, 2);
    assert_string_equal(k->phones[1], "(020) 7946 0018");
    assert_string_equal(k->notes, "Met at the Royal Society, 1843.\n"
                                  "Likes poetry; hates small talk.");
    assert_int_equal(k->ntags, 2);
    assert_string_equal(k->tags[1], "Golf, weekends");
    assert_string_equal(k->birthday, "1815-12-10");
}

static void
test_vcf_40_uri_phone_and_partial_birthday(void **state)
{
    collect *c = *state;
    assert_int_equal(read_file(c, "v4.0.vcf"), RP_OK);
    assert_int_equal(c->nproblems, 0);
    assert_int_equal(c->n, 2);
    const ingest_contact *k = collect_find(c, "Grace Hopper");
    assert_non_null(k);
    assert_string_equal(k->phones[0], "+1-202-555-0147"); /* tel: gone */
    assert_string_equal(k->birthday, "--12-09");
    assert_string_equal(k->notes, "Coined \"debugging\".");
    assert_int_equal(k->ntags, 2);
    k = collect_find(c, "Alan Turing");
    assert_non_null(k);
    assert_string_equal(k->birthday, "1912-06-23");
}

static void
test_vcf_broken_cards_are_reported_by_line_and_the_rest_read(void **state)
{
    collect *c = *state;
    assert_int_equal(read_file(c, "broken.vcf"), RP_OK);
    assert_int_equal(c->n, 3);
    assert_non_null(collect_find(c, "First Good"));
    assert_non_null(collect_find(c, "Second Good"));
    assert_non_null(collect_find(c, "Third Good"));
    assert_null(collect_find(c, "Never Ended"));
    assert_null(collect_find(c, "Garbled"));
    assert_int_equal(c->nproblems, 3);
    /* The card that never ended, named by its BEGIN line. */
    assert_int_equal(c->problem_at[0], 6);
    assert_non_null(strstr(c->problem_why[0], "line 10"));
    assert_string_equal(c->problem_file[0], DATA "/broken.vcf");
    assert_int_equal(c->problem_at[1], 15); /* END without BEGIN */
    assert_int_equal(c->problem_at[2], 19); /* not NAME:VALUE */
}

static void
test_vcf_missing_end_at_eof_and_text_outside(void **state)
{
    collect *c = *state;
    assert_int_equal(read_text(c, "hello there\n"
                                  "BEGIN:VCARD\nFN:Kept\nEND:VCARD\n"
                                  "BEGIN:VCARD\nFN:Lost\n"),
                     RP_OK);
    assert_int_equal(c->n, 1);
    assert_string_equal(c->c[0].name, "Kept");
    assert_int_equal(c->nproblems, 2);
    assert_int_equal(c->problem_at[0], 1);
    assert_int_equal(c->problem_at[1], 5);
    assert_non_null(strstr(c->problem_why[1], "no END:VCARD"));
}

static void
test_vcf_not_a_vcard_and_missing_file_are_errors(void **state)
{
    collect *c = *state;
    rp_err err = {0};
    assert_int_equal(read_text(c, ""), RP_EINVAL);
    assert_int_equal(ingest_vcf_buffer("name,email\n", 11, "x.vcf",
                                       collect_contact, c, NULL, &err),
                     RP_EINVAL);
    assert_non_null(strstr(err.msg, "x.vcf"));
    assert_int_equal(
        ingest_vcf_file(DATA "/nowhere.vcf", collect_contact, c, NULL, &err),
        RP_EIO);
    assert_non_null(strstr(err.msg, "nowhere.vcf"));
}

static void
test_vcf_folding_with_tabs_lf_and_crlf(void **state)
{
    collect *c = *state;
    assert_int_equal(read_text(c, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mary \r\n"
                                  " Ann\r\nNOTE:one\n\t two\nEMAIL:m@x.exa\n"
                                  " mple\nEND:VCARD"),
                     RP_OK);
    assert_int_equal(c->n, 1);
    assert_string_equal(c->c[0].name, "Mary Ann");
    assert_string_equal(c->c[0].notes, "one two");
    assert_string_equal(c->c[0].emails[0], "m@x.example");
}

static void
test_vcf_name_from_n_then_org(void **state)
{
    collect *c = *state;
    assert_int_equal(read_text(c, "BEGIN:VCARD\nN:Byron;Ada;;Lady;\n"
                                  "END:VCARD\nBEGIN:VCARD\nFN:\n"
                                  "ORG:Initech;IT\nEND:VCARD\n"),
                     RP_OK);
    assert_int_equal(c->n, 2);
    assert_string_equal(c->c[0].name, "Lady Ada Byron");
    assert_string_equal(c->c[1].name, "Initech");
}

static void
test_vcf_agent_card_is_read_past(void **state)
{
    collect *c = *state;
    assert_int_equal(read_text(c, "BEGIN:VCARD\nVERSION:2.1\nFN:Boss\n"
                                  "AGENT:\nBEGIN:VCARD\nFN:Assistant\n"
                                  "END:VCARD\nEMAIL:boss@x.example\n"
                                  "END:VCARD\n"),
                     RP_OK);
    assert_int_equal(c->nproblems, 0);
    assert_int_equal(c->n, 1);
    assert_string_equal(c->c[0].name, "Boss");
    assert_string_equal(c->c[0].emails[0], "boss@x.example");
}

/* A photo of several megabytes, folded or on one line, is read past and
 * the card around it kept. */
static void
test_vcf_huge_photo_costs_nothing(void **state)
{
    collect *c = *state;
    rp_buf b = RP_BUF_INIT;
    rp_buf_adds(&b, "BEGIN:VCARD\nFN:Big Folded\nPHOTO;ENCODING=b:");
    for (int i = 0; i < 50000; i++)
        rp_buf_adds(&b, "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=\n ");
    rp_buf_adds(&b, "AA\nEMAIL:f@x.example\nEND:VCARD\n"
                    "BEGIN:VCARD\nFN:Big Flat\nPHOTO:data:image/jpeg;base64,");
    for (int i = 0; i < 100000; i++)
        rp_buf_adds(&b, "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=");
    rp_buf_adds(&b, "\nEMAIL:g@x.example\nEND:VCARD\n");
    rp_err err = {0};
    assert_int_equal(ingest_vcf_buffer(b.buf, b.len, "big.vcf", collect_contact,
                                       c, hooks_for(c), &err),
                     RP_OK);
    rp_buf_release(&b);
    assert_int_equal(c->nproblems, 0);
    assert_int_equal(c->n, 2);
    assert_string_equal(c->c[0].emails[0], "f@x.example");
    assert_string_equal(c->c[1].emails[0], "g@x.example");
}

static void
test_vcf_callback_error_stops_the_parse(void **state)
{
    collect *c = *state;
    c->fail_with = RP_ESTORE;
    assert_int_equal(read_file(c, "v4.0.vcf"), RP_ESTORE);
}

static void
test_vcf_charsets_and_utf8_fallback(void **state)
{
    collect *c = *state;
    /* Shift_JIS by CHARSET, and Latin-1 with no CHARSET at all. */
    assert_int_equal(read_text(c, "BEGIN:VCARD\nVERSION:2.1\n"
                                  "FN;CHARSET=SHIFT_JIS:\x93\x63\x92\x86\n"
                                  "NOTE:caf\xe9\nEND:VCARD\n"),
                     RP_OK);
    assert_int_equal(c->n, 1);
    assert_string_equal(c->c[0].name, "田中");
    assert_string_equal(c->c[0].notes, "café");
}

static void
test_vcf_byte_order_marks(void **state)
{
    collect *c = *state;
    rp_err err = {0};
    assert_int_equal(read_text(c, "\xef\xbb\xbf"
                                  "BEGIN:VCARD\nFN:Bom\nEND:VCARD\n"),
                     RP_OK);
    assert_int_equal(c->nproblems, 0);
    assert_int_equal(c->n, 1);
    assert_string_equal(c->c[0].name, "Bom");
    static const char utf16[] = "\xff\xfe"
                                "B\0E\0G\0I\0N\0:\0V\0C\0A\0R\0D\0\n\0";
    assert_int_equal(ingest_vcf_buffer(utf16, sizeof utf16 - 1, "w.vcf",
                                       collect_contact, c, NULL, &err),
                     RP_EINVAL);
    assert_non_null(strstr(err.msg, "UTF-16"));
}

/* A folder of .vcf files (a vdir): each card read, a file without one
 * reported and skipped, other files left alone. */
static void
test_vcf_folder_of_files(void **state)
{
    collect *c = *state;
    assert_int_equal(read_file(c, "vdir"), RP_OK);
    assert_int_equal(c->n, 2);
    assert_string_equal(c->c[0].name, "Vera Dir");
    assert_string_equal(c->c[1].name, "Walt Dir");
    assert_int_equal(c->nproblems, 1);
    assert_string_equal(c->problem_file[0], DATA "/vdir/c3.vcf");
    assert_int_equal(c->problem_at[0], 0);
    assert_non_null(strstr(c->problem_why[0], "no vCard"));
}

static void
test_contact_birthday_forms(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"1980-04-05", "1980-04-05"},
        {"19800405", "1980-04-05"},
        {"--0405", "--04-05"},
        {"--04-05", "--04-05"},
        {"1980-04-05T00:00:00Z", "1980-04-05"},
        {"19800405T000000", "1980-04-05"},
        {"1604-04-05", "--04-05"}, /* Apple: year omitted */
        {" 1999-12-31 ", "1999-12-31"},
        {"circa 1800", NULL},
        {"1980-02-30", NULL},
        {"1980", NULL},
        {"--13-01", NULL},
        {"", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char buf[16];
        const char *got = contact_birthday(cases[i].in, buf, sizeof buf);
        if (cases[i].out) {
            assert_non_null(got);
            assert_string_equal(got, cases[i].out);
        } else {
            assert_null(got);
        }
    }
}

int
main(void)
{
#define T(fn)                                                                  \
    cmocka_unit_test_setup_teardown(fn, collect_setup, collect_teardown)
    const struct CMUnitTest tests[] = {
        T(test_vcf_21_phone_card_decodes_qp_latin1_and_skips_photo),
        T(test_vcf_30_apple_groups_and_escapes),
        T(test_vcf_40_uri_phone_and_partial_birthday),
        T(test_vcf_broken_cards_are_reported_by_line_and_the_rest_read),
        T(test_vcf_missing_end_at_eof_and_text_outside),
        T(test_vcf_not_a_vcard_and_missing_file_are_errors),
        T(test_vcf_folding_with_tabs_lf_and_crlf),
        T(test_vcf_name_from_n_then_org),
        T(test_vcf_agent_card_is_read_past),
        T(test_vcf_huge_photo_costs_nothing),
        T(test_vcf_callback_error_stops_the_parse),
        T(test_vcf_charsets_and_utf8_fallback),
        T(test_vcf_byte_order_marks),
        T(test_vcf_folder_of_files),
        cmocka_unit_test(test_contact_birthday_forms),
    };
    return cmocka_run_group_tests_name("vcf", tests, NULL, NULL);
}
