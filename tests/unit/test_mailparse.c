/* Unit tests for ingest/mailparse: what each message becomes, from single
 * messages, an mbox and a Maildir tree (fixtures in tests/data/mail). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/arena.h"
#include <glib.h>

#include "ingest/mailparse.h"

#define DATA "tests/data/mail"

/* A deep copy of every record and problem a parse produced. */
typedef struct {
    rp_arena *a;
    ingest_message m[16];
    size_t n;
    struct {
        const char *file, *why;
        long pos;
    } problems[8];
    size_t nproblems;
    uint64_t done, total;
    int progress_calls;
    rp_code fail_with; /* returned by the callback when set */
} seen;

static ingest_addr *
copy_addrs(rp_arena *a, const ingest_addr *v, size_t n)
{
    ingest_addr *c = rp_arena_alloc(a, (n + 1) * sizeof *c);
    for (size_t i = 0; i < n; i++)
        c[i] = (ingest_addr){rp_arena_strdup(a, v[i].name),
                             rp_arena_strdup(a, v[i].email)};
    return c;
}

static rp_code
collect(void *ud, const ingest_message *m)
{
    seen *s = ud;
    if (s->fail_with)
        return s->fail_with;
    assert_true(s->n < 16);
    ingest_message *c = &s->m[s->n++];
    *c = *m;
    c->message_id = rp_arena_strdup(s->a, m->message_id);
    c->thread = rp_arena_strdup(s->a, m->thread);
    c->subject = rp_arena_strdup(s->a, m->subject);
    c->body = rp_arena_strdup(s->a, m->body);
    c->source = rp_arena_strdup(s->a, m->source);
    c->from = copy_addrs(s->a, &m->from, 1)[0];
    c->to = copy_addrs(s->a, m->to, m->nto);
    c->cc = copy_addrs(s->a, m->cc, m->ncc);
    return RP_OK;
}

static void
problem(void *ud, const char *file, long pos, const char *why)
{
    seen *s = ud;
    assert_true(s->nproblems < 8);
    s->problems[s->nproblems].file = rp_arena_strdup(s->a, file);
    s->problems[s->nproblems].why = rp_arena_strdup(s->a, why);
    s->problems[s->nproblems++].pos = pos;
}

static void
progress(void *ud, uint64_t done, uint64_t total)
{
    seen *s = ud;
    assert_true(done >= s->done); /* never goes backwards */
    s->done = done;
    s->total = total;
    s->progress_calls++;
}

static int
setup(void **state)
{
    seen *s = calloc(1, sizeof *s);
    s->a = rp_arena_new();
    *state = s;
    return 0;
}

static int
teardown(void **state)
{
    seen *s = *state;
    rp_arena_free(s->a);
    free(s);
    return 0;
}

/* Parses one message given as text; returns the parse's code. */
static rp_code
parse(seen *s, const char *text)
{
    ingest_hooks h = {problem, progress, s};
    return ingest_mail_buffer(text, strlen(text), "eml:test.eml", collect, s,
                              &h, NULL);
}

static int64_t
utc(int y, int mo, int d, int h, int mi, int sec)
{
    struct tm tm = {.tm_year = y - 1900,
                    .tm_mon = mo - 1,
                    .tm_mday = d,
                    .tm_hour = h,
                    .tm_min = mi,
                    .tm_sec = sec};
    return (int64_t)timegm(&tm);
}

