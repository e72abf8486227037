/* sqlite_ledger.c - the ledger, offerings, commitments and deals. */
#include "store/sqlite_ops.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"

/* Maps a failed write's constraint to a message a user can act on. */
static rp_code
write_fail(sq_store *s, rp_err *err, const char *what, int64_t id)
{
    int ext = sqlite3_extended_errcode(s->db);
    if (ext == SQLITE_CONSTRAINT_FOREIGNKEY)
        return rp_fail(err, RP_ENOTFOUND,
                       "cannot save %s: it refers to a person, organisation "
                       "or offering that does not exist",
                       what);
    if (ext == SQLITE_CONSTRAINT_CHECK)
        return rp_fail(err, RP_EINVAL,
                       "cannot save %s: a value is out of "
                       "its allowed set",
                       what);
    if (ext == SQLITE_CONSTRAINT_PRIMARYKEY)
        return rp_fail(err, RP_EEXISTS, "%s id %lld is taken", what,
                       (long long)id);
    if (ext == SQLITE_CONSTRAINT_UNIQUE)
        return rp_fail(err, RP_ECONFLICT, "cannot save %s: it already exists",
                       what);
    return sq_fail(s, err, what);
}

/* Runs a prepared single-row write; sets *id to the new rowid. */
static rp_code
run_write(sq_store *s, sqlite3_stmt *q, const char *what, int64_t *id,
          rp_err *err)
{
    int64_t want = id ? *id : 0;
    if (sqlite3_step(q) != SQLITE_DONE)
        return write_fail(s, err, what, want);
    if (id)
        *id = sqlite3_last_insert_rowid(s->db);
    return RP_OK;
}

rp_code
sq_ledger_add(store *st, rp_ledger *e, rp_err *err)
{
    static const char sql[] =
        "INSERT INTO ledger(id, person_id, type, kind, text, at, "
        "offering_id, outcome, decided_at) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    sq_bind_id(q, 1, e->id);
    sqlite3_bind_int64(q, 2, e->person_id);
    sq_bind_text(q, 3, e->type);
    sq_bind_text(q, 4, e->kind ? e->kind : "");
    sq_bind_text(q, 5, e->text);
    sqlite3_bind_int64(q, 6, e->at);
    sq_bind_id(q, 7, e->offering_id);
    sq_bind_text(q, 8, e->outcome);
    sq_bind_id(q, 9, e->decided_at);
    int own;
    rp_code rc = sq_tx_begin(s, &own, err);
    if (rc)
        return rc;
    rc = run_write(s, q, "ledger entry", &e->id, err);
    /* Into an empty book the summaries are rebuilt at the end instead. */
    if (!rc && !(s->bulk && s->bulk_was_empty))
        rc = sq_stats_refresh(s, e->person_id, err);
    return sq_tx_end(s, own, rc, err);
}

static void
ledger_from_row(rp_arena *a, sqlite3_stmt *q, rp_ledger *e)
{
    e->id = sqlite3_column_int64(q, 0);
    e->person_id = sqlite3_column_int64(q, 1);
    e->type = sq_text(a, q, 2);
    e->kind = sq_text(a, q, 3);
    e->text = sq_text(a, q, 4);
    e->at = sqlite3_column_int64(q, 5);
    e->offering_id = sqlite3_column_int64(q, 6);
    e->outcome = sq_text(a, q, 7);
    e->decided_at = sqlite3_column_int64(q, 8);
}

#define LEDGER_COLUMNS                                                         \
    "SELECT id, person_id, type, kind, text, at, offering_id, outcome, "       \
    "decided_at FROM ledger "

rp_code
sq_ledger_get(store *st, rp_arena *a, int64_t id, rp_ledger *out, rp_err *err)
{
    static const char sql[] = LEDGER_COLUMNS "WHERE id = ?1";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, id);
    int r = sqlite3_step(q);
    if (r == SQLITE_ROW) {
        ledger_from_row(a, q, out);
        return RP_OK;
    }
    if (r == SQLITE_DONE)
        return rp_fail(err, RP_ENOTFOUND, "no ledger entry with id %lld",
                       (long long)id);
    return sq_fail(s, err, "cannot read the ledger");
}

