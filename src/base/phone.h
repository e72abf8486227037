/*
 * phone.h - phone numbers reduced to what identifies them, for matching
 * "+44 20 7946 0000", "0044 20 7946 0000", "+44 (0)20 7946 0000" and
 * "020 7946 0000" as one number (E.164: a country code and a national
 * significant number).  Pure functions; no I/O, no allocation.
 *
 * The country code comes from the number itself ("+" or "00", and "011"
 * from the North American region) or, for a number written nationally,
 * from a default region: the caller's country code ("44", "1").  Without
 * one a national number keeps an empty country code and is compared on
 * its national digits alone.  National trunk prefixes are dropped: a
 * leading 0 (everywhere but Italy, +39, which keeps it) and, in region 1,
 * the 1 of "1 415 555 0100".  Country codes are told apart by the ITU
 * table of their lengths (1, 2 or 3 digits).  An extension ("x12",
 * "ext. 12", ";ext=12") is not part of the number.
 */
#ifndef RP_BASE_PHONE_H
#define RP_BASE_PHONE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char cc[4];   /* country code digits, "" when unknown */
    char nsn[20]; /* national significant number, digits only */
} rp_phone;

/*
 * Parses text with region (NULL or "" for none) as the default country
 * code.  False when it holds fewer than 7 national digits or more than
 * 17: a short code or an extension is not a number to match people on.
 */
bool rp_phone_parse(const char *text, const char *region, rp_phone *out);

/* The country code of a number written internationally ("+41 ..."), in
 * cc (>= 4 bytes); false for a national number. */
bool rp_phone_region(const char *text, char *cc, size_t size);

/* True when s is a country code: 1 to 3 digits, optionally after '+'. */
bool rp_phone_valid_region(const char *s);

#endif
