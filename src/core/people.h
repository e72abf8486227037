/*
 * people.h - resolving who the user means, and what rapport knows (and
 * does not know) about a person.
 *
 * Pure domain logic over the store; never prints.  Strings returned live in
 * the arena passed in.
 */
#ifndef RP_PEOPLE_H
#define RP_PEOPLE_H

#include "store/store.h"

/*
 * Resolves a PERSON argument: an id, an email, or a name or unique name
 * fragment.  RP_ENOTFOUND when nothing matches; RP_EAMBIGUOUS when several
 * do, with a message listing the candidates (id, name, email) so the user
 * can pick one.
 */
rp_code people_resolve(store *st, rp_arena *a, const char *query, int64_t *id,
                       rp_err *err);

/* An organisation by id, name or domain; RP_ENOTFOUND names it. */
rp_code people_resolve_org(store *st, const char *query, int64_t *id,
                           rp_err *err);

/* What rapport does not know yet about p (and its org o, which may be
 * NULL), as short phrases: "no personal interest yet".  At most max. */
size_t people_gaps(const rp_person *p, const rp_org *o, const char **out,
                   size_t max);

/*
 * One concrete idea of value to offer p, drawn from their goals, their
 * company's big bets or their interests (in that order: professional value
 * first).  NULL when rapport knows nothing to build on.
 */
const char *people_value_idea(rp_arena *a, const rp_person *p, const rp_org *o);

/* Normalises an email address for storage: trimmed, lowercased; NULL (with
 * err) when it is not shaped like local@domain. */
char *people_normalize_email(rp_arena *a, const char *email, rp_err *err);

#endif
