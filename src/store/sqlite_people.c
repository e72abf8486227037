/* sqlite_people.c - people and organisations in the SQLite store. */
#include "store/sqlite_ops.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/buf.h"
#include "base/phone.h"

static const char SQL_PERSON_INSERT[] =
    "INSERT INTO person(id, name, org_id, title, how_met, family, notes, "
    "tier, cadence_days, is_me, created_at) "
    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
static const char SQL_PERSON_UPDATE[] =
    "UPDATE person SET name = ?2, org_id = ?3, title = ?4, how_met = ?5, "
    "family = ?6, notes = ?7, tier = ?8, cadence_days = ?9, is_me = ?10 "
    "WHERE id = ?1";
static const char SQL_ITEM_INSERT[] =
    "INSERT INTO person_item(person_id, kind, value, label, seq, phone_cc, "
    "phone_nsn) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char SQL_ITEMS_DELETE[] =
    "DELETE FROM person_item WHERE person_id = ?1";
static const char SQL_EMAIL_OWNER[] =
    "SELECT p.id, p.name FROM person_item i JOIN person p "
    "ON p.id = i.person_id WHERE i.kind = 'email' "
    "AND i.value = ?1 COLLATE NOCASE";
static const char SQL_PERSON_GET[] =
    "SELECT p.id, p.name, p.org_id, o.name, p.title, p.how_met, p.family, "
    "p.notes, p.tier, p.cadence_days, p.is_me, p.created_at "
    "FROM person p LEFT JOIN org o ON o.id = p.org_id WHERE p.id = ?1";
static const char SQL_FTS_DELETE[] = "DELETE FROM search_fts WHERE rowid = ?1";
static const char SQL_FTS_INSERT[] =
    "INSERT INTO search_fts(rowid, title, body) VALUES(?1, ?2, ?3)";
static const char SQL_ME[] = "SELECT id FROM person WHERE is_me = 1";
static const char SQL_BY_EMAIL[] =
    "SELECT person_id FROM person_item WHERE kind = 'email' "
    "AND value = ?1 COLLATE NOCASE";

/* Items are kept in insertion order (WITHOUT ROWID tables have no rowid,
 * so order by the primary key instead). */
static const char SQL_ITEMS_GET_PK[] =
    "SELECT kind, value, label FROM person_item WHERE person_id = ?1 "
    "ORDER BY kind, seq";

static rp_code
step_done(sq_store *s, sqlite3_stmt *q, rp_err *err, const char *what)
{
    if (sqlite3_step(q) != SQLITE_DONE)
        return sq_fail(s, err, what);
    return RP_OK;
}

rp_code
sq_fts_put(sq_store *s, int64_t rowid, const char *title, const char *body,
           rp_err *err)
{
    sqlite3_stmt *q = sq_prep(s, SQL_FTS_DELETE, err);
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, rowid);
    rp_code rc = step_done(s, q, err, "cannot update the search index");
    if (rc || !title)
        return rc;
    return sq_fts_add(s, rowid, title, body, err);
}

rp_code
sq_fts_add(sq_store *s, int64_t rowid, const char *title, const char *body,
           rp_err *err)
{
    sqlite3_stmt *q = sq_prep(s, SQL_FTS_INSERT, err);
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, rowid);
    sq_bind_text(q, 2, title);
    sq_bind_text(q, 3, body);
    return step_done(s, q, err, "cannot update the search index");
}

static void
add_strs(rp_buf *b, const rp_strs *v)
{
    for (size_t i = 0; i < v->n; i++) {
        rp_buf_adds(b, v->v[i]);
        rp_buf_addc(b, '\n');
    }
}

/* Indexes what a user would search a person by: everything but dates.
 * A person just created has no document yet, so nothing to replace. */
static rp_code
person_index(sq_store *s, const rp_person *p, bool fresh, rp_err *err)
{
    rp_buf b = RP_BUF_INIT;
    const char *fields[] = {p->org_name, p->title, p->how_met, p->family,
                            p->notes};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (fields[i]) {
            rp_buf_adds(&b, fields[i]);
            rp_buf_addc(&b, '\n');
        }
    add_strs(&b, &p->emails);
    add_strs(&b, &p->interests);
    add_strs(&b, &p->goals);
    add_strs(&b, &p->tags);
    rp_code rc = fresh ? sq_fts_add(s, p->id * 4 + 0, p->name, b.buf, err)
                       : sq_fts_put(s, p->id * 4 + 0, p->name, b.buf, err);
    rp_buf_release(&b);
    return rc;
}

