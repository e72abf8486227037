/*
 * signals.h - what a person's mail threads say about the relationship:
 * who starts the conversations, and how quickly each side answers.
 *
 * A thread is started by whoever wrote its first message we have.  A
 * reply is a message in the same thread going the other way after the
 * previous one; its latency is the time between the two.  Replies slower
 * than SIGNALS_REPLY_MAX are left out: that is a new exchange, not an
 * answer.  Every message of the person's threads counts as theirs when it
 * is incoming, even when a colleague on the thread wrote it: rapport keeps
 * participants, not senders.
 */
#ifndef RP_SIGNALS_H
#define RP_SIGNALS_H

#include "base/arena.h"
#include "store/model.h"

#define SIGNALS_REPLY_MAX (30 * 86400)

typedef struct {
    int threads;
    int started_by_them, started_by_me;
    int replies_them, replies_me; /* how many replies were timed */
    int64_t reply_them_median;    /* seconds; -1 when no reply was timed */
    int64_t reply_me_median;
} signals;

/* Computes signals from messages ordered by thread, then time.  profile.c
 * takes them from the person's newest TONETREND_MAX_MESSAGES emails and
 * messages (those with a thread), the rows the tone trend reads too.
 * Scratch space comes from a. */
rp_code signals_compute(rp_arena *a, const rp_thread_msg *m, size_t n,
                        signals *out);

#endif
