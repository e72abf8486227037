/*
 * csvbook.h - address books in CSV into ingest_contact records
 * (records.h), through libcsv.
 *
 * Which columns mean what comes from the header row:
 *   - LinkedIn's Connections.csv ("First Name,Last Name,URL,Email
 *     Address,Company,Position,Connected On", after the "Notes:" lines
 *     LinkedIn puts first): the date connected becomes how_met
 *     ("LinkedIn, connected 2021-01-12") and the profile URL a note;
 *   - a Google Contacts export, the older header set ("Name", "Given
 *     Name", "Organization 1 - Name", "Group Membership", ...) or the
 *     2024 one ("First Name", "Organization Name", "Labels", ...): every
 *     "E-mail N - Value" and "Phone N - Value" (several values in one
 *     cell are separated by " ::: "), birthday, notes, and the labels as
 *     tags ("* myContacts" dropped, "* starred" kept as "starred");
 *   - an Outlook export (also Google's "Outlook CSV"): "E-mail Address",
 *     "E-mail 2 Address", ..., the mobile, business and home phones,
 *     company, job title, notes and categories; its birthdays are in the
 *     writer's locale, so only ISO dates are kept;
 *   - any other CSV, with a map naming its columns (see
 *     csvbook_map_syntax); a map also overrides the two above.
 *
 * Fields may be separated by ',', ';' or tabs (whichever the first line
 * holds most of).  A UTF-8 byte order mark, CRLF line ends and quoted
 * fields holding newlines are read; text that is not UTF-8 is taken as
 * Windows-1252.  A malformed row (bad quoting, a count of fields unlike the
 * header's) is reported to hooks->problem with its line and skipped.  The file
 * is streamed: memory holds one row at a time.
 */
#ifndef RP_INGEST_CSVBOOK_H
#define RP_INGEST_CSVBOOK_H

#include <stddef.h>

#include "ingest/records.h"

/*
 * Reads the contacts in path and passes each to fn.  map is NULL or a
 * column map ("name=Full Name,email=E-mail,...").  hooks may be NULL.
 * Returns RP_OK (also when rows were skipped), RP_EIO when path cannot be
 * read, RP_EINVAL for a map that does not parse or names a column the
 * header lacks, or a header that is not recognised without a map (the
 * message lists the columns found and the map syntax), RP_ENOMEM, or the
 * first non-OK code fn returned (reading then stops).
 */
rp_code ingest_csv_file(const char *path, const char *map,
                        ingest_contact_fn *fn, void *ud,
                        const ingest_hooks *hooks, rp_err *err);

/* The same over data[0..len); source names it in problems and errors. */
rp_code ingest_csv_buffer(const char *data, size_t len, const char *source,
                          const char *map, ingest_contact_fn *fn, void *ud,
                          const ingest_hooks *hooks, rp_err *err);

/* The map syntax, for help and error messages. */
extern const char csvbook_map_syntax[];

#endif