static void
test_mail_headers_become_fields(void **state)
{
    seen *s = *state;
    assert_int_equal(
        parse(s, "Message-ID: <abc.123@northwind.example>\r\n"
                 "Date: Mon, 1 Jun 2026 09:30:00 +0200\r\n"
                 "From: \"Byron, Ada\" <ada@northwind.example>\r\n"
                 "To: Sam Lee <sam@me.example>,\r\n grace@navy.example\r\n"
                 "Cc: =?utf-8?q?Ren=C3=A9?= <rene@paris.example>\r\n"
                 "Subject: Lunch\r\n next week?\r\n"
                 "\r\n"
                 "Hi Sam,\r\n\r\nShall we have lunch?\r\n"),
        RP_OK);
    assert_int_equal(s->n, 1);
    const ingest_message *m = &s->m[0];
    assert_string_equal(m->message_id, "abc.123@northwind.example");
    assert_string_equal(m->thread, "abc.123@northwind.example");
    assert_string_equal(m->subject, "Lunch next week?");
    assert_string_equal(m->from.name, "Byron, Ada");
    assert_string_equal(m->from.email, "ada@northwind.example");
    assert_int_equal(m->nto, 2);
    assert_string_equal(m->to[0].name, "Sam Lee");
    assert_string_equal(m->to[0].email, "sam@me.example");
    assert_null(m->to[1].name);
    assert_string_equal(m->to[1].email, "grace@navy.example");
    assert_int_equal(m->ncc, 1);
    assert_string_equal(m->cc[0].name, "Ren\xc3\xa9");
    /* CRLF line ends become LF. */
    assert_string_equal(m->body, "Hi Sam,\n\nShall we have lunch?");
    assert_false(m->automated);
    assert_string_equal(m->source, "eml:test.eml");
    assert_int_equal(s->nproblems, 0);
}

static void
test_mail_date_is_utc_from_its_zone(void **state)
{
    seen *s = *state;
    const char *fmt = "From: a@x.example\nDate: %s\n\nhi\n";
    const char *dates[] = {
        "Mon, 1 Jun 2026 09:30:00 +0200", "Mon, 1 Jun 2026 03:30:00 -0400",
        "1 Jun 2026 07:30:00 GMT", "Mon, 1 Jun 2026 00:30:00 -0700 (PDT)"};
    for (size_t i = 0; i < 4; i++) {
        char text[256];
        snprintf(text, sizeof text, fmt, dates[i]);
        assert_int_equal(parse(s, text), RP_OK);
        assert_int_equal(s->n, i + 1);
        assert_int_equal(s->m[i].date, utc(2026, 6, 1, 7, 30, 0));
    }
}

static void
test_mail_thread_is_first_reference(void **state)
{
    seen *s = *state;
    parse(s, "From: a@x.example\nDate: 1 Jun 2026 07:30:00 GMT\n"
             "Message-ID: <c@x>\nIn-Reply-To: <b@x>\n"
             "References: <a@x>\n  <b@x>\n\nhi\n");
    parse(s, "From: a@x.example\nDate: 1 Jun 2026 07:30:00 GMT\n"
             "Message-ID: <c@x>\nIn-Reply-To: <b@x>\n\nhi\n");
    parse(s, "From: a@x.example\nDate: 1 Jun 2026 07:30:00 GMT\n"
             "Message-ID: <c@x>\n\nhi\n");
    assert_int_equal(s->n, 3);
    assert_string_equal(s->m[0].thread, "a@x");
    assert_string_equal(s->m[1].thread, "b@x");
    assert_string_equal(s->m[2].thread, "c@x");
}

static void
test_mail_without_message_id_gets_a_stable_one(void **state)
{
    seen *s = *state;
    const char *a = "From: a@x.example\nDate: 1 Jun 2026 07:30:00 GMT\n"
                    "Subject: one\n\nhi\n";
    const char *b = "From: a@x.example\nDate: 1 Jun 2026 07:30:00 GMT\n"
                    "Subject: two\n\nhi\n";
    parse(s, a);
    parse(s, a);
    parse(s, b);
    assert_int_equal(s->n, 3);
    assert_true(strlen(s->m[0].message_id) > 10);
    assert_string_equal(s->m[0].message_id, s->m[1].message_id);
    assert_string_not_equal(s->m[0].message_id, s->m[2].message_id);
    assert_string_equal(s->m[0].thread, s->m[0].message_id);
}

