/*
 * sqlite_ops.h - the SQLite backend's operations, private to src/store.
 * store_sqlite.c puts them in the ops table; see store.h for what each
 * one does and returns.
 */
#ifndef RP_SQLITE_OPS_H
#define RP_SQLITE_OPS_H

#include "store/sqlite_util.h"

/* Replaces the search document at rowid; a NULL title only deletes it. */
rp_code sq_fts_put(sq_store *s, int64_t rowid, const char *title,
                   const char *body, rp_err *err);
/* Adds a search document for a row that has none yet. */
rp_code sq_fts_add(sq_store *s, int64_t rowid, const char *title,
                   const char *body, rp_err *err);
/* The interactions' search index: add a new one, or drop one. */
rp_code sq_fts_x_add(sq_store *s, int64_t id, const char *title,
                     const char *body, rp_err *err);
rp_code sq_fts_x_delete(sq_store *s, int64_t id, rp_err *err);
/* Recomputes one person's contact summary from their interactions. */
rp_code sq_stats_refresh(sq_store *s, int64_t person_id, rp_err *err);

rp_code sq_person_add(store *st, rp_person *p, rp_err *err);
rp_code sq_person_update(store *st, const rp_person *p, rp_err *err);
rp_code sq_person_delete(store *st, int64_t id, rp_err *err);
rp_code sq_person_get(store *st, rp_arena *a, int64_t id, rp_person *p,
                      rp_err *err);
rp_code sq_person_match(store *st, rp_arena *a, const char *query,
                        rp_person_ref **out, size_t *n, rp_err *err);
rp_code sq_person_list(store *st, rp_arena *a, int64_t org_id, const char *tag,
                       rp_person_ref **out, size_t *n, rp_err *err);
rp_code sq_person_me(store *st, int64_t *id, rp_err *err);
rp_code sq_person_by_email(store *st, const char *email, int64_t *id,
                           rp_err *err);
rp_code sq_person_by_phone(store *st, const char *phone, const char *region,
                           int64_t *id, rp_err *err);
rp_code sq_people_named(store *st, rp_arena *a, const char *name, int64_t **ids,
                        size_t *n, rp_err *err);
/* Registers rp_phone_cc() and rp_phone_nsn(), which the schema uses, and
 * rp_fold(), case and accents dropped, for finding people by name. */
rp_code sq_sql_functions(sq_store *s, rp_err *err);
rp_code sq_person_merge(store *st, int64_t keep, int64_t gone, rp_err *err);
rp_code sq_dates_all(store *st, rp_arena *a, rp_person_date **out, size_t *n,
                     rp_err *err);
rp_code sq_org_add(store *st, rp_org *o, rp_err *err);
rp_code sq_org_update(store *st, const rp_org *o, rp_err *err);
rp_code sq_org_delete(store *st, int64_t id, rp_err *err);
rp_code sq_org_get(store *st, rp_arena *a, int64_t id, rp_org *o, rp_err *err);
rp_code sq_org_find(store *st, const char *key, int64_t *id, rp_err *err);
rp_code sq_org_list(store *st, rp_arena *a, rp_org **out, size_t *n,
                    rp_err *err);

rp_code sq_interaction_add(store *st, rp_interaction *x, rp_err *err);
rp_code sq_interaction_get(store *st, rp_arena *a, int64_t id,
                           rp_interaction *out, rp_err *err);
rp_code sq_interaction_delete(store *st, int64_t id, rp_err *err);
rp_code sq_interaction_list(store *st, rp_arena *a, int64_t person_id,
                            size_t limit, rp_interaction **out, size_t *n,
                            rp_err *err);
rp_code sq_interaction_tone_list(store *st, rp_arena *a, int64_t person_id,
                                 size_t limit, rp_interaction **out, size_t *n,
                                 rp_err *err);
rp_code sq_meetings_between(store *st, rp_arena *a, int64_t from, int64_t to,
                            rp_interaction **out, size_t *n, rp_err *err);
rp_code sq_interaction_each(store *st, store_interaction_fn *fn, void *ud,
                            rp_err *err);
