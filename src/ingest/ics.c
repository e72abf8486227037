/* ics.c - reading a calendar file: each event in turn with its
 * overrides, inside its calendar's time zones; see ics.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "ingest/ics_impl.h"

/* One read of one text. */
struct reader {
    const char *data;
    size_t len;
    ics_scan sc;
    ics_ctx c;
    const ics_block **ov, **ms; /* overrides and masters, by calendar and
                                   UID, for lookups */
    size_t nov, nms;
    icalcomponent *zones; /* a VCALENDAR with zones_cal's VTIMEZONEs */
    size_t zones_cal;
};

static int
by_cal_uid(const void *x, const void *y)
{
    const ics_block *a = *(const ics_block *const *)x;
    const ics_block *b = *(const ics_block *const *)y;
    if (a->cal != b->cal)
        return a->cal < b->cal ? -1 : 1;
    return strcmp(a->uid, b->uid);
}

/* The first of v (sorted by_cal_uid) at or after (cal, uid). */
static size_t
lower_bound(const ics_block **v, size_t n, size_t cal, const char *uid)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = v[mid]->cal != cal ? (v[mid]->cal < cal ? -1 : 1)
                                   : strcmp(v[mid]->uid, uid);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool
same(const ics_block *a, const ics_block *b)
{
    return a->cal == b->cal && !strcmp(a->uid, b->uid);
}

/* Sorted lists of the overrides and of the masters that have a UID. */
static rp_code
index_events(struct reader *r)
{
    size_t n = r->sc.nevents;
    r->ov = rp_arena_alloc(r->sc.a, (n + 1) * sizeof *r->ov);
    r->ms = rp_arena_alloc(r->sc.a, (n + 1) * sizeof *r->ms);
    if (!r->ov || !r->ms)
        return RP_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const ics_block *b = &r->sc.events[i];
        if (!b->uid)
            continue;
        if (b->override)
            r->ov[r->nov++] = b;
        else
            r->ms[r->nms++] = b;
    }
    if (r->nov)
        qsort(r->ov, r->nov, sizeof *r->ov, by_cal_uid);
    if (r->nms)
        qsort(r->ms, r->nms, sizeof *r->ms, by_cal_uid);
    return RP_OK;
}

/* Makes r->zones hold calendar cal's time zones, so that the TZIDs of an
 * event placed in it resolve. */
static rp_code
use_calendar(struct reader *r, size_t cal)
{
    if (r->zones && r->zones_cal == cal)
        return RP_OK;
    if (r->zones)
        icalcomponent_free(r->zones);
    if (!(r->zones = icalcomponent_new_vcalendar()))
        return RP_ENOMEM;
    r->zones_cal = cal;
    for (size_t i = 0; i < r->sc.nzones; i++) {
        const ics_block *z = &r->sc.zones[i];
        if (z->cal != cal || !z->closed)
            continue;
        icalcomponent *tz = ics_parse_block(r->data, z->off, z->end);
        if (tz && icalcomponent_isa(tz) == ICAL_VTIMEZONE_COMPONENT)
            icalcomponent_add_component(r->zones, tz);
        else if (tz)
            icalcomponent_free(tz);
    }
    return RP_OK;
}

/* Parses block b as a VEVENT inside r->zones, or reports why it cannot
 * be read and returns NULL. */
static icalcomponent *
open_event(struct reader *r, const ics_block *b)
{
    if (!b->closed) {
        ics_problem(&r->c, b, "no END:VEVENT before the end of the file");
        return NULL;
    }
    icalcomponent *ev = ics_parse_block(r->data, b->off, b->end);
    if (!ev || icalcomponent_isa(ev) != ICAL_VEVENT_COMPONENT) {
        ics_problem(&r->c, b,
                    "libical cannot read it as one VEVENT (do its BEGIN "
                    "and END lines pair up?)");
        if (ev)
            icalcomponent_free(ev);
        return NULL;
    }
    icalcomponent_add_component(r->zones, ev);
    return ev;
}

