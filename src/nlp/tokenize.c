/*
 * tokenize.c - UTF-8 decoding, words and sentences as byte spans.
 */
#include "nlp/tokenize.h"

#include <string.h>
#include <utf8proc.h>

size_t
nlp_utf8_next(const char *text, size_t len, size_t pos, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)text + pos;
    size_t avail = len - pos;
    unsigned b0 = s[0], need, lo = 0x80, hi = 0xBF;
    uint32_t v;

    if (b0 < 0x80) {
        *cp = b0;
        return 1;
    }
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
        v = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        v = b0 & 0x0F;
        if (b0 == 0xE0)
            lo = 0xA0; /* no overlong forms */
        else if (b0 == 0xED)
            hi = 0x9F; /* no surrogates */
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        v = b0 & 0x07;
        if (b0 == 0xF0)
            lo = 0x90;
        else if (b0 == 0xF4)
            hi = 0x8F; /* nothing past U+10FFFF */
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    /* The maximal subpart: stop at the first byte that cannot continue. */
    for (size_t i = 1; i <= need; i++) {
        unsigned b = i < avail ? s[i] : 0;
        if (i >= avail || b < lo || b > hi) {
            *cp = 0xFFFD;
            return i;
        }
        v = (v << 6) | (b & 0x3F);
        lo = 0x80;
        hi = 0xBF;
    }
    *cp = v;
    return need + 1;
}

bool
nlp_is_space(uint32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000 || cp == 0xFEFF;
}

void
nlp_cursor_init(nlp_cursor *c, const char *text, size_t len)
{
    c->text = text;
    c->len = text ? len : 0;
    c->pos = 0;
    c->uncapitalised = false;
}

/* Letters, marks and digits make words; ASCII is decided without a table
 * lookup because it is nearly all of the text we see. */
static bool
is_word_char(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= '0' && cp <= '9');
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return true;
    default:
        return false;
    }
}

static bool
is_joiner(uint32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == '-' || cp == '.';
}

bool
nlp_next_word(nlp_cursor *c, nlp_span *out)
{
    uint32_t cp;
    size_t n;

    while (c->pos < c->len) {
        n = nlp_utf8_next(c->text, c->len, c->pos, &cp);
        if (is_word_char(cp))
            break;
        c->pos += n;
    }
    if (c->pos >= c->len)
        return false;
    out->start = c->pos;
    while (c->pos < c->len) {
        n = nlp_utf8_next(c->text, c->len, c->pos, &cp);
        if (is_word_char(cp)) {
            c->pos += n;
            continue;
        }
        /* A joiner stays only when a word character follows it. */
        uint32_t next;
        if (is_joiner(cp) && c->pos + n < c->len) {
            size_t m = nlp_utf8_next(c->text, c->len, c->pos + n, &next);
            if (is_word_char(next)) {
                c->pos += n + m;
                continue;
            }
        }
        break;
    }
    out->end = c->pos;
    return true;
}

static bool
is_terminator(uint32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

static bool
is_closer(uint32_t cp)
{
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x2019 ||
           cp == 0x201D || cp == 0xBB;
}

/* Abbreviations that end in a full stop but rarely end a sentence.  Kept
 * sorted; compared without regard to ASCII case. */
static const char *const abbreviations[] = {
    "approx", "apr",  "aug", "ave",  "co",  "corp", "dec", "dept", "dr",
    "e.g",    "etc",  "feb", "fig",  "i.e", "inc",  "jan", "jr",   "jul",
    "jun",    "ltd",  "mar", "mr",   "mrs", "ms",   "no",  "nov",  "oct",
    "p.s",    "prof", "sep", "sept", "sr",  "st",   "vs",
};

/* True when the full stop at text[dot] closes an abbreviation or an
 * initial: the word before it is one letter or in the list above. */
static bool
is_abbreviation(const char *text, size_t dot)
{
    size_t b = dot;
    while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n' &&
           text[b - 1] != '\t' && text[b - 1] != '(' && text[b - 1] != '"')
        b--;
    size_t n = dot - b;
    if (n == 1 && ((text[b] | 0x20) >= 'a' && (text[b] | 0x20) <= 'z'))
        return true;
    if (n == 0 || n > 6)
        return false;
    for (size_t i = 0; i < sizeof abbreviations / sizeof *abbreviations; i++) {
        const char *a = abbreviations[i];
        if (strlen(a) != n)
            continue;
        size_t k = 0;
        while (k < n && (text[b + k] | 0x20) == a[k])
            k++;
        if (k == n)
            return true;
    }
    return false;
}

