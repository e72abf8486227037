/*
 * csvbook_impl.h - the parts of the CSV reader (csvbook.h) shared by its
 * files: what each column means, and a row into a contact.  Private to
 * src/ingest/csvbook*.c.
 */
#ifndef RP_INGEST_CSVBOOK_IMPL_H
#define RP_INGEST_CSVBOOK_IMPL_H

#include <stdbool.h>

#include "base/arena.h"
#include "ingest/records.h"

/* What a column can hold.  The user-facing ones are named in a map. */
typedef enum {
    CF_NAME,
    CF_FIRST,
    CF_MIDDLE,
    CF_LAST,
    CF_EMAIL,
    CF_PHONE,
    CF_ORG,
    CF_TITLE,
    CF_BIRTHDAY,
    CF_NOTES,
    CF_TAGS,
    CF_HOW_MET,
    CF_URL,       /* LinkedIn: the profile, kept as a note */
    CF_CONNECTED, /* LinkedIn: the date, kept as how_met */
    CF_COUNT
} csvbook_field;

typedef struct {
    const char **v; /* UTF-8, never NULL */
    size_t n;
} csvbook_row;

/* The columns of each field, in the order they count (email 1 first). */
typedef struct {
    const char *kind; /* "LinkedIn", "Google Contacts", "--map" */
    size_t *cols[CF_COUNT];
    size_t ncols[CF_COUNT];
} csvbook_map;

/* A user's map taken apart: field and column name pairs. */
typedef struct {
    csvbook_field *field;
    const char **column;
    size_t n;
} csvbook_spec;

/* The index of the column named name (without case, trimmed), or -1. */
long csvbook_column(const csvbook_row *hdr, const char *name);

/* Adds column col to field f of m; false when out of memory. */
bool csvbook_add_col(rp_arena *a, csvbook_map *m, csvbook_field f, size_t col);

/* Parses "field=Column,..."; RP_EINVAL naming the bad part. */
rp_code csvbook_spec_parse(rp_arena *a, const char *text, csvbook_spec *out,
                           rp_err *err);

/* Fills m when hdr is a LinkedIn, Google Contacts or Outlook header. */
bool csvbook_recognise(rp_arena *a, const csvbook_row *hdr, csvbook_map *m);

/* True when hdr has every column spec names. */
bool csvbook_spec_fits(const csvbook_spec *spec, const csvbook_row *hdr);

/* Fills m from spec for hdr; RP_EINVAL naming a column hdr lacks. */
rp_code csvbook_spec_bind(rp_arena *a, const csvbook_spec *spec,
                          const csvbook_row *hdr, csvbook_map *m,
                          const char *source, rp_err *err);

/* The contact in row, its strings in a.  RP_ENOMEM. */
rp_code csvbook_contact(rp_arena *a, const csvbook_map *m,
                        const csvbook_row *row, ingest_contact *out);

/* "A, B, C" from the header, in a (shortened when very long). */
const char *csvbook_columns(rp_arena *a, const csvbook_row *hdr);

#endif
