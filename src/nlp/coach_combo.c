/*
 * coach_combo.c - flags by sentence patterns rather than by memorised
 * phrases: cues of two kinds together in a sentence or two neighbouring
 * ones (talking down, neediness, pressure), and the sender deciding for
 * the reader.  The cue lists are in data/coach/<category>.txt.
 */
#include <string.h>

#include "nlp/coach_int.h"

/* Most groups a rule may name as softening a sentence. */
#define COMBO_SOFT 10

/*
 * A combination rule: cue lists (severity 0) of one category, none a
 * verdict alone, which together in one sentence or two neighbouring ones
 * make the flag `flag` of that category.
 */
typedef struct {
    nlp_coach_cat cat;
    const char *category, *flag;
    const char *cues[5];   /* group names, NULL-terminated */
    unsigned owned_skip;   /* cue bits not counted after the sender's word */
    unsigned theirs_skip;  /* cue bits not counted after the reader's word */
    unsigned reader_cues;  /* cue bits that address the reader by themselves */
    unsigned alias;        /* cue bits that count as the first kind */
    unsigned repeat;       /* cue bits that, found in both neighbouring
                            * sentences, count as a second kind */
    unsigned purpose_skip; /* cue bits not counted right after "to" (the
                            * sender's purpose: "to make sure our ...") */
    unsigned negated_skip; /* cue bits not counted after a negation in the
                            * two words before ("can't be wrong") */
    bool need_reader;      /* the reader must be addressed */
    const char *soft[COMBO_SOFT][2]; /* groups that soften a sentence */
    const char *calm[2]; /* a group that, in a sentence of the draft with
                          * no cue, calms the whole draft (or NULL) */
} combo_rule;

/* The cue is about the sender's own work ("I missed", "I'll fix the") or
 * about the reader's ("you're struggling"). */
bool
coach_owned_by(const coach_state *st, size_t w, int gs)
{
    size_t from = w >= 2 ? w - 2 : 0;
    return coach_hit_in(st, st->d->w[w].sent, gs, from, w) != (size_t)-1;
}

/* True when sentence s holds a cue of rule ru's kind k, not one the rule
 * skips: right after the sender's own word (owned_skip), after the
 * reader's (theirs_skip), after "to" (purpose_skip) or after a negation
 * (negated_skip). */
static bool
has_cue(const coach_state *st, size_t s, const combo_rule *ru, unsigned k)
{
    static const char *const to[] = {"to"};
    int g = coach_group(ru->category, ru->cues[k]);
    int gs = coach_group("self_focus", "self_words");
    int go = coach_group("self_focus", "other_words");
    bool mine = (ru->owned_skip >> k) & 1u,
         theirs = (ru->theirs_skip >> k) & 1u,
         purpose = (ru->purpose_skip >> k) & 1u,
         negation = (ru->negated_skip >> k) & 1u;
    for (size_t i = st->first_hit[s]; i < st->first_hit[s + 1]; i++) {
        const coach_hit *h = &st->hits[i];
        if ((int)h->group == g && (!mine || !coach_owned_by(st, h->w0, gs)) &&
            (!theirs || !coach_owned_by(st, h->w0, go)) &&
            (!purpose || !coach_word_is(st->d, h->w0 - 1, s, to, 1)) &&
            (!negation || !coach_negated(st->d, h->w0, 2)))
            return true;
    }
    return false;
}

/* The cue kinds of sentence s under rule ru, as bits (1 << cue index). */
static unsigned
cues_of(const coach_state *st, const combo_rule *ru, size_t s)
{
    unsigned bits = 0;
    for (unsigned k = 0; k < 5 && ru->cues[k]; k++)
        if (has_cue(st, s, ru, k))
            bits |= 1u << k;
    if (bits & ru->alias)
        bits = (bits & ~ru->alias) | 1u;
    return bits;
}

