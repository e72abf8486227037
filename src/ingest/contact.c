/* contact.c - helpers shared by the contact parsers; see contact.h. */
#include "ingest/contact.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/date.h"

rp_code
contact_strs_add(rp_arena *a, contact_strs *l, const char *s)
{
    if (!s || !*s)
        return RP_OK;
    for (size_t i = 0; i < l->n; i++)
        if (!strcasecmp(l->v[i], s))
            return RP_OK;
    if (rp_arena_grow(a, (void **)&l->v, &l->cap, l->n, sizeof *l->v))
        return RP_ENOMEM;
    l->v[l->n++] = s;
    return RP_OK;
}

/* Reads exactly n digits at *p into *out, advancing *p. */
static bool
digits(const char **p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++, (*p)++) {
        if (!isdigit((unsigned char)**p))
            return false;
        v = v * 10 + (**p - '0');
    }
    *out = v;
    return true;
}

/* Month and day, "MMDD" or "MM-DD", then the end or a time ("T..."). */
static bool
month_day(const char *p, int *m, int *d)
{
    if (!digits(&p, 2, m))
        return false;
    if (*p == '-')
        p++;
    if (!digits(&p, 2, d))
        return false;
    return !*p || *p == 'T' || *p == 't' || *p == ' ';
}

const char *
contact_birthday(const char *s, char *out, size_t size)
{
    char tmp[48];
    int y = -1, m, d;
    if (!s || size < 11)
        return NULL;
    while (isspace((unsigned char)*s))
        s++;
    if (s[0] == '-' && s[1] == '-') {
        if (!month_day(s + 2, &m, &d))
            return NULL;
    } else {
        const char *p = s;
        if (!digits(&p, 4, &y))
            return NULL;
        if (*p == '-')
            p++;
        if (!month_day(p, &m, &d))
            return NULL;
    }
    if (y == 1604 || y <= 0)
        snprintf(tmp, sizeof tmp, "--%02d-%02d", m, d);
    else
        snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
    if (rp_calendar_date(tmp, out, size, NULL) != RP_OK)
        return NULL;
    return out;
}

bool
contact_is_utf8(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    while (p < e) {
        unsigned c = *p++;
        int more;
        unsigned min;
        if (c < 0x80)
            continue;
        if (c >= 0xc2 && c <= 0xdf)
            more = 1, min = 0x80;
        else if (c >= 0xe0 && c <= 0xef)
            more = 2, min = 0x800;
        else if (c >= 0xf0 && c <= 0xf4)
            more = 3, min = 0x10000;
        else
            return false;
        unsigned v = c & (0x3f >> more);
        if (e - p < more)
            return false;
        for (int i = 0; i < more; i++, p++) {
            if ((*p & 0xc0) != 0x80)
                return false;
            v = v << 6 | (*p & 0x3f);
        }
        if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
            return false;
    }
    return true;
}

/* s[0..n) converted with iconv from charset, or NULL when the charset is
 * unknown or the text is not valid in it. */
static char *
convert(rp_arena *a, const char *s, size_t n, const char *charset)
{
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = n * 4 + 1, left = cap - 1, inleft = n;
    char *out = rp_arena_alloc(a, cap), *o = out;
    char *in = (char *)s;
    if (out && iconv(cd, &in, &inleft, &o, &left) == (size_t)-1)
        out = NULL;
    if (out)
        *o = '\0';
    iconv_close(cd);
    return out;
}

char *
contact_to_utf8(rp_arena *a, const char *s, size_t n, const char *charset)
{
    bool utf8 = contact_is_utf8(s, n);
    if (charset && *charset && strcasecmp(charset, "UTF-8") &&
        strcasecmp(charset, "UTF8") && strcasecmp(charset, "US-ASCII") &&
        strcasecmp(charset, "ASCII")) {
        char *c = convert(a, s, n, charset);
        if (c && contact_is_utf8(c, strlen(c)))
            return c;
    }
    if (utf8)
        return rp_arena_strndup(a, s, n);
    /* Windows-1252 leaves five bytes undefined; Latin-1 takes them. */
    char *c = convert(a, s, n, "WINDOWS-1252");
    return c ? c : convert(a, s, n, "ISO-8859-1");
}

char *
contact_trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}
