/* org.c - `rapport org add|edit|show|list|rm`. */
#include <jansson.h>
#include <string.h>

#include "cli/commands.h"
#include "core/jsonrec.h"
#include "core/people.h"

struct org_opts {
    const char *name, *industry, *notes;
    cli_list domains, goals;
};

#define ORG_OPTIONS(o)                                                         \
    CLI_STR("industry", "TEXT", &(o).industry, "industry"),                    \
        CLI_LIST("domain", "D", &(o).domains, "a web or mail domain"),         \
        CLI_LIST("goal", "TEXT", &(o).goals, "a company goal or 'big bet'"),   \
        CLI_STR("notes", "TEXT", &(o).notes, "free notes")

static int
append(cli_ctx *ctx, rp_strs *v, const cli_list *add)
{
    const char **nv =
        rp_arena_alloc(ctx->arena, (v->n + (size_t)add->n + 1) * sizeof *nv);
    if (!nv)
        return CLI_FAIL;
    if (v->n)
        memcpy(nv, v->v, v->n * sizeof *nv);
    for (int i = 0; i < add->n; i++) {
        if (!*add->v[i])
            return cli_usage_error(ctx, "an empty value is not allowed");
        nv[v->n++] = add->v[i];
    }
    v->v = nv;
    return 0;
}

static int
apply(cli_ctx *ctx, struct org_opts *o, rp_org *org)
{
    int rc;
    if (o->name)
        org->name = o->name;
    if (o->industry)
        org->industry = *o->industry ? o->industry : NULL;
    if (o->notes)
        org->notes = *o->notes ? o->notes : NULL;
    if ((rc = append(ctx, &org->domains, &o->domains)) ||
        (rc = append(ctx, &org->goals, &o->goals)))
        return rc;
    return 0;
}

static int
org_add(cli_ctx *ctx)
{
    static const char *const usage[] = {
        "rapport org add NAME [--domain D]... [--goal TEXT]...", NULL};
    struct org_opts o = {0};
    const struct cli_opt opts[] = {ORG_OPTIONS(o), CLI_END()};
    char **pos;
    int npos, rc;
    rp_err err = {0};
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos != 1 || !*pos[0])
        return cli_usage_error(ctx, "org add needs exactly one NAME");
    rp_org org = {.name = pos[0], .created_at = ctx->now};
    if ((rc = apply(ctx, &o, &org)))
        return rc;
    if (ctx->st->ops->org_add(ctx->st, &org, &err))
        return cli_error(ctx, &err);
    if (ctx->json)
        return cli_print_json(ctx, jsonrec_org(&org));
    fprintf(ctx->out, "added organisation %s (#%lld)\n", org.name,
            (long long)org.id);
    return CLI_OK;
}

static int
org_edit(cli_ctx *ctx)
{
    static const char *const usage[] = {"rapport org edit ORG [options]", NULL};
    struct org_opts o = {0};
    const struct cli_opt opts[] = {CLI_STR("name", "NAME", &o.name, "rename"),
                                   ORG_OPTIONS(o), CLI_END()};
    char **pos;
    int npos, rc;
    int64_t id;
    rp_err err = {0};
    rp_org org;
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos != 1)
        return cli_usage_error(ctx, "org edit needs one ORG");
    if (people_resolve_org(ctx->st, pos[0], &id, &err) ||
        ctx->st->ops->org_get(ctx->st, ctx->arena, id, &org, &err))
        return cli_error(ctx, &err);
    if ((rc = apply(ctx, &o, &org)))
        return rc;
    if (ctx->st->ops->org_update(ctx->st, &org, &err))
        return cli_error(ctx, &err);
    if (ctx->json)
        return cli_print_json(ctx, jsonrec_org(&org));
    fprintf(ctx->out, "updated organisation %s (#%lld)\n", org.name,
            (long long)org.id);
    return CLI_OK;
}

static void
print_strs(cli_ctx *ctx, const char *label, const rp_strs *v)
{
    for (size_t i = 0; i < v->n; i++)
        fprintf(ctx->out, "  %-10s %s\n", i ? "" : label, v->v[i]);
}

