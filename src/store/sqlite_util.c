/* sqlite_util.c - statement cache and error mapping for the SQLite store. */
#include "store/sqlite_util.h"

#include <string.h>

void
sq_reset_all(sq_store *s)
{
    for (int i = 0; i < s->ncache; i++)
        sqlite3_reset(s->cache[i]);
}

sqlite3_stmt *
sq_prep(sq_store *s, const char *sql, rp_err *err)
{
    for (int i = 0; i < s->ncache; i++) {
        if (s->cache_sql[i] == sql) {
            sqlite3_reset(s->cache[i]);
            sqlite3_clear_bindings(s->cache[i]);
            return s->cache[i];
        }
    }
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &q,
                           NULL) != SQLITE_OK) {
        sq_fail(s, err, "cannot prepare a query");
        return NULL;
    }
    if (s->ncache < SQ_MAX_STMTS) {
        s->cache[s->ncache] = q;
        s->cache_sql[s->ncache] = sql;
        s->ncache++;
        return q;
    }
    /* The cache is sized for every query in the backend; running past it
     * is a programming error, but leaking is worse than failing. */
    sqlite3_finalize(q);
    rp_fail(err, RP_ESTORE, "statement cache full");
    return NULL;
}

rp_code
sq_fail(sq_store *s, rp_err *err, const char *what)
{
    int code = sqlite3_errcode(s->db);
    rp_code rc = RP_ESTORE;
    if (code == SQLITE_CONSTRAINT)
        rc = RP_ECONFLICT;
    else if (code == SQLITE_NOMEM)
        rc = RP_ENOMEM;
    else if (code == SQLITE_READONLY)
        return rp_fail(err, rc,
                       "%s: the database '%s' is read-only (check the "
                       "permissions of the file and its folder)",
                       what, s->path);
    return rp_fail(err, rc, "%s: %s", what, sqlite3_errmsg(s->db));
}

rp_code
sq_exec(sq_store *s, const char *sql, rp_err *err)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        rp_code rc = rp_fail(
            err, sqlite3_errcode(s->db) == SQLITE_NOMEM ? RP_ENOMEM : RP_ESTORE,
            "database error in '%s': %s", s->path,
            msg ? msg : sqlite3_errmsg(s->db));
        sqlite3_free(msg);
        return rc;
    }
    return RP_OK;
}

void
sq_bind_text(sqlite3_stmt *q, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(q, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(q, i);
}

void
sq_bind_id(sqlite3_stmt *q, int i, int64_t v)
{
    if (v)
        sqlite3_bind_int64(q, i, v);
    else
        sqlite3_bind_null(q, i);
}

const char *
sq_text(rp_arena *a, sqlite3_stmt *q, int i)
{
    const unsigned char *t = sqlite3_column_text(q, i);
    if (!t)
        return NULL;
    return rp_arena_strndup(a, (const char *)t,
                            (size_t)sqlite3_column_bytes(q, i));
}

enum { SCOPE_NONE, SCOPE_TX, SCOPE_SAVEPOINT };

/* Runs one cached, argument-free statement. */
static rp_code
run(sq_store *s, const char *sql, rp_err *err)
{
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    if (sqlite3_step(q) != SQLITE_DONE)
        return sq_fail(s, err, "database error");
    sqlite3_reset(q);
    return RP_OK;
}

static const char SQL_SAVEPOINT[] = "SAVEPOINT op";
static const char SQL_RELEASE[] = "RELEASE op";
static const char SQL_ROLLBACK_TO[] = "ROLLBACK TO op";

rp_code
sq_tx_begin(sq_store *s, int *scope, rp_err *err)
{
    *scope = SCOPE_NONE;
    /* A bulk load needs no savepoints: its importer abandons the whole
     * transaction on any failure but RP_EEXISTS, which fails on the first
     * statement, before anything is written.  They would cost 40%. */
    if (s->in_tx && s->bulk)
        return RP_OK;
    if (s->in_tx) {
        rp_code rc = run(s, SQL_SAVEPOINT, err);
        if (!rc)
            *scope = SCOPE_SAVEPOINT;
        return rc;
    }
    /* IMMEDIATE takes the write lock up front, so the busy timeout applies
     * and two writers queue instead of failing with "database is locked". */
    rp_code rc = sq_exec(s, "BEGIN IMMEDIATE", err);
    if (rc == RP_OK) {
        s->in_tx = true;
        s->tx_changes = sqlite3_total_changes64(s->db);
        *scope = SCOPE_TX;
    }
    return rc;
}

void
sq_fk_restore(sq_store *s)
{
    if (!s->fk_off || s->in_tx)
        return;
    sqlite3_exec(s->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
    s->fk_off = false;
}

rp_code
sq_tx_end(sq_store *s, int scope, rp_code rc, rp_err *err)
{
    if (scope == SCOPE_SAVEPOINT) {
        if (rc != RP_OK) {
            /* Undo this operation only; the outer transaction goes on. */
            run(s, SQL_ROLLBACK_TO, NULL);
        }
        rp_code r2 = run(s, SQL_RELEASE, rc ? NULL : err);
        return rc ? rc : r2;
    }
    if (scope != SCOPE_TX)
        return rc;
    s->in_tx = false;
    if (rc == RP_OK)
        rc = sq_exec(s, "COMMIT", err);
    if (rc != RP_OK)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    sq_fk_restore(s);
    return rc;
}
