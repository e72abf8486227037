/* profile.c - gathers one person's profile; see profile.h. */
#include "core/profile.h"

#include <string.h>

#include "core/people.h"

/* Reply signals read the newest messages only: enough to be current,
 * bounded for a person with years of mail. */
#define PROFILE_THREAD_MESSAGES 2000

rp_code
profile_load(store *st, rp_arena *a, int64_t id, int64_t now, size_t recent,
             profile *out, rp_err *err)
{
    rp_commitment *all;
    size_t nall;
    rp_code rc;
    memset(out, 0, sizeof *out);
    if ((rc = st->ops->person_get(st, a, id, &out->person, err)))
        return rc;
    if (out->person.org_id &&
        st->ops->org_get(st, a, out->person.org_id, &out->org, NULL) == RP_OK)
        out->has_org = true;
    if ((rc = st->ops->stats_get(st, id, now, &out->stats, err)) ||
        (rc = st->ops->ledger_list(st, a, id, NULL, &out->ledger,
                                   &out->nledger, err)) ||
        (rc = st->ops->commitment_list(st, a, id, false, &all, &nall, err)) ||
        (rc = st->ops->interaction_list(st, a, id, recent, &out->recent,
                                        &out->nrecent, err)))
        return rc;
    score_ledger_totals(out->ledger, out->nledger, &out->ledger_totals);
    score_commitment_totals(all, nall, now, &out->commitment_totals);
    out->commitments = rp_arena_alloc(a, (nall + 1) * sizeof *all);
    if (!out->commitments)
        return RP_ENOMEM;
    for (size_t i = 0; i < nall; i++)
        if (!all[i].done_at)
            out->commitments[out->ncommitments++] = all[i];
    score_health_compute(&out->stats, &out->ledger_totals,
                         score_cadence_days(out->person.cadence_days,
                                            out->person.tier),
                         now, &out->health);
    score_generosity_compute(&out->ledger_totals, &out->generosity);
    const rp_org *o = out->has_org ? &out->org : NULL;
    out->ngaps = people_gaps(&out->person, o, out->gaps, 8);
    out->idea = people_value_idea(a, &out->person, o);
    rp_thread_msg *tm;
    size_t ntm;
    if ((rc = st->ops->thread_messages(st, a, id, PROFILE_THREAD_MESSAGES,
                                       &tm, &ntm, err)) ||
        (rc = signals_compute(a, tm, ntm, &out->threads)))
        return rc;
    for (size_t i = 0; i < out->nrecent; i++) {
        const rp_interaction *x = &out->recent[i];
        if (!x->has_sentiment || x->at > now)
            continue;
        if (!strcmp(x->dir, "in")) {
            out->tone_in += x->sentiment;
            out->tone_in_n++;
        } else {
            out->tone_out += x->sentiment;
            out->tone_out_n++;
        }
    }
    if (out->tone_in_n)
        out->tone_in /= out->tone_in_n;
    if (out->tone_out_n)
        out->tone_out /= out->tone_out_n;
    return RP_OK;
}
