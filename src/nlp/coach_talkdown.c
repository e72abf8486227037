/*
 * coach_talkdown.c - one_up by sentence patterns rather than by memorised
 * phrases: talking down (cues of two kinds addressed to the reader) and
 * the sender deciding for the reader.  The cue lists are in
 * data/coach/one_up.txt.
 */
#include <string.h>

#include "nlp/coach_int.h"

/* The kinds of cue that, two together, talk down to the reader. */
enum { CUE_VERDICT, CUE_EASE, CUE_LECTURE, CUE_DIRECTIVE, NCUES };

/* True when one of the two words before word w is the sender's ("I
 * missed", "I'll fix the"): the cue is then about the sender's own work. */
static bool
senders_own(const coach_state *st, size_t w)
{
    int gs = coach_group("self_focus", "self_words");
    size_t from = w >= 2 ? w - 2 : 0;
    for (size_t k = 0; k < st->nhits; k++) {
        const coach_hit *h = &st->hits[k];
        if ((int)h->group == gs && h->w0 >= from && h->w0 < w &&
            st->d->w[h->w0].sent == st->d->w[w].sent)
            return true;
    }
    return false;
}

/* True when sentence s holds a cue of group g; a verdict or an order
 * right after the sender's own word does not count. */
static bool
has_cue(const coach_state *st, size_t s, int g, bool owned_ok)
{
    for (size_t k = 0; k < st->nhits; k++) {
        const coach_hit *h = &st->hits[k];
        if ((int)h->group == g && st->d->w[h->w0].sent == s &&
            (owned_ok || !senders_own(st, h->w0)))
            return true;
    }
    return false;
}

/* The cue kinds of sentence s, as bits (1 << CUE_...). */
static unsigned
cues_of(const coach_state *st, size_t s)
{
    static const char *const names[NCUES] = {"cue_verdict", "cue_ease",
                                             "cue_lecture", "cue_directive"};
    unsigned bits = 0;
    for (int k = 0; k < NCUES; k++)
        if (has_cue(st, s, coach_group("one_up", names[k]),
                    k == CUE_EASE || k == CUE_LECTURE))
            bits |= 1u << k;
    /* The verdict words of the [correct] rule count as verdict cues. */
    if (has_cue(st, s, coach_group("one_up", "judgement"), false))
        bits |= 1u << CUE_VERDICT;
    return bits;
}

/* True when sentence s softens what it says: a hedge, thanks, care,
 * empathy or an apology. */
static bool
softened(const coach_state *st, size_t s)
{
    static const char *const soft[][2] = {
        {"one_up", "hedge"},      {"positives", "gratitude"},
        {"positives", "thanks"},  {"positives", "care"},
        {"positives", "empathy"}, {"neediness", "apology"}};
    for (size_t k = 0; k < sizeof soft / sizeof *soft; k++)
        if (coach_sentence_has(st, s, coach_group(soft[k][0], soft[k][1])))
            return true;
    return false;
}

