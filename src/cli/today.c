/* today.c - `rapport today`: the day's relationship work. */
#include <jansson.h>
#include <string.h>

#include "cli/commands.h"
#include "core/jsonrec.h"
#include "core/today.h"

static json_t *
report_json(cli_ctx *ctx, const today_report *r)
{
    json_t *j = json_object(), *a;
    json_object_set_new(j, "now", jsonrec_time(r->now));
    a = json_array();
    for (size_t i = 0; i < r->ncold; i++) {
        const today_cold *c = &r->cold[i];
        json_array_append_new(
            a,
            json_pack("{s:I,s:s,s:s?,s:s?,s:o,s:f,s:s?}", "person_id",
                      (json_int_t)c->person_id, "name", c->name, "org", c->org,
                      "tier", c->tier, "health", jsonrec_health(&c->health),
                      "urgency", c->urgency, "value_idea", c->idea));
    }
    json_object_set_new(j, "going_cold", a);
    a = json_array();
    for (size_t i = 0; i < r->nmeetings; i++) {
        json_t *m = jsonrec_interaction(&r->meetings[i].meeting), *names;
        names = json_array();
        for (size_t k = 0; k < r->meetings[i].nnames; k++)
            json_array_append_new(names, json_string(r->meetings[i].names[k]));
        json_object_set_new(m, "names", names);
        json_array_append_new(a, m);
    }
    json_object_set_new(j, "meetings", a);
    a = json_array();
    for (size_t i = 0; i < r->ncommitments; i++) {
        json_t *c = jsonrec_commitment(&r->commitments[i].c);
        json_object_set_new(c, "name", json_string(r->commitments[i].name));
        json_object_set_new(c, "overdue",
                            json_boolean(r->commitments[i].overdue));
        json_array_append_new(a, c);
    }
    json_object_set_new(j, "commitments", a);
    json_object_set_new(j, "commitments_total",
                        json_integer((json_int_t)r->ncommitments_total));
    a = json_array();
    for (size_t i = 0; i < r->ndates; i++)
        json_array_append_new(
            a, json_pack("{s:I,s:s,s:s,s:s,s:i}", "person_id",
                         (json_int_t)r->dates[i].person_id, "name",
                         r->dates[i].name, "label", r->dates[i].label, "date",
                         r->dates[i].date, "in_days", r->dates[i].days));
    json_object_set_new(j, "dates", a);
    a = json_array();
    for (size_t i = 0; i < r->nasks; i++) {
        json_t *k = jsonrec_ledger(&r->asks[i].ask);
        json_object_set_new(k, "name", json_string(r->asks[i].name));
        json_object_set_new(k, "days_waiting",
                            json_integer(r->asks[i].days_waiting));
        json_array_append_new(a, k);
    }
    json_object_set_new(j, "asks_pending", a);
    json_object_set_new(j, "asks_pending_total",
                        json_integer((json_int_t)r->nasks_total));
    a = json_array();
    for (size_t i = 0; i < r->nlearn; i++) {
        json_t *g = json_array();
        for (size_t k = 0; k < r->learn[i].ngaps; k++)
            json_array_append_new(g, json_string(r->learn[i].gaps[k]));
        json_array_append_new(a, json_pack("{s:I,s:s,s:o}", "person_id",
                                           (json_int_t)r->learn[i].person_id,
                                           "name", r->learn[i].name, "unknown",
                                           g));
    }
    json_object_set_new(j, "learn", a);
    a = json_array();
    for (size_t i = 0; i < r->nwaiting; i++)
        json_array_append_new(a, json_pack("{s:I,s:s,s:o,s:i}", "person_id",
                                           (json_int_t)r->waiting[i].person_id,
                                           "name", r->waiting[i].name, "since",
                                           jsonrec_time(r->waiting[i].since),
                                           "days", r->waiting[i].days));
    json_object_set_new(j, "waiting_on_you", a);
    (void)ctx;
    return j;
}

static void
heading(FILE *f, const char *title, size_t n)
{
    fprintf(f, "\n%s (%zu)\n", title, n);
}

