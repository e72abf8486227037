/* person.c - `rapport person add|edit|show|list|rm` and `rapport me`. */
#include <jansson.h>
#include <limits.h>
#include <string.h>

#include "base/date.h"
#include "cli/commands.h"
#include "core/jsonrec.h"
#include "core/people.h"
#include "core/profile.h"
#include "core/tonetrend.h"

/* --cadence was not given (0 is a value to reject, not "unset"). */
#define CADENCE_UNSET LONG_MIN

/* The fields add, edit and me share, in one option table. */
struct person_opts {
    const char *name, *org, *title, *how_met, *family, *notes, *tier, *birthday;
    long cadence;
    cli_list emails, phones, interests, goals, tags, dates, remove;
};

#define PERSON_OPTIONS(o)                                                      \
    CLI_LIST("email", "E", &(o).emails, "an email address"),                   \
        CLI_LIST("phone", "P", &(o).phones, "a phone number"),                 \
        CLI_STR("org", "ORG", &(o).org, "organisation (created when new)"),    \
        CLI_STR("title", "T", &(o).title, "job title"),                        \
        CLI_LIST("interest", "TEXT", &(o).interests, "a personal interest"),   \
        CLI_LIST("goal", "TEXT", &(o).goals, "a professional goal"),           \
        CLI_LIST("tag", "T", &(o).tags, "a tag"),                              \
        CLI_INT("cadence", "DAYS", &(o).cadence,                               \
                "ideal days between contacts"),                                \
        CLI_STR("tier", "TIER", &(o).tier, "inner, active or network"),        \
        CLI_STR("how-met", "TEXT", &(o).how_met, "how you met"),               \
        CLI_STR("family", "TEXT", &(o).family, "family, names, details"),      \
        CLI_STR("notes", "TEXT", &(o).notes, "free notes"),                    \
        CLI_STR("birthday", "DATE", &(o).birthday,                             \
                "YYYY-MM-DD, or --MM-DD without the year"),                    \
        CLI_LIST("date", "LABEL=DATE", &(o).dates,                             \
                 "another date: anniversary=2015-06-01")

static int
append_strs(cli_ctx *ctx, rp_strs *v, const cli_list *add, bool email)
{
    if (!add->n)
        return 0;
    const char **nv =
        rp_arena_alloc(ctx->arena, (v->n + (size_t)add->n) * sizeof *nv);
    if (!nv)
        return CLI_FAIL;
    if (v->n)
        memcpy(nv, v->v, v->n * sizeof *nv);
    for (int i = 0; i < add->n; i++) {
        const char *s = add->v[i];
        if (email) {
            rp_err err = {0};
            s = people_normalize_email(ctx->arena, s, &err);
            if (!s)
                return cli_usage_error(ctx, "--email: %s", err.msg);
        } else if (!*s) {
            return cli_usage_error(ctx, "an empty value is not allowed");
        }
        bool dup = false;
        for (size_t k = 0; k < v->n; k++)
            dup |= !strcasecmp(nv[k], s);
        if (!dup)
            nv[v->n++] = s;
    }
    v->v = nv;
    return 0;
}

static void
remove_value(rp_strs *v, const char *value)
{
    size_t k = 0;
    for (size_t i = 0; i < v->n; i++)
        if (strcasecmp(v->v[i], value))
            v->v[k++] = v->v[i];
    v->n = k;
}

static int
add_date(cli_ctx *ctx, rp_person *p, const char *label, const char *date)
{
    char canon[16];
    rp_err err = {0};
    if (rp_calendar_date(date, canon, sizeof canon, &err))
        return cli_usage_error(ctx, "%s: %s", label, err.msg);
    rp_dated *nd = rp_arena_alloc(ctx->arena, (p->ndates + 1) * sizeof *nd);
    if (!nd)
        return CLI_FAIL;
    size_t k = 0;
    for (size_t i = 0; i < p->ndates; i++)
        if (strcmp(p->dates[i].label, label)) /* one date per label */
            nd[k++] = p->dates[i];
    nd[k].label = rp_arena_strdup(ctx->arena, label);
    nd[k].date = rp_arena_strdup(ctx->arena, canon);
    p->dates = nd;
    p->ndates = k + 1;
    return 0;
}

