/*
 * date.h - parsing and formatting of times and calendar dates.
 *
 * Times are int64_t Unix seconds.  Pure functions: the clock is always a
 * parameter (`now`), never read here, so tests can fix it.  Phrases that
 * name a day ("today", "3 days ago", "next friday") keep now's time of day;
 * an explicit date without a time means midnight.  Dates and times without
 * an offset are read in the local time zone (TZ).
 */
#ifndef RP_DATE_H
#define RP_DATE_H

#include "rp.h"

/*
 * Parses s into *out.  Accepts ISO 8601 ("2026-06-15", "2026-06-15 14:03",
 * "2026-06-15T14:03:00Z", "...+02:00"), "now", "today", "yesterday",
 * "tomorrow", "N minutes|hours|days|weeks|months|years ago", "in N days"
 * (any unit), "next|last|this WEEKDAY", a bare weekday (the next one, or
 * today), "next week|month", "last week|month".  Case-insensitive.
 * Returns RP_OK or RP_EINVAL with a message quoting s.
 */
rp_code rp_time_parse(const char *s, int64_t now, int64_t *out, rp_err *err);

/*
 * Parses exactly "YYYY-MM-DDTHH:MM:SSZ" (what export writes), or falls back
 * to rp_time_parse's ISO forms.  Fast path for imports.
 */
rp_code rp_time_parse_iso(const char *s, int64_t *out, rp_err *err);

/* Writes t as "YYYY-MM-DDTHH:MM:SSZ" (UTC) into buf (>= 21 bytes). */
void rp_time_iso(int64_t t, char *buf, size_t size);

/*
 * Validates a calendar date: "YYYY-MM-DD", "--MM-DD" or "MM-DD" (no
 * year); writes the canonical form ("1985-04-12" or "--04-12") into buf
 * (>= 11 bytes).  RP_EINVAL when the month or day does not exist.
 */
rp_code rp_calendar_date(const char *s, char *buf, size_t size, rp_err *err);

/*
 * Days from now's local date until the next occurrence of a calendar date's
 * month and day (0 = today, up to 365); -1 when date is malformed.  Feb 29
 * falls on Mar 1 in years without one.
 */
int rp_days_until_anniversary(const char *date, int64_t now);

/* Days since 1970-01-01 for a proleptic Gregorian y-m-d (Hinnant's
 * days_from_civil algorithm). */
int64_t rp_days_from_civil(int64_t y, unsigned m, unsigned d);

#endif
