/*
 * coach_text.c - cuts a draft into header, sentences, words and
 * paragraphs for the coach's detectors; see coach_int.h.
 */
#include <string.h>

#include <utf8proc.h>

#include "nlp/coach_int.h"
#include "nlp/emailtext.h"

/* Headers that make a leading "Name: value" block a header block; any
 * other name ("Note: ...") leaves the line in the body. */
static const char *const known_headers[] = {"subject", "to",   "from",    "cc",
                                            "bcc",     "date", "reply-to"};

static bool
is_known_header(const char *t, size_t n)
{
    for (size_t i = 0; i < sizeof known_headers / sizeof *known_headers; i++)
        if (strlen(known_headers[i]) == n &&
            !strncasecmp(known_headers[i], t, n))
            return true;
    return false;
}

/* Length of the header name at t[pos] when the line is "Name: ...", else
 * 0. */
static size_t
header_name(const char *t, size_t len, size_t pos)
{
    size_t i = pos;
    while (i < len && i - pos < 30 &&
           ((t[i] >= 'A' && t[i] <= 'Z') || (t[i] >= 'a' && t[i] <= 'z') ||
            t[i] == '-'))
        i++;
    return i > pos && i < len && t[i] == ':' ? i - pos : 0;
}

static size_t
line_end(const char *t, size_t len, size_t pos)
{
    const char *nl = memchr(t + pos, '\n', len - pos);
    return nl ? (size_t)(nl - t) : len;
}

/* Finds the header block at the top of the draft, when there is one made
 * of "Name: value" lines with at least one known name, and the subject in
 * it.  Sets d->body past the block and the blank line after it. */
static void
parse_headers(coach_doc *d)
{
    const char *t = d->text;
    size_t pos = 0, len = d->len;
    bool known = false, subject = false;
    nlp_span subj = {0, 0};
    while (pos < len) {
        size_t n = header_name(t, len, pos), e = line_end(t, len, pos);
        if (!n)
            break;
        if (is_known_header(t + pos, n))
            known = true;
        if (n == 7 && !strncasecmp(t + pos, "subject", 7)) {
            size_t s = pos + n + 1, x = e;
            while (s < x && (t[s] == ' ' || t[s] == '\t'))
                s++;
            while (x > s &&
                   (t[x - 1] == ' ' || t[x - 1] == '\t' || t[x - 1] == '\r'))
                x--;
            subject = true;
            subj.start = s;
            subj.end = x;
        }
        pos = e < len ? e + 1 : len;
    }
    if (!known || pos == 0)
        return;
    /* Skip one blank line after the block. */
    if (pos < len && t[pos] == '\r')
        pos++;
    if (pos < len && t[pos] == '\n')
        pos++;
    d->body = pos;
    d->has_subject = subject;
    d->subject = subj;
}

