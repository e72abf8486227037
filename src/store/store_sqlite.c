/*
 * store_sqlite.c - the SQLite backend: opening, migrations, transactions,
 * and the ops table.  The queries live in sqlite_people.c,
 * sqlite_activity.c and sqlite_ledger.c.
 */
#include "store/sqlite_ops.h"

#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

extern const char *const store_migrations[];
extern const int store_migration_count;

static void
sq_close(store *st)
{
    sq_store *s = (sq_store *)st;
    if (!s)
        return;
    for (int i = 0; i < s->ncache; i++)
        sqlite3_finalize(s->cache[i]);
    if (s->in_tx)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(s->db);
    sq_fold_free(s);
    rp_buf_release(&s->pending_text);
    rp_free(s->path);
    rp_free(s);
}

static rp_code
sq_begin(store *st, rp_err *err)
{
    sq_store *s = (sq_store *)st;
    if (s->in_tx)
        return rp_fail(err, RP_ESTORE, "a transaction is already open");
    int scope;
    return sq_tx_begin(s, &scope, err);
}

static rp_code
sq_commit(store *st, rp_err *err)
{
    sq_store *s = (sq_store *)st;
    if (!s->in_tx)
        return rp_fail(err, RP_ESTORE, "no transaction is open");
    if (s->bulk)
        return rp_fail(err, RP_ESTORE, "a bulk load is still open");
    return sq_tx_end(s, 1 /* the transaction itself */, RP_OK, err);
}

static void
sq_rollback(store *st)
{
    sq_store *s = (sq_store *)st;
    if (s->in_tx)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_tx = false;
    s->bulk = false;
    sq_fold_reset(s);
    sq_links_reset(s);
    sq_pending_reset(s);
    sq_fk_restore(s);
}

/* How many rows refer to a missing record (0 unless the book was edited
 * outside rapport, with foreign keys off); -1 when it cannot be read. */
static long
broken_references(sq_store *s)
{
    sqlite3_stmt *q = NULL;
    long n = -1;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT count(*) FROM pragma_foreign_key_check", -1,
                           &q, NULL) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW)
        n = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return n;
}

/* True when the book holds no interactions. */
static rp_code
book_empty(sq_store *s, bool *empty, rp_err *err)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT NOT EXISTS (SELECT 1 FROM "
                           "interaction)",
                           -1, &q, NULL) != SQLITE_OK ||
        sqlite3_step(q) != SQLITE_ROW) {
        sqlite3_finalize(q);
        return sq_fail(s, err, "cannot start a bulk load");
    }
    *empty = sqlite3_column_int(q, 0) != 0;
    sqlite3_finalize(q);
    return RP_OK;
}

