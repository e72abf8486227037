/*
 * check.c - `rapport check [FILE|-] [--to PERSON] [--rules-only] [--json]`: the
 * draft coach.  Reads a draft, refuses what is not text, and prints the coach's
 * report (nlp/coach.h); with --to, what rapport knows of the recipient
 * (core/draftcheck.h) joins in.
 */
#include <jansson.h>
#include <math.h>
#include <string.h>

#include "cli/commands.h"
#include "core/draftcheck.h"
#include "core/people.h"
#include "nlp/coach.h"
#include "nlp/tokenize.h"
#include "store/store.h"

/* Read more than the coach takes, so that its own message explains the
 * limit rather than a bare "too large". */
#define CHECK_MAX_INPUT ((size_t)64 << 20)

/* Refuses input the coach cannot help with: empty, binary, not UTF-8. */
static int
validate(cli_ctx *ctx, const char *name, const char *t, size_t len)
{
    size_t i = 0, bad;
    while (i < len && strchr(" \t\r\n\f\v", t[i]))
        i++;
    if (i == len) {
        fprintf(ctx->err, "rapport: nothing to check: '%s' is empty\n", name);
        return CLI_FAIL;
    }
    const char *nul = memchr(t, '\0', len);
    if (nul) {
        fprintf(ctx->err,
                "rapport: cannot check '%s': it looks binary (a NUL byte at "
                "offset %zu); the coach reads text\n",
                name, (size_t)(nul - t));
        return CLI_FAIL;
    }
    if ((bad = nlp_utf8_first_bad(t, len)) < len) {
        fprintf(ctx->err,
                "rapport: cannot check '%s': not valid UTF-8 at byte %zu; "
                "convert it first (iconv -t UTF-8)\n",
                name, bad);
        return CLI_FAIL;
    }
    return CLI_OK;
}

/* Line and column (1-based, in characters) of byte offset pos. */
static void
line_col(const char *t, size_t pos, size_t *line, size_t *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < pos;) {
        uint32_t cp;
        size_t n = nlp_utf8_next(t, pos, i, &cp);
        if (cp == '\n') {
            (*line)++;
            *col = 1;
        } else
            (*col)++;
        i += n;
    }
}

/* Prints span text on one line, shortened to about 60 bytes. */
static void
print_quoted(FILE *f, const char *t, size_t s, size_t e)
{
    bool cut = e - s > 60;
    if (cut) {
        e = s + 57;
        while (e > s && ((unsigned char)t[e] & 0xC0) == 0x80)
            e--;
    }
    fputc('"', f);
    for (size_t i = s; i < e; i++)
        fputc(t[i] == '\n' || t[i] == '\r' || t[i] == '\t' ? ' ' : t[i], f);
    fputs(cut ? "...\"" : "\"", f);
}

static void
print_span(FILE *f, const char *t, const nlp_coach_span *sp)
{
    size_t line, col;
    line_col(t, sp->start, &line, &col);
    fprintf(f, "%zu:%zu ", line, col);
    print_quoted(f, t, sp->start, sp->end);
}

static const char *
fmt_range(cli_ctx *ctx, const nlp_coach_metric *m)
{
    if (m->hi == HUGE_VAL)
        return rp_arena_printf(ctx->arena, "%g or more", m->lo);
    if (m->lo == m->hi)
        return rp_arena_printf(ctx->arena, "%g", m->lo);
    if (m->lo == 0)
        return rp_arena_printf(ctx->arena, "at most %g", m->hi);
    return rp_arena_printf(ctx->arena, "%g-%g", m->lo, m->hi);
}

