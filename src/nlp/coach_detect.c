/*
 * coach_detect.c - the draft coach's detectors: from the phrases found
 * (coach_match.c) and the shape of the draft to flags and positives.
 */
#include <ctype.h>
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/coach_int.h"
#include "nlp/lexicon.h"

static const char *const cat_names[NLP_COACH_NCATS] = {
    "imposition", "neediness",         "one_up",  "hype", "premature_ask",
    "self_focus", "no_personal_touch", "no_value"};

/* The category of a flag file, or -1 for other lists (positives). */
static int
cat_of(const char *name)
{
    for (int c = 0; c < NLP_COACH_NCATS; c++)
        if (!strcmp(cat_names[c], name))
            return c;
    return -1;
}

nlp_coach_flag *
coach_flag_add(coach_state *st, nlp_coach_cat cat, int g, int sev)
{
    nlp_coach_report *r = st->r;
    if (g < 0)
        return NULL;
    if (rp_grow((void **)&r->flags, &st->alloc_flags, r->nflags,
                sizeof *r->flags, 8))
        return NULL;
    nlp_coach_flag *f = &r->flags[r->nflags++];
    memset(f, 0, sizeof *f);
    f->cat = cat;
    f->group = nlp_coach_groups[g].name;
    f->severity = sev > 0 ? sev : nlp_coach_groups[g].severity;
    f->suggestion = nlp_coach_groups[g].advice;
    return f;
}

void
coach_flag_span(nlp_coach_flag *f, size_t start, size_t end)
{
    if (f->nspans < NLP_COACH_MAX_SPANS)
        f->spans[f->nspans++] = (nlp_coach_span){.start = start, .end = end};
    f->count++;
}

static rp_code
add_positive(coach_state *st, const char *kind, const char *what,
             const char *about, size_t start, size_t end)
{
    nlp_coach_report *r = st->r;
    size_t same = 0;
    for (size_t i = 0; i < r->npositives; i++)
        same += !strcmp(r->positives[i].kind, kind);
    if (same >= 3)
        return RP_OK; /* three of a kind show what works */
    if (rp_grow((void **)&r->positives, &st->alloc_pos, r->npositives,
                sizeof *r->positives, 8))
        return RP_ENOMEM;
    r->positives[r->npositives++] =
        (nlp_coach_positive){.kind = kind,
                             .what = what,
                             .about = about,
                             .span = {.start = start, .end = end}};
    return RP_OK;
}

static size_t
hit_start(const coach_state *st, const coach_hit *h)
{
    return st->d->w[h->w0].start;
}

static size_t
hit_end(const coach_state *st, const coach_hit *h)
{
    return st->d->w[h->w1 - 1].end;
}

/* A repeated problem weighs more: one step up past twice the minimum. */
static int
escalate(int sev, size_t count, int min)
{
    return count > (size_t)(2 * min) && sev < 3 ? sev + 1 : sev;
}

/* True when sentence s holds a hit of group g; *end grows to cover it. */
static bool
sentence_has(const coach_state *st, size_t s, int g, size_t *end)
{
    if (g < 0 ||
        !(st->group_in[s * st->group_words + (size_t)g / 64] >> (g % 64) & 1))
        return false; /* the common case, answered without a scan */
    if (!end)
        return true;
    for (size_t k = st->first_hit[s]; k < st->first_hit[s + 1]; k++) {
        const coach_hit *h = &st->hits[k];
        if ((int)h->group == g && hit_end(st, h) > *end)
            *end = hit_end(st, h);
    }
    return true; /* group_in says there is one */
}

bool
coach_sentence_has(const coach_state *st, size_t s, int g)
{
    return sentence_has(st, s, g, NULL);
}

/* True when the draft holds a hit of group g anywhere. */
static bool
draft_has(const coach_state *st, int g)
{
    for (size_t i = 0; i < st->nhits; i++)
        if ((int)st->hits[i].group == g)
            return true;
    return false;
}

bool
coach_generous(const nlp_coach_context *c)
{
    return c && c->has_ledger && c->given >= 2 && c->given > c->asks;
}

/* True when question s only checks a fact by a tag at its end ("the
 * deadline is Monday, right?"): it asks nothing of the reader. */
static bool
tag_question(const coach_doc *d, size_t s)
{
    static const char *const tag[] = {"right", "correct"};
    const coach_sent *q = &d->s[s];
    return q->w1 > q->w0 + 2 &&
           coach_word_is(d, q->w1 - 1, s, tag, sizeof tag / sizeof *tag);
}

/* True when sentence s asks something: a question (not a tag checking a
 * fact), or a request marker. */
static bool
is_request(const coach_state *st, size_t s)
{
    return (st->d->s[s].question && !tag_question(st->d, s)) ||
           sentence_has(st, s, coach_group("premature_ask", "request"), NULL) ||
           sentence_has(st, s, coach_group("premature_ask", "asking"), NULL);
}

/* True when sentence s offers something (a [value] or [resource] phrase
 * outside a request for it). */
static bool
offers(const coach_state *st, size_t s)
{
    return sentence_has(st, s, coach_group("positives", "value"), NULL) ||
           sentence_has(st, s, coach_group("positives", "standby"), NULL) ||
           sentence_has(st, s, coach_group("positives", "resource"), NULL);
}

/* True when sentence s thanks the reader or shares their news. */
static bool
thanks_or_care(const coach_state *st, size_t s)
{
    return sentence_has(st, s, coach_group("positives", "gratitude"), NULL) ||
           sentence_has(st, s, coach_group("positives", "thanks"), NULL) ||
           sentence_has(st, s, coach_group("positives", "care"), NULL);
}

/* Words between the reader's word and the "is" before a superlative
 * that praises their work ("Your talk at the summit was the single most
 * useful session"). */
#define PRAISE_WINDOW 6

/* True when superlative h praises the reader's own work: it follows "is"
 * or "was" whose subject is theirs, with no word of the sender before it
 * ("Your keynote was the single most useful session").  A claim for the
 * sender's offer has the offer or the sender as its subject ("Fund III
 * is the single most compelling opportunity", "Our fleet is the most
 * advanced") or gives the reader something ("Your clinic deserves the
 * most advanced scanner"). */
static bool
praises_reader(const coach_state *st, const coach_hit *h)
{
    static const char *const copula[] = {"is", "was", "are", "were"};
    const coach_doc *d = st->d;
    size_t s = d->w[h->w0].sent, w0 = d->s[s].w0;
    if (h->w0 == w0 ||
        !coach_word_is(d, h->w0 - 1, s, copula, sizeof copula / sizeof *copula))
        return false;
    size_t from =
        h->w0 - 1 > w0 + PRAISE_WINDOW ? h->w0 - 1 - PRAISE_WINDOW : w0;
    return coach_hit_in(st, s, coach_group("self_focus", "other_words"), from,
                        h->w0 - 1) != (size_t)-1 &&
           coach_hit_in(st, s, coach_group("self_focus", "self_words"), w0,
                        h->w0) == (size_t)-1 &&
           coach_hit_in(st, s, coach_group("hype", "we_words"), w0, h->w0) ==
               (size_t)-1;
}

/* Words before a deadline that may place it in the past. */
#define PAST_WINDOW 8

/* True when one of the three words after hit h, or of the PAST_WINDOW
 * before it, places it in the past ("get back to me by last week", "I
 * told you last week you'd hear by Friday"): a deadline already gone, or
 * one promised before, is a reproach or a report, not urgency. */
static bool
in_past(const coach_state *st, const coach_hit *h)
{
    static const char *const past[] = {"last", "yesterday", "ago", "earlier"};
    size_t s = st->d->w[h->w0].sent;
    for (size_t i = h->w1; i < h->w1 + 3; i++)
        if (coach_word_is(st->d, i, s, past, sizeof past / sizeof *past))
            return true;
    for (size_t k = 1; k <= PAST_WINDOW && k <= h->w0; k++)
        if (coach_word_is(st->d, h->w0 - k, s, past,
                          sizeof past / sizeof *past))
            return true;
    return false;
}

/* True when care hit h ("so sorry") apologises for the sender rather
 * than condoling: "so sorry to write again", "so sorry for the delay";
 * not "so sorry to hear", "so sorry for your loss", "so sorry for the
 * loss of your mother", "so sorry for all you've been through". */
static bool
sorry_for_self(const coach_state *st, const coach_hit *h)
{
    static const char *const to[] = {"to"}, *const for_[] = {"for"},
                             *const news[] = {"hear", "learn", "read", "see"},
                             *const own[] = {"my",    "our", "this",
                                             "being", "not", "any"},
                             *const the[] = {"the"},
                             *const grief[] = {"loss", "passing", "death",
                                               "news", "your",    "you"};
    const coach_doc *d = st->d;
    size_t s = d->w[h->w0].sent, n = h->w1;
    if (strcmp(coach_word_norm(d, h->w1 - 1), "sorry"))
        return false;
    if (coach_word_is(d, n, s, to, 1))
        return n + 1 < d->nw && d->w[n + 1].sent == s &&
               !coach_word_is(d, n + 1, s, news, 4);
    if (!coach_word_is(d, n, s, for_, 1))
        return false;
    if (coach_word_is(d, n + 1, s, own, sizeof own / sizeof *own))
        return true;
    if (!coach_word_is(d, n + 1, s, the, 1))
        return false;
    for (size_t k = n + 2; k < n + 5; k++)
        if (coach_word_is(d, k, s, grief, sizeof grief / sizeof *grief))
            return false;
    return true; /* "for the delay", "for the long message" */
}

