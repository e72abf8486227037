/* jsonrec.c - records to JSON; see jsonrec.h and docs/jsonl.md. */
#include "core/jsonrec.h"

#include "base/date.h"

json_t *
jsonrec_time(int64_t t)
{
    char buf[32];
    if (!t)
        return json_null();
    rp_time_iso(t, buf, sizeof buf);
    return json_string(buf);
}

json_t *
jsonrec_str(const char *s)
{
    return s ? json_string(s) : json_null();
}

json_t *
jsonrec_id(int64_t id)
{
    return id ? json_integer(id) : json_null();
}

json_t *
jsonrec_strs(const rp_strs *v)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < v->n; i++)
        json_array_append_new(a, json_string(v->v[i]));
    return a;
}

json_t *
jsonrec_person(const rp_person *p)
{
    json_t *dates = json_array();
    for (size_t i = 0; dates && i < p->ndates; i++)
        json_array_append_new(dates, json_pack("{s:s?,s:s}", "label",
                                               p->dates[i].label, "date",
                                               p->dates[i].date));
    return json_pack(
        "{s:s,s:I,s:s?,s:o,s:s?,s:s?,s:s?,s:s?,s:s?,s:s?,s:o,s:b,s:o,s:o,"
        "s:o,s:o,s:o,s:o,s:o}",
        "type", "person", "id", (json_int_t)p->id, "name", p->name, "org_id",
        jsonrec_id(p->org_id), "org", p->org_name, "title", p->title, "how_met",
        p->how_met, "family", p->family, "notes", p->notes, "tier", p->tier,
        "cadence_days",
        p->cadence_days ? json_integer(p->cadence_days) : json_null(), "is_me",
        p->is_me, "emails", jsonrec_strs(&p->emails), "phones",
        jsonrec_strs(&p->phones), "interests", jsonrec_strs(&p->interests),
        "goals", jsonrec_strs(&p->goals), "tags", jsonrec_strs(&p->tags),
        "dates", dates, "created_at", jsonrec_time(p->created_at));
}

json_t *
jsonrec_person_ref(const rp_person_ref *p)
{
    return json_pack(
        "{s:I,s:s?,s:s?,s:s?,s:s?,s:s?,s:o}", "id", (json_int_t)p->id, "name",
        p->name, "email", p->email, "org", p->org_name, "title", p->title,
        "tier", p->tier, "cadence_days",
        p->cadence_days ? json_integer(p->cadence_days) : json_null());
}

json_t *
jsonrec_org(const rp_org *o)
{
    return json_pack(
        "{s:s,s:I,s:s?,s:s?,s:s?,s:o,s:o,s:o}", "type", "org", "id",
        (json_int_t)o->id, "name", o->name, "industry", o->industry, "notes",
        o->notes, "domains", jsonrec_strs(&o->domains), "goals",
        jsonrec_strs(&o->goals), "created_at", jsonrec_time(o->created_at));
}

json_t *
jsonrec_interaction(const rp_interaction *x)
{
    json_t *people = json_array();
    for (size_t i = 0; people && i < x->npeople; i++)
        json_array_append_new(people, json_integer(x->people[i]));
    return json_pack(
        "{s:s,s:I,s:s?,s:s?,s:o,s:s?,s:s?,s:s?,s:s?,s:s?,s:b,s:o,s:o}", "type",
        "interaction", "id", (json_int_t)x->id, "kind", x->kind, "dir", x->dir,
        "at", jsonrec_time(x->at), "summary", x->summary, "body", x->body,
        "source", x->source, "external_id", x->external_id, "thread", x->thread,
        "automated", x->automated, "sentiment",
        x->has_sentiment ? json_real(x->sentiment) : json_null(), "people",
        people);
}