size_t
coach_fold(const char *t, size_t s, size_t e, char *buf, size_t cap)
{
    size_t n = 0;
    for (size_t i = s; i < e && n < cap; i++) {
        unsigned char ch = (unsigned char)t[i];
        if (ch == 0xE2 && i + 2 < e && (unsigned char)t[i + 1] == 0x80 &&
            (unsigned char)t[i + 2] == 0x99) {
            buf[n++] = '\'';
            i += 2;
            continue;
        }
        buf[n++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    return n;
}

bool
coach_upper_at(const char *t, size_t len, size_t pos)
{
    uint32_t cp;
    if (pos >= len)
        return false;
    nlp_utf8_next(t, len, pos, &cp);
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LU;
}

/* Appends the lower-cased form of word [s, e) (coach_fold). */
static rp_code
add_norm(coach_doc *d, size_t *nalloc, size_t s, size_t e, coach_word *w)
{
    size_t need = d->normlen + (e - s) + 1;
    if (need > *nalloc) {
        size_t a = *nalloc ? *nalloc : 256;
        while (a < need)
            a *= 2;
        char *p = rp_realloc(d->norm, a);
        if (!p)
            return RP_ENOMEM;
        d->norm = p;
        *nalloc = a;
    }
    w->norm = d->normlen;
    w->nlen = coach_fold(d->text, s, e, d->norm + d->normlen, e - s);
    d->norm[d->normlen + w->nlen] = '\0';
    d->normlen += w->nlen + 1;
    return RP_OK;
}

/* True when the sentence [s, e) ends with "?", before closing quotes and
 * brackets. */
static bool
ends_with_question(const char *t, size_t s, size_t e)
{
    while (e > s && strchr("\"')]*_ ", t[e - 1]))
        e--;
    return e > s && t[e - 1] == '?';
}

/* True when [a, b) holds a blank line. */
static bool
has_blank_line(const char *t, size_t a, size_t b)
{
    int nl = 0;
    for (size_t i = a; i < b; i++) {
        if (t[i] == '\n') {
            if (++nl == 2)
                return true;
        } else if (t[i] != ' ' && t[i] != '\t' && t[i] != '\r')
            nl = 0;
    }
    return false;
}

/* True for a pictograph ("👋", "🎉", "☀"): the blocks of emoji and
 * symbols that chat writers use as a full stop. */
static bool
is_pictograph(uint32_t cp)
{
    return (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF);
}

/* Where the sentence [ss, se) goes on after a pictograph that ends a
 * sentence of its own: one followed by white space and a capital letter
 * ("resurfacing here 👋 Is endpoint security ..."), the way a message
 * typed on a phone ends a sentence without a stop.  Returns the offset of
 * that capital letter, or 0 when there is none; *end is where the
 * pictograph ends, which ends the first sentence. */
static size_t
pictograph_break(const char *t, size_t ss, size_t se, size_t *end)
{
    uint32_t cp;
    size_t p = ss;
    while (p < se) {
        size_t n = nlp_utf8_next(t, se, p, &cp);
        p += n;
        if (!is_pictograph(cp))
            continue;
        /* Skip the rest of the emoji (variation selectors, skin tones,
         * more pictographs), then white space. */
        size_t q = p;
        while (q < se) {
            size_t m = nlp_utf8_next(t, se, q, &cp);
            if (!is_pictograph(cp) && cp != 0xFE0F && cp != 0x200D &&
                !(cp >= 0x1F3FB && cp <= 0x1F3FF))
                break;
            q += m;
        }
        size_t sp = q;
        while (q < se) {
            size_t m = nlp_utf8_next(t, se, q, &cp);
            if (!nlp_is_space(cp))
                break;
            q += m;
        }
        if (q > sp && coach_upper_at(t, se, q)) {
            *end = sp;
            return q;
        }
        p = q;
    }
    return 0;
}

/* True when the first letter of [s, e) is lower case: a writer who
 * opens with "hey priya" or "sup Kev" starts sentences in lower case, so
 * a full stop before a lower-case word ends a sentence there ("well.
 * random one: would you ..."). */
static bool
opens_uncapitalised(const char *t, size_t s, size_t e)
{
    uint32_t cp;
    while (s < e) {
        s += nlp_utf8_next(t, e, s, &cp);
        utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
        if (cat == UTF8PROC_CATEGORY_LL)
            return true;
        if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT ||
            cat == UTF8PROC_CATEGORY_LO)
            return false;
    }
    return false;
}

/* Adds the sentences and words of region [rs, re). */
static rp_code
add_region(coach_doc *d, size_t rs, size_t re, bool new_para, size_t *walloc,
           size_t *salloc, size_t *nalloc)
{
    nlp_cursor c;
    nlp_span sp;
    size_t rest = 0; /* where a sentence cut at a pictograph goes on */
    nlp_cursor_init(&c, d->text + rs, re - rs);
    c.uncapitalised = d->uncapitalised;
    while (rest || nlp_next_sentence(&c, &sp)) {
        size_t ss = rest ? rest : rs + sp.start, se = rs + sp.end, w0 = d->nw;
        size_t cut = pictograph_break(d->text, ss, se, &se);
        rest = cut;
        nlp_cursor wc;
        nlp_span wp;
        nlp_cursor_init(&wc, d->text + ss, se - ss);
        while (nlp_next_word(&wc, &wp)) {
            if (rp_grow((void **)&d->w, walloc, d->nw, sizeof *d->w, 64))
                return RP_ENOMEM;
            coach_word *w = &d->w[d->nw];
            w->start = ss + wp.start;
            w->end = ss + wp.end;
            w->sent = d->ns;
            if (add_norm(d, nalloc, w->start, w->end, w))
                return RP_ENOMEM;
            d->nw++;
        }
        if (d->nw == w0)
            continue; /* no words: a row of dashes, an emoji */
        if (rp_grow((void **)&d->s, salloc, d->ns, sizeof *d->s, 64))
            return RP_ENOMEM;
        if (d->ns &&
            (new_para || has_blank_line(d->text, d->s[d->ns - 1].end, ss)))
            d->npara++;
        new_para = false;
        d->s[d->ns] =
            (coach_sent){.start = ss,
                         .end = se,
                         .w0 = w0,
                         .w1 = d->nw,
                         .para = d->npara,
                         .question = ends_with_question(d->text, ss, se)};
        d->ns++;
    }
    return RP_OK;
}

rp_code
coach_doc_build(coach_doc *d, const char *text, size_t len)
{
    nlp_span *reg = NULL;
    size_t walloc = 0, salloc = 0, nalloc = 0, nreg;
    rp_code rc = RP_ENOMEM;
    memset(d, 0, sizeof *d);
    d->text = text ? text : "";
    d->len = text ? len : 0;
    parse_headers(d);
    const char *b = d->text + d->body;
    size_t blen = d->len - d->body;
    d->uncapitalised = opens_uncapitalised(d->text, d->body, d->len);
    nreg = nlp_email_spans(b, blen, NULL, 0);
    if (nreg) {
        reg = rp_malloc(nreg * sizeof *reg);
        if (!reg)
            goto cleanup;
        nlp_email_spans(b, blen, reg, nreg);
    }
    for (size_t i = 0; i < nreg; i++)
        if (add_region(d, d->body + reg[i].start, d->body + reg[i].end, true,
                       &walloc, &salloc, &nalloc))
            goto cleanup;
    /* Nothing left once quotes and signature are gone: coach it all
     * rather than nothing. */
    if (!d->nw && blen &&
        add_region(d, d->body, d->len, true, &walloc, &salloc, &nalloc))
        goto cleanup;
    if (d->ns)
        d->npara++;
    rc = RP_OK;
cleanup:
    rp_free(reg);
    return rc;
}

void
coach_doc_release(coach_doc *d)
{
    if (!d)
        return;
    rp_free(d->w);
    rp_free(d->s);
    rp_free(d->norm);
    memset(d, 0, sizeof *d);
}

bool
coach_word_is(const coach_doc *d, size_t i, size_t s, const char *const *list,
              size_t n)
{
    if (i >= d->nw || d->w[i].sent != s)
        return false;
    for (size_t k = 0; k < n; k++)
        if (!strcmp(coach_word_norm(d, i), list[k]))
            return true;
    return false;
}

bool
coach_in_list(const char *w, size_t n, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && !memcmp(list[i], w, n))
            return true;
    return false;
}

