/*
 * jsonrec.h - records as JSON objects, in the shapes docs/jsonl.md gives.
 *
 * Used by `--json` output and by export, so both always agree.  Each
 * function returns a new reference (the caller json_decref()s it), or NULL
 * when memory runs out.  Times are ISO 8601 UTC strings; unset ones null.
 */
#ifndef RP_JSONREC_H
#define RP_JSONREC_H

#include <jansson.h>

#include "core/score.h"
#include "store/model.h"

json_t *jsonrec_time(int64_t t);
json_t *jsonrec_str(const char *s); /* null for NULL */
json_t *jsonrec_id(int64_t id);     /* null for 0 */
json_t *jsonrec_strs(const rp_strs *v);

json_t *jsonrec_person(const rp_person *p);
json_t *jsonrec_person_ref(const rp_person_ref *p);
json_t *jsonrec_org(const rp_org *o);
json_t *jsonrec_interaction(const rp_interaction *x);
json_t *jsonrec_ledger(const rp_ledger *e);
json_t *jsonrec_offering(const rp_offering *o);
json_t *jsonrec_commitment(const rp_commitment *c);
json_t *jsonrec_deal(const rp_deal *d);

json_t *jsonrec_health(const score_health *h);
json_t *jsonrec_generosity(const score_generosity *g);
json_t *jsonrec_readiness(const score_readiness *r);

#endif
