/*
 * sentiment.c - VADER (Hutto & Gilbert, ICWSM 2014), matched number for
 * number to the npm package vader-sentiment@1.1.3.
 *
 * How the text becomes words.  It is split on JavaScript white space;
 * pieces shorter than two UTF-16 code units are dropped (so "I", "a" and a
 * lone "!" never count).  A piece that is one VADER punctuation mark (".",
 * "!!", "?!?" ...) followed or preceded by a word free of ASCII punctuation
 * loses the mark; every other piece ("(great)", "wow!!!!", ":-)") stays as
 * it is.  Look-ups fold case; the rules that name words ("never so", "but",
 * the idioms) compare exact spelling, as the peer does.
 *
 * A first pass reads the words, counts the ALL-CAPS ones and finds the
 * first "but"; then each word is scored.  Up to SHORT words are kept on the
 * stack from the first pass; a longer text is read a second time through a
 * ring of the six words around the one being scored (three before, two
 * after), which is all any rule looks at.  So the scorer never allocates,
 * and the sums are added in the peer's order, so the doubles come out
 * equal.
 */
#include "nlp/sentiment.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "nlp/lexicon.h"
#include "nlp/tokenize.h"

/* The paper's empirically derived constants (section 3.2 and the
 * reference implementation). */
#define B_DECR (-0.293)  /* a dampener: "kind of", "sort of" */
#define C_INCR 0.733     /* an ALL-CAPS word among lower-case ones */
#define N_SCALAR (-0.74) /* a negation flips and shrinks the valence */
#define EP_INCR 0.292    /* each "!" up to four */
#define QM_INCR 0.18     /* each "?" when two or three */
#define QM_MAX 0.96      /* four or more "?" */
#define ALPHA 15.0       /* normalisation: x / sqrt(x^2 + alpha) */

typedef struct {
    const char *s; /* the word's bytes, inside the text */
    size_t len;
    const nlp_lexicon_entry *e; /* found by the lower-cased word, or NULL */
    bool upper;                 /* Python's isupper(): A-Z and no a-z */
    bool exact;                 /* already lower-case: equals e->key */
    bool nt;                    /* holds "n't" */
} vword;

typedef struct {
    const char *text;
    size_t len, pos;
    size_t bangs, quests; /* "!" and "?" seen so far, anywhere */
} vscan;

static bool
is_ascii_space(unsigned char b)
{
    return b == ' ' || (b >= '\t' && b <= '\r');
}

/* The 32 ASCII punctuation marks the peer strips before matching. */
static bool
is_punct(unsigned char b)
{
    return (b >= '!' && b <= '/') || (b >= ':' && b <= '@') ||
           (b >= '[' && b <= '`') || (b >= '{' && b <= '~');
}

/* True when [s, s+n) is one of the peer's PUNC_LIST entries. */
static bool
is_punc_mark(const char *s, size_t n)
{
    switch (n) {
    case 1:
        return strchr(".!?,;:-'\"", s[0]) != NULL && s[0] != '\0';
    case 2:
        return !memcmp(s, "!!", 2) || !memcmp(s, "??", 2);
    case 3:
        return !memcmp(s, "!!!", 3) || !memcmp(s, "???", 3) ||
               !memcmp(s, "?!?", 3) || !memcmp(s, "!?!", 3);
    case 4:
        return !memcmp(s, "?!?!", 4) || !memcmp(s, "!?!?", 4);
    default:
        return false;
    }
}

/* Looks w up by its lower-cased spelling.  JavaScript's toLowerCase()
 * turns only A-Z and U+212A KELVIN SIGN into ASCII; any other non-ASCII
 * character keeps the word out of the all-ASCII table. */
static void
look_up(vword *w)
{
    char key[NLP_LEXICON_MAX_KEY + 1];
    const unsigned char *p = (const unsigned char *)w->s;
    size_t k = 0, i = 0;

    w->e = NULL;
    w->exact = true;
    while (i < w->len) {
        if (k == NLP_LEXICON_MAX_KEY)
            return;
        unsigned char b = p[i];
        if (b < 0x80) {
            if (b >= 'A' && b <= 'Z') {
                b |= 0x20;
                w->exact = false;
            }
            key[k++] = (char)b;
            i++;
        } else if (b == 0xE2 && i + 2 < w->len && p[i + 1] == 0x84 &&
                   p[i + 2] == 0xAA) {
            key[k++] = 'k';
            w->exact = false;
            i += 3;
        } else {
            return;
        }
    }
    w->e = nlp_lexicon_find(key, k);
}

/*
 * Reads the next VADER word into *w; false at the end of the text.
 * Mirrors the peer's SentiText: split on white space, drop pieces of one
 * UTF-16 unit, strip one PUNC_LIST mark from a punctuation-free word.
 */