/* True when sentence s is softened under rule ru. */
static bool
softened(const coach_state *st, const combo_rule *ru, size_t s)
{
    for (size_t k = 0; k < COMBO_SOFT && ru->soft[k][0]; k++)
        if (coach_sentence_has(st, s,
                               coach_group(ru->soft[k][0], ru->soft[k][1])))
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
 * Applies rule ru: a sentence, or two neighbouring sentences of one
 * paragraph, holding cues of at least two kinds, (when the rule asks)
 * addressed to the reader (a word of theirs, or a cue that addresses
 * them), and no cue-bearing sentence softened.  Spans: each sentence with
 * a cue.
 */
static rp_code
detect_combo(coach_state *st, const combo_rule *ru)
{
    const coach_doc *d = st->d;
    int go = coach_group("self_focus", "other_words");
    nlp_coach_flag *f = NULL;
    size_t done = 0; /* sentences below this are already spanned */
    /* "No need to reply" said on its own: the draft's deadlines and
     * dates are information, not pressure. */
    if (ru->calm[0]) {
        int gc = coach_group(ru->calm[0], ru->calm[1]);
        for (size_t s = 0; s < d->ns; s++)
            if (coach_sentence_has(st, s, gc) && !cues_of(st, ru, s))
                return RP_OK;
    }
    for (size_t s = 0; s < d->ns; s++) {
        unsigned here = cues_of(st, ru, s);
        if (!here || softened(st, ru, s))
            continue;
        size_t first = s, kinds = bit_count(here);
        unsigned bits = here;
        if (kinds < 2 && s > 0 && d->s[s - 1].para == d->s[s].para) {
            unsigned prev = cues_of(st, ru, s - 1);
            if (prev && !softened(st, ru, s - 1)) {
                bits |= prev;
                first = s - 1;
                kinds = bit_count(bits) + (here & prev & ru->repeat ? 1 : 0);
            }
        }
        if (kinds < 2)
            continue;
        bool reader = !ru->need_reader || (bits & ru->reader_cues);
        for (size_t k = first; k <= s && !reader; k++)
            reader = coach_sentence_has(st, k, go);
        if (!reader)
            continue;
        if (!f && !(f = coach_flag_add(st, ru->cat,
                                       coach_group(ru->category, ru->flag), 0)))
            return RP_ENOMEM;
        for (size_t k = first > done ? first : done; k <= s; k++)
            if (cues_of(st, ru, k))
                coach_flag_span(f, d->s[k].start, d->s[k].end);
        done = s + 1;
    }
    return RP_OK;
}

/*
 * Talking down: cues of two kinds among a verdict on the reader's work
 * (its [judgement] words too), calling it obvious or easy, the sender's
 * authority or a lecture, and an order about their own work; addressed to
 * the reader (an order addresses them); not hedged, thanked or cared for.
 * "you obviously missed the point", "I've run this playbook a hundred
 * times. Just follow my lead".  Insisting in two neighbouring sentences
 * that it is easy, or that the sender knows best, is talking down too
 * ("It's not complicated. You simply export the file").  A verdict or order
 * right after the sender's own word ("I missed", "I'll fix the") is about the
 * sender.
 */
rp_code
coach_detect_talk_down(coach_state *st)
{
    static const combo_rule talk_down = {.cat = NLP_COACH_ONE_UP,
                                         .category = "one_up",
                                         .flag = "pattern",
                                         .cues = {"cue_verdict", "cue_ease",
                                                  "cue_lecture",
                                                  "cue_directive", "judgement"},
                                         .owned_skip = 1u | 8u | 16u,
                                         .reader_cues = 8u,
                                         .alias = 16u,
                                         .repeat = 2u | 4u,
                                         .purpose_skip = 8u,
                                         .negated_skip = 1u | 16u,
                                         .need_reader = true,
                                         .soft = {{"one_up", "hedge"},
                                                  {"positives", "gratitude"},
                                                  {"positives", "thanks"},
                                                  {"positives", "care"},
                                                  {"positives", "empathy"},
                                                  {"neediness", "apology"}}};
    /* [judgement] is a second verdict list, one kind with [cue_verdict]. */
    return detect_combo(st, &talk_down);
}

/*
 * Neediness: two kinds among the sender's stakes ("my rent", "my family"),
 * a plea, shrinking the ask ("even a no", "anything"), hurt at the
 * reader's silence, and making the sender small ("someone like you"); not in a
 * sentence of empathy or care for the reader. Hurt said in two neighbouring
 * sentences counts as two kinds ("Did I do something wrong? You went quiet
 * after our call."). A plea word right after the reader's word is theirs
 * ("you're struggling").
 */
rp_code
coach_detect_needy(coach_state *st)
{
    static const combo_rule needy = {
        .cat = NLP_COACH_NEEDINESS,
        .category = "neediness",
        .flag = "pattern",
        .cues = {"cue_stakes", "cue_plea", "cue_shrink", "cue_hurt",
                 "cue_small"},
        .theirs_skip = 2u | 16u,
        .repeat = 8u,
        .soft = {{"positives", "empathy"}, {"positives", "care"}}};
    return detect_combo(st, &needy);
}

/*
 * Pressure: two kinds among scarcity, a deadline on the reader, their time
 * booked, repeated chasing and an order to act; addressed to the reader
 * (an order or a booking addresses them); not in a sentence that thanks,
 * gives something, turns the reader down ("I'm booked solid through
 * August, and I don't think I could give it the attention": the reason
 * for the no, not a lever), tells of the sender's own target ("if I don't
 * close it by Friday it looks bad at my review": their stakes, which
 * neediness reads) or leaves an easy way out ("no pressure"), nor
 * in a draft that leaves one in a sentence of its own ("No need to
 * reply.").
 */
rp_code
coach_detect_pressure(coach_state *st)
{
    static const combo_rule pressure = {.cat = NLP_COACH_IMPOSITION,
                                        .category = "imposition",
                                        .flag = "pattern",
                                        .cues = {"cue_scarce", "cue_now",
                                                 "cue_booked", "cue_chase",
                                                 "cue_order"},
                                        .reader_cues = 4u | 16u,
                                        .need_reader = true,
                                        .calm = {"imposition", "easy_out"},
                                        .soft = {{"imposition", "easy_out"},
                                                 {"positives", "gratitude"},
                                                 {"positives", "thanks"},
                                                 {"positives", "care"},
                                                 {"positives", "value"},
                                                 {"positives", "standby"},
                                                 {"positives", "resource"},
                                                 {"positives", "empathy"},
                                                 {"self_focus", "declining"},
                                                 {"neediness", "quota"}}};
    return detect_combo(st, &pressure);
}

/* True when word i negates or turns down ("not", "never", "won't",
 * "against", "another"). */
static bool
negates(const coach_doc *d, size_t i)
{
    static const char *const away[] = {"against", "another", "elsewhere"};
    return coach_word_negates(d, i) ||
           coach_word_is(d, i, d->w[i].sent, away, sizeof away / sizeof *away);
}

/* True when hit h is the sender's "decided" followed by "you" and a word
 * of duty: "I've looked them over and decided you should go with Ardent"
 * is the sender's choice for them, where "the decision you make", "the
 * board decided you should wait" and "I've decided you have a point" are
 * not.  The sender is the subject: their word within two words before
 * "decided", or "and decided" carrying it over from earlier. */
static bool
decided_their_duty(const coach_state *st, const coach_hit *h, size_t s)
{
    static const char *const decided[] = {"decided"}, *const you[] = {"you"},
                             *const duty[] = {"should", "must", "need", "ought",
                                              "will"},
                             *const have[] = {"have"}, *const to[] = {"to"},
                             *const and[] = {"and"};
    const coach_doc *d = st->d;
    size_t v = h->w1 + 1, w = h->w1 - 1;
    if (!coach_word_is(d, w, s, decided, 1) ||
        !coach_word_is(d, h->w1, s, you, 1))
        return false;
    if (!coach_word_is(d, v, s, duty, sizeof duty / sizeof *duty) &&
        !(coach_word_is(d, v, s, have, 1) && coach_word_is(d, v + 1, s, to, 1)))
        return false;
    return coach_owned_by(st, w, coach_group("self_focus", "self_words")) ||
           coach_owned_by(st, w, coach_group("hype", "we_words")) ||
           (w > d->s[s].w0 && coach_word_is(d, w - 1, s, and, 1));
}

/*
 * The sender deciding for the reader: in one sentence, not a question, a
 * word of the sender's, then a [decide] word not owned by the reader
 * ("what you decide"), then a word of the reader's, with no negation from
 * the sender's word to three words after the decision ("we decided not to
 * go ahead with your proposal" is a refusal, not a takeover).  The
 * reader's word right after the decision makes it theirs, except in the
 * sender's "decided you should ..." (decided_their_duty).
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
        size_t who = coach_hit_in(st, s, gs, w0, h->w0);
        size_t we = coach_hit_in(st, s, gw, w0, h->w0);
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
        bool duty = decided_their_duty(st, h, s);
        if (coach_hit_in(st, s, go, near, h->w0) != (size_t)-1 ||
            (h->w1 < w1 && !duty &&
             coach_hit_in(st, s, go, h->w1, h->w1 + 1) != (size_t)-1))
            continue;
        /* "a decision from you by tonight" asks them to decide. */
        if (h->w1 < w1 && !strcmp(coach_word_norm(d, h->w1), "from"))
            continue;
        if (!duty && coach_hit_in(st, s, go, h->w0, h->w1) == (size_t)-1 &&
            coach_hit_in(st, s, go, h->w1 + 1, reach) == (size_t)-1)
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
