/*
 * coach_features.c - hashed unigram, bigram and shape features of a draft
 * for the coach's learned model; see coach_features.h.
 */
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/coach_features.h"
#include "nlp/coach_int.h"

uint32_t
nlp_coach_feat_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    /* Fold the high half in so every bit of the hash counts. */
    return (h ^ (h >> NLP_COACH_FEAT_BITS)) & (NLP_COACH_FEAT_DIM - 1);
}

/* Words after which "you" is the subject of what follows. */
static const char *const before_subject[] = {
    "and",   "but",  "so",   "if",     "when",   "that",  "because", "as",
    "since", "once", "then", "until",  "unless", "think", "guess",   "hope",
    "know",  "bet",  "sure", "before", "after",  "while", "where",   NULL};

/* Words that do not open an imperative: pronouns, determiners, question
 * words, auxiliaries, conjunctions, prepositions, greetings and fillers. */
static const char *const not_verb[] = {
    "i",        "you",      "we",        "they",
    "he",       "she",      "it",        "this",
    "that",     "these",    "those",     "there",
    "here",     "my",       "your",      "our",
    "their",    "his",      "her",       "its",
    "me",       "us",       "them",      "a",
    "an",       "the",      "some",      "any",
    "every",    "each",     "all",       "no",
    "both",     "either",   "neither",   "many",
    "much",     "most",     "more",      "few",
    "what",     "who",      "when",      "where",
    "why",      "how",      "which",     "is",
    "are",      "was",      "were",      "am",
    "be",       "been",     "do",        "does",
    "did",      "have",     "has",       "had",
    "can",      "could",    "would",     "should",
    "will",     "shall",    "may",       "might",
    "must",     "and",      "but",       "or",
    "so",       "if",       "as",        "because",
    "since",    "though",   "although",  "while",
    "in",       "on",       "at",        "for",
    "from",     "with",     "by",        "to",
    "of",       "about",    "after",     "before",
    "over",     "under",    "like",      "hi",
    "hello",    "hey",      "dear",      "thanks",
    "thank",    "cheers",   "best",      "regards",
    "kind",     "yours",    "sincerely", "warm",
    "warmly",   "good",     "great",     "congratulations",
    "congrats", "sorry",    "happy",     "hope",
    "glad",     "yes",      "ok",        "okay",
    "well",     "oh",       "wow",       "also",
    "really",   "honestly", "actually",  "frankly",
    "anyway",   "sure",     "not",       "one",
    "two",      "quick",    "again",     "still",
    "only",     "even",     "then",      "now",
    "today",    "tomorrow", "yesterday", "last",
    "next",     "p.s",      "ps",        NULL};

/* Words skipped before looking for an imperative's verb. */
static const char *const lead_in[] = {"please", "just", "so",  "now",  "ok",
                                      "okay",   "and",  "but", "then", NULL};

static bool
is_you(const char *w, size_t n)
{
    return n >= 3 && !memcmp(w, "you", 3) && (n == 3 || w[3] == '\'');
}

static bool
is_contraction_you(const char *w, size_t n)
{
    return n > 3 && !memcmp(w, "you", 3) && w[3] == '\'';
}

/* "i'll", "we'll", "i will", "we will", "i'm going to", "we're going to",
 * "let me", "let us", "let's": the sender's plan. */
static bool
is_future(const coach_doc *d, size_t i, size_t w1)
{
    const char *w = coach_word_norm(d, i);
    size_t n = d->w[i].nlen;
    if ((n == 4 && !memcmp(w, "i'll", 4)) || (n == 5 && !memcmp(w, "we'll", 5)))
        return true;
    if (i + 1 >= w1)
        return false;
    const char *x = coach_word_norm(d, i + 1);
    size_t xn = d->w[i + 1].nlen;
    bool me = (n == 1 && w[0] == 'i') || (n == 2 && !memcmp(w, "we", 2));
    if (me && ((xn == 4 && !memcmp(x, "will", 4)) ||
               (xn == 5 && !memcmp(x, "shall", 5))))
        return true;
    if (n == 3 && !memcmp(w, "let", 3) &&
        ((xn == 2 && !memcmp(x, "me", 2)) || (xn == 2 && !memcmp(x, "us", 2))))
        return true;
    if (n == 5 && !memcmp(w, "let's", 5))
        return true;
    bool be =
        (n == 3 && !memcmp(w, "i'm", 3)) || (n == 5 && !memcmp(w, "we're", 5));
    return be && xn == 5 && !memcmp(x, "going", 5);
}

