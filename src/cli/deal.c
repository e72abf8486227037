/* deal.c - `rapport deal add|edit|list`: the account-growth data. */
#include <ctype.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "core/jsonrec.h"
#include "core/people.h"

static const char *const stages[] = {"lead", "qualified", "proposal",
                                     "won",  "lost",      NULL};

struct deal_opts {
    const char *title, *org, *person, *amount, *currency, *stage, *opened,
        *closed;
};

/* "12000", "12000.50" -> minor units. */
static int
parse_amount(cli_ctx *ctx, const char *s, int64_t *out)
{
    char *end;
    double v = strtod(s, &end);
    if (*end || end == s || v < 0 || v > 1e15 || isnan(v))
        return cli_usage_error(ctx,
                               "--amount must be a positive number like "
                               "12000 or 499.99, not '%s'",
                               s);
    *out = (int64_t)llround(v * 100);
    return 0;
}

static int
apply(cli_ctx *ctx, struct deal_opts *o, rp_deal *d)
{
    rp_err err = {0};
    int rc;
    if (o->title)
        d->title = o->title;
    if (o->org && people_resolve_org(ctx->st, o->org, &d->org_id, &err))
        return cli_error(ctx, &err);
    if (o->person &&
        people_resolve(ctx->st, ctx->arena, o->person, &d->person_id, &err))
        return cli_error(ctx, &err);
    if (o->amount && (rc = parse_amount(ctx, o->amount, &d->amount)))
        return rc;
    if (o->currency) {
        if (strlen(o->currency) != 3)
            return cli_usage_error(ctx,
                                   "--currency is a 3-letter code like "
                                   "EUR, not '%s'",
                                   o->currency);
        char *c = rp_arena_strdup(ctx->arena, o->currency);
        for (char *p = c; *p; p++)
            *p = (char)toupper((unsigned char)*p);
        d->currency = c;
    }
    if (o->stage) {
        bool ok = false;
        for (const char *const *s = stages; *s; s++)
            ok |= !strcmp(*s, o->stage);
        if (!ok)
            return cli_usage_error(ctx,
                                   "--stage must be lead, qualified, "
                                   "proposal, won or lost, not '%s'",
                                   o->stage);
        d->stage = o->stage;
        if ((!strcmp(o->stage, "won") || !strcmp(o->stage, "lost")) &&
            !d->closed_at && !o->closed)
            d->closed_at = ctx->now;
    }
    if (o->opened &&
        (rc = cli_time_arg(ctx, "opened", o->opened, &d->opened_at)))
        return rc;
    if (o->closed &&
        (rc = cli_time_arg(ctx, "closed", o->closed, &d->closed_at)))
        return rc;
    if (!d->org_id && !d->person_id)
        return cli_usage_error(ctx, "a deal needs --org or --person");
    return 0;
}

#define DEAL_OPTIONS(o)                                                        \
    CLI_STR("org", "ORG", &(o).org, "the organisation"),                       \
        CLI_STR("person", "PERSON", &(o).person, "the main contact"),          \
        CLI_STR("amount", "N", &(o).amount, "value, e.g. 12000 or 499.99"),    \
        CLI_STR("currency", "CUR", &(o).currency, "EUR (default), USD..."),    \
        CLI_STR("stage", "S", &(o).stage,                                      \
                "lead, qualified, proposal, won or lost"),                     \
        CLI_STR("opened", "WHEN", &(o).opened, "when it opened (now)"),        \
        CLI_STR("closed", "WHEN", &(o).closed, "when it closed")

static int
deal_add(cli_ctx *ctx)
{
    static const char *const usage[] = {
        "rapport deal add TITLE --org ORG [--amount N] [--stage S]", NULL};
    struct deal_opts o = {0};
    const struct cli_opt opts[] = {DEAL_OPTIONS(o), CLI_END()};
    char **pos;
    int npos, rc;
    rp_err err = {0};
    rp_deal d = {.currency = "EUR", .stage = "lead", .opened_at = ctx->now};
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos != 1 || !*pos[0])
        return cli_usage_error(ctx, "deal add needs one TITLE");
    d.title = pos[0];
    if ((rc = apply(ctx, &o, &d)))
        return rc;
    if (ctx->st->ops->deal_add(ctx->st, &d, &err))
        return cli_error(ctx, &err);
    if (ctx->json)
        return cli_print_json(ctx, jsonrec_deal(&d));
    fprintf(ctx->out, "deal #%lld: %s, %lld.%02lld %s, %s\n", (long long)d.id,
            d.title, (long long)(d.amount / 100), (long long)(d.amount % 100),
            d.currency, d.stage);
    return CLI_OK;
}

static int
deal_edit(cli_ctx *ctx)
{
    static const char *const usage[] = {
        "rapport deal edit ID [--stage S] [--amount N] [options]", NULL};
    struct deal_opts o = {0};
    const struct cli_opt opts[] = {CLI_STR("title", "T", &o.title, "rename"),
                                   DEAL_OPTIONS(o), CLI_END()};
    char **pos, *end;
    int npos, rc;
    rp_err err = {0};
    rp_deal d;
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos != 1)
        return cli_usage_error(ctx, "deal edit needs one ID");
    long long id = strtoll(pos[0], &end, 10);
    if (*end || id <= 0)
        return cli_usage_error(ctx, "ID must be a number, not '%s'", pos[0]);
    if (ctx->st->ops->deal_get(ctx->st, ctx->arena, id, &d, &err))
        return cli_error(ctx, &err);
    if ((rc = apply(ctx, &o, &d)))
        return rc;
    if (ctx->st->ops->deal_update(ctx->st, &d, &err))
        return cli_error(ctx, &err);
    if (ctx->json)
        return cli_print_json(ctx, jsonrec_deal(&d));
    fprintf(ctx->out, "deal #%lld: %s, %s\n", id, d.title, d.stage);
    return CLI_OK;
}

static int
deal_list(cli_ctx *ctx)
{
    static const char *const usage[] = {"rapport deal list [--org ORG]", NULL};
    const char *org = NULL;
    const struct cli_opt opts[] = {
        CLI_STR("org", "ORG", &org, "only this organisation's deals"),
        CLI_END()};
    char **pos;
    int npos, rc;
    int64_t oid = 0;
    rp_err err = {0};
    rp_deal *v;
    size_t n;
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if ((org && people_resolve_org(ctx->st, org, &oid, &err)) ||
        ctx->st->ops->deal_list(ctx->st, ctx->arena, oid, &v, &n, &err))
        return cli_error(ctx, &err);
    if (ctx->json) {
        json_t *a = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(a, jsonrec_deal(&v[i]));
        return cli_print_json(ctx, a);
    }
    for (size_t i = 0; i < n; i++) {
        rp_org o;
        const char *oname = "";
        if (v[i].org_id && ctx->st->ops->org_get(ctx->st, ctx->arena,
                                                 v[i].org_id, &o, NULL) == 0)
            oname = o.name;
        fprintf(ctx->out, "%5lld  %-9s %12lld.%02lld %s  %-22s %s\n",
                (long long)v[i].id, v[i].stage, (long long)(v[i].amount / 100),
                (long long)(v[i].amount % 100), v[i].currency, oname,
                v[i].title);
    }
    return CLI_OK;
}

int
cli_deal(cli_ctx *ctx)
{
    static const struct cli_sub subs[] = {
        {"add", deal_add, "open a deal"},
        {"edit", deal_edit, "move a deal along or change it"},
        {"list", deal_list, "list deals"},
        {NULL, NULL, NULL}};
    return cli_dispatch(ctx, "deal", subs);
}
