/* sqlite_activity.c - interactions and contact statistics. */
#include "store/sqlite_ops.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"

/* Automated mail and notes are not contact: they never move the clock. */
#define STATS_SELECT                                                           \
    "SELECT ip.person_id, coalesce(sum(i.dir = 'in'), 0), "                    \
    "coalesce(sum(i.dir = 'out'), 0), min(i.at), max(i.at), "                  \
    "max(CASE WHEN i.dir = 'in' THEN i.at END), "                              \
    "max(CASE WHEN i.dir = 'out' THEN i.at END) "                              \
    "FROM interaction_person ip JOIN interaction i "                           \
    "ON i.id = ip.interaction_id "                                             \
    "WHERE i.automated = 0 AND i.kind <> 'note' "

rp_code
sq_fts_x_add(sq_store *s, int64_t id, const char *title, const char *body,
             rp_err *err)
{
    static const char sql[] =
        "INSERT INTO search_fts_x(rowid, title, body) VALUES(?1, ?2, ?3)";
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, id);
    sq_bind_text(q, 2, title);
    sq_bind_text(q, 3, body);
    if (sqlite3_step(q) != SQLITE_DONE)
        return sq_fail(s, err, "cannot update the search index");
    return RP_OK;
}

rp_code
sq_fts_x_delete(sq_store *s, int64_t id, rp_err *err)
{
    static const char sql[] = "DELETE FROM search_fts_x WHERE rowid = ?1";
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, id);
    if (sqlite3_step(q) != SQLITE_DONE)
        return sq_fail(s, err, "cannot update the search index");
    return RP_OK;
}

/* The ledger half of the summary; merged into an existing row. */
#define LEDGER_SELECT                                                          \
    "SELECT person_id, sum(type = 'give'), sum(type = 'receive'), "            \
    "sum(type = 'ask'), sum(type = 'ask' AND outcome = 'yes'), "               \
    "sum(type = 'ask' AND outcome = 'no'), "                                   \
    "sum(type = 'ask' AND coalesce(outcome, 'pending') = 'pending'), "         \
    "min(CASE WHEN type = 'give' THEN at END), "                               \
    "min(CASE WHEN type = 'ask' THEN at END), "                                \
    "max(CASE WHEN type = 'give' THEN at END) FROM ledger "
#define LEDGER_UPSERT                                                          \
    "INSERT INTO person_stats(person_id, given, received, asks, asks_yes, "    \
    "asks_no, asks_pending, first_given_at, first_ask_at, last_given_at) "
#define LEDGER_ON_CONFLICT                                                     \
    " ON CONFLICT(person_id) DO UPDATE SET given = excluded.given, "           \
    "received = excluded.received, asks = excluded.asks, "                     \
    "asks_yes = excluded.asks_yes, asks_no = excluded.asks_no, "               \
    "asks_pending = excluded.asks_pending, "                                   \
    "first_given_at = excluded.first_given_at, "                               \
    "first_ask_at = excluded.first_ask_at, "                                   \
    "last_given_at = excluded.last_given_at"
#define CONTACT_INSERT                                                         \
    "INSERT INTO person_stats(person_id, n_in, n_out, first_at, last_at, "     \
    "last_in_at, last_out_at) "

rp_code
sq_stats_refresh(sq_store *s, int64_t person_id, rp_err *err)
{
    static const char *const steps[] = {
        "DELETE FROM person_stats WHERE person_id = ?1",
        (CONTACT_INSERT STATS_SELECT "AND ip.person_id = ?1 "
                                     "GROUP BY ip.person_id"),
        (LEDGER_UPSERT LEDGER_SELECT "WHERE person_id = ?1 "
                                     "GROUP BY person_id" LEDGER_ON_CONFLICT),
    };
    /* During a bulk load the batch's interactions are folded into the
     * contact figures at its end (sq_bulk_index): recounting them here
     * from the whole history as well counted them twice.  Only the ledger
     * half is refreshed then. */
    size_t first = s->bulk ? 2 : 0;
    for (size_t i = first; i < sizeof steps / sizeof *steps; i++) {
        sqlite3_stmt *q = sq_prep(s, steps[i], err);
        if (!q)
            return RP_ESTORE;
        sqlite3_bind_int64(q, 1, person_id);
        if (sqlite3_step(q) != SQLITE_DONE)
            return sq_fail(s, err, "cannot update a person's summary");
    }
    return RP_OK;
}