size_t
coach_first_hit_from(const coach_state *st, size_t s, size_t w)
{
    size_t lo = st->first_hit[s], hi = st->first_hit[s + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (st->hits[mid].w0 < w)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t
coach_hit_in(const coach_state *st, size_t s, int g, size_t from, size_t to)
{
    for (size_t k = coach_first_hit_from(st, s, from);
         k < st->first_hit[s + 1] && st->hits[k].w0 < to; k++)
        if ((int)st->hits[k].group == g)
            return st->hits[k].w0;
    return (size_t)-1;
}

/* The next hit of group g after index *i that shares a word with hit h,
 * or NULL; start with *i = (size_t)-1.  Only hits starting at most a
 * phrase's length before h can reach it, so a sentence of many hits is
 * searched, not read through. */
static const coach_hit *
next_over(const coach_state *st, const coach_hit *h, int g, size_t *i)
{
    size_t s = st->d->w[h->w0].sent;
    if (*i == (size_t)-1) {
        if (!sentence_has(st, s, g, NULL))
            return NULL;
        *i = coach_first_hit_from(st, s,
                                  h->w0 > COACH_MAX_PHRASE_WORDS
                                      ? h->w0 - COACH_MAX_PHRASE_WORDS
                                      : 0);
    } else
        ++*i;
    for (; *i < st->first_hit[s + 1] && st->hits[*i].w0 < h->w1; ++*i)
        if ((int)st->hits[*i].group == g && h->w0 < st->hits[*i].w1)
            return &st->hits[*i];
    return NULL;
}

/* True when hit h and a hit of group g share a word. */
static bool
overlaps_group(const coach_state *st, const coach_hit *h, int g)
{
    size_t i = (size_t)-1;
    return next_over(st, h, g, &i) != NULL;
}

/* True when hit h lies inside a care phrase that condoles ("so sorry to
 * hear"), not one that apologises ("so sorry to write again"). */
static bool
inside_care(const coach_state *st, const coach_hit *h)
{
    int g = coach_group("positives", "care");
    size_t i = (size_t)-1;
    for (const coach_hit *c; (c = next_over(st, h, g, &i));)
        if (c->w0 <= h->w0 && h->w1 <= c->w1 && !sorry_for_self(st, c))
            return true;
    return false;
}

/* True when hit h is one word that only describes ("urgent",
 * "time-sensitive"): it presses the reader only in a request ("please
 * send it, it's urgent"), not in news ("we had an urgent problem") or
 * their own words ("you mentioned the board pack is urgent"). */
static bool
lone_adjective(const coach_state *st, const coach_hit *h)
{
    const coach_doc *d = st->d;
    const char *w = coach_word_norm(d, h->w0);
    if (h->w1 == h->w0 + 1)
        return !strncmp(w, "urgent", 6) || !strcmp(w, "time-sensitive");
    return h->w1 == h->w0 + 2 && !strcmp(w, "time") &&
           !strcmp(coach_word_norm(d, h->w0 + 1), "sensitive");
}

/* Words either side of an urgency phrase searched for a "please". */
#define PLEASE_WINDOW 12

/* True when urgency hit h is the reader's own ("the grant report is urgent
 * for you"), in a sentence that asks nothing of them (no "could you", no
 * "please" near it): their deadline, which the
 * sender has noticed, not one put on them ("This is urgent for your team:
 * please send the forms" is). */
static bool
urgent_for_them(const coach_state *st, const coach_hit *h)
{
    static const char *const for_[] = {"for", "to"};
    const coach_doc *d = st->d;
    size_t s = d->w[h->w0].sent;
    int gother = coach_group("self_focus", "other_words");
    static const char *const please[] = {"please"};
    if (!coach_word_is(d, h->w1, s, for_, 2) ||
        sentence_has(st, s, coach_group("premature_ask", "asking"), NULL))
        return false;
    size_t from = h->w0 > PLEASE_WINDOW ? h->w0 - PLEASE_WINDOW : 0;
    for (size_t w = from; w < h->w1 + PLEASE_WINDOW; w++)
        if (coach_word_is(d, w, s, please, 1))
            return false;
    return coach_hit_in(st, s, gother, h->w1 + 1, h->w1 + 2) != (size_t)-1;
}

/* True when sentence s, or the one before or after it, turns the reader
 * down ("I don't think we're the right fit: our software is built for
 * retail"): a product named there explains the no. */
static bool
declines_near(const coach_state *st, size_t s)
{
    int g = coach_group("self_focus", "declining");
    for (size_t k = s > 0 ? s - 1 : 0; k <= s + 1 && k < st->d->ns; k++)
        if (sentence_has(st, k, g, NULL))
            return true;
    return false;
}

/* True when talk_down hit h is "trust me" in a draft that overclaims
 * (st->overclaims): there it vouches for the hype ("Trust me, this changes
 * EVERYTHING"), not for the sender's authority over the reader. */
static bool
vouches_for_hype(const coach_state *st, const coach_hit *h)
{
    const coach_doc *d = st->d;
    return st->overclaims && h->w1 - h->w0 == 2 &&
           !strcmp(coach_word_norm(d, h->w0), "trust") &&
           !strcmp(coach_word_norm(d, h->w0 + 1), "me");
}

/* True when one of the three words before hit h, in its sentence, negates
 * it ("none of this is urgent", "nothing is time-sensitive"). */
static bool
negated(const coach_state *st, const coach_hit *h)
{
    return coach_negated(st->d, h->w0, 3);
}

/* Words back from a pitch to look for its negation. */
#define DISOWN_WINDOW 5

/* True when a negation shortly before pitch hit h disowns it ("nothing to
 * do with our product", "this isn't about our platform"). */
static bool
disowned(const coach_state *st, const coach_hit *h)
{
    return coach_negated(st->d, h->w0, DISOWN_WINDOW);
}

/* True when the product phrase h names the people who make it ("I'm
 * moving to our product team"), not the product. */
static bool
names_a_team(const coach_state *st, const coach_hit *h)
{
    static const char *const unit[] = {
        "team",   "teams", "manager", "managers",   "group", "department",
        "people", "lead",  "leads",   "colleagues", "org",   "side"};
    return coach_word_is(st->d, h->w1, st->d->w[h->w0].sent, unit,
                         sizeof unit / sizeof *unit);
}

/* True when word v is "send" asked of the reader ("just send an invite"),
 * not said by the sender ("I'll send an invite"): the reader books. */
static bool
reader_sends(const coach_state *st, size_t v)
{
    static const char *const send[] = {"send"};
    return coach_word_is(st->d, v, st->d->w[v].sent, send, 1) &&
           !coach_owned_by(st, v, coach_group("self_focus", "self_words"));
}

/* True when hit h is a way of reaching the reader ending in "invite"
 * ("send an invite") that the reader is asked to send. */
static bool
reader_sends_invite(const coach_state *st, const coach_hit *h)
{
    return !strcmp(coach_word_norm(st->d, h->w1 - 1), "invite") &&
           reader_sends(st, h->w0);
}

/* sentence_has() for the ways of reaching the reader, leaving out a word
 * used as a noun after a determiner ("the notes from the call"). */
static bool
verb_in(const coach_state *st, size_t s, int g, size_t *end)
{
    static const char *const det[] = {"the",  "a",    "an", "our",  "that",
                                      "this", "your", "my", "each", "every"};
    const coach_doc *d = st->d;
    bool found = false;
    if (!sentence_has(st, s, g, NULL))
        return false;
    for (size_t i = st->first_hit[s]; i < st->first_hit[s + 1]; i++) {
        const coach_hit *h = &st->hits[i];
        if ((int)h->group != g)
            continue;
        if (coach_word_is(d, h->w0 - 1, s, det, sizeof det / sizeof *det))
            continue; /* a noun */
        if (reader_sends_invite(st, h))
            continue; /* "just send an invite": theirs to book */
        found = true;
        if (end && hit_end(st, h) > *end)
            *end = hit_end(st, h);
    }
    return found;
}

/* True when hit h ("a quick call") goes on to someone other than the
 * sender ("a quick call to the permit desk"): advice for the reader, not
 * a demand on their time.  ("A quick call with your team" still asks for
 * the reader's time.) */
static bool
to_someone_else(const coach_state *st, const coach_hit *h)
{
    static const char *const to[] = {"to"}, *const det[] = {
                                                "the",   "your", "a",  "an",
                                                "their", "his",  "her"};
    const coach_doc *d = st->d;
    size_t s = d->w[h->w0].sent;
    return coach_word_is(d, h->w1, s, to, 1) &&
           coach_word_is(d, h->w1 + 1, s, det, sizeof det / sizeof *det);
}

/* Words back from a deadline to look for the sender's "if I". */
#define CONDITION_WINDOW 8

/* True when punctuation that ends a clause (",", ";", ":") stands
 * between word i and the next. */
static bool
clause_break(const coach_doc *d, size_t i)
{
    if (i + 1 >= d->nw)
        return true;
    for (size_t k = d->w[i].end; k < d->w[i + 1].start; k++)
        if (d->text[k] == ',' || d->text[k] == ';' || d->text[k] == ':')
            return true;
    return false;
}

/* True when deadline hit h lies in the sender's own condition, in the
 * same clause ("if I don't hit 40 renewals by the end of the month"): the
 * sender's deadline, which neediness judges, not one put on the reader.
 * "If we don't hear back, please sign it by Friday" puts it on them. */
static bool
own_deadline(const coach_state *st, const coach_hit *h)
{
    static const char *const iff[] = {"if", "unless"}, *const self[] = {"i"};
    const coach_doc *d = st->d;
    size_t s = d->w[h->w0].sent;
    for (size_t k = 1; k <= CONDITION_WINDOW && k <= h->w0; k++) {
        if (clause_break(d, h->w0 - k))
            return false;
        if (coach_word_is(d, h->w0 - k, s, iff, 2) &&
            coach_word_is(d, h->w0 - k + 1, s, self, 1))
            return true;
    }
    return false;
}

/* Sentences either side of a phrase that count as beside it. */
#define BESIDE 1

/* True when another neediness phrase, of a different list or another
 * "feel free to ignore", stands in hit h's sentence or the next or
 * previous one; an apology that is really a condolence does not count. */
static bool
other_needy(const coach_state *st, const coach_hit *h)
{
    size_t s = st->d->w[h->w0].sent;
    size_t lo = s >= BESIDE ? s - BESIDE : 0,
           hi = s + BESIDE < st->d->ns ? s + BESIDE : st->d->ns - 1;
    int gapology = coach_group("neediness", "apology");
    for (size_t i = st->first_hit[lo]; i < st->first_hit[hi + 1]; i++) {
        const coach_hit *o = &st->hits[i];
        int g = (int)o->group;
        if (o == h || strcmp(nlp_coach_groups[g].category, "neediness") ||
            (g == gapology && inside_care(st, o)))
            continue;
        if (g != (int)h->group || o->w0 != h->w0)
            return true;
    }
    return false;
}

/*
 * Whether hit h counts toward group g's flag.  Its own phrases do, except
 * a chase or a pitch in a sentence that brings something useful, a chase
 * beside an easier way offered ("if it's easier, just reply yes or no"),
 * and a call named in thanks ("thanks for the quick chat").  [time_demand] also
 * takes the lengths of time ([time_length]) named in a request,
 * [urgency] the deadline words ([pace]) put on the reader (in a request
 * or a sentence to them) and not promised by the sender (and neither
 * counts when the deadline is past: "pays out within 24 hours" is a
 * claim, not a deadline, nor one inside the sender's own "if I ..."
 * clause), and [pitch] the product named ([product]) in a request or to
 * the reader.  Also: a call to someone else ("a quick call to the permit
 * desk") or offered with an easy way out demands nothing; "be sure to"
 * guarantees nothing; "feel free to ignore it" is self-doubt only beside
 * another needy phrase; an apology inside a condolence is none.  Whose it
 * is: urgency that is the reader's own ("urgent for you"), scarcity in a
 * draft that says there is no hurry, a product named beside a refusal,
 * quota words in an offer, and "trust me" vouching for hype do not count.
 */
static bool
counts_for(const coach_state *st, size_t g, const coach_hit *h)
{
    size_t s = st->d->w[h->w0].sent;
    int gi = (int)g, hg = (int)h->group;
    if (hg == gi) {
        if (gi == coach_group("imposition", "chasing"))
            return !offers(st, s) &&
                   !sentence_has(st, s, coach_group("imposition", "easier"),
                                 NULL);
        /* "our software is built for retail stockrooms" in a refusal
         * explains the no; it sells nothing. */
        if (gi == coach_group("imposition", "pitch"))
            return !offers(st, s) && !disowned(st, h) && !declines_near(st, s);
        if (gi == coach_group("imposition", "time_demand"))
            return !thanks_or_care(st, s) && !offers(st, s) &&
                   !to_someone_else(st, h) &&
                   !sentence_has(st, s, coach_group("imposition", "easy_out"),
                                 NULL);
        if (gi == coach_group("imposition", "scarcity"))
            return !st->unhurried;
        if (gi == coach_group("imposition", "urgency"))
            return !in_past(st, h) && !own_deadline(st, h) &&
                   !urgent_for_them(st, h) &&
                   (!lone_adjective(st, h) ||
                    (is_request(st, s) && !negated(st, h)));
        if (gi == coach_group("self_focus", "bio"))
            return !st->declines; /* "my background is ... so I must decline" */
        /* "so sorry to hear", "sorry for your loss": condolence, not an
         * apology for existing. */
        if (gi == coach_group("neediness", "apology"))
            return !inside_care(st, h);
        /* "a second opinion on something, anything at all" offers. */
        if (gi == coach_group("neediness", "quota"))
            return !offers(st, s);
        /* "feel free to ignore it" alone is an easy way out; beside an
         * apology or a plea it makes the sender small. */
        if (gi == coach_group("neediness", "self_doubt") &&
            overlaps_group(st, h, coach_group("imposition", "easy_out")))
            return other_needy(st, h);
        /* "you'd been struggling to find": the reader's trouble, which
         * the sender has listened to. */
        if (gi == coach_group("neediness", "self_doubt"))
            return !coach_owned_by(st, h->w0,
                                   coach_group("self_focus", "other_words"));
        if (gi == coach_group("hype", "superlative"))
            return !negated(st, h) && /* "not a miracle" is honesty */
                   !praises_reader(st, h);
        if (gi == coach_group("one_up", "talk_down"))
            return !vouches_for_hype(st, h);
        /* "can't promise" is honesty; "I can only guarantee your slot if"
         * is scarcity, not a claim. */
        if (gi == coach_group("hype", "guarantee")) {
            static const char *const only[] = {"only"}, *const be[] = {
                                                            "be", "make",
                                                            "making"};
            /* "be sure to keep in touch" is an idiom, not a promise. */
            if (!strcmp(coach_word_norm(st->d, h->w0), "sure") &&
                coach_word_is(st->d, h->w0 - 1, s, be, 3))
                return false;
            /* "with absolutely no expectation" frees the reader. */
            return !negated(st, h) &&
                   !coach_word_is(st->d, h->w0 - 1, s, only, 1) &&
                   !overlaps_group(st, h,
                                   coach_group("imposition", "easy_out"));
        }
        return true;
    }
    /* A length put to them as a question ("Would you have 20 minutes?"),
     * or in a draft that leaves an easy way out ("let me know a time that
     * suits", "feel free to ignore this"), leaves them the choice; that
     * ask is premature_ask's to judge. */
    if (gi == coach_group("imposition", "time_demand") &&
        hg == coach_group("imposition", "time_length"))
        return is_request(st, s) && !st->d->s[s].question &&
               !thanks_or_care(st, s) && !st->eased;
    if (gi == coach_group("imposition", "pitch") &&
        hg == coach_group("imposition", "product"))
        return !offers(st, s) && !disowned(st, h) && !names_a_team(st, h) &&
               !declines_near(st, s) &&
               (is_request(st, s) ||
                sentence_has(st, s, coach_group("self_focus", "other_words"),
                             NULL));
    /* "put me out of my misery before Friday": a deadline inside a
     * plea is the sender's need, which neediness reads. */
    if (gi == coach_group("imposition", "urgency") &&
        hg == coach_group("imposition", "pace"))
        return !in_past(st, h) && !own_deadline(st, h) &&
               !sentence_has(st, s, coach_group("neediness", "begging"),
                             NULL) &&
               !sentence_has(st, s, coach_group("imposition", "plan_self"),
                             NULL) &&
               (is_request(st, s) ||
                sentence_has(st, s, coach_group("self_focus", "other_words"),
                             NULL));
    return false;
}

/* Flags every phrase list of the five word-evidence categories (and the
 * self_focus biography list) that reached its minimum. */
static rp_code
detect_lists(coach_state *st)
{
    int booked = coach_group("imposition", "booked"); /* detect_booking */
    for (size_t g = 0; g < nlp_coach_ngroups; g++) {
        const nlp_coach_group *gr = &nlp_coach_groups[g];
        int cat = cat_of(gr->category);
        if (cat < 0 || gr->severity == 0 || cat == NLP_COACH_PREMATURE_ASK ||
            cat == NLP_COACH_NO_VALUE || (int)g == booked)
            continue;
        size_t count = 0;
        for (size_t i = 0; i < st->nhits; i++)
            count += counts_for(st, g, &st->hits[i]);
        if (!count || count < (size_t)gr->min)
            continue;
        nlp_coach_flag *f =
            coach_flag_add(st, (nlp_coach_cat)cat, (int)g,
                           escalate(gr->severity, count, gr->min));
        if (!f)
            return RP_ENOMEM;
        for (size_t i = 0; i < st->nhits; i++)
            if (counts_for(st, g, &st->hits[i]))
                coach_flag_span(f, hit_start(st, &st->hits[i]),
                                hit_end(st, &st->hits[i]));
    }
    return RP_OK;
}

/* True when word y is the reader as the subject of what follows: "you",
 * "you've", "you'd", not the object of "get you", "have you" ("I'll get
 * you booked in", "I have you booked for 10"). */
static bool
reader_subject(const coach_doc *d, size_t y, size_t s)
{
    static const char *const you[] = {"you", "you've", "you'd"},
                             *const get[] = {"get",    "got",  "getting",
                                             "have",   "has",  "had",
                                             "having", "i've", "we've"};
    return coach_word_is(d, y, s, you, 3) &&
           (y == d->s[s].w0 ||
            !coach_word_is(d, y - 1, s, get, sizeof get / sizeof *get));
}

/* True when booking word w is the reader's own doing: "the call you had
 * booked with Quayside", "you booked". */
static bool
their_own_booking(const coach_state *st, size_t w)
{
    static const char *const aux[] = {"had", "have", "already", "just"};
    const coach_doc *d = st->d;
    size_t s = d->w[w].sent, w0 = d->s[s].w0;
    if (w > w0 && reader_subject(d, w - 1, s))
        return true;
    return w > w0 + 1 && coach_word_is(d, w - 1, s, aux, 4) &&
           reader_subject(d, w - 2, s);
}

/* True when booking cue h leaves the booking to the reader: the sender
 * keeping their own time free ("I'll keep 2 to 4pm free") or the reader
 * asked to send the invite ("just send an invite for whichever slot
 * suits"), or the booking theirs already ("the call you had
 * booked"), not "I'll send an invite for 10". */
static bool
booking_left_to_them(const coach_state *st, const coach_hit *h)
{
    static const char *const keep[] = {"keep"}, *const me[] = {"me", "over"};
    const coach_doc *d = st->d;
    size_t s = d->w[h->w0].sent, w0 = d->s[s].w0;
    if (coach_word_is(d, h->w0, s, keep, 1))
        return coach_owned_by(st, h->w0,
                              coach_group("self_focus", "self_words"));
    if (their_own_booking(st, h->w0))
        return true;
    if (strcmp(coach_word_norm(d, h->w0), "invite") || h->w0 < w0 + 2)
        return false;
    size_t v = h->w0 - 2; /* "send an invite" */
    if (v > w0 && coach_word_is(d, v, s, me, 2))
        v--; /* "send me an invite", "send over an invite" */
    return reader_sends(st, v);
}

/*
 * The sender booking the reader's time: the [booked] phrases ("I've sent
 * you a calendar invite", "expect my call"), and every sentence that holds
 * the sender's plan ("I'll", "I'm coming"), a way of reaching the reader
 * ("call", "stop by your office"), the reader (you, your) and a time
 * ("tomorrow at 10"): "I'll call you tomorrow at 10"; not "I'll call him
 * tonight"; and every sentence with a booking word ([cue_booked]), the
 * reader and a time, neither a question nor an offer nor leaving an easy
 * way out: "I took the liberty of booking a demo for you on Wednesday at
 * 11".  One flag, each finding a span.
 */
static rp_code
detect_booking(coach_state *st)
{
    const coach_doc *d = st->d;
    int gb = coach_group("imposition", "booked");
    int gp = coach_group("imposition", "plan_self");
    int gv = coach_group("imposition", "contact_verb");
    int gt = coach_group("imposition", "time_words");
    int go = coach_group("self_focus", "other_words");
    int gc = coach_group("imposition", "cue_booked");
    int ge = coach_group("imposition", "easy_out");
    nlp_coach_flag *f = NULL;
    size_t last = (size_t)-1; /* one span per planning sentence */
    /* Every test below reads the whole sentence, so each sentence is
     * tried once per branch, not once per hit. */
    size_t tried_plan = (size_t)-1, tried_cue = (size_t)-1;
    for (size_t i = 0; i < st->nhits; i++) {
        const coach_hit *h = &st->hits[i];
        size_t s = d->w[h->w0].sent, end = hit_end(st, h);
        if ((int)h->group == gp) {
            if (s == tried_plan)
                continue;
            tried_plan = s;
            if (s == last || !verb_in(st, s, gv, &end) ||
                !sentence_has(st, s, gt, &end) ||
                !sentence_has(st, s, go, NULL) || sentence_has(st, s, ge, NULL))
                continue;
            last = s;
        } else if ((int)h->group == gc) {
            /* A booking word ("calendar hold", "booking a demo") with
             * the reader and a time, not offered, asked or thanked for
             * ("thank you for inviting me last Wednesday"). */
            if (s == tried_cue || booking_left_to_them(st, h))
                continue;
            tried_cue = s;
            if (s == last || d->s[s].question || offers(st, s) ||
                thanks_or_care(st, s) || !sentence_has(st, s, gt, &end) ||
                !sentence_has(st, s, go, NULL) || sentence_has(st, s, ge, NULL))
                continue;
            last = s;
        } else if ((int)h->group != gb)
            continue;
        if (!f && !(f = coach_flag_add(st, NLP_COACH_IMPOSITION, gb, 0)))
            return RP_ENOMEM;
        coach_flag_span(f, hit_start(st, h), end);
    }
    if (f)
        f->severity = escalate(f->severity, f->count, 1);
    return RP_OK;
}

/*
 * A verdict on the reader: a sentence about them (you, your) holding a
 * [judgement] word ("naive", "incorrect") and no word owning a share of
 * it ("my", "we"), no thanks, care or apology: "The way you price your
 * tours is naive", "I think you've overcomplicated this".
 * Adds the sentences to the one_up [correct] flag.
 */
static rp_code
detect_verdicts(coach_state *st)
{
    const coach_doc *d = st->d;
    int gj = coach_group("one_up", "judgement");
    int gc = coach_group("one_up", "correct");
    static const char *const soft[][2] = {
        {"one_up", "own_words"},  {"positives", "gratitude"},
        {"positives", "thanks"},  {"positives", "care"},
        {"positives", "empathy"}, {"neediness", "apology"}};
    nlp_coach_flag *f = NULL;
    for (size_t s = 0; s < d->ns; s++) {
        if (!sentence_has(st, s, gj, NULL) ||
            !sentence_has(st, s, coach_group("self_focus", "other_words"),
                          NULL))
            continue;
        bool softened = false;
        for (size_t k = 0; k < sizeof soft / sizeof *soft && !softened; k++)
            softened =
                sentence_has(st, s, coach_group(soft[k][0], soft[k][1]), NULL);
        if (softened)
            continue;
        for (size_t i = 0; i < st->r->nflags && !f; i++)
            if (st->r->flags[i].cat == NLP_COACH_ONE_UP &&
                !strcmp(st->r->flags[i].group, "correct"))
                f = &st->r->flags[i];
        if (!f && !(f = coach_flag_add(st, NLP_COACH_ONE_UP, gc, 0)))
            return RP_ENOMEM;
        coach_flag_span(f, d->s[s].start, d->s[s].end);
    }
    return RP_OK;
}

/* VADER valence from which a word is strong praise ("amazing" 2.8,
 * "best" 3.2; "good" 1.9 is not). */
#define PRAISE_VALENCE 2.5
/* Strong words a sentence needs to be self-praise. */
#define PRAISE_MIN_WORDS 2

/*
 * Self-praise: a sentence in the company's voice (we, our) with at least
 * two strongly positive words, and no word of the reader, thanks, care or
 * empathy: "Our strategists are brilliant and our results are amazing."
 * Whatever the adjectives, the sender is grading their own work.
 */
static rp_code
detect_self_praise(coach_state *st)
{
    const coach_doc *d = st->d;
    static const char *const other[][2] = {{"self_focus", "other_words"},
                                           {"positives", "gratitude"},
                                           {"positives", "thanks"},
                                           {"positives", "care"},
                                           {"positives", "empathy"}};
    int gwe = coach_group("hype", "we_words");
    nlp_coach_flag *f = NULL;
    for (size_t s = 0; s < d->ns; s++) {
        if (!sentence_has(st, s, gwe, NULL))
            continue;
        bool skip = false;
        for (size_t k = 0; k < sizeof other / sizeof *other && !skip; k++)
            skip = sentence_has(st, s, coach_group(other[k][0], other[k][1]),
                                NULL);
        size_t strong = 0;
        for (size_t i = d->s[s].w0; i < d->s[s].w1 && !skip; i++) {
            const nlp_lexicon_entry *e =
                nlp_lexicon_find(coach_word_norm(d, i), d->w[i].nlen);
            strong += e && (e->flags & NLP_LEX_VALENCE) &&
                      e->valence >= PRAISE_VALENCE;
        }
        if (skip || strong < PRAISE_MIN_WORDS)
            continue;
        if (!f && !(f = coach_flag_add(st, NLP_COACH_HYPE,
                                       coach_group("hype", "self_praise"), 0)))
            return RP_ENOMEM;
        coach_flag_span(f, d->s[s].start, d->s[s].end);
    }
    return RP_OK;
}

/* True when the word is shouted: all ASCII capitals, four or more
 * letters between hyphens or dots; "LC-MS" and "U.S." are acronyms
 * joined up, "MUST-HAVE" is shouted. */
static bool
is_caps_word(const char *t, size_t s, size_t e)
{
    size_t letters = 0, most = 0;
    for (size_t i = s; i < e; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c >= 'a' && c <= 'z')
            return false;
        if (c >= 'A' && c <= 'Z')
            letters++;
        else if (c >= 0x80 || (c >= '0' && c <= '9'))
            return false;
        else if (c == '-' || c == '.')
            letters = 0;
        if (letters > most)
            most = letters;
    }
    return most >= 4;
}

/* A word in capitals, for finding the ones said twice. */
typedef struct {
    const char *p;
    size_t n;
    size_t word;
} caps_word;

static int
cmp_caps(const void *a, const void *b)
{
    const caps_word *x = a, *y = b;
    int c = memcmp(x->p, y->p, x->n < y->n ? x->n : y->n);
    return c ? c : (x->n > y->n) - (x->n < y->n);
}

/* True when word i has a capitalised neighbour in its sentence. */
static bool
caps_run(const coach_doc *d, size_t i)
{
    for (size_t k = i ? i - 1 : i + 1; k <= i + 1 && k < d->nw; k += 2)
        if (d->w[k].sent == d->w[i].sent &&
            is_caps_word(d->text, d->w[k].start, d->w[k].end))
            return true;
    return false;
}

/* Marks in name[] the words in capitals that read as a name or an acronym:
 * the same word in capitals elsewhere in the draft ("CAISO ... CAISO") and
 * no capitalised neighbour.  Emphasis is rarely repeated word for word; a
 * run of capitals ("THIS IS HUGE") is shouting however often it comes.
 * Sorting finds the repeats in n log n, whatever the draft. */
static rp_code
mark_caps_names(const coach_doc *d, bool *name)
{
    size_t n = 0;
    for (size_t i = 0; i < d->nw; i++)
        n += is_caps_word(d->text, d->w[i].start, d->w[i].end);
    if (n < 2)
        return RP_OK;
    caps_word *c = rp_malloc(n * sizeof *c);
    if (!c)
        return RP_ENOMEM;
    n = 0;
    for (size_t i = 0; i < d->nw; i++)
        if (is_caps_word(d->text, d->w[i].start, d->w[i].end))
            c[n++] = (caps_word){d->text + d->w[i].start,
                                 d->w[i].end - d->w[i].start, i};
    qsort(c, n, sizeof *c, cmp_caps);
    for (size_t k = 0; k < n; k++) {
        bool twice = (k > 0 && !cmp_caps(&c[k - 1], &c[k])) ||
                     (k + 1 < n && !cmp_caps(&c[k], &c[k + 1]));
        name[c[k].word] = twice && !caps_run(d, c[k].word);
    }
    rp_free(c);
    return RP_OK;
}

/* ALL-CAPS words in mixed-case text and runs of "!" in the body. */
static rp_code
detect_shouting(coach_state *st)
{
    const coach_doc *d = st->d;
    size_t lower = 0;
    for (size_t i = 0; i < d->nw; i++)
        for (size_t k = d->w[i].start; k < d->w[i].end; k++)
            lower += d->text[k] >= 'a' && d->text[k] <= 'z';
    nlp_coach_flag *f = NULL;
    if (lower) {
        bool *name = rp_calloc(d->nw + 1, sizeof *name);
        if (!name || mark_caps_names(d, name)) {
            rp_free(name);
            return RP_ENOMEM;
        }
        for (size_t i = 0; i < d->nw; i++) {
            if (!is_caps_word(d->text, d->w[i].start, d->w[i].end) || name[i])
                continue;
            if (!f && !(f = coach_flag_add(st, NLP_COACH_HYPE,
                                           coach_group("hype", "caps"), 0))) {
                rp_free(name);
                return RP_ENOMEM;
            }
            coach_flag_span(f, d->w[i].start, d->w[i].end);
        }
        rp_free(name);
    }
    /* One capitalised word is often an acronym or a name (INSEAD, ASAP):
     * a note.  Two are shouting, more are serious. */
    if (f)
        f->severity = f->count == 1 ? 1 : f->count == 2 ? 2 : 3;
    if (d->has_subject && d->subject.end - d->subject.start >= 8 &&
        is_caps_word(d->text, d->subject.start, d->subject.end)) {
        if (!(f = coach_flag_add(st, NLP_COACH_HYPE,
                                 coach_group("hype", "caps"), 0)))
            return RP_ENOMEM;
        coach_flag_span(f, d->subject.start, d->subject.end);
        snprintf(f->detail, sizeof f->detail,
                 "the subject line is in capitals");
    }

    /* Runs of "!" inside the sentences of the body. */
    size_t runs = 0, marks = 0, longest = 0;
    for (size_t s = 0; s < d->ns; s++)
        for (size_t i = d->s[s].start; i < d->s[s].end; i++) {
            size_t j = i;
            while (j < d->s[s].end && d->text[j] == '!')
                j++;
            if (j > i) {
                runs++;
                marks += j - i;
                longest = j - i > longest ? j - i : longest;
                i = j - 1;
            }
        }
    if (longest < 2 && runs < 3)
        return RP_OK;
    if (!(f = coach_flag_add(st, NLP_COACH_HYPE, coach_group("hype", "exclaim"),
                             0)))
        return RP_ENOMEM;
    if (marks >= 4)
        f->severity = 2;
    for (size_t s = 0; s < d->ns; s++)
        for (size_t i = d->s[s].start; i < d->s[s].end; i++) {
            size_t j = i;
            while (j < d->s[s].end && d->text[j] == '!')
                j++;
            if (j > i && (j - i >= 2 || longest < 2))
                coach_flag_span(f, i, j);
            if (j > i)
                i = j - 1;
        }
    return RP_OK;
}

/* Reply and forward markers that mail programs put before a subject, in
 * the languages they are most often seen in: Re, Fw, Fwd; AW (German), SV
 * (Nordic), Antw (Dutch).  WG, TR, RV and VS are left out: as subjects
 * they are more often a working group, a technical report or "versus". */
static const char *const reply_markers[] = {"re", "fw", "fwd",
                                            "aw", "sv", "antw"};

/* The length of the reply or forward prefix that opens the subject t of
 * n bytes ("Re:", "RE[2]:", "Re(3):", "AW:", "Fwd :"), or 0. */
static size_t
reply_prefix(const char *t, size_t n)
{
    for (size_t i = 0; i < sizeof reply_markers / sizeof *reply_markers; i++) {
        size_t k = strlen(reply_markers[i]);
        if (n <= k || strncasecmp(t, reply_markers[i], k))
            continue;
        /* A count some programs add: "RE[2]:", "Re(3):", "Re^2:". */
        if (t[k] == '[' || t[k] == '(' || t[k] == '^') {
            size_t p = k + 1;
            while (p < n && t[p] >= '0' && t[p] <= '9')
                p++;
            if (p == k + 1 || p >= n)
                continue;
            if (t[k] != '^') {
                if (t[p] != (t[k] == '[' ? ']' : ')'))
                    continue;
                p++;
            }
            k = p;
        }
        if (k < n && t[k] == ' ' && k + 1 < n && t[k + 1] == ':')
            k++; /* "Fwd :" */
        if (k < n && t[k] == ':')
            return k + 1;
    }
    return 0;
}

/* A fake reply or forward prefix on a new message's subject, when the
 * body does not answer something of theirs. */
static rp_code
detect_subject(coach_state *st)
{
    const coach_doc *d = st->d;
    const char *t = d->text + d->subject.start;
    size_t n = d->subject.end - d->subject.start;
    if (!d->has_subject)
        return RP_OK;
    size_t p = reply_prefix(t, n);
    if (!p)
        return RP_OK;
    /* A body that answers them ("thank you for your question") is a real
     * reply. */
    if (draft_has(st, coach_group("imposition", "replying")))
        return RP_OK;
    nlp_coach_flag *f = coach_flag_add(
        st, NLP_COACH_IMPOSITION, coach_group("imposition", "fake_reply"), 0);
    if (!f)
        return RP_ENOMEM;
    coach_flag_span(f, d->subject.start, d->subject.start + p);
    return RP_OK;
}

/* Counts the words pointing at the sender and at the reader; when the
 * sender dominates, flags the sentences that are only about the sender. */
static rp_code
detect_self_focus(coach_state *st)
{
    const coach_doc *d = st->d;
    int gs = coach_group("self_focus", "self_words");
    int go = coach_group("self_focus", "other_words");
    /* Sentences that give, thank or share their news say I for the
     * reader's sake. */
    const int giving_groups[] = {coach_group("positives", "value"),
                                 coach_group("positives", "standby"),
                                 coach_group("positives", "resource"),
                                 coach_group("positives", "gratitude"),
                                 coach_group("positives", "thanks"),
                                 coach_group("positives", "care"),
                                 coach_group("positives", "empathy")};
    /* A neediness cue ("my kids", "my rent") is neediness's to judge only
     * in a draft neediness flags; alone it is talk about the sender like
     * any other. */
    bool needy = false;
    for (size_t i = 0; i < st->r->nflags; i++)
        needy = needy || (st->r->flags[i].cat == NLP_COACH_NEEDINESS &&
                          st->r->flags[i].severity >= 2);
    size_t *self_in = rp_calloc(d->ns + 1, sizeof *self_in);
    size_t *other_in = rp_calloc(d->ns + 1, sizeof *other_in);
    bool *giving = rp_calloc(d->ns + 1, sizeof *giving);
    rp_code rc = RP_ENOMEM;
    if (!self_in || !other_in || !giving)
        goto cleanup;
    for (size_t i = 0; i < st->nhits; i++) {
        size_t s = d->w[st->hits[i].w0].sent;
        int g = (int)st->hits[i].group;
        if (g == gs) {
            st->self++;
            self_in[s]++;
        } else if (g == go) {
            st->other++;
            other_in[s]++;
        } else if (!strcmp(nlp_coach_groups[g].category, "imposition") &&
                   nlp_coach_groups[g].severity > 0) {
            /* "I have already sent a calendar invitation": pressure on
             * the reader's time, imposition's to judge where it counts. */
            if (counts_for(st, (size_t)g, &st->hits[i]))
                giving[s] = true;
        } else if (!strcmp(nlp_coach_groups[g].category, "neediness")) {
            /* "I feel terrible", "I'm sorry I missed our call":
             * neediness's to judge, when it counts there ("so sorry to
             * hear" is care, not an apology). */
            if (nlp_coach_groups[g].severity > 0
                    ? counts_for(st, (size_t)g, &st->hits[i])
                    : needy)
                giving[s] = true;
        } else
            for (size_t k = 0; k < sizeof giving_groups / sizeof *giving_groups;
                 k++)
                if (g == giving_groups[k])
                    giving[s] = true;
    }
    rc = RP_OK;
    /* A sentence that thanks, offers, congratulates, condoles or apologises
     * ("I've attached the notes", "she gave me three ideas, thank you",
     * "I'm sorry I missed our call") says I for the reader's sake; one
     * that pleads says it as neediness, flagged there; and
     * one that also speaks of the reader ("I loved your talk") is not only
     * about the sender: their self-words do not count toward the flag (the
     * you/I metric still counts every word).  self counts the words that
     * do count, mine the sentences they stand in, theirs the sentences
     * that speak of the reader. */
    size_t self = 0, mine = 0, theirs = 0;
    for (size_t s = 0; s < d->ns; s++) {
        if (!giving[s] && !other_in[s]) {
            self += self_in[s];
            mine += self_in[s] > 0;
        }
        theirs += other_in[s] > 0;
    }
    /* A few sentences about oneself are natural; the flag is for a draft
     * whose weight sits on the sender: at least six self-words and more
     * than twice (plus two) the words about the reader.  A refusal
     * explains itself in the first person, as it should. */
    if (self < 6 || self <= 2 * st->other + 2 || st->declines)
        goto cleanup;
    nlp_coach_flag *f = coach_flag_add(
        st, NLP_COACH_SELF_FOCUS, coach_group("self_focus", "about_sender"),
        (st->other == 0 && self >= 10) ||
                (self >= 12 && self >= 4 * (st->other + 1)) ||
                (mine >= 4 && theirs <= 1)
            ? 3
            : 0);
    if (!f) {
        rc = RP_ENOMEM;
        goto cleanup;
    }
    snprintf(f->detail, sizeof f->detail, "%zu words about you, %zu about them",
             st->self, st->other);
    for (size_t s = 0; s < d->ns; s++)
        if (self_in[s] && !other_in[s] && !giving[s])
            coach_flag_span(f, d->s[s].start, d->s[s].end);
cleanup:
    rp_free(self_in);
    rp_free(other_in);
    rp_free(giving);
    return rc;
}

/*
 * When a link starts at t[i] ("https://...", "www.example.org",
 * "example.com/path"), where it ends (at whitespace, or at the sentence's
 * end lim); else 0.  A bare "example.com" without a path is not taken for
 * a link: it may be a company named in passing.
 */
static size_t
link_end(const char *t, size_t i, size_t lim)
{
    size_t e = i;
    bool dot = false, slash = false;
    while (e < lim && t[e] != ' ' && t[e] != '\n' && t[e] != '\t' &&
           t[e] != '\r') {
        dot = dot || (t[e] == '.' && e + 1 < lim && t[e + 1] != ' ');
        slash = slash || (t[e] == '/' && dot);
        e++;
    }
    while (e > i && t[e - 1] && strchr(".,;:!?)'\"", t[e - 1]))
        e--; /* the sentence's punctuation is not part of the link */
    if (e - i >= 7 && (!strncmp(t + i, "http://", 7) ||
                       (e - i >= 8 && !strncmp(t + i, "https://", 8))))
        return e;
    if (e - i >= 5 && !strncmp(t + i, "www.", 4))
        return e;
    return dot && slash ? e : 0;
}

/* True when t (n bytes) opens the way only a link does. */
static bool
link_prefix(const char *t, size_t n)
{
    return (n >= 7 && !strncmp(t, "http://", 7)) ||
           (n >= 8 && !strncmp(t, "https://", 8)) ||
           (n >= 4 && !strncmp(t, "www.", 4));
}

/* Sets st->link_end: for each word inside a link ("checkout" in
 * "https://example.com/checkout-trends-report"), where the link ends; 0
 * for a word of prose.  A link starts at the first word after white
 * space or at a word that opens like one ("see:https://..."), and a word
 * already inside one starts none, so each run without spaces is read at
 * most twice, however long. */
static rp_code
mark_links(coach_state *st)
{
    const coach_doc *d = st->d;
    size_t *end = rp_calloc(d->nw + 1, sizeof *end);
    if (!end)
        return RP_ENOMEM;
    for (size_t i = 0; i < d->nw; i++) {
        const coach_sent *se = &d->s[d->w[i].sent];
        size_t a = d->w[i].start;
        if (end[i])
            continue;
        bool first = i == se->w0;
        for (size_t p = first ? a : d->w[i - 1].end; p < a && !first; p++)
            first = isspace((unsigned char)d->text[p]);
        if (!first && !link_prefix(d->text + a, se->end - a))
            continue;
        size_t e = link_end(d->text, a, se->end);
        for (size_t k = i; e && k < se->w1 && d->w[k].start < e; k++)
            end[k] = e;
    }
    st->link_end = end;
    return RP_OK;
}

/* True when hit h lies inside a politeness formula of a request ("I
 * would be grateful for an update"): not thanks. */
static bool
in_formula(const coach_state *st, const coach_hit *h)
{
    return overlaps_group(st, h, coach_group("positives", "polite_formula"));
}

/* Words a sentence needs before a lone "thanks" in it counts as thanks:
 * "Thanks, Dev" at the foot of a draft is a sign-off. */
#define THANKS_MIN_WORDS 4

/* True when sentence s is a sign-off: short, in a last paragraph of its
 * own below the body ("Thanks very much, Owen Pryce"). */
static bool
sign_off(const coach_doc *d, size_t s)
{
    return d->s[s].para == d->s[d->ns - 1].para &&
           d->s[s].para != d->s[0].para && d->s[s].w1 - d->s[s].w0 < 7;
}

/* True when value hit h is a [discovery] phrase that does not go on to
 * a thing found ("this", "an", "the" ...): "I came across your name" or
 * "came across Hearth & Hound on Instagram" tells how the sender found
 * them; "I came across this guide" gives something. */
static bool
found_them(const coach_state *st, const coach_hit *h)
{
    static const char *const thing[] = {"this", "that", "these", "those",
                                        "a",    "an",   "the",   "some"};
    int gd = coach_group("positives", "discovery");
    const coach_doc *d = st->d;
    size_t s = d->w[h->w0].sent;
    return coach_hit_in(st, s, gd, h->w0, h->w0 + 1) != (size_t)-1 &&
           !coach_word_is(d, h->w1, s, thing, sizeof thing / sizeof *thing);
}

static bool is_ask_group(int g);

/* True when sentence s is a request that names an ask (a meeting, a
 * purchase, a referral, a favour). */
static bool
asks_in(const coach_state *st, size_t s)
{
    if (!is_request(st, s))
        return false;
    for (size_t i = st->first_hit[s]; i < st->first_hit[s + 1]; i++)
        if (is_ask_group((int)st->hits[i].group))
            return true;
    return false;
}

/* True when value hit h is "would you like to" before a verb of buying
 * ("Would you like to book a package of four posts?"): the reader is
 * offered a purchase, which asks rather than gives. */
static bool
offers_a_sale(const coach_state *st, const coach_hit *h)
{
    static const char *const to[] = {"to"}, *const buy[] = {
                                                "book",  "buy",
                                                "order", "purchase",
                                                "sign",  "subscribe",
                                                "hire",  "upgrade"};
    const coach_doc *d = st->d;
    size_t s = d->w[h->w0].sent;
    return h->w1 - h->w0 == 3 &&
           !strcmp(coach_word_norm(d, h->w0 + 2), "like") &&
           coach_word_is(d, h->w1, s, to, 1) &&
           coach_word_is(d, h->w1 + 1, s, buy, sizeof buy / sizeof *buy);
}

/* True when value hit h ("an intro to") lies inside a request for a
 * referral that starts before it ("would love an intro to"), unlike "I
 * can make an intro to", which the [referral] phrase "intro to" only
 * overlaps from within. */
static bool
asked_for(const coach_state *st, const coach_hit *h)
{
    size_t i = (size_t)-1;
    const coach_hit *r;
    int gref = coach_group("premature_ask", "referral");
    while ((r = next_over(st, h, gref, &i)))
        if (r->w0 < h->w0)
            return true;
    return false;
}

/* True when value hit h is a share the reader is to make ("I was
 * wondering if you'd mind sharing the campaign", "could you sharing"
 * never; "would you mind sharing the link"): a favour asked, not a
 * gift. */
static bool
done_by_reader(const coach_state *st, const coach_hit *h)
{
    static const char *const mind[] = {"mind"}, *const share[] = {"share",
                                                                  "sharing"};
    const coach_doc *d = st->d;
    size_t s = d->w[h->w0].sent, w0 = d->s[s].w0;
    if (!coach_word_is(d, h->w0, s, share, 2))
        return false; /* "someone you should meet" is an intro offered */
    if (h->w0 > w0 && reader_subject(d, h->w0 - 1, s))
        return true;
    return h->w0 > w0 + 1 && coach_word_is(d, h->w0 - 1, s, mind, 1) &&
           reader_subject(d, h->w0 - 2, s);
}

/* True when value hit h is "as promised" in a sentence that chases or
 * touches base ("Circling back as promised, just keeping this warm"):
 * the promise kept is to come back, and nothing is handed over. */
static bool
promise_to_chase(const coach_state *st, const coach_hit *h)
{
    const coach_doc *d = st->d;
    size_t s = d->w[h->w0].sent;
    return h->w1 - h->w0 == 2 && !strcmp(coach_word_norm(d, h->w0), "as") &&
           !strcmp(coach_word_norm(d, h->w0 + 1), "promised") &&
           (sentence_has(st, s, coach_group("no_value", "empty_touch"), NULL) ||
            sentence_has(st, s, coach_group("imposition", "chasing"), NULL));
}

/* True when sentence s, or the one before it in its paragraph, is an
 * empty touch ("just wanted to touch base"). */
static bool
touch_at_or_before(const coach_state *st, size_t s)
{
    int ge = coach_group("no_value", "empty_touch");
    const coach_doc *d = st->d;
    return sentence_has(st, s, ge, NULL) ||
           (s > 0 && d->s[s - 1].para == d->s[s].para &&
            sentence_has(st, s - 1, ge, NULL));
}

/* The positives found by phrase, and whether the draft gives anything. */
static rp_code
detect_positive_lists(coach_state *st)
{
    static const struct {
        const char *group, *kind;
    } lists[] = {{"value", "value"},         {"resource", "value"},
                 {"gratitude", "gratitude"}, {"thanks", "gratitude"},
                 {"care", "empathy"},        {"empathy", "empathy"},
                 {"standby", "value"}};
    const coach_doc *d = st->d;
    int gpapers = coach_group("positives", "own_papers");
    for (size_t k = 0; k < sizeof lists / sizeof *lists; k++) {
        int g = coach_group("positives", lists[k].group);
        for (size_t i = 0; i < st->nhits; i++) {
            const coach_hit *h = &st->hits[i];
            if ((int)h->group != g)
                continue;
            size_t sn = d->w[h->w0].sent;
            const coach_sent *s = &d->s[sn];
            /* A resource asked for is not one offered. */
            if (k == 1 && s->question &&
                sentence_has(st, sn, coach_group("premature_ask", "asking"),
                             NULL))
                continue;
            if (k == 0 && found_them(st, h))
                continue; /* how they found the reader, not a gift */
            if (k == 0 && offers_a_sale(st, h))
                continue; /* "would you like to book a package?" */
            /* "I think I could be helpful to them": the sender's claim
             * about themselves, not something given ("I thought you
             * might", "we sent three your way" give). */
            static const char *const self[] = {"i", "we"}, *const modal[] = {
                                                               "could", "might",
                                                               "may", "can",
                                                               "would"};
            if (k == 0 && coach_word_is(d, h->w0 - 1, sn, self, 2) &&
                coach_word_is(d, h->w0, sn, modal, 5))
                continue;
            /* "Would love an intro to their CFO": the introduction asked
             * for, not offered. */
            if (k == 0 && (asked_for(st, h) || done_by_reader(st, h)))
                continue;
            if (k <= 1 && sentence_has(st, sn, gpapers, NULL))
                continue; /* "I've attached my CV": part of the ask */
            if (k == 0 && promise_to_chase(st, h))
                continue; /* "circling back as promised" */
            /* "I'll send the order form", "I can send the paperwork": the
             * sale's own papers are not something given. */
            if (k == 0 &&
                sentence_has(st, sn, coach_group("premature_ask", "purchase"),
                             NULL))
                continue;
            if (k == 3 &&
                (s->w1 - s->w0 < THANKS_MIN_WORDS || sign_off(d, sn) ||
                 sentence_has(st, sn, coach_group("positives", "gratitude"),
                              NULL)))
                continue; /* a sign-off, or already thanks */
            if ((k == 2 || k == 3) && in_formula(st, h))
                continue;
            /* "just thinking of you guys" in a check-in is a touch, not
             * care for a loss or a win; so is "I was thinking of you and
             * wanted to say hello" beside the touch it introduces. */
            static const char *const just[] = {"just"}, *const thinking[] = {
                                                            "thinking"};
            if (k == 4 &&
                (coach_word_is(d, h->w0 - 1, sn, just, 1) ||
                 sorry_for_self(st, h) ||
                 (coach_word_is(d, h->w0, sn, thinking, 1) &&
                  sentence_has(st, sn, coach_group("no_value", "empty_touch"),
                               NULL))))
                continue;
            /* "if you need anything, do keep us in mind", or "Just
             * wanted to touch base. We're always here if you need
             * anything": the offer is part of an empty touch, in its
             * sentence or right after one in its paragraph. */
            if (k == 6 && touch_at_or_before(st, sn))
                continue;
            if (k <= 1 || k == 6)
                st->value = true;
            if (k == 2 || k == 3)
                st->gratitude = true;
            if (k == 4)
                st->care = true;
            if (add_positive(st, lists[k].kind, nlp_coach_groups[g].advice,
                             NULL, hit_start(st, h), hit_end(st, h)))
                return RP_ENOMEM;
        }
    }
    /* A link in what the sender wrote shares something, unless it is what
     * the reader is asked to act on ("could you forward my survey:
     * https://..."). */
    size_t cur = (size_t)-1;
    bool skip = false; /* for sentence cur, read once per sentence */
    for (size_t i = 0; i < d->nw; i++) {
        size_t s = d->w[i].sent;
        if (s != cur) {
            cur = s;
            skip = sentence_has(st, s, gpapers, NULL) || asks_in(st, s);
        }
        size_t e = skip ? 0 : st->link_end[i];
        if (!e)
            continue;
        st->value = true;
        return add_positive(st, "value", "shares a link", NULL, d->w[i].start,
                            e);
    }
    return RP_OK;
}

/* True when request marker h asks them not to do something ("please
 * don't give the board meeting a thought"): that takes a load off them;
 * it asks nothing of them. */
static bool
asks_not_to(const coach_state *st, const coach_hit *h)
{
    static const char *const dont[] = {"don't", "dont"}, *const d0[] = {"do"},
                             *const nt[] = {"not"};
    const coach_doc *d = st->d;
    size_t w = h->w1, s = d->w[h->w0].sent;
    return coach_word_is(d, w, s, dont, 2) ||
           (coach_word_is(d, w, s, d0, 1) && coach_word_is(d, w + 1, s, nt, 1));
}

/* Words a question about the reader needs before it counts as giving
 * attention ("How did the board meeting go?" has six). */
#define QUESTION_MIN_WORDS 6

static bool
is_ask_group(int g)
{
    return g >= 0 && !strcmp(nlp_coach_groups[g].category, "premature_ask") &&
           nlp_coach_groups[g].severity > 0 && nlp_coach_groups[g].count > 0;
}

/* True for a group whose phrases are evidence of a problem in the words
 * themselves (pushy, needy, lecturing, hype). */
static bool
is_evidence_group(int g)
{
    if (g < 0 || nlp_coach_groups[g].severity == 0)
        return false;
    int c = cat_of(nlp_coach_groups[g].category);
    return c == NLP_COACH_IMPOSITION || c == NLP_COACH_NEEDINESS ||
           c == NLP_COACH_ONE_UP || c == NLP_COACH_HYPE;
}

/* What each sentence does, for detect_asks. */
typedef struct {
    bool request;     /* a question, or holds a request marker */
    bool wish;        /* the sender wishes to do something ("I'd love to") */
    bool asking;      /* a question asking the reader to do something */
    bool has_ask;     /* asks for a meeting, a purchase, a referral, ... */
    bool about_them;  /* holds you/your */
    bool empty;       /* an empty touch or a status chase */
    bool valued;      /* offers something */
    bool resource;    /* names a resource (offered or asked for) */
    bool evidence;    /* holds pushy, needy, lecturing or hype words */
    bool conditional; /* "if you'd like to": a request for a purchase */
} sent_role;

/* True when request hit h voices the sender's wish to do something ("I'd
 * love to grab 30 minutes with you", "hoping to"; not "I was hoping the 30
 * minutes were useful"): a request the reader may still turn down. */
static bool
is_wish(const coach_state *st, const coach_hit *h)
{
    static const char *const wish[] = {"love", "like", "hoping"};
    const coach_doc *d = st->d;
    size_t s = d->w[h->w0].sent;
    if (strcmp(coach_word_norm(d, h->w1 - 1), "to"))
        return false;
    for (size_t w = h->w0; w < h->w1; w++)
        if (coach_word_is(d, w, s, wish, 3))
            return true;
    return false;
}

/* True for a hit that names an ask: an ask group's phrase (a meeting word
 * not after "our", "the", ...: that meeting was had or agreed), or a length
 * of time (glength) in a question ("Could you spare 20 minutes?") or a
 * wish ("I'd love to grab 30 minutes with you"), which asks for a
 * meeting.  A length prescribed in a statement ("Please keep 30
 * minutes free") is imposition's [time_demand].  gmeeting and glength are
 * the [meeting] and [time_length] lists; role, what each sentence does. */
static bool
is_meeting_ask(const coach_state *st, const coach_hit *h, int gmeeting,
               int glength, const sent_role *role)
{
    static const char *const had[] = {"our", "the", "that", "this", "last"};
    const coach_doc *d = st->d;
    size_t s = d->w[h->w0].sent;
    /* "anything I did wrong in our call": a meeting already had. */
    if ((int)h->group == gmeeting &&
        coach_word_is(d, h->w0 - 1, s, had, sizeof had / sizeof *had))
        return false;
    return is_ask_group((int)h->group) ||
           ((int)h->group == glength && (d->s[s].question || role[s].wish));
}

/* The sentence asks without naming what ("Could you share ...?", "Would
 * you be willing to ...?"): a favour.  Not when it offers something, nor
 * when it chases or pleads ("Could you at least tell me ...?"): that is
 * its problem, flagged under its own category. */
static bool
generic_ask(const sent_role *r)
{
    return r->asking && !r->has_ask && !r->empty && !r->valued && !r->evidence;
}

/* Adds span [start, end) to the premature_ask flag of group g, creating
 * it in *f when needed. */
static rp_code
ask_span(coach_state *st, nlp_coach_flag **f, int g, size_t start, size_t end)
{
    if (!*f && !(*f = coach_flag_add(st, NLP_COACH_PREMATURE_ASK, g, 0)))
        return RP_ENOMEM;
    coach_flag_span(*f, start, end);
    return RP_OK;
}

/* Asks (a meeting, a purchase, a referral, a favour) in a request
 * sentence, made before any value: in the draft, or with --to in the
 * ledger.  A status chase ("any progress on the budget?") is not a new
 * ask.  Also marks the questions about the reader as positives, and notes
 * whether the draft gives real attention (st->engaged). */
static rp_code
detect_asks(coach_state *st)
{
    const coach_doc *d = st->d;
    const nlp_coach_context *c = st->ctx;
    int greq = coach_group("premature_ask", "request");
    int gasking = coach_group("premature_ask", "asking");
    int gindirect = coach_group("premature_ask", "indirect");
    int gcond = coach_group("premature_ask", "conditional");
    int gpurchase = coach_group("premature_ask", "purchase");
    int gfavor = coach_group("premature_ask", "favor");
    int gmeeting = coach_group("premature_ask", "meeting");
    int glength = coach_group("imposition", "time_length");
    int gother = coach_group("self_focus", "other_words");
    int gempty = coach_group("no_value", "empty_touch");
    int gvalue = coach_group("positives", "value");
    int gstandby = coach_group("positives", "standby");
    int gres = coach_group("positives", "resource");
    int gpitch = coach_group("imposition", "pitch"); /* a pitch may ask */
    int gpace = coach_group("imposition", "pace");
    int gurgency = coach_group("imposition", "urgency");
    sent_role *role = rp_calloc(d->ns + 1, sizeof *role);
    rp_code rc = RP_ENOMEM;
    if (!role)
        goto cleanup;
    /* A question is a request, unless it only asks after their news ("how
     * did the board meeting go?"). */
    int gnews = coach_group("premature_ask", "their_news");
    for (size_t s = 0; s < d->ns; s++)
        role[s].request = d->s[s].question && !sentence_has(st, s, gnews, NULL);
    for (size_t i = 0; i < st->nhits; i++) {
        size_t s = d->w[st->hits[i].w0].sent;
        int g = (int)st->hits[i].group;
        if (g == greq)
            role[s].wish = role[s].wish || is_wish(st, &st->hits[i]);
        if (g == greq && !asks_not_to(st, &st->hits[i]))
            role[s].request = true;
        else if (g == gasking)
            role[s].asking = role[s].asking || d->s[s].question;
        else if (g == gindirect)
            role[s].asking = role[s].request = true;
        else if (g == gcond)
            role[s].conditional = true;
        else if (g == gother)
            role[s].about_them = true;
        else if (g == gempty)
            role[s].empty = true;
        else if ((g == gvalue && !offers_a_sale(st, &st->hits[i])) ||
                 g == gstandby)
            role[s].valued = true;
        else if (g == gres)
            role[s].resource = true;
        else if ((is_evidence_group(g) && g != gpitch) ||
                 (g == gpace && counts_for(st, (size_t)gurgency, &st->hits[i])))
            role[s].evidence = true;
    }
    /* A resource named in a question asking for it is what the sender
     * wants, not what they give. */
    for (size_t s = 0; s < d->ns; s++)
        role[s].valued =
            role[s].valued || (role[s].resource && !role[s].asking);
    size_t nasks = 0;
    for (size_t i = 0; i < st->nhits; i++) {
        size_t s = d->w[st->hits[i].w0].sent;
        bool asked = role[s].request || (role[s].conditional &&
                                         (int)st->hits[i].group == gpurchase);
        if (is_meeting_ask(st, &st->hits[i], gmeeting, glength, role) &&
            asked && !role[s].empty) {
            role[s].has_ask = true;
            nasks++;
        }
    }
    for (size_t s = 0; s < d->ns; s++)
        nasks += generic_ask(&role[s]);
    for (size_t s = 0; s < d->ns; s++) {
        const sent_role *r = &role[s];
        if (!d->s[s].question || r->has_ask || generic_ask(r))
            continue;
        if (r->about_them && add_positive(st, "question", "asks about them",
                                          NULL, d->s[s].start, d->s[s].end))
            goto cleanup;
        /* A real question about their world gives attention, which the
         * no_value detector counts; "any updates on your side?" does not,
         * nor a request, a chase, or a short one. */
        if (!r->empty && !r->asking && !r->evidence &&
            d->s[s].w1 - d->s[s].w0 >= QUESTION_MIN_WORDS)
            st->engaged = true;
    }
    rc = RP_OK;
    st->asks = nasks > 0;
    if (!nasks)
        goto cleanup;

    /* Generous enough: more given than asked, at least twice. */
    bool ledger = c && c->has_ledger;
    bool generous = coach_generous(c);
    if (!st->value && !generous) {
        /* One flag per kind of ask, with the ask words as its spans. */
        for (size_t g = 0; g < nlp_coach_ngroups; g++) {
            nlp_coach_flag *f = NULL;
            if (!is_ask_group((int)g))
                continue;
            for (size_t i = 0; i < st->nhits; i++) {
                const coach_hit *h = &st->hits[i];
                if ((h->group == g ||
                     ((int)g == gmeeting && (int)h->group == glength)) &&
                    is_meeting_ask(st, h, gmeeting, glength, role) &&
                    role[d->w[h->w0].sent].has_ask &&
                    (rc = ask_span(st, &f, (int)g, hit_start(st, h),
                                   hit_end(st, h))))
                    goto cleanup;
                /* An ask that names no meeting or purchase is a favour;
                 * its span is the request ("Could you"). */
                if ((int)g == gfavor &&
                    ((int)h->group == gasking || (int)h->group == gindirect) &&
                    generic_ask(&role[d->w[h->w0].sent]) &&
                    (rc = ask_span(st, &f, (int)g, hit_start(st, h),
                                   hit_end(st, h))))
                    goto cleanup;
            }
            if (f && ledger)
                snprintf(f->detail, sizeof f->detail,
                         "no value in this draft; ledger: gave %d, asked %d",
                         c->given, c->asks);
            else if (f)
                snprintf(f->detail, sizeof f->detail,
                         "no value offered in this draft");
        }
    } else if (ledger && !generous && !(st->care && !c->asks)) {
        /* (A condolence or a congratulation to someone never asked
         * anything before is not an ask that the ledger should weigh.) */
        nlp_coach_flag *f =
            coach_flag_add(st, NLP_COACH_PREMATURE_ASK,
                           coach_group("premature_ask", "ledger"), 0);
        if (!f) {
            rc = RP_ENOMEM;
            goto cleanup;
        }
        snprintf(f->detail, sizeof f->detail,
                 "ledger: you gave them %d, asked %d", c->given, c->asks);
        for (size_t i = 0; i < st->nhits; i++) {
            const coach_hit *h = &st->hits[i];
            const sent_role *r = &role[d->w[h->w0].sent];
            if ((is_meeting_ask(st, h, gmeeting, glength, role) &&
                 r->has_ask) ||
                (((int)h->group == gasking || (int)h->group == gindirect) &&
                 generic_ask(r)))
                coach_flag_span(f, hit_start(st, h), hit_end(st, h));
        }
    }
cleanup:
    rp_free(role);
    return rc;
}

/* True when the draft waits for an answer from the reader: a question, or
 * an [awaiting] phrase ("let me know").  An instruction ("please try
 * Frank") does not wait for one. */
static bool
waits(const coach_state *st)
{
    int ga = coach_group("no_value", "awaiting");
    for (size_t s = 0; s < st->d->ns; s++)
        if (st->d->s[s].question || sentence_has(st, s, ga, NULL))
            return true;
    return false;
}

/* True when a flag of warning or worse already names a problem. */
static bool
other_warning(const coach_state *st)
{
    for (size_t i = 0; i < st->r->nflags; i++)
        if (st->r->flags[i].severity >= 2 &&
            st->r->flags[i].cat != NLP_COACH_NO_VALUE)
            return true;
    return false;
}

/* True when hit h lies inside a threat of the imposition lists: "hear
 * from you" in "if we don't hear from you, we'll release your place" is
 * the deadline's condition, not a wish to hear from them. */
static bool
in_threat(const coach_state *st, const coach_hit *h)
{
    int gu = coach_group("imposition", "urgency");
    for (size_t i = 0; i < st->nhits; i++)
        if ((int)st->hits[i].group == gu && st->hits[i].w0 <= h->w0 &&
            h->w0 < st->hits[i].w1)
            return true;
    return false;
}

/* Nothing given: no value, no thanks, no care (a congratulation or a
 * condolence is itself the value), no real question about them, and with
 * --to no generous ledger behind the draft.  The empty touches ("just
 * checking in") are the spans and make it a warning; without them it is
 * the [nothing] flag: a warning when the draft waits for an answer and no
 * other warning explains what is wrong, else a note.  A reply that accepts
 * a time they offered ("Thursday works for me") and asks nothing is not
 * empty. */
static rp_code
detect_no_value(coach_state *st)
{
    if (!coach_gives_nothing(st) || !st->d->nw)
        return RP_OK;
    int ge = coach_group("no_value", "empty_touch");
    nlp_coach_flag *f = NULL;
    for (size_t i = 0; i < st->nhits; i++) {
        if ((int)st->hits[i].group != ge || in_threat(st, &st->hits[i]))
            continue;
        /* A draft that asks outright is judged by its ask
         * (premature_ask); its pleasantries are a note. */
        if (!f &&
            !(f = coach_flag_add(st, NLP_COACH_NO_VALUE, ge, st->asks ? 1 : 0)))
            return RP_ENOMEM;
        coach_flag_span(f, hit_start(st, &st->hits[i]),
                        hit_end(st, &st->hits[i]));
    }
    if (!f && !coach_flag_add(st, NLP_COACH_NO_VALUE,
                              coach_group("no_value", "nothing"),
                              waits(st) && !other_warning(st) ? 2 : 0))
        return RP_ENOMEM;
    return RP_OK;
}

/* The comparable stem of a lower-case word: common English suffixes off,
 * as long as four letters stay ("sailing", "sailed", "sails": "sail"). */
static size_t
stem_len(const char *w, size_t n)
{
    static const char *const suffixes[] = {"ings", "ing", "ers", "er", "ies",
                                           "es",   "ed",  "ly",  "s"};
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
        size_t k = strlen(suffixes[i]);
        if (n >= k + 4 && !memcmp(w + n - k, suffixes[i], k) &&
            !(k == 1 && w[n - 2] == 's'))
            return n - k;
    }
    return n;
}

