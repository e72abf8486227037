/*
 * import.h - `rapport import` for every format: detects what a path holds,
 * runs its parser, and files each record with intake (or, for rapport's
 * own JSON Lines, with transfer).
 *
 * Imports commit in batches, so a large mailbox needs no giant
 * transaction and an import killed half-way keeps what it committed; a
 * second run skips what is already there (Message-IDs, event UIDs, known
 * email addresses) and completes the rest.  Never prints: problems and
 * progress go through the hooks.
 */
#ifndef RP_IMPORT_H
#define RP_IMPORT_H

#include "core/intake.h"
#include "ingest/records.h"
#include "store/store.h"

typedef enum {
    IMPORT_AUTO,
    IMPORT_JSONL,
    IMPORT_VCARD,
    IMPORT_CSV,
    IMPORT_MAIL,
    IMPORT_ICS,
} import_format;

/* "jsonl", "vcard", "csv", "mail", "ics"; "auto" for IMPORT_AUTO. */
const char *import_format_name(import_format f);
/* RP_EINVAL for an unknown name, listing the known ones. */
rp_code import_format_parse(const char *name, import_format *out, rp_err *err);
/* What a path holds, from its name and first bytes; RP_EINVAL with a
 * message suggesting --format when it cannot tell, RP_EIO when it cannot
 * be read. */
rp_code import_detect(const char *path, import_format *out, rp_err *err);

/* How to write a CSV column map (--map), for help and error hints; NULL
 * in a build without the CSV reader. */
const char *import_map_help(void);

typedef struct {
    long records;  /* records read from the source */
    long problems; /* records skipped as malformed */
    intake_stats intake;
    long jsonl_added, jsonl_skipped;
} import_stats;

typedef struct {
    import_format format; /* IMPORT_AUTO to detect */
    const char *map;      /* CSV column map, or NULL */
    int64_t from, to;     /* window for recurring events */
    size_t batch;         /* records per transaction (0: 500) */
    const char *region;   /* default country code for phones, or NULL;
                             the user's own phone's wins */
} import_opts;

/*
 * Imports path into st, adding to *stats (which the caller zeroes once
 * for several paths).  RP_EINVAL when the format is not supported by this
 * build or the file is not that format; store failures abandon the
 * current batch only.
 */
rp_code import_path(store *st, const char *path, const import_opts *opts,
                    const ingest_hooks *hooks, import_stats *stats,
                    rp_err *err);

#endif
