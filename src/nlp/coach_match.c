/*
 * coach_match.c - finds the phrases of data/coach/ in a draft's words.
 *
 * The compiled lists hold under a thousand phrases, so each call builds a
 * small index of them (sorted by first word) rather than keeping one in a
 * global: the module stays pure, and a 1 MiB draft still takes one binary
 * search per word.
 */
#include <stdlib.h>
#include <string.h>

#include "nlp/coach_int.h"

#define MAX_TOKENS COACH_MAX_PHRASE_WORDS

typedef struct {
    const char *tok[MAX_TOKENS];
    size_t len[MAX_TOKENS];
    bool prefix[MAX_TOKENS]; /* "word*", or a lone "*" with len 0 */
    int ntok;
    size_t group;
} phrase;

/* A phrase's first word, for the sorted index. */
typedef struct {
    const char *tok;
    size_t len;
    size_t phrase;
} index_entry;

int
coach_group(const char *cat, const char *name)
{
    for (size_t g = 0; g < nlp_coach_ngroups; g++)
        if (!strcmp(nlp_coach_groups[g].category, cat) &&
            !strcmp(nlp_coach_groups[g].name, name))
            return (int)g;
    return -1;
}

static int
cmp_key(const char *a, size_t alen, const char *b, size_t blen)
{
    int c = memcmp(a, b, alen < blen ? alen : blen);
    return c ? c : (alen > blen) - (alen < blen);
}

static int
cmp_entry(const void *x, const void *y)
{
    const index_entry *a = x, *b = y;
    int c = cmp_key(a->tok, a->len, b->tok, b->len);
    return c ? c : (a->phrase > b->phrase) - (a->phrase < b->phrase);
}

/* Splits the generated phrase text into tokens. */
static void
split_phrase(const char *s, size_t group, phrase *p)
{
    p->ntok = 0;
    p->group = group;
    while (*s && p->ntok < MAX_TOKENS) {
        const char *e = strchr(s, ' ');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        bool star = n && s[n - 1] == '*';
        p->tok[p->ntok] = s;
        p->len[p->ntok] = star ? n - 1 : n;
        p->prefix[p->ntok] = star;
        p->ntok++;
        s += n;
        while (*s == ' ')
            s++;
    }
}

static bool
token_matches(const phrase *p, int k, const char *w, size_t wlen)
{
    if (p->prefix[k])
        return wlen >= p->len[k] && !memcmp(w, p->tok[k], p->len[k]);
    return wlen == p->len[k] && !memcmp(w, p->tok[k], wlen);
}

/* True when the phrase's last token, a noun, matches word w with "'s"
 * after it: "my manager" in "my manager's got a whiteboard" or "my
 * boss's view" (phrase_at leaves out "my manager's away").  Not after a
 * word whose "'s" is "is" or "us" ("it's", "let's"), and not for a
 * one-word phrase, whose word alone would then match a name's
 * possessive. */
static bool
token_matches_s(const phrase *p, int k, const char *w, size_t wlen)
{
    return k == p->ntok - 1 && p->ntok >= 2 && !p->prefix[k] &&
           coach_ends_in_s(w, wlen) && token_matches(p, k, w, wlen - 2) &&
           !coach_s_is_contraction(p->tok[k], p->len[k]);
}

/* True when word i, right after a noun with "'s", shows that "'s" is
 * "is": "my manager's away", "my number's changed". */
static bool
after_is(const coach_doc *d, size_t i)
{
    static const char *const state[] = {
        "away",  "out", "off", "back", "been", "changed", "gone",  "here",
        "there", "in",  "on",  "not",  "now",  "just",    "still", "busy"};
    return coach_word_is(d, i, d->w[i - 1].sent, state,
                         sizeof state / sizeof *state);
}

/* True when phrase p matches the words from i on, all in one sentence. */
static bool
phrase_at(const coach_doc *d, const phrase *p, size_t i)
{
    if (i + (size_t)p->ntok > d->nw)
        return false;
    for (int k = 0; k < p->ntok; k++) {
        size_t at = i + (size_t)k;
        const coach_word *w = &d->w[at];
        const char *norm = coach_word_norm(d, at);
        if (w->sent != d->w[i].sent ||
            !(token_matches(p, k, norm, w->nlen) ||
              (token_matches_s(p, k, norm, w->nlen) && !after_is(d, at + 1))))
            return false;
    }
    return true;
}

static int
cmp_hit(const void *x, const void *y)
{
    const coach_hit *a = x, *b = y;
    if (a->w0 != b->w0)
        return a->w0 < b->w0 ? -1 : 1;
    if (a->w1 != b->w1)
        return a->w1 > b->w1 ? -1 : 1;
    return (a->group > b->group) - (a->group < b->group);
}

