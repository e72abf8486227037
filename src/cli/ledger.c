/*
 * ledger.c - the generosity ledger: `give`, `received`, `ask`, `outcome`,
 * `ledger`, and `offering`.
 */
#include <jansson.h>
#include <string.h>

#include "base/buf.h"
#include "cli/commands.h"
#include "core/jsonrec.h"
#include "core/people.h"

static const char *const value_kinds[] = {
    "intro", "resource", "help", "referral", "advice", "gift", NULL};

/* Joins the positional words from first on into one text. */
static const char *
join_text(cli_ctx *ctx, char **pos, int npos, int first)
{
    rp_buf b = RP_BUF_INIT;
    for (int i = first; i < npos; i++) {
        if (i > first)
            rp_buf_addc(&b, ' ');
        rp_buf_adds(&b, pos[i]);
    }
    const char *s = rp_arena_strdup(ctx->arena, b.buf);
    rp_buf_release(&b);
    return s;
}

/* give and received share everything but the entry type. */
static int
value_entry(cli_ctx *ctx, const char *type)
{
    static const char *const usage_give[] = {
        "rapport give PERSON --kind KIND TEXT [--at WHEN]", NULL};
    static const char *const usage_recv[] = {
        "rapport received PERSON --kind KIND TEXT [--at WHEN]", NULL};
    const char *kind = NULL, *at = NULL;
    const struct cli_opt opts[] = {
        CLI_STR("kind", "KIND", &kind,
                "intro, resource, help, referral, advice or gift"),
        CLI_STR("at", "WHEN", &at, "when (default now)"), CLI_END()};
    char **pos;
    int npos, rc;
    rp_err err = {0};
    rp_ledger e = {.type = type, .at = ctx->now};
    bool give = !strcmp(type, "give");
    if ((rc =
             cli_parse(ctx, give ? usage_give : usage_recv, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos < 2)
        return cli_usage_error(ctx,
                               "%s needs a PERSON and a TEXT saying "
                               "what",
                               give ? "give" : "received");
    if (!kind)
        return cli_usage_error(ctx, "--kind is required: intro, resource, "
                                    "help, referral, advice or gift");
    bool ok = false;
    for (const char *const *k = value_kinds; *k; k++)
        ok |= !strcmp(*k, kind);
    if (!ok)
        return cli_usage_error(ctx,
                               "--kind must be intro, resource, help, "
                               "referral, advice or gift, not '%s'",
                               kind);
    if (at && (rc = cli_time_arg(ctx, "at", at, &e.at)))
        return rc;
    e.kind = kind;
    e.text = join_text(ctx, pos, npos, 1);
    if (people_resolve(ctx->st, ctx->arena, pos[0], &e.person_id, &err) ||
        ctx->st->ops->ledger_add(ctx->st, &e, &err))
        return cli_error(ctx, &err);
    if (ctx->json)
        return cli_print_json(ctx, jsonrec_ledger(&e));
    fprintf(ctx->out, "%s #%lld: %s (%s)\n", give ? "gave" : "received",
            (long long)e.id, e.text, kind);
    return CLI_OK;
}

int
cli_give(cli_ctx *ctx)
{
    return value_entry(ctx, "give");
}

int
cli_received(cli_ctx *ctx)
{
    return value_entry(ctx, "receive");
}

static bool
valid_outcome(const char *o)
{
    return !strcmp(o, "pending") || !strcmp(o, "yes") || !strcmp(o, "no");
}

int
cli_ask(cli_ctx *ctx)
{
    static const char *const usage[] = {
        "rapport ask PERSON TEXT [--offering NAME] [--at WHEN] "
        "[--outcome pending|yes|no]",
        NULL};
    const char *offering = NULL, *at = NULL, *outcome = "pending";
    const struct cli_opt opts[] = {
        CLI_STR("offering", "NAME", &offering, "what you asked them to buy"),
        CLI_STR("at", "WHEN", &at, "when (default now)"),
        CLI_STR("outcome", "O", &outcome, "pending (default), yes or no"),
        CLI_END()};
    char **pos;
    int npos, rc;
    rp_err err = {0};
    rp_ledger e = {.type = "ask", .kind = "", .at = ctx->now};
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos < 2)
        return cli_usage_error(ctx, "ask needs a PERSON and a TEXT saying "
                                    "what you asked");
    if (!valid_outcome(outcome))
        return cli_usage_error(ctx, "--outcome must be pending, yes or no");
    if (at && (rc = cli_time_arg(ctx, "at", at, &e.at)))
        return rc;
    e.outcome = outcome;
    e.decided_at = strcmp(outcome, "pending") ? e.at : 0;
    e.text = join_text(ctx, pos, npos, 1);
    if (people_resolve(ctx->st, ctx->arena, pos[0], &e.person_id, &err))
        return cli_error(ctx, &err);
    if (offering) {
        rp_offering o;
        if (ctx->st->ops->offering_find(ctx->st, ctx->arena, offering, &o,
                                        &err))
            return cli_error(ctx, &err);
        e.offering_id = o.id;
    }
    if (ctx->st->ops->ledger_add(ctx->st, &e, &err))
        return cli_error(ctx, &err);
    if (ctx->json)
        return cli_print_json(ctx, jsonrec_ledger(&e));
    fprintf(ctx->out,
            "ask #%lld recorded (%s); set the answer later with "
            "'rapport outcome %lld yes|no'\n",
            (long long)e.id, outcome, (long long)e.id);
    return CLI_OK;
}

int
cli_outcome(cli_ctx *ctx)
{
    static const char *const usage[] = {
        "rapport outcome ASK_ID yes|no|pending [--at WHEN]", NULL};
    const char *at = NULL;
    const struct cli_opt opts[] = {
        CLI_STR("at", "WHEN", &at, "when they answered (default now)"),
        CLI_END()};
    char **pos, *end;
    int npos, rc;
    int64_t when = ctx->now;
    rp_err err = {0};
    rp_ledger e;
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos != 2)
        return cli_usage_error(ctx, "outcome needs an ASK_ID and yes, no or "
                                    "pending");
    long long id = strtoll(pos[0], &end, 10);
    if (*end || id <= 0)
        return cli_usage_error(ctx, "ASK_ID must be a number, not '%s'",
                               pos[0]);
    if (!valid_outcome(pos[1]))
        return cli_usage_error(ctx,
                               "the outcome must be yes, no or pending, "
                               "not '%s'",
                               pos[1]);
    if (at && (rc = cli_time_arg(ctx, "at", at, &when)))
        return rc;
    if (ctx->st->ops->ledger_set_outcome(ctx->st, id, pos[1], when, &err) ||
        ctx->st->ops->ledger_get(ctx->st, ctx->arena, id, &e, &err))
        return cli_error(ctx, &err);
    if (ctx->json)
        return cli_print_json(ctx, jsonrec_ledger(&e));
    fprintf(ctx->out, "ask #%lld: %s\n", id, pos[1]);
    return CLI_OK;
}