static rp_code
insert_item(sq_store *s, int64_t pid, const char *kind, const char *value,
            const char *label, size_t seq, rp_err *err)
{
    sqlite3_stmt *q = sq_prep(s, SQL_ITEM_INSERT, err);
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, pid);
    sqlite3_bind_text(q, 2, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 3, value, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 4, label ? label : "", -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 5, (int64_t)seq);
    rp_phone ph;
    /* Stored as written, without a default region: see 003_contact_match. */
    if (!strcmp(kind, "phone") && rp_phone_parse(value, NULL, &ph)) {
        sqlite3_bind_text(q, 6, ph.cc, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q, 7, ph.nsn, -1, SQLITE_TRANSIENT);
    } else {
        sqlite3_bind_null(q, 6);
        sqlite3_bind_null(q, 7);
    }
    if (sqlite3_step(q) == SQLITE_DONE)
        return RP_OK;
    int ext = sqlite3_extended_errcode(s->db);
    if (ext == SQLITE_CONSTRAINT_PRIMARYKEY)
        return RP_OK; /* the same fact twice is one fact */
    if (ext == SQLITE_CONSTRAINT_UNIQUE && !strcmp(kind, "email")) {
        sqlite3_reset(q);
        sqlite3_stmt *o = sq_prep(s, SQL_EMAIL_OWNER, err);
        if (o) {
            sqlite3_bind_text(o, 1, value, -1, SQLITE_STATIC);
            if (sqlite3_step(o) == SQLITE_ROW)
                return rp_fail(err, RP_ECONFLICT,
                               "email '%s' already belongs to %s (id %lld)",
                               value, sqlite3_column_text(o, 1),
                               (long long)sqlite3_column_int64(o, 0));
        }
        return rp_fail(err, RP_ECONFLICT, "email '%s' is already known", value);
    }
    return sq_fail(s, err, "cannot save a person's details");
}

static rp_code
insert_items(sq_store *s, const rp_person *p, rp_err *err)
{
    struct {
        const char *kind;
        const rp_strs *v;
    } lists[] = {{"email", &p->emails},
                 {"phone", &p->phones},
                 {"interest", &p->interests},
                 {"goal", &p->goals},
                 {"tag", &p->tags}};
    rp_code rc = RP_OK;
    for (size_t l = 0; l < sizeof lists / sizeof *lists && !rc; l++)
        for (size_t i = 0; i < lists[l].v->n && !rc; i++)
            rc = insert_item(s, p->id, lists[l].kind, lists[l].v->v[i], "", i,
                             err);
    for (size_t i = 0; i < p->ndates && !rc; i++)
        rc = insert_item(s, p->id, "date", p->dates[i].date, p->dates[i].label,
                         i, err);
    return rc;
}

static void
bind_person(sqlite3_stmt *q, const rp_person *p)
{
    sq_bind_id(q, 1, p->id);
    sq_bind_text(q, 2, p->name);
    sq_bind_id(q, 3, p->org_id);
    sq_bind_text(q, 4, p->title);
    sq_bind_text(q, 5, p->how_met);
    sq_bind_text(q, 6, p->family);
    sq_bind_text(q, 7, p->notes);
    sq_bind_text(q, 8, p->tier);
    if (p->cadence_days > 0)
        sqlite3_bind_int(q, 9, p->cadence_days);
    else
        sqlite3_bind_null(q, 9);
    sqlite3_bind_int(q, 10, p->is_me ? 1 : 0);
}

/* The org's name for the search index, when the caller did not give it:
 * SQLite's own copy, valid until the next call (no arena per person: on a
 * large import that was an allocation and a release per row). */
static const char *
org_name_for(sq_store *s, int64_t org_id)
{
    static const char sql[] = "SELECT name FROM org WHERE id = ?1";
    if (!org_id)
        return NULL;
    sqlite3_stmt *q = sq_prep(s, sql, NULL);
    if (!q)
        return NULL;
    sqlite3_bind_int64(q, 1, org_id);
    return sqlite3_step(q) == SQLITE_ROW
               ? (const char *)sqlite3_column_text(q, 0)
               : NULL;
}

static rp_code
person_conflict(sq_store *s, const rp_person *p, rp_err *err)
{
    int ext = sqlite3_extended_errcode(s->db);
    if (ext == SQLITE_CONSTRAINT_UNIQUE && p->is_me)
        return rp_fail(err, RP_ECONFLICT,
                       "there is already a person marked as you");
    if (ext == SQLITE_CONSTRAINT_PRIMARYKEY)
        return rp_fail(err, RP_EEXISTS, "person id %lld is taken",
                       (long long)p->id);
    if (ext == SQLITE_CONSTRAINT_FOREIGNKEY)
        return rp_fail(err, RP_ENOTFOUND, "no organisation with id %lld",
                       (long long)p->org_id);
    if (ext == SQLITE_CONSTRAINT_CHECK)
        return rp_fail(err, RP_EINVAL,
                       "invalid person '%s': tier must be inner, active or "
                       "network and cadence positive",
                       p->name ? p->name : "");
    return sq_fail(s, err, "cannot save person");
}

rp_code
sq_person_add(store *st, rp_person *p, rp_err *err)
{
    sq_store *s = (sq_store *)st;
    int own;
    int64_t given_id = p->id;
    rp_code rc = sq_tx_begin(s, &own, err);
    if (rc)
        return rc;
    sqlite3_stmt *q = sq_prep(s, SQL_PERSON_INSERT, err);
    if (!q) {
        rc = RP_ESTORE;
        goto cleanup;
    }
    bind_person(q, p);
    sqlite3_bind_int64(q, 11, p->created_at);
    if (sqlite3_step(q) != SQLITE_DONE) {
        rc = person_conflict(s, p, err);
        goto cleanup;
    }
    p->id = sqlite3_last_insert_rowid(s->db);
    rc = insert_items(s, p, err);
    if (rc)
        goto cleanup;
    rp_person idx = *p;
    if (!idx.org_name && idx.org_id)
        idx.org_name = org_name_for(s, idx.org_id);
    rc = person_index(s, &idx, true, err);
cleanup:
    if (rc)
        p->id = given_id; /* as the caller passed it */
    return sq_tx_end(s, own, rc, err);
}