rp_code sq_interaction_by_external(store *st, const char *external_id,
                                   int64_t *id, rp_err *err);
rp_code sq_stats_each(store *st, store_stats_fn *fn, void *ud, rp_err *err);
rp_code sq_stats_get(store *st, int64_t person_id, int64_t now, rp_stats *out,
                     rp_err *err);
rp_code sq_bulk_index(sq_store *s, rp_err *err);
/* sqlite_fold.c: a bulk load's contact figures per person, in memory:
 * add one link, write them all into person_stats (and forget them), forget
 * them unwritten, release the memory. */
rp_code sq_fold_add(sq_store *s, int64_t person_id, bool in, int64_t at);
rp_code sq_fold_flush(sq_store *s, rp_err *err);
void sq_fold_reset(sq_store *s);
void sq_fold_free(sq_store *s);
/* sqlite_links.c: during a load into an empty book, links are gathered
 * and written many to a statement: add one, write those still held, drop
 * them unwritten. */
rp_code sq_links_add(sq_store *s, int64_t interaction_id, int64_t person_id,
                     int64_t at, rp_err *err);
rp_code sq_links_flush(sq_store *s, rp_err *err);
void sq_links_reset(sq_store *s);
/* sqlite_pending.c: during a load into an empty book, interactions that
 * cannot fail are held and written many to a statement.  fits: whether x
 * is such a row; add: hold it (assigning its id if it has none); saw: an
 * id written one row at a time; flush: write what is held; reset: drop it
 * unwritten. */
bool sq_pending_fits(const sq_store *s, const rp_interaction *x);
rp_code sq_pending_add(sq_store *s, rp_interaction *x, rp_err *err);
void sq_pending_saw(sq_store *s, int64_t id);
rp_code sq_pending_flush(sq_store *s, rp_err *err);
void sq_pending_reset(sq_store *s);

rp_code sq_ledger_add(store *st, rp_ledger *e, rp_err *err);
rp_code sq_ledger_get(store *st, rp_arena *a, int64_t id, rp_ledger *out,
                      rp_err *err);
rp_code sq_ledger_set_outcome(store *st, int64_t id, const char *outcome,
                              int64_t at, rp_err *err);
rp_code sq_ledger_list(store *st, rp_arena *a, int64_t person_id,
                       const char *type, rp_ledger **out, size_t *n,
                       rp_err *err);
rp_code sq_asks_pending(store *st, rp_arena *a, size_t limit, rp_ledger **out,
                        size_t *n, size_t *total, rp_err *err);
rp_code sq_offering_add(store *st, rp_offering *o, rp_err *err);
rp_code sq_offering_update(store *st, const rp_offering *o, rp_err *err);
rp_code sq_offering_find(store *st, rp_arena *a, const char *name,
                         rp_offering *out, rp_err *err);
rp_code sq_offering_get(store *st, rp_arena *a, int64_t id, rp_offering *out,
                        rp_err *err);
rp_code sq_offering_list(store *st, rp_arena *a, rp_offering **out, size_t *n,
                         rp_err *err);
rp_code sq_commitment_add(store *st, rp_commitment *c, rp_err *err);
rp_code sq_commitment_done(store *st, int64_t id, int64_t at, rp_err *err);
rp_code sq_commitment_list(store *st, rp_arena *a, int64_t person_id,
                           bool open_only, rp_commitment **out, size_t *n,
                           rp_err *err);
rp_code sq_deal_add(store *st, rp_deal *d, rp_err *err);
rp_code sq_deal_update(store *st, const rp_deal *d, rp_err *err);
rp_code sq_deal_get(store *st, rp_arena *a, int64_t id, rp_deal *out,
                    rp_err *err);
rp_code sq_deal_list(store *st, rp_arena *a, int64_t org_id, rp_deal **out,
                     size_t *n, rp_err *err);
rp_code sq_search(store *st, rp_arena *a, const char *query, size_t limit,
                  rp_hit **out, size_t *n, rp_err *err);

#endif