/* True when word w (n bytes, lower case) is in word list g. */
static bool
in_word_list(int g, const char *w, size_t n)
{
    if (g < 0)
        return false;
    for (int i = 0; i < nlp_coach_groups[g].count; i++) {
        const char *s = nlp_coach_phrases[nlp_coach_groups[g].first + i];
        if (strlen(s) == n && !memcmp(s, w, n))
            return true;
    }
    return false;
}

/* True when fact word w never counts as a reference: a function word
 * ([stopwords]). */
static bool
is_stopword(const char *w, size_t n)
{
    return in_word_list(coach_group("no_personal_touch", "stopwords"), w, n);
}

/* True when fact word w is common to many drafts (common.txt: "find",
 * "clients"): alone it says nothing about this reader. */
static bool
is_common(const char *w, size_t n)
{
    return in_word_list(coach_group("common", "words"), w, n);
}

/* True when draft word i follows a capitalised word of its sentence that
 * is not the fact's word before it (n bytes, lower case): another name
 * ("North America" where the fact says "Latin America"). */
static bool
other_name_before(const coach_doc *d, size_t i, const char *before, size_t n)
{
    if (i == 0 || d->w[i - 1].sent != d->w[i].sent ||
        !coach_upper_at(d->text, d->len, d->w[i - 1].start))
        return false;
    return d->w[i - 1].nlen != n ||
           memcmp(coach_word_norm(d, i - 1), before, n);
}