static void
print_report(cli_ctx *ctx, const char *t, const nlp_coach_report *r,
             const char *to)
{
    FILE *f = ctx->out;
    fprintf(f, "score %d/100  %s\n", r->score, r->verdict);
    if (to)
        fprintf(f, "checked for %s\n", to);
    if (r->nflags) {
        fputs("\nflags:\n", f);
        for (size_t i = 0; i < r->nflags; i++) {
            const nlp_coach_flag *fl = &r->flags[i];
            fprintf(f, "  %-7s %s/%s", nlp_coach_severity_name(fl->severity),
                    nlp_coach_cat_name(fl->cat), fl->group);
            if (fl->detail[0])
                fprintf(f, " (%s)", fl->detail);
            fputc('\n', f);
            for (size_t k = 0; k < fl->nspans; k++) {
                fputs("          at ", f);
                print_span(f, t, &fl->spans[k]);
                fputc('\n', f);
            }
            if (fl->count > fl->nspans)
                fprintf(f, "          and %zu more\n", fl->count - fl->nspans);
            fprintf(f, "          -> %s\n", fl->suggestion);
        }
    }
    if (r->npositives) {
        fputs("\nwhat works:\n", f);
        for (size_t i = 0; i < r->npositives; i++) {
            const nlp_coach_positive *p = &r->positives[i];
            fprintf(f, "  %-9s ", p->kind);
            print_span(f, t, &p->span);
            if (p->about)
                fprintf(f, "  (their %s: %s)", p->about, p->what);
            else
                fprintf(f, "  %s", p->what);
            fputc('\n', f);
        }
    }
    fputs("\nmetrics:                      favoured\n", f);
    for (int m = 0; m < NLP_COACH_NMETRICS; m++) {
        const nlp_coach_metric *x = &r->metrics[m];
        if (!x->present)
            continue;
        fprintf(f, "  %-16s %7g %s %-12s %s\n", x->name, x->value,
                x->ok ? "  " : "! ", fmt_range(ctx, x), x->advice);
    }
}

static json_t *
span_json(const char *t, const nlp_coach_span *s)
{
    return json_pack("{s:I,s:I,s:I,s:I,s:s%}", "start", (json_int_t)s->start,
                     "end", (json_int_t)s->end, "char_start",
                     (json_int_t)s->cstart, "char_end", (json_int_t)s->cend,
                     "text", t + s->start, s->end - s->start);
}

static json_t *
report_json(const char *t, const nlp_coach_report *r, json_t *to)
{
    json_t *flags = json_array(), *pos = json_array(), *met = json_object();
    for (size_t i = 0; i < r->nflags; i++) {
        const nlp_coach_flag *fl = &r->flags[i];
        json_t *spans = json_array();
        for (size_t k = 0; k < fl->nspans; k++)
            json_array_append_new(spans, span_json(t, &fl->spans[k]));
        json_array_append_new(
            flags,
            json_pack("{s:s,s:s,s:i,s:s,s:s,s:o,s:I,s:o}", "category",
                      nlp_coach_cat_name(fl->cat), "group", fl->group,
                      "severity", fl->severity, "severity_name",
                      nlp_coach_severity_name(fl->severity), "suggestion",
                      fl->suggestion, "detail",
                      fl->detail[0] ? json_string(fl->detail) : json_null(),
                      "count", (json_int_t)fl->count, "spans", spans));
    }
    for (size_t i = 0; i < r->npositives; i++) {
        const nlp_coach_positive *p = &r->positives[i];
        json_array_append_new(
            pos,
            json_pack("{s:s,s:s,s:o,s:o}", "kind", p->kind, "what", p->what,
                      "about", p->about ? json_string(p->about) : json_null(),
                      "span", span_json(t, &p->span)));
    }
    for (int m = 0; m < NLP_COACH_NMETRICS; m++) {
        const nlp_coach_metric *x = &r->metrics[m];
        json_object_set_new(
            met, x->name,
            !x->present
                ? json_null()
                : json_pack("{s:f,s:[f,o],s:b,s:s}", "value", x->value, "range",
                            x->lo,
                            x->hi == HUGE_VAL ? json_null() : json_real(x->hi),
                            "ok", x->ok, "advice", x->advice));
    }
    json_t *subject = json_null();
    if (r->has_subject)
        subject = span_json(t, &r->subject);
    return json_pack(
        "{s:i,s:s,s:o,s:o,s:o,s:o,s:o,s:o}", "score", r->score, "verdict",
        r->verdict, "main_problem",
        r->main >= 0 ? json_string(nlp_coach_cat_name((nlp_coach_cat)r->main))
                     : json_null(),
        "flags", flags, "positives", pos, "metrics", met, "subject", subject,
        "to", to ? to : json_null());
}

