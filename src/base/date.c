/* date.c - time parsing and formatting; see date.h. */
#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static const char *const weekdays[] = {"sunday",    "monday",   "tuesday",
                                       "wednesday", "thursday", "friday",
                                       "saturday"};

int64_t
rp_days_from_civil(int64_t y, unsigned m, unsigned d)
{
    /* H. Hinnant, "chrono-Compatible Low-Level Date Algorithms". */
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static int
days_in_month(int y, int m)
{
    static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dim[m - 1];
}

/* Reads exactly n digits at *p into *v, advancing *p. */
static bool
digits(const char **p, int n, int *v)
{
    int x = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return false;
        x = x * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *v = x;
    return true;
}

/* Local wall time to Unix seconds, via mktime so TZ rules apply. */
static int64_t
local_to_epoch(int y, int mo, int d, int h, int mi, int s)
{
    struct tm tm = {0};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    tm.tm_isdst = -1;
    return (int64_t)mktime(&tm);
}

/* ISO 8601 date with optional time and offset; false if s is not one. */
static bool
parse_iso(const char *s, int64_t *out)
{
    const char *p = s;
    int y, mo, d, h = 0, mi = 0, sec = 0;
    if (!digits(&p, 4, &y) || *p++ != '-' || !digits(&p, 2, &mo) ||
        *p++ != '-' || !digits(&p, 2, &d))
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
        return false;
    bool has_time = false;
    if (*p == 'T' || *p == 't' || *p == ' ') {
        p++;
        if (!digits(&p, 2, &h) || *p++ != ':' || !digits(&p, 2, &mi))
            return false;
        if (*p == ':') {
            p++;
            if (!digits(&p, 2, &sec))
                return false;
            if (*p == '.' || *p == ',') { /* fractions are dropped */
                p++;
                while (isdigit((unsigned char)*p))
                    p++;
            }
        }
        if (h > 23 || mi > 59 || sec > 60)
            return false;
        has_time = true;
    }
    if (*p == 'Z' || *p == 'z') {
        p++;
        if (*p)
            return false;
        *out = rp_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
        return true;
    }
    if (*p == '+' || *p == '-') {
        int sign = *p == '-' ? -1 : 1, oh, om = 0;
        p++;
        if (!has_time || !digits(&p, 2, &oh))
            return false;
        if (*p == ':')
            p++;
        if (*p && !digits(&p, 2, &om))
            return false;
        if (*p)
            return false;
        *out = rp_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec -
               sign * (oh * 3600 + om * 60);
        return true;
    }
    if (*p)
        return false;
    *out = local_to_epoch(y, mo, d, h, mi, sec);
    return true;
}

/* Adds n days (or months) to t in local time, keeping the time of day. */
static int64_t
shift_local(int64_t t, int days, int months)
{
    time_t tt = (time_t)t;
    struct tm tm;
    localtime_r(&tt, &tm);
    tm.tm_mday += days;
    tm.tm_mon += months;
    tm.tm_isdst = -1;
    return (int64_t)mktime(&tm);
}

static int
weekday_index(const char *w)
{
    for (int i = 0; i < 7; i++)
        if (strcasecmp(w, weekdays[i]) == 0 ||
            (strlen(w) == 3 && strncasecmp(w, weekdays[i], 3) == 0))
            return i;
    return -1;
}

static int
local_wday(int64_t t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    localtime_r(&tt, &tm);
    return tm.tm_wday;
}

/* "N units" -> seconds or calendar months; false for an unknown unit. */
static bool
unit_amount(const char *unit, long n, long *days, long *months, long *secs)
{
    size_t len = strlen(unit);
    if (len > 1 && unit[len - 1] == 's')
        len--;
    *days = *months = *secs = 0;
    if (!strncasecmp(unit, "minute", len) && len >= 3)
        *secs = n * 60;
    else if (!strncasecmp(unit, "hour", len) && len >= 1)
        *secs = n * 3600;
    else if (!strncasecmp(unit, "day", len) && len >= 1)
        *days = n;
    else if (!strncasecmp(unit, "week", len) && len >= 1)
        *days = n * 7;
    else if (!strncasecmp(unit, "month", len) && len >= 2)
        *months = n;
    else if (!strncasecmp(unit, "year", len) && len >= 1)
        *months = n * 12;
    else
        return false;
    return true;
}

rp_code
rp_time_parse(const char *s, int64_t now, int64_t *out, rp_err *err)
{
    char w[4][32];
    char tail[8];
    int nw;
    long n, days, months, secs;

    if (!s || !*s)
        return rp_fail(err, RP_EINVAL, "empty date");
    if (parse_iso(s, out))
        return RP_OK;
    nw = sscanf(s, "%31s %31s %31s %31s %7s", w[0], w[1], w[2], w[3], tail);
    if (nw == 1) {
        if (!strcasecmp(w[0], "now") || !strcasecmp(w[0], "today")) {
            *out = now;
            return RP_OK;
        }
        if (!strcasecmp(w[0], "yesterday")) {
            *out = shift_local(now, -1, 0);
            return RP_OK;
        }
        if (!strcasecmp(w[0], "tomorrow")) {
            *out = shift_local(now, 1, 0);
            return RP_OK;
        }
        int wd = weekday_index(w[0]);
        if (wd >= 0) {
            *out = shift_local(now, (wd - local_wday(now) + 7) % 7, 0);
            return RP_OK;
        }
    } else if (nw == 2) {
        int wd = weekday_index(w[1]);
        bool next = !strcasecmp(w[0], "next"), last = !strcasecmp(w[0], "last"),
             this = !strcasecmp(w[0], "this");
        if (wd >= 0 && (next || last || this)) {
            int cur = local_wday(now);
            int delta;
            if (next) /* the coming one, never today */
                delta = (wd - cur + 7) % 7 ? (wd - cur + 7) % 7 : 7;
            else if (last)
                delta = -((cur - wd + 7) % 7 ? (cur - wd + 7) % 7 : 7);
            else
                delta = (wd - cur + 7) % 7;
            *out = shift_local(now, delta, 0);
            return RP_OK;
        }
        if ((next || last) &&
            unit_amount(w[1], next ? 1 : -1, &days, &months, &secs) && !secs) {
            *out = shift_local(now, (int)days, (int)months);
            return RP_OK;
        }
    } else if (nw == 3) {
        char *end;
        if (!strcasecmp(w[2], "ago")) {
            n = strtol(w[0], &end, 10);
            if (*end == '\0' && n >= 0 && n < 100000 &&
                unit_amount(w[1], n, &days, &months, &secs)) {
                *out = shift_local(now, (int)-days, (int)-months) - secs;
                return RP_OK;
            }
        }
        if (!strcasecmp(w[0], "in")) {
            n = strtol(w[1], &end, 10);
            if (*end == '\0' && n >= 0 && n < 100000 &&
                unit_amount(w[2], n, &days, &months, &secs)) {
                *out = shift_local(now, (int)days, (int)months) + secs;
                return RP_OK;
            }
        }
    }
    return rp_fail(err, RP_EINVAL,
                   "cannot read date '%s': expected ISO 8601 (2026-06-15, "
                   "2026-06-15T14:00), 'today', 'yesterday', '3 days ago', "
                   "'in 2 weeks' or 'next friday'",
                   s);
}

rp_code
rp_time_parse_iso(const char *s, int64_t *out, rp_err *err)
{
    if (s && parse_iso(s, out))
        return RP_OK;
    return rp_fail(err, RP_EINVAL,
                   "cannot read time '%s': expected ISO 8601 such as "
                   "2026-06-15T12:00:00Z",
                   s ? s : "");
}

void
rp_time_iso(int64_t t, char *buf, size_t size)
{
    /* Civil from days, the inverse of rp_days_from_civil (Hinnant). */
    int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    int64_t rem = t - days * 86400;
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = (int64_t)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    snprintf(buf, size, "%04lld-%02u-%02uT%02d:%02d:%02dZ", (long long)y, m, d,
             (int)(rem / 3600), (int)(rem / 60 % 60), (int)(rem % 60));
}

rp_code
rp_calendar_date(const char *s, char *buf, size_t size, rp_err *err)
{
    const char *p = s;
    int y = 2000, m, d; /* a leap year, so --02-29 is accepted */
    bool has_year = false;
    if (!s)
        goto bad;
    if (p[0] == '-' && p[1] == '-')
        p += 2;
    else if (strlen(p) == 10) {
        if (!digits(&p, 4, &y) || *p++ != '-')
            goto bad;
        has_year = true;
    }
    if (!digits(&p, 2, &m) || *p++ != '-' || !digits(&p, 2, &d) || *p)
        goto bad;
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        goto bad;
    if (has_year)
        snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
    else
        snprintf(buf, size, "--%02d-%02d", m, d);
    return RP_OK;
bad:
    return rp_fail(err, RP_EINVAL,
                   "cannot read date '%s': expected YYYY-MM-DD, or --MM-DD "
                   "when the year is unknown",
                   s ? s : "");
}

int
rp_days_until_anniversary(const char *date, int64_t now)
{
    char canon[16];
    if (rp_calendar_date(date, canon, sizeof canon, NULL) != RP_OK)
        return -1;
    /* "1985-04-12" or "--04-12": month and day are the last five. */
    size_t L = strlen(canon);
    int m = atoi(canon + L - 5), d = atoi(canon + L - 2);
    time_t tt = (time_t)now;
    struct tm tm;
    localtime_r(&tt, &tm);
    int y = tm.tm_year + 1900;
    int64_t today = rp_days_from_civil(y, tm.tm_mon + 1, tm.tm_mday);
    for (int k = 0; k < 2; k++) {
        int yy = y + k, mm = m, dd = d;
        if (mm == 2 && dd == 29 && days_in_month(yy, 2) == 28) {
            mm = 3;
            dd = 1;
        }
        int64_t day = rp_days_from_civil(yy, mm, dd);
        if (day >= today)
            return (int)(day - today);
    }
    return -1;
}