rp_code
sq_person_update(store *st, const rp_person *p, rp_err *err)
{
    sq_store *s = (sq_store *)st;
    int own;
    rp_code rc = sq_tx_begin(s, &own, err);
    if (rc)
        return rc;
    sqlite3_stmt *q = sq_prep(s, SQL_PERSON_UPDATE, err);
    if (!q) {
        rc = RP_ESTORE;
        goto cleanup;
    }
    bind_person(q, p);
    if (sqlite3_step(q) != SQLITE_DONE) {
        rc = person_conflict(s, p, err);
        goto cleanup;
    }
    if (sqlite3_changes(s->db) == 0) {
        rc = rp_fail(err, RP_ENOTFOUND, "no person with id %lld",
                     (long long)p->id);
        goto cleanup;
    }
    q = sq_prep(s, SQL_ITEMS_DELETE, err);
    if (!q) {
        rc = RP_ESTORE;
        goto cleanup;
    }
    sqlite3_bind_int64(q, 1, p->id);
    if ((rc = step_done(s, q, err, "cannot update person")))
        goto cleanup;
    if ((rc = insert_items(s, p, err)))
        goto cleanup;
    rp_person idx = *p;
    idx.org_name = org_name_for(s, p->org_id);
    rc = person_index(s, &idx, false, err);
cleanup:
    return sq_tx_end(s, own, rc, err);
}

rp_code
sq_person_delete(store *st, int64_t id, rp_err *err)
{
    /* Their history goes with them: interactions they were the only
     * participant of (and those interactions' search entries).  Meetings
     * shared with others stay, for the others. */
#define ONLY_THEIRS                                                            \
    "(SELECT ip.interaction_id FROM interaction_person ip "                    \
    "WHERE ip.person_id = ?1 AND NOT EXISTS (SELECT 1 FROM "                   \
    "interaction_person o JOIN person op ON op.id = o.person_id "              \
    "WHERE o.interaction_id = ip.interaction_id "                              \
    "AND o.person_id <> ?1 AND op.is_me = 0))"
    static const char *const steps[] = {
        "DELETE FROM search_fts_x WHERE rowid IN " ONLY_THEIRS,
        "DELETE FROM interaction WHERE id IN " ONLY_THEIRS,
        "DELETE FROM person WHERE id = ?1",
    };
#undef ONLY_THEIRS
    sq_store *s = (sq_store *)st;
    int own;
    rp_code rc = sq_tx_begin(s, &own, err);
    if (rc)
        return rc;
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        sqlite3_stmt *q = sq_prep(s, steps[i], err);
        if (!q) {
            rc = RP_ESTORE;
            goto cleanup;
        }
        sqlite3_bind_int64(q, 1, id);
        if ((rc = step_done(s, q, err, "cannot delete person")))
            goto cleanup;
    }
    if (sqlite3_changes(s->db) == 0) {
        rc =
            rp_fail(err, RP_ENOTFOUND, "no person with id %lld", (long long)id);
        goto cleanup;
    }
    rc = sq_fts_put(s, id * 4, NULL, NULL, err);
    /* The user may have shared some of the interactions that went. */
    int64_t me;
    if (!rc && sq_person_me(st, &me, NULL) == RP_OK)
        rc = sq_stats_refresh(s, me, err);
cleanup:
    return sq_tx_end(s, own, rc, err);
}

/* Appends v to a growing arena array of strings. */
static rp_code
strs_push(rp_arena *a, rp_strs *v, const char *s)
{
    /* Arrays double in the arena; the old copy is left to the arena. */
    if ((v->n & (v->n - 1)) == 0) {
        size_t cap = v->n ? v->n * 2 : 1;
        const char **nv = rp_arena_alloc(a, cap * sizeof *nv);
        if (!nv)
            return RP_ENOMEM;
        if (v->n)
            memcpy(nv, v->v, v->n * sizeof *nv);
        v->v = nv;
    }
    v->v[v->n++] = s;
    return RP_OK;
}