/* Applies the options to p: scalars replace, lists append. */
static int
apply_opts(cli_ctx *ctx, struct person_opts *o, rp_person *p)
{
    int rc;
    if (o->name) {
        if (!*o->name)
            return cli_usage_error(ctx, "--name cannot be empty");
        p->name = o->name;
    }
    if (o->title)
        p->title = *o->title ? o->title : NULL;
    if (o->how_met)
        p->how_met = *o->how_met ? o->how_met : NULL;
    if (o->family)
        p->family = *o->family ? o->family : NULL;
    if (o->notes)
        p->notes = *o->notes ? o->notes : NULL;
    if (o->tier) {
        if (*o->tier && strcmp(o->tier, "inner") && strcmp(o->tier, "active") &&
            strcmp(o->tier, "network"))
            return cli_usage_error(ctx,
                                   "--tier must be inner, active or network, "
                                   "not '%s'",
                                   o->tier);
        p->tier = *o->tier ? o->tier : NULL;
    }
    if (o->cadence != CADENCE_UNSET) {
        if (o->cadence < 1 || o->cadence > 3650)
            return cli_usage_error(
                ctx, "--cadence must be 1 to 3650 days, not %ld", o->cadence);
        p->cadence_days = (int)o->cadence;
    }
    for (int i = 0; i < o->remove.n; i++) {
        remove_value(&p->emails, o->remove.v[i]);
        remove_value(&p->phones, o->remove.v[i]);
        remove_value(&p->interests, o->remove.v[i]);
        remove_value(&p->goals, o->remove.v[i]);
        remove_value(&p->tags, o->remove.v[i]);
    }
    if ((rc = append_strs(ctx, &p->emails, &o->emails, true)) ||
        (rc = append_strs(ctx, &p->phones, &o->phones, false)) ||
        (rc = append_strs(ctx, &p->interests, &o->interests, false)) ||
        (rc = append_strs(ctx, &p->goals, &o->goals, false)) ||
        (rc = append_strs(ctx, &p->tags, &o->tags, false)))
        return rc;
    if (o->birthday && (rc = add_date(ctx, p, "birthday", o->birthday)))
        return rc;
    for (int i = 0; i < o->dates.n; i++) {
        const char *eq = strchr(o->dates.v[i], '=');
        if (!eq || eq == o->dates.v[i])
            return cli_usage_error(ctx, "--date expects LABEL=DATE, not '%s'",
                                   o->dates.v[i]);
        char *label = rp_arena_strndup(ctx->arena, o->dates.v[i],
                                       (size_t)(eq - o->dates.v[i]));
        if ((rc = add_date(ctx, p, label, eq + 1)))
            return rc;
    }
    if (o->org) {
        if (!*o->org) {
            p->org_id = 0;
            p->org_name = NULL;
            return 0;
        }
        rp_err err = {0};
        int64_t oid;
        rp_code c = ctx->st->ops->org_find(ctx->st, o->org, &oid, &err);
        if (c == RP_ENOTFOUND) {
            rp_org org = {.name = o->org, .created_at = ctx->now};
            c = ctx->st->ops->org_add(ctx->st, &org, &err);
            oid = org.id;
        }
        if (c)
            return cli_error(ctx, &err);
        p->org_id = oid;
        p->org_name = o->org;
    }
    return 0;
}

static void
print_list(cli_ctx *ctx, const char *label, const rp_strs *v)
{
    if (!v->n)
        return;
    fprintf(ctx->out, "  %-10s ", label);
    for (size_t i = 0; i < v->n; i++)
        fprintf(ctx->out, "%s%s", i ? "; " : "", v->v[i]);
    fputc('\n', ctx->out);
}

