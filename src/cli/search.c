/* search.c - `rapport search TEXT`: people, orgs, notes, interactions. */
#include <jansson.h>

#include "base/buf.h"
#include "cli/commands.h"
#include "store/store.h"

int
cli_search(cli_ctx *ctx)
{
    static const char *const usage[] = {"rapport search TEXT... [--limit N]",
                                        NULL};
    long limit = 20;
    const struct cli_opt opts[] = {
        CLI_INT("limit", "N", &limit, "at most N results (20)"), CLI_END()};
    char **pos;
    int npos, rc;
    rp_err err = {0};
    rp_hit *v;
    size_t n;
    rp_buf q = RP_BUF_INIT;
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (!npos)
        return cli_usage_error(ctx, "search needs some TEXT");
    if (limit < 1 || limit > 10000)
        return cli_usage_error(ctx, "--limit must be 1..10000");
    for (int i = 0; i < npos; i++)
        rp_buf_addf(&q, "%s%s", i ? " " : "", pos[i]);
    rp_code c = ctx->st->ops->search(ctx->st, ctx->arena, q.buf, (size_t)limit,
                                     &v, &n, &err);
    rp_buf_release(&q);
    if (c)
        return cli_error(ctx, &err);
    if (ctx->json) {
        json_t *a = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(
                a, json_pack("{s:s,s:I,s:s?,s:s?,s:f}", "kind", v[i].kind, "id",
                             (json_int_t)v[i].id, "title", v[i].title,
                             "snippet", v[i].snippet, "rank", v[i].rank));
        return cli_print_json(ctx, a);
    }
    for (size_t i = 0; i < n; i++) {
        /* One line per field: a snippet's line breaks become " / ". */
        char *snip =
            rp_arena_strdup(ctx->arena, v[i].snippet ? v[i].snippet : "");
        for (char *ch = snip; ch && *ch; ch++)
            if (*ch == '\n' || *ch == '\r' || *ch == '\t')
                *ch = ' ';
        v[i].snippet = snip;
    }
    for (size_t i = 0; i < n; i++)
        fprintf(ctx->out, "%-11s #%-7lld %s\n%20s%s\n", v[i].kind,
                (long long)v[i].id, v[i].title ? v[i].title : "", "",
                v[i].snippet ? v[i].snippet : "");
    if (!n)
        fputs("no matches\n", ctx->err);
    return CLI_OK;
}
