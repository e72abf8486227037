/*
 * coach_report.c - nlp_coach_check(): runs the detectors and metrics, then
 * turns them into the score, the main problem and the verdict.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/coach_int.h"

/* Points a flag takes off the score, by severity.  A serious flag alone
 * takes a draft below 75; two warnings take it below 75 as well. */
static const int severity_cost[4] = {0, 4, 14, 28};
/* One category can cost at most this much: several flags of one kind are
 * one problem to fix. */
#define CATEGORY_CAP 40
/* Each metric outside its range costs a little, up to a cap: metrics
 * guide, the flags judge. */
#define METRIC_COST 2
#define METRIC_CAP 10
/* Each kind of positive found adds a little back. */
#define POSITIVE_BONUS 2
#define POSITIVE_CAP 8

static const char *const summaries[NLP_COACH_NCATS] = {
    "pushy or salesy",
    "needy, one-down",
    "the all-knowing expert, one-up",
    "claims bigger than the truth",
    "an ask before any value",
    "about you, not them",
    "nothing personal to them",
    "nothing of value offered",
};

const char *
nlp_coach_cat_summary(nlp_coach_cat c)
{
    return c < NLP_COACH_NCATS ? summaries[c] : "";
}

const char *
nlp_coach_severity_name(int severity)
{
    switch (severity) {
    case 1:
        return "note";
    case 2:
        return "warning";
    case 3:
        return "serious";
    default:
        return "none";
    }
}

static int
cmp_flag(const void *x, const void *y)
{
    const nlp_coach_flag *a = x, *b = y;
    if (a->cat != b->cat)
        return a->cat < b->cat ? -1 : 1;
    return b->severity - a->severity;
}

static int
cmp_positive(const void *x, const void *y)
{
    const nlp_coach_positive *a = x, *b = y;
    return (a->span.start > b->span.start) - (a->span.start < b->span.start);
}

/* A byte offset and where its character offset goes. */
typedef struct {
    size_t byte;
    size_t *chars;
} offset_ref;

static int
cmp_ref(const void *x, const void *y)
{
    const offset_ref *a = x, *b = y;
    return (a->byte > b->byte) - (a->byte < b->byte);
}

static void
add_ref(offset_ref *v, size_t *n, nlp_coach_span *s)
{
    v[(*n)++] = (offset_ref){s->start, &s->cstart};
    v[(*n)++] = (offset_ref){s->end, &s->cend};
}

/* Fills every span's character offsets in one pass over the text. */
static rp_code
char_offsets(nlp_coach_report *r, const char *text, size_t len)
{
    size_t max = 2 * (r->nflags * NLP_COACH_MAX_SPANS + r->npositives + 1),
           n = 0;
    offset_ref *v = rp_malloc(max * sizeof *v);
    if (!v)
        return RP_ENOMEM;
    for (size_t i = 0; i < r->nflags; i++)
        for (size_t k = 0; k < r->flags[i].nspans; k++)
            add_ref(v, &n, &r->flags[i].spans[k]);
    for (size_t i = 0; i < r->npositives; i++)
        add_ref(v, &n, &r->positives[i].span);
    if (r->has_subject)
        add_ref(v, &n, &r->subject);
    qsort(v, n, sizeof *v, cmp_ref);
    size_t pos = 0, chars = 0;
    for (size_t i = 0; i < n; i++) {
        while (pos < v[i].byte && pos < len) {
            uint32_t cp;
            pos += nlp_utf8_next(text, len, pos, &cp);
            chars++;
        }
        *v[i].chars = chars;
    }
    rp_free(v);
    return RP_OK;
}

/* The order in which the main problem is named among categories with as
 * much said against them.  Problems of the sender's manner come first,
 * in the enum's order; pressure gives way to them, for a deadline is so
 * often how such a problem shows (the pleading "I need to know by
 * Friday", the hype's "offer ends at midnight", the lecture's "the
 * deadline is the 5th") that the manner is the thing to fix first.  It
 * does not give way to what the draft lacks: the chasing itself is what
 * the reader feels.  Of the two absences, an empty touch ("just checking
 * in") goes before the missing personal touch: a draft with nothing in
 * it is not fixed by naming the reader's hobby. */
