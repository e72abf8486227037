/* htmltext.c - text out of HTML mail bodies; see htmltext.h. */
#include "ingest/htmltext.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The output side: white space is held back until text follows it, so
 * runs collapse and nothing dangles at either end. */
struct out {
    rp_buf *b;
    int newlines; /* line breaks owed before the next text */
    bool space;   /* a space owed before the next text */
    rp_code rc;
};

static void
put(struct out *o, const char *s, size_t n)
{
    if (o->rc || !n)
        return;
    if (o->b->len && o->newlines) {
        /* Two at most: one blank line separates paragraphs. */
        o->rc = rp_buf_add(o->b, "\n\n", o->newlines > 1 ? 2 : 1);
    } else if (o->b->len && o->space && o->b->buf[o->b->len - 1] != '\n') {
        o->rc = rp_buf_addc(o->b, ' ');
    }
    o->newlines = 0;
    o->space = false;
    if (!o->rc)
        o->rc = rp_buf_add(o->b, s, n);
}

/* Appends code point cp as UTF-8; anything that is not a character
 * becomes U+FFFD. */
static void
put_cp(struct out *o, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp == 0xA0) { /* no-break space reads as a space */
        o->space = true;
        return;
    }
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | cp >> 6);
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | cp >> 12);
        u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | cp >> 18);
        u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
        u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    put(o, u, n);
}

/* Named references seen in mail; the rest of HTML's 2,000-odd names are
 * rare enough to be left as written. */
static const struct {
    const char *name;
    uint32_t cp;
} entities[] = {
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},       {"quot", '"'},
    {"apos", '\''},    {"nbsp", 0xA0},     {"copy", 0xA9},    {"reg", 0xAE},
    {"trade", 0x2122}, {"hellip", 0x2026}, {"mdash", 0x2014}, {"ndash", 0x2013},
    {"lsquo", 0x2018}, {"rsquo", 0x2019},  {"ldquo", 0x201C}, {"rdquo", 0x201D},
    {"laquo", 0xAB},   {"raquo", 0xBB},    {"bull", 0x2022},  {"middot", 0xB7},
    {"euro", 0x20AC},  {"pound", 0xA3},    {"yen", 0xA5},     {"cent", 0xA2},
    {"sect", 0xA7},    {"deg", 0xB0},      {"times", 0xD7},   {"eacute", 0xE9},
    {"egrave", 0xE8},  {"ecirc", 0xEA},    {"aacute", 0xE1},  {"agrave", 0xE0},
    {"acirc", 0xE2},   {"auml", 0xE4},     {"ouml", 0xF6},    {"uuml", 0xFC},
    {"Auml", 0xC4},    {"Ouml", 0xD6},     {"Uuml", 0xDC},    {"szlig", 0xDF},
    {"ccedil", 0xE7},  {"ntilde", 0xF1},   {"iacute", 0xED},  {"oacute", 0xF3},
    {"uacute", 0xFA},  {"Eacute", 0xC9},   {"zwnj", 0x200C},  {"shy", 0xAD},
};

/*
 * Decodes the reference at s[0] == '&' (n bytes left) into *cp; returns
 * how many bytes it spans, or 0 when it is not one (the '&' is then
 * text).  The closing ';' is required, as browsers do for most names.
 */
static size_t
entity(const char *s, size_t n, uint32_t *cp)
{
    size_t i = 1;
    if (i < n && s[i] == '#') {
        unsigned long v = 0;
        bool hex = i + 1 < n && (s[i + 1] == 'x' || s[i + 1] == 'X');
        size_t start = i += hex ? 2 : 1;
        for (; i < n && i - start < 8; i++) {
            int c = (unsigned char)s[i];
            if (isdigit(c))
                v = v * (hex ? 16 : 10) + (unsigned long)(c - '0');
            else if (hex && isxdigit(c))
                v = v * 16 + (unsigned long)(tolower(c) - 'a' + 10);
            else
                break;
        }
        if (i == start || i >= n || s[i] != ';')
            return 0;
        *cp = v > 0x10FFFF ? 0xFFFD : (uint32_t)v;
        return i + 1;
    }
    while (i < n && i < 12 && isalnum((unsigned char)s[i]))
        i++;
    if (i >= n || s[i] != ';' || i == 1)
        return 0;
    for (size_t k = 0; k < sizeof entities / sizeof *entities; k++)
        if (strlen(entities[k].name) == i - 1 &&
            !memcmp(entities[k].name, s + 1, i - 1)) {
            *cp = entities[k].cp;
            return i + 1;
        }
    return 0;
}

/* How a tag shapes the text around it. */
enum shape { INLINE, SPACE, LINE, PARA, BREAK, SKIP, PRE };

