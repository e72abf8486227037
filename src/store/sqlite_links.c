/*
 * sqlite_links.c - the links of a load into an empty book, written many
 * rows to a statement.
 *
 * One statement per link cost a statement's setup and teardown (opening
 * and closing cursors) 1.37 million times on the large book, as much as
 * the writes themselves.  During a load into an empty book whose foreign
 * keys are checked at its end, nothing reads the links before then and
 * none can fail, so they are gathered here and written SQ_LINK_ROWS at a
 * time.
 */
#include "store/sqlite_ops.h"

#include <stdio.h>
#include <string.h>

#define LINK_SQL_HEAD                                                          \
    "INSERT OR IGNORE INTO interaction_person(interaction_id, person_id, at) " \
    "VALUES"

/* "INSERT ... VALUES(?,?,?),(?,?,?),..." for n rows, built once; a static
 * buffer, so that the statement cache (keyed by the text's address) keeps
 * it prepared. */
static const char *
many_rows_sql(void)
{
    static char sql[sizeof LINK_SQL_HEAD + SQ_LINK_ROWS * 8];
    if (!sql[0]) {
        size_t n = (size_t)snprintf(sql, sizeof sql, "%s", LINK_SQL_HEAD);
        for (int i = 0; i < SQ_LINK_ROWS; i++)
            n += (size_t)snprintf(sql + n, sizeof sql - n, "%s(?,?,?)",
                                  i ? "," : "");
    }
    return sql;
}

static rp_code
write_rows(sq_store *s, const char *sql, const int64_t *v, size_t rows,
           rp_err *err)
{
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    for (size_t i = 0; i < rows * 3; i++)
        sqlite3_bind_int64(q, (int)i + 1, v[i]);
    if (sqlite3_step(q) != SQLITE_DONE)
        return sq_fail(s, err, "cannot save interaction");
    return RP_OK;
}

rp_code
sq_links_add(sq_store *s, int64_t interaction_id, int64_t person_id, int64_t at,
             rp_err *err)
{
    int64_t *row = &s->links[s->nlinks * 3];
    row[0] = interaction_id;
    row[1] = person_id;
    row[2] = at;
    if (++s->nlinks < SQ_LINK_ROWS)
        return RP_OK;
    s->nlinks = 0;
    return write_rows(s, many_rows_sql(), s->links, SQ_LINK_ROWS, err);
}

rp_code
sq_links_flush(sq_store *s, rp_err *err)
{
    static const char one[] = LINK_SQL_HEAD "(?,?,?)";
    rp_code rc = RP_OK;
    for (size_t i = 0; i < s->nlinks && !rc; i++)
        rc = write_rows(s, one, &s->links[i * 3], 1, err);
    s->nlinks = 0;
    return rc;
}

void
sq_links_reset(sq_store *s)
{
    s->nlinks = 0;
}
