/*
 * coach_int.h - what the draft coach's files share (coach_text.c,
 * coach_match.c, coach_detect.c, coach_metrics.c, coach_report.c).  Not a
 * public interface: only src/nlp/coach_*.c include it.
 */
#ifndef NLP_COACH_INT_H
#define NLP_COACH_INT_H

#include "nlp/coach.h"
#include "nlp/coach_data.h"
#include "nlp/coach_features.h"
#include "nlp/coach_model.h"
#include "nlp/tokenize.h"

/* A word of the coached body, with its lower-cased form. */
typedef struct {
    size_t start, end; /* bytes in the text */
    size_t norm;       /* offset of the NUL-terminated form in doc->norm */
    size_t nlen;       /* its length */
    size_t sent;       /* its sentence */
} coach_word;

typedef struct {
    size_t start, end; /* bytes, trimmed */
    size_t w0, w1;     /* its words [w0, w1) */
    size_t para;       /* its paragraph */
    bool question;     /* ends with "?" */
} coach_sent;

/*
 * The draft cut up for the detectors: the header block (when the draft
 * starts with one), then the sentences and words of what the sender wrote
 * (quotes, forwards and signatures left out), with paragraph numbers.
 * Sentences without words are dropped.
 */
typedef struct {
    const char *text;
    size_t len;
    size_t body;        /* where the body starts */
    bool uncapitalised; /* the body opens in lower case ("hey priya") */
    bool has_subject;
    nlp_span subject; /* the Subject: value, trimmed */
    coach_word *w;
    size_t nw;
    coach_sent *s;
    size_t ns;
    size_t npara;
    char *norm; /* the words' lower-cased forms, each NUL-terminated */
    size_t normlen;
} coach_doc;

rp_code coach_doc_build(coach_doc *d, const char *text, size_t len);
void coach_doc_release(coach_doc *d);

/* The learned model's features of an already cut-up draft
 * (coach_features.h). */
rp_code coach_features_doc(const coach_doc *d, nlp_coach_feats *out);

static inline const char *
coach_word_norm(const coach_doc *d, size_t i)
{
    return d->norm + d->w[i].norm;
}

/* True when word i is in sentence s and is one of the n lower-case words
 * of list.  i may lie outside the draft ("the word before the first",
 * SIZE_MAX): then false.  The detectors read a phrase by its neighbours
 * with it ("the call" is a noun, "just thinking of you" a touch). */
bool coach_word_is(const coach_doc *d, size_t i, size_t s,
                   const char *const *list, size_t n);
/* True when w (n bytes, lower case) is one of the words of list, which
 * ends with NULL. */
bool coach_in_list(const char *w, size_t n, const char *const *list);
/* True when w (n bytes) ends in "'s": a possessive ("Ines's", "the
 * practice's") or a contracted "is" or "has" ("it's", "my manager's"). */
bool coach_ends_in_s(const char *w, size_t n);
/* True when w (n bytes, lower case) is a word whose "'s" is always "is",
 * "has" or "us", never a possessive: "it", "here", "let", "nothing". */
bool coach_s_is_contraction(const char *w, size_t n);
/* Lower-cases up to cap bytes of t[s, e) into buf (ASCII folded, the
 * typographic apostrophe U+2019 read as "'"), as the draft's words are
 * normalised, so that a fact's words meet them; returns the length. */
size_t coach_fold(const char *t, size_t s, size_t e, char *buf, size_t cap);
/* True when the code point at t[pos] (pos < len) is an upper-case letter:
 * a name, or a sentence's start. */
bool coach_upper_at(const char *t, size_t len, size_t pos);
/* True when word i negates: "not", "no", "none", "nothing", "never", or
 * any word ending in "n't". */
bool coach_word_negates(const coach_doc *d, size_t i);
/* True when one of the n words before word w, in its sentence, negates
 * ("none of this is urgent", "can't be wrong"). */
bool coach_negated(const coach_doc *d, size_t w, size_t n);

/* Stems w (n bytes, lower-case) into out (cap bytes) with the Snowball
 * stemmer sb; returns the length, or n with w copied when the stemmer
 * gives nothing.  The phrase matcher and the model's features stem alike. */
struct sb_stemmer;
size_t coach_stem(struct sb_stemmer *sb, const char *w, size_t n, char *out,
                  size_t cap);

/* A phrase of group `group` found over words [w0, w1). */
typedef struct {
    size_t group;
    size_t w0, w1;
} coach_hit;

/*
 * Every phrase of every group found in d, in text order (by first word,
 * longer first).  Within one category a word belongs to at most one
 * flagging phrase (the leftmost, then the longest); counting lists
 * (severity 0) are kept apart.  *out is the caller's to rp_free().
 */
rp_code coach_match(const coach_doc *d, coach_hit **out, size_t *n);

/* The index of group name of category cat, or -1. */
int coach_group(const char *cat, const char *name);

/* The most words a list's phrase may have (scripts/embed-coach
 * refuses a longer one). */
#define COACH_MAX_PHRASE_WORDS 8

