/*
 * sqlite_fold.c - the contact figures of a bulk load, gathered in memory.
 *
 * During a bulk load each new link adds to its person's counts and times
 * here; at the load's end every touched person's summary row is updated
 * once (sq_fold_flush).  Reading the load's links back out of the book to
 * do the same cost a random lookup per link: a sixth of a large import.
 */
#include "store/sqlite_ops.h"

#include <stdlib.h>
#include <string.h>

/* No time: the sentinel for a figure with nothing in it yet. */
#define NO_TIME INT64_MIN
/* An empty slot: person ids in the book are never this. */
#define NO_PERSON INT64_MIN

struct sq_fold {
    int64_t person_id;
    int64_t n_in, n_out;
    int64_t first_at, last_at, last_in_at, last_out_at;
};

static uint64_t
slot_of(int64_t id, size_t mask)
{
    uint64_t h = (uint64_t)id * 0x9e3779b97f4a7c15u; /* Fibonacci hashing */
    return (h ^ (h >> 32)) & mask; /* the well-mixed high half too */
}

static struct sq_fold *
find(struct sq_fold *t, size_t cap, int64_t id)
{
    size_t mask = cap - 1;
    for (uint64_t i = slot_of(id, mask);; i = (i + 1) & mask)
        if (t[i].person_id == id || t[i].person_id == NO_PERSON)
            return &t[i];
}

static void
clear_slots(struct sq_fold *t, size_t cap)
{
    for (size_t i = 0; i < cap; i++)
        t[i] = (struct sq_fold){NO_PERSON, 0,       0,      NO_TIME,
                                NO_TIME,   NO_TIME, NO_TIME};
}

static rp_code
grow(sq_store *s)
{
    size_t cap = s->fold_cap ? s->fold_cap * 2 : 1024;
    struct sq_fold *t = rp_malloc(cap * sizeof *t);
    if (!t)
        return RP_ENOMEM;
    clear_slots(t, cap);
    for (size_t i = 0; i < s->fold_cap; i++)
        if (s->fold[i].person_id != NO_PERSON)
            *find(t, cap, s->fold[i].person_id) = s->fold[i];
    rp_free(s->fold);
    s->fold = t;
    s->fold_cap = cap;
    return RP_OK;
}

static int64_t
min_time(int64_t a, int64_t b)
{
    return a == NO_TIME ? b : (b < a ? b : a);
}

static int64_t
max_time(int64_t a, int64_t b)
{
    return a == NO_TIME ? b : (b > a ? b : a);
}

rp_code
sq_fold_add(sq_store *s, int64_t person_id, bool in, int64_t at)
{
    if ((s->fold_n + 1) * 4 > s->fold_cap * 3 && grow(s))
        return RP_ENOMEM;
    struct sq_fold *f = find(s->fold, s->fold_cap, person_id);
    if (f->person_id == NO_PERSON) {
        f->person_id = person_id;
        s->fold_n++;
    }
    if (in) {
        f->n_in++;
        f->last_in_at = max_time(f->last_in_at, at);
    } else {
        f->n_out++;
        f->last_out_at = max_time(f->last_out_at, at);
    }
    f->first_at = min_time(f->first_at, at);
    f->last_at = max_time(f->last_at, at);
    return RP_OK;
}

static int
by_person(const void *a, const void *b)
{
    int64_t x = ((const struct sq_fold *)a)->person_id;
    int64_t y = ((const struct sq_fold *)b)->person_id;
    return (x > y) - (x < y);
}

static void
bind_time(sqlite3_stmt *q, int i, int64_t t)
{
    if (t == NO_TIME)
        sqlite3_bind_null(q, i);
    else
        sqlite3_bind_int64(q, i, t);
}

rp_code
sq_fold_flush(sq_store *s, rp_err *err)
{
    static const char sql[] =
        "INSERT INTO person_stats(person_id, n_in, n_out, first_at, last_at, "
        "last_in_at, last_out_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) "
        "ON CONFLICT(person_id) DO UPDATE SET "
        "n_in = n_in + excluded.n_in, n_out = n_out + excluded.n_out, "
        "first_at = min(coalesce(first_at, excluded.first_at), "
        "coalesce(excluded.first_at, first_at)), "
        "last_at = max(coalesce(last_at, excluded.last_at), "
        "coalesce(excluded.last_at, last_at)), "
        "last_in_at = max(coalesce(last_in_at, excluded.last_in_at), "
        "coalesce(excluded.last_in_at, last_in_at)), "
        "last_out_at = max(coalesce(last_out_at, excluded.last_out_at), "
        "coalesce(excluded.last_out_at, last_out_at))";
    rp_code rc = RP_OK;
    if (!s->fold_n)
        return RP_OK;
    /* Packed and sorted, the rows go into the summary table in key order. */
    size_t n = 0;
    for (size_t i = 0; i < s->fold_cap; i++)
        if (s->fold[i].person_id != NO_PERSON)
            s->fold[n++] = s->fold[i];
    qsort(s->fold, n, sizeof *s->fold, by_person);
    for (size_t i = 0; i < n && !rc; i++) {
        const struct sq_fold *f = &s->fold[i];
        sqlite3_stmt *q = sq_prep(s, sql, err);
        if (!q) {
            rc = RP_ESTORE;
            break;
        }
        sqlite3_bind_int64(q, 1, f->person_id);
        sqlite3_bind_int64(q, 2, f->n_in);
        sqlite3_bind_int64(q, 3, f->n_out);
        bind_time(q, 4, f->first_at);
        bind_time(q, 5, f->last_at);
        bind_time(q, 6, f->last_in_at);
        bind_time(q, 7, f->last_out_at);
        if (sqlite3_step(q) != SQLITE_DONE)
            rc = sq_fail(s, err, "cannot update a person's summary");
    }
    sq_fold_reset(s);
    return rc;
}

void
sq_fold_reset(sq_store *s)
{
    if (s->fold)
        clear_slots(s->fold, s->fold_cap);
    s->fold_n = 0;
}

void
sq_fold_free(sq_store *s)
{
    rp_free(s->fold);
    s->fold = NULL;
    s->fold_cap = s->fold_n = 0;
}