static void
print_field(cli_ctx *ctx, const char *label, const char *value)
{
    if (value && *value)
        fprintf(ctx->out, "  %-10s %s\n", label, value);
}

/* Runs the whole add or edit in one transaction: a new org and the person
 * land together or not at all. */
static int
begin_write(cli_ctx *ctx)
{
    rp_err err = {0};
    store *st = ctx->st;
    rp_code rc = st->ops->begin(st, &err);
    if (rc)
        return cli_error(ctx, &err);
    return 0;
}

static int
finish(cli_ctx *ctx, rp_code rc, rp_err *err)
{
    store *st = ctx->st;
    if (rc == RP_OK)
        rc = st->ops->commit(st, err);
    else
        st->ops->rollback(st);
    return rc ? cli_error(ctx, err) : 0;
}

static int
person_add(cli_ctx *ctx)
{
    static const char *const usage[] = {
        "rapport person add NAME [--email E]... [--org ORG] [options]", NULL};
    struct person_opts o = {.cadence = CADENCE_UNSET};
    const struct cli_opt opts[] = {PERSON_OPTIONS(o), CLI_END()};
    char **pos;
    int npos, rc;
    rp_err err = {0};
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos != 1 || !*pos[0])
        return cli_usage_error(ctx, "person add needs exactly one NAME "
                                    "(quote names with spaces)");
    rp_person p = {.name = pos[0], .created_at = ctx->now};
    if ((rc = begin_write(ctx)))
        return rc;
    if ((rc = apply_opts(ctx, &o, &p))) {
        ctx->st->ops->rollback(ctx->st);
        return rc;
    }
    if ((rc = finish(ctx, ctx->st->ops->person_add(ctx->st, &p, &err), &err)))
        return rc;
    if (ctx->json)
        return cli_print_json(ctx, jsonrec_person(&p));
    fprintf(ctx->out, "added %s (#%lld)\n", p.name, (long long)p.id);
    return CLI_OK;
}

static int
person_edit(cli_ctx *ctx)
{
    static const char *const usage[] = {
        "rapport person edit PERSON [--name NAME] [options]", NULL};
    struct person_opts o = {.cadence = CADENCE_UNSET};
    const struct cli_opt opts[] = {
        CLI_STR("name", "NAME", &o.name, "rename"), PERSON_OPTIONS(o),
        CLI_LIST("remove", "VALUE", &o.remove,
                 "remove an email, phone, interest, goal or tag"),
        CLI_END()};
    char **pos;
    int npos, rc;
    int64_t id;
    rp_err err = {0};
    rp_person p;
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos != 1)
        return cli_usage_error(ctx, "person edit needs one PERSON");
    if (people_resolve(ctx->st, ctx->arena, pos[0], &id, &err) ||
        ctx->st->ops->person_get(ctx->st, ctx->arena, id, &p, &err))
        return cli_error(ctx, &err);
    if ((rc = begin_write(ctx)))
        return rc;
    if ((rc = apply_opts(ctx, &o, &p))) {
        ctx->st->ops->rollback(ctx->st);
        return rc;
    }
    if ((rc =
             finish(ctx, ctx->st->ops->person_update(ctx->st, &p, &err), &err)))
        return rc;
    if (ctx->json)
        return cli_print_json(ctx, jsonrec_person(&p));
    fprintf(ctx->out, "updated %s (#%lld)\n", p.name, (long long)p.id);
    return CLI_OK;
}

/* Sentiment moves this much before the trend calls it warmer or cooler,
 * the coach score this many points before better or worse: smaller
 * changes are noise across a handful of messages. */
#define TREND_TONE_STEP 0.1
#define TREND_SCORE_STEP 5