static void
test_mail_charsets_become_utf8(void **state)
{
    seen *s = *state;
    /* Quoted-printable Latin-1, with an RFC 2047 Latin-1 name and a
     * base64 UTF-8 subject. */
    parse(s, "From: =?iso-8859-1?q?Ren=E9_Dupr=E9?= <rene@paris.example>\n"
             "Date: 1 Jun 2026 07:30:00 GMT\n"
             "Subject: =?utf-8?b?Q2Fmw6kgY3LDqG1l?=\n"
             "Content-Type: text/plain; charset=iso-8859-1\n"
             "Content-Transfer-Encoding: quoted-printable\n\n"
             "Un caf=E9 cr=E8me =\n=E0 la gare?\n");
    /* Base64 UTF-8. */
    parse(s, "From: a@x.example\nDate: 1 Jun 2026 07:30:00 GMT\n"
             "Content-Type: text/plain; charset=UTF-8\n"
             "Content-Transfer-Encoding: base64\n\n"
             "R3LDvMOfZSBhdXMgS8O2bG4=\n");
    /* Raw 8-bit Windows-1252 that does not say so (curly quotes). */
    parse(s, "From: a@x.example\nDate: 1 Jun 2026 07:30:00 GMT\n\n"
             "It\x92s \x93"
             "fine\x94, caf\xe9.\n");
    /* A charset iconv does not know leaves valid UTF-8 anyway. */
    parse(s, "From: a@x.example\nDate: 1 Jun 2026 07:30:00 GMT\n"
             "Content-Type: text/plain; charset=x-no-such-charset\n\n"
             "plain \xff\xfe text\n");
    assert_int_equal(s->n, 4);
    assert_string_equal(s->m[0].from.name, "Ren\xc3\xa9 Dupr\xc3\xa9");
    assert_string_equal(s->m[0].subject, "Caf\xc3\xa9 cr\xc3\xa8me");
    assert_string_equal(s->m[0].body,
                        "Un caf\xc3\xa9 cr\xc3\xa8me \xc3\xa0 la gare?");
    assert_string_equal(s->m[1].body, "Gr\xc3\xbc\xc3\x9f"
                                      "e aus K\xc3\xb6ln");
    assert_string_equal(s->m[2].body, "It\xe2\x80\x99s \xe2\x80\x9c"
                                      "fine\xe2\x80\x9d, caf\xc3\xa9.");
    for (size_t i = 0; i < s->n; i++)
        assert_true(g_utf8_validate(s->m[i].body, -1, NULL));
}

static void
test_mail_html_only_body_becomes_text(void **state)
{
    seen *s = *state;
    parse(s, "From: a@x.example\nDate: 1 Jun 2026 07:30:00 GMT\n"
             "Content-Type: text/html; charset=utf-8\n\n"
             "<html><head><style>p{}</style></head><body>"
             "<script>x()</script><p>Dear Sam,</p>"
             "<p>Fish &amp; chips&nbsp;&mdash; yes!</p></body></html>\n");
    assert_int_equal(s->n, 1);
    assert_string_equal(s->m[0].body,
                        "Dear Sam,\n\nFish & chips \xe2\x80\x94 yes!");
}

