/* intake.c - outside records into the book; see intake.h. */
#include "core/intake.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/date.h"
#include "base/phone.h"
#include "core/people.h"
#include "core/tone.h"

struct intake {
    store *st;
    int64_t me;
    const char **mine; /* the user's addresses, lowercased */
    size_t nmine;
    rp_arena *a;      /* lives as long as the intake */
    char region[4];   /* default country code for phones, or "" */
    bool region_mine; /* taken from the user's own phone */
    intake_stats stats;
};

rp_code
intake_new(store *st, intake **out, rp_err *err)
{
    intake *in = rp_calloc(1, sizeof *in);
    rp_person me;
    *out = NULL;
    if (!in || !(in->a = rp_arena_new())) {
        rp_free(in);
        return rp_fail(err, RP_ENOMEM, "out of memory");
    }
    in->st = st;
    if (st->ops->person_me(st, &in->me, NULL) == RP_OK &&
        st->ops->person_get(st, in->a, in->me, &me, err) == RP_OK) {
        in->mine = me.emails.v;
        in->nmine = me.emails.n;
        for (size_t i = 0; i < me.phones.n && !in->region_mine; i++)
            in->region_mine =
                rp_phone_region(me.phones.v[i], in->region, sizeof in->region);
    } else {
        in->me = 0;
    }
    *out = in;
    return RP_OK;
}

void
intake_free(intake *in)
{
    if (!in)
        return;
    rp_arena_free(in->a);
    rp_free(in);
}

void
intake_set_region(intake *in, const char *region)
{
    if (in->region_mine || !region || !rp_phone_valid_region(region))
        return;
    snprintf(in->region, sizeof in->region, "%s", region + (*region == '+'));
}

const char *
intake_region(const intake *in)
{
    return in->region;
}

const intake_stats *
intake_stats_get(const intake *in)
{
    return &in->stats;
}

static bool
is_mine(const intake *in, const char *email)
{
    for (size_t i = 0; i < in->nmine; i++)
        if (!strcasecmp(in->mine[i], email))
            return true;
    return false;
}

/* A name for someone known only by address: "ada.byron@x" -> "ada.byron". */
static const char *
name_from(rp_arena *a, const intake_addr *addr, const char *email)
{
    if (addr->name && *addr->name)
        return addr->name;
    const char *at = strchr(email, '@');
    return rp_arena_strndup(a, email,
                            at ? (size_t)(at - email) : strlen(email));
}

/* The organisation whose domain the address has, or 0. */
static int64_t
org_by_domain(store *st, const char *email)
{
    const char *at = strchr(email, '@');
    int64_t id = 0;
    if (at && st->ops->org_find(st, at + 1, &id, NULL) == RP_OK)
        return id;
    return 0;
}

/*
 * The person an address belongs to, created when unknown.  *id is 0 for
 * the user's own addresses and for addresses that are not addresses.
 */
static rp_code
person_for(intake *in, rp_arena *a, const intake_addr *addr, bool automated,
           int64_t *id, rp_err *err)
{
    *id = 0;
    if (!addr->email || !*addr->email)
        return RP_OK;
    char *email = people_normalize_email(a, addr->email, NULL);
    if (!email || is_mine(in, email))
        return RP_OK;
    rp_code rc = in->st->ops->person_by_email(in->st, email, id, NULL);
    if (rc == RP_OK) {
        in->stats.people_matched++;
        return RP_OK;
    }
    const char *automated_tag[] = {"automated"};
    const char *emails[] = {email};
    rp_person p = {.name = name_from(a, addr, email),
                   .emails = {emails, 1},
                   .org_id = org_by_domain(in->st, email)};
    /* Senders of list and machine mail are kept (the mail links to them)
     * but tagged, so they are easy to tell from people. */
    if (automated)
        p.tags = (rp_strs){automated_tag, 1};
    if ((rc = in->st->ops->person_add(in->st, &p, err)))
        return rc;
    in->stats.people_created++;
    *id = p.id;
    return RP_OK;
}

/* Adds id to the set v (size *n) unless it is 0 or already there. */
static void
add_unique(int64_t *v, size_t *n, int64_t id)
{
    if (!id)
        return;
    for (size_t i = 0; i < *n; i++)
        if (v[i] == id)
            return;
    v[(*n)++] = id;
}

