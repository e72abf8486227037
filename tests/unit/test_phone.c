/* Unit tests for base/phone (E.164 parts of a phone as written) and for
 * how the store and intake match people on them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/phone.h"
#include "core/intake.h"
#include "store/store.h"

extern const char *const store_migrations[];

static void
test_phone_parse_forms(void **state)
{
    (void)state;
    static const struct {
        const char *text, *region, *cc, *nsn; /* nsn NULL: not a number */
    } cases[] = {
        {"+44 20 7946 0000", NULL, "44", "2079460000"},
        {"0044 20 7946 0000", NULL, "44", "2079460000"},
        {"+44 (0)20 7946 0000", NULL, "44", "2079460000"},
        {"020 7946 0000", NULL, "", "2079460000"},
        {"020 7946 0000", "44", "44", "2079460000"},
        {"020 7946 0000", "+44", "44", "2079460000"},
        {"(415) 555-0100", "1", "1", "4155550100"},
        {"1 415 555 0100", "1", "1", "4155550100"},
        {"1 415 555 0100", NULL, "", "14155550100"},
        {"011 44 20 7946 0000", "1", "44", "2079460000"},
        {"+1-202-555-0147", NULL, "1", "2025550147"},
        {"tel:+41-44-668-1800", NULL, "41", "446681800"},
        {"+358 9 1234567", NULL, "358", "91234567"},
        {"+39 06 6982 1234", NULL, "39", "0669821234"}, /* keeps its 0 */
        {"06 6982 1234", "39", "39", "0669821234"},
        {"+7 495 123-45-67", NULL, "7", "4951234567"},
        {"+44 20 7946 0000 ext. 12", NULL, "44", "2079460000"},
        {"555-0100 x12", NULL, "", "5550100"}, /* seven digits will do */
        {"112", NULL, NULL, NULL},
        {"", NULL, NULL, NULL},
        {"call me", NULL, NULL, NULL},
        {"+44", NULL, NULL, NULL},
        {"12345678901234567890123", NULL, NULL, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        rp_phone ph;
        bool ok = rp_phone_parse(cases[i].text, cases[i].region, &ph);
        if (!cases[i].nsn) {
            assert_false(ok);
            continue;
        }
        assert_true(ok);
        assert_string_equal(ph.cc, cases[i].cc);
        assert_string_equal(ph.nsn, cases[i].nsn);
    }
}

static void
test_phone_region_from_own_number(void **state)
{
    (void)state;
    char cc[4];
    assert_true(rp_phone_region("+44 7700 900123", cc, sizeof cc));
    assert_string_equal(cc, "44");
    assert_true(rp_phone_region("00353 1 234 5678", cc, sizeof cc));
    assert_string_equal(cc, "353");
    assert_false(rp_phone_region("07700 900123", cc, sizeof cc));
    assert_true(rp_phone_valid_region("44"));
    assert_true(rp_phone_valid_region("+1"));
    assert_false(rp_phone_valid_region("UK"));
    assert_false(rp_phone_valid_region("4444"));
    assert_false(rp_phone_valid_region(""));
}

