/* dedupe.c - `rapport dedupe` (suggest) and `rapport merge` (act). */
#include <jansson.h>

#include "cli/commands.h"
#include "core/dedupe.h"
#include "core/jsonrec.h"
#include "core/people.h"

int
cli_dedupe(cli_ctx *ctx)
{
    static const char *const usage[] = {"rapport dedupe [--limit N]", NULL};
    long limit = 50;
    const struct cli_opt opts[] = {
        CLI_INT("limit", "N", &limit, "at most N suggestions (50)"), CLI_END()};
    char **pos;
    int npos, rc;
    rp_err err = {0};
    dedupe_pair *v;
    size_t n;
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos)
        return cli_usage_error(ctx, "dedupe takes no arguments");
    if (limit < 0)
        return cli_usage_error(ctx, "--limit must not be negative");
    if (dedupe_find(ctx->st, ctx->arena, (size_t)limit, &v, &n, &err))
        return cli_error(ctx, &err);
    if (ctx->json) {
        json_t *a = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(a, json_pack("{s:o,s:o,s:s,s:i}", "a",
                                               jsonrec_person_ref(&v[i].a), "b",
                                               jsonrec_person_ref(&v[i].b),
                                               "reason", v[i].reason,
                                               "strength", v[i].strength));
        return cli_print_json(ctx, a);
    }
    for (size_t i = 0; i < n; i++)
        fprintf(ctx->out,
                "#%-6lld %-26s and #%-6lld %-26s %s\n"
                "        rapport merge %lld %lld\n",
                (long long)v[i].a.id, v[i].a.name, (long long)v[i].b.id,
                v[i].b.name, v[i].reason, (long long)v[i].a.id,
                (long long)v[i].b.id);
    if (!n)
        fputs("no likely duplicates\n", ctx->err);
    return CLI_OK;
}

int
cli_merge(cli_ctx *ctx)
{
    static const char *const usage[] = {
        "rapport merge KEEP OTHER   (OTHER's emails, history and ledger move "
        "to KEEP)",
        NULL};
    const struct cli_opt opts[] = {CLI_END()};
    char **pos;
    int npos, rc;
    int64_t keep, gone;
    rp_err err = {0};
    rp_person p;
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos != 2)
        return cli_usage_error(ctx, "merge needs KEEP and OTHER");
    if (people_resolve(ctx->st, ctx->arena, pos[0], &keep, &err) ||
        people_resolve(ctx->st, ctx->arena, pos[1], &gone, &err) ||
        ctx->st->ops->person_merge(ctx->st, keep, gone, &err) ||
        ctx->st->ops->person_get(ctx->st, ctx->arena, keep, &p, &err))
        return cli_error(ctx, &err);
    if (ctx->json)
        return cli_print_json(ctx, jsonrec_person(&p));
    fprintf(ctx->out, "merged #%lld into %s (#%lld): %zu emails\n",
            (long long)gone, p.name, (long long)keep, p.emails.n);
    return CLI_OK;
}