/* FNV-1a, for a stable id when a message has no Message-ID. */
static uint64_t
fnv1a(uint64_t h, const char *s)
{
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    return h;
}

static rp_code
already_there(intake *in, const char *external_id, bool *present, rp_err *err)
{
    int64_t id;
    rp_code rc =
        in->st->ops->interaction_by_external(in->st, external_id, &id, NULL);
    *present = rc == RP_OK;
    if (rc != RP_OK && rc != RP_ENOTFOUND)
        return rp_fail(err, rc, "cannot look up '%s'", external_id);
    if (*present)
        in->stats.interactions_present++;
    return RP_OK;
}

rp_code
intake_message_add(intake *in, const intake_message *m, rp_err *err)
{
    rp_arena *a = rp_arena_new();
    rp_code rc = RP_OK;
    bool present;
    char idbuf[64];
    const char *ext = m->message_id;
    if (!a)
        return rp_fail(err, RP_ENOMEM, "out of memory");
    if (!ext || !*ext) {
        uint64_t h = 0xcbf29ce484222325ULL;
        char date[32];
        snprintf(date, sizeof date, "%lld", (long long)m->date);
        h = fnv1a(fnv1a(fnv1a(h, m->from.email), date), m->subject);
        snprintf(idbuf, sizeof idbuf, "noid:%016llx", (unsigned long long)h);
        ext = idbuf;
    }
    if ((rc = already_there(in, ext, &present, err)) || present)
        goto cleanup;
    size_t cap = 1 + m->nto + m->ncc, n = 0;
    int64_t *people = rp_arena_alloc(a, cap * sizeof *people), id;
    if (!people) {
        rc = rp_fail(err, RP_ENOMEM, "out of memory");
        goto cleanup;
    }
    bool from_me = m->from.email && is_mine(in, m->from.email);
    if ((rc = person_for(in, a, &m->from, m->automated, &id, err)))
        goto cleanup;
    add_unique(people, &n, id);
    /* Only the sender of machine mail is the machine: the others on a
     * newsletter or list mail are people (or the list itself). */
    for (size_t i = 0; i < m->nto && !rc; i++)
        if (!(rc = person_for(in, a, &m->to[i], false, &id, err)))
            add_unique(people, &n, id);
    for (size_t i = 0; i < m->ncc && !rc; i++)
        if (!(rc = person_for(in, a, &m->cc[i], false, &id, err)))
            add_unique(people, &n, id);
    if (rc)
        goto cleanup;
    if (!n) { /* a note to self, or no usable address */
        in->stats.skipped++;
        goto cleanup;
    }
    rp_interaction x = {.kind = "email",
                        .dir = from_me ? "out" : "in",
                        .at = m->date,
                        .summary = m->subject,
                        .body = m->body,
                        .source = m->source,
                        .external_id = ext,
                        .thread = m->thread,
                        .automated = m->automated,
                        .people = people,
                        .npeople = n,
                        .created_at = m->date};
    if (m->body)
        x.has_sentiment =
            tone_score(m->body, strlen(m->body), true, &x.sentiment);
    if ((rc = in->st->ops->interaction_add(in->st, &x, err)))
        goto cleanup;
    in->stats.interactions_added++;
    in->stats.without_me += !in->me;
cleanup:
    rp_arena_free(a);
    return rc;
}

rp_code
intake_event_add(intake *in, const intake_event *e, rp_err *err)
{
    rp_arena *a = rp_arena_new();
    rp_code rc = RP_OK;
    bool present;
    if (!a)
        return rp_fail(err, RP_ENOMEM, "out of memory");
    if (e->cancelled || !e->uid) {
        in->stats.skipped++;
        goto cleanup;
    }
    const char *ext = rp_arena_printf(a, "ical:%s", e->uid);
    if (!ext) {
        rc = rp_fail(err, RP_ENOMEM, "out of memory");
        goto cleanup;
    }
    if ((rc = already_there(in, ext, &present, err)) || present)
        goto cleanup;
    size_t n = 0;
    int64_t *people = rp_arena_alloc(a, (1 + e->nattendees) * sizeof *people),
            id;
    if (!people) {
        rc = rp_fail(err, RP_ENOMEM, "out of memory");
        goto cleanup;
    }
    bool mine = e->organizer.email && is_mine(in, e->organizer.email);
    if ((rc = person_for(in, a, &e->organizer, false, &id, err)))
        goto cleanup;
    add_unique(people, &n, id);
    for (size_t i = 0; i < e->nattendees && !rc; i++)
        if (!(rc = person_for(in, a, &e->attendees[i], false, &id, err)))
            add_unique(people, &n, id);
    if (rc)
        goto cleanup;
    if (!n) {
        in->stats.skipped++;
        goto cleanup;
    }
    rp_interaction x = {.kind = "meeting",
                        .dir = mine || !e->organizer.email ? "out" : "in",
                        .at = e->start,
                        .summary = e->summary,
                        .body = e->description,
                        .source = e->source,
                        .external_id = ext,
                        .people = people,
                        .npeople = n,
                        .created_at = e->start};
    if ((rc = in->st->ops->interaction_add(in->st, &x, err)))
        goto cleanup;
    in->stats.interactions_added++;
    in->stats.without_me += !in->me;
cleanup:
    rp_arena_free(a);
    return rc;
}