/* After a bulk load: index the new interactions and refresh the statistics
 * of everyone they touch, each in one statement. */
rp_code
sq_bulk_index(sq_store *s, rp_err *err)
{
    /* Into an empty book: index everything and refresh every ledger
     * summary in one pass each, with no per-row bookkeeping during the
     * load. */
    rp_code rc = RP_OK;
    if (s->bulk_was_empty) {
        if ((rc = sq_pending_flush(s, err)) || (rc = sq_links_flush(s, err)))
            return rc;
        sq_reset_all(s);
        rc = sq_exec(
            s,
            /* As in sql/005_link_rowid.sql.  The sorter takes as much
             * memory again as the page cache: shrink the cache while it
             * runs to stay inside 64 MB.  A second sorter thread cut the
             * index's build from 0.57 to 0.41 s on the large book. */
            "PRAGMA cache_size = -2048; PRAGMA threads = 2;" SQ_LINK_INDEX
            "PRAGMA threads = 0;"
            "PRAGMA cache_size = -" SQ_EMPTY_CACHE_KIB ";"
            "INSERT INTO search_fts_x(rowid, title, body) "
            "SELECT id, coalesce(summary, ''), body FROM interaction;"
            /* clang-format off */
            LEDGER_UPSERT LEDGER_SELECT
            "WHERE true GROUP BY person_id" LEDGER_ON_CONFLICT ";",
            /* clang-format on */
            err);
    } else {
        /* Into a book with history: index only this batch's
         * interactions. */
        rc = sq_exec(s,
                     "INSERT INTO search_fts_x(rowid, title, body) "
                     "SELECT i.id, coalesce(i.summary, ''), i.body "
                     "FROM temp.bulk_ids b JOIN interaction i ON i.id = b.id;"
                     "DELETE FROM temp.bulk_ids;",
                     err);
    }
    /* Either way the load's contacts are folded into each summary: the
     * figures were gathered as the links were written. */
    return rc ? rc : sq_fold_flush(s, err);
}

static bool
named_before(const int64_t *people, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (people[j] == people[i])
            return true;
    return false;
}

/* As STATS_SELECT: automated mail and notes are not contact. */
static bool
counts_as_contact(const rp_interaction *x)
{
    return !x->automated && x->kind && strcmp(x->kind, "note") != 0;
}