static const nlp_coach_cat tie_order[NLP_COACH_NCATS] = {
    NLP_COACH_NEEDINESS,     NLP_COACH_ONE_UP,           NLP_COACH_HYPE,
    NLP_COACH_PREMATURE_ASK, NLP_COACH_SELF_FOCUS,       NLP_COACH_IMPOSITION,
    NLP_COACH_NO_VALUE,      NLP_COACH_NO_PERSONAL_TOUCH};

/* True when category c, with weight[c] said against it, should be named
 * before category m: more said against it, or as much and earlier in
 * tie_order. */
static bool
outweighs(const int *weight, int c, int m)
{
    if (weight[c] != weight[m])
        return weight[c] > weight[m];
    for (int k = 0; k < NLP_COACH_NCATS; k++)
        if ((int)tie_order[k] == c || (int)tie_order[k] == m)
            return (int)tie_order[k] == c;
    return false;
}

/* The score, the main problem and the verdict. */
static void
judge(nlp_coach_report *r)
{
    int cost[NLP_COACH_NCATS] = {0}, worst[NLP_COACH_NCATS] = {0};
    int weight[NLP_COACH_NCATS];
    int penalty = 0, bonus = 0;
    for (size_t i = 0; i < r->nflags; i++) {
        const nlp_coach_flag *f = &r->flags[i];
        cost[f->cat] += severity_cost[f->severity];
        if (f->severity > worst[f->cat])
            worst[f->cat] = f->severity;
    }
    r->main = -1;
    int problems = 0; /* categories with a warning or worse */
    for (int c = 0; c < NLP_COACH_NCATS; c++) {
        /* The cap limits what one category takes off the score; the main
         * problem is the one with the most said against it, cap or not. */
        weight[c] = cost[c];
        if (cost[c] > CATEGORY_CAP)
            cost[c] = CATEGORY_CAP;
        penalty += cost[c];
        problems += worst[c] >= 2;
        if (worst[c] >= 2 && (r->main < 0 || outweighs(weight, c, r->main)))
            r->main = c;
    }
    int mpen = 0;
    for (int m = 0; m < NLP_COACH_NMETRICS; m++)
        if (r->metrics[m].present && !r->metrics[m].ok)
            mpen += METRIC_COST;
    penalty += mpen > METRIC_CAP ? METRIC_CAP : mpen;
    static const char *const kinds[] = {"value", "gratitude", "empathy",
                                        "question", "personal"};
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
        for (size_t i = 0; i < r->npositives; i++)
            if (!strcmp(r->positives[i].kind, kinds[k])) {
                bonus += POSITIVE_BONUS;
                break;
            }
    bonus = bonus > POSITIVE_CAP ? POSITIVE_CAP : bonus;
    int score = 100 - penalty + bonus;
    r->score = score < 0 ? 0 : score > 100 ? 100 : score;

    const char *what =
        r->main >= 0 ? nlp_coach_cat_summary((nlp_coach_cat)r->main) : "";
    if (r->main < 0 && r->score >= 85)
        snprintf(r->verdict, sizeof r->verdict,
                 "Ready to send: it reads as a generous equal.");
    else if (r->main < 0)
        snprintf(r->verdict, sizeof r->verdict,
                 "Nearly there: see the notes and metrics below.");
    else if (r->score >= 70 && problems == 1)
        snprintf(r->verdict, sizeof r->verdict,
                 "Good, with one thing to fix: %s (%s).", what,
                 nlp_coach_cat_name((nlp_coach_cat)r->main));
    else if (r->score >= 70)
        snprintf(r->verdict, sizeof r->verdict,
                 "Good, with %d things to fix, first %s (%s).", problems, what,
                 nlp_coach_cat_name((nlp_coach_cat)r->main));
    else if (r->score >= 45)
        snprintf(r->verdict, sizeof r->verdict, "Needs work, mostly %s (%s).",
                 what, nlp_coach_cat_name((nlp_coach_cat)r->main));
    else
        snprintf(r->verdict, sizeof r->verdict,
                 "Rewrite before sending: %s (%s).", what,
                 nlp_coach_cat_name((nlp_coach_cat)r->main));
}