static void
test_mail_prefers_plain_part_and_skips_attachments(void **state)
{
    seen *s = *state;
    const char *text =
        "From: a@x.example\nDate: 1 Jun 2026 07:30:00 GMT\n"
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/mixed; boundary=\"outer\"\n\n"
        "--outer\n"
        "Content-Type: multipart/alternative; boundary=\"alt\"\n\n"
        "--alt\nContent-Type: text/html\n\n<p>the html</p>\n"
        "--alt\nContent-Type: text/plain\n\nthe plain text\n"
        "--alt--\n"
        "--outer\n"
        "Content-Type: text/plain; name=notes.txt\n"
        "Content-Disposition: attachment; filename=notes.txt\n\n"
        "an attached file\n"
        "--outer--\n";
    parse(s, text);
    assert_int_equal(s->n, 1);
    assert_string_equal(s->m[0].body, "the plain text");
    /* With only the attachment and HTML, the HTML is the text. */
    const char *html =
        "From: a@x.example\nDate: 1 Jun 2026 07:30:00 GMT\n"
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/mixed; boundary=\"b\"\n\n"
        "--b\nContent-Type: text/plain\n"
        "Content-Disposition: attachment; filename=a.txt\n\nattached\n"
        "--b\nContent-Type: text/html\n\n<p>the html</p>\n--b--\n";
    parse(s, html);
    assert_string_equal(s->m[1].body, "the html");
}

static void
test_mail_automated_senders_are_marked(void **state)
{
    seen *s = *state;
    const char *extra[] = {
        "List-Id: <news.lists.example>\n",
        "List-Unsubscribe: <mailto:leave@lists.example>\n",
        "Precedence: bulk\n",
        "Precedence: junk\n",
        "Auto-Submitted: auto-replied\n",
        "", /* a no-reply sender, below */
        "", /* notifications@ */
        "Auto-Submitted: no\n",
        "Precedence: first-class\n",
        "", /* an ordinary person */
    };
    const char *from[] = {"a@x.example",
                          "a@x.example",
                          "a@x.example",
                          "a@x.example",
                          "a@x.example",
                          "No Reply <no-reply@shop.example>",
                          "notifications@github.example",
                          "a@x.example",
                          "a@x.example",
                          "noah.reply@x.example"};
    bool want[] = {true, true, true,  true,  true,
                   true, true, false, false, false};
    for (size_t i = 0; i < 10; i++) {
        char text[512];
        snprintf(text, sizeof text,
                 "From: %s\nDate: 1 Jun 2026 07:30:00 GMT\n%s\nhi\n", from[i],
                 extra[i]);
        assert_int_equal(parse(s, text), RP_OK);
        assert_int_equal(s->n, i + 1);
        if (s->m[i].automated != want[i])
            fail_msg("message %zu: automated is %d", i, s->m[i].automated);
    }
}

static void
test_mail_lenient_addresses_are_kept(void **state)
{
    seen *s = *state;
    /* Enron's Exchange wrote local parts with two dots; GMime refuses
     * them, but they were real, deliverable addresses. */
    parse(s,
          "From: k..allen@enron.com\nDate: 1 Jun 2026 07:30:00 GMT\n"
          "To: a@x.example, \"Smith, Matt\" <matt..smith@enron.com>\n\nhi\n");
    assert_int_equal(s->n, 1);
    assert_string_equal(s->m[0].from.email, "k..allen@enron.com");
    assert_int_equal(s->m[0].nto, 2);
    assert_string_equal(s->m[0].to[1].email, "matt..smith@enron.com");
    assert_string_equal(s->m[0].to[1].name, "Smith, Matt");
}

static void
test_mail_malformed_message_is_reported(void **state)
{
    seen *s = *state;
    assert_int_equal(parse(s, "Subject: no sender\nDate: 1 Jun 2026 07:30:00 "
                              "GMT\n\nhi\n"),
                     RP_OK);
    assert_int_equal(parse(s, "From: a@x.example\nDate: someday\n\nhi\n"),
                     RP_OK);
    assert_int_equal(parse(s, ""), RP_OK);
    assert_int_equal(s->n, 0);
    assert_int_equal(s->nproblems, 3);
    assert_string_equal(s->problems[0].file, "eml:test.eml");
    assert_non_null(strstr(s->problems[0].why, "From"));
    assert_non_null(strstr(s->problems[1].why, "Date"));
}

