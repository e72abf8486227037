/* today.c - the ranked daily report; see today.h. */
#include "core/today.h"

#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "core/people.h"

static double
tier_weight(const char *tier)
{
    if (!tier)
        return 1.0;
    if (!strcmp(tier, "inner"))
        return 3.0;
    if (!strcmp(tier, "active"))
        return 2.0;
    return 0.7; /* network: worth keeping warm, not worth nagging about */
}

/* Keeps the top entries of a fixed-size list, best (highest key) first. */
typedef struct {
    int64_t id;
    const char *name, *org, *tier;
    score_health health;
    rp_stats stats;
    score_ledger ledger;
    double key;
} ranked;

/* Inserts r when it ranks; its borrowed strings are copied into the arena
 * only then, so scanning a large book copies almost nothing. */
static rp_code
rank_insert(rp_arena *a, ranked *v, size_t *n, size_t max, const ranked *r)
{
    size_t i = *n < max ? (*n)++ : max;
    if (i == max) {
        if (max == 0 || r->key <= v[max - 1].key)
            return RP_OK;
        i = max - 1;
    }
    while (i > 0 && v[i - 1].key < r->key) {
        v[i] = v[i - 1];
        i--;
    }
    v[i] = *r;
    v[i].name = rp_arena_strdup(a, r->name);
    v[i].org = rp_arena_strdup(a, r->org);
    v[i].tier = rp_arena_strdup(a, r->tier);
    return v[i].name ? RP_OK : RP_ENOMEM;
}

/* Replies older than this are not "waiting": the thread has moved on. */
#define WAITING_DAYS 14

struct scan {
    store *st;
    rp_arena *a;
    int64_t now;
    ranked *cold, *learn, *waiting;
    size_t ncold, nlearn, nwaiting, max_cold, max_learn;
    size_t scored;
    rp_err *err;
};

static rp_code
scan_person(void *ud, const rp_person_ref *p, const rp_stats *s_in,
            const rp_ledger_totals *lt)
{
    struct scan *sc = ud;
    rp_stats exact;
    const rp_stats *s = s_in;
    score_ledger l;
    ranked r = {0};
    sc->scored++;
    /* The summary counts future meetings too; recount up to now for the
     * few people who have one booked. */
    if (s->last_at > sc->now) {
        rp_code rc =
            sc->st->ops->stats_get(sc->st, p->id, sc->now, &exact, sc->err);
        if (rc)
            return rc;
        s = &exact;
    }
    l = *lt;
    score_health_quick(s, &l, score_cadence_days(p->cadence_days, p->tier),
                       sc->now, &r.health);
    r.id = p->id;
    double w = tier_weight(p->tier);
    bool cold =
        r.health.status == CADENCE_DUE || r.health.status == CADENCE_OVERDUE;
    /* Never-contacted people only count when the user put them in a
     * close tier: an imported address book must not flood the list. */
    bool never = r.health.status == CADENCE_NEVER && p->tier &&
                 strcmp(p->tier, "network");
    /* Waiting on the user: their last word is newer than the user's, and
     * recent.  Ranked by how long they have waited. */
    if (s->last_in_at && s->last_in_at > s->last_out_at &&
        s->last_in_at <= sc->now &&
        sc->now - s->last_in_at <= WAITING_DAYS * 86400LL) {
        ranked wr = {.id = p->id, .name = p->name, .tier = p->tier};
        wr.key = (double)(sc->now - s->last_in_at) * tier_weight(p->tier);
        wr.stats = *s;
        rp_code rc =
            rank_insert(sc->a, sc->waiting, &sc->nwaiting, sc->max_cold, &wr);
        if (rc)
            return rc;
    }
    bool want_cold = cold || never;
    bool want_learn = p->tier && strcmp(p->tier, "network");
    if (!want_cold && !want_learn)
        return RP_OK;
    r.name = p->name;
    r.org = p->org_name;
    r.tier = p->tier;
    r.stats = *s;
    r.ledger = l;
    rp_code rc = RP_OK;
    if (want_cold) {
        r.key =
            never ? w : w * (double)r.health.days_since / r.health.cadence_days;
        rc = rank_insert(sc->a, sc->cold, &sc->ncold, sc->max_cold, &r);
    }
    if (want_learn && !rc) {
        r.key = w * 100 + r.health.score;
        rc = rank_insert(sc->a, sc->learn, &sc->nlearn, sc->max_learn * 3, &r);
    }
    return rc;
}