rp_code
sq_person_get(store *st, rp_arena *a, int64_t id, rp_person *p, rp_err *err)
{
    sq_store *s = (sq_store *)st;
    memset(p, 0, sizeof *p);
    sqlite3_stmt *q = sq_prep(s, SQL_PERSON_GET, err);
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, id);
    int r = sqlite3_step(q);
    if (r == SQLITE_DONE)
        return rp_fail(err, RP_ENOTFOUND, "no person with id %lld",
                       (long long)id);
    if (r != SQLITE_ROW)
        return sq_fail(s, err, "cannot read person");
    p->id = sqlite3_column_int64(q, 0);
    p->name = sq_text(a, q, 1);
    p->org_id = sqlite3_column_int64(q, 2);
    p->org_name = sq_text(a, q, 3);
    p->title = sq_text(a, q, 4);
    p->how_met = sq_text(a, q, 5);
    p->family = sq_text(a, q, 6);
    p->notes = sq_text(a, q, 7);
    p->tier = sq_text(a, q, 8);
    p->cadence_days = sqlite3_column_int(q, 9);
    p->is_me = sqlite3_column_int(q, 10) != 0;
    p->created_at = sqlite3_column_int64(q, 11);
    q = sq_prep(s, SQL_ITEMS_GET_PK, err);
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, id);
    size_t ndates = 0, capdates = 0;
    while ((r = sqlite3_step(q)) == SQLITE_ROW) {
        const char *kind = (const char *)sqlite3_column_text(q, 0);
        const char *value = sq_text(a, q, 1);
        rp_strs *v = NULL;
        if (!value)
            return RP_ENOMEM;
        if (!strcmp(kind, "email"))
            v = &p->emails;
        else if (!strcmp(kind, "phone"))
            v = &p->phones;
        else if (!strcmp(kind, "interest"))
            v = &p->interests;
        else if (!strcmp(kind, "goal"))
            v = &p->goals;
        else if (!strcmp(kind, "tag"))
            v = &p->tags;
        if (v) {
            if (strs_push(a, v, value))
                return RP_ENOMEM;
            continue;
        }
        if (rp_arena_grow(a, (void **)&p->dates, &capdates, ndates,
                          sizeof *p->dates))
            return RP_ENOMEM;
        p->dates[ndates].date = value;
        p->dates[ndates].label = sq_text(a, q, 2);
        ndates++;
    }
    p->ndates = ndates;
    if (r != SQLITE_DONE)
        return sq_fail(s, err, "cannot read person");
    return RP_OK;
}

static rp_code
collect_refs(sq_store *s, rp_arena *a, sqlite3_stmt *q, rp_person_ref **out,
             size_t *n, rp_err *err)
{
    size_t cap = 0;
    rp_person_ref *v = NULL;
    int r;
    *n = 0;
    while ((r = sqlite3_step(q)) == SQLITE_ROW) {
        if (rp_arena_grow(a, (void **)&v, &cap, *n, sizeof *v))
            return RP_ENOMEM;
        rp_person_ref *p = &v[(*n)++];
        p->id = sqlite3_column_int64(q, 0);
        p->name = sq_text(a, q, 1);
        p->email = sq_text(a, q, 2);
        p->org_name = sq_text(a, q, 3);
        p->title = sq_text(a, q, 4);
        p->tier = sq_text(a, q, 5);
        p->cadence_days = sqlite3_column_int(q, 6);
    }
    *out = v;
    if (r != SQLITE_DONE)
        return sq_fail(s, err, "cannot list people");
    return RP_OK;
}

#define REF_COLUMNS                                                            \
    "p.id, p.name, (SELECT value FROM person_item e WHERE e.person_id = "      \
    "p.id AND e.kind = 'email' ORDER BY seq LIMIT 1), o.name, p.title, "       \
    "p.tier, "                                                                 \
    "p.cadence_days FROM person p LEFT JOIN org o ON o.id = p.org_id "

rp_code
sq_person_match(store *st, rp_arena *a, const char *query, rp_person_ref **out,
                size_t *n, rp_err *err)
{
    static const char by_id[] = "SELECT " REF_COLUMNS "WHERE p.id = ?1";
    static const char by_email[] =
        "SELECT " REF_COLUMNS "WHERE p.id IN (SELECT person_id FROM "
        "person_item WHERE kind = 'email' AND value = ?1 COLLATE NOCASE)";
    static const char by_exact[] =
        "SELECT " REF_COLUMNS "WHERE p.name = ?1 COLLATE NOCASE ORDER BY p.id";
    static const char by_name[] =
        "SELECT " REF_COLUMNS "WHERE p.name LIKE '%' || ?1 || '%' ESCAPE '\\' "
        "ORDER BY p.name, p.id LIMIT 50";
    static const char by_folded[] =
        "SELECT " REF_COLUMNS "WHERE rp_fold(p.name) LIKE '%' || rp_fold(?1) "
        "|| '%' ESCAPE '\\' ORDER BY p.name, p.id LIMIT 50";
    sq_store *s = (sq_store *)st;
    const char *sql = by_name;
    const char *p;
    rp_code rc;
    char *esc = NULL;

    for (p = query; *p >= '0' && *p <= '9'; p++)
        ;
    if (*query && !*p)
        sql = by_id;
    else if (strchr(query, '@'))
        sql = by_email;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    if (sql == by_id)
        sqlite3_bind_int64(q, 1, strtoll(query, NULL, 10));
    else
        sq_bind_text(q, 1, query);
    if (sql == by_name) {
        /* An exact name wins over fragments: "Ann" must not be ambiguous
         * with "Joanna" when a person is called exactly Ann. */
        sqlite3_stmt *e = sq_prep(s, by_exact, err);
        if (!e)
            return RP_ESTORE;
        sq_bind_text(e, 1, query);
        rc = collect_refs(s, a, e, out, n, err);
        if (rc || *n)
            return rc;
        q = sq_prep(s, by_name, err);
        if (!q)
            return RP_ESTORE;
        size_t len = strlen(query);
        esc = rp_malloc(len * 2 + 1);
        if (!esc)
            return RP_ENOMEM;
        char *d = esc;
        for (p = query; *p; p++) {
            if (*p == '%' || *p == '_' || *p == '\\')
                *d++ = '\\';
            *d++ = *p;
        }
        *d = '\0';
        sq_bind_text(q, 1, esc);
    }
    rc = collect_refs(s, a, q, out, n, err);
    /* Nothing by the letters as typed: try without case and accents. */
    if (!rc && !*n && sql == by_name) {
        if (!(q = sq_prep(s, by_folded, err)))
            rc = RP_ESTORE;
        else {
            sq_bind_text(q, 1, esc);
            rc = collect_refs(s, a, q, out, n, err);
        }
    }
    rp_free(esc);
    return rc;
}