rp_code
sq_ledger_set_outcome(store *st, int64_t id, const char *outcome, int64_t at,
                      rp_err *err)
{
    static const char sql[] = "UPDATE ledger SET outcome = ?2, decided_at = ?3 "
                              "WHERE id = ?1 AND type = 'ask'";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, id);
    sq_bind_text(q, 2, outcome);
    sq_bind_id(q, 3, strcmp(outcome, "pending") ? at : 0);
    int own;
    rp_code rc = sq_tx_begin(s, &own, err);
    if (rc)
        return rc;
    rc = run_write(s, q, "ask outcome", NULL, err);
    if (!rc && sqlite3_changes(s->db) == 0)
        rc = rp_fail(err, RP_ENOTFOUND, "no ask with id %lld", (long long)id);
    if (!rc) {
        static const char who[] = "SELECT person_id FROM ledger WHERE id = ?1";
        sqlite3_stmt *w = sq_prep(s, who, err);
        if (!w)
            rc = RP_ESTORE;
        else {
            sqlite3_bind_int64(w, 1, id);
            if (sqlite3_step(w) == SQLITE_ROW)
                rc = sq_stats_refresh(s, sqlite3_column_int64(w, 0), err);
        }
    }
    return sq_tx_end(s, own, rc, err);
}

rp_code
sq_ledger_list(store *st, rp_arena *a, int64_t person_id, const char *type,
               rp_ledger **out, size_t *n, rp_err *err)
{
    static const char sql[] =
        LEDGER_COLUMNS "WHERE (?1 IS NULL OR person_id = ?1) "
                       "AND (?2 IS NULL OR type = ?2) ORDER BY at, id";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    size_t cap = 0;
    int r;
    *n = 0;
    *out = NULL;
    if (!q)
        return RP_ESTORE;
    sq_bind_id(q, 1, person_id);
    sq_bind_text(q, 2, type);
    while ((r = sqlite3_step(q)) == SQLITE_ROW) {
        if (rp_arena_grow(a, (void **)out, &cap, *n, sizeof **out))
            return RP_ENOMEM;
        ledger_from_row(a, q, &(*out)[(*n)++]);
    }
    return r == SQLITE_DONE ? RP_OK : sq_fail(s, err, "cannot read the ledger");
}

rp_code
sq_asks_pending(store *st, rp_arena *a, size_t limit, rp_ledger **out,
                size_t *n, size_t *total, rp_err *err)
{
    static const char sql[] =
        LEDGER_COLUMNS "WHERE type = 'ask' AND coalesce(outcome, 'pending') "
                       "= 'pending' ORDER BY at, id LIMIT ?1";
    static const char count[] =
        "SELECT count(*) FROM ledger WHERE type = 'ask' AND "
        "coalesce(outcome, 'pending') = 'pending'";
    sq_store *s = (sq_store *)st;
    size_t cap = 0;
    int r;
    *n = 0;
    *out = NULL;
    *total = 0;
    sqlite3_stmt *q = sq_prep(s, count, err);
    if (!q)
        return RP_ESTORE;
    if (sqlite3_step(q) == SQLITE_ROW)
        *total = (size_t)sqlite3_column_int64(q, 0);
    q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, (int64_t)limit);
    while ((r = sqlite3_step(q)) == SQLITE_ROW) {
        if (rp_arena_grow(a, (void **)out, &cap, *n, sizeof **out))
            return RP_ENOMEM;
        ledger_from_row(a, q, &(*out)[(*n)++]);
    }
    return r == SQLITE_DONE ? RP_OK : sq_fail(s, err, "cannot read the ledger");
}

/* ---- offerings ---- */

rp_code
sq_offering_add(store *st, rp_offering *o, rp_err *err)
{
    static const char sql[] =
        "INSERT INTO offering(id, name, conviction, description, created_at) "
        "VALUES(?1, ?2, ?3, ?4, ?5)";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    sq_bind_id(q, 1, o->id);
    sq_bind_text(q, 2, o->name);
    sqlite3_bind_int(q, 3, o->conviction);
    sq_bind_text(q, 4, o->description);
    sqlite3_bind_int64(q, 5, o->created_at);
    if (sqlite3_step(q) != SQLITE_DONE) {
        if (sqlite3_extended_errcode(s->db) == SQLITE_CONSTRAINT_UNIQUE)
            return rp_fail(err, RP_ECONFLICT,
                           "an offering named '%s' already exists", o->name);
        return write_fail(s, err, "offering", o->id);
    }
    o->id = sqlite3_last_insert_rowid(s->db);
    return RP_OK;
}