static const char *
person_name(store *st, rp_arena *a, int64_t id)
{
    rp_person p;
    if (st->ops->person_get(st, a, id, &p, NULL))
        return "(unknown)";
    return p.name;
}

static rp_code
build_cold(struct scan *sc, today_report *out, rp_err *err)
{
    store *st = sc->st;
    out->cold = rp_arena_alloc(sc->a, (sc->ncold + 1) * sizeof *out->cold);
    if (!out->cold)
        return RP_ENOMEM;
    for (size_t i = 0; i < sc->ncold; i++) {
        today_cold *c = &out->cold[out->ncold++];
        rp_person p;
        rp_org o, *op = NULL;
        c->person_id = sc->cold[i].id;
        c->name = sc->cold[i].name;
        c->org = sc->cold[i].org;
        c->tier = sc->cold[i].tier;
        /* Scored quickly during the scan; explained now it is shown. */
        score_health_compute(&sc->cold[i].stats, &sc->cold[i].ledger,
                             sc->cold[i].health.cadence_days, sc->now,
                             &c->health);
        c->urgency = sc->cold[i].key;
        rp_code rc = st->ops->person_get(st, sc->a, c->person_id, &p, err);
        if (rc)
            return rc;
        c->org = p.org_name;
        if (p.org_id && st->ops->org_get(st, sc->a, p.org_id, &o, NULL) == 0)
            op = &o;
        c->idea = people_value_idea(sc->a, &p, op);
    }
    out->learn =
        rp_arena_alloc(sc->a, (sc->max_learn + 1) * sizeof *out->learn);
    if (!out->learn)
        return RP_ENOMEM;
    for (size_t i = 0; i < sc->nlearn && out->nlearn < sc->max_learn; i++) {
        rp_person p;
        rp_org o, *op = NULL;
        rp_code rc = st->ops->person_get(st, sc->a, sc->learn[i].id, &p, err);
        if (rc)
            return rc;
        if (p.org_id && st->ops->org_get(st, sc->a, p.org_id, &o, NULL) == 0)
            op = &o;
        today_learn *l = &out->learn[out->nlearn];
        /* Only what matters for knowing someone: interests, goals and the
         * company's bets; a missing birthday alone is no reason. */
        const char *gaps[6];
        size_t n = people_gaps(&p, op, gaps, 6);
        l->ngaps = 0;
        for (size_t k = 0; k < n; k++)
            if (strstr(gaps[k], "interest") || strstr(gaps[k], "goal") ||
                strstr(gaps[k], "big bets"))
                l->gaps[l->ngaps++] = gaps[k];
        if (!l->ngaps)
            continue;
        l->person_id = p.id;
        l->name = p.name;
        out->nlearn++;
    }
    return RP_OK;
}

static rp_code
build_meetings(store *st, rp_arena *a, int64_t now, int days, int64_t me,
               today_report *out, rp_err *err)
{
    rp_interaction *v;
    size_t n;
    rp_code rc = st->ops->meetings_between(st, a, now, now + days * 86400LL, &v,
                                           &n, err);
    if (rc)
        return rc;
    out->meetings = rp_arena_alloc(a, (n + 1) * sizeof *out->meetings);
    if (!out->meetings)
        return RP_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        today_meeting *m = &out->meetings[out->nmeetings++];
        m->meeting = v[i];
        m->names = rp_arena_alloc(a, (v[i].npeople + 1) * sizeof *m->names);
        if (!m->names)
            return RP_ENOMEM;
        for (size_t k = 0; k < v[i].npeople; k++)
            if (v[i].people[k] != me)
                m->names[m->nnames++] = person_name(st, a, v[i].people[k]);
    }
    return RP_OK;
}

/* Commitments due within days (overdue ones included), the most overdue
 * first, at most limit of them; the total is counted too. */
static rp_code
build_commitments(store *st, rp_arena *a, int64_t now, int days, size_t limit,
                  today_report *out, rp_err *err)
{
    rp_commitment *v;
    size_t n;
    rp_code rc = st->ops->commitment_list(st, a, 0, true, &v, &n, err);
    if (rc)
        return rc;
    out->commitments = rp_arena_alloc(a, (n + 1) * sizeof *out->commitments);
    if (!out->commitments)
        return RP_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        if (!v[i].due || v[i].due > now + days * 86400LL)
            continue;
        if (out->ncommitments_total++ >= limit)
            continue;
        today_commitment *c = &out->commitments[out->ncommitments++];
        c->c = v[i];
        c->name = v[i].person_name ? v[i].person_name : "(unknown)";
        c->overdue = v[i].due < now;
    }
    return RP_OK;
}

