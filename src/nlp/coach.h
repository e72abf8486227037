/*
 * coach.h - the humble-equal draft coach: a report on a draft message.
 *
 * Reads a draft (UTF-8 text, optionally starting with mail headers such as
 * "Subject:") and reports what a generous equal would change: flags in
 * eight categories, each with a severity, the exact spans and a
 * suggestion; the positives found; metrics beside the ranges reply-rate
 * studies favour; a score from 0 to 100 and a one-line verdict.
 *
 * Pure: no I/O, no database, no mutable globals.  The word lists are
 * compiled in from data/coach/ (coach_data.h).  What rapport knows of the
 * recipient comes in through an nlp_coach_context the caller fills.
 * Quoted replies, forwards and signatures (emailtext.h) are not coached.
 *
 * Spans are half-open [start, end) offsets into the text passed in, both in
 * bytes and in characters (code points, where each ill-formed UTF-8
 * sequence counts as one character, as in tokenize.h).
 */
#ifndef NLP_COACH_H
#define NLP_COACH_H

#include <stdbool.h>
#include <stddef.h>

#include "base/rp.h"

/* The categories: problems of manner, then absences.  When two have as
 * much said against them, the main problem is named by coach_report.c's
 * tie_order (this order, but imposition after the other problems of
 * manner and no_value before no_personal_touch). */
typedef enum {
    NLP_COACH_IMPOSITION,
    NLP_COACH_NEEDINESS,
    NLP_COACH_ONE_UP,
    NLP_COACH_HYPE,
    NLP_COACH_PREMATURE_ASK,
    NLP_COACH_SELF_FOCUS,
    NLP_COACH_NO_PERSONAL_TOUCH,
    NLP_COACH_NO_VALUE,
    NLP_COACH_NCATS
} nlp_coach_cat;

/* Drafts longer than this are refused (RP_EINVAL): a draft is a message. */
#define NLP_COACH_MAX_BYTES ((size_t)1 << 20)
/* A flag keeps at most this many spans; count says how many there were. */
#define NLP_COACH_MAX_SPANS 8

typedef struct {
    size_t start, end;   /* bytes */
    size_t cstart, cend; /* characters */
} nlp_coach_span;

typedef struct {
    nlp_coach_cat cat;
    const char *group;      /* the list that fired: "urgency" */
    int severity;           /* 1 note, 2 warning, 3 serious */
    const char *suggestion; /* plain words; static */
    char detail[96];        /* extra evidence ("11 about you, 2 about
                             * them"), or "" */
    size_t count;           /* matches in all */
    size_t nspans;          /* spans kept, at most NLP_COACH_MAX_SPANS; 0
                             * when the flag is about an absence */
    nlp_coach_span spans[NLP_COACH_MAX_SPANS];
} nlp_coach_flag;

typedef struct {
    const char *kind;  /* "value", "gratitude", "empathy", "question",
                        * "personal" */
    const char *what;  /* what it is: static, or a fact's text from the
                        * context (borrowed: lives as long as the context) */
    const char *about; /* for "personal": the fact's kind ("interest");
                        * else NULL */
    nlp_coach_span span;
} nlp_coach_positive;

/* The metrics, in report order. */
typedef enum {
    NLP_COACH_M_WORDS,
    NLP_COACH_M_GRADE,
    NLP_COACH_M_LONG_SENTENCES,
    NLP_COACH_M_QUESTIONS,
    NLP_COACH_M_YOU_I,
    NLP_COACH_M_PARAGRAPH,
    NLP_COACH_M_SENTIMENT,
    NLP_COACH_M_SUBJECT,
    NLP_COACH_NMETRICS
} nlp_coach_metric_id;

typedef struct {
    const char *name; /* "words", "grade", ... (static) */
    bool present;     /* false when it does not apply (no subject line) */
    double value;
    double lo, hi;      /* the favoured range; hi may be HUGE_VAL */
    bool ok;            /* lo <= value <= hi */
    const char *advice; /* why the range (static) */
} nlp_coach_metric;

/* One thing rapport knows of the recipient, e.g. {"interest", "sailing"}. */
typedef struct {
    const char *kind;
    const char *text;
} nlp_coach_fact;

/*
 * What rapport knows of the recipient (rapport check --to).  All fields may
 * be zero: with no facts no_personal_touch is not judged, and without
 * has_ledger premature_ask looks at the draft only.
 */
typedef struct {
    const nlp_coach_fact *facts;
    size_t nfacts;
    bool has_ledger;
    int given, asks; /* value given to them, asks made of them */
} nlp_coach_context;

typedef struct {
    int score;             /* 0..100 */
    char verdict[160];     /* one line */
    int main;              /* the main problem (nlp_coach_cat), or -1
                            * when no flag is a warning or worse */
    nlp_coach_flag *flags; /* by category, then severity */
    size_t nflags;
    nlp_coach_positive *positives; /* in text order */
    size_t npositives;
    nlp_coach_metric metrics[NLP_COACH_NMETRICS];
    bool has_subject;
    nlp_coach_span subject; /* the subject's value, when has_subject */
} nlp_coach_report;

/*
 * Checks the draft text (len bytes; need not be NUL-terminated; text may be
 * NULL when len is 0) with what ctx (may be NULL) says of the recipient,
 * and fills *out, which the caller releases with nlp_coach_report_release()
 * whatever the result.  Any bytes are accepted (invalid UTF-8 reads as
 * U+FFFD); callers that want to refuse binary or ill-formed input check it
 * first.  Returns RP_OK; RP_EINVAL when len exceeds NLP_COACH_MAX_BYTES;
 * RP_ENOMEM.  err may be NULL.
 */
rp_code nlp_coach_check(const char *text, size_t len,
                        const nlp_coach_context *ctx, nlp_coach_report *out,
                        rp_err *err);

/* Whether nlp_coach_check() uses the learned model (coach_model.h) beside
 * the word lists.  On since it raised recall without costing precision on
 * a batch of drafts it was not trained on; see data/coach/README.md. */
#define NLP_COACH_MODEL_DEFAULT true

/* How the coach runs. */
typedef struct {
    bool model; /* add the learned model's flags */
} nlp_coach_options;

/* nlp_coach_check() with options (NULL: the defaults). */
rp_code nlp_coach_check_opts(const char *text, size_t len,
                             const nlp_coach_context *ctx,
                             const nlp_coach_options *opts,
                             nlp_coach_report *out, rp_err *err);

/* Frees what the report holds and zeroes it; NULL and a zeroed report are
 * fine. */
void nlp_coach_report_release(nlp_coach_report *r);

/* "imposition", "no_value", ... (static). */
const char *nlp_coach_cat_name(nlp_coach_cat c);
/* What the category means, in a few words: "pushy or salesy". */
const char *nlp_coach_cat_summary(nlp_coach_cat c);
/* "note", "warning" or "serious" for severity 1, 2, 3. */
const char *nlp_coach_severity_name(int severity);

#endif
