/* Unit tests for the store (SQLite backend) and the core that sits on it:
 * resolution, merge, statistics, search and the JSONL round trip. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "base/buf.h"
#include "core/people.h"
#include "core/transfer.h"
#include "store/store.h"

static const int64_t NOW = 1781524800; /* 2026-06-15T12:00:00Z */

typedef struct {
    char dir[64];
    char path[96];
    store *st;
    rp_arena *a;
} fixture;

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    strcpy(f->dir, "/tmp/rapport-test-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
    rp_err err = {0};
    assert_int_equal(store_open(f->path, STORE_CREATE, &f->st, &err), RP_OK);
    f->a = rp_arena_new();
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    char cmd[128];
    store_close(f->st);
    rp_arena_free(f->a);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

static int64_t
add_person(store *st, const char *name, const char *email)
{
    const char *emails[] = {email};
    rp_person p = {.name = name, .created_at = NOW};
    if (email) {
        p.emails.v = emails;
        p.emails.n = 1;
    }
    rp_err err = {0};
    assert_int_equal(st->ops->person_add(st, &p, &err), RP_OK);
    assert_true(p.id > 0);
    return p.id;
}

static int64_t
log_contact(store *st, int64_t pid, const char *dir, int64_t at,
            const char *summary)
{
    int64_t people[] = {pid};
    rp_interaction x = {.kind = "email",
                        .dir = dir,
                        .at = at,
                        .summary = summary,
                        .people = people,
                        .npeople = 1,
                        .created_at = at};
    rp_err err = {0};
    assert_int_equal(st->ops->interaction_add(st, &x, &err), RP_OK);
    return x.id;
}

static void
test_store_database_file_is_private(void **state)
{
    fixture *f = *state;
    struct stat sb;
    assert_int_equal(stat(f->path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
}

static void
test_store_missing_database_says_how_to_create(void **state)
{
    store *st = NULL;
    rp_err err = {0};
    assert_int_equal(store_open("/tmp/rapport-no-such-dir/x.db", 0, &st, &err),
                     RP_ENOTFOUND);
    assert_null(st);
    assert_non_null(strstr(err.msg, "rapport init"));
}

static void
test_store_rejects_a_file_that_is_not_a_database(void **state)
{
    fixture *f = *state;
    char path[128];
    snprintf(path, sizeof path, "%s/junk.db", f->dir);
    FILE *fp = fopen(path, "w");
    for (int i = 0; i < 4096; i++)
        fputc((i * 7919) & 0xff, fp);
    fclose(fp);
    store *st = NULL;
    rp_err err = {0};
    rp_code rc = store_open(path, 0, &st, &err);
    assert_int_not_equal(rc, RP_OK);
    assert_null(st);
    assert_non_null(strstr(err.msg, "junk.db"));
}

static void
test_store_person_round_trip_keeps_every_field(void **state)
{
    fixture *f = *state;
    const char *emails[] = {"ada@x.example", "ada@home.example"};
    const char *interests[] = {"sailing", "jazz piano"};
    const char *goals[] = {"hire a data team"};
    const char *tags[] = {"client"};
    rp_dated dates[] = {{"birthday", "--04-12"}};
    rp_org o = {.name = "Northwind", .created_at = NOW};
    rp_err err = {0};
    assert_int_equal(f->st->ops->org_add(f->st, &o, &err), RP_OK);
    rp_person p = {.name = "Ada Byron",
                   .org_id = o.id,
                   .title = "CTO",
                   .how_met = "PyCon",
                   .family = "two kids",
                   .tier = "active",
                   .cadence_days = 21,
                   .created_at = NOW,
                   .emails = {emails, 2},
                   .interests = {interests, 2},
                   .goals = {goals, 1},
                   .tags = {tags, 1},
                   .dates = dates,
                   .ndates = 1};
    assert_int_equal(f->st->ops->person_add(f->st, &p, &err), RP_OK);
    rp_person q;
    assert_int_equal(f->st->ops->person_get(f->st, f->a, p.id, &q, &err),
                     RP_OK);
    assert_string_equal(q.name, "Ada Byron");
    assert_string_equal(q.org_name, "Northwind");
    assert_string_equal(q.tier, "active");
    assert_int_equal(q.cadence_days, 21);
    assert_int_equal(q.emails.n, 2);
    assert_int_equal(q.interests.n, 2);
    assert_int_equal(q.ndates, 1);
    assert_string_equal(q.dates[0].date, "--04-12");
    assert_string_equal(q.dates[0].label, "birthday");
}

static void
test_store_duplicate_email_names_owner_and_changes_nothing(void **state)
{
    fixture *f = *state;
    add_person(f->st, "Ada Byron", "ada@x.example");
    const char *emails[] = {"new@x.example", "ADA@x.example"};
    rp_person p = {
        .name = "Impostor", .created_at = NOW, .emails = {emails, 2}};
    rp_err err = {0};
    rp_counts c;
    assert_int_equal(f->st->ops->person_add(f->st, &p, &err), RP_ECONFLICT);
    assert_non_null(strstr(err.msg, "Ada Byron"));
    assert_int_equal(f->st->ops->counts(f->st, &c, NULL), RP_OK);
    assert_int_equal(c.people, 1);
    int64_t id;
    assert_int_equal(
        f->st->ops->person_by_email(f->st, "new@x.example", &id, NULL),
        RP_ENOTFOUND);
}

static void
test_store_failed_write_inside_a_transaction_leaves_nothing(void **state)
{
    fixture *f = *state;
    rp_err err = {0};
    rp_counts c;
    add_person(f->st, "Ada Byron", "ada@x.example");
    assert_int_equal(f->st->ops->begin(f->st, &err), RP_OK);
    add_person(f->st, "Grace", "grace@x.example");
    /* The person row goes in before the email clashes: it must be undone
     * while the transaction, and Grace, carry on. */
    const char *emails[] = {"ada@x.example"};
    rp_person p = {
        .name = "Clash", .id = 77, .created_at = NOW, .emails = {emails, 1}};
    assert_int_equal(f->st->ops->person_add(f->st, &p, &err), RP_ECONFLICT);
    assert_int_equal(p.id, 77); /* the caller's id, as passed */
    rp_person q;
    assert_int_equal(f->st->ops->person_get(f->st, f->a, 77, &q, NULL),
                     RP_ENOTFOUND);
    assert_int_equal(f->st->ops->commit(f->st, &err), RP_OK);
    assert_int_equal(f->st->ops->counts(f->st, &c, NULL), RP_OK);
    assert_int_equal(c.people, 2);
    /* Adding with a taken id says so distinctly, and writes nothing. */
    rp_person dup = {.name = "Dup", .id = 1, .created_at = NOW};
    assert_int_equal(f->st->ops->person_add(f->st, &dup, &err), RP_EEXISTS);
}

static void
test_store_resolve_by_id_email_fragment_and_ambiguity(void **state)
{
    fixture *f = *state;
    int64_t ann = add_person(f->st, "Ann", "ann@x.example");
    int64_t joanna = add_person(f->st, "Joanna Smith", "jo@x.example");
    add_person(f->st, "Joan Baez", NULL);
    int64_t id;
    rp_err err = {0};
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)joanna);
    assert_int_equal(people_resolve(f->st, f->a, buf, &id, &err), RP_OK);
    assert_int_equal(id, joanna);
    assert_int_equal(people_resolve(f->st, f->a, "ANN@x.example", &id, &err),
                     RP_OK);
    assert_int_equal(id, ann);
    /* An exact name wins over the fragment it is part of. */
    assert_int_equal(people_resolve(f->st, f->a, "ann", &id, &err), RP_OK);
    assert_int_equal(id, ann);
    assert_int_equal(people_resolve(f->st, f->a, "smith", &id, &err), RP_OK);
    assert_int_equal(id, joanna);
    assert_int_equal(people_resolve(f->st, f->a, "joan", &id, &err),
                     RP_EAMBIGUOUS);
    assert_non_null(strstr(err.msg, "Joanna Smith"));
    assert_non_null(strstr(err.msg, "Joan Baez"));
    assert_int_equal(people_resolve(f->st, f->a, "nobody", &id, &err),
                     RP_ENOTFOUND);
    /* LIKE wildcards in a query are literal. */
    assert_int_equal(people_resolve(f->st, f->a, "%", &id, &err), RP_ENOTFOUND);
}

static void
test_store_stats_follow_every_logged_contact(void **state)
{
    fixture *f = *state;
    int64_t p = add_person(f->st, "Ada", "ada@x.example");
    rp_stats s;
    assert_int_equal(f->st->ops->stats_get(f->st, p, NOW, &s, NULL), RP_OK);
    assert_int_equal(s.n_in + s.n_out, 0);
    log_contact(f->st, p, "in", NOW - 50 * 86400, "first");
    int64_t last = log_contact(f->st, p, "out", NOW - 2 * 86400, "second");
    log_contact(f->st, p, "out", NOW + 5 * 86400, "future meeting");
    assert_int_equal(f->st->ops->stats_get(f->st, p, NOW, &s, NULL), RP_OK);
    assert_int_equal(s.n_in, 1);
    assert_int_equal(s.n_out, 1);
    assert_int_equal(s.last_at, NOW - 2 * 86400);
    assert_int_equal(s.last_in_at, NOW - 50 * 86400);
    /* Deleting the last contact moves the clock back. */
    assert_int_equal(f->st->ops->interaction_delete(f->st, last, NULL), RP_OK);
    assert_int_equal(f->st->ops->stats_get(f->st, p, NOW, &s, NULL), RP_OK);
    assert_int_equal(s.last_at, NOW - 50 * 86400);
}

static void
test_store_merge_loses_nothing(void **state)
{
    fixture *f = *state;
    rp_err err = {0};
    int64_t a = add_person(f->st, "Ada Byron", "ada@work.example");
    int64_t b = add_person(f->st, "A. Byron", "ada@home.example");
    log_contact(f->st, a, "in", NOW - 10 * 86400, "one");
    log_contact(f->st, b, "out", NOW - 5 * 86400, "two");
    rp_ledger e = {.person_id = b,
                   .type = "give",
                   .kind = "intro",
                   .text = "intro to Grace",
                   .at = NOW - 86400};
    assert_int_equal(f->st->ops->ledger_add(f->st, &e, &err), RP_OK);
    assert_int_equal(f->st->ops->person_merge(f->st, a, b, &err), RP_OK);
    rp_person p;
    assert_int_equal(f->st->ops->person_get(f->st, f->a, a, &p, &err), RP_OK);
    assert_int_equal(p.emails.n, 2);
    assert_int_equal(f->st->ops->person_get(f->st, f->a, b, &p, &err),
                     RP_ENOTFOUND);
    rp_interaction *v;
    size_t n;
    assert_int_equal(
        f->st->ops->interaction_list(f->st, f->a, a, 0, &v, &n, &err), RP_OK);
    assert_int_equal(n, 2);
    rp_ledger *l;
    assert_int_equal(
        f->st->ops->ledger_list(f->st, f->a, a, NULL, &l, &n, &err), RP_OK);
    assert_int_equal(n, 1);
    rp_stats s;
    assert_int_equal(f->st->ops->stats_get(f->st, a, NOW, &s, NULL), RP_OK);
    assert_int_equal(s.n_in + s.n_out, 2);
}

static void
test_store_search_finds_people_orgs_and_interactions(void **state)
{
    fixture *f = *state;
    const char *interests[] = {"sailing"};
    rp_person p = {
        .name = "Ada", .created_at = NOW, .interests = {interests, 1}};
    rp_err err = {0};
    assert_int_equal(f->st->ops->person_add(f->st, &p, &err), RP_OK);
    rp_org o = {.name = "Northwind Analytics", .created_at = NOW};
    assert_int_equal(f->st->ops->org_add(f->st, &o, &err), RP_OK);
    log_contact(f->st, p.id, "in", NOW, "quarterly budget review");
    rp_hit *h;
    size_t n;
    assert_int_equal(
        f->st->ops->search(f->st, f->a, "sailing", 10, &h, &n, &err), RP_OK);
    assert_int_equal(n, 1);
    assert_string_equal(h[0].kind, "person");
    assert_int_equal(h[0].id, p.id);
    assert_int_equal(
        f->st->ops->search(f->st, f->a, "northw", 10, &h, &n, &err), RP_OK);
    assert_int_equal(n, 1);
    assert_string_equal(h[0].kind, "org");
    assert_int_equal(
        f->st->ops->search(f->st, f->a, "budget", 10, &h, &n, &err), RP_OK);
    assert_int_equal(n, 1);
    assert_string_equal(h[0].kind, "interaction");
    /* Query syntax in user text is searched for, never executed. */
    assert_int_equal(
        f->st->ops->search(f->st, f->a, "\"budget OR NEAR(", 10, &h, &n, &err),
        RP_OK);
}

static rp_code
collect(void *ud, const char *line, size_t len)
{
    rp_buf *b = ud;
    rp_buf_add(b, line, len);
    return rp_buf_addc(b, '\n');
}

static void
test_store_jsonl_round_trip_is_lossless(void **state)
{
    fixture *f = *state;
    rp_err err = {0};
    int64_t a = add_person(f->st, "Ada", "ada@x.example");
    int64_t b = add_person(f->st, "Grace", "grace@x.example");
    int64_t people[] = {a, b};
    rp_interaction x = {.kind = "meeting",
                        .dir = "out",
                        .at = NOW,
                        .summary = "lunch",
                        .body = "line1\nline2 \"quoted\"",
                        .people = people,
                        .npeople = 2,
                        .created_at = NOW,
                        .has_sentiment = true,
                        .sentiment = 0.5};
    assert_int_equal(f->st->ops->interaction_add(f->st, &x, &err), RP_OK);
    rp_offering off = {.name = "Workshop", .conviction = 4, .created_at = NOW};
    assert_int_equal(f->st->ops->offering_add(f->st, &off, &err), RP_OK);
    rp_ledger e = {.person_id = a,
                   .type = "ask",
                   .text = "buy it",
                   .at = NOW,
                   .offering_id = off.id,
                   .outcome = "pending"};
    assert_int_equal(f->st->ops->ledger_add(f->st, &e, &err), RP_OK);
    rp_commitment c = {.person_id = b,
                       .dir = "theirs",
                       .text = "send deck",
                       .due = NOW + 86400,
                       .created_at = NOW};
    assert_int_equal(f->st->ops->commitment_add(f->st, &c, &err), RP_OK);

    rp_buf out1 = RP_BUF_INIT, out2 = RP_BUF_INIT;
    assert_int_equal(transfer_export(f->st, collect, &out1, &err), RP_OK);

    char path[128], copy[128];
    snprintf(path, sizeof path, "%s/export.jsonl", f->dir);
    snprintf(copy, sizeof copy, "%s/copy.db", f->dir);
    FILE *fp = fopen(path, "w");
    fwrite(out1.buf, 1, out1.len, fp);
    fclose(fp);
    store *st2;
    transfer_stats s;
    assert_int_equal(store_open(copy, STORE_CREATE, &st2, &err), RP_OK);
    fp = fopen(path, "r");
    assert_int_equal(transfer_import(st2, fp, path, NULL, NULL, &s, &err),
                     RP_OK);
    assert_int_equal(s.people, 2);
    assert_int_equal(s.interactions, 1);
    /* The same file again adds nothing. */
    rewind(fp);
    assert_int_equal(transfer_import(st2, fp, path, NULL, NULL, &s, &err),
                     RP_OK);
    assert_int_equal(s.added, 0);
    assert_true(s.skipped >= 6);
    fclose(fp);
    assert_int_equal(transfer_export(st2, collect, &out2, &err), RP_OK);
    assert_string_equal(out1.buf, out2.buf);
    store_close(st2);
    rp_buf_release(&out1);
    rp_buf_release(&out2);
}

/* A bulk load into a book that already has interactions indexes and
 * counts only the new ones; it used to mark rows 1, 2, 3... instead of the
 * new ids, so the index step failed on rows already indexed. */
static void
test_store_second_bulk_load_is_indexed(void **state)
{
    fixture *f = *state;
    int64_t ada = add_person(f->st, "Ada", "ada@x.example");
    const char *words[] = {"harbour", "lighthouse"};
    for (int batch = 0; batch < 2; batch++) {
        assert_int_equal(f->st->ops->begin(f->st, NULL), RP_OK);
        assert_int_equal(f->st->ops->bulk_begin(f->st, NULL), RP_OK);
        for (int i = 0; i < 3; i++) {
            rp_interaction x = {.kind = "email",
                                .dir = "in",
                                .at = NOW - 86400 * (10 - batch * 3 - i),
                                .summary = words[batch],
                                .body = "hello",
                                .people = &ada,
                                .npeople = 1,
                                .created_at = NOW};
            assert_int_equal(f->st->ops->interaction_add(f->st, &x, NULL),
                             RP_OK);
        }
        rp_err err = {0};
        assert_int_equal(f->st->ops->bulk_end(f->st, &err), RP_OK);
        assert_int_equal(f->st->ops->commit(f->st, NULL), RP_OK);
    }
    rp_hit *hits;
    size_t n;
    assert_int_equal(
        f->st->ops->search(f->st, f->a, "lighthouse", 10, &hits, &n, NULL),
        RP_OK);
    assert_int_equal(n, 3);
    rp_stats st;
    assert_int_equal(f->st->ops->stats_get(f->st, ada, NOW, &st, NULL), RP_OK);
    assert_int_equal(st.n_in, 6);
}

/* A load into an empty book runs with foreign keys off and checks them at
 * its end: a link to a missing person fails the load there, and once the
 * transaction is over the keys are enforced again. */
static void
test_store_empty_bulk_load_checks_keys_at_its_end(void **state)
{
    fixture *f = *state;
    int64_t ada = add_person(f->st, "Ada", "ada@x.example");
    int64_t who[] = {ada, ada, 999};
    rp_err err = {0};
    for (int round = 0; round < 2; round++) {
        assert_int_equal(f->st->ops->begin(f->st, NULL), RP_OK);
        assert_int_equal(f->st->ops->bulk_begin(f->st, NULL), RP_OK);
        /* Round 0 names a missing person, round 1 only Ada (twice). */
        rp_interaction x = {.kind = "call",
                            .dir = "out",
                            .at = NOW - 86400,
                            .summary = "catch-up",
                            .people = who,
                            .npeople = round ? 2 : 3,
                            .created_at = NOW};
        assert_int_equal(f->st->ops->interaction_add(f->st, &x, NULL), RP_OK);
        rp_code rc = f->st->ops->bulk_end(f->st, &err);
        if (round == 0) {
            assert_int_equal(rc, RP_ENOTFOUND);
            assert_non_null(strstr(err.msg, "no person with id 999"));
            f->st->ops->rollback(f->st);
        } else {
            assert_int_equal(rc, RP_OK);
            assert_int_equal(f->st->ops->commit(f->st, NULL), RP_OK);
        }
    }
    rp_counts c;
    assert_int_equal(f->st->ops->counts(f->st, &c, NULL), RP_OK);
    assert_int_equal(c.interactions, 1);
    rp_stats st;
    assert_int_equal(f->st->ops->stats_get(f->st, ada, NOW, &st, NULL), RP_OK);
    assert_int_equal(st.n_out, 1); /* named twice, one contact */
    rp_ledger e = {.person_id = 999,
                   .type = "give",
                   .kind = "intro",
                   .text = "x",
                   .at = NOW};
    assert_int_equal(f->st->ops->ledger_add(f->st, &e, &err), RP_ENOTFOUND);
}

/* A load into an empty book holds interactions and writes them many at a
 * time; ids it assigns, ids given out of order and a taken id behave as
 * one row at a time would. */
static void
test_store_empty_bulk_load_holds_rows_without_changing_results(void **state)
{
    fixture *f = *state;
    int64_t ada = add_person(f->st, "Ada", "ada@x.example");
    struct {
        int64_t id;
        const char *summary;
        rp_code rc;
        int64_t want_id;
    } steps[] = {
        {0, "first", RP_OK, 1},        /* assigned */
        {10, "tenth", RP_OK, 10},      /* above every id so far: held */
        {0, "eleventh", RP_OK, 11},    /* assigned after the highest */
        {5, "fifth", RP_OK, 5},        /* below: written on its own */
        {10, "again", RP_EEXISTS, 10}, /* taken by a held row */
    };
    rp_err err = {0};
    assert_int_equal(f->st->ops->begin(f->st, NULL), RP_OK);
    assert_int_equal(f->st->ops->bulk_begin(f->st, NULL), RP_OK);
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        rp_interaction x = {.id = steps[i].id,
                            .kind = "email",
                            .dir = "in",
                            .at = NOW - 86400 * (int64_t)(10 - i),
                            .summary = steps[i].summary,
                            .people = &ada,
                            .npeople = 1,
                            .created_at = NOW};
        assert_int_equal(f->st->ops->interaction_add(f->st, &x, &err),
                         steps[i].rc);
        assert_int_equal(x.id, steps[i].want_id);
    }
    /* Read back in the middle of the load: held rows come with their
     * people. */
    rp_interaction mid;
    assert_int_equal(f->st->ops->interaction_get(f->st, f->a, 11, &mid, NULL),
                     RP_OK);
    assert_string_equal(mid.summary, "eleventh");
    assert_int_equal(mid.npeople, 1);
    assert_int_equal(f->st->ops->bulk_end(f->st, &err), RP_OK);
    assert_int_equal(f->st->ops->commit(f->st, NULL), RP_OK);
    for (size_t i = 0; i < 4; i++) {
        rp_interaction got;
        assert_int_equal(f->st->ops->interaction_get(
                             f->st, f->a, steps[i].want_id, &got, NULL),
                         RP_OK);
        assert_string_equal(got.summary, steps[i].summary);
        assert_int_equal(got.npeople, 1);
    }
    rp_counts c;
    assert_int_equal(f->st->ops->counts(f->st, &c, NULL), RP_OK);
    assert_int_equal(c.interactions, 4);
    rp_stats st;
    assert_int_equal(f->st->ops->stats_get(f->st, ada, NOW, &st, NULL), RP_OK);
    assert_int_equal(st.n_in, 4);
    rp_hit *hits;
    size_t n;
    assert_int_equal(
        f->st->ops->search(f->st, f->a, "eleventh", 10, &hits, &n, NULL),
        RP_OK);
    assert_int_equal(n, 1);
}