/* The draft's words, each stemmed with Snowball's English stemmer
 * ("hiring" and "hire" both "hire", "accredited" and "accreditation" both
 * "accredit"), so facts and draft meet whatever the word's form. */
typedef struct {
    struct sb_stemmer *sb;
    char *buf;         /* the stems, each NUL-terminated */
    size_t *off, *len; /* word i's stem: buf + off[i], len[i] bytes */
} draft_stems;

static void
stems_release(draft_stems *ds)
{
    if (ds->sb)
        sb_stemmer_delete(ds->sb);
    rp_free(ds->buf);
    rp_free(ds->off);
    rp_free(ds->len);
}

size_t
coach_stem(struct sb_stemmer *sb, const char *w, size_t n, char *out,
           size_t cap)
{
    const sb_symbol *r = sb_stemmer_stem(sb, (const sb_symbol *)w, (int)n);
    size_t k = r ? (size_t)sb_stemmer_length(sb) : 0;
    if (!r || !k) {
        r = (const sb_symbol *)w;
        k = n;
    }
    if (k >= cap)
        k = cap - 1;
    memcpy(out, r, k);
    out[k] = '\0';
    return k;
}

static rp_code
stems_build(draft_stems *ds, const coach_doc *d)
{
    memset(ds, 0, sizeof *ds);
    ds->sb = sb_stemmer_new("english", "UTF_8");
    ds->buf = rp_malloc(d->normlen + d->nw + 1);
    ds->off = rp_calloc(d->nw + 1, sizeof *ds->off);
    ds->len = rp_calloc(d->nw + 1, sizeof *ds->len);
    if (!ds->sb || !ds->buf || !ds->off || !ds->len)
        return RP_ENOMEM;
    size_t pos = 0;
    for (size_t i = 0; i < d->nw; i++) {
        ds->off[i] = pos;
        /* A stem is never longer than its word, so each fits in nlen+1. */
        ds->len[i] = coach_stem(ds->sb, coach_word_norm(d, i), d->w[i].nlen,
                                ds->buf + pos, d->w[i].nlen + 1);
        pos += ds->len[i] + 1;
    }
    return RP_OK;
}