/* Appends the values of add not already in v (case-insensitive). */
static bool
merge_strs(rp_arena *a, rp_strs *v, const char *const *add, size_t nadd)
{
    bool changed = false;
    for (size_t i = 0; i < nadd; i++) {
        bool have = false;
        for (size_t k = 0; k < v->n && !have; k++)
            have = !strcasecmp(v->v[k], add[i]);
        if (have || !add[i] || !*add[i])
            continue;
        const char **nv = rp_arena_alloc(a, (v->n + 1) * sizeof *nv);
        if (!nv)
            return changed;
        if (v->n)
            memcpy(nv, v->v, v->n * sizeof *nv);
        nv[v->n++] = add[i];
        v->v = nv;
        changed = true;
    }
    return changed;
}

/* True when a and b are one number (E.164 parts, a missing country code
 * matching any). */
static bool
same_number(const char *a, const char *b, const char *region)
{
    rp_phone p, q;
    return rp_phone_parse(a, region, &p) && rp_phone_parse(b, region, &q) &&
           !strcmp(p.nsn, q.nsn) && (!*p.cc || !*q.cc || !strcmp(p.cc, q.cc));
}

/* Appends the phones of add that are not already in v as numbers, so a
 * contact's "020 7946 0000" does not sit beside "+44 20 7946 0000". */
static bool
merge_phones(rp_arena *a, rp_strs *v, const char *const *add, size_t nadd,
             const char *region)
{
    bool changed = false;
    for (size_t i = 0; i < nadd; i++) {
        bool have = false;
        for (size_t k = 0; k < v->n && !have; k++)
            have = same_number(v->v[k], add[i], region);
        if (!have)
            changed |= merge_strs(a, v, &add[i], 1);
    }
    return changed;
}

static bool
fill(const char **field, const char *value)
{
    if (*field || !value || !*value)
        return false;
    *field = value;
    return true;
}

/*
 * A contact with neither email nor phone is known again only by all it
 * says: the same name, organisation and notes (for LinkedIn, the profile
 * URL), so that importing the same file twice adds nobody.  Without
 * organisation or notes, a card finds only a person it says everything
 * of: the same name, title and birthday, and no address, phone,
 * organisation or notes of their own.  Re-importing such a card adds
 * nobody, and two people who merely share a name stay two; likely
 * duplicates are for `rapport dedupe` to suggest, not for an import to
 * merge.
 */
static bool
same_text(const char *a, const char *b)
{
    bool ea = !a || !*a, eb = !b || !*b;
    return ea || eb ? ea && eb : !strcasecmp(a, b);
}

static const char *
birthday_of(const rp_person *p)
{
    for (size_t i = 0; i < p->ndates; i++)
        if (p->dates[i].label && !strcmp(p->dates[i].label, "birthday"))
            return p->dates[i].date;
    return NULL;
}
static int64_t
same_record(store *st, rp_arena *a, const intake_contact *c)
{
    int64_t *ids;
    size_t n;
    bool org = c->org && *c->org, notes = c->notes && *c->notes;
    bool bare = !org && !notes;
    if (!c->name || !*c->name ||
        st->ops->people_named(st, a, c->name, &ids, &n, NULL) != RP_OK)
        return 0;
    for (size_t i = 0; i < n; i++) {
        rp_person p;
        if (st->ops->person_get(st, a, ids[i], &p, NULL) != RP_OK)
            continue;
        if (bare) {
            if (!p.org_id && !p.emails.n && !p.phones.n &&
                !(p.notes && *p.notes) && !p.is_me &&
                same_text(p.title, c->title) &&
                same_text(birthday_of(&p), c->birthday))
                return p.id;
            continue;
        }
        bool same_org =
            org ? p.org_name && !strcasecmp(p.org_name, c->org) : !p.org_id;
        bool same_notes = !notes || (p.notes && strstr(p.notes, c->notes));
        if (same_org && same_notes)
            return p.id;
    }
    return 0;
}