rp_code
sq_interaction_add(store *st, rp_interaction *x, rp_err *err)
{
    static const char ins[] =
        "INSERT INTO interaction(id, kind, dir, at, summary, body, source, "
        "external_id, thread, automated, sentiment, created_at) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
    static const char link[] =
        "INSERT OR IGNORE INTO interaction_person(interaction_id, person_id, "
        "at) VALUES(?1, ?2, ?3)";
    static const char mark[] = "INSERT INTO temp.bulk_ids(id) VALUES(?1)";
    sq_store *s = (sq_store *)st;
    int own;
    int64_t given_id = x->id;
    rp_code rc = sq_tx_begin(s, &own, err);
    sqlite3_stmt *q;
    if (rc)
        return rc;
    if (sq_pending_fits(s, x)) {
        if ((rc = sq_pending_add(s, x, err)))
            goto cleanup;
        goto links;
    }
    /* One row at a time: what is held goes first, so that an id or an
     * external id taken by a held row is reported with this record. */
    if (s->npending && (rc = sq_pending_flush(s, err)))
        goto cleanup;
    if (!(q = sq_prep(s, ins, err))) {
        rc = RP_ESTORE;
        goto cleanup;
    }
    sq_bind_id(q, 1, x->id);
    sq_bind_text(q, 2, x->kind);
    sq_bind_text(q, 3, x->dir);
    sqlite3_bind_int64(q, 4, x->at);
    sq_bind_text(q, 5, x->summary);
    sq_bind_text(q, 6, x->body);
    sq_bind_text(q, 7, x->source);
    sq_bind_text(q, 8, x->external_id);
    sq_bind_text(q, 9, x->thread);
    sqlite3_bind_int(q, 10, x->automated);
    if (x->has_sentiment)
        sqlite3_bind_double(q, 11, x->sentiment);
    sqlite3_bind_int64(q, 12, x->created_at);
    if (sqlite3_step(q) != SQLITE_DONE) {
        int ext = sqlite3_extended_errcode(s->db);
        if (ext == SQLITE_CONSTRAINT_UNIQUE)
            rc = rp_fail(err, RP_ECONFLICT,
                         "interaction '%s' is already recorded",
                         x->external_id ? x->external_id : "");
        else if (ext == SQLITE_CONSTRAINT_PRIMARYKEY)
            rc = rp_fail(err, RP_EEXISTS, "interaction id %lld is taken",
                         (long long)x->id);
        else if (ext == SQLITE_CONSTRAINT_CHECK)
            rc = rp_fail(err, RP_EINVAL,
                         "invalid interaction: kind '%s' or direction '%s'",
                         x->kind ? x->kind : "", x->dir ? x->dir : "");
        else
            rc = sq_fail(s, err, "cannot save interaction");
        goto cleanup;
    }
    x->id = sqlite3_last_insert_rowid(s->db);
    sq_pending_saw(s, x->id);
links:
    if (s->bulk && s->fk_off) {
        /* Held and written many at a time (sqlite_links.c): with the keys
         * checked at the end, a link cannot fail.  A person named twice
         * is one link and one contact. */
        for (size_t i = 0; i < x->npeople && !rc; i++) {
            if (named_before(x->people, i))
                continue;
            rc = sq_links_add(s, x->id, x->people[i], x->at, err);
            if (!rc && counts_as_contact(x))
                rc = sq_fold_add(s, x->people[i], !strcmp(x->dir, "in"), x->at);
        }
        goto cleanup;
    }
    for (size_t i = 0; i < x->npeople; i++) {
        q = sq_prep(s, link, err);
        if (!q) {
            rc = RP_ESTORE;
            goto cleanup;
        }
        sqlite3_bind_int64(q, 1, x->id);
        sqlite3_bind_int64(q, 2, x->people[i]);
        sqlite3_bind_int64(q, 3, x->at);
        if (sqlite3_step(q) != SQLITE_DONE) {
            if (sqlite3_extended_errcode(s->db) == SQLITE_CONSTRAINT_FOREIGNKEY)
                rc = rp_fail(err, RP_ENOTFOUND, "no person with id %lld",
                             (long long)x->people[i]);
            else
                rc = sq_fail(s, err, "cannot save interaction");
            goto cleanup;
        }
        /* A bulk load gathers its contact figures as it goes (a person
         * named twice is one link, counted once). */
        if (s->bulk && counts_as_contact(x) && sqlite3_changes(s->db) == 1 &&
            (rc = sq_fold_add(s, x->people[i], !strcmp(x->dir, "in"), x->at)))
            goto cleanup;
    }
    if (s->bulk) {
        /* Into an empty book everything is indexed at the end; otherwise
         * the row is marked for the end of the load. */
        if (s->bulk_was_empty)
            goto cleanup;
        q = sq_prep(s, mark, err);
        if (q)
            sqlite3_bind_int64(q, 1, x->id);
        if (!q || sqlite3_step(q) != SQLITE_DONE)
            rc = q ? sq_fail(s, err, "cannot save interaction") : RP_ESTORE;
        goto cleanup;
    }
    for (size_t i = 0; i < x->npeople && !rc; i++)
        rc = sq_stats_refresh(s, x->people[i], err);
    if (!rc)
        rc = sq_fts_x_add(s, x->id, x->summary ? x->summary : "", x->body, err);
cleanup:
    if (rc)
        x->id = given_id; /* as the caller passed it */
    return sq_tx_end(s, own, rc, err);
}