int
cli_ledger(cli_ctx *ctx)
{
    static const char *const usage[] = {
        "rapport ledger [PERSON] [--type give|receive|ask]", NULL};
    const char *type = NULL;
    const struct cli_opt opts[] = {
        CLI_STR("type", "TYPE", &type, "only give, receive or ask entries"),
        CLI_END()};
    char **pos;
    int npos, rc;
    int64_t pid = 0;
    rp_err err = {0};
    rp_ledger *v;
    size_t n;
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos > 1)
        return cli_usage_error(ctx, "ledger takes at most one PERSON");
    if (type && strcmp(type, "give") && strcmp(type, "receive") &&
        strcmp(type, "ask"))
        return cli_usage_error(ctx, "--type must be give, receive or ask");
    if ((npos && people_resolve(ctx->st, ctx->arena, pos[0], &pid, &err)) ||
        ctx->st->ops->ledger_list(ctx->st, ctx->arena, pid, type, &v, &n, &err))
        return cli_error(ctx, &err);
    if (ctx->json) {
        json_t *a = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(a, jsonrec_ledger(&v[i]));
        return cli_print_json(ctx, a);
    }
    for (size_t i = 0; i < n; i++) {
        rp_person p;
        const char *name = "?";
        if (!npos && ctx->st->ops->person_get(ctx->st, ctx->arena,
                                              v[i].person_id, &p, NULL) == 0)
            name = p.name;
        fprintf(ctx->out, "%5lld  %s  %-7s %-8s %s%s%s%s%s\n",
                (long long)v[i].id, cli_fmt_date(ctx, v[i].at), v[i].type,
                v[i].kind ? v[i].kind : "", npos ? "" : name, npos ? "" : ": ",
                v[i].text, v[i].outcome ? " [" : "",
                v[i].outcome ? v[i].outcome : "");
        if (v[i].outcome)
            fputs("]", ctx->out);
    }
    return CLI_OK;
}