/* The byte offset of needle in the file at path, or -1. */
static long
offset_in(const char *path, const char *needle)
{
    FILE *f = fopen(path, "rb");
    static char buf[1 << 16];
    assert_non_null(f);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *p = strstr(buf, needle);
    return p ? (long)(p - buf) : -1;
}

static void
test_mbox_reads_every_message_and_reports_the_bad_one(void **state)
{
    seen *s = *state;
    ingest_hooks h = {problem, progress, s};
    assert_int_equal(
        ingest_mail_path(DATA "/sample.mbox", collect, s, &h, NULL), RP_OK);
    /* Seven From_ lines, one with no headers after it. */
    assert_int_equal(s->n, 6);
    assert_int_equal(s->nproblems, 1);
    assert_string_equal(s->problems[0].file, DATA "/sample.mbox");
    assert_int_equal(s->problems[0].pos,
                     offset_in(DATA "/sample.mbox", "From broken@"));
    /* The messages after it were read too. */
    assert_string_equal(s->m[5].message_id, "lunch-3@northwind.example");
    assert_string_equal(s->m[5].thread, "lunch-1@northwind.example");
    assert_string_equal(s->m[1].thread, "lunch-1@northwind.example");
    assert_string_equal(s->m[0].source, "mbox:" DATA "/sample.mbox");
    /* mboxrd quoting is undone in the body. */
    assert_non_null(strstr(s->m[1].body, "\nFrom the harbour"));
    assert_null(strstr(s->m[1].body, ">From"));
    /* Progress ends at the whole file. */
    assert_true(s->progress_calls >= 6);
    assert_true(s->total > 0);
    assert_int_equal(s->done, s->total);
}

/* Raw bytes that GMime passes through (a bare CR in a header defeats its
 * fallback charsets) must still reach the book as UTF-8: one bad subject
 * in the store made `rapport export` fail as a whole. */
static void
test_mail_header_bytes_always_become_utf8(void **state)
{
    seen *s = *state;
    assert_int_equal(parse(s,
                           "Date: Tue, 9 Jun 2026 17:45:00 -0500\r\n"
                           "From: Carol \x93K\x94 <carol@x.example>\r\n"
                           "To: Sam <sam@me.example>\r\n"
                           "Message-ID: <id\xf6@x.example>\r\n"
                           "Subject: A question\r\xf6\xbc\x90\x88tent\r\n\r\n"
                           "body\r\n"),
                     RP_OK);
    assert_int_equal(s->n, 1);
    const ingest_message *m = &s->m[0];
    assert_true(g_utf8_validate(m->subject, -1, NULL));
    assert_non_null(strstr(m->subject, "A question"));
    assert_true(g_utf8_validate(m->message_id, -1, NULL));
    assert_true(g_utf8_validate(m->thread, -1, NULL));
    assert_true(g_utf8_validate(m->from.name, -1, NULL));
    assert_string_equal(m->from.email, "carol@x.example");
}

/* Writes text to a new temporary file; its name goes into path. */
static void
write_temp(char *path, const char *text)
{
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t n = strlen(text);
    assert_int_equal(write(fd, text, n), (ssize_t)n);
    close(fd);
}

/* A download cut short leaves a last From_ line with nothing after it
 * (not even its line end).  Reading it once used to restart the parser at
 * the top of the file, for ever. */