rp_code
sq_person_list(store *st, rp_arena *a, int64_t org_id, const char *tag,
               rp_person_ref **out, size_t *n, rp_err *err)
{
    static const char sql[] =
        "SELECT " REF_COLUMNS
        "WHERE (?1 IS NULL OR p.org_id = ?1) AND (?2 IS NULL OR p.id IN "
        "(SELECT person_id FROM person_item WHERE kind = 'tag' AND value = "
        "?2 COLLATE NOCASE)) ORDER BY p.name COLLATE NOCASE, p.id";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    sq_bind_id(q, 1, org_id);
    sq_bind_text(q, 2, tag);
    return collect_refs(s, a, q, out, n, err);
}

static rp_code
one_id(sq_store *s, const char *sql, const char *arg, int64_t *id,
       const char *missing, rp_err *err)
{
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    if (arg)
        sqlite3_bind_text(q, 1, arg, -1, SQLITE_STATIC);
    int r = sqlite3_step(q);
    if (r == SQLITE_ROW) {
        *id = sqlite3_column_int64(q, 0);
        return RP_OK;
    }
    *id = 0;
    if (r == SQLITE_DONE && arg)
        return rp_fail(err, RP_ENOTFOUND, missing, arg);
    if (r == SQLITE_DONE)
        return rp_fail(err, RP_ENOTFOUND, "%s", missing);
    return sq_fail(s, err, "cannot read the database");
}

rp_code
sq_person_me(store *st, int64_t *id, rp_err *err)
{
    return one_id((sq_store *)st, SQL_ME, NULL, id,
                  "you are not set up yet: run 'rapport me --name NAME "
                  "--email ADDRESS'",
                  err);
}

rp_code
sq_person_by_email(store *st, const char *email, int64_t *id, rp_err *err)
{
    return one_id((sq_store *)st, SQL_BY_EMAIL, email, id,
                  "no person with email '%s'", err);
}

/*
 * Both numbers' national digits must agree, and their country codes too
 * once each has one: a stored number written nationally takes the
 * default region, and one still without a country code (no region known)
 * matches on its national digits alone.
 */
static const char SQL_BY_PHONE[] =
    "SELECT person_id FROM person_item WHERE kind = 'phone' AND "
    "phone_nsn = ?1 AND (?2 = '' OR coalesce(nullif(phone_cc, ''), ?3) IN "
    "('', ?2)) ORDER BY person_id LIMIT 1";
/* A North American number stored as "1 415 555 0100", with no '+', kept
 * its 1 (no region was applied when it was stored). */
static const char SQL_BY_PHONE_NANP[] =
    "SELECT person_id FROM person_item WHERE kind = 'phone' AND "
    "phone_nsn = ?1 AND phone_cc = '' AND ?2 IN ('', '1') "
    "ORDER BY person_id LIMIT 1";

rp_code
sq_person_by_phone(store *st, const char *phone, const char *region,
                   int64_t *id, rp_err *err)
{
    sq_store *s = (sq_store *)st;
    rp_phone ph;
    char nanp[24];
    *id = 0;
    if (!region)
        region = "";
    if (*region == '+')
        region++;
    if (!rp_phone_parse(phone, region, &ph))
        return rp_fail(err, RP_ENOTFOUND, "'%s' is not a phone number", phone);
    for (int pass = 0; pass < 2; pass++) {
        if (pass && (strcmp(ph.cc, "1") || strlen(ph.nsn) != 10))
            break;
        sqlite3_stmt *q =
            sq_prep(s, pass ? SQL_BY_PHONE_NANP : SQL_BY_PHONE, err);
        if (!q)
            return RP_ESTORE;
        snprintf(nanp, sizeof nanp, "1%s", ph.nsn);
        sqlite3_bind_text(q, 1, pass ? nanp : ph.nsn, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q, 2, pass ? region : ph.cc, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q, 3, region, -1, SQLITE_TRANSIENT);
        int r = sqlite3_step(q);
        if (r == SQLITE_ROW) {
            *id = sqlite3_column_int64(q, 0);
            sqlite3_reset(q);
            return RP_OK;
        }
        sqlite3_reset(q);
        if (r != SQLITE_DONE)
            return sq_fail(s, err, "cannot read the database");
    }
    return rp_fail(err, RP_ENOTFOUND, "no person with the phone '%s'", phone);
}

rp_code
sq_people_named(store *st, rp_arena *a, const char *name, int64_t **ids,
                size_t *n, rp_err *err)
{
    static const char sql[] = "SELECT id FROM person WHERE name = ?1 "
                              "COLLATE NOCASE ORDER BY id LIMIT 64";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    int r;
    *ids = NULL;
    *n = 0;
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_text(q, 1, name, -1, SQLITE_TRANSIENT);
    int64_t *v = rp_arena_alloc(a, 64 * sizeof *v);
    if (!v) {
        sqlite3_reset(q);
        return rp_fail(err, RP_ENOMEM, "out of memory");
    }
    while ((r = sqlite3_step(q)) == SQLITE_ROW)
        v[(*n)++] = sqlite3_column_int64(q, 0);
    sqlite3_reset(q);
    if (r != SQLITE_DONE)
        return sq_fail(s, err, "cannot read the database");
    *ids = v;
    return RP_OK;
}