rp_code
sq_offering_update(store *st, const rp_offering *o, rp_err *err)
{
    static const char sql[] = "UPDATE offering SET name = ?2, conviction = "
                              "?3, description = ?4 WHERE id = ?1";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, o->id);
    sq_bind_text(q, 2, o->name);
    sqlite3_bind_int(q, 3, o->conviction);
    sq_bind_text(q, 4, o->description);
    rp_code rc = run_write(s, q, "offering", NULL, err);
    if (!rc && sqlite3_changes(s->db) == 0)
        rc = rp_fail(err, RP_ENOTFOUND, "no offering with id %lld",
                     (long long)o->id);
    return rc;
}

#define OFFERING_COLUMNS                                                       \
    "SELECT id, name, conviction, description, created_at FROM offering "

static void
offering_from_row(rp_arena *a, sqlite3_stmt *q, rp_offering *o)
{
    o->id = sqlite3_column_int64(q, 0);
    o->name = sq_text(a, q, 1);
    o->conviction = sqlite3_column_int(q, 2);
    o->description = sq_text(a, q, 3);
    o->created_at = sqlite3_column_int64(q, 4);
}

static rp_code
offering_one(sq_store *s, rp_arena *a, sqlite3_stmt *q, rp_offering *out,
             const char *missing, rp_err *err)
{
    int r = sqlite3_step(q);
    if (r == SQLITE_ROW) {
        offering_from_row(a, q, out);
        return RP_OK;
    }
    if (r == SQLITE_DONE)
        return rp_fail(err, RP_ENOTFOUND, "%s", missing);
    return sq_fail(s, err, "cannot read offerings");
}

rp_code
sq_offering_find(store *st, rp_arena *a, const char *name, rp_offering *out,
                 rp_err *err)
{
    static const char sql[] = OFFERING_COLUMNS "WHERE name = ?1 COLLATE NOCASE";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    char msg[300];
    if (!q)
        return RP_ESTORE;
    sq_bind_text(q, 1, name);
    snprintf(msg, sizeof msg,
             "no offering named '%s': add it with 'rapport offering add'",
             name);
    return offering_one(s, a, q, out, msg, err);
}

rp_code
sq_offering_get(store *st, rp_arena *a, int64_t id, rp_offering *out,
                rp_err *err)
{
    static const char sql[] = OFFERING_COLUMNS "WHERE id = ?1";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, id);
    return offering_one(s, a, q, out, "no such offering", err);
}

rp_code
sq_offering_list(store *st, rp_arena *a, rp_offering **out, size_t *n,
                 rp_err *err)
{
    static const char sql[] = OFFERING_COLUMNS "ORDER BY id";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    size_t cap = 0;
    int r;
    *n = 0;
    *out = NULL;
    if (!q)
        return RP_ESTORE;
    while ((r = sqlite3_step(q)) == SQLITE_ROW) {
        if (rp_arena_grow(a, (void **)out, &cap, *n, sizeof **out))
            return RP_ENOMEM;
        offering_from_row(a, q, &(*out)[(*n)++]);
    }
    return r == SQLITE_DONE ? RP_OK : sq_fail(s, err, "cannot read offerings");
}

/* ---- commitments ---- */

rp_code
sq_commitment_add(store *st, rp_commitment *c, rp_err *err)
{
    static const char sql[] =
        "INSERT INTO commitment(id, person_id, dir, text, due, done_at, "
        "created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    sq_bind_id(q, 1, c->id);
    sqlite3_bind_int64(q, 2, c->person_id);
    sq_bind_text(q, 3, c->dir);
    sq_bind_text(q, 4, c->text);
    sq_bind_id(q, 5, c->due);
    sq_bind_id(q, 6, c->done_at);
    sqlite3_bind_int64(q, 7, c->created_at);
    return run_write(s, q, "commitment", &c->id, err);
}

rp_code
sq_commitment_done(store *st, int64_t id, int64_t at, rp_err *err)
{
    static const char sql[] =
        "UPDATE commitment SET done_at = ?2 WHERE id = ?1";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, id);
    sq_bind_id(q, 2, at);
    rp_code rc = run_write(s, q, "commitment", NULL, err);
    if (!rc && sqlite3_changes(s->db) == 0)
        rc = rp_fail(err, RP_ENOTFOUND, "no commitment with id %lld",
                     (long long)id);
    return rc;
}