static void
close_event(struct reader *r, icalcomponent *ev)
{
    if (!ev)
        return;
    icalcomponent_remove_component(r->zones, ev);
    icalcomponent_free(ev);
}

/* The occurrence key an override replaces, from its RECURRENCE-ID, in a;
 * NULL (reported) when it has none that can be read. */
static const char *
override_key(struct reader *r, const ics_block *b, icalcomponent *ev,
             rp_arena *a)
{
    icalproperty *p =
        icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY);
    struct icaltimetype t;
    int64_t at;
    char key[40];
    if (!p) {
        ics_problem(&r->c, b, "its RECURRENCE-ID cannot be read");
        return NULL;
    }
    t = ics_prop_time(p, ev);
    if (!ics_time_unix(t, &at)) {
        const char *v = icalproperty_get_value_as_string(p);
        ics_problem(&r->c, b,
                    "RECURRENCE-ID '%.40s' is not a date or time that exists",
                    v ? v : "");
        return NULL;
    }
    ics_time_key(t, at, key, sizeof key);
    return rp_arena_strdup(a, key);
}

/* Passes an override on as the occurrence key it replaces, when it now
 * starts within the window. */
static rp_code
emit_override(struct reader *r, const ics_block *b, icalcomponent *ev,
              const char *key, rp_arena *a)
{
    ics_fields f;
    bool ok;
    rp_code rc =
        ics_fields_read(&r->c, b, ev, r->sc.method[b->cal], a, &f, &ok);
    if (rc || !ok || f.start_at < r->c.from || f.start_at > r->c.to)
        return rc;
    const char *uid = rp_arena_printf(a, "%s/%s", f.uid, key);
    return uid ? ics_emit(&r->c, &f, uid, f.start_at) : RP_ENOMEM;
}

static bool
recurs(icalcomponent *ev)
{
    return icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY) ||
           icalcomponent_get_first_property(ev, ICAL_RDATE_PROPERTY);
}

/* One event that is not an override: its occurrences (or itself), then
 * its overrides. */
static rp_code
read_master(struct reader *r, const ics_block *b)
{
    rp_arena *a = rp_arena_new();
    icalcomponent *ev = NULL, **oev = NULL;
    const char **keys = NULL;
    size_t lo = 0, no = 0;
    ics_fields f;
    bool ok;
    rp_code rc = RP_OK;
    if (!a)
        return RP_ENOMEM;
    if ((rc = use_calendar(r, b->cal)) || !(ev = open_event(r, b)))
        goto cleanup;
    if ((rc =
             ics_fields_read(&r->c, b, ev, r->sc.method[b->cal], a, &f, &ok)) ||
        !ok)
        goto cleanup;
    if (b->uid) {
        lo = lower_bound(r->ov, r->nov, b->cal, b->uid);
        while (lo + no < r->nov && same(r->ov[lo + no], b))
            no++;
    }
    oev = rp_arena_alloc(a, (no + 1) * sizeof *oev);
    keys = rp_arena_alloc(a, (no + 1) * sizeof *keys);
    if (!oev || !keys) {
        rc = RP_ENOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < no; i++)
        if ((oev[i] = open_event(r, r->ov[lo + i])))
            keys[i] = override_key(r, r->ov[lo + i], oev[i], a);
    if (recurs(ev))
        rc = ics_recur_emit(&r->c, b, ev, &f, keys, no, a);
    else
        rc = ics_emit(&r->c, &f, f.uid, f.start_at);
    for (size_t i = 0; i < no && !rc; i++)
        if (keys[i])
            rc = emit_override(r, r->ov[lo + i], oev[i], keys[i], a);
cleanup:
    for (size_t i = 0; oev && i < no; i++)
        close_event(r, oev[i]);
    close_event(r, ev);
    rp_arena_free(a);
    return rc;
}