rp_code
nlp_coach_check(const char *text, size_t len, const nlp_coach_context *ctx,
                nlp_coach_report *out, rp_err *err)
{
    return nlp_coach_check_opts(text, len, ctx, NULL, out, err);
}

rp_code
nlp_coach_check_opts(const char *text, size_t len, const nlp_coach_context *ctx,
                     const nlp_coach_options *opts, nlp_coach_report *out,
                     rp_err *err)
{
    bool model = opts ? opts->model : NLP_COACH_MODEL_DEFAULT;
    coach_doc d;
    coach_hit *hits = NULL;
    size_t nhits = 0, *first_hit = NULL;
    uint64_t *group_in = NULL;
    coach_reading reading = {0};
    rp_code rc;
    memset(out, 0, sizeof *out);
    memset(&d, 0, sizeof d);
    out->main = -1;
    if (len > NLP_COACH_MAX_BYTES)
        return rp_fail(err, RP_EINVAL,
                       "the draft is %zu bytes; the coach reads drafts up to "
                       "%zu bytes (a message, not a book)",
                       len, NLP_COACH_MAX_BYTES);
    if ((rc = coach_doc_build(&d, text, len)) ||
        (rc = coach_match(&d, &hits, &nhits)))
        goto cleanup;
    if (!(first_hit = rp_malloc((d.ns + 1) * sizeof *first_hit))) {
        rc = RP_ENOMEM;
        goto cleanup;
    }
    for (size_t s = 0, i = 0; s <= d.ns; s++) {
        while (i < nhits && d.w[hits[i].w0].sent < s)
            i++;
        first_hit[s] = i;
    }
    size_t gw = (nlp_coach_ngroups + 63) / 64;
    if (!(group_in = rp_calloc(d.ns * gw + 1, sizeof *group_in))) {
        rc = RP_ENOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < nhits; i++) {
        size_t g = hits[i].group;
        group_in[d.w[hits[i].w0].sent * gw + g / 64] |= (uint64_t)1 << (g % 64);
    }
    coach_state st = {.d = &d,
                      .hits = hits,
                      .nhits = nhits,
                      .first_hit = first_hit,
                      .group_in = group_in,
                      .group_words = gw,
                      .ctx = ctx,
                      .r = out};
    const nlp_coach_model *m = &nlp_coach_builtin_model;
    if ((rc = coach_detect(&st)) ||
        (model && (rc = coach_model_read(&st, m, &reading))))
        goto cleanup;
    coach_model_doubt(&st, m, &reading);
    coach_settle(&st);
    if ((rc = coach_detect_model(&st, m, &reading)))
        goto cleanup;
    coach_metrics(&st);
    out->has_subject = d.has_subject;
    out->subject =
        (nlp_coach_span){.start = d.subject.start, .end = d.subject.end};
    /* qsort() must not see the NULL of an empty list, even with n == 0. */
    if (out->nflags)
        qsort(out->flags, out->nflags, sizeof *out->flags, cmp_flag);
    if (out->npositives)
        qsort(out->positives, out->npositives, sizeof *out->positives,
              cmp_positive);
    if ((rc = char_offsets(out, d.text, d.len)))
        goto cleanup;
    judge(out);
cleanup:
    coach_reading_release(&reading);
    if (rc == RP_ENOMEM)
        rp_fail(err, rc, "out of memory while checking the draft");
    rp_free(hits);
    rp_free(first_hit);
    rp_free(group_in);
    coach_doc_release(&d);
    return rc;
}

void
nlp_coach_report_release(nlp_coach_report *r)
{
    if (!r)
        return;
    rp_free(r->flags);
    rp_free(r->positives);
    memset(r, 0, sizeof *r);
    r->main = -1;
}