static json_t *
series_json(const tonetrend_series *s, double step, const char *up,
            const char *down)
{
    const char *dir = tonetrend_direction(s, step, up, down);
    return json_pack(
        "{s:o,s:i,s:o,s:i,s:o}", "recent",
        s->period[0].n ? json_real(s->period[0].mean) : json_null(), "recent_n",
        s->period[0].n, "before",
        s->period[1].n ? json_real(s->period[1].mean) : json_null(), "before_n",
        s->period[1].n, "trend", dir ? json_string(dir) : json_null());
}

static json_t *
trend_json(const tonetrend *t)
{
    char since[32];
    rp_time_iso(t->since, since, sizeof since);
    json_t *mains = json_object();
    for (int c = 0; c < NLP_COACH_NCATS; c++)
        if (t->mains[c])
            json_object_set_new(mains, nlp_coach_cat_name((nlp_coach_cat)c),
                                json_integer(t->mains[c]));
    json_t *coach = series_json(&t->coach, TREND_SCORE_STEP, "better", "worse");
    json_object_set_new(coach, "main_problems", mains);
    return json_pack(
        "{s:s,s:i,s:o,s:o,s:o,s:b}", "since", since, "days", TONETREND_DAYS,
        "theirs", series_json(&t->theirs, TREND_TONE_STEP, "warmer", "cooler"),
        "yours", series_json(&t->mine, TREND_TONE_STEP, "warmer", "cooler"),
        "your_coach_score", coach, "truncated", t->truncated);
}

static json_t *
profile_json(const profile *pr, const tonetrend *t)
{
    json_t *j = json_object();
    json_t *gaps = json_array(), *commit = json_array(), *recent = json_array();
    for (size_t i = 0; i < pr->ngaps; i++)
        json_array_append_new(gaps, json_string(pr->gaps[i]));
    for (size_t i = 0; i < pr->ncommitments; i++)
        json_array_append_new(commit, jsonrec_commitment(&pr->commitments[i]));
    for (size_t i = 0; i < pr->nrecent; i++)
        json_array_append_new(recent, jsonrec_interaction(&pr->recent[i]));
    json_object_set_new(j, "person", jsonrec_person(&pr->person));
    json_object_set_new(j, "org",
                        pr->has_org ? jsonrec_org(&pr->org) : json_null());
    json_object_set_new(j, "health", jsonrec_health(&pr->health));
    json_object_set_new(j, "generosity", jsonrec_generosity(&pr->generosity));
    json_object_set_new(j, "unknown", gaps);
    json_object_set_new(j, "value_idea", jsonrec_str(pr->idea));
    json_object_set_new(
        j, "tone",
        json_pack("{s:o,s:i,s:o,s:i}", "theirs",
                  pr->tone_in_n ? json_real(pr->tone_in) : json_null(),
                  "theirs_scored", pr->tone_in_n, "yours",
                  pr->tone_out_n ? json_real(pr->tone_out) : json_null(),
                  "yours_scored", pr->tone_out_n));
    json_object_set_new(j, "tone_trend", trend_json(t));
    const signals *sg = &pr->threads;
    json_object_set_new(
        j, "threads",
        json_pack("{s:i,s:i,s:i,s:i,s:o,s:i,s:o}", "count", sg->threads,
                  "started_by_them", sg->started_by_them, "started_by_you",
                  sg->started_by_me, "their_replies", sg->replies_them,
                  "their_reply_median_s",
                  sg->reply_them_median >= 0
                      ? json_integer(sg->reply_them_median)
                      : json_null(),
                  "your_replies", sg->replies_me, "your_reply_median_s",
                  sg->reply_me_median >= 0 ? json_integer(sg->reply_me_median)
                                           : json_null()));
    json_object_set_new(j, "open_commitments", commit);
    json_object_set_new(j, "recent", recent);
    return j;
}