static size_t
bit_count(unsigned x)
{
    size_t n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

/*
 * Talking down: a sentence, or two neighbouring sentences of one
 * paragraph, holding cues of at least two kinds (verdict, ease, lecture,
 * directive), addressed to the reader (a word of theirs, or an order), and
 * no cue-bearing sentence softened by a hedge, thanks, care or apology:
 * "you obviously missed the point", "I've run this playbook a hundred
 * times. Just follow my lead".  Spans: each sentence with a cue.
 */
rp_code
coach_detect_talk_down(coach_state *st)
{
    const coach_doc *d = st->d;
    int go = coach_group("self_focus", "other_words");
    nlp_coach_flag *f = NULL;
    size_t done = 0; /* sentences below this are already spanned */
    for (size_t s = 0; s < d->ns; s++) {
        unsigned here = cues_of(st, s);
        if (!here || softened(st, s))
            continue;
        size_t first = s;
        unsigned bits = here;
        if (s > 0 && d->s[s - 1].para == d->s[s].para) {
            unsigned prev = cues_of(st, s - 1);
            if (prev && !softened(st, s - 1) &&
                bit_count(here) < 2) { /* widen only when needed */
                bits |= prev;
                first = s - 1;
            }
        }
        if (bit_count(bits) < 2)
            continue;
        bool reader = (bits & (1u << CUE_DIRECTIVE)) != 0;
        for (size_t k = first; k <= s && !reader; k++)
            reader = coach_sentence_has(st, k, go);
        if (!reader)
            continue;
        if (!f && !(f = coach_flag_add(st, NLP_COACH_ONE_UP,
                                       coach_group("one_up", "pattern"), 0)))
            return RP_ENOMEM;
        for (size_t k = first > done ? first : done; k <= s; k++)
            if (cues_of(st, k))
                coach_flag_span(f, d->s[k].start, d->s[k].end);
        done = s + 1;
    }
    return RP_OK;
}

/* True when word i negates or turns down ("not", "never", "won't",
 * "against", "another"). */
static bool
negates(const coach_doc *d, size_t i)
{
    static const char *const neg[] = {"not",     "never",   "no",
                                      "against", "another", "elsewhere"};
    const char *w = coach_word_norm(d, i);
    size_t n = d->w[i].nlen;
    if (n >= 3 && !strcmp(w + n - 3, "n't"))
        return true;
    for (size_t k = 0; k < sizeof neg / sizeof *neg; k++)
        if (!strcmp(w, neg[k]))
            return true;
    return false;
}

/* The first word of a hit of group g in sentence s at or after word from
 * (before word to), or (size_t)-1. */
static size_t
hit_in(const coach_state *st, size_t s, int g, size_t from, size_t to)
{
    for (size_t k = 0; k < st->nhits; k++) {
        const coach_hit *h = &st->hits[k];
        if ((int)h->group == g && st->d->w[h->w0].sent == s && h->w0 >= from &&
            h->w0 < to)
            return h->w0;
    }
    return (size_t)-1;
}

/*
 * The sender deciding for the reader: in one sentence, not a question, a
 * word of the sender's, then a [decide] word not owned by the reader
 * ("what you decide"), then a word of the reader's, with no negation from
 * the sender's word to three words after the decision ("we decided not to
 * go ahead with your proposal" is a refusal, not a takeover).
 */
rp_code
coach_detect_decides_for(coach_state *st)
{
    const coach_doc *d = st->d;
    int gd = coach_group("one_up", "decide");
    int gs = coach_group("self_focus", "self_words");
    int gw = coach_group("hype", "we_words");
    int go = coach_group("self_focus", "other_words");
    nlp_coach_flag *f = NULL;
    size_t last = (size_t)-1;
    for (size_t k = 0; k < st->nhits; k++) {
        const coach_hit *h = &st->hits[k];
        size_t s = d->w[h->w0].sent;
        if ((int)h->group != gd || s == last || d->s[s].question)
            continue;
        size_t w0 = d->s[s].w0, w1 = d->s[s].w1;
        size_t who = hit_in(st, s, gs, w0, h->w0);
        size_t we = hit_in(st, s, gw, w0, h->w0);
        if (we < who)
            who = we;
        if (who == (size_t)-1)
            continue;
        /* "what you decide", "your decision", "the decision you make":
         * theirs to make; the reader's world comes inside the phrase or
         * two or three words after it ("decide what your team ...",
         * "decision on your behalf"). */
        size_t near = h->w0 >= w0 + 2 ? h->w0 - 2 : w0;
        size_t reach = h->w1 + 3 < w1 ? h->w1 + 3 : w1;
        if (hit_in(st, s, go, near, h->w0) != (size_t)-1 ||
            (h->w1 < w1 && hit_in(st, s, go, h->w1, h->w1 + 1) != (size_t)-1))
            continue;
        /* "a decision from you by tonight" asks them to decide. */
        if (h->w1 < w1 && !strcmp(coach_word_norm(d, h->w1), "from"))
            continue;
        if (hit_in(st, s, go, h->w0, h->w1) == (size_t)-1 &&
            hit_in(st, s, go, h->w1 + 1, reach) == (size_t)-1)
            continue;
        bool neg = false;
        size_t stop = h->w1 + 3 < w1 ? h->w1 + 3 : w1;
        for (size_t i = who; i < stop && !neg; i++)
            neg = negates(d, i);
        if (neg)
            continue;
        if (!f &&
            !(f = coach_flag_add(st, NLP_COACH_ONE_UP,
                                 coach_group("one_up", "decides_for"), 0)))
            return RP_ENOMEM;
        coach_flag_span(f, d->s[s].start, d->s[s].end);
        last = s;
    }
    return RP_OK;
}