#define INTERACTION_COLUMNS                                                    \
    "i.id, i.kind, i.dir, i.at, i.summary, i.body, i.source, "                 \
    "i.external_id, i.thread, i.automated, i.sentiment, i.created_at "

static rp_code
participants(sq_store *s, rp_arena *a, rp_interaction *x, rp_err *err)
{
    static const char sql[] = "SELECT person_id FROM interaction_person "
                              "WHERE interaction_id = ?1";
    sqlite3_stmt *q = sq_prep(s, sql, err);
    size_t cap = 0;
    int r;
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, x->id);
    x->npeople = 0;
    x->people = NULL;
    while ((r = sqlite3_step(q)) == SQLITE_ROW) {
        if (rp_arena_grow(a, (void **)&x->people, &cap, x->npeople,
                          sizeof *x->people))
            return RP_ENOMEM;
        x->people[x->npeople++] = sqlite3_column_int64(q, 0);
    }
    return r == SQLITE_DONE ? RP_OK
                            : sq_fail(s, err, "cannot read interaction");
}

static void
interaction_from_row(rp_arena *a, sqlite3_stmt *q, rp_interaction *x)
{
    memset(x, 0, sizeof *x);
    x->id = sqlite3_column_int64(q, 0);
    x->kind = sq_text(a, q, 1);
    x->dir = sq_text(a, q, 2);
    x->at = sqlite3_column_int64(q, 3);
    x->summary = sq_text(a, q, 4);
    x->body = sq_text(a, q, 5);
    x->source = sq_text(a, q, 6);
    x->external_id = sq_text(a, q, 7);
    x->thread = sq_text(a, q, 8);
    x->automated = sqlite3_column_int(q, 9) != 0;
    x->has_sentiment = sqlite3_column_type(q, 10) != SQLITE_NULL;
    x->sentiment = sqlite3_column_double(q, 10);
    x->created_at = sqlite3_column_int64(q, 11);
}

/* Reads every row of q into an arena array, then each one's people. */
/* Reads every row of q into *out, without participants. */
static rp_code
collect_rows(sq_store *s, rp_arena *a, sqlite3_stmt *q, rp_interaction **out,
             size_t *n, rp_err *err)
{
    size_t cap = 0;
    int r;
    *n = 0;
    *out = NULL;
    while ((r = sqlite3_step(q)) == SQLITE_ROW) {
        if (rp_arena_grow(a, (void **)out, &cap, *n, sizeof **out))
            return RP_ENOMEM;
        interaction_from_row(a, q, &(*out)[(*n)++]);
    }
    if (r != SQLITE_DONE)
        return sq_fail(s, err, "cannot read interactions");
    return RP_OK;
}

static rp_code
collect_interactions(sq_store *s, rp_arena *a, sqlite3_stmt *q,
                     rp_interaction **out, size_t *n, rp_err *err)
{
    rp_code rc = collect_rows(s, a, q, out, n, err);
    for (size_t i = 0; i < *n && !rc; i++)
        rc = participants(s, a, &(*out)[i], err);
    return rc;
}

rp_code
sq_interaction_get(store *st, rp_arena *a, int64_t id, rp_interaction *out,
                   rp_err *err)
{
    static const char sql[] =
        "SELECT " INTERACTION_COLUMNS "FROM interaction i WHERE i.id = ?1";
    sq_store *s = (sq_store *)st;
    /* Held rows first, and their links, or the row would come back
     * without its people. */
    if ((s->npending && sq_pending_flush(s, err)) ||
        (s->nlinks && sq_links_flush(s, err)))
        return RP_ESTORE;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    rp_interaction *v;
    size_t n;
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, id);
    rp_code rc = collect_interactions(s, a, q, &v, &n, err);
    if (rc)
        return rc;
    if (!n)
        return rp_fail(err, RP_ENOTFOUND, "no interaction with id %lld",
                       (long long)id);
    *out = v[0];
    return RP_OK;
}

