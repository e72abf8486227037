/* transfer.c - JSON Lines export and import; see transfer.h. */
#include "core/transfer.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "core/jsonl_reader.h"
#include "core/jsonrec.h"

/* ---- export ---- */

struct exporter {
    transfer_write_fn *fn;
    void *ud;
    rp_err *err; /* for records written from a store callback */
};

static rp_code
emit(struct exporter *ex, json_t *j, rp_err *err)
{
    if (!err)
        err = ex->err;
    /* Building a record fails on text that is not UTF-8 (a book written
     * before rapport checked its input) as well as on memory. */
    if (!j)
        return rp_fail(err, RP_EINVAL,
                       "a record could not be written as JSON: it holds "
                       "text that is not valid UTF-8, or memory ran out");
    /* The display-only org name is not part of the format. */
    if (json_is_string(json_object_get(j, "type")) &&
        !strcmp(json_string_value(json_object_get(j, "type")), "person"))
        json_object_del(j, "org");
    char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(j);
    if (!s)
        return rp_fail(err, RP_ENOMEM, "out of memory");
    rp_code rc = ex->fn(ex->ud, s, strlen(s));
    free(s);
    if (rc)
        rp_fail(err, rc, "cannot write the export");
    return rc;
}

static rp_code
emit_interaction(void *ud, const rp_interaction *x)
{
    return emit(ud, jsonrec_interaction(x), NULL);
}

