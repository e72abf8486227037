/*
 * fuzz_coach.c - libFuzzer target: the draft coach must not crash or
 * misbehave on any bytes, with or without a recipient context, and its
 * report must keep its invariants: spans inside the text and ordered,
 * character offsets no larger than byte offsets, a score in 0..100, a
 * main problem that is a real category, metrics in range.  The learned
 * model's path (on for the second call) and its feature extractor keep
 * theirs: ids sorted, unique and in range, sentences inside the text.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/coach.h"
#include "nlp/coach_features.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_span(const nlp_coach_span *s, size_t size)
{
    if (s->start > s->end || s->end > size || s->cstart > s->cend ||
        s->cstart > s->start || s->cend > s->end)
        abort();
}

static void
check_report(const nlp_coach_report *r, size_t size)
{
    if (r->score < 0 || r->score > 100 || r->main < -1 ||
        r->main >= NLP_COACH_NCATS || !r->verdict[0] ||
        !memchr(r->verdict, '\0', sizeof r->verdict))
        abort();
    for (size_t i = 0; i < r->nflags; i++) {
        const nlp_coach_flag *f = &r->flags[i];
        if (f->cat >= NLP_COACH_NCATS || f->severity < 1 || f->severity > 3 ||
            !f->suggestion || !f->group || f->nspans > NLP_COACH_MAX_SPANS ||
            f->nspans > f->count || (i && (f->cat < r->flags[i - 1].cat)))
            abort();
        for (size_t k = 0; k < f->nspans; k++)
            check_span(&f->spans[k], size);
    }
    for (size_t i = 0; i < r->npositives; i++) {
        check_span(&r->positives[i].span, size);
        if (i && r->positives[i].span.start < r->positives[i - 1].span.start)
            abort();
    }
    if (r->has_subject)
        check_span(&r->subject, size);
    for (int m = 0; m < NLP_COACH_NMETRICS; m++) {
        const nlp_coach_metric *x = &r->metrics[m];
        if (!x->name || !isfinite(x->value) ||
            (x->present && x->ok != (x->value >= x->lo && x->value <= x->hi)))
            abort();
    }
    if (r->metrics[NLP_COACH_M_WORDS].value > (double)size)
        abort();
}

static void
check_features(const char *text, size_t size)
{
    nlp_coach_feats f;
    if (nlp_coach_features(text, size, &f) != RP_OK)
        abort();
    for (size_t s = 0; s < f.nsent; s++) {
        if (f.start[s] > f.end[s] || f.end[s] > size ||
            f.first[s] > f.first[s + 1])
            abort();
        for (size_t i = f.first[s]; i < f.first[s + 1]; i++)
            if (f.f[i] >= NLP_COACH_FEAT_DIM ||
                (i > f.first[s] && f.f[i - 1] >= f.f[i]))
                abort();
    }
    for (size_t i = 1; i < f.nall; i++)
        if (f.all[i - 1] >= f.all[i])
            abort();
    nlp_coach_feats_release(&f);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    nlp_coach_report r;

    if (nlp_coach_check(text, size, NULL, &r, NULL) != RP_OK)
        abort();
    check_report(&r, size);
    nlp_coach_report_release(&r);

    /* With a context whose facts come from the input itself: the personal
     * touch matching and the ledger paths see the same bytes. */
    char fact[64];
    size_t n = size < sizeof fact - 1 ? size : sizeof fact - 1;
    memcpy(fact, data, n);
    fact[n] = '\0';
    nlp_coach_fact facts[] = {{"interest", fact}, {"goal", "sailing boats"}};
    nlp_coach_context c = {.facts = facts,
                           .nfacts = 2,
                           .has_ledger = true,
                           .given = (int)(size % 4),
                           .asks = (int)(size % 3)};
    nlp_coach_options on = {.model = true};
    if (nlp_coach_check_opts(text, size, &c, &on, &r, NULL) != RP_OK)
        abort();
    check_report(&r, size);
    nlp_coach_report_release(&r);
    if (size <= NLP_COACH_MAX_BYTES)
        check_features(text, size);
    return 0;
}