/* With --to: opens the database read-only (main() closes it) and loads
 * what rapport knows of the person. */
static int
load_context(cli_ctx *ctx, const char *who, nlp_coach_context *c,
             const char **name, json_t **to)
{
    rp_err err = {0};
    int64_t id;
    rp_person p;
    if (store_open(ctx->db_path, STORE_READONLY, &ctx->st, &err) ||
        people_resolve(ctx->st, ctx->arena, who, &id, &err) ||
        ctx->st->ops->person_get(ctx->st, ctx->arena, id, &p, &err) ||
        draftcheck_context(ctx->st, ctx->arena, id, ctx->now, c, &err))
        return cli_error(ctx, &err);
    *name = p.name;
    json_t *facts = json_array();
    for (size_t i = 0; i < c->nfacts; i++)
        json_array_append_new(facts,
                              json_pack("{s:s,s:s}", "kind", c->facts[i].kind,
                                        "text", c->facts[i].text));
    *to = json_pack("{s:I,s:s,s:o,s:i,s:i}", "id", (json_int_t)id, "name",
                    p.name, "facts", facts, "given", c->given, "asks", c->asks);
    return CLI_OK;
}

int
cli_check(cli_ctx *ctx)
{
    static const char *const usage[] = {
        "rapport check [FILE|-] [--to PERSON] [--rules-only] [--json]", NULL};
    const char *to = NULL;
    bool rules_only = !NLP_COACH_MODEL_DEFAULT;
    const struct cli_opt opts[] = {
        CLI_STR("to", "PERSON", &to,
                "coach for this person: what rapport knows of them and the "
                "ledger's balance join in"),
        CLI_BOOL("rules-only", &rules_only,
                 "the word lists alone: the learned model neither names "
                 "a problem where they find none nor doubts their flags"),
        CLI_END()};
    char **pos, *data = NULL;
    size_t len = 0;
    int npos, rc;
    rp_err err = {0};
    nlp_coach_context c = {0};
    nlp_coach_report r;
    const char *name = NULL;
    json_t *tojson = NULL;

    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos > 1)
        return cli_usage_error(ctx, "check takes at most one FILE");
    if (to && !*to)
        return cli_usage_error(ctx, "--to needs a PERSON");
    const char *file = npos ? pos[0] : "-";
    if ((rc = cli_read_input(ctx, file, CHECK_MAX_INPUT, &data, &len)) ||
        (rc = validate(ctx, file, data, len)))
        return rc;
    if (to && (rc = load_context(ctx, to, &c, &name, &tojson)))
        return rc;
    nlp_coach_options copts = {.model = !rules_only};
    if (nlp_coach_check_opts(data, len, to ? &c : NULL, &copts, &r, &err) !=
        RP_OK) {
        json_decref(tojson);
        nlp_coach_report_release(&r);
        if (err.code == RP_EINVAL)
            fprintf(ctx->err, "rapport: cannot check '%s': %s\n", file,
                    err.msg);
        else
            cli_error(ctx, &err);
        return CLI_FAIL;
    }
    if (ctx->json)
        rc = cli_print_json(ctx, report_json(data, &r, tojson));
    else {
        print_report(ctx, data, &r, name);
        json_decref(tojson); /* only the JSON report takes it over */
    }
    nlp_coach_report_release(&r);
    return rc;
}