/* The families of related.txt, stemmed as the draft is: member k is
 * buf + off[k] (len[k] bytes) of family fam[k], members of one family
 * next to each other. */
typedef struct {
    char *buf;
    size_t *off, *len, *fam, n;
} related_stems;

static void
related_release(related_stems *rs)
{
    rp_free(rs->buf);
    rp_free(rs->off);
    rp_free(rs->len);
    rp_free(rs->fam);
}

static rp_code
related_build(related_stems *rs, struct sb_stemmer *sb)
{
    memset(rs, 0, sizeof *rs);
    int g = coach_group("related", "families");
    if (g < 0)
        return RP_OK;
    size_t words = 0, bytes = 0;
    const nlp_coach_group *gr = &nlp_coach_groups[g];
    for (int i = 0; i < gr->count; i++) {
        const char *line = nlp_coach_phrases[gr->first + i];
        bytes += strlen(line) + 1;
        for (const char *c = line; *c; c++)
            words += *c == ' ';
        words++;
    }
    rs->buf = rp_malloc(bytes + words);
    rs->off = rp_calloc(words, sizeof *rs->off);
    rs->len = rp_calloc(words, sizeof *rs->len);
    rs->fam = rp_calloc(words, sizeof *rs->fam);
    if (!rs->buf || !rs->off || !rs->len || !rs->fam)
        return RP_ENOMEM;
    size_t pos = 0;
    for (int i = 0; i < gr->count; i++) {
        const char *c = nlp_coach_phrases[gr->first + i];
        while (*c && rs->n < words) {
            size_t n = strcspn(c, " ");
            rs->off[rs->n] = pos;
            rs->len[rs->n] = coach_stem(sb, c, n, rs->buf + pos, n + 1);
            rs->fam[rs->n++] = (size_t)i;
            pos += rs->len[rs->n - 1] + 1;
            c += n;
            c += *c == ' ';
        }
    }
    return RP_OK;
}