rp_code
intake_contact_add(intake *in, const intake_contact *c, rp_err *err)
{
    store *st = in->st;
    rp_arena *a = rp_arena_new();
    rp_code rc = RP_OK;
    int64_t id = 0;
    if (!a)
        return rp_fail(err, RP_ENOMEM, "out of memory");
    const char **emails = rp_arena_alloc(a, (c->nemails + 1) * sizeof *emails);
    size_t ne = 0;
    for (size_t i = 0; emails && i < c->nemails; i++) {
        char *e = people_normalize_email(a, c->emails[i], NULL);
        if (e)
            emails[ne++] = e;
    }
    if (!emails || (!ne && !(c->name && *c->name))) {
        in->stats.skipped++;
        goto cleanup;
    }
    /* One person per human: any known address, then a known phone. */
    for (size_t i = 0; i < ne && !id; i++)
        if (st->ops->person_by_email(st, emails[i], &id, NULL) != RP_OK)
            id = 0;
    for (size_t i = 0; i < c->nphones && !id; i++)
        if (st->ops->person_by_phone(st, c->phones[i], in->region, &id, NULL) !=
            RP_OK)
            id = 0;
    if (!id && !ne && !c->nphones)
        id = same_record(st, a, c);
    int64_t org_id = 0;
    if (c->org && *c->org) {
        if (st->ops->org_find(st, c->org, &org_id, NULL) != RP_OK) {
            rp_org o = {.name = c->org};
            if ((rc = st->ops->org_add(st, &o, err)))
                goto cleanup;
            org_id = o.id;
        }
    }
    char bday[16];
    const char *birthday = NULL;
    if (c->birthday &&
        rp_calendar_date(c->birthday, bday, sizeof bday, NULL) == RP_OK)
        birthday = bday;
    if (id) {
        rp_person p;
        bool changed = false;
        if ((rc = st->ops->person_get(st, a, id, &p, err)))
            goto cleanup;
        changed |= merge_strs(a, &p.emails, emails, ne);
        changed |=
            merge_phones(a, &p.phones, c->phones, c->nphones, in->region);
        changed |= merge_strs(a, &p.tags, c->tags, c->ntags);
        changed |= fill(&p.title, c->title);
        changed |= fill(&p.notes, c->notes);
        changed |= fill(&p.how_met, c->how_met);
        if (!p.org_id && org_id) {
            p.org_id = org_id;
            changed = true;
        }
        bool has_birthday = false;
        for (size_t i = 0; i < p.ndates; i++)
            has_birthday |= !strcmp(p.dates[i].label, "birthday");
        if (birthday && !has_birthday) {
            rp_dated *nd = rp_arena_alloc(a, (p.ndates + 1) * sizeof *nd);
            if (nd) {
                if (p.ndates)
                    memcpy(nd, p.dates, p.ndates * sizeof *nd);
                nd[p.ndates++] = (rp_dated){"birthday", birthday};
                p.dates = nd;
                changed = true;
            }
        }
        if (changed && (rc = st->ops->person_update(st, &p, err)))
            goto cleanup;
        if (changed)
            in->stats.people_updated++;
        else
            in->stats.people_matched++;
        goto cleanup;
    }
    rp_dated dates[1] = {{"birthday", birthday}};
    rp_person p = {.name = c->name && *c->name ? c->name : emails[0],
                   .org_id = org_id,
                   .title = c->title,
                   .notes = c->notes,
                   .how_met = c->how_met,
                   .emails = {emails, ne},
                   .phones = {c->phones, c->nphones},
                   .tags = {c->tags, c->ntags},
                   .dates = dates,
                   .ndates = birthday ? 1 : 0};
    if ((rc = st->ops->person_add(st, &p, err)))
        goto cleanup;
    in->stats.people_created++;
cleanup:
    rp_arena_free(a);
    return rc;
}