/* The detectors' shared view. */
typedef struct {
    const coach_doc *d;
    const coach_hit *hits;
    size_t nhits;
    /* Sentence s's hits are hits[first_hit[s] .. first_hit[s + 1]): they
     * come in text order, so a question about one sentence reads only its
     * own hits, not the whole draft's. */
    const size_t *first_hit;
    /* Which groups sentence s holds a hit of: bit g of
     * group_in[s * group_words + g / 64], so that asking whether a
     * sentence holds a list's phrase costs the same in a giant sentence. */
    const uint64_t *group_in;
    size_t group_words;
    bool declines; /* the draft turns the reader down ([declining]) */
    const nlp_coach_context *ctx;
    nlp_coach_report *r;
    size_t alloc_flags, alloc_pos;
    size_t self, other; /* words pointing at the sender, at the reader */
    bool value, gratitude;
    bool care;       /* congratulates, condoles, wishes them well */
    bool engaged;    /* a real question about the reader */
    bool asks;       /* asks for a meeting, a purchase, a referral, a favour */
    bool accepts;    /* accepts a time they offered ([accepting]) */
    bool overclaims; /* a superlative or guarantee counts (hype) */
    bool unhurried;  /* says there is no hurry ([unhurried]) */
    bool eased;      /* leaves an easy way out somewhere ([easy_out]) */
    /* Per word, the end of the link it lies in, or 0: set and freed by
     * coach_detect(). */
    size_t *link_end;
} coach_state;

/* Runs every detector, appending flags and positives to st->r. */
rp_code coach_detect(coach_state *st);
/* The learned model's reading of a draft: its features, the probability
 * of each category (1 for a category without a model) and whether that
 * probability passes the category's threshold (fits).  Empty (read
 * false) for a draft too short to read. */
typedef struct {
    bool read;
    nlp_coach_feats ft;
    double p[NLP_COACH_NCATS];
    bool fits[NLP_COACH_NCATS];
} coach_reading;

/* Reads the draft with model m into *out, which the caller releases with
 * coach_reading_release() whatever the result (coach_learned.c). */
rp_code coach_model_read(const coach_state *st, const nlp_coach_model *m,
                         coach_reading *out);
void coach_reading_release(coach_reading *rd);
/* Turns into notes the lists' flags of a category the reading finds very
 * unlikely, or unlikely while it reads the draft as another category's
 * problem; before coach_settle(), so that a doubted flag does not make
 * the others notes beside it. */
void coach_model_doubt(coach_state *st, const nlp_coach_model *m,
                       const coach_reading *rd);
/* Adds model m's flag where the lists left the draft without a warning. */
rp_code coach_detect_model(coach_state *st, const nlp_coach_model *m,
                           const coach_reading *rd);
/* Turns into notes the warnings whose every span lies inside a stronger
 * flag of another category, the lone warnings beside a serious flag of
 * another category, and an ask beside a serious problem of another kind
 * (coach_settle.c). */
void coach_settle(coach_state *st);
/* Fills st->r->metrics. */
void coach_metrics(coach_state *st);

/* Appends a flag for group g (severity from the group unless sev > 0);
 * NULL when out of memory. */
nlp_coach_flag *coach_flag_add(coach_state *st, nlp_coach_cat cat, int g,
                               int sev);
/* Adds a span to f (counted always, kept while there is room). */
void coach_flag_span(nlp_coach_flag *f, size_t start, size_t end);
/* True when sentence s holds a hit of group g. */
bool coach_sentence_has(const coach_state *st, size_t s, int g);
/* The index of the first of sentence s's hits that starts at word w or
 * later (st->first_hit[s + 1] when none): hits come sorted by their first
 * word, so a look at the hits near a word costs no scan of the sentence. */
size_t coach_first_hit_from(const coach_state *st, size_t s, size_t w);
/* The first word of a hit of group g in sentence s that starts at word
 * from or later and before word to, or (size_t)-1: "is the word after
 * this phrase the reader's?" read from the hits near it alone. */
size_t coach_hit_in(const coach_state *st, size_t s, int g, size_t from,
                    size_t to);
/* True when one of the two words before word w, in its sentence, is a hit
 * of group g: the sender's ("I missed") or the reader's ("you'd been
 * struggling") word owning what follows. */
bool coach_owned_by(const coach_state *st, size_t w, int g);
/* True when the draft gives the reader nothing (no_value's question): no
 * value, thanks, care or real question about them, no time of theirs
 * accepted in a reply that asks nothing, no generous ledger.  Read after
 * the positives and the asks are found. */
bool coach_gives_nothing(const coach_state *st);
/* coach_gives_nothing() but for care and questions: no value, thanks,
 * time accepted or generous ledger.  What the learned model asks before
 * it calls a draft empty (coach_learned.c). */
bool coach_gives_no_value(const coach_state *st);
/* True when the ledger is generous: at least two things given to the
 * reader, and more than the asks made of them.  Then an ask is earned and
 * a plain check-in is no empty touch. */
bool coach_generous(const nlp_coach_context *c);

/* Flags by sentence patterns (coach_combo.c): cues of two kinds together
 * (talking down, neediness, pressure), and the sender deciding for the
 * reader. */
rp_code coach_detect_talk_down(coach_state *st);
rp_code coach_detect_decides_for(coach_state *st);
rp_code coach_detect_needy(coach_state *st);
rp_code coach_detect_pressure(coach_state *st);

#endif