typedef struct {
    char dir[64], path[96];
    store *st;
} fixture;

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    strcpy(f->dir, "/tmp/rapport-phone-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    char cmd[128];
    store_close(f->st);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

static int64_t
add(store *st, const char *name, const char *phone)
{
    const char *ph[] = {phone};
    rp_person p = {.name = name, .phones = {ph, 1}};
    assert_int_equal(st->ops->person_add(st, &p, NULL), RP_OK);
    return p.id;
}

static int64_t
find(store *st, const char *phone, const char *region)
{
    int64_t id = 0;
    if (st->ops->person_by_phone(st, phone, region, &id, NULL) != RP_OK)
        return 0;
    return id;
}

static void
test_phone_store_matches_one_number_in_many_forms(void **state)
{
    fixture *f = *state;
    assert_int_equal(store_open(f->path, STORE_CREATE, &f->st, NULL), RP_OK);
    store *st = f->st;
    int64_t uk = add(st, "Ada", "+44 20 7946 0000");
    int64_t local = add(st, "Bo", "020 7946 1111"); /* written nationally */
    int64_t us = add(st, "Cy", "(415) 555-0100");
    /* Explicit country codes meet whatever the region. */
    assert_int_equal(find(st, "0044 (0)20 7946-0000", NULL), uk);
    assert_int_equal(find(st, "020 7946 0000", "44"), uk);
    assert_int_equal(find(st, "020 7946 0000", NULL), uk);
    /* The same digits in another country are someone else. */
    assert_int_equal(find(st, "+33 20 7946 0000", NULL), 0);
    assert_int_equal(find(st, "020 7946 0000", "33"), 0);
    /* A stored national number takes the region when looked up. */
    assert_int_equal(find(st, "+44 20 7946 1111", "44"), local);
    assert_int_equal(find(st, "+44 20 7946 1111", NULL), local);
    assert_int_equal(find(st, "+33 20 7946 1111", "44"), 0);
    /* North America: the trunk 1 and the bare ten digits. */
    assert_int_equal(find(st, "+1 415 555 0100", "1"), us);
    assert_int_equal(find(st, "1-415-555-0100", "1"), us);
    assert_int_equal(find(st, "+1 415 555 0100", "44"), 0);
    /* Numbers that merely end alike do not meet. */
    assert_int_equal(find(st, "+44 30 7946 0000", NULL), 0);
    assert_int_equal(find(st, "123", NULL), 0);
}

static void
test_phone_nanp_number_written_with_its_1(void **state)
{
    fixture *f = *state;
    assert_int_equal(store_open(f->path, STORE_CREATE, &f->st, NULL), RP_OK);
    int64_t id = add(f->st, "Di", "1 (212) 555-0199");
    assert_int_equal(find(f->st, "+1 212 555 0199", "1"), id);
    assert_int_equal(find(f->st, "212 555 0199", "1"), id);
    assert_int_equal(find(f->st, "+1 212 555 0199", "44"), 0);
}

/* A book made before phone keys existed gains them when opened, so its
 * phones match like new ones. */
static void
test_phone_keys_added_to_an_older_book(void **state)
{
    fixture *f = *state;
    sqlite3 *db;
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, store_migrations[0], 0, 0, 0), 0);
    assert_int_equal(sqlite3_exec(db, store_migrations[1], 0, 0, 0), 0);
    assert_int_equal(
        sqlite3_exec(db,
                     "PRAGMA user_version = 2;"
                     "INSERT INTO person(id, name, created_at) "
                     "VALUES(7, 'Old Friend', 0);"
                     "INSERT INTO person_item(person_id, kind, value) "
                     "VALUES(7, 'phone', '+49 30 1234567'),"
                     "(7, 'email', 'old@x.example');",
                     0, 0, 0),
        SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(store_open(f->path, 0, &f->st, NULL), RP_OK);
    assert_int_equal(find(f->st, "030 1234567", "49"), 7);
    assert_int_equal(find(f->st, "0049 30 1234567", NULL), 7);
}

/* Intake takes the default region from the user's own phone first. */
static void
test_phone_intake_region_from_me_then_fallback(void **state)
{
    fixture *f = *state;
    assert_int_equal(store_open(f->path, STORE_CREATE, &f->st, NULL), RP_OK);
    store *st = f->st;
    intake *in;
    assert_int_equal(intake_new(st, &in, NULL), RP_OK);
    intake_set_region(in, "+33");
    assert_string_equal(intake_region(in), "33");
    intake_set_region(in, "France");
    assert_string_equal(intake_region(in), "33");
    intake_free(in);
    const char *mine[] = {"+44 7700 900123"};
    rp_person me = {.name = "Me", .is_me = true, .phones = {mine, 1}};
    assert_int_equal(st->ops->person_add(st, &me, NULL), RP_OK);
    assert_int_equal(intake_new(st, &in, NULL), RP_OK);
    intake_set_region(in, "33");
    assert_string_equal(intake_region(in), "44");
    /* Then a national number in a contact meets its international form. */
    const char *p1[] = {"+44 20 7946 0000"}, *p2[] = {"020 7946 0000"};
    intake_contact a = {.name = "Ada", .phones = p1, .nphones = 1};
    intake_contact b = {.name = "Ada B.", .phones = p2, .nphones = 1};
    assert_int_equal(intake_contact_add(in, &a, NULL), RP_OK);
    assert_int_equal(intake_contact_add(in, &b, NULL), RP_OK);
    assert_int_equal(intake_stats_get(in)->people_created, 1);
    /* And the person keeps one copy of the number, as first written. */
    int64_t id = find(st, "+44 20 7946 0000", NULL);
    rp_arena *ar = rp_arena_new();
    rp_person p;
    assert_int_equal(st->ops->person_get(st, ar, id, &p, NULL), RP_OK);
    assert_int_equal(p.phones.n, 1);
    assert_string_equal(p.phones.v[0], "+44 20 7946 0000");
    rp_arena_free(ar);
    intake_free(in);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_phone_parse_forms),
        cmocka_unit_test(test_phone_region_from_own_number),
        T(test_phone_store_matches_one_number_in_many_forms),
        T(test_phone_nanp_number_written_with_its_1),
        T(test_phone_keys_added_to_an_older_book),
        T(test_phone_intake_region_from_me_then_fallback),
    };
    return cmocka_run_group_tests_name("phone", tests, NULL, NULL);
}
