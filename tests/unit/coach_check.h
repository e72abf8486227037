/*
 * coach_check.h - for the coach's unit tests: run the coach on a text by
 * its word lists alone, and look up its flags, positives and spans.
 * Include after cmocka.h.
 */
#ifndef RP_TEST_COACH_CHECK_H
#define RP_TEST_COACH_CHECK_H

#include <stdbool.h>
#include <string.h>

#include "nlp/coach.h"

/* Checks text (NUL-terminated) with ctx by the word lists alone (the
 * learned model, on by default, has its own tests in test_coach_model.c);
 * fails the test on an error. */
static inline void
check(const char *text, const nlp_coach_context *ctx, nlp_coach_report *r)
{
    rp_err err = {0};
    const nlp_coach_options rules = {.model = false};
    assert_int_equal(
        nlp_coach_check_opts(text, strlen(text), ctx, &rules, r, &err), RP_OK);
}

/* The first flag of category cat (and group, unless NULL), or NULL. */
static inline const nlp_coach_flag *
flag_of(const nlp_coach_report *r, nlp_coach_cat cat, const char *group)
{
    for (size_t i = 0; i < r->nflags; i++)
        if (r->flags[i].cat == cat &&
            (!group || !strcmp(r->flags[i].group, group)))
            return &r->flags[i];
    return NULL;
}

/* True when a flag of cat is a warning or worse: what users act on. */
static inline bool
warned(const nlp_coach_report *r, nlp_coach_cat cat)
{
    for (size_t i = 0; i < r->nflags; i++)
        if (r->flags[i].cat == cat && r->flags[i].severity >= 2)
            return true;
    return false;
}

/* Checks text with ctx (as check() does) for one question: whether it
 * raises a flag of cat (and group, unless NULL), at any severity. */
static inline bool
flagged(const char *text, const nlp_coach_context *ctx, nlp_coach_cat cat,
        const char *group)
{
    nlp_coach_report r;
    check(text, ctx, &r);
    bool found = flag_of(&r, cat, group) != NULL;
    nlp_coach_report_release(&r);
    return found;
}

/* Checks text with ctx for whether a flag of cat is a warning or worse. */
static inline bool
warns(const char *text, const nlp_coach_context *ctx, nlp_coach_cat cat)
{
    nlp_coach_report r;
    check(text, ctx, &r);
    bool found = warned(&r, cat);
    nlp_coach_report_release(&r);
    return found;
}

/* Checks text with ctx for the main problem it names (-1 for none). */
static inline int
main_problem(const char *text, const nlp_coach_context *ctx)
{
    nlp_coach_report r;
    check(text, ctx, &r);
    int m = r.main;
    nlp_coach_report_release(&r);
    return m;
}

/* The first positive of kind, or NULL. */
static inline const nlp_coach_positive *
positive_of(const nlp_coach_report *r, const char *kind)
{
    for (size_t i = 0; i < r->npositives; i++)
        if (!strcmp(r->positives[i].kind, kind))
            return &r->positives[i];
    return NULL;
}

static inline bool
has_positive(const nlp_coach_report *r, const char *kind)
{
    return positive_of(r, kind) != NULL;
}

/* Asserts that span k of f covers exactly want in text. */
static inline void
assert_span(const char *text, const nlp_coach_flag *f, size_t k,
            const char *want)
{
    assert_non_null(f);
    assert_true(k < f->nspans);
    const nlp_coach_span *s = &f->spans[k];
    size_t n = s->end - s->start;
    if (n != strlen(want) || memcmp(text + s->start, want, n))
        fail_msg("span %zu is '%.*s', want '%s'", k, (int)n, text + s->start,
                 want);
}

#endif