/* Families whose members a fact's word may stand for. */
#define FACT_FAMILIES 4

/* The first member index of each family holding stem (n bytes), at most
 * FACT_FAMILIES of them; returns how many. */
static size_t
families_of(const related_stems *rs, const char *stem, size_t n, size_t *first)
{
    size_t nf = 0;
    for (size_t k = 0; k < rs->n && nf < FACT_FAMILIES; k++) {
        if (rs->len[k] != n || memcmp(rs->buf + rs->off[k], stem, n))
            continue;
        size_t f = k;
        while (f > 0 && rs->fam[f - 1] == rs->fam[k])
            f--;
        first[nf++] = f;
        while (k + 1 < rs->n && rs->fam[k + 1] == rs->fam[f])
            k++; /* one family once */
    }
    return nf;
}

/* True when stem (n bytes) belongs to one of the nf families starting at
 * first[]. */
static bool
in_families(const related_stems *rs, const size_t *first, size_t nf,
            const char *stem, size_t n)
{
    for (size_t j = 0; j < nf; j++)
        for (size_t k = first[j]; k < rs->n && rs->fam[k] == rs->fam[first[j]];
             k++)
            if (rs->len[k] == n && !memcmp(rs->buf + rs->off[k], stem, n))
                return true;
    return false;
}