static int
org_show(cli_ctx *ctx)
{
    static const char *const usage[] = {"rapport org show ORG", NULL};
    const struct cli_opt opts[] = {CLI_END()};
    char **pos;
    int npos, rc;
    int64_t id;
    rp_err err = {0};
    rp_org org;
    rp_person_ref *people;
    rp_deal *deals;
    size_t np, nd;
    store *st = ctx->st;
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos != 1)
        return cli_usage_error(ctx, "org show needs one ORG");
    if (people_resolve_org(st, pos[0], &id, &err) ||
        st->ops->org_get(st, ctx->arena, id, &org, &err) ||
        st->ops->person_list(st, ctx->arena, id, NULL, &people, &np, &err) ||
        st->ops->deal_list(st, ctx->arena, id, &deals, &nd, &err))
        return cli_error(ctx, &err);
    if (ctx->json) {
        json_t *j = jsonrec_org(&org), *pj = json_array(), *dj = json_array();
        for (size_t i = 0; i < np; i++)
            json_array_append_new(pj, jsonrec_person_ref(&people[i]));
        for (size_t i = 0; i < nd; i++)
            json_array_append_new(dj, jsonrec_deal(&deals[i]));
        json_object_set_new(j, "people", pj);
        json_object_set_new(j, "deals", dj);
        return cli_print_json(ctx, j);
    }
    fprintf(ctx->out, "%s (#%lld)\n", org.name, (long long)org.id);
    if (org.industry)
        fprintf(ctx->out, "  %-10s %s\n", "industry", org.industry);
    print_strs(ctx, "domains", &org.domains);
    print_strs(ctx, "big bets", &org.goals);
    if (!org.goals.n)
        fputs("  (their big bets are unknown: ask, then 'rapport org edit "
              "--goal')\n",
              ctx->out);
    if (org.notes)
        fprintf(ctx->out, "  %-10s %s\n", "notes", org.notes);
    for (size_t i = 0; i < np; i++)
        fprintf(ctx->out, "  %-10s %s%s%s\n", i ? "" : "people", people[i].name,
                people[i].title ? ", " : "",
                people[i].title ? people[i].title : "");
    for (size_t i = 0; i < nd; i++)
        fprintf(ctx->out, "  %-10s #%lld %s: %lld.%02lld %s, %s\n",
                i ? "" : "deals", (long long)deals[i].id, deals[i].title,
                (long long)(deals[i].amount / 100),
                (long long)(deals[i].amount % 100), deals[i].currency,
                deals[i].stage);
    return CLI_OK;
}

static int
org_list(cli_ctx *ctx)
{
    static const char *const usage[] = {"rapport org list", NULL};
    const struct cli_opt opts[] = {CLI_END()};
    char **pos;
    int npos, rc;
    rp_err err = {0};
    rp_org *v;
    size_t n;
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos)
        return cli_usage_error(ctx, "org list takes no arguments");
    if (ctx->st->ops->org_list(ctx->st, ctx->arena, &v, &n, &err))
        return cli_error(ctx, &err);
    if (ctx->json) {
        json_t *a = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(a, jsonrec_org(&v[i]));
        return cli_print_json(ctx, a);
    }
    for (size_t i = 0; i < n; i++)
        fprintf(ctx->out, "%6lld  %s %-20s %s\n", (long long)v[i].id,
                cli_pad(ctx, v[i].name, 30), v[i].industry ? v[i].industry : "",
                v[i].domains.n ? v[i].domains.v[0] : "");
    return CLI_OK;
}

static int
org_rm(cli_ctx *ctx)
{
    static const char *const usage[] = {"rapport org rm ORG", NULL};
    const struct cli_opt opts[] = {CLI_END()};
    char **pos;
    int npos, rc;
    int64_t id;
    rp_err err = {0};
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos != 1)
        return cli_usage_error(ctx, "org rm needs one ORG");
    if (people_resolve_org(ctx->st, pos[0], &id, &err) ||
        ctx->st->ops->org_delete(ctx->st, id, &err))
        return cli_error(ctx, &err);
    if (ctx->json)
        return cli_print_json(ctx,
                              json_pack("{s:I}", "removed", (json_int_t)id));
    fprintf(ctx->out, "removed organisation #%lld (its people stay)\n",
            (long long)id);
    return CLI_OK;
}

int
cli_org(cli_ctx *ctx)
{
    static const struct cli_sub subs[] = {
        {"add", org_add, "add an organisation"},
        {"edit", org_edit, "change an organisation"},
        {"list", org_list, "list organisations"},
        {"rm", org_rm, "remove an organisation"},
        {"show", org_show, "an organisation, its people and deals"},
        {NULL, NULL, NULL}};
    return cli_dispatch(ctx, "org", subs);
}