/* A latency as people say it: "40 min", "5 h", "3 d". */
static void
print_span(FILE *f, int64_t s)
{
    if (s < 3600)
        fprintf(f, "%lld min", (long long)(s + 59) / 60);
    else if (s < 2 * 86400)
        fprintf(f, "%lld h", (long long)(s + 1800) / 3600);
    else
        fprintf(f, "%lld d", (long long)(s + 43200) / 86400);
}

/* Who starts the conversations and how fast each side answers. */
static void
print_threads(FILE *f, const signals *sg)
{
    if (!sg->threads)
        return;
    fprintf(f, "\nconversations: %d thread%s, they started %d, you %d\n",
            sg->threads, sg->threads == 1 ? "" : "s", sg->started_by_them,
            sg->started_by_me);
    if (sg->replies_them) {
        fputs("  they reply in ", f);
        print_span(f, sg->reply_them_median);
        fprintf(f, " (median of %d)\n", sg->replies_them);
    }
    if (sg->replies_me) {
        fputs("  you reply in ", f);
        print_span(f, sg->reply_me_median);
        fprintf(f, " (median of %d)\n", sg->replies_me);
    }
}

static void
print_mean(FILE *f, const tonetrend_mean *m, bool score)
{
    if (!m->n)
        fputs(score ? "     -    " : "    -    ", f);
    else if (score)
        fprintf(f, "%3.0f/100 (%d)", m->mean, m->n);
    else
        fprintf(f, "%+.2f (%d)", m->mean, m->n);
}

static void
print_series(FILE *f, const char *name, const tonetrend_series *s, bool score)
{
    const char *dir =
        score ? tonetrend_direction(s, TREND_SCORE_STEP, "better", "worse")
              : tonetrend_direction(s, TREND_TONE_STEP, "warmer", "cooler");
    fprintf(f, "  %-12s ", name);
    print_mean(f, &s->period[0], score);
    fputs("  vs  ", f);
    print_mean(f, &s->period[1], score);
    if (dir)
        fprintf(f, "  %s", dir);
    fputc('\n', f);
}

/* The tone trend: their messages, the user's, and the coach's view of the
 * user's, last TONETREND_DAYS days against before. */
static void
print_trend(FILE *f, const tonetrend *t)
{
    const tonetrend_series *all[] = {&t->theirs, &t->mine, &t->coach};
    int any = 0;
    for (int i = 0; i < 3; i++)
        any += all[i]->period[0].n + all[i]->period[1].n;
    if (!any)
        return;
    fprintf(f,
            "\ntone trend (last %d days vs before; -1 hostile .. +1 warm):\n",
            TONETREND_DAYS);
    print_series(f, "theirs", &t->theirs, false);
    print_series(f, "yours", &t->mine, false);
    if (t->coach.period[0].n || t->coach.period[1].n) {
        print_series(f, "coach score", &t->coach, true);
        int top = -1;
        for (int c = 0; c < NLP_COACH_NCATS; c++)
            if (t->mains[c] && (top < 0 || t->mains[c] > t->mains[top]))
                top = c;
        if (top >= 0)
            fprintf(f,
                    "  most frequent problem in your messages: "
                    "%s (%d)\n",
                    nlp_coach_cat_name((nlp_coach_cat)top), t->mains[top]);
    }
    if (t->truncated)
        fprintf(f, "  (from the newest %d messages)\n", TONETREND_MAX_MESSAGES);
}

