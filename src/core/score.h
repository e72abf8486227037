/*
 * score.h - relationship scores: health, generosity and ask-readiness.
 *
 * Pure functions over a person's contact summary, ledger totals and
 * commitments; the clock is a parameter.  Every score comes with the
 * factors that made it, so a user can see why.  Formulas and constants are
 * documented in docs/scoring.md; change both together.
 */
#ifndef RP_SCORE_H
#define RP_SCORE_H

#include <stdbool.h>
#include <stdint.h>

#include "store/model.h"

/* Ledger totals for one person (the store can compute them too). */
typedef rp_ledger_totals score_ledger;

/* Commitment totals for one person, as of now. */
typedef struct {
    int mine_open, mine_overdue, mine_done, mine_done_late;
    int theirs_open, theirs_overdue, theirs_done;
} score_commitments;

typedef enum {
    CADENCE_NEVER,    /* no contact yet */
    CADENCE_ON_TRACK, /* within the ideal interval */
    CADENCE_DUE,      /* past the ideal interval */
    CADENCE_OVERDUE,  /* past the maximum interval */
} score_cadence_status;

typedef struct {
    const char *name; /* "recency", "frequency", ... */
    double value;     /* 0..1 */
    double weight;    /* share of the total */
    char why[160];    /* a sentence with the numbers */
} score_factor;

enum { SCORE_HEALTH_FACTORS = 4 };

typedef struct {
    int score;        /* 0..100 */
    int cadence_days; /* ideal interval */
    int max_days;     /* maximum interval */
    int days_since;   /* -1 when never */
    score_cadence_status status;
    score_factor factors[SCORE_HEALTH_FACTORS];
} score_health;

/* The ideal contact interval for a person: their cadence, else their
 * tier's (inner 14, active 30, network 90), else 60 days. */
int score_cadence_days(int cadence_days, const char *tier);

/* Computes health at now.  s may be NULL (no contact); l may be NULL. */
void score_health_compute(const rp_stats *s, const score_ledger *l,
                          int cadence_days, int64_t now, score_health *out);

/* The same without the factors' sentences (their why is empty): for
 * ranking many people, of whom only a few are shown. */
void score_health_quick(const rp_stats *s, const score_ledger *l,
                        int cadence_days, int64_t now, score_health *out);

const char *score_cadence_status_name(score_cadence_status st);

typedef struct {
    int given, received, asks;
    int balance;  /* given - asks */
    double ratio; /* given / asks; -1 when no asks yet */
} score_generosity;

void score_generosity_compute(const score_ledger *l, score_generosity *out);

typedef enum { READY_YES, READY_NOT_YET, READY_NO } score_verdict;

typedef struct {
    const char *name; /* "generous", "value_first", ... */
    bool pass;
    char evidence[200];
    char todo[200]; /* what to do when it does not pass */
} score_check;

enum { SCORE_READY_CHECKS = 7 };

typedef struct {
    score_verdict verdict;
    bool trust_earned; /* question 1 */
    int conviction;    /* 0: no offering named */
    bool believes;     /* question 2: conviction >= 4 */
    score_check checks[SCORE_READY_CHECKS];
    int nchecks;
    char summary[240];
} score_readiness;

/*
 * Answers "have I been truly generous and earned their trust?" and, when
 * conviction is 1..5, "do I believe in what I offer?".  s, l, c may be
 * NULL (treated as empty).
 */
void score_readiness_compute(const rp_stats *s, const score_ledger *l,
                             const score_commitments *c, const score_health *h,
                             int conviction, score_readiness *out);

const char *score_verdict_name(score_verdict v);

/* Totals of a person's ledger entries (all of them, in any order). */
void score_ledger_totals(const rp_ledger *v, size_t n, score_ledger *out);
/* Totals of a person's commitments as of now. */
void score_commitment_totals(const rp_commitment *v, size_t n, int64_t now,
                             score_commitments *out);

#endif