rp_code
sq_interaction_delete(store *st, int64_t id, rp_err *err)
{
    static const char people[] = "SELECT person_id FROM interaction_person "
                                 "WHERE interaction_id = ?1";
    static const char del[] = "DELETE FROM interaction WHERE id = ?1";
    sq_store *s = (sq_store *)st;
    int own;
    int64_t ids[64];
    size_t n = 0;
    rp_code rc = sq_tx_begin(s, &own, err);
    if (rc)
        return rc;
    sqlite3_stmt *q = sq_prep(s, people, err);
    if (!q) {
        rc = RP_ESTORE;
        goto cleanup;
    }
    sqlite3_bind_int64(q, 1, id);
    while (sqlite3_step(q) == SQLITE_ROW && n < 64)
        ids[n++] = sqlite3_column_int64(q, 0);
    /* The index reads the row's text to unindex it: it goes first. */
    if ((rc = sq_fts_x_delete(s, id, err)))
        goto cleanup;
    q = sq_prep(s, del, err);
    if (!q) {
        rc = RP_ESTORE;
        goto cleanup;
    }
    sqlite3_bind_int64(q, 1, id);
    if (sqlite3_step(q) != SQLITE_DONE) {
        rc = sq_fail(s, err, "cannot delete interaction");
        goto cleanup;
    }
    if (sqlite3_changes(s->db) == 0) {
        rc = rp_fail(err, RP_ENOTFOUND, "no interaction with id %lld",
                     (long long)id);
        goto cleanup;
    }
    for (size_t i = 0; i < n && !rc; i++)
        rc = sq_stats_refresh(s, ids[i], err);
cleanup:
    return sq_tx_end(s, own, rc, err);
}

rp_code
sq_interaction_list(store *st, rp_arena *a, int64_t person_id, size_t limit,
                    rp_interaction **out, size_t *n, rp_err *err)
{
    /* The newest ids from the per-person time index, then their rows. */
    static const char sql[] =
        "SELECT " INTERACTION_COLUMNS "FROM interaction i WHERE i.id IN ("
        "SELECT ip.interaction_id FROM interaction_person ip "
        "WHERE ip.person_id = ?1 "
        "ORDER BY ip.at DESC, ip.interaction_id DESC LIMIT ?2) "
        "ORDER BY i.at DESC, i.id DESC";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, person_id);
    sqlite3_bind_int64(q, 2, limit ? (int64_t)limit : -1);
    return collect_interactions(s, a, q, out, n, err);
}

rp_code
sq_interaction_tone_list(store *st, rp_arena *a, int64_t person_id,
                         size_t limit, rp_interaction **out, size_t *n,
                         rp_err *err)
{
    /* person show reads this beside the recent list: skipping the
     * participants (a query per row) and the bodies it does not coach
     * keeps a person with thousands of messages cheap. */
    static const char sql[] =
        "SELECT i.id, i.kind, i.dir, i.at, NULL, "
        "CASE WHEN i.dir = 'out' THEN i.body END, NULL, NULL, i.thread, "
        "i.automated, i.sentiment, i.created_at "
        "FROM interaction_person ip JOIN interaction i "
        "ON i.id = ip.interaction_id WHERE ip.person_id = ?1 "
        "AND i.automated = 0 AND i.kind IN ('email', 'message') "
        "ORDER BY ip.at DESC, ip.interaction_id DESC LIMIT ?2";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    *n = 0;
    *out = NULL;
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, person_id);
    sqlite3_bind_int64(q, 2, limit ? (int64_t)limit : -1);
    return collect_rows(s, a, q, out, n, err);
}