rp_code
sq_commitment_list(store *st, rp_arena *a, int64_t person_id, bool open_only,
                   rp_commitment **out, size_t *n, rp_err *err)
{
    static const char sql[] =
        "SELECT c.id, c.person_id, c.dir, c.text, c.due, c.done_at, "
        "c.created_at, p.name FROM commitment c "
        "JOIN person p ON p.id = c.person_id "
        "WHERE (?1 IS NULL OR c.person_id = ?1) "
        "AND (?2 = 0 OR c.done_at IS NULL) "
        "ORDER BY c.due IS NULL, c.due, c.id";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    size_t cap = 0;
    int r;
    *n = 0;
    *out = NULL;
    if (!q)
        return RP_ESTORE;
    sq_bind_id(q, 1, person_id);
    sqlite3_bind_int(q, 2, open_only);
    while ((r = sqlite3_step(q)) == SQLITE_ROW) {
        if (rp_arena_grow(a, (void **)out, &cap, *n, sizeof **out))
            return RP_ENOMEM;
        rp_commitment *c = &(*out)[(*n)++];
        c->id = sqlite3_column_int64(q, 0);
        c->person_id = sqlite3_column_int64(q, 1);
        c->dir = sq_text(a, q, 2);
        c->text = sq_text(a, q, 3);
        c->due = sqlite3_column_int64(q, 4);
        c->done_at = sqlite3_column_int64(q, 5);
        c->created_at = sqlite3_column_int64(q, 6);
        c->person_name = sq_text(a, q, 7);
    }
    return r == SQLITE_DONE ? RP_OK
                            : sq_fail(s, err, "cannot read commitments");
}

/* ---- deals ---- */

static void
bind_deal(sqlite3_stmt *q, const rp_deal *d)
{
    sq_bind_id(q, 1, d->id);
    sq_bind_id(q, 2, d->org_id);
    sq_bind_id(q, 3, d->person_id);
    sq_bind_text(q, 4, d->title);
    sqlite3_bind_int64(q, 5, d->amount);
    sq_bind_text(q, 6, d->currency ? d->currency : "EUR");
    sq_bind_text(q, 7, d->stage);
    sqlite3_bind_int64(q, 8, d->opened_at);
    sq_bind_id(q, 9, d->closed_at);
}

rp_code
sq_deal_add(store *st, rp_deal *d, rp_err *err)
{
    static const char sql[] =
        "INSERT INTO deal(id, org_id, person_id, title, amount, currency, "
        "stage, opened_at, closed_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
        "?9)";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    bind_deal(q, d);
    return run_write(s, q, "deal", &d->id, err);
}

rp_code
sq_deal_update(store *st, const rp_deal *d, rp_err *err)
{
    static const char sql[] =
        "UPDATE deal SET org_id = ?2, person_id = ?3, title = ?4, amount = "
        "?5, currency = ?6, stage = ?7, opened_at = ?8, closed_at = ?9 "
        "WHERE id = ?1";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    bind_deal(q, d);
    rp_code rc = run_write(s, q, "deal", NULL, err);
    if (!rc && sqlite3_changes(s->db) == 0)
        rc = rp_fail(err, RP_ENOTFOUND, "no deal with id %lld",
                     (long long)d->id);
    return rc;
}

#define DEAL_COLUMNS                                                           \
    "SELECT id, org_id, person_id, title, amount, currency, stage, "           \
    "opened_at, closed_at FROM deal "

static void
deal_from_row(rp_arena *a, sqlite3_stmt *q, rp_deal *d)
{
    d->id = sqlite3_column_int64(q, 0);
    d->org_id = sqlite3_column_int64(q, 1);
    d->person_id = sqlite3_column_int64(q, 2);
    d->title = sq_text(a, q, 3);
    d->amount = sqlite3_column_int64(q, 4);
    d->currency = sq_text(a, q, 5);
    d->stage = sq_text(a, q, 6);
    d->opened_at = sqlite3_column_int64(q, 7);
    d->closed_at = sqlite3_column_int64(q, 8);
}

rp_code
sq_deal_get(store *st, rp_arena *a, int64_t id, rp_deal *out, rp_err *err)
{
    static const char sql[] = DEAL_COLUMNS "WHERE id = ?1";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, id);
    int r = sqlite3_step(q);
    if (r == SQLITE_ROW) {
        deal_from_row(a, q, out);
        return RP_OK;
    }
    if (r == SQLITE_DONE)
        return rp_fail(err, RP_ENOTFOUND, "no deal with id %lld",
                       (long long)id);
    return sq_fail(s, err, "cannot read deals");
}

