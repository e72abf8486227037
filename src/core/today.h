/*
 * today.h - the day's relationship work, ranked: who is going cold (and
 * one value idea for each), meetings coming up, commitments due both ways,
 * birthdays and dates, asks awaiting an answer, and what to learn about
 * the people who matter most.
 *
 * Everything in the report lives in the arena passed to today_build().
 */
#ifndef RP_TODAY_H
#define RP_TODAY_H

#include "core/score.h"
#include "store/store.h"

typedef struct {
    int64_t person_id;
    const char *name, *org, *tier;
    score_health health;
    double urgency;   /* how far past due, weighted by tier */
    const char *idea; /* NULL when nothing is known to build on */
} today_cold;

typedef struct {
    rp_interaction meeting;
    const char **names; /* participants other than the user */
    size_t nnames;
} today_meeting;

typedef struct {
    rp_commitment c;
    const char *name;
    bool overdue;
} today_commitment;

typedef struct {
    int64_t person_id;
    const char *name, *label, *date;
    int days; /* 0 = today */
} today_date;

typedef struct {
    rp_ledger ask;
    const char *name;
    int days_waiting;
} today_ask;

typedef struct {
    int64_t person_id;
    const char *name;
    const char *gaps[6];
    size_t ngaps;
} today_learn;

/* Someone whose last message to the user is newer than the user's last
 * message to them. */
typedef struct {
    int64_t person_id;
    const char *name;
    int64_t since; /* their last message */
    int days;
} today_waiting;

typedef struct {
    int days_ahead;   /* horizon for meetings, commitments, dates (7) */
    size_t max_cold;  /* 10 */
    size_t max_learn; /* 5 */
} today_opts;

typedef struct {
    int64_t now;
    today_cold *cold;
    size_t ncold;
    today_meeting *meetings;
    size_t nmeetings;
    today_commitment *commitments; /* the most overdue first */
    size_t ncommitments;
    size_t ncommitments_total;
    today_date *dates;
    size_t ndates;
    today_ask *asks; /* the longest-waiting ones */
    size_t nasks;
    size_t nasks_total;
    today_learn *learn;
    size_t nlearn;
    today_waiting *waiting;
    size_t nwaiting;
    size_t people_scored;
} today_report;

/* Builds the report at now; opts may be NULL for the defaults. */
rp_code today_build(store *st, rp_arena *a, int64_t now, const today_opts *opts,
                    today_report *out, rp_err *err);

#endif