/* rp_phone_cc(value) and rp_phone_nsn(value): the stored parts of a phone
 * as written, NULL when it is not a number. */
static void
phone_part(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const char *v = (const char *)sqlite3_value_text(argv[0]);
    bool cc = sqlite3_user_data(ctx) != NULL;
    rp_phone ph;
    (void)argc;
    if (!v || !rp_phone_parse(v, NULL, &ph))
        sqlite3_result_null(ctx);
    else
        sqlite3_result_text(ctx, cc ? ph.cc : ph.nsn, -1, SQLITE_TRANSIENT);
}

/* rp_fold(text): case-folded, accents dropped, so that "rene" finds
 * "René Dupré" the way dedupe compares names. */
static void
fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const unsigned char *v = sqlite3_value_text(argv[0]);
    utf8proc_uint8_t *out = NULL;
    (void)argc;
    if (!v ||
        utf8proc_map(v, 0, &out,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
                         UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK) < 0) {
        sqlite3_result_null(ctx);
        return;
    }
    sqlite3_result_text(ctx, (const char *)out, -1, SQLITE_TRANSIENT);
    free(out);
}

rp_code
sq_sql_functions(sq_store *s, rp_err *err)
{
    int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    if (sqlite3_create_function(s->db, "rp_phone_cc", 1, flags, (void *)1,
                                phone_part, NULL, NULL) != SQLITE_OK ||
        sqlite3_create_function(s->db, "rp_phone_nsn", 1, flags, NULL,
                                phone_part, NULL, NULL) != SQLITE_OK ||
        sqlite3_create_function(s->db, "rp_fold", 1, flags, NULL, fold, NULL,
                                NULL) != SQLITE_OK)
        return sq_fail(s, err, "cannot set up the SQL functions");
    return RP_OK;
}

rp_code
sq_dates_all(store *st, rp_arena *a, rp_person_date **out, size_t *n,
             rp_err *err)
{
    static const char sql[] =
        "SELECT i.person_id, p.name, i.label, i.value FROM person_item i "
        "JOIN person p ON p.id = i.person_id WHERE i.kind = 'date'";
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
        rp_person_date *d = &(*out)[(*n)++];
        d->person_id = sqlite3_column_int64(q, 0);
        d->name = sq_text(a, q, 1);
        d->label = sq_text(a, q, 2);
        d->date = sq_text(a, q, 3);
    }
    if (r != SQLITE_DONE)
        return sq_fail(s, err, "cannot read dates");
    return RP_OK;
}

rp_code
sq_person_merge(store *st, int64_t keep, int64_t gone, rp_err *err)
{
    /* Everything of gone moves to keep; where keep already has the same
     * fact or link, the duplicate goes.  Empty fields of keep are filled
     * from gone; keep's own values win. */
    static const char *const steps[] = {
        ("UPDATE person SET "
         "org_id = coalesce(org_id, (SELECT org_id FROM person WHERE id = ?2)),"
         "title = coalesce(title, (SELECT title FROM person WHERE id = ?2)),"
         "how_met = coalesce(how_met, (SELECT how_met FROM person WHERE id = "
         "?2)),"
         "family = coalesce(family, (SELECT family FROM person WHERE id = ?2)),"
         "notes = CASE WHEN (SELECT notes FROM person WHERE id = ?2) IS NULL "
         "THEN notes WHEN notes IS NULL THEN (SELECT notes FROM person WHERE "
         "id = ?2) ELSE notes || char(10) || (SELECT notes FROM person WHERE "
         "id = ?2) END,"
         "tier = coalesce(tier, (SELECT tier FROM person WHERE id = ?2)),"
         "cadence_days = coalesce(cadence_days, (SELECT cadence_days FROM "
         "person WHERE id = ?2)) WHERE id = ?1"),
        "UPDATE OR IGNORE person_item SET person_id = ?1 WHERE person_id = ?2",
        ("UPDATE OR IGNORE interaction_person SET person_id = ?1 "
         "WHERE person_id = ?2"),
        "UPDATE ledger SET person_id = ?1 WHERE person_id = ?2",
        "UPDATE commitment SET person_id = ?1 WHERE person_id = ?2",
        "UPDATE deal SET person_id = ?1 WHERE person_id = ?2",
        "DELETE FROM person WHERE id = ?2",
    };
    sq_store *s = (sq_store *)st;
    rp_arena *a = NULL;
    int own;
    rp_code rc;
    if (keep == gone)
        return rp_fail(err, RP_EINVAL, "cannot merge a person with itself");
    if ((rc = sq_tx_begin(s, &own, err)))
        return rc;
    a = rp_arena_new();
    rp_person pk, pg;
    if (!a) {
        rc = RP_ENOMEM;
        goto cleanup;
    }
    if ((rc = sq_person_get(st, a, keep, &pk, err)) ||
        (rc = sq_person_get(st, a, gone, &pg, err)))
        goto cleanup;
    if (pg.is_me && !pk.is_me) {
        rc = rp_fail(err, RP_EINVAL,
                     "cannot merge you into %s: merge them into you instead",
                     pk.name);
        goto cleanup;
    }
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        sqlite3_stmt *q = sq_prep(s, steps[i], err);
        if (!q) {
            rc = RP_ESTORE;
            goto cleanup;
        }
        sqlite3_bind_int64(q, 1, keep);
        sqlite3_bind_int64(q, 2, gone);
        if ((rc = step_done(s, q, err, "cannot merge people")))
            goto cleanup;
    }
    if ((rc = sq_fts_put(s, gone * 4, NULL, NULL, err)))
        goto cleanup;
    if ((rc = sq_person_get(st, a, keep, &pk, err)))
        goto cleanup;
    if ((rc = person_index(s, &pk, false, err)))
        goto cleanup;
    rc = sq_stats_refresh(s, keep, err);
