/*
 * intake.h - bringing outside records into the book: contacts, mail
 * messages and calendar events, whatever format they were parsed from.
 *
 * The parsers in src/ingest fill these plain records; intake decides what
 * each one means for the book: which person an address belongs to (one
 * person per human: an email address already known is never a second
 * person), which way a message went (relative to the user's own
 * addresses), and whether it is already there (Message-ID or event UID,
 * so importing the same sources again adds nothing).  Never prints.
 *
 * An intake runs inside one store transaction opened by the caller (and
 * committed in batches for large imports); records passed in are only
 * read.  Strings may be NULL when unknown.
 */
#ifndef RP_INTAKE_H
#define RP_INTAKE_H

#include "ingest/records.h"
#include "store/store.h"

typedef ingest_addr intake_addr;
typedef ingest_contact intake_contact;
typedef ingest_message intake_message;
typedef ingest_event intake_event;

typedef struct {
    long people_created, people_matched, people_updated;
    long interactions_added, interactions_present;
    long skipped;    /* records with nothing to keep (no address, cancelled) */
    long without_me; /* interactions added before the user was set up: all
                        counted as incoming */
} intake_stats;

/* The user's own addresses, read once per import. */
typedef struct intake intake;

/* Prepares an intake for st; RP_OK even when the user is not set up (then
 * every message counts as incoming).  Free with intake_free(). */
rp_code intake_new(store *st, intake **out, rp_err *err);
void intake_free(intake *in);
const intake_stats *intake_stats_get(const intake *in);

/*
 * The default country code for phones written nationally ("020 7946
 * 0000"): the user's own phone's when it is written internationally,
 * else region ("44", "+1"; ignored when it is not 1 to 3 digits), else
 * none, and national numbers then match on their national digits.
 */
void intake_set_region(intake *in, const char *region);
/* The default country code in use, "" for none. */
const char *intake_region(const intake *in);

/*
 * Adds or updates the person a contact describes.  Matched by any email
 * (case-insensitive), then by phone number (E.164, see base/phone.h);
 * one with neither is matched only by the same name, organisation and
 * notes together (so a re-import adds nobody); a match
 * gains the contact's new emails, phones, tags and the empty fields it can
 * fill; no match is a new person.  Its organisation is found by name or
 * created.
 */
rp_code intake_contact_add(intake *in, const intake_contact *c, rp_err *err);

/*
 * Adds a message as an email interaction with everyone on it but the
 * user, creating people for unknown addresses.  From the user: "out";
 * otherwise "in".  A message already present (same Message-ID) is counted
 * and left alone.  Tone is scored from the body.
 */
rp_code intake_message_add(intake *in, const intake_message *m, rp_err *err);

/* Adds an event as a meeting with its organizer and attendees but the
 * user; cancelled events and events with nobody else are skipped. */
rp_code intake_event_add(intake *in, const intake_event *e, rp_err *err);

#endif