json_t *
jsonrec_ledger(const rp_ledger *e)
{
    return json_pack(
        "{s:s,s:I,s:I,s:s?,s:s?,s:s?,s:o,s:o,s:s?,s:o}", "type", "ledger", "id",
        (json_int_t)e->id, "person_id", (json_int_t)e->person_id, "entry",
        e->type, "kind", e->kind && *e->kind ? e->kind : NULL, "text", e->text,
        "at", jsonrec_time(e->at), "offering_id", jsonrec_id(e->offering_id),
        "outcome", e->outcome, "decided_at", jsonrec_time(e->decided_at));
}

json_t *
jsonrec_offering(const rp_offering *o)
{
    return json_pack("{s:s,s:I,s:s?,s:i,s:s?,s:o}", "type", "offering", "id",
                     (json_int_t)o->id, "name", o->name, "conviction",
                     o->conviction, "description", o->description, "created_at",
                     jsonrec_time(o->created_at));
}

json_t *
jsonrec_commitment(const rp_commitment *c)
{
    return json_pack(
        "{s:s,s:I,s:I,s:s?,s:s?,s:o,s:o,s:o}", "type", "commitment", "id",
        (json_int_t)c->id, "person_id", (json_int_t)c->person_id, "dir", c->dir,
        "text", c->text, "due", jsonrec_time(c->due), "done_at",
        jsonrec_time(c->done_at), "created_at", jsonrec_time(c->created_at));
}

json_t *
jsonrec_deal(const rp_deal *d)
{
    return json_pack("{s:s,s:I,s:o,s:o,s:s?,s:I,s:s?,s:s?,s:o,s:o}", "type",
                     "deal", "id", (json_int_t)d->id, "org_id",
                     jsonrec_id(d->org_id), "person_id",
                     jsonrec_id(d->person_id), "title", d->title, "amount",
                     (json_int_t)d->amount, "currency", d->currency, "stage",
                     d->stage, "opened_at", jsonrec_time(d->opened_at),
                     "closed_at", jsonrec_time(d->closed_at));
}

json_t *
jsonrec_health(const score_health *h)
{
    json_t *f = json_array();
    for (int i = 0; f && i < SCORE_HEALTH_FACTORS; i++)
        json_array_append_new(
            f, json_pack("{s:s,s:f,s:f,s:s}", "name", h->factors[i].name,
                         "value", h->factors[i].value, "weight",
                         h->factors[i].weight, "why", h->factors[i].why));
    return json_pack("{s:i,s:s,s:i,s:i,s:o,s:o}", "score", h->score, "status",
                     score_cadence_status_name(h->status), "cadence_days",
                     h->cadence_days, "max_days", h->max_days, "days_since",
                     h->days_since >= 0 ? json_integer(h->days_since)
                                        : json_null(),
                     "factors", f);
}

json_t *
jsonrec_generosity(const score_generosity *g)
{
    return json_pack("{s:i,s:i,s:i,s:i,s:o}", "given", g->given, "received",
                     g->received, "asks", g->asks, "balance", g->balance,
                     "ratio",
                     g->ratio >= 0 ? json_real(g->ratio) : json_null());
}

json_t *
jsonrec_readiness(const score_readiness *r)
{
    json_t *checks = json_array();
    for (int i = 0; checks && i < r->nchecks; i++)
        json_array_append_new(
            checks,
            json_pack("{s:s,s:b,s:s,s:s?}", "name", r->checks[i].name, "pass",
                      r->checks[i].pass, "evidence", r->checks[i].evidence,
                      "todo", r->checks[i].pass ? NULL : r->checks[i].todo));
    return json_pack("{s:s,s:s,s:b,s:o,s:o,s:o}", "verdict",
                     score_verdict_name(r->verdict), "summary", r->summary,
                     "trust_earned", r->trust_earned, "conviction",
                     r->conviction ? json_integer(r->conviction) : json_null(),
                     "believes_in_offering",
                     r->conviction ? json_boolean(r->believes) : json_null(),
                     "checks", checks);
}