/* More rows than one statement holds: every row and link arrives. */
static void
test_store_empty_bulk_load_writes_full_statements(void **state)
{
    fixture *f = *state;
    int64_t who[2] = {add_person(f->st, "Ada", "ada@x.example"),
                      add_person(f->st, "Bo", "bo@x.example")};
    char text[32];
    rp_err err = {0};
    assert_int_equal(f->st->ops->begin(f->st, NULL), RP_OK);
    assert_int_equal(f->st->ops->bulk_begin(f->st, NULL), RP_OK);
    for (int i = 0; i < 300; i++) {
        snprintf(text, sizeof text, "note number %d", i);
        rp_interaction x = {.kind = "call",
                            .dir = i % 3 ? "out" : "in",
                            .at = NOW - 3600 * (300 - i),
                            .summary = text,
                            .people = who,
                            .npeople = 1 + i % 2,
                            .created_at = NOW};
        assert_int_equal(f->st->ops->interaction_add(f->st, &x, &err), RP_OK);
        assert_int_equal(x.id, i + 1);
    }
    assert_int_equal(f->st->ops->bulk_end(f->st, &err), RP_OK);
    assert_int_equal(f->st->ops->commit(f->st, NULL), RP_OK);
    rp_interaction got;
    assert_int_equal(f->st->ops->interaction_get(f->st, f->a, 200, &got, NULL),
                     RP_OK);
    assert_string_equal(got.summary, "note number 199");
    assert_string_equal(got.dir, "out");
    assert_int_equal(got.npeople, 2);
    rp_stats st;
    assert_int_equal(f->st->ops->stats_get(f->st, who[0], NOW, &st, NULL),
                     RP_OK);
    assert_int_equal(st.n_in + st.n_out, 300);
    assert_int_equal(f->st->ops->stats_get(f->st, who[1], NOW, &st, NULL),
                     RP_OK);
    assert_int_equal(st.n_in + st.n_out, 150);
}

