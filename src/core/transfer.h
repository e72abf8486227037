/*
 * transfer.h - the whole book as JSON Lines (docs/jsonl.md), out and in.
 *
 * Export walks every record in dependency order.  Import runs in one
 * transaction with the store's bulk mode: any bad line aborts it and the
 * database is left exactly as it was.  Ids are kept; a record whose id is
 * already held by the same record (same name, or same time and kind) is
 * skipped, so importing a file twice adds nothing.  Neither function
 * prints; the caller supplies the output and an optional progress hook.
 */
#ifndef RP_TRANSFER_H
#define RP_TRANSFER_H

#include <stdio.h>

#include "store/store.h"

/* Receives one line of output (without the newline). */
typedef rp_code transfer_write_fn(void *ud, const char *line, size_t len);

/* Writes every record through fn; returns the first non-OK code. */
rp_code transfer_export(store *st, transfer_write_fn *fn, void *ud,
                        rp_err *err);

typedef struct {
    long lines;
    long added;
    long skipped; /* already present */
    long people, orgs, interactions, ledger, commitments, deals, offerings;
} transfer_stats;

/* Called every few thousand lines with the lines and bytes read so far. */
typedef void transfer_progress_fn(void *ud, long lines, long bytes);

/*
 * Reads JSON Lines from in (named name in messages).  RP_EINVAL for a
 * malformed line, with "NAME:LINE: ..." in the message naming the field
 * and what was expected; RP_ECONFLICT when an id or email is held by a
 * different record; RP_ENOTFOUND for a reference to a record not yet seen
 * nor in the database.  On any failure nothing is written.
 */
rp_code transfer_import(store *st, FILE *in, const char *name,
                        transfer_progress_fn *progress, void *ud,
                        transfer_stats *out, rp_err *err);

#endif
