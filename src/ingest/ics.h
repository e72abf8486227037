/*
 * ics.h - iCalendar (.ics) files into ingest_event records (records.h),
 * built on libical.
 *
 * Each VEVENT becomes one record per occurrence: its UID, SUMMARY,
 * DESCRIPTION, start in UTC, ORGANIZER and ATTENDEEs (the address without
 * "mailto:", CN as the name; rooms and resources (CUTYPE) and attendees
 * who declined (PARTSTAT) are left out), and whether it is cancelled
 * (STATUS:CANCELLED, or a calendar with METHOD:CANCEL).  A file may hold
 * several VCALENDARs, or a bare VEVENT; VTODOs, VJOURNALs and the like
 * are read past.
 *
 * Times: DTSTART with a TZID uses the file's VTIMEZONE of that name, else
 * the system's zone of that name (an Olson name, also when it is buried
 * in a longer TZID such as "/mozilla.org/.../Europe/Berlin"); a UTC time
 * is taken as is.  Floating times (no zone), TZIDs that name no known
 * zone, and all-day dates (at midnight) are read in the machine's local
 * time zone (TZ), as a calendar application on that machine would show
 * them.
 *
 * Recurring events (RRULE, RDATE, with EXDATE removing occurrences and
 * RECURRENCE-ID overrides replacing theirs) give one record per
 * occurrence starting within [from, to] only, each with the uid
 * "UID/START" (START in UTC as "YYYY-MM-DDTHH:MM:SSZ", or the wall time
 * "YYYY-MM-DDTHH:MM:SS" or date "YYYY-MM-DD" for floating and all-day
 * events), so that importing again finds the same uids.  A single event
 * keeps its UID and is imported whatever its date.  At most
 * ICS_MAX_INSTANCES occurrences of one event are produced, and at most
 * ICS_MAX_STEPS steps taken through its rules; hitting either is reported
 * to hooks->problem.  EXRULE is ignored, and RANGE=THISANDFUTURE
 * overrides replace one occurrence only.
 *
 * A malformed event (no usable DTSTART, an unreadable RRULE, RDATE,
 * EXDATE, ATTENDEE, ORGANIZER and the like, or no END:VEVENT) is reported
 * through hooks->problem with the file, the line of its BEGIN:VEVENT and
 * its index and UID in the file ("event 3 (UID x)"), and skipped; the
 * rest imports.  Problems with properties rapport does not use (LOCATION,
 * GEO, ...) are ignored, and so is a missing DTSTART in an iTIP REPLY or
 * CANCEL, which RFC 5546 allows.
 * Progress is reported in bytes of input after each event.
 *
 * Memory: the file is read whole, but parsed one event at a time (with
 * its overrides and the calendar's time zones), so libical never holds
 * more than one event's components.
 */
#ifndef RP_INGEST_ICS_H
#define RP_INGEST_ICS_H

#include <stddef.h>
#include <stdint.h>

#include "ingest/records.h"

#define ICS_MAX_INSTANCES 1000 /* occurrences of one event per import */
#define ICS_MAX_STEPS 200000   /* steps through one event's rules */

/*
 * Reads the calendar file at path and passes each event occurrence to fn.
 * from and to bound recurring events (Unix seconds, inclusive); both 0
 * means from a year ago to 90 days ahead of the current time.  hooks may
 * be NULL.  Returns RP_OK (even when events were skipped), RP_EIO when
 * path cannot be read, RP_EINVAL when it is not an iCalendar file (empty,
 * or its first line does not open VCALENDAR or another iCalendar
 * component), RP_ENOMEM, or the first non-OK code fn returned (reading
 * then stops).
 */
rp_code ingest_ics_file(const char *path, int64_t from, int64_t to,
                        ingest_event_fn *fn, void *ud,
                        const ingest_hooks *hooks, rp_err *err);

/*
 * The same for len bytes at data (no terminating NUL needed), named
 * source in problems and err, and "ics:SOURCE" in each record.
 */
rp_code ingest_ics_buffer(const char *data, size_t len, const char *source,
                          int64_t from, int64_t to, ingest_event_fn *fn,
                          void *ud, const ingest_hooks *hooks, rp_err *err);

#endif
