/*
 * store.h - the one interface to rapport's database.
 *
 * A store is a struct of operations (like redis's dictType); store_sqlite.c
 * fills it in for a SQLite file, and a PostgreSQL backend can fill it in
 * later without a change above this layer.  store_open() picks the backend
 * from the location: "postgres://..." or "postgresql://..." for PostgreSQL,
 * anything else is a SQLite file path.  Nothing above src/store includes
 * sqlite3.h or libpq-fe.h.
 *
 * Ownership: records read from the store are allocated in the rp_arena the
 * caller passes and live until rp_arena_free() on it.  Records passed in to
 * write are only read; ids the store assigns are written back into them.
 *
 * Transactions: every write function is atomic on its own.  A caller that
 * needs several writes to succeed or fail together wraps them in
 * store_begin()/store_commit(), and calls store_rollback() on any failure;
 * nesting is not supported.  Between store_bulk_begin() and store_bulk_end()
 * (inside a transaction) the store may defer derived data (full-text rows
 * of interactions, contact statistics) and rebuild it at the end.
 *
 * Return codes, unless a function says otherwise: RP_OK; RP_ENOTFOUND when
 * an id does not exist; RP_EEXISTS when a record is added with an id that
 * is taken (nothing is written); RP_ECONFLICT when a unique value (an
 * email, an org name, an external id) is taken, with a message naming it,
 * and inside a bulk load the caller must then roll back; RP_EINVAL for a
 * value outside its allowed set; RP_ESTORE when the database fails, with
 * the database's own message; RP_ENOMEM.
 */
#ifndef RP_STORE_H
#define RP_STORE_H

#include "base/arena.h"
#include "base/rp.h"
#include "store/model.h"

typedef struct store store;

enum {
    STORE_READONLY = 1 << 0, /* open for reading only */
    STORE_CREATE = 1 << 1,   /* create the database when it does not exist */
};

/* Called once per interaction by store_interaction_each(); return non-OK
 * to stop.  The record lives until the callback returns. */
typedef rp_code store_interaction_fn(void *ud, const rp_interaction *x);
/* Called once per person by stats_each, with their contact summary and
 * ledger totals; all three live until the callback returns. */
typedef rp_code store_stats_fn(void *ud, const rp_person_ref *p,
                               const rp_stats *s, const rp_ledger_totals *l);

struct store_ops {
    const char *name;
    void (*close)(store *st);
    rp_code (*begin)(store *st, rp_err *err);
    rp_code (*commit)(store *st, rp_err *err);
    void (*rollback)(store *st);
    rp_code (*bulk_begin)(store *st, rp_err *err);
    rp_code (*bulk_end)(store *st, rp_err *err);
    rp_code (*counts)(store *st, rp_counts *out, rp_err *err);

    rp_code (*person_add)(store *st, rp_person *p, rp_err *err);
    rp_code (*person_update)(store *st, const rp_person *p, rp_err *err);
    rp_code (*person_delete)(store *st, int64_t id, rp_err *err);
    rp_code (*person_get)(store *st, rp_arena *a, int64_t id, rp_person *out,
                          rp_err *err);
    rp_code (*person_match)(store *st, rp_arena *a, const char *query,
                            rp_person_ref **out, size_t *n, rp_err *err);
    rp_code (*person_list)(store *st, rp_arena *a, int64_t org_id,
                           const char *tag, rp_person_ref **out, size_t *n,
                           rp_err *err);
    rp_code (*person_me)(store *st, int64_t *id, rp_err *err);
    rp_code (*person_by_email)(store *st, const char *email, int64_t *id,
                               rp_err *err);
    /* The person with a phone that is the same number as phone (see
     * base/phone.h), region being the default country code for numbers
     * written nationally (NULL or "" for none).  RP_ENOTFOUND when none,
     * or when phone is too short to be a number. */
    rp_code (*person_by_phone)(store *st, const char *phone, const char *region,
                               int64_t *id, rp_err *err);
    /* The ids of the people called exactly name (without case), at most
     * 64, oldest first, in a. */
    rp_code (*people_named)(store *st, rp_arena *a, const char *name,
                            int64_t **ids, size_t *n, rp_err *err);
    rp_code (*person_merge)(store *st, int64_t keep, int64_t gone, rp_err *err);
    rp_code (*dates_all)(store *st, rp_arena *a, rp_person_date **out,
                         size_t *n, rp_err *err);

    rp_code (*org_add)(store *st, rp_org *o, rp_err *err);
    rp_code (*org_update)(store *st, const rp_org *o, rp_err *err);
    rp_code (*org_delete)(store *st, int64_t id, rp_err *err);
    rp_code (*org_get)(store *st, rp_arena *a, int64_t id, rp_org *out,
                       rp_err *err);
    rp_code (*org_find)(store *st, const char *name_or_domain, int64_t *id,
                        rp_err *err);
    rp_code (*org_list)(store *st, rp_arena *a, rp_org **out, size_t *n,
                        rp_err *err);