rp_code
sq_deal_list(store *st, rp_arena *a, int64_t org_id, rp_deal **out, size_t *n,
             rp_err *err)
{
    static const char sql[] =
        DEAL_COLUMNS "WHERE (?1 IS NULL OR org_id = ?1) ORDER BY opened_at, id";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    size_t cap = 0;
    int r;
    *n = 0;
    *out = NULL;
    if (!q)
        return RP_ESTORE;
    sq_bind_id(q, 1, org_id);
    while ((r = sqlite3_step(q)) == SQLITE_ROW) {
        if (rp_arena_grow(a, (void **)out, &cap, *n, sizeof **out))
            return RP_ENOMEM;
        deal_from_row(a, q, &(*out)[(*n)++]);
    }
    return r == SQLITE_DONE ? RP_OK : sq_fail(s, err, "cannot read deals");
}

/* ---- search ---- */

/* Runs one of the two search queries, appending hits to *out. */
static rp_code
search_run(sq_store *s, rp_arena *a, const char *sql, const rp_buf *m,
           size_t limit, bool interactions, rp_hit **out, size_t *n,
           size_t *cap, rp_err *err)
{
    static const char *const kinds[] = {"person", "org", "?", "?"};
    sqlite3_stmt *q = sq_prep(s, sql, err);
    int r;
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_text(q, 1, m->buf, (int)m->len, SQLITE_STATIC);
    sqlite3_bind_int64(q, 2, (int64_t)limit);
    while ((r = sqlite3_step(q)) == SQLITE_ROW) {
        if (rp_arena_grow(a, (void **)out, cap, *n, sizeof **out))
            return RP_ENOMEM;
        rp_hit *h = &(*out)[(*n)++];
        int64_t rowid = sqlite3_column_int64(q, 0);
        h->kind = interactions ? "interaction" : kinds[rowid % 4];
        h->id = interactions ? rowid : rowid / 4;
        h->title = sq_text(a, q, 1);
        h->snippet = sq_text(a, q, 2);
        h->rank = sqlite3_column_double(q, 3);
    }
    return r == SQLITE_DONE ? RP_OK : sq_fail(s, err, "cannot search");
}

rp_code
sq_search(store *st, rp_arena *a, const char *query, size_t limit, rp_hit **out,
          size_t *n, rp_err *err)
{
    /* People and organisations first, by relevance; then the newest
     * matching interactions, which FTS5 returns in rowid order without
     * ranking every match (a common word can match a million). */
    static const char sql_people[] =
        "SELECT rowid, title, snippet(search_fts, -1, '[', ']', '...', 10), "
        "bm25(search_fts, 4.0, 1.0) AS r FROM search_fts "
        "WHERE search_fts MATCH ?1 ORDER BY r LIMIT ?2";
    static const char sql_x[] =
        "SELECT rowid, title, snippet(search_fts_x, -1, '[', ']', '...', 10), "
        "0.0 FROM search_fts_x WHERE search_fts_x MATCH ?1 "
        "ORDER BY rowid DESC LIMIT ?2";
    sq_store *s = (sq_store *)st;
    rp_buf m = RP_BUF_INIT;
    size_t cap = 0;
    rp_code rc = RP_OK;
    *n = 0;
    *out = NULL;
    /* Each word becomes a quoted FTS5 string, so user text can never be
     * read as query syntax; the last word also matches as a prefix. */
    const char *p = query;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        if (m.len)
            rp_buf_addc(&m, ' ');
        rp_buf_addc(&m, '"');
        for (; *p && *p != ' ' && *p != '\t'; p++) {
            if (*p == '"')
                rp_buf_addc(&m, '"');
            rp_buf_addc(&m, *p);
        }
        rp_buf_addc(&m, '"');
        if (!*p)
            rp_buf_addc(&m, '*');
    }
    if (!m.len) {
        rc = rp_fail(err, RP_EINVAL, "nothing to search for");
        goto cleanup;
    }
    rc = search_run(s, a, sql_people, &m, limit, false, out, n, &cap, err);
    if (!rc && *n < limit)
        rc = search_run(s, a, sql_x, &m, limit - *n, true, out, n, &cap, err);
cleanup:
    rp_buf_release(&m);
    return rc;
}