static void
test_store_bad_jsonl_line_leaves_database_unchanged(void **state)
{
    fixture *f = *state;
    add_person(f->st, "Existing", "e@x.example");
    const char *text =
        "{\"type\":\"person\",\"id\":50,\"name\":\"New One\"}\n"
        "{\"type\":\"interaction\",\"id\":9,\"kind\":\"email\",\"dir\":"
        "\"in\",\"at\":\"2026-06-01T00:00:00Z\",\"people\":[50]}\n"
        "{\"type\":\"ledger\",\"person_id\":50,\"entry\":\"give\","
        "\"kind\":\"bribe\",\"text\":\"x\",\"at\":\"2026-06-01T00:00:00Z\"}\n";
    FILE *fp = fmemopen((void *)text, strlen(text), "r");
    transfer_stats s;
    rp_err err = {0};
    rp_counts c;
    assert_int_equal(
        transfer_import(f->st, fp, "book.jsonl", NULL, NULL, &s, &err),
        RP_EINVAL);
    fclose(fp);
    assert_non_null(strstr(err.msg, "book.jsonl:3"));
    assert_non_null(strstr(err.msg, "'kind'"));
    assert_int_equal(f->st->ops->counts(f->st, &c, NULL), RP_OK);
    assert_int_equal(c.people, 1);
    assert_int_equal(c.interactions, 0);
    /* The store is usable afterwards. */
    add_person(f->st, "After", "after@x.example");
}

