/*
 * ics_impl.h - what the pieces of the iCalendar reader share; private to
 * src/ingest/ics*.c.
 *
 * The reader works in two passes.  ics_scan.c reads the text once,
 * unfolding lines, and notes where each VEVENT and VTIMEZONE block lies
 * (bytes and line number), its UID and whether it overrides one
 * occurrence (RECURRENCE-ID); nothing is handed to libical yet.  Then
 * ics.c parses one event at a time (ics_parse_block), placed inside a
 * VCALENDAR holding that calendar's time zones so its TZIDs resolve;
 * ics_event.c reads the fields and ics_recur.c the occurrences.
 */
#ifndef RP_INGEST_ICS_IMPL_H
#define RP_INGEST_ICS_IMPL_H

#include <libical/ical.h>
#include <stdbool.h>

#include "base/arena.h"
#include "base/buf.h"
#include "ingest/ics.h"

/* One BEGIN..END block of the text: an event or a time zone. */
typedef struct {
    size_t off, end; /* its bytes are [off, end) */
    long line;       /* the line of its BEGIN, from 1 */
    size_t cal;      /* which VCALENDAR of the file, from 0 */
    size_t index;    /* events only: 1 for the file's first event */
    const char *uid; /* in the scan's arena; NULL when it has none */
    bool override;   /* has a RECURRENCE-ID */
    bool closed;     /* its END line was found */
} ics_block;

/* What a VCALENDAR's METHOD says about its events (RFC 5546). */
typedef enum {
    ICS_PUBLISH, /* no METHOD, PUBLISH, REQUEST, ADD, COUNTER */
    ICS_CANCEL,  /* every event in it is cancelled; DTSTART optional */
    ICS_REPLY,   /* REPLY, REFRESH, DECLINECOUNTER: DTSTART optional */
} ics_method;

/* Where everything is; all of it lives in the arena. */
typedef struct {
    rp_arena *a;
    ics_block *events, *zones;
    size_t nevents, nzones, capevents, capzones;
    ics_method *method; /* per VCALENDAR */
    size_t ncals, capcals;
} ics_scan;

/*
 * Scans len bytes at data into *out (freed with ics_scan_release, also
 * after a failure).  RP_EINVAL, naming source, when the first line that
 * is not blank is not BEGIN:VCALENDAR; RP_ENOMEM.
 */
rp_code ics_scan_text(const char *data, size_t len, const char *source,
                      ics_scan *out, rp_err *err);
void ics_scan_release(ics_scan *s);

/* Walks the logical (unfolded) lines of a text, or of a part of one. */
typedef struct {
    const char *data;
    size_t pos, end;
    long line; /* of the next raw line */
} ics_lines;

/* The next logical line into buf (without its line break), its first
 * raw line's number in *line; false at the end or when out of memory
 * (then *oom is set). */
bool ics_lines_next(ics_lines *it, rp_buf *buf, long *line, bool *oom);

/* libical's component for the block [off, end) of data, or NULL when
 * nothing could be made of it.  The caller frees it. */
icalcomponent *ics_parse_block(const char *data, size_t off, size_t end);

/* What one import needs everywhere. */
typedef struct {
    const char *file;   /* for problems */
    const char *source; /* "ics:FILE", for records */
    int64_t from, to;
    ingest_event_fn *fn;
    void *ud;
    const ingest_hooks *hooks;
    rp_err *err;
} ics_ctx;

/* Reports one skipped event (or part of one) to hooks->problem. */
void ics_problem(const ics_ctx *c, const ics_block *b, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The Unix time of t: UTC and zoned times converted, floating times and
 * dates (at midnight) read in the local time zone.  False for a time
 * that does not exist (month 13, hour 25...). */
bool ics_time_unix(struct icaltimetype t, int64_t *out);

/* The occurrence key of t, as used after "UID/" in instance uids:
 * UTC for zoned times, the wall time or date for floating ones. */
void ics_time_key(struct icaltimetype t, int64_t unix_time, char *buf,
                  size_t size);

/* DTSTART and the like, with the TZID resolved through comp's calendar,
 * the system's zones, or an Olson name inside the TZID. */
struct icaltimetype ics_prop_time(icalproperty *p, icalcomponent *comp);

/* An event's own fields, read once for all its occurrences. */
typedef struct {
    const char *uid, *summary, *description;
    ingest_addr organizer;
    ingest_addr *attendees;
    size_t nattendees;
    bool cancelled;
    struct icaltimetype start;
    int64_t start_at;
} ics_fields;

/*
 * Reads ev's fields into *f (strings in a), for a calendar with method m
 * (ICS_CANCEL cancels it).  A malformed event is reported and *ok set to
 * false; so is an event without DTSTART, except in iTIP messages that
 * need none (then it is skipped quietly).  RP_ENOMEM only.
 */
rp_code ics_fields_read(const ics_ctx *c, const ics_block *b, icalcomponent *ev,
                        ics_method m, rp_arena *a, ics_fields *f, bool *ok);

/* Passes one occurrence to the caller's callback: uid is the record's
 * uid, at its start. */
rp_code ics_emit(const ics_ctx *c, const ics_fields *f, const char *uid,
                 int64_t at);

/*
 * Passes every occurrence of the recurring event ev (its fields m) that
 * starts within the window, except those whose occurrence key is one of
 * the nskip in skip (replaced by an override; NULL entries are ignored).
 * uids are built in a.  Problems (a rule libical cannot expand, the caps
 * of ics.h) are reported.  RP_OK, RP_ENOMEM or the callback's code.
 */
rp_code ics_recur_emit(const ics_ctx *c, const ics_block *b, icalcomponent *ev,
                       const ics_fields *m, const char *const *skip,
                       size_t nskip, rp_arena *a);

#endif
