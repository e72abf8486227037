/* draftcheck.c - a recipient's context for the draft coach; see
 * draftcheck.h. */
#include "core/draftcheck.h"

#include <string.h>

#include "core/profile.h"

/* How many recent interactions to look through for the last one that has a
 * summary: a note or an automated mail may come first. */
#define LAST_LOOKBACK 5

static void
add_strs(nlp_coach_fact *v, size_t *n, const char *kind, const rp_strs *s)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i] && *s->v[i])
            v[(*n)++] = (nlp_coach_fact){kind, s->v[i]};
}

rp_code
draftcheck_context(store *st, rp_arena *a, int64_t id, int64_t now,
                   nlp_coach_context *out, rp_err *err)
{
    profile pr;
    rp_code rc;
    memset(out, 0, sizeof *out);
    if ((rc = profile_load(st, a, id, now, LAST_LOOKBACK, &pr, err)))
        return rc;
    size_t max = pr.person.interests.n + pr.person.goals.n +
                 (pr.has_org ? pr.org.goals.n : 0) + 1;
    nlp_coach_fact *f = rp_arena_alloc(a, max * sizeof *f);
    if (!f)
        return rp_fail(err, RP_ENOMEM, "out of memory");
    size_t n = 0;
    add_strs(f, &n, "interest", &pr.person.interests);
    add_strs(f, &n, "goal", &pr.person.goals);
    if (pr.has_org)
        add_strs(f, &n, "company bet", &pr.org.goals);
    for (size_t i = 0; i < pr.nrecent; i++) {
        const rp_interaction *x = &pr.recent[i];
        if (x->at <= now && x->summary && *x->summary && !x->automated) {
            f[n++] = (nlp_coach_fact){"last conversation", x->summary};
            break;
        }
    }
    out->facts = f;
    out->nfacts = n;
    out->has_ledger = true;
    out->given = pr.ledger_totals.given;
    out->asks = pr.ledger_totals.asks;
    return RP_OK;
}