cleanup:
    rp_arena_free(a);
    return sq_tx_end(s, own, rc, err);
}

/* ---- organisations ---- */

static rp_code
org_items(sq_store *s, const rp_org *o, rp_err *err)
{
    static const char del[] = "DELETE FROM org_item WHERE org_id = ?1";
    static const char ins[] =
        "INSERT OR IGNORE INTO org_item(org_id, kind, value) "
        "VALUES(?1, ?2, ?3)";
    static const char owner[] =
        "SELECT o.name FROM org_item i JOIN org o ON o.id = i.org_id "
        "WHERE i.kind = 'domain' AND i.value = ?1 COLLATE NOCASE "
        "AND i.org_id <> ?2";
    sqlite3_stmt *q = sq_prep(s, del, err);
    rp_code rc;
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, o->id);
    if ((rc = step_done(s, q, err, "cannot save organisation")))
        return rc;
    for (int pass = 0; pass < 2; pass++) {
        const rp_strs *v = pass ? &o->goals : &o->domains;
        for (size_t i = 0; i < v->n; i++) {
            if (!pass) {
                q = sq_prep(s, owner, err);
                if (!q)
                    return RP_ESTORE;
                sqlite3_bind_text(q, 1, v->v[i], -1, SQLITE_STATIC);
                sqlite3_bind_int64(q, 2, o->id);
                if (sqlite3_step(q) == SQLITE_ROW)
                    return rp_fail(err, RP_ECONFLICT,
                                   "domain '%s' already belongs to %s", v->v[i],
                                   sqlite3_column_text(q, 0));
            }
            q = sq_prep(s, ins, err);
            if (!q)
                return RP_ESTORE;
            sqlite3_bind_int64(q, 1, o->id);
            sqlite3_bind_text(q, 2, pass ? "goal" : "domain", -1,
                              SQLITE_STATIC);
            sqlite3_bind_text(q, 3, v->v[i], -1, SQLITE_STATIC);
            if ((rc = step_done(s, q, err, "cannot save organisation")))
                return rc;
        }
    }
    rp_buf b = RP_BUF_INIT;
    if (o->industry)
        rp_buf_addf(&b, "%s\n", o->industry);
    if (o->notes)
        rp_buf_addf(&b, "%s\n", o->notes);
    add_strs(&b, &o->domains);
    add_strs(&b, &o->goals);
    rc = sq_fts_put(s, o->id * 4 + 1, o->name, b.buf, err);
    rp_buf_release(&b);
    return rc;
}

static rp_code
org_conflict(sq_store *s, const rp_org *o, rp_err *err)
{
    int ext = sqlite3_extended_errcode(s->db);
    if (ext == SQLITE_CONSTRAINT_UNIQUE)
        return rp_fail(err, RP_ECONFLICT,
                       "an organisation named '%s' already exists", o->name);
    if (ext == SQLITE_CONSTRAINT_PRIMARYKEY)
        return rp_fail(err, RP_EEXISTS, "organisation id %lld is taken",
                       (long long)o->id);
    return sq_fail(s, err, "cannot save organisation");
}

rp_code
sq_org_add(store *st, rp_org *o, rp_err *err)
{
    static const char sql[] =
        "INSERT INTO org(id, name, industry, notes, created_at) "
        "VALUES(?1, ?2, ?3, ?4, ?5)";
    sq_store *s = (sq_store *)st;
    int own;
    rp_code rc = sq_tx_begin(s, &own, err);
    if (rc)
        return rc;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q) {
        rc = RP_ESTORE;
        goto cleanup;
    }
    sq_bind_id(q, 1, o->id);
    sq_bind_text(q, 2, o->name);
    sq_bind_text(q, 3, o->industry);
    sq_bind_text(q, 4, o->notes);
    sqlite3_bind_int64(q, 5, o->created_at);
    if (sqlite3_step(q) != SQLITE_DONE) {
        rc = org_conflict(s, o, err);
        goto cleanup;
    }
    o->id = sqlite3_last_insert_rowid(s->db);
    rc = org_items(s, o, err);
cleanup:
    return sq_tx_end(s, own, rc, err);
}