static void
print_profile(cli_ctx *ctx, const profile *pr, const tonetrend *t)
{
    const rp_person *p = &pr->person;
    FILE *f = ctx->out;
    fprintf(f, "%s (#%lld)%s", p->name, (long long)p->id,
            p->is_me ? "  [you]" : "");
    if (p->title || p->org_name)
        fprintf(f, "  %s%s%s", p->title ? p->title : "",
                p->title && p->org_name ? " at " : "",
                p->org_name ? p->org_name : "");
    fputc('\n', f);
    print_list(ctx, "emails", &p->emails);
    print_list(ctx, "phones", &p->phones);
    if (p->tier || p->cadence_days)
        fprintf(f, "  %-10s %s (every %d days)\n", "tier",
                p->tier ? p->tier : "-", pr->health.cadence_days);
    print_field(ctx, "how met", p->how_met);
    print_list(ctx, "interests", &p->interests);
    print_list(ctx, "goals", &p->goals);
    if (pr->has_org)
        print_list(ctx, "org bets", &pr->org.goals);
    print_list(ctx, "tags", &p->tags);
    print_field(ctx, "family", p->family);
    for (size_t i = 0; i < p->ndates; i++) {
        int d = rp_days_until_anniversary(p->dates[i].date, ctx->now);
        fprintf(f, "  %-10s %s (%s)\n", p->dates[i].label, p->dates[i].date,
                d == 0 ? "today"
                       : rp_arena_printf(ctx->arena, "in %d days", d));
    }
    print_field(ctx, "notes", p->notes);
    if (p->is_me)
        return;
    const score_health *h = &pr->health;
    fprintf(f, "\nhealth %d/100, %s", h->score,
            score_cadence_status_name(h->status));
    if (h->days_since >= 0)
        fprintf(f, " (last contact %d days ago, ideal every %d, at most %d)",
                h->days_since, h->cadence_days, h->max_days);
    fputc('\n', f);
    for (int i = 0; i < SCORE_HEALTH_FACTORS; i++)
        fprintf(f, "  %-10s %.2f x %.2f  %s\n", h->factors[i].name,
                h->factors[i].value, h->factors[i].weight, h->factors[i].why);
    const score_generosity *g = &pr->generosity;
    fprintf(f, "\ngenerosity: gave %d, received %d, asked %d (balance %+d",
            g->given, g->received, g->asks, g->balance);
    if (g->ratio >= 0)
        fprintf(f, ", %.1f given per ask", g->ratio);
    fputs(")\n", f);
    if (pr->tone_in_n || pr->tone_out_n) {
        fputs("\ntone of recent messages (-1 hostile .. +1 warm):", f);
        if (pr->tone_in_n)
            fprintf(f, " theirs %+.2f (%d)", pr->tone_in, pr->tone_in_n);
        if (pr->tone_out_n)
            fprintf(f, " yours %+.2f (%d)", pr->tone_out, pr->tone_out_n);
        fputc('\n', f);
    }
    print_trend(f, t);
    print_threads(f, &pr->threads);
    if (pr->ngaps) {
        fputs("\nnot known yet:\n", f);
        for (size_t i = 0; i < pr->ngaps; i++)
            fprintf(f, "  - %s\n", pr->gaps[i]);
    }
    if (pr->idea)
        fprintf(f, "\nvalue idea: %s\n", pr->idea);
    if (pr->ncommitments) {
        fputs("\nopen commitments:\n", f);
        for (size_t i = 0; i < pr->ncommitments; i++) {
            const rp_commitment *c = &pr->commitments[i];
            fprintf(f, "  #%-4lld %s %s%s%s%s\n", (long long)c->id,
                    strcmp(c->dir, "mine") ? "they owe you:" : "you owe:",
                    c->text, c->due ? " (due " : "",
                    c->due ? cli_fmt_ago(ctx, c->due) : "", c->due ? ")" : "");
        }
    }
    if (pr->nrecent) {
        fputs("\nrecent:\n", f);
        for (size_t i = 0; i < pr->nrecent; i++) {
            const rp_interaction *x = &pr->recent[i];
            fprintf(f, "  %s  %-7s %-3s %s\n", cli_fmt_date(ctx, x->at),
                    x->kind, x->dir, x->summary ? x->summary : "");
        }
    }
}