static enum shape
shape_of(const char *name, size_t n)
{
    static const struct {
        const char *name;
        enum shape shape;
    } tags[] = {
        {"br", BREAK},    {"p", PARA},       {"div", LINE},
        {"li", LINE},     {"tr", LINE},      {"ul", PARA},
        {"ol", PARA},     {"dl", PARA},      {"dt", LINE},
        {"dd", LINE},     {"table", PARA},   {"blockquote", PARA},
        {"h1", PARA},     {"h2", PARA},      {"h3", PARA},
        {"h4", PARA},     {"h5", PARA},      {"h6", PARA},
        {"hr", PARA},     {"section", LINE}, {"article", LINE},
        {"header", LINE}, {"footer", LINE},  {"address", LINE},
        {"center", LINE}, {"form", LINE},    {"td", SPACE},
        {"th", SPACE},    {"script", SKIP},  {"style", SKIP},
        {"head", SKIP},   {"title", SKIP},   {"pre", PRE},
        {"body", LINE},   {"html", LINE},
    };
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
        if (strlen(tags[i].name) == n && !strncasecmp(tags[i].name, name, n))
            return tags[i].shape;
    return INLINE;
}

/* Where the closing tag </name...> that ends a skipped element ends, or
 * NULL when it never comes. */
static const char *
skip_to_close(const char *p, const char *end, const char *name, size_t n)
{
    for (; p + n + 2 <= end; p++) {
        if (p[0] != '<' || p[1] != '/' || strncasecmp(p + 2, name, n))
            continue;
        const char *gt = memchr(p, '>', (size_t)(end - p));
        return gt ? gt + 1 : end;
    }
    return NULL;
}

/* The end of the tag that starts at p ('<'), honouring quoted attribute
 * values, which may hold '>'. */
static const char *
tag_end(const char *p, const char *end)
{
    char quote = 0;
    for (p++; p < end; p++) {
        if (quote) {
            if (*p == quote)
                quote = 0;
        } else if (*p == '"' || *p == '\'') {
            quote = *p;
        } else if (*p == '>') {
            return p + 1;
        }
    }
    return end;
}

static void
owe_newlines(struct out *o, int n)
{
    if (o->newlines < n)
        o->newlines = n;
}

rp_code
htmltext_convert(const char *html, size_t len, rp_buf *b, rp_err *err)
{
    struct out o = {.b = b};
    const char *p = html, *end = html + len;
    int pre = 0; /* depth of <pre> */
    while (p < end && !o.rc) {
        unsigned char c = (unsigned char)*p;
        if (c == '<' && p + 1 < end &&
            (isalpha((unsigned char)p[1]) || p[1] == '/' || p[1] == '!' ||
             p[1] == '?')) {
            if (p + 3 < end && !strncmp(p, "<!--", 4)) {
                const char *close =
                    memmem(p + 4, (size_t)(end - p - 4), "-->", 3);
                p = close ? close + 3 : end;
                continue;
            }
            bool closing = p[1] == '/';
            const char *name = p + 1 + closing, *ne = name;
            while (ne < end && isalnum((unsigned char)*ne))
                ne++;
            const char *after = tag_end(p, end);
            enum shape s = shape_of(name, (size_t)(ne - name));
            bool self_closing = after - p >= 2 && after[-2] == '/';
            p = after;
            switch (s) {
            case SKIP:
                if (!closing && !self_closing) {
                    const char *q =
                        skip_to_close(p, end, name, (size_t)(ne - name));
                    if (q) /* an unclosed element keeps what follows */
                        p = q;
                }
                break;
            case PRE:
                pre += closing ? (pre > 0 ? -1 : 0) : 1;
                owe_newlines(&o, 1);
                break;
            case BREAK:
                if (!closing)
                    o.newlines++;
                break;
            case PARA:
                owe_newlines(&o, 2);
                break;
            case LINE:
                owe_newlines(&o, 1);
                break;
            case SPACE:
                o.space = true;
                break;
            case INLINE:
                break;
            }
            continue;
        }
        if (c == '&') {
            uint32_t cp;
            size_t n = entity(p, (size_t)(end - p), &cp);
            if (n) {
                put_cp(&o, cp);
                p += n;
                continue;
            }
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
            if (!pre)
                o.space = true;
            else if (c == '\n')
                o.newlines++;
            else if (c != '\r')
                put(&o, p, 1);
            p++;
            continue;
        }
        /* A run of ordinary text goes out in one append. */
        const char *q = p + 1;
        while (q < end && *q != '<' && *q != '&' && *q != ' ' && *q != '\t' &&
               *q != '\r' && *q != '\n' && *q != '\f')
            q++;
        put(&o, p, (size_t)(q - p));
        p = q;
    }
    if (o.rc)
        return rp_fail(err, o.rc, "out of memory converting HTML to text");
    return RP_OK;
}
