/*
 * contact.h - small pieces shared by the contact parsers (vCard, CSV):
 * a list of strings that ignores repeats, birthdays in the forms address
 * books write them, and text made UTF-8 whatever its charset.
 *
 * Everything returned lives in the arena passed in.  No I/O.
 */
#ifndef RP_INGEST_CONTACT_H
#define RP_INGEST_CONTACT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"

typedef struct {
    const char **v;
    size_t n, cap;
} contact_strs;

/* Appends s unless it is NULL, empty or already there (compared without
 * case).  RP_ENOMEM. */
rp_code contact_strs_add(rp_arena *a, contact_strs *l, const char *s);

/*
 * A birthday as "YYYY-MM-DD" or "--MM-DD" in out (>= 11 bytes), from
 * "1980-04-05", "19800405", "--0405", "--04-05", "1980-04-05T00:00:00Z"
 * (the time is ignored) and the like; a year 1604 or 0000 (what Apple
 * and others write for "no year") gives "--MM-DD".  NULL when s is no
 * such date (a text birthday like "circa 1800", a month that does not
 * exist).
 */
const char *contact_birthday(const char *s, char *out, size_t size);

/* True when s[0..n) is well-formed UTF-8. */
bool contact_is_utf8(const char *s, size_t n);

/*
 * s[0..n) as UTF-8 in a, from charset (NULL or "" when unknown).  Text in
 * an unknown charset, or that is not what its charset says, is taken as
 * Windows-1252 (a superset of Latin-1) unless it already is UTF-8, which
 * is what old phones and Outlook write.  NULL only when out of memory.
 */
char *contact_to_utf8(rp_arena *a, const char *s, size_t n,
                      const char *charset);

/* s without leading and trailing white space, in place. */
char *contact_trim(char *s);

#endif