/* True when word i is followed in the text by a comma: "Sam, trust me"
 * names the reader before the sentence proper. */
static bool
comma_after(const coach_doc *d, size_t i)
{
    size_t e = d->w[i].end;
    return e < d->len && d->text[e] == ',';
}

/* Whether the sentence [w0, w1) opens with what looks like a bare verb. */
static bool
is_imperative(const coach_doc *d, size_t w0, size_t w1, bool question)
{
    size_t i = w0;
    if (question)
        return false;
    /* A greeting or a name before a comma ("Hi Sam," "Sam,") is not the
     * sentence's first word. */
    while (i < w1 && i - w0 < 3 && comma_after(d, i))
        i++;
    while (i < w1 &&
           coach_in_list(coach_word_norm(d, i), d->w[i].nlen, lead_in))
        i++;
    if (i + 1 >= w1)
        return false;
    const char *w = coach_word_norm(d, i);
    size_t n = d->w[i].nlen;
    if (n < 2 || coach_in_list(w, n, not_verb) || memchr(w, '\'', n))
        return false;
    if (w[0] >= '0' && w[0] <= '9')
        return false;
    /* Adverbs, participles, past forms and third persons are not bare
     * verbs. */
    if ((n > 3 && !memcmp(w + n - 2, "ly", 2)) ||
        (n > 4 && !memcmp(w + n - 3, "ing", 3)) ||
        (n > 3 && !memcmp(w + n - 2, "ed", 2)) || w[n - 1] == 's')
        return false;
    return true;
}

/* Whether word i of the text is written in capitals ("HUGE"). */
static bool
all_caps(const coach_doc *d, size_t i)
{
    size_t letters = 0;
    for (size_t k = d->w[i].start; k < d->w[i].end; k++) {
        unsigned char c = (unsigned char)d->text[k];
        if (c >= 'a' && c <= 'z')
            return false;
        letters += c >= 'A' && c <= 'Z';
    }
    return letters >= 2;
}

typedef struct {
    uint32_t *v;
    size_t n, alloc;
} idvec;

static rp_code
push(idvec *v, uint32_t id)
{
    if (rp_grow((void **)&v->v, &v->alloc, v->n, sizeof *v->v, 256))
        return RP_ENOMEM;
    v->v[v->n++] = id;
    return RP_OK;
}

/* Adds the hash of prefix + a (+ " " + b) to v. */
static rp_code
push_feat(idvec *v, const char *prefix, const char *a, const char *b)
{
    char buf[160];
    size_t n = 0, pn = strlen(prefix), an = strlen(a);
    if (pn + an + 1 > sizeof buf)
        an = sizeof buf - pn - 1;
    memcpy(buf, prefix, pn);
    memcpy(buf + pn, a, an);
    n = pn + an;
    if (b) {
        size_t bn = strlen(b);
        if (n + 1 + bn > sizeof buf)
            bn = sizeof buf - n - 1;
        buf[n++] = ' ';
        memcpy(buf + n, b, bn);
        n += bn;
    }
    return push(v, nlp_coach_feat_hash(buf, n));
}

