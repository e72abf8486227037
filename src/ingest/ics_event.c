/* ics_event.c - one VEVENT's fields, and handing occurrences on; see
 * ics_impl.h. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ingest/ics_impl.h"

void
ics_problem(const ics_ctx *c, const ics_block *b, const char *fmt, ...)
{
    char why[512];
    int n = 0;
    va_list ap;
    if (!c->hooks || !c->hooks->problem)
        return;
    if (b && b->index)
        n = snprintf(why, sizeof why, "event %zu%s%.80s%s: ", b->index,
                     b->uid ? " (UID " : "", b->uid ? b->uid : "",
                     b->uid ? ")" : "");
    if (n < 0 || (size_t)n >= sizeof why)
        n = 0;
    va_start(ap, fmt);
    vsnprintf(why + n, sizeof why - (size_t)n, fmt, ap);
    va_end(ap);
    c->hooks->problem(c->hooks->ud, c->file, b ? b->line : 0, why);
}

/* The properties whose loss makes an event wrong rather than poorer:
 * libical drops a property it cannot read and leaves an X-LIC-ERROR
 * naming it ("... in DTSTART property ..."). */
static const char *
fatal_error(icalcomponent *ev)
{
    static const char *const used[] = {
        " DTSTART ",   " RRULE ",    " RDATE ", " EXDATE ", " RECURRENCE-ID ",
        " ORGANIZER ", " ATTENDEE ", " UID ",   " STATUS "};
    for (icalproperty *p =
             icalcomponent_get_first_property(ev, ICAL_XLICERROR_PROPERTY);
         p; p = icalcomponent_get_next_property(ev, ICAL_XLICERROR_PROPERTY)) {
        const char *msg = icalproperty_get_xlicerror(p);
        for (size_t i = 0; msg && i < sizeof used / sizeof *used; i++)
            if (strstr(msg, used[i]))
                return msg;
    }
    return NULL;
}

/* The address of a CAL-ADDRESS value ("mailto:ada@x.example"), in a; NULL
 * for anything that is not an email address (urn:uuid:..., a bare name). */
static const char *
address_of(rp_arena *a, const char *v)
{
    if (!v)
        return NULL;
    while (*v == ' ' || *v == '\t')
        v++;
    if (!strncasecmp(v, "mailto:", 7))
        v += 7;
    while (*v == ' ' || *v == '\t')
        v++;
    size_t n = strlen(v);
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\t'))
        n--;
    const char *at = memchr(v, '@', n);
    if (!at || at == v || at == v + n - 1 || memchr(v, ' ', n))
        return NULL;
    return rp_arena_strndup(a, v, n);
}

static const char *
cn_of(icalproperty *p)
{
    icalparameter *cn = icalproperty_get_first_parameter(p, ICAL_CN_PARAMETER);
    const char *s = cn ? icalparameter_get_cn(cn) : NULL;
    return s && *s ? s : NULL;
}

/* Rooms and projectors are booked, not met; someone who declined was not
 * there. */
static bool
is_person_attending(icalproperty *p)
{
    icalparameter *cu =
        icalproperty_get_first_parameter(p, ICAL_CUTYPE_PARAMETER);
    if (cu && (icalparameter_get_cutype(cu) == ICAL_CUTYPE_ROOM ||
               icalparameter_get_cutype(cu) == ICAL_CUTYPE_RESOURCE))
        return false;
    icalparameter *ps =
        icalproperty_get_first_parameter(p, ICAL_PARTSTAT_PARAMETER);
    return !(ps && icalparameter_get_partstat(ps) == ICAL_PARTSTAT_DECLINED);
}

static uint64_t
fnv1a(uint64_t h, const char *s)
{
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    return h;
}

static rp_code
read_people(icalcomponent *ev, rp_arena *a, ics_fields *f)
{
    icalproperty *p =
        icalcomponent_get_first_property(ev, ICAL_ORGANIZER_PROPERTY);
    if (p) {
        f->organizer.email = address_of(a, icalproperty_get_organizer(p));
        if (f->organizer.email)
            f->organizer.name = rp_arena_strdup(a, cn_of(p));
    }
    size_t n =
        (size_t)icalcomponent_count_properties(ev, ICAL_ATTENDEE_PROPERTY);
    f->attendees = rp_arena_alloc(a, (n + 1) * sizeof *f->attendees);
    if (!f->attendees)
        return RP_ENOMEM;
    for (p = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY);
         p && f->nattendees < n;
         p = icalcomponent_get_next_property(ev, ICAL_ATTENDEE_PROPERTY)) {
        const char *email = address_of(a, icalproperty_get_attendee(p));
        if (!email || !is_person_attending(p))
            continue;
        f->attendees[f->nattendees++] =
            (ingest_addr){rp_arena_strdup(a, cn_of(p)), email};
    }
    return RP_OK;
}

rp_code
ics_fields_read(const ics_ctx *c, const ics_block *b, icalcomponent *ev,
                ics_method m, rp_arena *a, ics_fields *f, bool *ok)
{
    const char *msg = fatal_error(ev);
    memset(f, 0, sizeof *f);
    *ok = false;
    if (msg) {
        ics_problem(c, b, "%s", msg);
        return RP_OK;
    }
    icalproperty *start =
        icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    if (!start) {
        if (m == ICS_PUBLISH)
            ics_problem(c, b, "no DTSTART");
        return RP_OK;
    }
    f->start = ics_prop_time(start, ev);
    if (!ics_time_unix(f->start, &f->start_at)) {
        const char *v = icalproperty_get_value_as_string(start);
        ics_problem(c, b, "DTSTART '%.40s' is not a date or time that exists",
                    v ? v : "");
        return RP_OK;
    }
    f->summary = icalcomponent_get_summary(ev);
    f->description = icalcomponent_get_description(ev);
    f->cancelled = m == ICS_CANCEL ||
                   icalcomponent_get_status(ev) == ICAL_STATUS_CANCELLED;
    const char *uid = icalcomponent_get_uid(ev);
    if (uid && *uid) {
        f->uid = uid;
    } else {
        /* Without a UID, the same event must still get the same uid on
         * each import: its start, title and organizer decide. */
        char key[32];
        ics_time_key(f->start, f->start_at, key, sizeof key);
        uint64_t h = fnv1a(fnv1a(0xcbf29ce484222325ULL, key), f->summary);
        icalproperty *o =
            icalcomponent_get_first_property(ev, ICAL_ORGANIZER_PROPERTY);
        h = fnv1a(h, o ? icalproperty_get_organizer(o) : NULL);
        f->uid = rp_arena_printf(a, "nouid-%016llx", (unsigned long long)h);
        if (!f->uid)
            return RP_ENOMEM;
    }
    rp_code rc = read_people(ev, a, f);
    if (!rc)
        *ok = true;
    return rc;
}

rp_code
ics_emit(const ics_ctx *c, const ics_fields *f, const char *uid, int64_t at)
{
    ingest_event e = {.uid = uid,
                      .summary = f->summary,
                      .description = f->description,
                      .start = at,
                      .organizer = f->organizer,
                      .attendees = f->attendees,
                      .nattendees = f->nattendees,
                      .cancelled = f->cancelled,
                      .source = c->source};
    return c->fn(c->ud, &e);
}