static void
print_report(cli_ctx *ctx, const today_report *r)
{
    FILE *f = ctx->out;
    fprintf(f, "today, %s: %zu people scored\n", cli_fmt_date(ctx, r->now),
            r->people_scored);
    if (r->ncold) {
        heading(f, "going cold", r->ncold);
        for (size_t i = 0; i < r->ncold; i++) {
            const today_cold *c = &r->cold[i];
            fprintf(f, "  %s health %3d  %s", cli_pad(ctx, c->name, 24),
                    c->health.score,
                    score_cadence_status_name(c->health.status));
            if (c->health.days_since >= 0)
                fprintf(f, ": %d days since contact, ideal %d",
                        c->health.days_since, c->health.cadence_days);
            fputc('\n', f);
            if (c->idea)
                fprintf(f, "  %-24s -> %s\n", "", c->idea);
        }
    }
    if (r->nwaiting) {
        heading(f, "waiting on you", r->nwaiting);
        for (size_t i = 0; i < r->nwaiting; i++)
            fprintf(f, "  %s wrote %s, no reply from you since\n",
                    cli_pad(ctx, r->waiting[i].name, 24),
                    cli_fmt_ago(ctx, r->waiting[i].since));
    }
    if (r->nmeetings) {
        heading(f, "meetings to prepare", r->nmeetings);
        for (size_t i = 0; i < r->nmeetings; i++) {
            const today_meeting *m = &r->meetings[i];
            fprintf(f, "  %s  %s", cli_fmt_time(ctx, m->meeting.at),
                    m->meeting.summary ? m->meeting.summary : "meeting");
            for (size_t k = 0; k < m->nnames; k++)
                fprintf(f, "%s%s", k ? ", " : " with ", m->names[k]);
            fputc('\n', f);
        }
    }
    if (r->ncommitments) {
        heading(f, "commitments due", r->ncommitments_total);
        for (size_t i = 0; i < r->ncommitments; i++) {
            const today_commitment *c = &r->commitments[i];
            fprintf(f, "  #%-4lld %-8s %s %s: %s (due %s)\n",
                    (long long)c->c.id, c->overdue ? "OVERDUE" : "due",
                    strcmp(c->c.dir, "mine") ? "they owe you" : "you owe",
                    c->name, c->c.text, cli_fmt_ago(ctx, c->c.due));
        }
        if (r->ncommitments_total > r->ncommitments)
            fprintf(f, "  ... and %zu more: rapport commitment list\n",
                    r->ncommitments_total - r->ncommitments);
    }
    if (r->ndates) {
        heading(f, "birthdays and dates", r->ndates);
        for (size_t i = 0; i < r->ndates; i++)
            fprintf(f, "  %s %s %s\n", cli_pad(ctx, r->dates[i].name, 24),
                    r->dates[i].label,
                    r->dates[i].days == 0 ? "today"
                    : r->dates[i].days == 1
                        ? "tomorrow"
                        : rp_arena_printf(ctx->arena, "in %d days",
                                          r->dates[i].days));
    }
    if (r->nasks) {
        heading(f, "asks awaiting an answer", r->nasks_total);
        for (size_t i = 0; i < r->nasks; i++)
            fprintf(f, "  #%-4lld %s %s (%d days)\n",
                    (long long)r->asks[i].ask.id,
                    cli_pad(ctx, r->asks[i].name, 24), r->asks[i].ask.text,
                    r->asks[i].days_waiting);
        if (r->nasks_total > r->nasks)
            fprintf(f, "  ... and %zu more: rapport ledger --type ask\n",
                    r->nasks_total - r->nasks);
    }
    if (r->nlearn) {
        heading(f, "get to know them better", r->nlearn);
        for (size_t i = 0; i < r->nlearn; i++) {
            fprintf(f, "  %s ", cli_pad(ctx, r->learn[i].name, 24));
            for (size_t k = 0; k < r->learn[i].ngaps; k++)
                fprintf(f, "%s%s", k ? "; " : "", r->learn[i].gaps[k]);
            fputc('\n', f);
        }
    }
    if (!r->ncold && !r->nmeetings && !r->ncommitments && !r->ndates &&
        !r->nasks && !r->nlearn && !r->nwaiting)
        fputs("\nnothing needs you today.\n", f);
}

int
cli_today(cli_ctx *ctx)
{
    static const char *const usage[] = {"rapport today [--days N] [--limit N]",
                                        NULL};
    long days = 7, limit = 10;
    const struct cli_opt opts[] = {
        CLI_INT("days", "N", &days, "look ahead N days (7)"),
        CLI_INT("limit", "N", &limit, "at most N people going cold (10)"),
        CLI_END()};
    char **pos;
    int npos, rc;
    rp_err err = {0};
    today_report r;
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos)
        return cli_usage_error(ctx, "today takes no arguments");
    if (days < 0 || days > 366 || limit < 0 || limit > 1000)
        return cli_usage_error(ctx, "--days must be 0..366 and --limit "
                                    "0..1000");
    today_opts o = {(int)days, (size_t)limit, 5};
    if (today_build(ctx->st, ctx->arena, ctx->now, &o, &r, &err))
        return cli_error(ctx, &err);
    if (ctx->json)
        return cli_print_json(ctx, report_json(ctx, &r));
    print_report(ctx, &r);
    return CLI_OK;
}
