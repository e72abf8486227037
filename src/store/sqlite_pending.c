/*
 * sqlite_pending.c - interactions of a load into an empty book, written
 * many rows to a statement.
 *
 * Copying a million interaction rows inside SQLite takes 0.45 s; one
 * INSERT statement per row took 2.2 s, nearly all of it the statement's
 * own setup and teardown.  During a load into an empty book whose foreign
 * keys are checked at the end (sq_bulk_begin), a row whose
 * id cannot be taken (none given, or one above every id of the load so
 * far) and that has no external id (so no uniqueness to report) cannot
 * fail, and is held here and written with others.  Anything else first
 * writes what is held, then goes one row at a time as before, so its
 * error comes with its own record.
 */
#include "store/sqlite_ops.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define ROW_SQL_HEAD                                                           \
    "INSERT INTO interaction(id, kind, dir, at, summary, body, source, "       \
    "thread, automated, sentiment, created_at) VALUES"
#define ROW_PARAMS "(?,?,?,?,?,?,?,?,?,?,?)"
enum { ROW_NPARAMS = 11, NO_TEXT = -1, PENDING_TEXT_BYTES = 4 << 20 };

/* The statement for SQ_PENDING_ROWS rows, built once in static storage so
 * that the statement cache (keyed by address) keeps it prepared. */
static const char *
many_rows_sql(void)
{
    static char sql[sizeof ROW_SQL_HEAD + SQ_PENDING_ROWS * sizeof ROW_PARAMS];
    if (!sql[0]) {
        size_t n = (size_t)snprintf(sql, sizeof sql, "%s", ROW_SQL_HEAD);
        for (int i = 0; i < SQ_PENDING_ROWS; i++)
            n += (size_t)snprintf(sql + n, sizeof sql - n, "%s" ROW_PARAMS,
                                  i ? "," : "");
    }
    return sql;
}

bool
sq_pending_fits(const sq_store *s, const rp_interaction *x)
{
    return s->bulk && s->bulk_was_empty && s->fk_off && !x->external_id &&
           s->load_max_id < INT64_MAX && (x->id == 0 || x->id > s->load_max_id);
}

void
sq_pending_saw(sq_store *s, int64_t id)
{
    if (id > s->load_max_id)
        s->load_max_id = id;
}

/* Copies text into the held rows' text buffer: its offset, or NO_TEXT. */
static rp_code
keep_text(sq_store *s, const char *text, long *at)
{
    *at = NO_TEXT;
    if (!text)
        return RP_OK;
    *at = (long)s->pending_text.len;
    return rp_buf_add(&s->pending_text, text, strlen(text) + 1);
}

static void
bind_kept(sq_store *s, sqlite3_stmt *q, int i, long at)
{
    if (at == NO_TEXT)
        sqlite3_bind_null(q, i);
    else
        sqlite3_bind_text(q, i, s->pending_text.buf + at, -1, SQLITE_STATIC);
}

static rp_code
write_rows(sq_store *s, const char *sql, const struct sq_pending_row *rows,
           size_t n, rp_err *err)
{
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    for (size_t r = 0; r < n; r++) {
        const struct sq_pending_row *w = &rows[r];
        int p = (int)r * ROW_NPARAMS;
        sqlite3_bind_int64(q, p + 1, w->id);
        bind_kept(s, q, p + 2, w->kind);
        bind_kept(s, q, p + 3, w->dir);
        sqlite3_bind_int64(q, p + 4, w->at);
        bind_kept(s, q, p + 5, w->summary);
        bind_kept(s, q, p + 6, w->body);
        bind_kept(s, q, p + 7, w->source);
        bind_kept(s, q, p + 8, w->thread);
        sqlite3_bind_int(q, p + 9, w->automated);
        if (w->has_sentiment)
            sqlite3_bind_double(q, p + 10, w->sentiment);
        else
            sqlite3_bind_null(q, p + 10);
        sqlite3_bind_int64(q, p + 11, w->created_at);
    }
    rp_code rc = RP_OK;
    if (sqlite3_step(q) != SQLITE_DONE)
        rc = sq_fail(s, err, "cannot save interaction");
    /* The texts are about to be overwritten: no binding may outlive them. */
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return rc;
}

rp_code
sq_pending_add(sq_store *s, rp_interaction *x, rp_err *err)
{
    struct sq_pending_row *w = &s->pending[s->npending];
    rp_code rc;
    if (!x->id)
        x->id = s->load_max_id + 1;
    *w = (struct sq_pending_row){.id = x->id,
                                 .at = x->at,
                                 .created_at = x->created_at,
                                 .automated = x->automated ? 1 : 0,
                                 .has_sentiment = x->has_sentiment,
                                 .sentiment = x->sentiment};
    if ((rc = keep_text(s, x->kind, &w->kind)) ||
        (rc = keep_text(s, x->dir, &w->dir)) ||
        (rc = keep_text(s, x->summary, &w->summary)) ||
        (rc = keep_text(s, x->body, &w->body)) ||
        (rc = keep_text(s, x->source, &w->source)) ||
        (rc = keep_text(s, x->thread, &w->thread)))
        return rc == RP_ENOMEM ? rp_fail(err, rc, "out of memory") : rc;
    s->npending++;
    sq_pending_saw(s, x->id);
    /* Long bodies are written sooner: 64 mail bodies of a megabyte would
     * be 64 MB held. */
    return s->npending == SQ_PENDING_ROWS ||
                   s->pending_text.len > PENDING_TEXT_BYTES
               ? sq_pending_flush(s, err)
               : RP_OK;
}

rp_code
sq_pending_flush(sq_store *s, rp_err *err)
{
    static const char one[] = ROW_SQL_HEAD ROW_PARAMS;
    rp_code rc = RP_OK;
    if (s->npending == SQ_PENDING_ROWS)
        rc = write_rows(s, many_rows_sql(), s->pending, s->npending, err);
    else
        for (size_t i = 0; i < s->npending && !rc; i++)
            rc = write_rows(s, one, &s->pending[i], 1, err);
    sq_pending_reset(s);
    return rc;
}

void
sq_pending_reset(sq_store *s)
{
    s->npending = 0;
    rp_buf_reset(&s->pending_text);
}
