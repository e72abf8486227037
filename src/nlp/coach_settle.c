/*
 * coach_settle.c - one span, one problem.  The detectors of different
 * categories can read the same words: "haven't heard anything" is guilt
 * and contains the empty touch "heard anything"; "please make sure
 * everyone reads it" is an order inside a sentence that talks down.  The
 * reader of the report should be told the words' main problem, so a
 * warning whose every span lies inside the spans of a stronger flag of
 * another category, or of one as strong that reads the same words as a
 * longer phrase, becomes a note: still shown, no longer a verdict.  And
 * beside a serious flag (or two warnings of one category), a lone warning
 * of another category becomes a note too: the warnings name the draft's
 * main problem.
 */
#include <string.h>

#include "nlp/coach_int.h"

/* True when [start, end) lies inside one of f's spans. */
static bool
inside(const nlp_coach_flag *f, size_t start, size_t end)
{
    for (size_t k = 0; k < f->nspans; k++)
        if (f->spans[k].start <= start && end <= f->spans[k].end)
            return true;
    return false;
}

/* True when every span of b lies inside the spans of flag a; with longer,
 * only when one of them is the start or the end of a longer span of a: the
 * same words read as a longer phrase ("heard anything" in "haven't heard
 * anything"), not a phrase inside a sentence that a pattern spans. */
static bool
covered_by(const nlp_coach_flag *b, const nlp_coach_flag *a, bool longer)
{
    bool extends = false;
    for (size_t k = 0; k < b->nspans; k++) {
        size_t s = b->spans[k].start, e = b->spans[k].end;
        if (!inside(a, s, e))
            return false;
        for (size_t j = 0; j < a->nspans; j++) {
            const nlp_coach_span *x = &a->spans[j];
            if ((x->start == s && x->end > e) || (x->end == e && x->start < s))
                extends = true;
        }
    }
    return !longer || extends;
}

void
coach_settle(coach_state *st)
{
    nlp_coach_report *r = st->r;
    /* Decide every covering demotion against the severities as detected,
     * so that the order of the flags does not matter; the demotions beside
     * a serious flag then read the severities that remain. */
    int *was = rp_malloc(r->nflags * sizeof *was);
    if (!was)
        return; /* advice only: without memory, the flags stay as found */
    for (size_t i = 0; i < r->nflags; i++)
        was[i] = r->flags[i].severity;
    for (size_t i = 0; i < r->nflags; i++) {
        nlp_coach_flag *b = &r->flags[i];
        /* An absence has no span; a flag with spans not kept is not
         * known to be covered. */
        if (was[i] < 2 || !b->nspans || b->count > b->nspans)
            continue;
        /* Self-praise said only in sentences about the sender ("we
         * loved the work we did for Caldera Gin") is that self-focus:
         * inside the spans of one as strong is enough, with no longer
         * phrase needed. */
        bool praise =
            b->cat == NLP_COACH_HYPE && !strcmp(b->group, "self_praise");
        for (size_t j = 0; j < r->nflags; j++) {
            const nlp_coach_flag *a = &r->flags[j];
            bool longer =
                was[j] == was[i] && !(praise && a->cat == NLP_COACH_SELF_FOCUS);
            if (j != i && a->cat != b->cat && was[j] >= was[i] &&
                covered_by(b, a, longer)) {
                b->severity = 1;
                break;
            }
        }
    }
    /* Beside a serious problem, a warning of another category is a
     * second opinion: it stays in the report as a note, so that the draft's
     * warnings name its main problem. */
    bool serious[NLP_COACH_NCATS] = {false};
    int warnings[NLP_COACH_NCATS] = {0};
    for (size_t i = 0; i < r->nflags; i++) {
        if (r->flags[i].severity >= 3)
            serious[r->flags[i].cat] = true;
        if (r->flags[i].severity == 2)
            warnings[r->flags[i].cat]++;
    }
    /* Two different warnings of one category ("sorry to bother you",
     * "I'm only a freelancer") weigh as much as a serious flag. */
    for (int c = 0; c < NLP_COACH_NCATS; c++)
        if (warnings[c] >= 2)
            serious[c] = true;
    bool any = false;
    for (int c = 0; c < NLP_COACH_NCATS; c++)
        any = any || serious[c];
    /* An ask made before any value does not outweigh the pushiest way to
     * make it: a premature_ask, however serious, leaves the warning for
     * booking their time ("I've put 45 minutes in your calendar") as it
     * is. */
    bool others = false;
    for (int c = 0; c < NLP_COACH_NCATS; c++)
        others = others || (serious[c] && c != NLP_COACH_PREMATURE_ASK);
    for (size_t i = 0; i < r->nflags && any; i++) {
        nlp_coach_flag *f = &r->flags[i];
        /* An ask beside a serious problem of another kind (pressure,
         * pleading, hype, self-focus, talking down): that problem is the
         * one to fix first; the ask itself becomes a note. */
        if (f->cat == NLP_COACH_PREMATURE_ASK && others) {
            f->severity = 1;
            continue;
        }
        if (f->severity != 2 || serious[f->cat])
            continue;
        if (f->cat == NLP_COACH_IMPOSITION && !strcmp(f->group, "booked") &&
            !others)
            continue;
        f->severity = 1;
    }
    rp_free(was);
}