static int
by_days(const void *x, const void *y)
{
    const today_date *a = x, *b = y;
    return a->days - b->days;
}

static rp_code
build_dates(store *st, rp_arena *a, int64_t now, int days, today_report *out,
            rp_err *err)
{
    rp_person_date *v;
    size_t n;
    rp_code rc = st->ops->dates_all(st, a, &v, &n, err);
    if (rc)
        return rc;
    out->dates = rp_arena_alloc(a, (n + 1) * sizeof *out->dates);
    if (!out->dates)
        return RP_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        int d = rp_days_until_anniversary(v[i].date, now);
        if (d < 0 || d > days)
            continue;
        today_date *t = &out->dates[out->ndates++];
        t->person_id = v[i].person_id;
        t->name = v[i].name;
        t->label = v[i].label;
        t->date = v[i].date;
        t->days = d;
    }
    qsort(out->dates, out->ndates, sizeof *out->dates, by_days);
    return RP_OK;
}

static rp_code
build_asks(store *st, rp_arena *a, int64_t now, size_t max, today_report *out,
           rp_err *err)
{
    /* Oldest first: the longer an ask waits, the more it needs a
     * follow-up (or letting go).  Only the first max are named. */
    rp_ledger *v;
    size_t n;
    rp_code rc =
        st->ops->asks_pending(st, a, max, &v, &n, &out->nasks_total, err);
    if (rc)
        return rc;
    out->asks = rp_arena_alloc(a, (n + 1) * sizeof *out->asks);
    if (!out->asks)
        return RP_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        today_ask *k = &out->asks[out->nasks++];
        k->ask = v[i];
        k->name = person_name(st, a, v[i].person_id);
        k->days_waiting = (int)((now - v[i].at) / 86400);
    }
    return RP_OK;
}

rp_code
today_build(store *st, rp_arena *a, int64_t now, const today_opts *opts,
            today_report *out, rp_err *err)
{
    today_opts def = {7, 10, 5};
    int64_t me = 0;
    rp_code rc;
    if (!opts)
        opts = &def;
    memset(out, 0, sizeof *out);
    out->now = now;
    struct scan sc = {.st = st,
                      .a = a,
                      .now = now,
                      .max_cold = opts->max_cold,
                      .max_learn = opts->max_learn,
                      .err = err};
    sc.cold = rp_arena_alloc(a, (opts->max_cold + 1) * sizeof *sc.cold);
    sc.learn = rp_arena_alloc(a, (opts->max_learn * 3 + 1) * sizeof *sc.learn);
    sc.waiting = rp_arena_alloc(a, (opts->max_cold + 1) * sizeof *sc.waiting);
    if (!sc.cold || !sc.learn || !sc.waiting)
        return RP_ENOMEM;
    if ((rc = st->ops->stats_each(st, scan_person, &sc, err)))
        return rc;
    out->people_scored = sc.scored;
    out->waiting = rp_arena_alloc(a, (sc.nwaiting + 1) * sizeof *out->waiting);
    if (!out->waiting)
        return RP_ENOMEM;
    for (size_t i = 0; i < sc.nwaiting; i++) {
        today_waiting *w = &out->waiting[out->nwaiting++];
        w->person_id = sc.waiting[i].id;
        w->name = sc.waiting[i].name;
        w->since = sc.waiting[i].stats.last_in_at;
        w->days = (int)((now - w->since) / 86400);
    }
    if (st->ops->person_me(st, &me, NULL) != RP_OK)
        me = 0;
    if ((rc = build_cold(&sc, out, err)) ||
        (rc = build_meetings(st, a, now, opts->days_ahead, me, out, err)) ||
        (rc = build_commitments(st, a, now, opts->days_ahead,
                                opts->max_cold * 2, out, err)) ||
        (rc = build_dates(st, a, now, opts->days_ahead, out, err)) ||
        (rc = build_asks(st, a, now, opts->max_cold * 2, out, err)))
        return rc;
    return RP_OK;
}
