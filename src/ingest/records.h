/*
 * records.h - what the importers in src/ingest produce, whatever the
 * format: contacts (vCard, CSV), mail messages (mbox, Maildir, .eml) and
 * calendar events (.ics).  core/intake.h turns them into the book.
 *
 * Ownership: a record handed to a callback, and every string in it, is
 * valid only until the callback returns; a callback that keeps anything
 * copies it.  Strings are UTF-8; NULL means unknown.
 *
 * Every parser takes the same hooks: problem() for a record that had to
 * be skipped (with the file and a position: a line number for text
 * formats, a byte offset into an mbox, 0 for a whole file) and progress()
 * with bytes done and total, both optional.  A callback returning non-OK
 * stops the parse, which returns that code.
 */
#ifndef RP_INGEST_RECORDS_H
#define RP_INGEST_RECORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/rp.h"

typedef struct {
    const char *name;  /* display name, RFC 2047 decoded; may be NULL */
    const char *email; /* as found; intake normalises it */
} ingest_addr;

typedef struct {
    const char *name;
    const char **emails;
    size_t nemails;
    const char **phones; /* as written */
    size_t nphones;
    const char *org, *title;
    const char *birthday; /* "YYYY-MM-DD" or "--MM-DD" */
    const char *notes, *how_met;
    const char **tags;
    size_t ntags;
} ingest_contact;

typedef struct {
    const char *message_id; /* without angle brackets */
    const char *thread;     /* first References id, else In-Reply-To, else
                               message_id */
    const char *subject;
    const char *body; /* plain text (from HTML when no text part) */
    int64_t date;     /* Unix seconds, UTC */
    ingest_addr from;
    const ingest_addr *to;
    size_t nto;
    const ingest_addr *cc;
    size_t ncc;
    bool automated;     /* List-Id, Precedence bulk/list/junk,
                           Auto-Submitted, no-reply senders */
    const char *source; /* "mbox:FILE", "maildir:FILE", "eml:FILE" */
} ingest_message;

typedef struct {
    const char *uid; /* unique per instance: UID, plus the start for
                        instances of a recurring event */
    const char *summary, *description;
    int64_t start; /* Unix seconds, UTC */
    ingest_addr organizer;
    const ingest_addr *attendees;
    size_t nattendees;
    bool cancelled;
    const char *source;
} ingest_event;

typedef rp_code ingest_contact_fn(void *ud, const ingest_contact *c);
typedef rp_code ingest_message_fn(void *ud, const ingest_message *m);
typedef rp_code ingest_event_fn(void *ud, const ingest_event *e);

typedef struct {
    void (*problem)(void *ud, const char *file, long pos, const char *why);
    void (*progress)(void *ud, uint64_t done, uint64_t total);
    void *ud;
} ingest_hooks;

#endif