static int
parse_conviction(cli_ctx *ctx, long c)
{
    if (c < 1 || c > 5)
        return cli_usage_error(ctx,
                               "--conviction must be 1 (doubt it) to 5 (would "
                               "stake my name on it), not %ld",
                               c);
    return 0;
}

static int
offering_add(cli_ctx *ctx)
{
    static const char *const usage[] = {
        "rapport offering add NAME --conviction 1..5 [--description TEXT]",
        NULL};
    long conviction = 0;
    const char *desc = NULL;
    const struct cli_opt opts[] = {
        CLI_INT("conviction", "N", &conviction,
                "how much you believe in it, 1 to 5"),
        CLI_STR("description", "TEXT", &desc, "what it is"), CLI_END()};
    char **pos;
    int npos, rc;
    rp_err err = {0};
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos != 1 || !*pos[0])
        return cli_usage_error(ctx, "offering add needs one NAME");
    if ((rc = parse_conviction(ctx, conviction)))
        return rc;
    rp_offering o = {.name = pos[0],
                     .conviction = (int)conviction,
                     .description = desc,
                     .created_at = ctx->now};
    if (ctx->st->ops->offering_add(ctx->st, &o, &err))
        return cli_error(ctx, &err);
    if (ctx->json)
        return cli_print_json(ctx, jsonrec_offering(&o));
    fprintf(ctx->out, "added offering %s (#%lld), conviction %d/5\n", o.name,
            (long long)o.id, o.conviction);
    return CLI_OK;
}

static int
offering_set(cli_ctx *ctx)
{
    static const char *const usage[] = {
        "rapport offering set NAME [--conviction N] [--description TEXT]",
        NULL};
    long conviction = 0;
    const char *desc = NULL;
    const struct cli_opt opts[] = {
        CLI_INT("conviction", "N", &conviction, "1 to 5"),
        CLI_STR("description", "TEXT", &desc, "what it is"), CLI_END()};
    char **pos;
    int npos, rc;
    rp_err err = {0};
    rp_offering o;
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos != 1)
        return cli_usage_error(ctx, "offering set needs one NAME");
    if (conviction && (rc = parse_conviction(ctx, conviction)))
        return rc;
    if (ctx->st->ops->offering_find(ctx->st, ctx->arena, pos[0], &o, &err))
        return cli_error(ctx, &err);
    if (conviction)
        o.conviction = (int)conviction;
    if (desc)
        o.description = desc;
    if (ctx->st->ops->offering_update(ctx->st, &o, &err))
        return cli_error(ctx, &err);
    if (ctx->json)
        return cli_print_json(ctx, jsonrec_offering(&o));
    fprintf(ctx->out, "offering %s: conviction %d/5\n", o.name, o.conviction);
    return CLI_OK;
}

static int
offering_list(cli_ctx *ctx)
{
    static const char *const usage[] = {"rapport offering list", NULL};
    const struct cli_opt opts[] = {CLI_END()};
    char **pos;
    int npos, rc;
    rp_err err = {0};
    rp_offering *v;
    size_t n;
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (ctx->st->ops->offering_list(ctx->st, ctx->arena, &v, &n, &err))
        return cli_error(ctx, &err);
    if (ctx->json) {
        json_t *a = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(a, jsonrec_offering(&v[i]));
        return cli_print_json(ctx, a);
    }
    for (size_t i = 0; i < n; i++)
        fprintf(ctx->out, "%4lld  %-30s conviction %d/5  %s\n",
                (long long)v[i].id, v[i].name, v[i].conviction,
                v[i].description ? v[i].description : "");
    return CLI_OK;
}

int
cli_offering(cli_ctx *ctx)
{
    static const struct cli_sub subs[] = {
        {"add", offering_add, "add what you offer, with your conviction"},
        {"list", offering_list, "list offerings"},
        {"set", offering_set, "change conviction or description"},
        {NULL, NULL, NULL}};
    return cli_dispatch(ctx, "offering", subs);
}