/* Words before a fact's word that make it a particular thing. */
#define DEFINITE_WINDOW 3

/* True when word j ends in the possessive 's ("Ines's father"), not in
 * a contracted "is" ("here's a property checklist"). */
static bool
possessive(const coach_doc *d, size_t j)
{
    const char *w = coach_word_norm(d, j);
    size_t n = d->w[j].nlen;
    return coach_ends_in_s(w, n) && !coach_s_is_contraction(w, n - 2);
}

/* True when one of the DEFINITE_WINDOW words before draft word i, in its
 * sentence, makes it a particular thing: a determiner, a possessive or
 * the reader doing something with it ("your starter", "the river trail",
 * "that new roaster", "Ines's father", "I know you love sailing").
 * Without one, or after "any", "every" or "all", the word names a kind
 * ("a guide for nursery managers", "before you buy any vehicle",
 * "multifamily properties"). */
static bool
definite(const coach_doc *d, size_t i)
{
    static const char *const det[] = {
        "your", "yours", "the",   "this", "that",   "these",  "those",
        "his",  "her",   "their", "you",  "you're", "you've", "you'd"};
    static const char *const kind[] = {"any", "every", "all"};
    size_t s = d->w[i].sent;
    for (size_t k = 1; k <= DEFINITE_WINDOW && k <= i; k++) {
        size_t j = i - k;
        if (d->w[j].sent != s ||
            coach_word_is(d, j, s, kind, sizeof kind / sizeof *kind))
            break;
        if (coach_word_is(d, j, s, det, sizeof det / sizeof *det) ||
            possessive(d, j))
            return true;
    }
    return false;
}

/* True when sentence s turns to the reader: it names them (you, your)
 * and the fact's word in it is their particular thing (particular, from
 * definite()), it brings back what they said, asks them something,
 * thanks them or shares their news ("congratulations on launching the
 * plan").  A fact's word in a sentence about something else ("the
 * quarterly housing report for our county"), or naming a kind of thing in
 * a sentence that merely says "you" ("a checklist for multifamily
 * properties, before you restart anything"), is a coincidence, not a
 * reference to them. */
static bool
toward_them(const coach_state *st, size_t s, bool particular)
{
    static const char *const hope[] = {"hope", "hoping"};
    static const char *const not_theirs[] = {
        "to",    "things", "all", "everything", "life", "i",    "i'm", "we",
        "we're", "our",    "my",  "for",        "this", "that", "it"};
    const coach_doc *d = st->d;
    /* "Hope there's some sleep happening": a wish for them, its "I"
     * left out; not the sender's own wish ("hope to see you there",
     * "hope our range sells out", "hope that helps"), nor the stock
     * "hope things are going well at the studio". */
    size_t w0 = d->s[s].w0;
    if (coach_word_is(d, w0, s, hope, 2) &&
        !coach_word_is(d, w0 + 1, s, not_theirs,
                       sizeof not_theirs / sizeof *not_theirs))
        return true;
    return d->s[s].question ||
           (particular &&
            sentence_has(st, s, coach_group("self_focus", "other_words"),
                         NULL)) ||
           sentence_has(st, s, coach_group("no_personal_touch", "shared_past"),
                        NULL) ||
           thanks_or_care(st, s) ||
           sentence_has(st, s, coach_group("positives", "empathy"), NULL);
}

/* Words a sentence may have and still be a "thought of you" of its
 * own, not a longer thought ("I had not thought of you as a customer
 * until Priya mentioned it"). */
#define THOUGHT_OF_MAX_WORDS 6

/* True when the sentence after s, in its paragraph, says the reader
 * came to mind ("Thought of you immediately."): s is what made the
 * sender think of them. */
static bool
thought_of_next(const coach_state *st, size_t s)
{
    const coach_doc *d = st->d;
    if (s + 1 >= d->ns || d->s[s + 1].para != d->s[s].para ||
        d->s[s + 1].w1 - d->s[s + 1].w0 > THOUGHT_OF_MAX_WORDS)
        return false;
    size_t w =
        coach_hit_in(st, s + 1, coach_group("no_personal_touch", "thought_of"),
                     d->s[s + 1].w0, d->s[s + 1].w1);
    return w != (size_t)-1 && !coach_negated(d, w, 3);
}

/* Fact words a draft must repeat word for word, in one sentence, to quote
 * the fact ("units 4 and 7"). */
#define QUOTE_MIN_WORDS 3
#define QUOTE_MAX_WORDS 32

/* Distinct stems of one fact remembered; a fact longer than this is read
 * without the check for repeats past it. */
#define FACT_STEMS 32

/* True when stem (n bytes) is among the first *nseen of seen; else adds
 * it (when there is room) and returns false. */
static bool
seen_stem(char seen[][64], size_t *nseen, const char *stem, size_t n)
{
    for (size_t i = 0; i < *nseen; i++)
        if (strlen(seen[i]) == n && !memcmp(seen[i], stem, n))
            return true;
    if (*nseen < FACT_STEMS && n < 64) {
        memcpy(seen[*nseen], stem, n);
        seen[(*nseen)++][n] = '\0';
    }
    return false;
}

/* True when draft word i is fact word w (n bytes, lower case). */
static bool
word_eq(const coach_doc *d, size_t i, const char *w, size_t n)
{
    return d->w[i].nlen == n && !memcmp(coach_word_norm(d, i), w, n);
}

/* True when fact word fw (fn bytes, lower case) and draft word i are the
 * same compound written another way: fw whole hyphen-parts of the draft's
 * word ("week" or "four-day" in "four-day-week"), or fw's parts written
 * apart as the draft's next words ("four day" for "four-day").  Parts
 * are compared whole, so "day" never matches inside "daylight". */
static bool
same_compound(const coach_doc *d, size_t i, const char *fw, size_t fn)
{
    const char *w = coach_word_norm(d, i);
    size_t wn = d->w[i].nlen;
    if (wn > fn && memchr(w, '-', wn))
        for (size_t at = 0; at + fn <= wn; at++)
            if ((at == 0 || w[at - 1] == '-') &&
                (at + fn == wn || w[at + fn] == '-') && !memcmp(w + at, fw, fn))
                return true;
    if (!memchr(fw, '-', fn))
        return false;
    size_t j = i;
    for (const char *p = fw, *end = fw + fn; p < end; j++) {
        const char *dash = memchr(p, '-', (size_t)(end - p));
        size_t pn = dash ? (size_t)(dash - p) : (size_t)(end - p);
        if (j >= d->nw || d->w[j].sent != d->w[i].sent || !pn ||
            !word_eq(d, j, p, pn))
            return false;
        p += pn + (dash != NULL);
    }
    return true;
}

/* When the draft repeats QUOTE_MIN_WORDS consecutive words of fact ft
 * within one sentence, one of them holding a digit ("4", "v2") or a
 * content word, returns the index of the draft word where the run starts
 * and sets *len to its words; else (size_t)-1.
 * Short words and numbers count here ("units 4 and 7"), which the
 * word-by-word match leaves out as too common alone. */
static size_t
quotes_fact(const coach_doc *d, const char *ft, size_t *len)
{
    char fw[QUOTE_MAX_WORDS][64];
    size_t fn[QUOTE_MAX_WORDS], nf = 0;
    bool content[QUOTE_MAX_WORDS];
    nlp_cursor cur;
    nlp_span sp;
    nlp_cursor_init(&cur, ft, strlen(ft));
    while (nf < QUOTE_MAX_WORDS && nlp_next_word(&cur, &sp)) {
        fn[nf] = coach_fold(ft, sp.start, sp.end, fw[nf], sizeof fw[nf] - 1);
        fw[nf][fn[nf]] = '\0';
        content[nf] = strpbrk(fw[nf], "0123456789") != NULL ||
                      (fn[nf] >= 4 && !is_stopword(fw[nf], fn[nf]));
        nf++;
    }
    /* Each run is grown around a content word of it, so a run of
     * function words alone costs nothing to pass over. */
    for (size_t i = 0; i < d->nw; i++)
        for (size_t c = 0; c < nf; c++) {
            if (!content[c] || !word_eq(d, i, fw[c], fn[c]))
                continue;
            size_t left = 0, right = 0, s = d->w[i].sent;
            while (left < c && left < i && d->w[i - left - 1].sent == s &&
                   word_eq(d, i - left - 1, fw[c - left - 1], fn[c - left - 1]))
                left++;
            while (
                c + right + 1 < nf && i + right + 1 < d->nw &&
                d->w[i + right + 1].sent == s &&
                word_eq(d, i + right + 1, fw[c + right + 1], fn[c + right + 1]))
                right++;
            if (left + 1 + right >= QUOTE_MIN_WORDS) {
                *len = left + 1 + right;
                return i - left;
            }
        }
    return (size_t)-1;
}