rp_code
sq_org_update(store *st, const rp_org *o, rp_err *err)
{
    static const char sql[] =
        "UPDATE org SET name = ?2, industry = ?3, notes = ?4 WHERE id = ?1";
    sq_store *s = (sq_store *)st;
    int own;
    rp_code rc = sq_tx_begin(s, &own, err);
    if (rc)
        return rc;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q) {
        rc = RP_ESTORE;
        goto cleanup;
    }
    sqlite3_bind_int64(q, 1, o->id);
    sq_bind_text(q, 2, o->name);
    sq_bind_text(q, 3, o->industry);
    sq_bind_text(q, 4, o->notes);
    if (sqlite3_step(q) != SQLITE_DONE) {
        rc = org_conflict(s, o, err);
        goto cleanup;
    }
    if (sqlite3_changes(s->db) == 0) {
        rc = rp_fail(err, RP_ENOTFOUND, "no organisation with id %lld",
                     (long long)o->id);
        goto cleanup;
    }
    rc = org_items(s, o, err);
cleanup:
    return sq_tx_end(s, own, rc, err);
}

rp_code
sq_org_delete(store *st, int64_t id, rp_err *err)
{
    static const char sql[] = "DELETE FROM org WHERE id = ?1";
    sq_store *s = (sq_store *)st;
    int own;
    rp_code rc = sq_tx_begin(s, &own, err);
    if (rc)
        return rc;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q) {
        rc = RP_ESTORE;
        goto cleanup;
    }
    sqlite3_bind_int64(q, 1, id);
    if ((rc = step_done(s, q, err, "cannot delete organisation")))
        goto cleanup;
    if (sqlite3_changes(s->db) == 0) {
        rc = rp_fail(err, RP_ENOTFOUND, "no organisation with id %lld",
                     (long long)id);
        goto cleanup;
    }
    rc = sq_fts_put(s, id * 4 + 1, NULL, NULL, err);
cleanup:
    return sq_tx_end(s, own, rc, err);
}

static rp_code
org_fill_items(sq_store *s, rp_arena *a, rp_org *o, rp_err *err)
{
    static const char sql[] =
        "SELECT kind, value FROM org_item WHERE org_id = ?1";
    sqlite3_stmt *q = sq_prep(s, sql, err);
    int r;
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, o->id);
    while ((r = sqlite3_step(q)) == SQLITE_ROW) {
        const char *kind = (const char *)sqlite3_column_text(q, 0);
        const char *v = sq_text(a, q, 1);
        if (!v ||
            strs_push(a, strcmp(kind, "domain") ? &o->goals : &o->domains, v))
            return RP_ENOMEM;
    }
    if (r != SQLITE_DONE)
        return sq_fail(s, err, "cannot read organisation");
    return RP_OK;
}

static void
org_from_row(rp_arena *a, sqlite3_stmt *q, rp_org *o)
{
    memset(o, 0, sizeof *o);
    o->id = sqlite3_column_int64(q, 0);
    o->name = sq_text(a, q, 1);
    o->industry = sq_text(a, q, 2);
    o->notes = sq_text(a, q, 3);
    o->created_at = sqlite3_column_int64(q, 4);
}

rp_code
sq_org_get(store *st, rp_arena *a, int64_t id, rp_org *o, rp_err *err)
{
    static const char sql[] =
        "SELECT id, name, industry, notes, created_at FROM org WHERE id = ?1";
    sq_store *s = (sq_store *)st;
    sqlite3_stmt *q = sq_prep(s, sql, err);
    if (!q)
        return RP_ESTORE;
    sqlite3_bind_int64(q, 1, id);
    int r = sqlite3_step(q);
    if (r == SQLITE_DONE)
        return rp_fail(err, RP_ENOTFOUND, "no organisation with id %lld",
                       (long long)id);
    if (r != SQLITE_ROW)
        return sq_fail(s, err, "cannot read organisation");
    org_from_row(a, q, o);
    return org_fill_items(s, a, o, err);
}

rp_code
sq_org_find(store *st, const char *key, int64_t *id, rp_err *err)
{
    static const char by_name[] =
        "SELECT id FROM org WHERE name = ?1 COLLATE NOCASE";
    static const char by_domain[] =
        "SELECT org_id FROM org_item WHERE kind = 'domain' "
        "AND value = ?1 COLLATE NOCASE";
    static const char by_id[] = "SELECT id FROM org WHERE id = ?1";
    sq_store *s = (sq_store *)st;
    const char *p;
    for (p = key; *p >= '0' && *p <= '9'; p++)
        ;
    if (*key && !*p) {
        sqlite3_stmt *q = sq_prep(s, by_id, err);
        if (!q)
            return RP_ESTORE;
        sqlite3_bind_int64(q, 1, strtoll(key, NULL, 10));
        if (sqlite3_step(q) == SQLITE_ROW) {
            *id = sqlite3_column_int64(q, 0);
            return RP_OK;
        }
    }
    if (one_id(s, by_name, key, id, "%s", NULL) == RP_OK)
        return RP_OK;
    return one_id(s, by_domain, key, id, "no organisation named '%s'", err);
}

rp_code
sq_org_list(store *st, rp_arena *a, rp_org **out, size_t *n, rp_err *err)
{
    static const char sql[] = "SELECT id, name, industry, notes, created_at "
                              "FROM org ORDER BY name COLLATE NOCASE";
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
        org_from_row(a, q, &(*out)[(*n)++]);
    }
    if (r != SQLITE_DONE)
        return sq_fail(s, err, "cannot list organisations");
    for (size_t i = 0; i < *n; i++) {
        rp_code rc = org_fill_items(s, a, &(*out)[i], err);
        if (rc)
            return rc;
    }
    return RP_OK;
}