static int
person_show(cli_ctx *ctx)
{
    static const char *const usage[] = {"rapport person show PERSON", NULL};
    long recent = 10;
    const struct cli_opt opts[] = {
        CLI_INT("recent", "N", &recent, "how many recent interactions (10)"),
        CLI_END()};
    char **pos;
    int npos, rc;
    int64_t id;
    rp_err err = {0};
    profile pr;
    tonetrend trend;
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos != 1)
        return cli_usage_error(ctx, "person show needs one PERSON");
    if (recent < 0)
        return cli_usage_error(ctx, "--recent must not be negative");
    if (people_resolve(ctx->st, ctx->arena, pos[0], &id, &err) ||
        profile_load(ctx->st, ctx->arena, id, ctx->now,
                     (size_t)(recent ? recent : 1), &pr, &err) ||
        tonetrend_from_messages(pr.messages, pr.nmessages, ctx->now, &trend,
                                &err))
        return cli_error(ctx, &err);
    if (!recent)
        pr.nrecent = 0;
    if (ctx->json)
        return cli_print_json(ctx, profile_json(&pr, &trend));
    print_profile(ctx, &pr, &trend);
    return CLI_OK;
}

static int
person_list(cli_ctx *ctx)
{
    static const char *const usage[] = {
        "rapport person list [--org ORG] [--tag TAG]", NULL};
    const char *org = NULL, *tag = NULL;
    const struct cli_opt opts[] = {
        CLI_STR("org", "ORG", &org, "only people at this organisation"),
        CLI_STR("tag", "TAG", &tag, "only people with this tag"), CLI_END()};
    char **pos;
    int npos, rc;
    int64_t oid = 0;
    rp_err err = {0};
    rp_person_ref *v;
    size_t n;
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos)
        return cli_usage_error(ctx, "person list takes no arguments");
    if ((org && people_resolve_org(ctx->st, org, &oid, &err)) ||
        ctx->st->ops->person_list(ctx->st, ctx->arena, oid, tag, &v, &n, &err))
        return cli_error(ctx, &err);
    if (ctx->json) {
        json_t *a = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(a, jsonrec_person_ref(&v[i]));
        return cli_print_json(ctx, a);
    }
    for (size_t i = 0; i < n; i++)
        fprintf(ctx->out, "%6lld  %s %-32s %s\n", (long long)v[i].id,
                cli_pad(ctx, v[i].name, 28), v[i].email ? v[i].email : "",
                v[i].org_name ? v[i].org_name : "");
    if (!n)
        fputs("no people yet: add one with 'rapport person add NAME'\n",
              ctx->err);
    return CLI_OK;
}

static int
person_rm(cli_ctx *ctx)
{
    static const char *const usage[] = {"rapport person rm PERSON", NULL};
    const struct cli_opt opts[] = {CLI_END()};
    char **pos;
    int npos, rc;
    int64_t id;
    rp_err err = {0};
    rp_person p;
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos != 1)
        return cli_usage_error(ctx, "person rm needs one PERSON");
    if (people_resolve(ctx->st, ctx->arena, pos[0], &id, &err) ||
        ctx->st->ops->person_get(ctx->st, ctx->arena, id, &p, &err) ||
        ctx->st->ops->person_delete(ctx->st, id, &err))
        return cli_error(ctx, &err);
    if (ctx->json)
        return cli_print_json(ctx, json_pack("{s:I,s:s}", "removed",
                                             (json_int_t)id, "name", p.name));
    fprintf(ctx->out, "removed %s (#%lld) and their history\n", p.name,
            (long long)id);
    return CLI_OK;
}