rp_code
sq_meetings_between(store *st, rp_arena *a, int64_t from, int64_t to,
                    rp_interaction **out, size_t *n, rp_err *err)
{
    static const char sql[] =
        "SELECT " INTERACTION_COLUMNS "FROM interaction i "
        "INDEXED BY interaction_meeting_at "
        "WHERE i.kind = 'meeting' AND i.at >= ?1 AND i.at < ?2 "
        "ORDER BY i.at, i.id";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, from);
    sqlite3_bind_int64(q, 2, to);
    return collect_interactions(s, a, q, out, n, err);
}

rp_code
sq_interaction_each(store *st, store_interaction_fn *fn, void *ud, rp_err *err)
{
    /* A separate statement (not the cache): the callback may run cached
     * queries while this one is still stepping. */
    static const char sql[] =
        "SELECT " INTERACTION_COLUMNS ", "
        "(SELECT group_concat(person_id) FROM interaction_person "
        "WHERE interaction_id = i.id) FROM interaction i ORDER BY i.id";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = NULL;
    rp_arena *a = NULL;
    rp_code rc = RP_OK;
    int r;
    if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK)
        return sq_fail(s, err, "cannot read interactions");
    while ((r = sqlite3_step(q)) == SQLITE_ROW) {
        rp_interaction x;
        a = rp_arena_new();
        if (!a) {
            rc = RP_ENOMEM;
            goto cleanup;
        }
        interaction_from_row(a, q, &x);
        const char *ids = (const char *)sqlite3_column_text(q, 12);
        size_t cap = 0;
        while (ids && *ids) {
            char *end;
            int64_t v = strtoll(ids, &end, 10);
            if (rp_arena_grow(a, (void **)&x.people, &cap, x.npeople,
                              sizeof *x.people)) {
                rc = RP_ENOMEM;
                goto cleanup;
            }
            x.people[x.npeople++] = v;
            ids = *end ? end + 1 : end;
        }
        rc = fn(ud, &x);
        rp_arena_free(a);
        a = NULL;
        if (rc)
            goto cleanup;
    }
    if (r != SQLITE_DONE)
        rc = sq_fail(s, err, "cannot read interactions");
cleanup:
    rp_arena_free(a);
    sqlite3_finalize(q);
    return rc;
}

rp_code
sq_interaction_by_external(store *st, const char *external_id, int64_t *id,
                           rp_err *err)
{
    static const char sql[] =
        "SELECT id FROM interaction WHERE external_id = ?1";
    sq_store *s = (sq_store *)st;
    if (s->npending && sq_pending_flush(s, err))
        return RP_ESTORE;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    sq_bind_text(q, 1, external_id);
    int r = sqlite3_step(q);
    if (r == SQLITE_ROW) {
        *id = sqlite3_column_int64(q, 0);
        return RP_OK;
    }
    *id = 0;
    if (r == SQLITE_DONE)
        return rp_fail(err, RP_ENOTFOUND, "no interaction '%s'", external_id);
    return sq_fail(s, err, "cannot read interactions");
}

