/* phone.c - phone numbers for matching; see phone.h. */
#include "base/phone.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Two-digit country codes (ITU-T E.164 assignments); "1" and "7" are the
 * one-digit ones and every other code has three digits.  Each entry is
 * three characters, the last one's space included, so a walk in steps of
 * three ends on the terminating NUL. */
static const char two_digit[] = "20 27 30 31 32 33 34 36 39 40 41 43 44 45 "
                                "46 47 48 49 51 52 53 54 55 56 57 58 60 61 "
                                "62 63 64 65 66 81 82 84 86 90 91 92 93 94 "
                                "95 98 ";

/* The length of the country code d starts with. */
static size_t
cc_length(const char *d)
{
    if (d[0] == '1' || d[0] == '7')
        return 1;
    for (const char *p = two_digit; *p; p += 3)
        if (p[0] == d[0] && p[1] == d[1])
            return 2;
    return 3;
}

/* The digits of text up to an extension, in d (>= 32 bytes); *plus when
 * a '+' comes before the first digit.  False when there are too many. */
static bool
digits_of(const char *text, char *d, bool *plus)
{
    size_t n = 0;
    *plus = false;
    if (!strncasecmp(text, "tel:", 4))
        text += 4;
    for (const char *p = text; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (isdigit(c)) {
            if (n == 31)
                return false;
            d[n++] = (char)c;
        } else if (c == '+' && !n) {
            *plus = true;
        } else if (n && (isalpha(c) || c == ';' || c == ',' || c == '#')) {
            break; /* "x12", "ext. 12", ";ext=12" */
        }
    }
    d[n] = '\0';
    return true;
}

bool
rp_phone_parse(const char *text, const char *region, rp_phone *out)
{
    char d[32];
    bool plus;
    const char *p = d;
    memset(out, 0, sizeof *out);
    if (!text || !digits_of(text, d, &plus))
        return false;
    if (!region)
        region = "";
    if (*region == '+')
        region++;
    bool intl = plus;
    if (!intl && !strncmp(d, "00", 2))
        intl = true, p += 2;
    else if (!intl && !strcmp(region, "1") && !strncmp(d, "011", 3))
        intl = true, p += 3;
    if (intl) {
        size_t n = cc_length(p);
        if (strlen(p) <= n)
            return false;
        memcpy(out->cc, p, n);
        p += n;
        /* "+44 (0)20 ...": the trunk 0 written after the country code. */
        if (*p == '0' && strcmp(out->cc, "39"))
            p++;
    } else {
        if (strlen(region) < sizeof out->cc)
            strcpy(out->cc, region);
        if (*p == '0' && strcmp(region, "39"))
            p++;
        else if (!strcmp(region, "1") && *p == '1' && strlen(p) == 11)
            p++;
    }
    size_t n = strlen(p);
    if (n < 7 || n >= sizeof out->nsn)
        return false;
    memcpy(out->nsn, p, n + 1);
    return true;
}

bool
rp_phone_region(const char *text, char *cc, size_t size)
{
    char d[32];
    bool plus;
    rp_phone ph;
    if (!text || !digits_of(text, d, &plus) || size < sizeof ph.cc)
        return false;
    if (!plus && strncmp(d, "00", 2))
        return false;
    if (!rp_phone_parse(text, NULL, &ph) || !ph.cc[0])
        return false;
    strcpy(cc, ph.cc);
    return true;
}

bool
rp_phone_valid_region(const char *s)
{
    size_t n = 0;
    if (s && *s == '+')
        s++;
    for (; s && isdigit((unsigned char)s[n]); n++)
        ;
    return s && n >= 1 && n <= 3 && !s[n];
}
