/* Unit tests for core/intake: contacts, messages and events into a book. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/intake.h"

static const int64_t NOW = 1781524800; /* 2026-06-15T12:00:00Z */

typedef struct {
    char dir[64], path[96];
    store *st;
    rp_arena *a;
    intake *in;
} fixture;

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    strcpy(f->dir, "/tmp/rapport-intake-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
    assert_int_equal(store_open(f->path, STORE_CREATE, &f->st, NULL), RP_OK);
    f->a = rp_arena_new();
    const char *mine[] = {"sam@me.example", "sam.lee@work.example"};
    rp_person me = {.name = "Sam Lee", .is_me = true, .emails = {mine, 2}};
    assert_int_equal(f->st->ops->person_add(f->st, &me, NULL), RP_OK);
    rp_org o = {.name = "Northwind"};
    const char *domains[] = {"northwind.example"};
    o.domains = (rp_strs){domains, 1};
    assert_int_equal(f->st->ops->org_add(f->st, &o, NULL), RP_OK);
    assert_int_equal(intake_new(f->st, &f->in, NULL), RP_OK);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    char cmd[128];
    intake_free(f->in);
    store_close(f->st);
    rp_arena_free(f->a);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

static int64_t
people(fixture *f)
{
    rp_counts c;
    assert_int_equal(f->st->ops->counts(f->st, &c, NULL), RP_OK);
    return c.people;
}

static void
test_intake_contact_known_email_is_the_same_person(void **state)
{
    fixture *f = *state;
    const char *e1[] = {"Ada@Northwind.Example"};
    const char *tags[] = {"client"};
    intake_contact a = {.name = "Ada Byron",
                        .emails = e1,
                        .nemails = 1,
                        .org = "Northwind",
                        .title = "CTO"};
    assert_int_equal(intake_contact_add(f->in, &a, NULL), RP_OK);
    /* The same human from another address book: one more address, a
     * phone, a birthday, a tag; nothing overwritten. */
    const char *e2[] = {"ada@northwind.example", "ada@home.example"};
    const char *ph[] = {"+44 20 7946 0000"};
    intake_contact b = {.name = "A. Byron",
                        .emails = e2,
                        .nemails = 2,
                        .phones = ph,
                        .nphones = 1,
                        .title = "Chief",
                        .birthday = "1985-04-12",
                        .tags = tags,
                        .ntags = 1};
    assert_int_equal(intake_contact_add(f->in, &b, NULL), RP_OK);
    assert_int_equal(people(f), 2); /* the user and Ada */
    int64_t id;
    assert_int_equal(
        f->st->ops->person_by_email(f->st, "ada@home.example", &id, NULL),
        RP_OK);
    rp_person p;
    assert_int_equal(f->st->ops->person_get(f->st, f->a, id, &p, NULL), RP_OK);
    assert_string_equal(p.name, "Ada Byron");
    assert_string_equal(p.title, "CTO");
    assert_string_equal(p.org_name, "Northwind");
    assert_int_equal(p.emails.n, 2);
    assert_int_equal(p.ndates, 1);
    assert_int_equal(intake_stats_get(f->in)->people_updated, 1);
}

static void
test_intake_contact_matches_on_phone_digits(void **state)
{
    fixture *f = *state;
    const char *p1[] = {"+44 20 7946 0000"};
    intake_contact a = {.name = "Bo Chen", .phones = p1, .nphones = 1};
    assert_int_equal(intake_contact_add(f->in, &a, NULL), RP_OK);
    const char *p2[] = {"020 7946-0000"};
    const char *e[] = {"bo@x.example"};
    intake_contact b = {
        .name = "Bo", .phones = p2, .nphones = 1, .emails = e, .nemails = 1};
    assert_int_equal(intake_contact_add(f->in, &b, NULL), RP_OK);
    assert_int_equal(people(f), 2);
}

/* No email, no phone: the same name, org and notes is the same record
 * imported again; the same name alone is not. */
static void
test_intake_contact_without_address_is_known_by_all_it_says(void **state)
{
    fixture *f = *state;
    intake_contact a = {.name = "José García",
                        .org = "Acme",
                        .notes = "LinkedIn: https://example.com/in/jg"};
    assert_int_equal(intake_contact_add(f->in, &a, NULL), RP_OK);
    assert_int_equal(intake_contact_add(f->in, &a, NULL), RP_OK);
    assert_int_equal(people(f), 2);
    intake_contact other = a;
    other.org = "Globex";
    assert_int_equal(intake_contact_add(f->in, &other, NULL), RP_OK);
    intake_contact bare = {.name = "José García"};
    assert_int_equal(intake_contact_add(f->in, &bare, NULL), RP_OK);
    assert_int_equal(people(f), 4);
}

static void
test_intake_contact_without_name_or_email_is_skipped(void **state)
{
    fixture *f = *state;
    const char *bad[] = {"not an address"};
    intake_contact c = {.emails = bad, .nemails = 1};
    assert_int_equal(intake_contact_add(f->in, &c, NULL), RP_OK);
    assert_int_equal(people(f), 1);
    assert_int_equal(intake_stats_get(f->in)->skipped, 1);
}

static void
test_intake_message_direction_and_idempotence(void **state)
{
    fixture *f = *state;
    intake_addr to[] = {{"Ada Byron", "ada@northwind.example"},
                        {"Me Again", "SAM@me.example"}};
    intake_message m = {.message_id = "m1@x",
                        .subject = "hello",
                        .body = "Thanks so much, this was wonderful!",
                        .date = NOW - 86400,
                        .from = {"Sam", "sam.lee@work.example"},
                        .to = to,
                        .nto = 2,
                        .source = "eml:test"};
    assert_int_equal(intake_message_add(f->in, &m, NULL), RP_OK);
    intake_addr to2[] = {{NULL, "sam@me.example"}};
    intake_message r = {.message_id = "m2@x",
                        .thread = "m1@x",
                        .subject = "Re: hello",
                        .date = NOW,
                        .from = {"Ada Byron", "ada@northwind.example"},
                        .to = to2,
                        .nto = 1};
    assert_int_equal(intake_message_add(f->in, &r, NULL), RP_OK);
    /* Again: nothing new. */
    assert_int_equal(intake_message_add(f->in, &m, NULL), RP_OK);
    assert_int_equal(intake_message_add(f->in, &r, NULL), RP_OK);
    const intake_stats *s = intake_stats_get(f->in);
    assert_int_equal(s->interactions_added, 2);
    assert_int_equal(s->interactions_present, 2);
    assert_int_equal(s->people_created, 1);
    int64_t ada, mid;
    assert_int_equal(
        f->st->ops->person_by_email(f->st, "ada@northwind.example", &ada, NULL),
        RP_OK);
    rp_person p;
    assert_int_equal(f->st->ops->person_get(f->st, f->a, ada, &p, NULL), RP_OK);
    assert_string_equal(p.org_name, "Northwind"); /* from the domain */
    assert_int_equal(
        f->st->ops->interaction_by_external(f->st, "m1@x", &mid, NULL), RP_OK);
    rp_interaction x;
    assert_int_equal(f->st->ops->interaction_get(f->st, f->a, mid, &x, NULL),
                     RP_OK);
    assert_string_equal(x.dir, "out");
    assert_int_equal(x.npeople, 1); /* the user is never a participant */
    assert_true(x.has_sentiment && x.sentiment > 0.5);
    rp_stats st;
    assert_int_equal(f->st->ops->stats_get(f->st, ada, NOW, &st, NULL), RP_OK);
    assert_int_equal(st.n_in, 1);
    assert_int_equal(st.n_out, 1);
}

static void
test_intake_automated_mail_is_kept_but_not_contact(void **state)
{
    fixture *f = *state;
    intake_addr to[] = {{NULL, "sam@me.example"}};
    intake_addr cc[] = {{"Bob", "bob@friend.example"}};
    intake_message m = {.message_id = "news@x",
                        .subject = "Weekly digest",
                        .date = NOW,
                        .automated = true,
                        .from = {"News", "noreply@news.example"},
                        .to = to,
                        .nto = 1,
                        .cc = cc,
                        .ncc = 1};
    assert_int_equal(intake_message_add(f->in, &m, NULL), RP_OK);
    int64_t id;
    assert_int_equal(
        f->st->ops->person_by_email(f->st, "noreply@news.example", &id, NULL),
        RP_OK);
    rp_person p;
    assert_int_equal(f->st->ops->person_get(f->st, f->a, id, &p, NULL), RP_OK);
    assert_int_equal(p.tags.n, 1);
    assert_string_equal(p.tags.v[0], "automated");
    /* A person copied on it is not a machine. */
    int64_t bob;
    assert_int_equal(
        f->st->ops->person_by_email(f->st, "bob@friend.example", &bob, NULL),
        RP_OK);
    assert_int_equal(f->st->ops->person_get(f->st, f->a, bob, &p, NULL), RP_OK);
    assert_int_equal(p.tags.n, 0);
    rp_stats st;
    assert_int_equal(f->st->ops->stats_get(f->st, id, NOW, &st, NULL), RP_OK);
    assert_int_equal(st.n_in + st.n_out, 0);
}

static void
test_intake_message_without_id_is_still_idempotent(void **state)
{
    fixture *f = *state;
    intake_addr to[] = {{NULL, "sam@me.example"}};
    intake_message m = {.subject = "no id",
                        .date = NOW,
                        .from = {NULL, "ada@northwind.example"},
                        .to = to,
                        .nto = 1};
    assert_int_equal(intake_message_add(f->in, &m, NULL), RP_OK);
    assert_int_equal(intake_message_add(f->in, &m, NULL), RP_OK);
    assert_int_equal(intake_stats_get(f->in)->interactions_added, 1);
}

static void
test_intake_events_become_meetings(void **state)
{
    fixture *f = *state;
    intake_addr att[] = {{"Ada", "ada@northwind.example"},
                         {"Sam", "sam@me.example"},
                         {"Grace", "grace@x.example"}};
    intake_event e = {.uid = "ev1/2026-06-18T10:00:00Z",
                      .summary = "planning",
                      .start = NOW + 3 * 86400,
                      .organizer = {"Sam", "sam@me.example"},
                      .attendees = att,
                      .nattendees = 3};
    assert_int_equal(intake_event_add(f->in, &e, NULL), RP_OK);
    assert_int_equal(intake_event_add(f->in, &e, NULL), RP_OK);
    intake_event cancelled = e;
    cancelled.uid = "ev2";
    cancelled.cancelled = true;
    assert_int_equal(intake_event_add(f->in, &cancelled, NULL), RP_OK);
    rp_interaction *v;
    size_t n;
    assert_int_equal(f->st->ops->meetings_between(
                         f->st, f->a, NOW, NOW + 7 * 86400, &v, &n, NULL),
                     RP_OK);
    assert_int_equal(n, 1);
    assert_int_equal(v[0].npeople, 2);
    assert_string_equal(v[0].dir, "out");
    assert_int_equal(intake_stats_get(f->in)->skipped, 1);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_intake_contact_known_email_is_the_same_person),
        T(test_intake_contact_matches_on_phone_digits),
        T(test_intake_contact_without_address_is_known_by_all_it_says),
        T(test_intake_contact_without_name_or_email_is_skipped),
        T(test_intake_message_direction_and_idempotence),
        T(test_intake_automated_mail_is_kept_but_not_contact),
        T(test_intake_message_without_id_is_still_idempotent),
        T(test_intake_events_become_meetings),
    };
    return cmocka_run_group_tests_name("intake", tests, NULL, NULL);
}