static int
cmp_id(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

/* Sorts v[from..n) and drops repeats; returns the new n. */
static size_t
sort_unique(uint32_t *v, size_t from, size_t n)
{
    if (n - from < 2)
        return n;
    qsort(v + from, n - from, sizeof *v, cmp_id);
    size_t o = from + 1;
    for (size_t i = from + 1; i < n; i++)
        if (v[i] != v[o - 1])
            v[o++] = v[i];
    return o;
}

/* The token word i stands for: its stem, "<name>" or "<num>", written to
 * out (cap bytes). */
static void
token(struct sb_stemmer *sb, const coach_doc *d, size_t i, bool first,
      char *out, size_t cap)
{
    const char *w = coach_word_norm(d, i);
    size_t n = d->w[i].nlen;
    unsigned char c0 = (unsigned char)d->text[d->w[i].start];
    if (c0 >= '0' && c0 <= '9') {
        snprintf(out, cap, "<num>");
        return;
    }
    if (!first && c0 >= 'A' && c0 <= 'Z' && !(n == 1 && w[0] == 'i') &&
        !(n > 1 && w[0] == 'i' && w[1] == '\'') && !all_caps(d, i)) {
        snprintf(out, cap, "<name>");
        return;
    }
    coach_stem(sb, w, n, out, cap);
}

rp_code
coach_features_doc(const coach_doc *d, nlp_coach_feats *out)
{
    idvec v = {0};
    rp_code rc = RP_ENOMEM;
    struct sb_stemmer *sb = sb_stemmer_new("english", "UTF_8");
    memset(out, 0, sizeof *out);
    out->first = rp_calloc(d->ns + 1, sizeof *out->first);
    out->start = rp_calloc(d->ns + 1, sizeof *out->start);
    out->end = rp_calloc(d->ns + 1, sizeof *out->end);
    if (!sb || !out->first || !out->start || !out->end)
        goto cleanup;
    for (size_t s = 0; s < d->ns; s++) {
        const coach_sent *st = &d->s[s];
        size_t from = v.n;
        char prev[64] = "^", cur[64];
        bool you = false, future = false, caps = false;
        out->first[s] = from;
        out->start[s] = st->start;
        out->end[s] = st->end;
        for (size_t i = st->w0; i < st->w1; i++) {
            const char *w = coach_word_norm(d, i);
            size_t n = d->w[i].nlen;
            token(sb, d, i, i == st->w0, cur, sizeof cur);
            if (push_feat(&v, "u:", cur, NULL) ||
                push_feat(&v, "b:", prev, cur))
                goto cleanup;
            memcpy(prev, cur, sizeof prev);
            if (is_you(w, n) &&
                (is_contraction_you(w, n) || i == st->w0 ||
                 coach_in_list(coach_word_norm(d, i - 1), d->w[i - 1].nlen,
                               before_subject)))
                you = true;
            future = future || is_future(d, i, st->w1);
            caps = caps || all_caps(d, i);
        }
        if ((you && push_feat(&v, "s:", "you_subj", NULL)) ||
            (future && push_feat(&v, "s:", "i_future", NULL)) ||
            (st->question && push_feat(&v, "s:", "question", NULL)) ||
            (is_imperative(d, st->w0, st->w1, st->question) &&
             push_feat(&v, "s:", "imperative", NULL)) ||
            (memchr(d->text + st->start, '!', st->end - st->start) &&
             push_feat(&v, "s:", "exclaim", NULL)) ||
            (caps && push_feat(&v, "s:", "caps", NULL)))
            goto cleanup;
        v.n = sort_unique(v.v, from, v.n);
    }
    out->first[d->ns] = v.n;
    out->nsent = d->ns;
    out->all = rp_malloc((v.n ? v.n : 1) * sizeof *out->all);
    if (!out->all)
        goto cleanup;
    if (v.n)
        memcpy(out->all, v.v, v.n * sizeof *out->all);
    out->nall = sort_unique(out->all, 0, v.n);
    out->f = v.v;
    v.v = NULL;
    rc = RP_OK;
cleanup:
    if (sb)
        sb_stemmer_delete(sb);
    rp_free(v.v);
    return rc;
}

rp_code
nlp_coach_features(const char *text, size_t len, nlp_coach_feats *out)
{
    coach_doc d;
    rp_code rc;
    memset(out, 0, sizeof *out);
    if ((rc = coach_doc_build(&d, text, len)) == RP_OK)
        rc = coach_features_doc(&d, out);
    coach_doc_release(&d);
    return rc;
}

void
nlp_coach_feats_release(nlp_coach_feats *f)
{
    if (!f)
        return;
    rp_free(f->f);
    rp_free(f->first);
    rp_free(f->start);
    rp_free(f->end);
    rp_free(f->all);
    memset(f, 0, sizeof *f);
}
