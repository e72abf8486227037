/* profile.c - gathers one person's profile; see profile.h. */
#include "core/profile.h"

#include <stdlib.h>
#include <string.h>

#include "core/people.h"

#include "core/tonetrend.h"

/* Orders thread messages by thread, then time, then id (seq). */
struct seq_msg {
    rp_thread_msg m;
    size_t seq;
};

static int
by_thread_time(const void *pa, const void *pb)
{
    const struct seq_msg *a = pa, *b = pb;
    int c = strcmp(a->m.thread, b->m.thread);
    if (c)
        return c;
    if (a->m.at != b->m.at)
        return a->m.at < b->m.at ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* The reply signals from the newest messages (read newest first, ties by
 * id descending): those with a thread, in the order signals_compute
 * expects.  Reading them once serves the tone trend too. */
static rp_code
thread_signals(rp_arena *a, const rp_interaction *xs, size_t n, signals *out)
{
    struct seq_msg *s = rp_arena_alloc(a, (n + 1) * sizeof *s);
    rp_thread_msg *m = rp_arena_alloc(a, (n + 1) * sizeof *m);
    size_t k = 0;
    if (!s || !m)
        return RP_ENOMEM;
    if (n > TONETREND_MAX_MESSAGES)
        n = TONETREND_MAX_MESSAGES;
    for (size_t i = n; i-- > 0;) /* oldest first: seq follows the id */
        if (xs[i].thread)
            s[k] =
                (struct seq_msg){
                    {xs[i].thread, !strcmp(xs[i].dir, "out"), xs[i].at}, k},
            k++;
    if (k)
        qsort(s, k, sizeof *s, by_thread_time);
    for (size_t i = 0; i < k; i++)
        m[i] = s[i].m;
    return signals_compute(a, m, k, out);
}

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
        (rc = st->ops->ledger_list(st, a, id, NULL, &out->ledger, &out->nledger,
                                   err)) ||
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
    score_health_compute(
        &out->stats, &out->ledger_totals,
        score_cadence_days(out->person.cadence_days, out->person.tier), now,
        &out->health);
    score_generosity_compute(&out->ledger_totals, &out->generosity);
    const rp_org *o = out->has_org ? &out->org : NULL;
    out->ngaps = people_gaps(&out->person, o, out->gaps, 8);
    out->idea = people_value_idea(a, &out->person, o);
    if ((rc = st->ops->interaction_tone_list(
             st, a, id, TONETREND_MAX_MESSAGES + 1, &out->messages,
             &out->nmessages, err)) ||
        (rc = thread_signals(a, out->messages, out->nmessages, &out->threads)))
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