bool
coach_ends_in_s(const char *w, size_t n)
{
    return n > 2 && w[n - 2] == '\'' && w[n - 1] == 's';
}

bool
coach_s_is_contraction(const char *w, size_t n)
{
    static const char *const contracted[] = {
        "it",     "that",       "this",      "here",     "there",    "what",
        "who",    "where",      "how",       "when",     "why",      "let",
        "he",     "she",        "one",       "everyone", "someone",  "anyone",
        "nobody", "everything", "something", "nothing",  "anything", NULL};
    return coach_in_list(w, n, contracted);
}

/* True when word i opens an intensifier that only looks negative:
 * "nothing short of", "no less than", "nothing less than". */
static bool
intensifier(const coach_doc *d, size_t i)
{
    static const char *const head[] = {"nothing", "no"}, *const mid[] = {
                                                             "short", "less"};
    static const char *const tail[] = {"of", "than"};
    size_t s = d->w[i].sent;
    return coach_word_is(d, i, s, head, 2) &&
           coach_word_is(d, i + 1, s, mid, 2) &&
           coach_word_is(d, i + 2, s, tail, 2);
}

bool
coach_word_negates(const coach_doc *d, size_t i)
{
    static const char *const neg[] = {"not",     "no",    "none",
                                      "nothing", "never", "cannot"};
    const char *w = coach_word_norm(d, i);
    size_t n = d->w[i].nlen;
    return (n >= 3 && !strcmp(w + n - 3, "n't")) ||
           (coach_word_is(d, i, d->w[i].sent, neg, sizeof neg / sizeof *neg) &&
            !intensifier(d, i));
}

bool
coach_negated(const coach_doc *d, size_t w, size_t n)
{
    for (size_t k = 1; k <= n && k <= w; k++)
        if (d->w[w - k].sent == d->w[w].sent && coach_word_negates(d, w - k))
            return true;
    return false;
}