static rp_code
sq_bulk_begin(store *st, rp_err *err)
{
    sq_store *s = (sq_store *)st;
    if (!s->in_tx)
        return rp_fail(err, RP_ESTORE, "a bulk load needs a transaction");
    rp_code rc = RP_OK;
    rc = sq_exec(s,
                 "CREATE TEMP TABLE IF NOT EXISTS bulk_ids("
                 "id INTEGER PRIMARY KEY); DELETE FROM temp.bulk_ids",
                 err);
    if (rc)
        return rc;
    if ((rc = book_empty(s, &s->bulk_was_empty, err)))
        return rc;
    /* Into an empty book, foreign keys are checked once at the end
     * (sq_bulk_check) instead of with every row: the per-row lookups
     * were a tenth of a large import.  SQLite turns them off only between
     * transactions, so a transaction that has written nothing yet is
     * begun again; the book is looked at again inside the new one.  A book
     * that already holds a broken reference (edited outside rapport) keeps
     * its keys on, or the check would blame that row on the import.  Both
     * checks read the whole book, so only the connection's first bulk
     * batch takes this way (a second source in one `rapport import` keeps
     * its keys on): a contacts import, whose batches all find no
     * interactions, checked the whole book again after each one (60,000
     * cards: 1.57 s before, 2.18 s with a check per batch). */
    if (s->bulk_was_empty && !s->fk_off && !s->bulk_seen &&
        sqlite3_total_changes64(s->db) == s->tx_changes &&
        broken_references(s) == 0) {
        if ((rc = sq_exec(s, "COMMIT", err)))
            return rc;
        s->in_tx = false;
        sqlite3_exec(s->db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
        s->fk_off = true;
        int scope;
        if ((rc = sq_tx_begin(s, &scope, err)) ||
            (rc = book_empty(s, &s->bulk_was_empty, err)))
            return rc;
    }
    /* A bulk load into a book with history is a run of long transactions
     * that each add to the link table's index by person at random places:
     * with SQLite's default 2 MB page cache every row spilled and re-read
     * it.  40 MB keeps the hot pages while staying inside the 64 MB peak
     * the benchmark allows; the setting stays for the rest of the
     * connection, since shrinking it between batches threw the hot pages
     * away.  Into an empty book every write appends, and the memory is
     * better left to the load's own bookkeeping (sqlite_fold.c). */
    const char *cache = s->bulk_was_empty ? SQ_EMPTY_CACHE : SQ_BULK_CACHE;
    if (s->bulk_cache != cache && (rc = sq_exec(s, cache, err)))
        return rc;
    s->bulk_cache = cache;
    /* Into an empty book the link table's index by person is built once,
     * sorted, at the end (sq_bulk_index) instead of row by row: the load
     * does not read it.  Inside the transaction, a failed load brings it
     * back with everything else. */
    if (s->bulk_was_empty)
        sq_reset_all(s);
    if (s->bulk_was_empty &&
        (rc = sq_exec(s, "DROP INDEX IF EXISTS interaction_person_at", err)))
        return rc;
    sq_fold_reset(s);
    sq_links_reset(s);
    sq_pending_reset(s);
    s->load_max_id = 0; /* the book has no interactions, or this is unused */
    s->bulk = true;
    s->bulk_seen = true;
    return RP_OK;
}

/* The foreign-key checks a load with foreign keys off skipped: the first
 * row that names a missing record fails the load.  The links, which are
 * most of the rows, are checked once per person through their index; an
 * interaction id in a link is always that of the row just written.  The
 * summaries are left out: a bad one follows from a bad record, which is
 * the one to name. */
static rp_code
sq_bulk_check(sq_store *s, rp_err *err)
{
    static const char links[] =
        "SELECT d.p, (SELECT min(interaction_id) FROM interaction_person "
        "WHERE person_id = d.p) FROM (SELECT DISTINCT person_id AS p "
        "FROM interaction_person) d "
        "WHERE NOT EXISTS (SELECT 1 FROM person WHERE id = d.p) "
        "ORDER BY 2 LIMIT 1";
    static const char others[] =
        "SELECT fk.\"table\", fk.rowid, fk.parent, fl.\"from\" "
        "FROM sqlite_schema t, pragma_foreign_key_check(t.name) fk "
        "JOIN pragma_foreign_key_list(fk.\"table\") fl ON fl.id = fk.fkid "
        "WHERE t.type = 'table' "
        "AND t.name NOT IN ('interaction_person', 'person_stats') LIMIT 1";
    sqlite3_stmt *q = NULL;
    rp_code rc = RP_OK;
    int r;
    if (sqlite3_prepare_v2(s->db, links, -1, &q, NULL) != SQLITE_OK)
        return sq_fail(s, err, "cannot check the imported records");
    if ((r = sqlite3_step(q)) == SQLITE_ROW)
        rc = rp_fail(err, RP_ENOTFOUND,
                     "interaction %lld: no person with id %lld",
                     (long long)sqlite3_column_int64(q, 1),
                     (long long)sqlite3_column_int64(q, 0));
    else if (r != SQLITE_DONE)
        rc = sq_fail(s, err, "cannot check the imported records");
    sqlite3_finalize(q);
    if (rc)
        return rc;
    if (sqlite3_prepare_v2(s->db, others, -1, &q, NULL) != SQLITE_OK)
        return sq_fail(s, err, "cannot check the imported records");
    if ((r = sqlite3_step(q)) == SQLITE_ROW)
        rc = rp_fail(err, RP_ENOTFOUND, "%s %lld: its %s names no %s",
                     (const char *)sqlite3_column_text(q, 0),
                     (long long)sqlite3_column_int64(q, 1),
                     (const char *)sqlite3_column_text(q, 3),
                     (const char *)sqlite3_column_text(q, 2));
    else if (r != SQLITE_DONE)
        rc = sq_fail(s, err, "cannot check the imported records");
    sqlite3_finalize(q);
    return rc;
}

static rp_code
sq_bulk_end(store *st, rp_err *err)
{
    sq_store *s = (sq_store *)st;
    if (!s->bulk)
        return RP_OK;
    s->bulk = false;
    rp_code rc = sq_bulk_index(s, err);
    if (!rc && s->fk_off)
        rc = sq_bulk_check(s, err);
    return rc;
}

static rp_code
sq_counts(store *st, rp_counts *c, rp_err *err)
{
    static const char sql[] =
        "SELECT (SELECT count(*) FROM person), (SELECT count(*) FROM org), "
        "(SELECT count(*) FROM interaction), (SELECT count(*) FROM ledger), "
        "(SELECT count(*) FROM commitment), (SELECT count(*) FROM deal), "
        "(SELECT count(*) FROM offering)";
    sq_store *s = (sq_store *)st;
    rp_code rc = sq_pending_flush(s, err);
    if (rc)
        return rc;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    if (sqlite3_step(q) != SQLITE_ROW)
        return sq_fail(s, err, "cannot count records");
    c->people = sqlite3_column_int64(q, 0);
    c->orgs = sqlite3_column_int64(q, 1);
    c->interactions = sqlite3_column_int64(q, 2);
    c->ledger = sqlite3_column_int64(q, 3);
    c->commitments = sqlite3_column_int64(q, 4);
    c->deals = sqlite3_column_int64(q, 5);
    c->offerings = sqlite3_column_int64(q, 6);
    return RP_OK;
}

static const struct store_ops sqlite_ops = {
    .name = "sqlite",
    .close = sq_close,
    .begin = sq_begin,
    .commit = sq_commit,
    .rollback = sq_rollback,
    .bulk_begin = sq_bulk_begin,
    .bulk_end = sq_bulk_end,
    .counts = sq_counts,
    .person_add = sq_person_add,
    .person_update = sq_person_update,
    .person_delete = sq_person_delete,
    .person_get = sq_person_get,
    .person_match = sq_person_match,
    .person_list = sq_person_list,
    .person_me = sq_person_me,
    .person_by_email = sq_person_by_email,
    .person_by_phone = sq_person_by_phone,
    .people_named = sq_people_named,
    .person_merge = sq_person_merge,
    .dates_all = sq_dates_all,
    .org_add = sq_org_add,
    .org_update = sq_org_update,
    .org_delete = sq_org_delete,
    .org_get = sq_org_get,
    .org_find = sq_org_find,
    .org_list = sq_org_list,
    .interaction_add = sq_interaction_add,
    .interaction_get = sq_interaction_get,
    .interaction_delete = sq_interaction_delete,
    .interaction_list = sq_interaction_list,
    .interaction_tone_list = sq_interaction_tone_list,
    .meetings_between = sq_meetings_between,
    .interaction_each = sq_interaction_each,
    .interaction_by_external = sq_interaction_by_external,
    .stats_each = sq_stats_each,
    .stats_get = sq_stats_get,
    .ledger_add = sq_ledger_add,
    .ledger_get = sq_ledger_get,
    .ledger_set_outcome = sq_ledger_set_outcome,
    .ledger_list = sq_ledger_list,
    .asks_pending = sq_asks_pending,
    .offering_add = sq_offering_add,
    .offering_update = sq_offering_update,
    .offering_find = sq_offering_find,
    .offering_get = sq_offering_get,
    .offering_list = sq_offering_list,
    .commitment_add = sq_commitment_add,
    .commitment_done = sq_commitment_done,
    .commitment_list = sq_commitment_list,
    .deal_add = sq_deal_add,
    .deal_update = sq_deal_update,
    .deal_get = sq_deal_get,
    .deal_list = sq_deal_list,
    .search = sq_search,
};

/* Brings the schema up to date, one migration per transaction.  A file
 * that holds tables but no rapport version is someone else's database. */
/* After migration `version`: no reference broken that was whole before.
 * Rows that were already broken stay as they were: refusing them would
 * lock the user out of the book, export included. */
static rp_code
keys_hold(sq_store *s, int version, long before, rp_err *err)
{
    long now = broken_references(s);
    if (now < 0)
        return sq_fail(s, err, "cannot check the upgraded database");
    if (now > before)
        return rp_fail(err, RP_ESTORE,
                       "cannot upgrade '%s' to schema %d: it would leave %ld "
                       "more rows referring to missing records",
                       s->path, version, now - before);
    return RP_OK;
}

static rp_code
migrate(sq_store *s, rp_err *err)
{
    sqlite3_stmt *q = NULL;
    int version = 0, tables = 0;
    rp_code rc = RP_OK;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT (SELECT user_version FROM "
                           "pragma_user_version), (SELECT count(*) FROM "
                           "sqlite_master)",
                           -1, &q, NULL) != SQLITE_OK ||
        sqlite3_step(q) != SQLITE_ROW) {
        int code = sqlite3_errcode(s->db);
        rc = rp_fail(err, RP_ESTORE, "cannot read '%s': %s", s->path,
                     code == SQLITE_NOTADB
                         ? "not a rapport database (or it is corrupt)"
                         : sqlite3_errmsg(s->db));
        goto cleanup;
    }
    version = sqlite3_column_int(q, 0);
    tables = sqlite3_column_int(q, 1);
    /* A statement still reading the schema would lock it against a
     * migration that drops a table. */
    sqlite3_finalize(q);
    q = NULL;
    if (version == 0 && tables > 0) {
        rc = rp_fail(err, RP_ESTORE,
                     "cannot use '%s': it is a SQLite database, but not "
                     "rapport's",
                     s->path);
        goto cleanup;
    }
    if (version > store_migration_count) {
        rc = rp_fail(err, RP_ESTORE,
                     "cannot use '%s': it was written by a newer rapport "
                     "(schema %d, this one knows %d)",
                     s->path, version, store_migration_count);
        goto cleanup;
    }
    if (version < store_migration_count && s->readonly &&
        access(s->path, W_OK) == 0) {
        s->needs_upgrade = true; /* the caller reopens to upgrade */
        goto cleanup;
    }
    if (version < store_migration_count && s->readonly) {
        rc = rp_fail(err, RP_ESTORE,
                     "cannot upgrade '%s': the file is read-only", s->path);
        goto cleanup;
    }
    /* A migration that rebuilds a table (SQLite cannot change a column's
     * rules in place) must not set off the foreign keys' ON DELETE actions
     * when it drops the old one: the keys are off while migrations run,
     * which SQLite allows only outside a transaction, and each migration
     * checks them before it commits. */
    long broken = 0;
    if (version < store_migration_count) {
        sqlite3_exec(s->db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
        if (version > 0 && (broken = broken_references(s)) < 0)
            rc = sq_fail(s, err, "cannot check the database before upgrading");
    }
    for (int v = version; v < store_migration_count && !rc; v++) {
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
        if ((rc = sq_exec(s, "BEGIN IMMEDIATE", err)))
            break;
        if ((rc = sq_exec(s, store_migrations[v], err)) ||
            (rc = keys_hold(s, v + 1, broken, err)) ||
            (rc = sq_exec(s, pragma, err)) || (rc = sq_exec(s, "COMMIT", err)))
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    }
    if (version < store_migration_count &&
        sqlite3_exec(s->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) !=
            SQLITE_OK &&
        !rc)
        rc = sq_fail(s, err, "cannot turn foreign keys back on");
cleanup:
    sqlite3_finalize(q);
    return rc;
}

rp_code
store_sqlite_open(const char *path, unsigned flags, store **out, rp_err *err)
{
    sq_store *s = NULL;
    rp_code rc = RP_OK;
    struct stat sb;
    *out = NULL;

    if (stat(path, &sb) != 0) {
        if (errno != ENOENT)
            return rp_fail(err, RP_EIO, "cannot open '%s': %s", path,
                           strerror(errno));
        if (!(flags & STORE_CREATE))
            return rp_fail(err, RP_ENOTFOUND,
                           "no database at '%s': run 'rapport init' to "
                           "create one",
                           path);
        /* Created here, 0600, before SQLite sees it: the file holds
         * people's private details.  SQLite gives its -wal and -shm files
         * the same mode. */
        int fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
        if (fd < 0)
            return rp_fail(err, RP_EIO, "cannot create '%s': %s", path,
                           strerror(errno));
        close(fd);
    } else if (S_ISDIR(sb.st_mode)) {
        return rp_fail(err, RP_EIO, "cannot open '%s': it is a directory",
                       path);
    }
    s = rp_calloc(1, sizeof *s);
    if (!s)
        return rp_fail(err, RP_ENOMEM, "out of memory");
    s->base.ops = &sqlite_ops;
    rp_buf_init(&s->pending_text, 0);
    s->path = rp_strdup(path);
    s->readonly = (flags & STORE_READONLY) || access(path, W_OK) != 0;
    if (!s->path) {
        rc = rp_fail(err, RP_ENOMEM, "out of memory");
        goto cleanup;
    }
    int oflags = s->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    /* rapport never asks SQLite how much memory it holds; keeping count
     * took a global lock on every allocation (5% of an import).  The call
     * only takes effect before SQLite's first use, and is harmless after. */
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    if (sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        rc = rp_fail(err, RP_EIO, "cannot open '%s': %s", path,
                     s->db ? sqlite3_errmsg(s->db) : "out of memory");
        goto cleanup;
    }
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, 15000);
    if ((rc = sq_exec(s, "PRAGMA foreign_keys = ON", err)))
        goto cleanup;
    if (!s->readonly) {
        sqlite3_stmt *q = NULL;
        /* journal_mode answers with a row; a corrupt file fails here. */
        if (sqlite3_prepare_v2(s->db, "PRAGMA journal_mode = WAL", -1, &q,
                               NULL) != SQLITE_OK ||
            sqlite3_step(q) != SQLITE_ROW) {
            int code = sqlite3_errcode(s->db);
            rc = rp_fail(err, RP_ESTORE, "cannot use '%s': %s", path,
                         code == SQLITE_NOTADB
                             ? "not a rapport database (or it is corrupt)"
                             : sqlite3_errmsg(s->db));
            sqlite3_finalize(q);
            goto cleanup;
        }
        sqlite3_finalize(q);
        if ((rc = sq_exec(s, "PRAGMA synchronous = NORMAL", err)))
            goto cleanup;
    }
    /* Pages are read, not mapped (SQLite's default, said here because it
     * was once otherwise): every mapped page a query touched stayed in
     * the process's resident memory, so person show on a busy person of
     * the large book peaked at 92 MB against 15 MB, and no faster. */
    if ((rc = sq_sql_functions(s, err)) || (rc = migrate(s, err)))
        goto cleanup;
    if (s->needs_upgrade) {
        /* Asked for reading only, but the file is writable and older
         * than this rapport: upgrade it once, then open it as asked. */
        sq_close(&s->base);
        s = NULL;
        store *rw = NULL;
        if ((rc = store_sqlite_open(path, flags & ~(unsigned)STORE_READONLY,
                                    &rw, err)))
            return rc;
        sq_close(rw);
        return store_sqlite_open(path, flags, out, err);
    }
    *out = &s->base;
    s = NULL;
cleanup:
    sq_close(s ? &s->base : NULL);
    return rc;
}
