/* ics_time.c - iCalendar times into Unix seconds, and the zones behind
 * TZIDs; see ics_impl.h. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/date.h"
#include "ingest/ics_impl.h"

/* Whether the fields of t name a moment that exists. */
static bool
valid(struct icaltimetype t)
{
    if (t.year < 1 || t.year > 9999 || t.month < 1 || t.month > 12 ||
        t.day < 1 || t.day > icaltime_days_in_month(t.month, t.year))
        return false;
    return t.is_date || (t.hour >= 0 && t.hour < 24 && t.minute >= 0 &&
                         t.minute < 60 && t.second >= 0 && t.second <= 60);
}

static int64_t
civil_seconds(struct icaltimetype t)
{
    int64_t days =
        rp_days_from_civil(t.year, (unsigned)t.month, (unsigned)t.day);
    return days * 86400 +
           (t.is_date ? 0 : t.hour * 3600 + t.minute * 60 + t.second);
}

bool
ics_time_unix(struct icaltimetype t, int64_t *out)
{
    if (icaltime_is_null_time(t) || !valid(t))
        return false;
    if (!t.is_date && icaltime_is_utc(t)) {
        *out = civil_seconds(t);
        return true;
    }
    if (!t.is_date && t.zone) {
        struct icaltimetype u =
            icaltime_convert_to_zone(t, icaltimezone_get_utc_timezone());
        if (!valid(u))
            return false;
        *out = civil_seconds(u);
        return true;
    }
    /* Floating times and dates: what a calendar on this machine shows,
     * so the local zone (TZ); mktime settles daylight saving itself. */
    struct tm tm = {.tm_year = t.year - 1900,
                    .tm_mon = t.month - 1,
                    .tm_mday = t.day,
                    .tm_isdst = -1};
    if (!t.is_date) {
        tm.tm_hour = t.hour;
        tm.tm_min = t.minute;
        tm.tm_sec = t.second;
    }
    time_t s = mktime(&tm);
    if (s == (time_t)-1 &&
        !(tm.tm_year == 69 && tm.tm_mon == 11 && tm.tm_mday == 31))
        return false;
    *out = (int64_t)s;
    return true;
}

void
ics_time_key(struct icaltimetype t, int64_t unix_time, char *buf, size_t size)
{
    if (t.is_date)
        snprintf(buf, size, "%04d-%02d-%02d", t.year, t.month, t.day);
    else if (!t.zone)
        snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d", t.year, t.month,
                 t.day, t.hour, t.minute, t.second);
    else
        rp_time_iso(unix_time, buf, size);
}

/*
 * Whether name may be handed to libical's system zone lookup.  For a name
 * it does not list, libical opens /usr/share/zoneinfo/NAME, so a TZID
 * such as "../../../etc/passwd" would open any file (and a FIFO would
 * block the import); only plain Olson names ("Europe/London",
 * "America/Argentina/Buenos_Aires", "Etc/GMT+5") pass.
 */
static bool
safe_zone_name(const char *name, size_t n)
{
    if (n == 0 || n > 64 || name[0] == '/' || name[0] == '.')
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                  (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '+' ||
                  c == '/';
        if (!ok || (c == '/' && name[i + 1] == '.'))
            return false;
    }
    return true;
}

static icaltimezone *
system_zone(const char *name)
{
    char buf[65];
    size_t n = strlen(name);
    if (!safe_zone_name(name, n))
        return NULL;
    memcpy(buf, name, n + 1);
    return icaltimezone_get_builtin_timezone(buf);
}

/* An Olson name inside a longer TZID: "/mozilla.org/20050126_1/Europe/
 * Berlin" or "/freeassociation.sourceforge.net/Tzfile/America/New_York"
 * name the zone at their end. */
static icaltimezone *
buried_zone(const char *tzid)
{
    static const char *const areas[] = {"Africa/",    "America/", "Antarctica/",
                                        "Arctic/",    "Asia/",    "Atlantic/",
                                        "Australia/", "Europe/",  "Indian/",
                                        "Pacific/",   "Etc/"};
    for (size_t i = 0; i < sizeof areas / sizeof *areas; i++) {
        const char *p = strstr(tzid, areas[i]);
        if (p && p != tzid) {
            icaltimezone *z = system_zone(p);
            if (z)
                return z;
        }
    }
    return NULL;
}

/* The zone a TZID names: a VTIMEZONE of comp's calendar, else a system
 * zone; NULL when none is known (the time is then read as floating). */
static icaltimezone *
zone_for(icalproperty *p, icalcomponent *comp)
{
    icalparameter *par =
        icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
    const char *tzid = par ? icalparameter_get_tzid(par) : NULL;
    if (!tzid || !*tzid)
        return NULL;
    for (icalcomponent *c = comp; c; c = icalcomponent_get_parent(c)) {
        icaltimezone *z = icalcomponent_get_timezone(c, tzid);
        if (z)
            return z;
    }
    icaltimezone *z = system_zone(tzid);
    return z ? z : buried_zone(tzid);
}

struct icaltimetype
ics_prop_time(icalproperty *p, icalcomponent *comp)
{
    struct icaltimetype t = icaltime_null_time();
    switch (icalproperty_isa(p)) {
    case ICAL_DTSTART_PROPERTY:
        t = icalproperty_get_dtstart(p);
        break;
    case ICAL_RECURRENCEID_PROPERTY:
        t = icalproperty_get_recurrenceid(p);
        break;
    case ICAL_EXDATE_PROPERTY:
        t = icalproperty_get_exdate(p);
        break;
    case ICAL_RDATE_PROPERTY: {
        struct icaldatetimeperiodtype d = icalproperty_get_rdate(p);
        t = icaltime_is_null_time(d.time) ? d.period.start : d.time;
        break;
    }
    default:
        return t;
    }
    if (icaltime_is_null_time(t) || t.is_date || icaltime_is_utc(t))
        return t;
    icaltimezone *z = zone_for(p, comp);
    t.zone = z; /* NULL: floating */
    return t;
}