static void
test_mbox_truncated_last_from_line_is_reported_once(void **state)
{
    seen *s = *state;
    ingest_hooks h = {problem, progress, s};
    static const char *const texts[] = {
        /* a good message, then the cut */
        "From a@x Mon Jun 01 00:00:00 2026\nFrom: a@x.example\n"
        "Date: Mon, 1 Jun 2026 00:00:00 +0000\n\nbody\n\nFrom c@x Mon",
        /* a message without a sender, then the cut */
        "From a@x Mon Jun 01 00:00:00 2026\nSubject: x\n\nbody\n\n"
        "From c@x Mon Jun 01 00:00:00 2026",
    };
    for (size_t i = 0; i < 2; i++) {
        char path[] = "/tmp/rapport-test-mbox-XXXXXX";
        s->n = s->nproblems = 0;
        s->done = 0;
        write_temp(path, texts[i]);
        rp_code rc = ingest_mail_path(path, collect, s, &h, NULL);
        unlink(path);
        assert_int_equal(rc, RP_OK);
        assert_int_equal(s->n + s->nproblems, 2); /* once each */
        assert_int_equal(s->problems[s->nproblems - 1].pos,
                         (long)(strstr(texts[i], "From c@") - texts[i]));
        assert_string_equal(s->problems[s->nproblems - 1].why,
                            "no message headers after the From_ line");
    }
    assert_int_equal(s->nproblems, 2);
    assert_string_equal(s->problems[0].why, "message without a From address");
}

static void
test_maildir_reads_cur_new_and_subfolders_not_tmp(void **state)
{
    seen *s = *state;
    ingest_hooks h = {problem, progress, s};
    assert_int_equal(ingest_mail_path(DATA "/maildir/", collect, s, &h, NULL),
                     RP_OK);
    assert_int_equal(s->n, 4);
    assert_int_equal(s->nproblems, 0);
    size_t work = 0;
    for (size_t i = 0; i < s->n; i++) {
        assert_non_null(strstr(s->m[i].source, "maildir:" DATA "/maildir/"));
        assert_null(strstr(s->m[i].source, "/tmp/"));
        work += strstr(s->m[i].source, "/.Work/cur/") != NULL;
    }
    assert_int_equal(work, 1);
    assert_int_equal(s->done, s->total);
    assert_true(s->total > 0);
}

static void
test_single_eml_file_is_one_message(void **state)
{
    seen *s = *state;
    assert_int_equal(
        ingest_mail_path(DATA "/single.eml", collect, s, NULL, NULL), RP_OK);
    assert_int_equal(s->n, 1);
    assert_string_equal(s->m[0].from.email, "carol@x.example");
    assert_int_equal(s->m[0].date, utc(2026, 6, 9, 22, 45, 0));
    assert_string_equal(s->m[0].source, "eml:" DATA "/single.eml");
}

static void
test_callback_error_stops_the_parse(void **state)
{
    seen *s = *state;
    rp_err err = {0};
    s->fail_with = RP_ESTORE;
    assert_int_equal(
        ingest_mail_path(DATA "/sample.mbox", collect, s, NULL, &err),
        RP_ESTORE);
    assert_int_equal(ingest_mail_path(DATA "/maildir", collect, s, NULL, &err),
                     RP_ESTORE);
}

static void
test_missing_path_names_it(void **state)
{
    seen *s = *state;
    rp_err err = {0};
    assert_int_equal(
        ingest_mail_path(DATA "/nowhere.mbox", collect, s, NULL, &err), RP_EIO);
    assert_non_null(strstr(err.msg, "nowhere.mbox"));
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_mail_headers_become_fields),
        T(test_mail_date_is_utc_from_its_zone),
        T(test_mail_thread_is_first_reference),
        T(test_mail_without_message_id_gets_a_stable_one),
        T(test_mail_charsets_become_utf8),
        T(test_mail_html_only_body_becomes_text),
        T(test_mail_prefers_plain_part_and_skips_attachments),
        T(test_mail_automated_senders_are_marked),
        T(test_mail_lenient_addresses_are_kept),
        T(test_mail_malformed_message_is_reported),
        T(test_mbox_reads_every_message_and_reports_the_bad_one),
        T(test_mail_header_bytes_always_become_utf8),
        T(test_mbox_truncated_last_from_line_is_reported_once),
        T(test_maildir_reads_cur_new_and_subfolders_not_tmp),
        T(test_single_eml_file_is_one_message),
        T(test_callback_error_stops_the_parse),
        T(test_missing_path_names_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
