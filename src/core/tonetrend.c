/* tonetrend.c - the tone trend with one person; see tonetrend.h. */
#include "core/tonetrend.h"

#include <string.h>

static void
add(tonetrend_mean *m, double v)
{
    m->mean += v;
    m->n++;
}

static void
finish(tonetrend_series *s)
{
    for (int p = 0; p < 2; p++)
        if (s->period[p].n)
            s->period[p].mean /= s->period[p].n;
}

/* Emails and chat messages: what a person writes, as opposed to a call's
 * or a meeting's summary or a note to oneself. */
static bool
is_message(const rp_interaction *x)
{
    return !x->automated &&
           (!strcmp(x->kind, "email") || !strcmp(x->kind, "message"));
}

rp_code
tonetrend_from_messages(const rp_interaction *xs, size_t n, int64_t now,
                        tonetrend *out, rp_err *err)
{
    size_t coached = 0;
    rp_code rc;
    memset(out, 0, sizeof *out);
    out->since = now - (int64_t)TONETREND_DAYS * 86400;
    if (n > TONETREND_MAX_MESSAGES) {
        out->truncated = true;
        n = TONETREND_MAX_MESSAGES;
    }
    /* Newest first, so the bodies coached are the most recent ones. */
    for (size_t i = 0; i < n; i++) {
        const rp_interaction *x = &xs[i];
        if (x->at > now || !is_message(x))
            continue;
        int p = x->at > out->since ? 0 : 1;
        bool mine = !strcmp(x->dir, "out");
        if (x->has_sentiment)
            add(&(mine ? &out->mine : &out->theirs)->period[p], x->sentiment);
        if (!mine || !x->body || !*x->body || coached == TONETREND_MAX_COACHED)
            continue;
        nlp_coach_report r;
        rc = nlp_coach_check(x->body, strlen(x->body), NULL, &r, NULL);
        if (rc == RP_OK) {
            add(&out->coach.period[p], r.score);
            if (r.main >= 0)
                out->mains[r.main]++;
            coached++;
        }
        nlp_coach_report_release(&r);
        /* A body over the coach's limit is skipped, not an error. */
        if (rc == RP_ENOMEM)
            return rp_fail(err, rc, "out of memory while coaching messages");
    }
    finish(&out->theirs);
    finish(&out->mine);
    finish(&out->coach);
    return RP_OK;
}

const char *
tonetrend_direction(const tonetrend_series *s, double step, const char *up,
                    const char *down)
{
    if (!s->period[0].n || !s->period[1].n)
        return NULL;
    double d = s->period[0].mean - s->period[1].mean;
    return d >= step ? up : d <= -step ? down : "steady";
}