/* Trims white space from both ends of [start, end); false when empty. */
static bool
trim_span(const char *text, size_t start, size_t end, nlp_span *out)
{
    uint32_t cp;
    while (start < end) {
        size_t n = nlp_utf8_next(text, end, start, &cp);
        if (!nlp_is_space(cp))
            break;
        start += n;
    }
    /* Walk back over ASCII white space and multi-byte spaces alike: find
     * the last non-space code point by scanning forward from start. */
    size_t last = start, p = start;
    while (p < end) {
        size_t n = nlp_utf8_next(text, end, p, &cp);
        p += n;
        if (!nlp_is_space(cp))
            last = p;
    }
    out->start = start;
    out->end = last;
    return last > start;
}

bool
nlp_next_sentence(nlp_cursor *c, nlp_span *out)
{
    const char *t = c->text;
    uint32_t cp;

    while (c->pos < c->len) {
        size_t start = c->pos, p = c->pos, cut = 0;
        bool found = false;
        while (p < c->len && !found) {
            size_t n = nlp_utf8_next(t, c->len, p, &cp);
            if (cp == '\n') {
                /* A blank line ends the sentence at this line break. */
                size_t q = p + n;
                uint32_t d;
                while (q < c->len) {
                    size_t m = nlp_utf8_next(t, c->len, q, &d);
                    if (d == '\n' || !nlp_is_space(d))
                        break;
                    q += m;
                }
                if (q < c->len && t[q] == '\n') {
                    cut = p;
                    p = q + 1;
                    found = true;
                    break;
                }
                p += n;
                continue;
            }
            if (!is_terminator(cp)) {
                p += n;
                continue;
            }
            size_t first = p;
            bool lone_dot = cp == '.';
            p += n;
            while (p < c->len) {
                size_t m = nlp_utf8_next(t, c->len, p, &cp);
                if (!is_terminator(cp))
                    break;
                lone_dot = false;
                p += m;
            }
            while (p < c->len) {
                size_t m = nlp_utf8_next(t, c->len, p, &cp);
                if (!is_closer(cp))
                    break;
                p += m;
            }
            if (p < c->len) {
                nlp_utf8_next(t, c->len, p, &cp);
                if (!nlp_is_space(cp))
                    continue; /* "3.5", "a.m.", "?!x": not an end */
            }
            if (lone_dot) {
                if (is_abbreviation(t, first))
                    continue;
                /* A lower-case word after the stop continues the sentence,
                 * unless the writer capitalises nothing. */
                size_t q = p;
                while (q < c->len) {
                    size_t m = nlp_utf8_next(t, c->len, q, &cp);
                    if (!nlp_is_space(cp))
                        break;
                    q += m;
                }
                if (!c->uncapitalised && q < c->len &&
                    utf8proc_category((utf8proc_int32_t)cp) ==
                        UTF8PROC_CATEGORY_LL)
                    continue;
            }
            cut = p;
            found = true;
        }
        if (!found)
            cut = p = c->len;
        c->pos = p;
        if (trim_span(t, start, cut, out))
            return true;
    }
    return false;
}

size_t
nlp_words(const char *text, size_t len, nlp_span *out, size_t max)
{
    nlp_cursor c;
    nlp_span s;
    size_t n = 0;
    nlp_cursor_init(&c, text, len);
    while (nlp_next_word(&c, &s)) {
        if (n < max)
            out[n] = s;
        n++;
    }
    return n;
}

size_t
nlp_sentences(const char *text, size_t len, nlp_span *out, size_t max)
{
    nlp_cursor c;
    nlp_span s;
    size_t n = 0;
    nlp_cursor_init(&c, text, len);
    while (nlp_next_sentence(&c, &s)) {
        if (n < max)
            out[n] = s;
        n++;
    }
    return n;
}

size_t
nlp_utf8_first_bad(const char *text, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = nlp_utf8_next(text, len, i, &cp);
        /* U+FFFD stands for a bad sequence unless it was written as such. */
        if (cp == 0xFFFD && !(n == 3 && !memcmp(text + i, "\xEF\xBF\xBD", 3)))
            return i;
        i += n;
    }
    return len;
}