/* True for a list read as a set of single words, never looked for in the
 * text: the words no_personal_touch never counts as a reference
 * ([stopwords], and common.txt's words common to many drafts), and
 * related.txt's families of words of one pastime. */
static bool
word_set(const nlp_coach_group *gr)
{
    return !strcmp(gr->category, "common") ||
           !strcmp(gr->category, "related") ||
           (!strcmp(gr->category, "no_personal_touch") &&
            !strcmp(gr->name, "stopwords"));
}

/* Which overlap class a group's hits fall in: flagging groups share one
 * per category, counting lists (severity 0) have their own. */
static size_t
overlap_key(size_t g)
{
    const nlp_coach_group *gr = &nlp_coach_groups[g];
    if (gr->severity == 0)
        return g;
    for (size_t k = 0; k < g; k++)
        if (nlp_coach_groups[k].severity &&
            !strcmp(nlp_coach_groups[k].category, gr->category))
            return k;
    return g;
}

static rp_code
add_hit(coach_hit **v, size_t *n, size_t *alloc, coach_hit h)
{
    if (rp_grow((void **)v, alloc, *n, sizeof **v, 64))
        return RP_ENOMEM;
    (*v)[(*n)++] = h;
    return RP_OK;
}

rp_code
coach_match(const coach_doc *d, coach_hit **out, size_t *nout)
{
    phrase *ph = rp_calloc(nlp_coach_nphrases + 1, sizeof *ph);
    index_entry *ix = rp_calloc(nlp_coach_nphrases + 1, sizeof *ix);
    size_t *wild = rp_calloc(nlp_coach_nphrases + 1, sizeof *wild);
    size_t *key = rp_calloc(nlp_coach_ngroups + 1, sizeof *key);
    size_t *reach = rp_calloc(nlp_coach_ngroups + 1, sizeof *reach);
    size_t nix = 0, nwild = 0, n = 0, alloc = 0;
    coach_hit *hits = NULL;
    rp_code rc = RP_ENOMEM;

    *out = NULL;
    *nout = 0;
    if (!ph || !ix || !wild || !key || !reach)
        goto cleanup;
    for (size_t g = 0; g < nlp_coach_ngroups; g++) {
        const nlp_coach_group *gr = &nlp_coach_groups[g];
        key[g] = overlap_key(g);
        if (word_set(gr))
            continue;
        for (int i = 0; i < gr->count; i++) {
            size_t k = (size_t)(gr->first + i);
            split_phrase(nlp_coach_phrases[k], g, &ph[k]);
            if (!ph[k].ntok)
                continue;
            if (ph[k].prefix[0])
                wild[nwild++] = k;
            else
                ix[nix++] = (index_entry){ph[k].tok[0], ph[k].len[0], k};
        }
    }
    qsort(ix, nix, sizeof *ix, cmp_entry);

    for (size_t i = 0; i < d->nw; i++) {
        const char *w = coach_word_norm(d, i);
        size_t wl = d->w[i].nlen, lo = 0, hi = nix;
        while (lo < hi) { /* first entry not below the word */
            size_t mid = lo + (hi - lo) / 2;
            if (cmp_key(ix[mid].tok, ix[mid].len, w, wl) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (; lo < nix && !cmp_key(ix[lo].tok, ix[lo].len, w, wl); lo++) {
            const phrase *p = &ph[ix[lo].phrase];
            if (phrase_at(d, p, i) &&
                add_hit(&hits, &n, &alloc,
                        (coach_hit){p->group, i, i + (size_t)p->ntok}))
                goto cleanup;
        }
        for (size_t k = 0; k < nwild; k++) {
            const phrase *p = &ph[wild[k]];
            if (phrase_at(d, p, i) &&
                add_hit(&hits, &n, &alloc,
                        (coach_hit){p->group, i, i + (size_t)p->ntok}))
                goto cleanup;
        }
    }
    if (n) /* hits is NULL when nothing matched */
        qsort(hits, n, sizeof *hits, cmp_hit);
    /* Leftmost, then longest, wins within an overlap class. */
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        size_t c = key[hits[i].group];
        if (reach[c] && hits[i].w0 < reach[c] - 1)
            continue;
        reach[c] = hits[i].w1 + 1;
        hits[kept++] = hits[i];
    }
    *out = hits;
    *nout = kept;
    hits = NULL;
    rc = RP_OK;
cleanup:
    rp_free(hits);
    rp_free(ph);
    rp_free(ix);
    rp_free(wild);
    rp_free(key);
    rp_free(reach);
    return rc;
}