/* Words of a fact after a setting word and an owner ("across their",
 * "at his": setting_words, owner_words) that name where or whose, not
 * what the fact says. */
#define OWNER_WINDOW 2

/* The fact's words that name the reader as owner. */
static const char *const owner_words[] = {"their", "his", "her", "its", NULL};

/* Words that open a setting: "across their six restaurants", "at his
 * clinic".  A possessive after a verb is the fact's topic ("mentioned
 * her father"), and so is one after "for" ("training for her first
 * marathon"). */
static const char *const setting_words[] = {
    "in", "at", "across", "throughout", "within", "around", NULL};

/* True when fact word w (n bytes, lower case) is a relative of the
 * reader's, with or without "'s": a person the fact is about ("worried
 * about his mother's health", "at his son's school"), never a setting. */
static bool
is_kin(const char *w, size_t n)
{
    static const char *const kin[] = {
        "mother",   "father",        "mum",    "mom",         "dad",
        "wife",     "husband",       "son",    "daughter",    "brother",
        "sister",   "partner",       "kids",   "children",    "child",
        "baby",     "parents",       "family", "grandmother", "grandfather",
        "grandson", "granddaughter", NULL};
    return coach_in_list(w, coach_ends_in_s(w, n) ? n - 2 : n, kin);
}

/* True when fact word w (n bytes) is a possessive that is no person of
 * theirs: "the practice's cyber policy", not "his mother's health". */
static bool
owner_s(const char *w, size_t n)
{
    return coach_ends_in_s(w, n) && !is_kin(w, n);
}

/* With what rapport knows of the reader: each fact the draft refers to
 * (a content word of it appears, stem for stem, in a sentence turned to
 * them, or two of its words in one sentence; or a word of the same
 * pastime, by related.txt, in a sentence turned to them or asking) is a
 * positive; none at all is the no_personal_touch flag. */
static rp_code
detect_personal(coach_state *st)
{
    const nlp_coach_context *c = st->ctx;
    const coach_doc *d = st->d;
    bool any = false;
    draft_stems ds;
    related_stems rs;
    rp_code rc;
    if (!c || !c->nfacts || !d->nw)
        return RP_OK;
    int gempty = coach_group("no_value", "empty_touch"),
        gchase = coach_group("imposition", "chasing");
    /* per sentence, for one fact */
    size_t *hits = NULL, *rare = NULL, *first = NULL;
    bool *named = NULL, *asked = NULL, *def = NULL;
    memset(&rs, 0, sizeof rs);
    if ((rc = stems_build(&ds, d)) || (rc = related_build(&rs, ds.sb)))
        goto cleanup;
    hits = rp_calloc(d->ns, sizeof *hits);
    rare = rp_calloc(d->ns, sizeof *rare);
    first = rp_calloc(d->ns, sizeof *first);
    named = rp_calloc(d->ns, sizeof *named);
    asked = rp_calloc(d->ns, sizeof *asked);
    def = rp_calloc(d->ns, sizeof *def);
    if (!hits || !rare || !first || !named || !asked || !def) {
        rc = RP_ENOMEM;
        goto cleanup;
    }
    for (size_t k = 0; k < c->nfacts; k++) {
        const char *ft = c->facts[k].text;
        if (!ft)
            continue;
        nlp_cursor cur;
        nlp_span sp;
        size_t flen = strlen(ft);
        memset(hits, 0, d->ns * sizeof *hits);
        nlp_cursor_init(&cur, ft, flen);
        memset(rare, 0, d->ns * sizeof *rare);
        memset(named, 0, d->ns * sizeof *named);
        memset(asked, 0, d->ns * sizeof *asked);
        memset(def, 0, d->ns * sizeof *def);
        char seen[FACT_STEMS][64];
        size_t nseen = 0;
        /* How many of the fact's words each sentence holds (each counted
         * once), how many of them are not common ones, and the first word
         * found there (the first uncommon one when there is one). */
        bool interest =
            c->facts[k].kind && !strcmp(c->facts[k].kind, "interest");
        char before[64] = "", fw[64]; /* the fact's word before this one */
        size_t nbefore = 0, fn = 0, since_owner = OWNER_WINDOW + 1;
        while (nlp_next_word(&cur, &sp)) {
            char fst[64];
            memcpy(before, fw, fn);
            nbefore = fn;
            fn = coach_fold(ft, sp.start, sp.end, fw, sizeof fw);
            /* Where or whose, in what they aim for or last said; an
             * interest's setting is the interest ("plays cello in her
             * community orchestra"), and a relative ends the setting
             * ("in his son's hockey league"). */
            if (is_kin(fw, fn))
                since_owner = OWNER_WINDOW + 1;
            bool owned =
                !interest && (++since_owner <= OWNER_WINDOW || owner_s(fw, fn));
            if (coach_in_list(fw, fn, owner_words) &&
                coach_in_list(before, nbefore, setting_words))
                since_owner = 0;
            if (fn < 4 || is_stopword(fw, fn))
                continue;
            /* A capital past the fact's first word marks a name ("the
             * Aldine Foundation", "Leyton Orient"). */
            bool name = sp.start > 0 && coach_upper_at(ft, flen, sp.start);
            bool common = is_common(fw, fn) || (owned && !name);
            size_t fs = stem_len(fw, fn);
            size_t fsn = coach_stem(ds.sb, fw, fn, fst, sizeof fst);
            /* "client portal for their clients": one word, counted once. */
            if (seen_stem(seen, &nseen, fst, fsn))
                continue;
            /* "bouldering" remembered as "climbing", "sourdough" as "your
             * starter": another word of the fact's pastime. */
            size_t fam[FACT_FAMILIES],
                nfam = name ? 0 : families_of(&rs, fst, fsn, fam);
            size_t last = (size_t)-1;
            for (size_t i = 0; i < d->nw; i++) {
                const char *w = coach_word_norm(d, i);
                size_t wn = d->w[i].nlen, s = d->w[i].sent;
                if (st->link_end[i])
                    continue; /* an address, not a word of prose */
                bool compound = same_compound(d, i, fw, fn);
                if (wn < 4 && !compound)
                    continue;
                bool same = compound ||
                            (stem_len(w, wn) == fs && !memcmp(w, fw, fs)) ||
                            (ds.len[i] == fsn && fsn >= 3 &&
                             !memcmp(ds.buf + ds.off[i], fst, fsn));
                bool kin =
                    !same && nfam &&
                    in_families(&rs, fam, nfam, ds.buf + ds.off[i], ds.len[i]);
                if (!same && !kin)
                    continue;
                /* The name written as a name, inside a sentence, is this
                 * reader's ("Orient's win percentage"); in lower case it
                 * is an ordinary word ("family foundations"), weak alone. */
                bool as_name = name && i > d->s[s].w0 &&
                               coach_upper_at(d->text, d->len, d->w[i].start) &&
                               !other_name_before(d, i, before, nbefore);
                bool weak =
                    kin ? is_common(w, wn) : common || (name && !as_name);
                /* Any time the word is the reader's particular thing
                 * ("a sourdough guide for your sourdough starter"). */
                if (!weak && definite(d, i))
                    def[s] = true;
                if (s == last)
                    continue; /* each fact word counted once a sentence */
                /* Another word of the pastime stands for the fact only
                 * where it is turned to the reader or asks about it: it
                 * may be the very word another of the fact's words
                 * matched ("trail running"), so it is not a second one. */
                if (kin) {
                    if (!weak && !rare[s] && !hits[s])
                        first[s] = i;
                    rare[s] += !weak;
                    asked[s] = asked[s] || d->s[s].question;
                    last = s;
                    continue;
                }
                if (!hits[s]++ || (!weak && !rare[s]) || as_name)
                    first[s] = i;
                rare[s] += !weak;
                named[s] = named[s] || as_name;
                last = s;
            }
        }
        /* A reference: two of its words together ("the timetable clash
         * tool"), one in a question ("any luck with the house hunt?"), an
         * uncommon one in a sentence turned to them, or a run of its words
         * quoted.  A common word in a statement ("leaves your staff with a
         * checklist") is a coincidence. */
        size_t qlen = 0, q = quotes_fact(d, ft, &qlen);
        if (q != (size_t)-1) {
            any = true;
            if (add_positive(st, "personal", ft, c->facts[k].kind,
                             d->w[q].start, d->w[q + qlen - 1].end)) {
                rc = RP_ENOMEM;
                goto cleanup;
            }
            continue;
        }
        for (size_t s = 0; s < d->ns; s++) {
            bool refers = hits[s] >= 2 || (hits[s] && d->s[s].question) ||
                          asked[s] || named[s] ||
                          (rare[s] && (toward_them(st, s, def[s]) ||
                                       thought_of_next(st, s)));
            if (!refers)
                continue;
            any = true;
            /* Asking after what they told you ("How did Lisbon go?") is
             * attention, however short the question; a chase ("any news
             * on the budget?") is not. */
            st->engaged = st->engaged || (d->s[s].question &&
                                          !sentence_has(st, s, gempty, NULL) &&
                                          !sentence_has(st, s, gchase, NULL));
            if (add_positive(st, "personal", ft, c->facts[k].kind,
                             d->w[first[s]].start, d->w[first[s]].end)) {
                rc = RP_ENOMEM;
                goto cleanup;
            }
            break;
        }
    }
    /* Bringing back what they said ("you mentioned") is personal too. */
    int gp = coach_group("no_personal_touch", "shared_past");
    for (size_t i = 0; i < st->nhits && !any; i++) {
        if ((int)st->hits[i].group != gp)
            continue;
        any = true;
        if (add_positive(st, "personal", "what they told you", NULL,
                         hit_start(st, &st->hits[i]),
                         hit_end(st, &st->hits[i]))) {
            rc = RP_ENOMEM;
            goto cleanup;
        }
    }
    if (!any && !coach_flag_add(st, NLP_COACH_NO_PERSONAL_TOUCH,
                                coach_group("no_personal_touch", "generic"), 0))
        rc = RP_ENOMEM;
cleanup:
    rp_free(hits);
    rp_free(rare);
    rp_free(first);
    rp_free(named);
    rp_free(asked);
    rp_free(def);
    related_release(&rs);
    stems_release(&ds);
    return rc;
}

bool
coach_gives_no_value(const coach_state *st)
{
    return !st->value && !st->gratitude && !(st->accepts && !st->asks) &&
           !coach_generous(st->ctx);
}

bool
coach_gives_nothing(const coach_state *st)
{
    return coach_gives_no_value(st) && !st->care && !st->engaged;
}

/* Sets st->overclaims: a superlative or a guarantee counts somewhere in
 * the draft (read by vouches_for_hype). */
static void
mark_overclaims(coach_state *st)
{
    int gsup = coach_group("hype", "superlative"),
        gguar = coach_group("hype", "guarantee");
    for (size_t i = 0; i < st->nhits && !st->overclaims; i++) {
        int g = (int)st->hits[i].group;
        st->overclaims = (g == gsup || g == gguar) &&
                         counts_for(st, (size_t)g, &st->hits[i]);
    }
}

/* Sets st->unhurried: a sentence with no scarcity of its own tells the
 * reader there is no hurry ("No need to decide anything quickly."), so
 * the price rise the draft mentions is news, not a lever. */
static void
mark_unhurried(coach_state *st)
{
    int gcalm = coach_group("imposition", "unhurried");
    int gscarce = coach_group("imposition", "scarcity");
    for (size_t i = 0; i < st->nhits && !st->unhurried; i++) {
        size_t s = st->d->w[st->hits[i].w0].sent;
        st->unhurried = (int)st->hits[i].group == gcalm &&
                        !sentence_has(st, s, gscarce, NULL);
    }
}

rp_code
coach_detect(coach_state *st)
{
    rp_code rc;
    st->declines = draft_has(st, coach_group("self_focus", "declining"));
    st->accepts = draft_has(st, coach_group("positives", "accepting"));
    st->eased = draft_has(st, coach_group("imposition", "easy_out"));
    mark_overclaims(st);
    mark_unhurried(st);
    if ((rc = mark_links(st)) || (rc = detect_positive_lists(st)) ||
        (rc = detect_lists(st)) || (rc = detect_booking(st)) ||
        (rc = detect_verdicts(st)) || (rc = coach_detect_talk_down(st)) ||
        (rc = coach_detect_decides_for(st)) || (rc = coach_detect_needy(st)) ||
        (rc = coach_detect_pressure(st)) || (rc = detect_self_praise(st)) ||
        (rc = detect_shouting(st)) || (rc = detect_subject(st)) ||
        (rc = detect_self_focus(st)) || (rc = detect_asks(st)) ||
        (rc = detect_personal(st)) || (rc = detect_no_value(st)))
        goto cleanup;
    rc = RP_OK;
cleanup:
    rp_free(st->link_end);
    st->link_end = NULL;
    return rc;
}

const char *
nlp_coach_cat_name(nlp_coach_cat c)
{
    return c < NLP_COACH_NCATS ? cat_names[c] : "unknown";
}
