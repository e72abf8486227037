/* score.c - health, generosity and readiness; see docs/scoring.md. */
#include "core/score.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Weights of the health factors; they sum to 1.  Recency dominates
 * because a relationship left alone cools whatever its history. */
#define W_RECENCY 0.45
#define W_FREQUENCY 0.20
#define W_INITIATIVE 0.20
#define W_BALANCE 0.15

/* Readiness thresholds.  Three gifts is the smallest number that is a
 * pattern rather than an accident; a balance of two keeps one ask from
 * wiping out the giving. */
#define READY_MIN_GIVEN 3
#define READY_MIN_BALANCE 2
#define READY_MIN_INITIATIVE 0.25
#define READY_MIN_CONVICTION 4

int
score_cadence_days(int cadence_days, const char *tier)
{
    if (cadence_days > 0)
        return cadence_days;
    if (tier && !strcmp(tier, "inner"))
        return 14;
    if (tier && !strcmp(tier, "active"))
        return 30;
    if (tier && !strcmp(tier, "network"))
        return 90;
    return 60;
}

const char *
score_cadence_status_name(score_cadence_status st)
{
    switch (st) {
    case CADENCE_ON_TRACK:
        return "on track";
    case CADENCE_DUE:
        return "due";
    case CADENCE_OVERDUE:
        return "overdue";
    default:
        return "never contacted";
    }
}