    rp_code (*interaction_add)(store *st, rp_interaction *x, rp_err *err);
    rp_code (*interaction_get)(store *st, rp_arena *a, int64_t id,
                               rp_interaction *out, rp_err *err);
    rp_code (*interaction_delete)(store *st, int64_t id, rp_err *err);
    /* A person's interactions, newest first, at most limit (0: all). */
    rp_code (*interaction_list)(store *st, rp_arena *a, int64_t person_id,
                                size_t limit, rp_interaction **out, size_t *n,
                                rp_err *err);
    /* The same, for reading tone and threads: emails and messages not
     * automated, no participants, a body only on the user's own ('out')
     * ones. */
    rp_code (*interaction_tone_list)(store *st, rp_arena *a, int64_t person_id,
                                     size_t limit, rp_interaction **out,
                                     size_t *n, rp_err *err);
    /* Meetings with at in [from, to), soonest first. */
    rp_code (*meetings_between)(store *st, rp_arena *a, int64_t from,
                                int64_t to, rp_interaction **out, size_t *n,
                                rp_err *err);
    rp_code (*interaction_each)(store *st, store_interaction_fn *fn, void *ud,
                                rp_err *err);
    rp_code (*interaction_by_external)(store *st, const char *external_id,
                                       int64_t *id, rp_err *err);

    /* Every person but the user, with their contact summary (zeros when
     * they have none), in id order.  The ref's org_name is not filled:
     * a scan over every person must stay cheap. */
    rp_code (*stats_each)(store *st, store_stats_fn *fn, void *ud, rp_err *err);
    /* One person's summary counting only interactions at or before now. */
    rp_code (*stats_get)(store *st, int64_t person_id, int64_t now,
                         rp_stats *out, rp_err *err);

    rp_code (*ledger_add)(store *st, rp_ledger *e, rp_err *err);
    rp_code (*ledger_get)(store *st, rp_arena *a, int64_t id, rp_ledger *out,
                          rp_err *err);
    rp_code (*ledger_set_outcome)(store *st, int64_t id, const char *outcome,
                                  int64_t at, rp_err *err);
    /* Entries for a person (0: everyone) and type (NULL: all), oldest
     * first. */
    rp_code (*ledger_list)(store *st, rp_arena *a, int64_t person_id,
                           const char *type, rp_ledger **out, size_t *n,
                           rp_err *err);

    /* Asks still awaiting an answer, oldest first, at most limit; *total
     * is how many there are in all. */
    rp_code (*asks_pending)(store *st, rp_arena *a, size_t limit,
                            rp_ledger **out, size_t *n, size_t *total,
                            rp_err *err);

    rp_code (*offering_add)(store *st, rp_offering *o, rp_err *err);
    rp_code (*offering_update)(store *st, const rp_offering *o, rp_err *err);
    rp_code (*offering_find)(store *st, rp_arena *a, const char *name,
                             rp_offering *out, rp_err *err);
    rp_code (*offering_get)(store *st, rp_arena *a, int64_t id,
                            rp_offering *out, rp_err *err);
    rp_code (*offering_list)(store *st, rp_arena *a, rp_offering **out,
                             size_t *n, rp_err *err);

    rp_code (*commitment_add)(store *st, rp_commitment *c, rp_err *err);
    rp_code (*commitment_done)(store *st, int64_t id, int64_t at, rp_err *err);
    /* For a person (0: everyone), open ones only or all; by due date. */
    rp_code (*commitment_list)(store *st, rp_arena *a, int64_t person_id,
                               bool open_only, rp_commitment **out, size_t *n,
                               rp_err *err);

    rp_code (*deal_add)(store *st, rp_deal *d, rp_err *err);
    rp_code (*deal_update)(store *st, const rp_deal *d, rp_err *err);
    rp_code (*deal_get)(store *st, rp_arena *a, int64_t id, rp_deal *out,
                        rp_err *err);
    rp_code (*deal_list)(store *st, rp_arena *a, int64_t org_id, rp_deal **out,
                         size_t *n, rp_err *err);

    /* Full-text search, best first, at most limit hits.  The query uses
     * plain words; each must match (prefix match on the last one). */
    rp_code (*search)(store *st, rp_arena *a, const char *query, size_t limit,
                      rp_hit **out, size_t *n, rp_err *err);
};

/* Every backend's struct begins with this. */
struct store {
    const struct store_ops *ops;
};

/*
 * Opens the database at location (see above).  RP_ENOTFOUND when it does
 * not exist and STORE_CREATE is not set; RP_EIO when it cannot be opened or
 * created; RP_ESTORE when it is not a rapport database or is corrupt.  On
 * success *out is the caller's to close with store_close().
 */
rp_code store_open(const char *location, unsigned flags, store **out,
                   rp_err *err);

/* Closes and frees st; NULL does nothing. */
void store_close(store *st);

/* The SQLite backend's constructor (store_open() calls it). */
rp_code store_sqlite_open(const char *path, unsigned flags, store **out,
                          rp_err *err);

#endif