static int
person_merge(cli_ctx *ctx)
{
    static const char *const usage[] = {
        "rapport person merge KEEP OTHER   (OTHER's details move to KEEP)",
        NULL};
    const struct cli_opt opts[] = {CLI_END()};
    char **pos;
    int npos, rc;
    int64_t keep, gone;
    rp_err err = {0};
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos != 2)
        return cli_usage_error(ctx, "person merge needs KEEP and OTHER");
    if (people_resolve(ctx->st, ctx->arena, pos[0], &keep, &err) ||
        people_resolve(ctx->st, ctx->arena, pos[1], &gone, &err) ||
        ctx->st->ops->person_merge(ctx->st, keep, gone, &err))
        return cli_error(ctx, &err);
    if (ctx->json)
        return cli_print_json(ctx,
                              json_pack("{s:I,s:I}", "kept", (json_int_t)keep,
                                        "merged", (json_int_t)gone));
    fprintf(ctx->out, "merged #%lld into #%lld\n", (long long)gone,
            (long long)keep);
    return CLI_OK;
}

int
cli_person(cli_ctx *ctx)
{
    static const struct cli_sub subs[] = {
        {"add", person_add, "add a person"},
        {"edit", person_edit, "change a person's details"},
        {"list", person_list, "list people"},
        {"merge", person_merge, "merge two records of one human"},
        {"rm", person_rm, "remove a person and their history"},
        {"show", person_show, "everything known about a person, and scores"},
        {NULL, NULL, NULL}};
    return cli_dispatch(ctx, "person", subs);
}

int
cli_me(cli_ctx *ctx)
{
    static const char *const usage[] = {
        "rapport me                 show who you are",
        "rapport me --name NAME --email E [options]   set it", NULL};
    struct person_opts o = {.cadence = CADENCE_UNSET};
    const struct cli_opt opts[] = {
        CLI_STR("name", "NAME", &o.name, "your name"), PERSON_OPTIONS(o),
        CLI_END()};
    char **pos;
    int npos, rc;
    int64_t id = 0;
    rp_err err = {0};
    rp_person p = {0};
    store *st = ctx->st;
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos)
        return cli_usage_error(ctx, "me takes options only, e.g. --email");
    rp_code found = st->ops->person_me(st, &id, &err);
    if (found && found != RP_ENOTFOUND)
        return cli_error(ctx, &err);
    bool changing = o.name || o.emails.n || o.org || o.title || o.phones.n ||
                    o.interests.n || o.goals.n || o.tags.n || o.birthday ||
                    o.notes;
    if (!changing) {
        if (found)
            return cli_error(ctx, &err);
        if (st->ops->person_get(st, ctx->arena, id, &p, &err))
            return cli_error(ctx, &err);
        if (ctx->json)
            return cli_print_json(ctx, jsonrec_person(&p));
        fprintf(ctx->out, "you are %s (#%lld)\n", p.name, (long long)id);
        print_list(ctx, "emails", &p.emails);
        return CLI_OK;
    }
    /* An import before `me` made the user a contact like any other: one
     * of the given addresses finds them, and they become the user. */
    for (int i = 0; found == RP_ENOTFOUND && i < o.emails.n; i++) {
        rp_err e2 = {0};
        const char *norm =
            people_normalize_email(ctx->arena, o.emails.v[i], &e2);
        if (norm && st->ops->person_by_email(st, norm, &id, NULL) == RP_OK)
            found = RP_OK;
    }
    if (found == RP_OK && st->ops->person_get(st, ctx->arena, id, &p, &err))
        return cli_error(ctx, &err);
    p.is_me = true;
    if (found) {
        if (!o.name)
            return cli_usage_error(ctx, "say who you are: rapport me --name "
                                        "NAME --email ADDRESS");
        p.is_me = true;
        p.created_at = ctx->now;
    }
    if ((rc = begin_write(ctx)))
        return rc;
    if ((rc = apply_opts(ctx, &o, &p))) {
        st->ops->rollback(st);
        return rc;
    }
    rp_code w = found ? st->ops->person_add(st, &p, &err)
                      : st->ops->person_update(st, &p, &err);
    if ((rc = finish(ctx, w, &err)))
        return rc;
    if (ctx->json)
        return cli_print_json(ctx, jsonrec_person(&p));
    fprintf(ctx->out, "you are %s (#%lld)\n", p.name, (long long)p.id);
    return CLI_OK;
}