rp_code
sq_stats_each(store *st, store_stats_fn *fn, void *ud, rp_err *err)
{
    static const char sql[] =
        "SELECT p.id, p.name, NULL, p.title, p.tier, p.cadence_days, "
        "s.n_in, s.n_out, s.first_at, s.last_at, s.last_in_at, s.last_out_at, "
        "s.given, s.received, s.asks, s.asks_yes, s.asks_no, s.asks_pending, "
        "s.first_given_at, s.first_ask_at, s.last_given_at "
        "FROM person p LEFT JOIN person_stats s ON s.person_id = p.id "
        "WHERE p.is_me = 0 ORDER BY p.id";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = NULL;
    rp_code rc = RP_OK;
    int r;
    if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK)
        return sq_fail(s, err, "cannot read people");
    while ((r = sqlite3_step(q)) == SQLITE_ROW) {
        rp_person_ref p = {0};
        rp_stats t = {0};
        p.id = t.person_id = sqlite3_column_int64(q, 0);
        /* Borrowed from the statement: valid until the next step, which
         * is all the callback is promised. */
        p.name = (const char *)sqlite3_column_text(q, 1);
        p.org_name = (const char *)sqlite3_column_text(q, 2);
        p.title = (const char *)sqlite3_column_text(q, 3);
        p.tier = (const char *)sqlite3_column_text(q, 4);
        p.cadence_days = sqlite3_column_int(q, 5);
        t.n_in = sqlite3_column_int(q, 6);
        t.n_out = sqlite3_column_int(q, 7);
        t.first_at = sqlite3_column_int64(q, 8);
        t.last_at = sqlite3_column_int64(q, 9);
        t.last_in_at = sqlite3_column_int64(q, 10);
        t.last_out_at = sqlite3_column_int64(q, 11);
        rp_ledger_totals l = {.person_id = p.id};
        l.given = sqlite3_column_int(q, 12);
        l.received = sqlite3_column_int(q, 13);
        l.asks = sqlite3_column_int(q, 14);
        l.asks_yes = sqlite3_column_int(q, 15);
        l.asks_no = sqlite3_column_int(q, 16);
        l.asks_pending = sqlite3_column_int(q, 17);
        l.first_given_at = sqlite3_column_int64(q, 18);
        l.first_ask_at = sqlite3_column_int64(q, 19);
        l.last_given_at = sqlite3_column_int64(q, 20);
        if ((rc = fn(ud, &p, &t, &l)))
            goto cleanup;
    }
    if (r != SQLITE_DONE)
        rc = sq_fail(s, err, "cannot read people");
cleanup:
    sqlite3_finalize(q);
    return rc;
}

rp_code
sq_stats_get(store *st, int64_t person_id, int64_t now, rp_stats *out,
             rp_err *err)
{
    static const char sql[] = STATS_SELECT
        "AND ip.person_id = ?1 AND i.at <= ?2 GROUP BY ip.person_id";
    static const char stored[] =
        "SELECT n_in, n_out, first_at, last_at, last_in_at, last_out_at "
        "FROM person_stats WHERE person_id = ?1";
    sq_store *s = (sq_store *)st;
    memset(out, 0, sizeof *out);
    out->person_id = person_id;
    /* The stored summary is exact unless it holds a future meeting; only
     * then count again up to now. */
    sqlite3_stmt *q = sq_prep(s, stored, err);
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, person_id);
    int r0 = sqlite3_step(q);
    if (r0 == SQLITE_DONE && !s->bulk)
        return RP_OK; /* no contact at all */
    if (r0 == SQLITE_ROW && !s->bulk && sqlite3_column_int64(q, 3) <= now) {
        out->n_in = sqlite3_column_int(q, 0);
        out->n_out = sqlite3_column_int(q, 1);
        out->first_at = sqlite3_column_int64(q, 2);
        out->last_at = sqlite3_column_int64(q, 3);
        out->last_in_at = sqlite3_column_int64(q, 4);
        out->last_out_at = sqlite3_column_int64(q, 5);
        return RP_OK;
    }
    q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, person_id);
    sqlite3_bind_int64(q, 2, now);
    int r = sqlite3_step(q);
    if (r == SQLITE_ROW) {
        out->n_in = sqlite3_column_int(q, 1);
        out->n_out = sqlite3_column_int(q, 2);
        out->first_at = sqlite3_column_int64(q, 3);
        out->last_at = sqlite3_column_int64(q, 4);
        out->last_in_at = sqlite3_column_int64(q, 5);
        out->last_out_at = sqlite3_column_int64(q, 6);
        return RP_OK;
    }
    return r == SQLITE_DONE ? RP_OK : sq_fail(s, err, "cannot read contacts");
}
