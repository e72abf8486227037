/*
 * dedupe.h - people who are probably the same human.
 *
 * Suggestions only: rapport never merges on its own (merging two people
 * who only share a name would be worse than a duplicate).  The user
 * merges with `rapport merge KEEP OTHER`.
 */
#ifndef RP_DEDUPE_H
#define RP_DEDUPE_H

#include "store/store.h"

typedef struct {
    rp_person_ref a, b; /* a has the lower id */
    const char *reason; /* "same name", "same name and organisation" ... */
    int strength;       /* 2 = strong, 1 = worth a look */
} dedupe_pair;

/*
 * Finds likely duplicates among all people: the same name once case,
 * accents, punctuation, middle initials and "Last, First" order are set
 * aside; stronger when the organisation matches too.  Pairs are ordered
 * strongest first.  At most max pairs (all when 0).
 */
rp_code dedupe_find(store *st, rp_arena *a, size_t max, dedupe_pair **out,
                    size_t *n, rp_err *err);

/* The comparison key for a name, in the arena: "byron ada".  Exposed for
 * tests. */
const char *dedupe_name_key(rp_arena *a, const char *name);

#endif