static bool
next_word(vscan *sc, vword *w)
{
    const unsigned char *t = (const unsigned char *)sc->text;
    uint32_t cp;

    for (;;) {
        while (sc->pos < sc->len) {
            if (t[sc->pos] < 0x80) {
                if (!is_ascii_space(t[sc->pos]))
                    break;
                sc->pos++;
            } else {
                size_t n = nlp_utf8_next(sc->text, sc->len, sc->pos, &cp);
                if (!nlp_is_space(cp))
                    break;
                sc->pos += n;
            }
        }
        if (sc->pos >= sc->len)
            return false;

        size_t a = sc->pos, units = 0, punct = 0, lead = 0, trail = 0;
        bool in_lead = true, has_upper = false, has_lower = false;
        bool apos = false;
        while (sc->pos < sc->len) {
            unsigned char b = t[sc->pos];
            if (b < 0x80) {
                if (is_ascii_space(b))
                    break;
                units++;
                sc->pos++;
                if (is_punct(b)) {
                    sc->bangs += b == '!';
                    sc->quests += b == '?';
                    apos |= b == '\'';
                    punct++;
                    trail++;
                    lead += in_lead;
                    continue;
                }
                has_lower |= b >= 'a' && b <= 'z';
                has_upper |= b >= 'A' && b <= 'Z';
            } else {
                size_t n = nlp_utf8_next(sc->text, sc->len, sc->pos, &cp);
                if (nlp_is_space(cp))
                    break;
                units += cp >= 0x10000 ? 2 : 1;
                sc->pos += n;
            }
            in_lead = false;
            trail = 0;
        }
        if (units <= 1)
            continue;

        w->s = sc->text + a;
        w->len = sc->pos - a;
        if (lead && lead == punct && units - lead > 1 &&
            is_punc_mark(w->s, lead)) {
            w->s += lead;
            w->len -= lead;
        } else if (trail && trail == punct && units - trail > 1 &&
                   is_punc_mark(w->s + w->len - trail, trail)) {
            w->len -= trail;
        }
        w->upper = has_upper && !has_lower;
        w->nt = apos && memmem(w->s, w->len, "n't", 3) != NULL;
        look_up(w);
        return true;
    }
}

static bool
has_valence(const vword *w)
{
    return w->e && (w->e->flags & NLP_LEX_VALENCE);
}

static bool
is_booster(const vword *w)
{
    return w->e && (w->e->flags & NLP_LEX_BOOSTER);
}

/* The word, ignoring case ("Kind" is "kind"). */
static bool
folds_to(const vword *w, nlp_word_id id)
{
    return w->e && w->e->id == id;
}

/* The word, spelled exactly so ("Never" is not "never"). */
static bool
spelled(const vword *w, nlp_word_id id)
{
    return w->exact && folds_to(w, id);
}

/* The peer's negated() on one word: a negation word spelled in lower
 * case, or any word holding "n't". */
static bool
negates(const vword *w)
{
    return (w->exact && w->e && (w->e->flags & NLP_LEX_NEGATE)) || w->nt;
}

/* The first pass: what the scores of single words depend on. */
typedef struct {
    size_t n;             /* words */
    bool cap_diff;        /* some, but not all, words are ALL CAPS */
    long but;             /* index of the first "but" (else "BUT"), or -1 */
    size_t bangs, quests; /* "!" and "?" in the whole text */
} vtext;

/* Reads every word once, keeping the first max of them in keep[]. */
static void
survey(const char *text, size_t len, vtext *vt, vword *keep, size_t max)
{
    vscan sc = {text, len, 0, 0, 0};
    vword scratch;
    size_t caps = 0;
    long lower_but = -1, upper_but = -1;

    vt->n = 0;
    for (;;) {
        vword *wp = vt->n < max ? &keep[vt->n] : &scratch;
        if (!next_word(&sc, wp))
            break;
        const vword w = *wp;
        caps += w.upper;
        if (lower_but < 0 && spelled(&w, NLP_W_BUT))
            lower_but = (long)vt->n;
        if (upper_but < 0 && w.len == 3 && !memcmp(w.s, "BUT", 3))
            upper_but = (long)vt->n;
        vt->n++;
    }
    vt->cap_diff = caps > 0 && caps < vt->n;
    vt->but = lower_but >= 0 ? lower_but : upper_but;
    vt->bangs = sc.bangs;
    vt->quests = sc.quests;
}

/* The words the rules may see around word i: word k, for i-3 <= k <= i+2,
 * is w[k & mask].  Either all the words (mask ~0) or a ring of RING. */
typedef struct {
    const vword *w;
    size_t mask;
} vwin;

#define RING 8   /* a power of two above six */
#define SHORT 96 /* texts of up to this many words are scanned once */
#define W(k) (&win->w[(k)&win->mask])

