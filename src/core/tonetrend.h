/*
 * tonetrend.h - how the tone between the user and one person is moving:
 * the mean sentiment (VADER compound, stored with each interaction) of
 * their messages and of the user's, over the last TONETREND_DAYS against
 * the time before, and the draft coach's score (nlp/coach.h) of the
 * user's own outgoing messages over the same two periods, computed from
 * the stored bodies when asked (nothing extra is stored).
 *
 * Messages are emails and chat messages at or before now, automated mail
 * left out.  Never prints; uses the newest TONETREND_MAX_MESSAGES of the
 * person's messages and coaches at most TONETREND_MAX_COACHED bodies,
 * so a person with years of mail costs a bounded amount.
 */
#ifndef RP_TONETREND_H
#define RP_TONETREND_H

#include "nlp/coach.h"
#include "store/model.h"

#define TONETREND_DAYS 90
#define TONETREND_MAX_MESSAGES 2000
#define TONETREND_MAX_COACHED 200

/* A mean over n values; n == 0 means unknown. */
typedef struct {
    double mean;
    int n;
} tonetrend_mean;

/* One series, [0] the last TONETREND_DAYS, [1] the time before. */
typedef struct {
    tonetrend_mean period[2];
} tonetrend_series;

typedef struct {
    int64_t since;              /* now - TONETREND_DAYS days */
    tonetrend_series theirs;    /* sentiment of their messages */
    tonetrend_series mine;      /* sentiment of the user's messages */
    tonetrend_series coach;     /* coach score (0..100) of the user's bodies */
    int mains[NLP_COACH_NCATS]; /* how often each category was the coach's
                                 * main problem in the user's messages */
    bool truncated;             /* more messages than were read */
} tonetrend;

/*
 * Fills *out at now from a person's messages, newest first, as the
 * store's interaction_tone_list reads them (at most TONETREND_MAX_MESSAGES
 * + 1, the extra one saying there were more): profile_load reads them
 * once for both the reply signals and this.  RP_ENOMEM when coaching runs
 * out of memory.
 */
rp_code tonetrend_from_messages(const rp_interaction *xs, size_t n, int64_t now,
                                tonetrend *out, rp_err *err);

/*
 * The direction of a series: "warmer"/"cooler" (sentiment) or
 * "better"/"worse" (coach score) when the last period differs from the
 * one before by at least step, "steady" when it does not, NULL when
 * either period has no messages.  up and down name the two directions.
 */
const char *tonetrend_direction(const tonetrend_series *s, double step,
                                const char *up, const char *down);

#endif
