/* ready.c - `rapport ready PERSON [--offering NAME]`: is the ask earned? */
#include <jansson.h>

#include "cli/commands.h"
#include "core/jsonrec.h"
#include "core/people.h"
#include "core/profile.h"

int
cli_ready(cli_ctx *ctx)
{
    static const char *const usage[] = {
        "rapport ready PERSON [--offering NAME]", NULL};
    const char *offering = NULL;
    const struct cli_opt opts[] = {CLI_STR("offering", "NAME", &offering,
                                           "what you would ask them to buy"),
                                   CLI_END()};
    char **pos;
    int npos, rc;
    int64_t id;
    rp_err err = {0};
    profile pr;
    rp_offering o = {0};
    score_readiness r;
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos != 1)
        return cli_usage_error(ctx, "ready needs one PERSON");
    if (people_resolve(ctx->st, ctx->arena, pos[0], &id, &err) ||
        profile_load(ctx->st, ctx->arena, id, ctx->now, 1, &pr, &err) ||
        (offering &&
         ctx->st->ops->offering_find(ctx->st, ctx->arena, offering, &o, &err)))
        return cli_error(ctx, &err);
    score_readiness_compute(&pr.stats, &pr.ledger_totals, &pr.commitment_totals,
                            &pr.health, o.conviction, &r);
    if (ctx->json) {
        json_t *j = jsonrec_readiness(&r);
        json_object_set_new(j, "person",
                            json_pack("{s:I,s:s}", "id", (json_int_t)id, "name",
                                      pr.person.name));
        json_object_set_new(j, "offering",
                            o.id ? jsonrec_offering(&o) : json_null());
        json_object_set_new(j, "generosity",
                            jsonrec_generosity(&pr.generosity));
        return cli_print_json(ctx, j);
    }
    FILE *f = ctx->out;
    fprintf(f, "%s: %s\n\n", pr.person.name, r.summary);
    fputs("Have I been truly generous to them and earned their trust?  ", f);
    fputs(r.trust_earned ? "yes\n" : "not yet\n", f);
    for (int i = 0; i < r.nchecks; i++) {
        const score_check *c = &r.checks[i];
        fprintf(f, "  [%s] %-17s %s\n", c->pass ? "x" : " ", c->name,
                c->evidence);
        if (!c->pass)
            fprintf(f, "      -> %s\n", c->todo);
    }
    fputs("\nDo I believe in what I offer?  ", f);
    if (!o.id)
        fputs("(name it with --offering to answer)\n", f);
    else
        fprintf(f, "%s: conviction in %s is %d/5%s\n",
                r.believes          ? "yes"
                : o.conviction == 3 ? "not fully"
                                    : "no",
                o.name, o.conviction,
                r.believes ? ""
                           : "; ask only for what you would stake your name "
                             "on");
    if (r.verdict != READY_YES && pr.idea)
        fprintf(f, "\nsomething to give first: %s\n", pr.idea);
    return CLI_OK;
}