/* A booster before the word moves its valence away from zero (a dampener
 * towards it), more so when the booster alone is in capitals. */
static double
booster_scalar(const vword *w, double valence, bool cap_diff)
{
    if (!is_booster(w))
        return 0.0;
    double scalar = w->e->scalar;
    if (valence < 0)
        scalar *= -1;
    if (cap_diff && w->upper) {
        if (valence > 0)
            scalar += C_INCR;
        else
            scalar -= C_INCR;
    }
    return scalar;
}

/* Negation up to three words back; "never so good" and "never this good"
 * intensify instead.  At the third step back the peer tests the word just
 * before for "so" or "this", so "it is so good" gets the 1.25 too (only
 * from the fourth word on); the rule is kept so to match it. */
static double
never_check(const vwin *win, size_t i, int k, double v)
{
    if (k == 0) {
        if (negates(W(i - 1)))
            v = v * N_SCALAR;
    } else if (k == 1) {
        if (spelled(W(i - 2), NLP_W_NEVER) &&
            (spelled(W(i - 1), NLP_W_SO) || spelled(W(i - 1), NLP_W_THIS)))
            v = v * 1.5;
        else if (negates(W(i - 2)))
            v = v * N_SCALAR;
    } else {
        if ((spelled(W(i - 3), NLP_W_NEVER) &&
             (spelled(W(i - 2), NLP_W_SO) || spelled(W(i - 2), NLP_W_THIS))) ||
            spelled(W(i - 1), NLP_W_SO) || spelled(W(i - 1), NLP_W_THIS))
            v = v * 1.25;
        else if (negates(W(i - 3)))
            v = v * N_SCALAR;
    }
    return v;
}

/* The idioms, exact spelling: a two- or three-word sequence and the
 * valence that replaces the word's own. */
static const struct {
    nlp_word_id w[3];
    double valence;
} idioms[] = {
    {{NLP_W_THE, NLP_W_SHIT, NLP_W_NONE}, 3},
    {{NLP_W_THE, NLP_W_BOMB, NLP_W_NONE}, 3},
    {{NLP_W_BAD, NLP_W_ASS, NLP_W_NONE}, 1.5},
    {{NLP_W_YEAH, NLP_W_RIGHT, NLP_W_NONE}, -2},
    {{NLP_W_CUT, NLP_W_THE, NLP_W_MUSTARD}, 2},
    {{NLP_W_KISS, NLP_W_OF, NLP_W_DEATH}, -1.5},
    {{NLP_W_HAND, NLP_W_TO, NLP_W_MOUTH}, -2},
};

/* Looks up the words a[0..n) (n is 2 or 3) among the idioms. */
static bool
idiom(const vword *const *a, int n, double *valence)
{
    for (size_t i = 0; i < sizeof idioms / sizeof *idioms; i++) {
        int len = idioms[i].w[2] == NLP_W_NONE ? 2 : 3;
        if (len != n)
            continue;
        int k = 0;
        while (k < n && spelled(a[k], idioms[i].w[k]))
            k++;
        if (k == n) {
            *valence = idioms[i].valence;
            return true;
        }
    }
    return false;
}

/* "just enough", "kind of", "sort of", exact spelling. */
static bool
dampening_pair(const vword *a, const vword *b)
{
    return (spelled(a, NLP_W_JUST) && spelled(b, NLP_W_ENOUGH)) ||
           (spelled(a, NLP_W_KIND) && spelled(b, NLP_W_OF)) ||
           (spelled(a, NLP_W_SORT) && spelled(b, NLP_W_OF));
}

/* Idioms around word i (i >= 3), in the peer's order: the first match
 * among the sequences ending before or at i, then those starting at i,
 * which win over it. */
static double
idioms_check(const vwin *win, size_t i, size_t n, double v)
{
    /* clang-format off */
    const vword *seq[5][3] = {
        {W(i - 1), W(i), NULL},
        {W(i - 2), W(i - 1), W(i)},
        {W(i - 2), W(i - 1), NULL},
        {W(i - 3), W(i - 2), W(i - 1)},
        {W(i - 3), W(i - 2), NULL},
    };
    /* clang-format on */
    for (int s = 0; s < 5; s++)
        if (idiom(seq[s], seq[s][2] ? 3 : 2, &v))
            break;
    if (n - 1 > i) {
        const vword *ahead[3] = {W(i), W(i + 1), NULL};
        idiom(ahead, 2, &v);
    }
    if (n - 1 > i + 1) {
        const vword *ahead[3] = {W(i), W(i + 1), W(i + 2)};
        idiom(ahead, 3, &v);
    }
    if (dampening_pair(W(i - 3), W(i - 2)) ||
        dampening_pair(W(i - 2), W(i - 1)))
        v = v + B_DECR;
    return v;
}

