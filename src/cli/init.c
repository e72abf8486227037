/* init.c - `rapport init`: create the database. */
#include <jansson.h>

#include "cli/commands.h"
#include "store/store.h"
#include "store/store.h"

int
cli_init(cli_ctx *ctx)
{
    static const char *const usage[] = {"rapport [--db PATH] init", NULL};
    const struct cli_opt opts[] = {CLI_END()};
    char **pos;
    int npos, rc;
    rp_counts c;
    rp_err err = {0};
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos)
        return cli_usage_error(ctx, "init takes no arguments");
    /* main() opened (and so created and migrated) the database. */
    if (ctx->st->ops->counts(ctx->st, &c, &err))
        return cli_error(ctx, &err);
    if (ctx->json)
        return cli_print_json(
            ctx, json_pack("{s:s,s:I,s:I}", "database", ctx->db_path, "people",
                           (json_int_t)c.people, "interactions",
                           (json_int_t)c.interactions));
    fprintf(ctx->out,
            "database ready at %s (%lld people, %lld "
            "interactions)\n",
            ctx->db_path, (long long)c.people, (long long)c.interactions);
    if (!c.people)
        fputs("next: rapport me --name 'Your Name' --email you@example.com\n",
              ctx->out);
    return CLI_OK;
}