/* An override whose event is not in the file: the occurrence it names. */
static rp_code
read_orphan(struct reader *r, const ics_block *b)
{
    rp_arena *a = rp_arena_new();
    icalcomponent *ev = NULL;
    rp_code rc = RP_OK;
    if (!a)
        return RP_ENOMEM;
    if (!(rc = use_calendar(r, b->cal)) && (ev = open_event(r, b))) {
        const char *key = override_key(r, b, ev, a);
        if (key)
            rc = emit_override(r, b, ev, key, a);
    }
    close_event(r, ev);
    rp_arena_free(a);
    return rc;
}

static bool
has_master(const struct reader *r, const ics_block *b)
{
    size_t i = lower_bound(r->ms, r->nms, b->cal, b->uid);
    return i < r->nms && same(r->ms[i], b);
}

static void
progress(const struct reader *r, uint64_t done)
{
    if (r->c.hooks && r->c.hooks->progress)
        r->c.hooks->progress(r->c.hooks->ud, done, r->len);
}

rp_code
ingest_ics_buffer(const char *data, size_t len, const char *source,
                  int64_t from, int64_t to, ingest_event_fn *fn, void *ud,
                  const ingest_hooks *hooks, rp_err *err)
{
    struct reader r = {.data = data, .len = len};
    rp_code rc;
    char *src = NULL;
    /* Some libical builds abort() on a parse error unless told not to;
     * a bad calendar must be a reported problem, never a crash. */
    icalerror_set_errors_are_fatal(0);
    if (!from && !to) {
        int64_t now = (int64_t)time(NULL);
        from = now - 365 * 86400LL;
        to = now + 90 * 86400LL;
    }
    if ((rc = ics_scan_text(data, len, source, &r.sc, err)))
        goto cleanup;
    if (!(src = rp_arena_printf(r.sc.a, "ics:%s", source)) ||
        (rc = index_events(&r))) {
        rc = RP_ENOMEM;
        goto cleanup;
    }
    r.c = (ics_ctx){source, src, from, to, fn, ud, hooks, err};
    for (size_t i = 0; i < r.sc.nevents && !rc; i++) {
        const ics_block *b = &r.sc.events[i];
        if (b->override)
            continue;
        rc = read_master(&r, b);
        progress(&r, b->end);
    }
    for (size_t i = 0; i < r.sc.nevents && !rc; i++) {
        const ics_block *b = &r.sc.events[i];
        if (b->override && (!b->uid || !has_master(&r, b)))
            rc = read_orphan(&r, b);
    }
    if (!rc)
        progress(&r, len);
cleanup:
    if (rc == RP_ENOMEM && err && !err->msg[0])
        rp_fail(err, rc, "out of memory reading '%s'", source);
    if (r.zones)
        icalcomponent_free(r.zones);
    ics_scan_release(&r.sc);
    return rc;
}

rp_code
ingest_ics_file(const char *path, int64_t from, int64_t to, ingest_event_fn *fn,
                void *ud, const ingest_hooks *hooks, rp_err *err)
{
    FILE *f = fopen(path, "rb");
    struct stat sb;
    char *data = NULL;
    rp_code rc = RP_OK;
    if (!f || fstat(fileno(f), &sb) != 0) {
        rc =
            rp_fail(err, RP_EIO, "cannot open '%s': %s", path, strerror(errno));
        goto cleanup;
    }
    if (!S_ISREG(sb.st_mode)) {
        rc = rp_fail(err, RP_EINVAL,
                     "'%s' is not an iCalendar file: not a regular file", path);
        goto cleanup;
    }
    size_t len = (size_t)sb.st_size;
    if (!(data = rp_malloc(len + 1))) {
        rc = rp_fail(err, RP_ENOMEM, "out of memory reading '%s'", path);
        goto cleanup;
    }
    if (fread(data, 1, len, f) != len) {
        rc = rp_fail(err, RP_EIO, "cannot read '%s': %s", path,
                     ferror(f) ? strerror(errno) : "file shrank");
        goto cleanup;
    }
    data[len] = '\0';
    rc = ingest_ics_buffer(data, len, path, from, to, fn, ud, hooks, err);
cleanup:
    if (f)
        fclose(f);
    rp_free(data);
    return rc;
}
