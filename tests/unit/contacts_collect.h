/*
 * contacts_collect.h - for the contact parser tests: a callback that
 * copies every ingest_contact it is handed, and hooks that record each
 * problem, so a test can look at them after the parse.
 */
#ifndef RP_TEST_CONTACTS_COLLECT_H
#define RP_TEST_CONTACTS_COLLECT_H

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "ingest/records.h"

enum { COLLECT_MAX = 64 };

typedef struct {
    rp_arena *a;
    ingest_contact c[COLLECT_MAX];
    size_t n;
    long problem_at[COLLECT_MAX];
    const char *problem_why[COLLECT_MAX];
    const char *problem_file[COLLECT_MAX];
    size_t nproblems;
    uint64_t progress_done, progress_total;
    size_t progress_calls;
    rp_code fail_with; /* returned by the callback when set */
} collect;

static const char **
collect_strs(rp_arena *a, const char **v, size_t n)
{
    const char **out = rp_arena_alloc(a, (n + 1) * sizeof *out);
    for (size_t i = 0; i < n; i++)
        out[i] = rp_arena_strdup(a, v[i]);
    return out;
}

static rp_code
collect_contact(void *ud, const ingest_contact *k)
{
    collect *c = ud;
    if (c->fail_with)
        return c->fail_with;
    if (c->n == COLLECT_MAX)
        return RP_OK;
    ingest_contact *o = &c->c[c->n++];
    rp_arena *a = c->a;
    o->name = rp_arena_strdup(a, k->name);
    o->emails = collect_strs(a, k->emails, k->nemails);
    o->nemails = k->nemails;
    o->phones = collect_strs(a, k->phones, k->nphones);
    o->nphones = k->nphones;
    o->tags = collect_strs(a, k->tags, k->ntags);
    o->ntags = k->ntags;
    o->org = rp_arena_strdup(a, k->org);
    o->title = rp_arena_strdup(a, k->title);
    o->birthday = rp_arena_strdup(a, k->birthday);
    o->notes = rp_arena_strdup(a, k->notes);
    o->how_met = rp_arena_strdup(a, k->how_met);
    return RP_OK;
}

static void
collect_problem(void *ud, const char *file, long pos, const char *why)
{
    collect *c = ud;
    if (c->nproblems == COLLECT_MAX)
        return;
    c->problem_at[c->nproblems] = pos;
    c->problem_file[c->nproblems] = rp_arena_strdup(c->a, file);
    c->problem_why[c->nproblems++] = rp_arena_strdup(c->a, why);
}

static void
collect_progress(void *ud, uint64_t done, uint64_t total)
{
    collect *c = ud;
    c->progress_done = done;
    c->progress_total = total;
    c->progress_calls++;
}

/* The contact named name, or NULL. */
static const ingest_contact *
collect_find(const collect *c, const char *name)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->c[i].name && !strcmp(c->c[i].name, name))
            return &c->c[i];
    return NULL;
}

/* cmocka setup and teardown: a fresh collector with its own arena. */
static int
collect_setup(void **state)
{
    collect *c = calloc(1, sizeof *c);
    if (!c || !(c->a = rp_arena_new())) {
        free(c);
        return -1;
    }
    *state = c;
    return 0;
}

static int
collect_teardown(void **state)
{
    collect *c = *state;
    rp_arena_free(c->a);
    free(c);
    return 0;
}

#endif