rp_code
transfer_export(store *st, transfer_write_fn *fn, void *ud, rp_err *err)
{
    struct exporter ex = {fn, ud, err};
    rp_arena *a = rp_arena_new();
    rp_code rc = RP_OK;
    rp_org *orgs;
    rp_offering *offs;
    rp_person_ref *refs;
    rp_ledger *led;
    rp_commitment *com;
    rp_deal *deals;
    size_t n;
    if (!a)
        return rp_fail(err, RP_ENOMEM, "out of memory");
    if ((rc = emit(&ex, json_pack("{s:s,s:i}", "type", "rapport", "version", 1),
                   err)))
        goto cleanup;
    if ((rc = st->ops->org_list(st, a, &orgs, &n, err)))
        goto cleanup;
    for (size_t i = 0; i < n && !rc; i++)
        rc = emit(&ex, jsonrec_org(&orgs[i]), err);
    if (rc || (rc = st->ops->offering_list(st, a, &offs, &n, err)))
        goto cleanup;
    for (size_t i = 0; i < n && !rc; i++)
        rc = emit(&ex, jsonrec_offering(&offs[i]), err);
    if (rc || (rc = st->ops->person_list(st, a, 0, NULL, &refs, &n, err)))
        goto cleanup;
    /* People by id, each loaded in a short-lived arena so a large book
     * does not hold every person in memory at once. */
    int64_t *ids = rp_malloc((n + 1) * sizeof *ids);
    if (!ids) {
        rc = rp_fail(err, RP_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++)
        ids[i] = refs[i].id;
    for (size_t i = 1; i < n; i++) { /* insertion sort is fine: near-sorted */
        int64_t v = ids[i];
        size_t k = i;
        while (k > 0 && ids[k - 1] > v) {
            ids[k] = ids[k - 1];
            k--;
        }
        ids[k] = v;
    }
    for (size_t i = 0; i < n && !rc; i++) {
        rp_arena *pa = rp_arena_new();
        rp_person p;
        if (!pa)
            rc = rp_fail(err, RP_ENOMEM, "out of memory");
        else if (!(rc = st->ops->person_get(st, pa, ids[i], &p, err)))
            rc = emit(&ex, jsonrec_person(&p), err);
        rp_arena_free(pa);
    }
    rp_free(ids);
    if (rc || (rc = st->ops->interaction_each(st, emit_interaction, &ex, err)))
        goto cleanup;
    if ((rc = st->ops->ledger_list(st, a, 0, NULL, &led, &n, err)))
        goto cleanup;
    for (size_t i = 0; i < n && !rc; i++)
        rc = emit(&ex, jsonrec_ledger(&led[i]), err);
    if (rc || (rc = st->ops->commitment_list(st, a, 0, false, &com, &n, err)))
        goto cleanup;
    for (size_t i = 0; i < n && !rc; i++)
        rc = emit(&ex, jsonrec_commitment(&com[i]), err);
    if (rc || (rc = st->ops->deal_list(st, a, 0, &deals, &n, err)))
        goto cleanup;
    for (size_t i = 0; i < n && !rc; i++)
        rc = emit(&ex, jsonrec_deal(&deals[i]), err);
cleanup:
    rp_arena_free(a);
    return rc;
}

/* ---- import ---- */

/* One line's context for error messages and field access. */
typedef struct {
    const char *file;
    long line;
    json_t *obj;
    rp_arena *a;
    rp_err *err;
} rec;

static rp_code
bad(rec *r, const char *field, const char *expected)
{
    return rp_fail(r->err, RP_EINVAL, "%s:%ld: field '%s': expected %s",
                   r->file, r->line, field, expected);
}

/* Every key must be one this record type knows: a typo must not lose
 * data silently. */
static rp_code
check_keys(rec *r, const char *const *known)
{
    const char *key;
    json_t *v;
    json_object_foreach(r->obj, key, v)
    {
        bool ok = !strcmp(key, "type");
        for (const char *const *k = known; *k && !ok; k++)
            ok = !strcmp(key, *k);
        if (!ok)
            return rp_fail(r->err, RP_EINVAL, "%s:%ld: unknown field '%s'",
                           r->file, r->line, key);
    }
    return RP_OK;
}

static rp_code
get_str(rec *r, const char *k, bool required, const char **out)
{
    json_t *v = json_object_get(r->obj, k);
    *out = NULL;
    if (!v || json_is_null(v))
        return required ? bad(r, k, "a string (it is required)") : RP_OK;
    if (!json_is_string(v))
        return bad(r, k, "a string");
    *out = rp_arena_strndup(r->a, json_string_value(v), json_string_length(v));
    return *out ? RP_OK : RP_ENOMEM;
}

static rp_code
get_enum(rec *r, const char *k, bool required, const char *const *set,
         const char *expected, const char **out)
{
    rp_code rc = get_str(r, k, required, out);
    if (rc || !*out)
        return rc;
    for (; *set; set++)
        if (!strcmp(*set, *out))
            return RP_OK;
    return bad(r, k, expected);
}

static rp_code
get_int(rec *r, const char *k, bool required, int64_t *out)
{
    json_t *v = json_object_get(r->obj, k);
    *out = 0;
    if (!v || json_is_null(v))
        return required ? bad(r, k, "an integer (it is required)") : RP_OK;
    if (!json_is_integer(v))
        return bad(r, k, "an integer");
    *out = json_integer_value(v);
    return RP_OK;
}

static rp_code
get_time(rec *r, const char *k, bool required, int64_t *out)
{
    json_t *v = json_object_get(r->obj, k);
    *out = 0;
    if (!v || json_is_null(v))
        return required ? bad(r, k, "an ISO 8601 time (it is required)")
                        : RP_OK;
    if (!json_is_string(v) ||
        rp_time_parse_iso(json_string_value(v), out, NULL))
        return bad(r, k, "an ISO 8601 time such as 2026-06-15T12:00:00Z");
    return RP_OK;
}

static rp_code
get_bool(rec *r, const char *k, bool *out)
{
    json_t *v = json_object_get(r->obj, k);
    *out = false;
    if (!v || json_is_null(v))
        return RP_OK;
    if (!json_is_boolean(v))
        return bad(r, k, "true or false");
    *out = json_is_true(v);
    return RP_OK;
}

static rp_code
get_strs(rec *r, const char *k, rp_strs *out)
{
    json_t *v = json_object_get(r->obj, k), *e;
    size_t i;
    out->n = 0;
    out->v = NULL;
    if (!v || json_is_null(v))
        return RP_OK;
    if (!json_is_array(v))
        return bad(r, k, "an array of strings");
    out->v = rp_arena_alloc(r->a, (json_array_size(v) + 1) * sizeof *out->v);
    if (!out->v)
        return RP_ENOMEM;
    json_array_foreach(v, i, e)
    {
        if (!json_is_string(e) || !json_string_length(e))
            return bad(r, k, "an array of non-empty strings");
        out->v[out->n++] = rp_arena_strdup(r->a, json_string_value(e));
    }
    return RP_OK;
}

static rp_code
get_id(rec *r, int64_t *id)
{
    rp_code rc = get_int(r, "id", false, id);
    if (!rc && *id < 0)
        return bad(r, "id", "a positive integer");
    return rc;
}

/* When an id conflicts, decides whether the record is already there
 * (skip) or the id belongs to something else (error). */
static rp_code
same_or_conflict(rec *r, const char *what, int64_t id, bool same, bool *skip)
{
    if (same) {
        *skip = true;
        rp_err_clear(r->err);
        return RP_OK;
    }
    return rp_fail(r->err, RP_ECONFLICT,
                   "%s:%ld: %s id %lld is already used by a different "
                   "record",
                   r->file, r->line, what, (long long)id);
}

/* Prefixes a write failure with the file and line; OK passes through.
 * Writes are tried first and existence checked only on a conflict, so a
 * fresh import pays one statement per record, not two. */
static rp_code
added(rec *r, rp_code rc)
{
    if (rc == RP_OK)
        return RP_OK;
    char msg[sizeof r->err->msg];
    snprintf(msg, sizeof msg, "%s", r->err->msg);
    return rp_fail(r->err, rc, "%s:%ld: %s", r->file, r->line, msg);
}

static rp_code
import_org(store *st, rec *r, bool *skip)
{
    static const char *const keys[] = {"id",         "name",    "industry",
                                       "notes",      "domains", "goals",
                                       "created_at", NULL};
    rp_org o = {0}, old;
    rp_code rc;
    if ((rc = check_keys(r, keys)) || (rc = get_id(r, &o.id)) ||
        (rc = get_str(r, "name", true, &o.name)) ||
        (rc = get_str(r, "industry", false, &o.industry)) ||
        (rc = get_str(r, "notes", false, &o.notes)) ||
        (rc = get_strs(r, "domains", &o.domains)) ||
        (rc = get_strs(r, "goals", &o.goals)) ||
        (rc = get_time(r, "created_at", false, &o.created_at)))
        return rc;
    rc = st->ops->org_add(st, &o, r->err);
    if (rc == RP_EEXISTS && o.id &&
        st->ops->org_get(st, r->a, o.id, &old, NULL) == RP_OK)
        return same_or_conflict(r, "org", o.id, !strcasecmp(old.name, o.name),
                                skip);
    return added(r, rc);
}

static rp_code
import_offering(store *st, rec *r, bool *skip)
{
    static const char *const keys[] = {
        "id", "name", "conviction", "description", "created_at", NULL};
    rp_offering o = {0}, old;
    int64_t conv;
    rp_code rc;
    if ((rc = check_keys(r, keys)) || (rc = get_id(r, &o.id)) ||
        (rc = get_str(r, "name", true, &o.name)) ||
        (rc = get_int(r, "conviction", true, &conv)) ||
        (rc = get_str(r, "description", false, &o.description)) ||
        (rc = get_time(r, "created_at", false, &o.created_at)))
        return rc;
    if (conv < 1 || conv > 5)
        return bad(r, "conviction", "an integer from 1 to 5");
    o.conviction = (int)conv;
    rc = st->ops->offering_add(st, &o, r->err);
    if (rc == RP_EEXISTS && o.id &&
        st->ops->offering_get(st, r->a, o.id, &old, NULL) == RP_OK)
        return same_or_conflict(r, "offering", o.id,
                                !strcasecmp(old.name, o.name), skip);
    return added(r, rc);
}

static rp_code
import_person(store *st, rec *r, bool *skip)
{
    static const char *const keys[] = {
        "id",      "name",   "org_id",     "org",       "title",
        "how_met", "family", "notes",      "tier",      "cadence_days",
        "is_me",   "emails", "phones",     "interests", "goals",
        "tags",    "dates",  "created_at", NULL};
    static const char *const tiers[] = {"inner", "active", "network", NULL};
    rp_person p = {0}, old;
    int64_t cadence;
    rp_code rc;
    if ((rc = check_keys(r, keys)) || (rc = get_id(r, &p.id)) ||
        (rc = get_str(r, "name", true, &p.name)) ||
        (rc = get_int(r, "org_id", false, &p.org_id)) ||
        (rc = get_str(r, "title", false, &p.title)) ||
        (rc = get_str(r, "how_met", false, &p.how_met)) ||
        (rc = get_str(r, "family", false, &p.family)) ||
        (rc = get_str(r, "notes", false, &p.notes)) ||
        (rc = get_enum(r, "tier", false, tiers, "inner, active or network",
                       &p.tier)) ||
        (rc = get_int(r, "cadence_days", false, &cadence)) ||
        (rc = get_bool(r, "is_me", &p.is_me)) ||
        (rc = get_strs(r, "emails", &p.emails)) ||
        (rc = get_strs(r, "phones", &p.phones)) ||
        (rc = get_strs(r, "interests", &p.interests)) ||
        (rc = get_strs(r, "goals", &p.goals)) ||
        (rc = get_strs(r, "tags", &p.tags)) ||
        (rc = get_time(r, "created_at", false, &p.created_at)))
        return rc;
    if (cadence < 0 || cadence > 3650)
        return bad(r, "cadence_days", "a number of days from 1 to 3650");
    p.cadence_days = (int)cadence;
    json_t *dates = json_object_get(r->obj, "dates"), *d;
    if (dates && !json_is_null(dates)) {
        size_t i;
        if (!json_is_array(dates))
            return bad(r, "dates", "an array of {\"label\",\"date\"}");
        p.dates = rp_arena_alloc(r->a, (json_array_size(dates) + 1) *
                                           sizeof *p.dates);
        if (!p.dates)
            return RP_ENOMEM;
        json_array_foreach(dates, i, d)
        {
            const char *label = json_string_value(json_object_get(d, "label"));
            const char *date = json_string_value(json_object_get(d, "date"));
            char canon[16];
            if (!label || !date ||
                rp_calendar_date(date, canon, sizeof canon, NULL))
                return bad(r, "dates",
                           "objects with a label and a date YYYY-MM-DD or "
                           "--MM-DD");
            p.dates[p.ndates].label = rp_arena_strdup(r->a, label);
            p.dates[p.ndates].date = rp_arena_strdup(r->a, canon);
            p.ndates++;
        }
    }
    for (size_t i = 0; i < p.emails.n; i++)
        if (!strchr(p.emails.v[i], '@'))
            return bad(r, "emails", "email addresses (one has no '@')");
    rc = st->ops->person_add(st, &p, r->err);
    if (rc == RP_EEXISTS && p.id &&
        st->ops->person_get(st, r->a, p.id, &old, NULL) == RP_OK)
        return same_or_conflict(r, "person", p.id, !strcmp(old.name, p.name),
                                skip);
    return added(r, rc);
}

static rp_code
import_interaction(store *st, rec *r, bool *skip)
{
    static const char *const keys[] = {
        "id",        "kind",   "dir",         "at",     "summary",
        "body",      "source", "external_id", "thread", "automated",
        "sentiment", "people", NULL};
    static const char *const kinds[] = {"email",   "call", "meeting",
                                        "message", "note", NULL};
    static const char *const dirs[] = {"in", "out", NULL};
    rp_interaction x = {0}, old;
    rp_code rc;
    if ((rc = check_keys(r, keys)) || (rc = get_id(r, &x.id)) ||
        (rc = get_enum(r, "kind", true, kinds,
                       "email, call, meeting, message or note", &x.kind)) ||
        (rc = get_enum(r, "dir", true, dirs, "in or out", &x.dir)) ||
        (rc = get_time(r, "at", true, &x.at)) ||
        (rc = get_str(r, "summary", false, &x.summary)) ||
        (rc = get_str(r, "body", false, &x.body)) ||
        (rc = get_str(r, "source", false, &x.source)) ||
        (rc = get_str(r, "external_id", false, &x.external_id)) ||
        (rc = get_str(r, "thread", false, &x.thread)) ||
        (rc = get_bool(r, "automated", &x.automated)))
        return rc;
    json_t *s = json_object_get(r->obj, "sentiment");
    if (s && !json_is_null(s)) {
        if (!json_is_number(s))
            return bad(r, "sentiment", "a number from -1 to 1");
        x.has_sentiment = true;
        x.sentiment = json_number_value(s);
    }
    json_t *people = json_object_get(r->obj, "people"), *e;
    size_t i;
    if (!json_is_array(people) || !json_array_size(people))
        return bad(r, "people", "a non-empty array of person ids");
    x.people = rp_arena_alloc(r->a, json_array_size(people) * sizeof *x.people);
    if (!x.people)
        return RP_ENOMEM;
    json_array_foreach(people, i, e)
    {
        if (!json_is_integer(e) || json_integer_value(e) <= 0)
            return bad(r, "people", "an array of positive person ids");
        x.people[x.npeople++] = json_integer_value(e);
    }
    x.created_at = x.at;
    rc = st->ops->interaction_add(st, &x, r->err);
    if (rc == RP_EEXISTS && x.id &&
        st->ops->interaction_get(st, r->a, x.id, &old, NULL) == RP_OK)
        return same_or_conflict(r, "interaction", x.id,
                                old.at == x.at && !strcmp(old.kind, x.kind),
                                skip);
    return added(r, rc);
}

static rp_code
import_ledger(store *st, rec *r, bool *skip)
{
    static const char *const keys[] = {
        "id", "person_id",   "entry",   "kind",       "text",
        "at", "offering_id", "outcome", "decided_at", NULL};
    static const char *const entries[] = {"give", "receive", "ask", NULL};
    static const char *const vkinds[] = {
        "intro", "resource", "help", "referral", "advice", "gift", NULL};
    static const char *const outcomes[] = {"pending", "yes", "no", NULL};
    rp_ledger e = {0}, old;
    rp_code rc;
    if ((rc = check_keys(r, keys)) || (rc = get_id(r, &e.id)) ||
        (rc = get_int(r, "person_id", true, &e.person_id)) ||
        (rc = get_enum(r, "entry", true, entries, "give, receive or ask",
                       &e.type)) ||
        (rc = get_enum(r, "kind", false, vkinds,
                       "intro, resource, help, referral, advice or gift",
                       &e.kind)) ||
        (rc = get_str(r, "text", true, &e.text)) ||
        (rc = get_time(r, "at", true, &e.at)) ||
        (rc = get_int(r, "offering_id", false, &e.offering_id)) ||
        (rc = get_enum(r, "outcome", false, outcomes, "pending, yes or no",
                       &e.outcome)) ||
        (rc = get_time(r, "decided_at", false, &e.decided_at)))
        return rc;
    if (!strcmp(e.type, "ask") && !e.outcome)
        e.outcome = "pending";
    if (strcmp(e.type, "ask") && e.outcome)
        return bad(r, "outcome", "null (only asks have an outcome)");
    rc = st->ops->ledger_add(st, &e, r->err);
    if (rc == RP_EEXISTS && e.id &&
        st->ops->ledger_get(st, r->a, e.id, &old, NULL) == RP_OK)
        return same_or_conflict(r, "ledger", e.id,
                                old.at == e.at && !strcmp(old.type, e.type),
                                skip);
    return added(r, rc);
}

static rp_code
import_commitment(store *st, rec *r, bool *skip)
{
    static const char *const keys[] = {"id",  "person_id", "dir",        "text",
                                       "due", "done_at",   "created_at", NULL};
    static const char *const dirs[] = {"mine", "theirs", NULL};
    rp_commitment c = {0};
    rp_code rc;
    if ((rc = check_keys(r, keys)) || (rc = get_id(r, &c.id)) ||
        (rc = get_int(r, "person_id", true, &c.person_id)) ||
        (rc = get_enum(r, "dir", true, dirs, "mine or theirs", &c.dir)) ||
        (rc = get_str(r, "text", true, &c.text)) ||
        (rc = get_time(r, "due", false, &c.due)) ||
        (rc = get_time(r, "done_at", false, &c.done_at)) ||
        (rc = get_time(r, "created_at", false, &c.created_at)))
        return rc;
    rc = st->ops->commitment_add(st, &c, r->err);
    if (rc == RP_EEXISTS && c.id) {
        rp_commitment *v;
        size_t n;
        if (st->ops->commitment_list(st, r->a, c.person_id, false, &v, &n,
                                     NULL) == RP_OK)
            for (size_t i = 0; i < n; i++)
                if (v[i].id == c.id)
                    return same_or_conflict(r, "commitment", c.id,
                                            !strcmp(v[i].text, c.text), skip);
    }
    return added(r, rc);
}

static rp_code
import_deal(store *st, rec *r, bool *skip)
{
    static const char *const keys[] = {
        "id",       "org_id", "person_id", "title",     "amount",
        "currency", "stage",  "opened_at", "closed_at", NULL};
    static const char *const stages[] = {"lead", "qualified", "proposal",
                                         "won",  "lost",      NULL};
    rp_deal d = {0}, old;
    rp_code rc;
    if ((rc = check_keys(r, keys)) || (rc = get_id(r, &d.id)) ||
        (rc = get_int(r, "org_id", false, &d.org_id)) ||
        (rc = get_int(r, "person_id", false, &d.person_id)) ||
        (rc = get_str(r, "title", true, &d.title)) ||
        (rc = get_int(r, "amount", false, &d.amount)) ||
        (rc = get_str(r, "currency", false, &d.currency)) ||
        (rc = get_enum(r, "stage", true, stages,
                       "lead, qualified, proposal, won or lost", &d.stage)) ||
        (rc = get_time(r, "opened_at", true, &d.opened_at)) ||
        (rc = get_time(r, "closed_at", false, &d.closed_at)))
        return rc;
    if (d.amount < 0)
        return bad(r, "amount", "a non-negative integer (minor units)");
    rc = st->ops->deal_add(st, &d, r->err);
    if (rc == RP_EEXISTS && d.id &&
        st->ops->deal_get(st, r->a, d.id, &old, NULL) == RP_OK)
        return same_or_conflict(r, "deal", d.id, !strcmp(old.title, d.title),
                                skip);
    return added(r, rc);
}

enum { ARENA_BYTES = 8 * 1024 * 1024 };

rp_code
transfer_import(store *st, FILE *in, const char *name,
                transfer_progress_fn *progress, void *ud, transfer_stats *out,
                rp_err *err)
{
    rp_code rc = RP_OK;
    rp_arena *a = NULL;
    jsonl_reader *rd = NULL;
    jsonl_item it = {0};
    bool open = false, have;
    long arena_lines = 0, bytes = 0;
    memset(out, 0, sizeof *out);
    if ((rc = st->ops->begin(st, err)))
        return rc;
    open = true;
    if ((rc = st->ops->bulk_begin(st, err)) ||
        (rc = jsonl_reader_start(in, name, &rd, err)))
        goto cleanup;
    while (!(rc = jsonl_reader_next(rd, &it, &have, err)) && have) {
        rec r = {name, it.line, it.obj, NULL, err};
        bool skip = false;
        if (progress && it.line / 4096 != out->lines / 4096)
            progress(ud, it.line, it.bytes);
        out->lines = it.line;
        bytes = it.bytes;
        /* One arena per batch of lines (or of megabytes, when lines are
         * long mail bodies) keeps memory flat on big files. */
        if (!a || ++arena_lines % 1024 == 0 || rp_arena_used(a) > ARENA_BYTES) {
            rp_arena_free(a);
            a = rp_arena_new();
            if (!a) {
                rc = rp_fail(err, RP_ENOMEM, "out of memory");
                goto cleanup;
            }
        }
        r.a = a;
        const char *type = json_string_value(json_object_get(r.obj, "type"));
        long *count = NULL;
        if (!type)
            rc = bad(&r, "type",
                     "a record type: org, offering, person, "
                     "interaction, ledger, commitment or deal");
        else if (!strcmp(type, "rapport")) {
            json_t *v = json_object_get(r.obj, "version");
            if (!json_is_integer(v) || json_integer_value(v) != 1)
                rc = bad(&r, "version", "1 (this rapport reads version 1)");
        } else if (!strcmp(type, "org"))
            rc = import_org(st, &r, &skip), count = &out->orgs;
        else if (!strcmp(type, "offering"))
            rc = import_offering(st, &r, &skip), count = &out->offerings;
        else if (!strcmp(type, "person"))
            rc = import_person(st, &r, &skip), count = &out->people;
        else if (!strcmp(type, "interaction"))
            rc = import_interaction(st, &r, &skip), count = &out->interactions;
        else if (!strcmp(type, "ledger"))
            rc = import_ledger(st, &r, &skip), count = &out->ledger;
        else if (!strcmp(type, "commitment"))
            rc = import_commitment(st, &r, &skip), count = &out->commitments;
        else if (!strcmp(type, "deal"))
            rc = import_deal(st, &r, &skip), count = &out->deals;
        else
            rc = bad(&r, "type",
                     "org, offering, person, interaction, "
                     "ledger, commitment or deal");
        if (rc) {
            if (rc == RP_ENOMEM && !err->msg[0])
                rp_fail(err, rc, "out of memory");
            goto cleanup;
        }
        if (skip)
            out->skipped++;
        else if (count) {
            (*count)++;
            out->added++;
        }
    }
    if (rc)
        goto cleanup;
    out->lines = jsonl_reader_lines(rd);
    if ((rc = st->ops->bulk_end(st, err)))
        goto cleanup;
    rc = st->ops->commit(st, err);
    open = false;
cleanup:
    /* The reader stops before the rollback: it may still be reading. */
    jsonl_reader_stop(rd);
    if (open && rc)
        st->ops->rollback(st);
    rp_arena_free(a);
    if (progress)
        progress(ud, out->lines, bytes);
    return rc;
}
