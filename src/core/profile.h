/*
 * profile.h - everything rapport knows about one person, gathered for
 * `person show`, `ready` and briefs: the record, their organisation, the
 * contact summary, ledger, commitments, scores, knowledge gaps and recent
 * interactions.  All memory lives in the arena passed in.
 */
#ifndef RP_PROFILE_H
#define RP_PROFILE_H

#include "core/score.h"
#include "core/signals.h"
#include "store/store.h"

typedef struct {
    rp_person person;
    rp_org org;
    bool has_org;
    rp_stats stats;
    rp_ledger *ledger;
    size_t nledger;
    score_ledger ledger_totals;
    rp_commitment *commitments; /* open ones */
    size_t ncommitments;
    score_commitments commitment_totals;
    score_health health;
    score_generosity generosity;
    const char *gaps[8];
    size_t ngaps;
    rp_interaction *recent;
    size_t nrecent;
    const char *idea;
    signals threads; /* initiative and reply latency from mail threads */
    /* The newest emails and messages (store interaction_tone_list, at
     * most TONETREND_MAX_MESSAGES + 1): the threads above and the tone
     * trend are both computed from them. */
    rp_interaction *messages;
    size_t nmessages;
    /* Mean tone (VADER compound) of the recent messages each way, and how
     * many were scored; 0 scored means unknown. */
    double tone_in, tone_out;
    int tone_in_n, tone_out_n;
} profile;

/* Loads person id's profile at now with up to recent interactions.
 * RP_ENOTFOUND when the person does not exist. */
rp_code profile_load(store *st, rp_arena *a, int64_t id, int64_t now,
                     size_t recent, profile *out, rp_err *err);

#endif
