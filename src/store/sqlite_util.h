/*
 * sqlite_util.h - helpers private to the SQLite backend: a statement cache,
 * binding of optional values, and turning SQLite errors into rp_codes.
 * Only src/store/sqlite_*.c and store_sqlite.c include this.
 */
#ifndef RP_SQLITE_UTIL_H
#define RP_SQLITE_UTIL_H

#include <sqlite3.h>

#include "base/buf.h"
#include "store/store.h"

enum { SQ_MAX_STMTS = 128, SQ_LINK_ROWS = 128, SQ_PENDING_ROWS = 64 };

/* An interaction held for writing with others (sqlite_pending.c); its
 * texts are offsets into the store's pending_text, -1 for none. */
struct sq_pending_row {
    int64_t id, at, created_at;
    int automated;
    bool has_sentiment;
    double sentiment;
    long kind, dir, summary, body, source, thread;
};

/* The page cache of a bulk load, in KiB (SQLite's negative cache_size),
 * into a book with history and into an empty one (see sq_bulk_begin). */
#define SQ_BULK_CACHE_KIB "40960"
#define SQ_EMPTY_CACHE_KIB "8192"
#define SQ_BULK_CACHE "PRAGMA cache_size = -" SQ_BULK_CACHE_KIB
#define SQ_EMPTY_CACHE "PRAGMA cache_size = -" SQ_EMPTY_CACHE_KIB

/* The link table's secondary index as sql/005_link_rowid.sql creates it;
 * a load into an empty book drops it and builds it again with this. */
#define SQ_LINK_INDEX                                                          \
    "CREATE INDEX IF NOT EXISTS interaction_person_at "                        \
    "ON interaction_person(person_id, at);"

typedef struct sq_store {
    struct store base;
    sqlite3 *db;
    sqlite3_stmt *cache[SQ_MAX_STMTS];
    const char *cache_sql[SQ_MAX_STMTS];
    int ncache;
    bool in_tx;
    bool bulk;
    bool bulk_was_empty;    /* no interactions when the bulk load began */
    const char *bulk_cache; /* the cache settings in force, if a bulk's */
    bool fk_off;            /* foreign keys off for a load into an empty book */
    bool bulk_seen;         /* a bulk load has begun on this connection */
    sqlite3_int64 tx_changes; /* total changes when the transaction began */
    struct sq_fold *fold; /* a bulk load's contact figures (sqlite_fold.c) */
    size_t fold_cap, fold_n;
    int64_t
        links[SQ_LINK_ROWS * 3]; /* links not yet written (sqlite_links.c) */
    size_t nlinks;
    struct sq_pending_row pending[SQ_PENDING_ROWS]; /* sqlite_pending.c */
    size_t npending;
    rp_buf pending_text;
    int64_t load_max_id; /* highest interaction id of the load so far */
    bool needs_upgrade;  /* opened read-only, but the schema is older */
    bool readonly;
    char *path;
} sq_store;

/* A cached prepared statement for sql (a string literal: compared by
 * address first), reset and with bindings cleared; NULL on failure with
 * err set. */
sqlite3_stmt *sq_prep(sq_store *s, const char *sql, rp_err *err);
/* Resets every cached statement, so that a schema change (DROP or CREATE
 * INDEX during a bulk load) finds no statement still reading. */
void sq_reset_all(sq_store *s);

/* Sets err from the connection's last error; returns the matching code
 * (SQLITE_CONSTRAINT -> RP_ECONFLICT, SQLITE_NOMEM -> RP_ENOMEM, else
 * RP_ESTORE). */
rp_code sq_fail(sq_store *s, rp_err *err, const char *what);

rp_code sq_exec(sq_store *s, const char *sql, rp_err *err);

void sq_bind_text(sqlite3_stmt *q, int i, const char *v);
void sq_bind_id(sqlite3_stmt *q, int i, int64_t v); /* 0 binds NULL */
/* Column as an arena string, NULL for SQL NULL. */
const char *sq_text(rp_arena *a, sqlite3_stmt *q, int i);

/* Makes one write operation atomic: starts a write transaction, or a
 * savepoint inside the one already open, so a write that fails half-way
 * never leaves half its rows behind inside a larger transaction.  *scope
 * records which; sq_tx_end() commits or releases it when rc is RP_OK, else
 * rolls it back, and returns the final code. */
rp_code sq_tx_begin(sq_store *s, int *scope, rp_err *err);
rp_code sq_tx_end(sq_store *s, int scope, rp_code rc, rp_err *err);
/* Turns foreign keys back on once the transaction of a load into an empty
 * book has ended (see sq_bulk_begin). */
void sq_fk_restore(sq_store *s);

#endif
