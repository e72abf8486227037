/*
 * draftcheck.h - what rapport knows of a recipient, as the draft coach
 * (nlp/coach.h) needs it: their interests and goals, their organisation's
 * big bets, the last conversation's summary, and the ledger's value given
 * against asks made.  Never prints; strings live in the arena passed in.
 */
#ifndef RP_DRAFTCHECK_H
#define RP_DRAFTCHECK_H

#include "nlp/coach.h"
#include "store/store.h"

/*
 * Fills *out for person id at now.  out->facts and their strings live in
 * arena a.  Returns RP_OK, RP_ENOTFOUND when the person does not exist,
 * RP_ESTORE or RP_ENOMEM.
 */
rp_code draftcheck_context(store *st, rp_arena *a, int64_t id, int64_t now,
                           nlp_coach_context *out, rp_err *err);

#endif
