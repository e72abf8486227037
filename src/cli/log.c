/* log.c - `rapport log`: record an interaction with one or more people. */
#include <jansson.h>
#include <string.h>

#include "cli/commands.h"
#include "core/jsonrec.h"
#include "core/people.h"
#include "core/tone.h"

static const char *const kinds[] = {"email",   "call", "meeting",
                                    "message", "note", NULL};

static bool
one_of(const char *v, const char *const *set)
{
    for (; *set; set++)
        if (!strcmp(v, *set))
            return true;
    return false;
}

int
cli_log(cli_ctx *ctx)
{
    static const char *const usage[] = {
        "rapport log PERSON... --kind KIND [--dir in|out] [--at WHEN] "
        "[--summary TEXT] [--body FILE]",
        NULL};
    const char *kind = NULL, *dir = "out", *at = NULL, *summary = NULL,
               *body_path = NULL;
    const struct cli_opt opts[] = {
        CLI_STR("kind", "KIND", &kind, "email, call, meeting, message or note"),
        CLI_STR("dir", "DIR", &dir,
                "in: they reached out; out: you did (default out)"),
        CLI_STR("at", "WHEN", &at, "when (default now; future meetings ok)"),
        CLI_STR("summary", "TEXT", &summary, "one line on what happened"),
        CLI_STR("body", "FILE", &body_path, "the full text, from a file or -"),
        CLI_END()};
    char **pos;
    int npos, rc;
    rp_err err = {0};
    rp_interaction x = {0};
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (!npos)
        return cli_usage_error(ctx, "log needs at least one PERSON");
    if (!kind)
        return cli_usage_error(ctx, "log needs --kind (email, call, meeting, "
                                    "message or note)");
    if (!one_of(kind, kinds))
        return cli_usage_error(ctx,
                               "--kind must be email, call, meeting, message "
                               "or note, not '%s'",
                               kind);
    if (strcmp(dir, "in") && strcmp(dir, "out"))
        return cli_usage_error(ctx, "--dir must be in or out, not '%s'", dir);
    x.kind = kind;
    x.dir = dir;
    x.summary = summary;
    x.source = "cli";
    x.created_at = ctx->now;
    x.at = ctx->now;
    if (at && (rc = cli_time_arg(ctx, "at", at, &x.at)))
        return rc;
    if (body_path) {
        char *body;
        size_t len;
        if ((rc = cli_read_input(ctx, body_path, 10u << 20, &body, &len)))
            return rc;
        x.body = body;
    }
    if (x.body)
        x.has_sentiment = tone_score(x.body, strlen(x.body),
                                     !strcmp(kind, "email"), &x.sentiment);
    else if (x.summary)
        x.has_sentiment =
            tone_score(x.summary, strlen(x.summary), false, &x.sentiment);
    x.people = rp_arena_alloc(ctx->arena, (size_t)npos * sizeof *x.people);
    if (!x.people)
        return CLI_FAIL;
    for (int i = 0; i < npos; i++) {
        if (people_resolve(ctx->st, ctx->arena, pos[i], &x.people[i], &err))
            return cli_error(ctx, &err);
        x.npeople++;
    }
    if (ctx->st->ops->interaction_add(ctx->st, &x, &err))
        return cli_error(ctx, &err);
    if (ctx->json)
        return cli_print_json(ctx, jsonrec_interaction(&x));
    fprintf(ctx->out, "logged %s (%s) #%lld at %s\n", kind, dir,
            (long long)x.id, cli_fmt_time(ctx, x.at));
    return CLI_OK;
}