static void
test_store_import_survives_allocation_failures(void **state)
{
    fixture *f = *state;
    const char *text =
        "{\"type\":\"person\",\"id\":5,\"name\":\"Ada\",\"emails\":"
        "[\"a@x.example\"],\"interests\":[\"sailing\"]}\n"
        "{\"type\":\"interaction\",\"id\":3,\"kind\":\"email\",\"dir\":"
        "\"in\",\"at\":\"2026-06-01T00:00:00Z\",\"people\":[5]}\n";
    /* Fail the n-th allocation for n = 1, 2, ... until the import runs
     * clean; after every failure the database must be empty again.  JSON
     * parsing allocates through rp_malloc too, so its failures count. */
    long failures = 0;
    json_set_alloc_funcs(rp_malloc, rp_free);
    for (long n = 1; n < 400; n++) {
        FILE *fp = fmemopen((void *)text, strlen(text), "r");
        transfer_stats s;
        rp_err err = {0};
        rp_counts c;
        rp_malloc_fail_at(n, n % 2 == 0);
        rp_code rc =
            transfer_import(f->st, fp, "m.jsonl", NULL, NULL, &s, &err);
        rp_malloc_fail_at(0, false);
        fclose(fp);
        assert_int_equal(f->st->ops->counts(f->st, &c, NULL), RP_OK);
        if (rc == RP_OK) {
            assert_int_equal(c.people, 1);
            assert_int_equal(c.interactions, 1);
            assert_true(failures > 5);
            json_set_alloc_funcs(malloc, free);
            return;
        }
        failures++;
        assert_true(err.msg[0] != '\0');
        assert_int_equal(c.people, 0);
        assert_int_equal(c.interactions, 0);
    }
    fail_msg("import never succeeded");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_store_database_file_is_private,
                                        setup, teardown),
        cmocka_unit_test(test_store_missing_database_says_how_to_create),
        cmocka_unit_test_setup_teardown(
            test_store_rejects_a_file_that_is_not_a_database, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_store_person_round_trip_keeps_every_field, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_store_duplicate_email_names_owner_and_changes_nothing, setup,
            teardown),
        cmocka_unit_test_setup_teardown(
            test_store_failed_write_inside_a_transaction_leaves_nothing, setup,
            teardown),
        cmocka_unit_test_setup_teardown(
            test_store_resolve_by_id_email_fragment_and_ambiguity, setup,
            teardown),
        cmocka_unit_test_setup_teardown(
            test_store_stats_follow_every_logged_contact, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_store_empty_bulk_load_checks_keys_at_its_end, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_store_empty_bulk_load_holds_rows_without_changing_results,
            setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_store_empty_bulk_load_writes_full_statements, setup, teardown),
        cmocka_unit_test_setup_teardown(test_store_second_bulk_load_is_indexed,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_store_merge_loses_nothing, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_store_search_finds_people_orgs_and_interactions, setup,
            teardown),
        cmocka_unit_test_setup_teardown(test_store_jsonl_round_trip_is_lossless,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_store_bad_jsonl_line_leaves_database_unchanged, setup,
            teardown),
        cmocka_unit_test_setup_teardown(
            test_store_import_survives_allocation_failures, setup, teardown),
    };
    return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