static double
clamp01(double x)
{
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

static void
factor(score_factor *f, const char *name, double value, double weight)
{
    f->name = name;
    f->value = clamp01(value);
    f->weight = weight;
}

/* The score and its factors; the sentences only when explain is set,
 * because `today` scores every person but shows only a few. */
static void
health(const rp_stats *s, const score_ledger *l, int cadence_days, int64_t now,
       score_health *out, bool explain)
{
    memset(out, 0, sizeof *out);
    int cadence = cadence_days > 0 ? cadence_days : 60;
    int n_in = s ? s->n_in : 0, n_out = s ? s->n_out : 0;
    int total = n_in + n_out;
    out->cadence_days = cadence;
    out->max_days = cadence * 2;
    out->days_since = -1;

    /* Recency halves every cadence interval: on the day contact is due
     * the factor is 0.5, at the maximum interval 0.25. */
    double recency = 0;
    if (s && s->last_at && s->last_at <= now) {
        double days = (double)(now - s->last_at) / 86400.0;
        out->days_since = (int)(days);
        recency = pow(0.5, days / cadence);
        out->status = days < cadence       ? CADENCE_ON_TRACK
                      : days < 2 * cadence ? CADENCE_DUE
                                           : CADENCE_OVERDUE;
    } else {
        out->status = CADENCE_NEVER;
    }
    factor(&out->factors[0], "recency", recency, W_RECENCY);
    if (!explain)
        ;
    else if (out->days_since >= 0)
        snprintf(out->factors[0].why, sizeof out->factors[0].why,
                 "last contact %d days ago; ideal every %d days",
                 out->days_since, cadence);
    else
        snprintf(out->factors[0].why, sizeof out->factors[0].why,
                 "no contact recorded yet");

    /* Frequency: contacts so far against what the cadence expects over the
     * same span (at least one interval, so a new contact is not punished). */
    double frequency = 0, expected = 0;
    if (s && s->first_at && s->first_at <= now) {
        double span = (double)(now - s->first_at) / 86400.0;
        if (span < cadence)
            span = cadence;
        expected = span / cadence;
        frequency = total / expected;
    }
    factor(&out->factors[1], "frequency", frequency, W_FREQUENCY);
    if (explain)
        snprintf(out->factors[1].why, sizeof out->factors[1].why,
                 "%d contacts where the cadence expects %.1f", total, expected);

    /* Initiative: full marks once they start at least half the contacts. */
    double initiative = total ? 2.0 * n_in / total : 0;
    factor(&out->factors[2], "initiative", initiative, W_INITIATIVE);
    if (explain)
        snprintf(out->factors[2].why, sizeof out->factors[2].why,
                 "they reached out %d time%s, you %d time%s", n_in,
                 n_in == 1 ? "" : "s", n_out, n_out == 1 ? "" : "s");

    /* Balance: value flowing both ways.  Nothing exchanged yet is neutral
     * (0.5): neither generous nor one-sided. */
    int g = l ? l->given : 0, r = l ? l->received : 0;
    double balance =
        (g + r) ? (1.0 + (g < r ? g : r)) / (1.0 + (g > r ? g : r)) : 0.5;
    factor(&out->factors[3], "balance", balance, W_BALANCE);
    if (explain)
        snprintf(out->factors[3].why, sizeof out->factors[3].why,
                 "value given %d, received %d", g, r);

    double sum = 0;
    for (int i = 0; i < SCORE_HEALTH_FACTORS; i++)
        sum += out->factors[i].value * out->factors[i].weight;
    out->score = (int)lround(100.0 * sum);
}

void
score_health_compute(const rp_stats *s, const score_ledger *l, int cadence_days,
                     int64_t now, score_health *out)
{
    health(s, l, cadence_days, now, out, true);
}

void
score_health_quick(const rp_stats *s, const score_ledger *l, int cadence_days,
                   int64_t now, score_health *out)
{
    health(s, l, cadence_days, now, out, false);
}

void
score_generosity_compute(const score_ledger *l, score_generosity *out)
{
    memset(out, 0, sizeof *out);
    if (!l) {
        out->ratio = -1;
        return;
    }
    out->given = l->given;
    out->received = l->received;
    out->asks = l->asks;
    out->balance = l->given - l->asks;
    out->ratio = l->asks ? (double)l->given / l->asks : -1;
}

static score_check *
check(score_readiness *r, const char *name, bool pass)
{
    score_check *c = &r->checks[r->nchecks++];
    c->name = name;
    c->pass = pass;
    return c;
}

void
score_readiness_compute(const rp_stats *s, const score_ledger *l,
                        const score_commitments *c, const score_health *h,
                        int conviction, score_readiness *out)
{
    static const score_ledger no_ledger;
    static const score_commitments no_commitments;
    static const rp_stats no_stats;
    score_check *k;
    memset(out, 0, sizeof *out);
    if (!l)
        l = &no_ledger;
    if (!c)
        c = &no_commitments;
    if (!s)
        s = &no_stats;

    k = check(out, "generous", l->given >= READY_MIN_GIVEN);
    snprintf(k->evidence, sizeof k->evidence, "you gave value %d time%s",
             l->given, l->given == 1 ? "" : "s");
    snprintf(k->todo, sizeof k->todo,
             "give %d more times: an introduction, a resource, real help",
             READY_MIN_GIVEN - l->given);

    bool first = l->given > 0 &&
                 (!l->first_ask_at || l->first_given_at <= l->first_ask_at);
    k = check(out, "value_first",
              first && l->given - l->asks >= READY_MIN_BALANCE);
    snprintf(k->evidence, sizeof k->evidence, "%s; %d given against %d ask%s",
             l->given == 0 ? "nothing given yet"
             : first       ? "you gave before you asked"
                           : "you asked before you gave",
             l->given, l->asks, l->asks == 1 ? "" : "s");
    snprintf(k->todo, sizeof k->todo,
             "give until you have given at least %d more times than you "
             "asked",
             READY_MIN_BALANCE);

    k = check(out, "two_way", s->n_in > 0 && s->n_out > 0);
    snprintf(k->evidence, sizeof k->evidence,
             "%d contact%s from them, %d from you", s->n_in,
             s->n_in == 1 ? "" : "s", s->n_out);
    snprintf(k->todo, sizeof k->todo,
             "a relationship needs both sides: start a real conversation");

    int total = s->n_in + s->n_out;
    double share = total ? (double)s->n_in / total : 0;
    k = check(out, "their_initiative", share >= READY_MIN_INITIATIVE);
    snprintf(k->evidence, sizeof k->evidence, "they started %.0f%% of contacts",
             100 * share);
    snprintf(k->todo, sizeof k->todo,
             "wait until they reach out on their own; trust shows as "
             "initiative");

    k = check(out, "kept_commitments", c->mine_overdue == 0);
    snprintf(k->evidence, sizeof k->evidence, "%d promise%s kept, %d overdue",
             c->mine_done, c->mine_done == 1 ? "" : "s", c->mine_overdue);
    snprintf(k->todo, sizeof k->todo,
             "keep your %d overdue promise%s before asking for anything",
             c->mine_overdue, c->mine_overdue == 1 ? "" : "s");

    k = check(out, "warm", h && h->status == CADENCE_ON_TRACK);
    snprintf(k->evidence, sizeof k->evidence, "contact is %s",
             h ? score_cadence_status_name(h->status) : "unknown");
    snprintf(k->todo, sizeof k->todo,
             "reconnect first, with something useful to them");

    k = check(out, "no_open_ask", l->asks_pending == 0);
    snprintf(k->evidence, sizeof k->evidence, "%d ask%s awaiting an answer",
             l->asks_pending, l->asks_pending == 1 ? "" : "s");
    snprintf(k->todo, sizeof k->todo, "wait for the answer to your open ask");

    out->trust_earned = true;
    for (int i = 0; i < out->nchecks; i++)
        if (!out->checks[i].pass)
            out->trust_earned = false;
    out->conviction = conviction;
    out->believes = conviction >= READY_MIN_CONVICTION;

    /* "No" is for what more giving cannot fix soon: an offering the user
     * does not believe in, or a pattern of taking without giving. */
    if (conviction > 0 && conviction <= 2) {
        out->verdict = READY_NO;
        snprintf(out->summary, sizeof out->summary,
                 "no: your conviction in this offering is %d/5; do not ask "
                 "for what you do not believe in",
                 conviction);
    } else if (l->given == 0 && l->asks >= 2) {
        out->verdict = READY_NO;
        snprintf(out->summary, sizeof out->summary,
                 "no: %d asks and nothing given; stop asking and start "
                 "giving",
                 l->asks);
    } else if (out->trust_earned && (conviction == 0 || out->believes)) {
        out->verdict = READY_YES;
        snprintf(out->summary, sizeof out->summary, "%s",
                 conviction ? "ready: you have been generous, earned trust "
                              "and believe in the offering"
                            : "ready on trust; name the offering with "
                              "--offering to check your conviction");
    } else {
        out->verdict = READY_NOT_YET;
        int failing = 0;
        for (int i = 0; i < out->nchecks; i++)
            failing += !out->checks[i].pass;
        if (conviction == 3)
            failing++;
        snprintf(out->summary, sizeof out->summary,
                 "not yet: %d thing%s to do first", failing,
                 failing == 1 ? "" : "s");
    }
}

const char *
score_verdict_name(score_verdict v)
{
    return v == READY_YES ? "ready" : v == READY_NO ? "no" : "not yet";
}

void
score_ledger_totals(const rp_ledger *v, size_t n, score_ledger *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < n; i++) {
        const rp_ledger *e = &v[i];
        if (!strcmp(e->type, "give")) {
            out->given++;
            if (!out->first_given_at || e->at < out->first_given_at)
                out->first_given_at = e->at;
            if (e->at > out->last_given_at)
                out->last_given_at = e->at;
        } else if (!strcmp(e->type, "receive")) {
            out->received++;
        } else {
            out->asks++;
            if (!out->first_ask_at || e->at < out->first_ask_at)
                out->first_ask_at = e->at;
            if (e->outcome && !strcmp(e->outcome, "yes"))
                out->asks_yes++;
            else if (e->outcome && !strcmp(e->outcome, "no"))
                out->asks_no++;
            else
                out->asks_pending++;
        }
    }
}

void
score_commitment_totals(const rp_commitment *v, size_t n, int64_t now,
                        score_commitments *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < n; i++) {
        const rp_commitment *c = &v[i];
        bool mine = !strcmp(c->dir, "mine");
        if (c->done_at) {
            if (mine) {
                out->mine_done++;
                if (c->due && c->done_at > c->due)
                    out->mine_done_late++;
            } else {
                out->theirs_done++;
            }
            continue;
        }
        bool overdue = c->due && c->due < now;
        if (mine) {
            out->mine_open++;
            out->mine_overdue += overdue;
        } else {
            out->theirs_open++;
            out->theirs_overdue += overdue;
        }
    }
}
