/* commitment.c - `rapport commitment add|done|list`: promises both ways. */
#include <jansson.h>
#include <string.h>

#include "cli/commands.h"
#include "core/jsonrec.h"
#include "core/people.h"

static int
commitment_add(cli_ctx *ctx)
{
    static const char *const usage[] = {
        "rapport commitment add PERSON TEXT [--due WHEN] [--theirs]", NULL};
    const char *due = NULL;
    bool theirs = false;
    const struct cli_opt opts[] = {
        CLI_STR("due", "WHEN", &due, "when it is due"),
        CLI_BOOL("theirs", &theirs,
                 "they promised you (default: you promised them)"),
        CLI_END()};
    char **pos;
    int npos, rc;
    rp_err err = {0};
    rp_commitment c = {.dir = "mine", .created_at = ctx->now};
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos != 2 || !*pos[1])
        return cli_usage_error(ctx, "commitment add needs a PERSON and a "
                                    "quoted TEXT");
    if (due && (rc = cli_time_arg(ctx, "due", due, &c.due)))
        return rc;
    if (theirs)
        c.dir = "theirs";
    c.text = pos[1];
    if (people_resolve(ctx->st, ctx->arena, pos[0], &c.person_id, &err) ||
        ctx->st->ops->commitment_add(ctx->st, &c, &err))
        return cli_error(ctx, &err);
    if (ctx->json)
        return cli_print_json(ctx, jsonrec_commitment(&c));
    fprintf(ctx->out, "commitment #%lld: %s %s%s%s\n", (long long)c.id,
            theirs ? "they owe you" : "you owe", c.text, c.due ? ", due " : "",
            c.due ? cli_fmt_date(ctx, c.due) : "");
    return CLI_OK;
}

static int
commitment_done(cli_ctx *ctx)
{
    static const char *const usage[] = {
        "rapport commitment done ID [--at WHEN] [--undo]", NULL};
    const char *at = NULL;
    bool undo = false;
    const struct cli_opt opts[] = {
        CLI_STR("at", "WHEN", &at, "when it was done (default now)"),
        CLI_BOOL("undo", &undo, "mark it open again"), CLI_END()};
    char **pos, *end;
    int npos, rc;
    int64_t when = ctx->now;
    rp_err err = {0};
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos != 1)
        return cli_usage_error(ctx, "commitment done needs one ID");
    long long id = strtoll(pos[0], &end, 10);
    if (*end || id <= 0)
        return cli_usage_error(ctx, "ID must be a number, not '%s'", pos[0]);
    if (at && (rc = cli_time_arg(ctx, "at", at, &when)))
        return rc;
    if (ctx->st->ops->commitment_done(ctx->st, id, undo ? 0 : when, &err))
        return cli_error(ctx, &err);
    if (ctx->json)
        return cli_print_json(
            ctx, json_pack("{s:I,s:b}", "id", (json_int_t)id, "done", !undo));
    fprintf(ctx->out, "commitment #%lld %s\n", id, undo ? "reopened" : "done");
    return CLI_OK;
}

static int
commitment_list(cli_ctx *ctx)
{
    static const char *const usage[] = {
        "rapport commitment list [PERSON] [--all]", NULL};
    bool all = false;
    const struct cli_opt opts[] = {
        CLI_BOOL("all", &all, "include the ones done"), CLI_END()};
    char **pos;
    int npos, rc;
    int64_t pid = 0;
    rp_err err = {0};
    rp_commitment *v;
    size_t n;
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos > 1)
        return cli_usage_error(ctx, "commitment list takes at most one "
                                    "PERSON");
    if ((npos && people_resolve(ctx->st, ctx->arena, pos[0], &pid, &err)) ||
        ctx->st->ops->commitment_list(ctx->st, ctx->arena, pid, !all, &v, &n,
                                      &err))
        return cli_error(ctx, &err);
    if (ctx->json) {
        json_t *a = json_array();
        for (size_t i = 0; i < n; i++) {
            json_t *j = jsonrec_commitment(&v[i]);
            json_object_set_new(
                j, "overdue",
                json_boolean(!v[i].done_at && v[i].due && v[i].due < ctx->now));
            json_array_append_new(a, j);
        }
        return cli_print_json(ctx, a);
    }
    for (size_t i = 0; i < n; i++) {
        rp_person p;
        const char *name = "?";
        if (ctx->st->ops->person_get(ctx->st, ctx->arena, v[i].person_id, &p,
                                     NULL) == 0)
            name = p.name;
        const char *state = v[i].done_at                      ? "done"
                            : v[i].due && v[i].due < ctx->now ? "OVERDUE"
                                                              : "open";
        fprintf(ctx->out, "%5lld  %-7s %-13s %-20s %s%s%s\n",
                (long long)v[i].id, state,
                strcmp(v[i].dir, "mine") ? "they owe you" : "you owe", name,
                v[i].text, v[i].due ? "  due " : "",
                v[i].due ? cli_fmt_ago(ctx, v[i].due) : "");
    }
    return CLI_OK;
}

int
cli_commitment(cli_ctx *ctx)
{
    static const struct cli_sub subs[] = {
        {"add", commitment_add, "record a promise, yours or theirs"},
        {"done", commitment_done, "mark a promise kept"},
        {"list", commitment_list, "open promises both ways"},
        {NULL, NULL, NULL}};
    return cli_dispatch(ctx, "commitment", subs);
}