/* "least good" flips the valence; "at least" and "very least" do not. */
static double
least_check(const vwin *win, size_t i, double v)
{
    if (i > 1 && folds_to(W(i - 1), NLP_W_LEAST) && !has_valence(W(i - 1))) {
        if (!folds_to(W(i - 2), NLP_W_AT) && !folds_to(W(i - 2), NLP_W_VERY))
            v = v * N_SCALAR;
    } else if (i > 0 && folds_to(W(i - 1), NLP_W_LEAST) &&
               !has_valence(W(i - 1))) {
        v = v * N_SCALAR;
    }
    return v;
}

/* The valence of word i before the "but" shift. */
static double
word_valence(const vwin *win, size_t i, const vtext *vt)
{
    const vword *w = W(i);
    if ((i + 1 < vt->n && folds_to(w, NLP_W_KIND) &&
         folds_to(W(i + 1), NLP_W_OF)) ||
        is_booster(w) || !has_valence(w))
        return 0.0;

    double v = w->e->valence;
    if (w->upper && vt->cap_diff) {
        if (v > 0)
            v += C_INCR;
        else
            v -= C_INCR;
    }
    for (int k = 0; k < 3; k++) {
        if (i <= (size_t)k || has_valence(W(i - k - 1)))
            continue;
        double s = booster_scalar(W(i - k - 1), v, vt->cap_diff);
        /* A booster further away counts less. */
        if (k == 1 && s != 0)
            s = s * 0.95;
        else if (k == 2 && s != 0)
            s = s * 0.9;
        v = v + s;
        v = never_check(win, i, k, v);
        if (k == 2)
            v = idioms_check(win, i, vt->n, v);
    }
    return least_check(win, i, v);
}

double
nlp_sentiment_round(double x, int digits)
{
    static const double scale[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
    double ax = fabs(x), p = ax * scale[digits];
    double n = floor(p), frac = p - n;
    /* frac is exact; only a product that rounded onto .5 needs its lost
     * low part, which fma() gives exactly, to break the tie. */
    if (frac > 0.5 || (frac == 0.5 && fma(ax, scale[digits], -p) >= 0))
        n += 1;
    double r = n / scale[digits];
    return x < 0 ? -r : r;
}

void
nlp_sentiment_score(const char *text, size_t len, nlp_sentiment *out)
{
    vtext vt;
    vword words[SHORT], ring[RING];
    vscan sc = {text, text ? len : 0, 0, 0, 0};
    vwin win = {words, ~(size_t)0};
    size_t loaded = 0;
    double sum = 0.0, pos = 0.0, neg = 0.0, neu = 0.0;

    memset(out, 0, sizeof *out);
    if (!text)
        return;
    survey(text, len, &vt, words, SHORT);
    if (vt.n == 0)
        return;
    if (vt.n > SHORT) {
        /* Too many to keep: read them again, six at a time. */
        win.w = ring;
        win.mask = RING - 1;
    } else {
        loaded = vt.n;
    }

    for (size_t i = 0; i < vt.n; i++) {
        while (loaded < vt.n && loaded <= i + 2) {
            next_word(&sc, &ring[loaded & (RING - 1)]);
            loaded++;
        }
        double v = word_valence(&win, i, &vt);
        /* "but" shifts the weight to what follows it (paper, rule 4). */
        if (vt.but >= 0) {
            if ((long)i < vt.but)
                v = v * 0.5;
            else if ((long)i > vt.but)
                v = v * 1.5;
        }
        sum += v;
        if (v > 0)
            pos += v + 1; /* +1: each word also counts as one neutral */
        else if (v < 0)
            neg += v - 1;
        else
            neu += 1;
    }

    double amp = (double)(vt.bangs > 4 ? 4 : vt.bangs) * EP_INCR;
    if (vt.quests > 1)
        amp += vt.quests <= 3 ? (double)vt.quests * QM_INCR : QM_MAX;

    if (sum > 0)
        sum += amp;
    else if (sum < 0)
        sum -= amp;
    double compound = sum / sqrt(sum * sum + ALPHA);
    if (compound < -1.0)
        compound = -1.0;
    else if (compound > 1.0)
        compound = 1.0;

    if (pos > fabs(neg))
        pos += amp;
    else if (pos < fabs(neg))
        neg -= amp;
    double total = pos + fabs(neg) + neu;

    /* + 0.0 turns a rounded -0 into 0, as JSON prints the peer's. */
    out->neg = nlp_sentiment_round(fabs(neg / total), 3) + 0.0;
    out->neu = nlp_sentiment_round(fabs(neu / total), 3) + 0.0;
    out->pos = nlp_sentiment_round(fabs(pos / total), 3) + 0.0;
    out->compound = nlp_sentiment_round(compound, 4) + 0.0;
}
