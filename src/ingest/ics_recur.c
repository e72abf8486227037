/* ics_recur.c - the occurrences of a recurring event within the import
 * window; see ics_impl.h. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/date.h"
#include "ingest/ics_impl.h"

typedef struct {
    int64_t at;
    struct icaltimetype t;
} occurrence;

typedef struct {
    occurrence *v;
    size_t n, cap;
} occurrences;

static bool
occ_add(occurrences *o, struct icaltimetype t, int64_t at)
{
    if (rp_grow((void **)&o->v, &o->cap, o->n, sizeof *o->v, 64))
        return false;
    o->v[o->n++] = (occurrence){at, t};
    return true;
}

static int
by_start(const void *x, const void *y)
{
    const occurrence *a = x, *b = y;
    return (a->at > b->at) - (a->at < b->at);
}

static bool
in_window(const ics_ctx *c, int64_t at)
{
    return at >= c->from && at <= c->to;
}

/*
 * Moves a rule without COUNT straight to a little before the window (a
 * weekly meeting since 2010 need not be walked through 2010 to 2025).
 * Under COUNT every occurrence from DTSTART counts, so libical cannot
 * skip, and those rules are walked.  The two days of margin cover the
 * gap between the zone the start is computed in and local time for
 * floating rules; occurrences before the window are dropped anyway.
 */
static void
skip_ahead(icalrecur_iterator *it, const struct icalrecurrencetype *r,
           const ics_fields *m, int64_t from)
{
    if (r->count || from <= m->start_at + 2 * 86400)
        return;
    icaltimezone *z = (icaltimezone *)m->start.zone;
    struct icaltimetype s = icaltime_from_timet_with_zone(
        (time_t)(from - 2 * 86400), m->start.is_date,
        z ? z : icaltimezone_get_utc_timezone());
    s.zone = m->start.zone;
    if (!icaltime_is_null_time(s))
        icalrecur_iterator_set_start(it, s);
}

/*
 * Adds the occurrences of every RRULE within the window, at most
 * *steps_left steps in all, so that a rule repeating every second costs
 * a bounded time; *stopped says when the bound was hit.
 */
static rp_code
add_rules(const ics_ctx *c, const ics_block *b, icalcomponent *ev,
          const ics_fields *m, occurrences *o, long *steps_left, bool *stopped)
{
    for (icalproperty *p =
             icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY);
         p; p = icalcomponent_get_next_property(ev, ICAL_RRULE_PROPERTY)) {
        struct icalrecurrencetype r = icalproperty_get_rrule(p);
        if (r.freq == ICAL_NO_RECURRENCE)
            continue;
        icalrecur_iterator *it = icalrecur_iterator_new(r, m->start);
        if (!it) {
            const char *v = icalproperty_get_value_as_string(p);
            ics_problem(c, b, "cannot expand RRULE '%.80s'", v ? v : "");
            continue;
        }
        skip_ahead(it, &r, m, c->from);
        for (;;) {
            if (*steps_left <= 0) {
                *stopped = true;
                break;
            }
            --*steps_left;
            struct icaltimetype t = icalrecur_iterator_next(it);
            int64_t at;
            if (icaltime_is_null_time(t) || !ics_time_unix(t, &at) ||
                at > c->to)
                break;
            if (at >= c->from && !occ_add(o, t, at)) {
                icalrecur_iterator_free(it);
                return RP_ENOMEM;
            }
        }
        icalrecur_iterator_free(it);
    }
    return RP_OK;
}

static rp_code
add_dates(const ics_ctx *c, icalcomponent *ev, occurrences *o)
{
    for (icalproperty *p =
             icalcomponent_get_first_property(ev, ICAL_RDATE_PROPERTY);
         p; p = icalcomponent_get_next_property(ev, ICAL_RDATE_PROPERTY)) {
        struct icaltimetype t = ics_prop_time(p, ev);
        int64_t at;
        if (ics_time_unix(t, &at) && in_window(c, at) && !occ_add(o, t, at))
            return RP_ENOMEM;
    }
    return RP_OK;
}

/* Whether an EXDATE removes the occurrence: the same moment, or for a
 * date-only EXDATE of a timed event, the same day. */
static bool
excluded(icalcomponent *ev, const occurrence *x)
{
    for (icalproperty *p =
             icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY);
         p; p = icalcomponent_get_next_property(ev, ICAL_EXDATE_PROPERTY)) {
        struct icaltimetype t = ics_prop_time(p, ev);
        int64_t at;
        if (t.is_date && !x->t.is_date) {
            if (t.year == x->t.year && t.month == x->t.month &&
                t.day == x->t.day)
                return true;
        } else if (ics_time_unix(t, &at) && at == x->at) {
            return true;
        }
    }
    return false;
}

static bool
overridden(const char *key, const char *const *skip, size_t nskip)
{
    for (size_t i = 0; i < nskip; i++)
        if (skip[i] && !strcmp(skip[i], key))
            return true;
    return false;
}

rp_code
ics_recur_emit(const ics_ctx *c, const ics_block *b, icalcomponent *ev,
               const ics_fields *m, const char *const *skip, size_t nskip,
               rp_arena *a)
{
    occurrences o = {0};
    long steps = ICS_MAX_STEPS;
    bool stopped = false;
    size_t emitted = 0, over = 0;
    rp_code rc = RP_OK;
    /* DTSTART is the first occurrence whether or not the rule yields it. */
    if (in_window(c, m->start_at) && !occ_add(&o, m->start, m->start_at))
        rc = RP_ENOMEM;
    if (!rc)
        rc = add_rules(c, b, ev, m, &o, &steps, &stopped);
    if (!rc)
        rc = add_dates(c, ev, &o);
    if (rc)
        goto cleanup;
    if (stopped)
        ics_problem(c, b,
                    "stopped expanding its recurrence after %d steps; "
                    "later occurrences are not imported",
                    ICS_MAX_STEPS);
    if (o.n)
        qsort(o.v, o.n, sizeof *o.v, by_start);
    for (size_t i = 0; i < o.n && !rc; i++) {
        char key[40];
        if (i > 0 && o.v[i].at == o.v[i - 1].at)
            continue; /* the rule and an RDATE agree */
        if (excluded(ev, &o.v[i]))
            continue;
        ics_time_key(o.v[i].t, o.v[i].at, key, sizeof key);
        if (overridden(key, skip, nskip))
            continue;
        if (emitted == ICS_MAX_INSTANCES) {
            over++;
            continue;
        }
        const char *uid = rp_arena_printf(a, "%s/%s", m->uid, key);
        if (!uid) {
            rc = RP_ENOMEM;
            break;
        }
        rc = ics_emit(c, m, uid, o.v[i].at);
        emitted++;
    }
    if (!rc && over) {
        char from[24], to[24];
        rp_time_iso(c->from, from, sizeof from);
        rp_time_iso(c->to, to, sizeof to);
        ics_problem(c, b,
                    "occurs %zu times between %s and %s; only the first "
                    "%d are imported",
                    emitted + over, from, to, ICS_MAX_INSTANCES);
    }
cleanup:
    rp_free(o.v);
    return rc;
}
