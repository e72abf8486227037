/* transfer.c - `rapport export` and `rapport import`. */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/commands.h"
#include "base/phone.h"
#include "core/import.h"
#include "core/transfer.h"

static rp_code
write_line(void *ud, const char *line, size_t len)
{
    FILE *f = ud;
    if (fwrite(line, 1, len, f) != len || fputc('\n', f) == EOF)
        return RP_EIO;
    return RP_OK;
}

int
cli_export(cli_ctx *ctx)
{
    static const char *const usage[] = {"rapport export [-o FILE] > all.jsonl",
                                        NULL};
    const char *path = NULL;
    const struct cli_opt opts[] = {
        CLI_STR("output", "FILE", &path, "write to FILE instead of stdout"),
        CLI_END()};
    char **pos;
    int npos, rc;
    rp_err err = {0};
    FILE *f = ctx->out;
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos)
        return cli_usage_error(ctx, "export takes no arguments");
    if (path) {
        /* The export holds people's private details, like the database. */
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        f = fd >= 0 ? fdopen(fd, "w") : NULL;
        if (!f) {
            fprintf(ctx->err, "rapport: cannot write '%s': %s\n", path,
                    strerror(errno));
            return CLI_FAIL;
        }
    }
    rp_code c = transfer_export(ctx->st, write_line, f, &err);
    if (path && fclose(f) != 0 && !c)
        c = rp_fail(&err, RP_EIO, "cannot write '%s': %s", path,
                    strerror(errno));
    return c ? cli_error(ctx, &err) : CLI_OK;
}

struct progress {
    cli_ctx *ctx;
    struct timespec start;
    bool tty;
    const import_stats *stats; /* records so far, when importing */
    double shown;              /* when the line was last redrawn */
    bool bytes;       /* positions are byte offsets (mbox), not line numbers */
    json_t *problems; /* with --json: the first PROBLEMS_MAX skipped */
};

#define PROBLEMS_MAX 100

static double
elapsed(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) +
           (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void
show_progress(void *ud, long lines, long bytes)
{
    struct progress *p = ud;
    if (!p->tty)
        return;
    double s = elapsed(&p->start);
    fprintf(p->ctx->err, "\rimporting: %ld lines, %.1f MB, %.0f lines/s   ",
            lines, (double)bytes / 1e6, s > 0 ? lines / s : 0.0);
    fflush(p->ctx->err);
}

/* One JSON Lines file, in one transaction, with its own summary. */
static int
import_jsonl(cli_ctx *ctx, const char *path, struct progress *pr)
{
    rp_err err = {0};
    transfer_stats s;
    FILE *in = stdin;
    if (strcmp(path, "-")) {
        in = fopen(path, "r");
        if (!in) {
            fprintf(ctx->err, "rapport: cannot open '%s': %s\n", path,
                    strerror(errno));
            return CLI_FAIL;
        }
    }
    rp_code c =
        transfer_import(ctx->st, in, strcmp(path, "-") ? path : "<stdin>",
                        show_progress, pr, &s, &err);
    if (in != stdin)
        fclose(in);
    if (pr->tty)
        fputc('\n', ctx->err);
    if (c) {
        cli_error(ctx, &err);
        fputs("rapport: nothing was imported; the database is unchanged\n",
              ctx->err);
        return CLI_FAIL;
    }
    double secs = elapsed(&pr->start);
    if (ctx->json)
        return cli_print_json(
            ctx,
            json_pack("{s:s,s:s,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,"
                      "s:I,s:f}",
                      "file", path, "format", "jsonl", "lines",
                      (json_int_t)s.lines, "added", (json_int_t)s.added,
                      "skipped", (json_int_t)s.skipped, "people",
                      (json_int_t)s.people, "orgs", (json_int_t)s.orgs,
                      "interactions", (json_int_t)s.interactions, "ledger",
                      (json_int_t)s.ledger, "commitments",
                      (json_int_t)s.commitments, "deals", (json_int_t)s.deals,
                      "offerings", (json_int_t)s.offerings, "seconds", secs));
    fprintf(ctx->out,
            "imported %ld records in %.2fs: %ld people, %ld orgs, %ld "
            "interactions, %ld ledger entries, %ld commitments, %ld deals, "
            "%ld offerings; %ld already present\n",
            s.added, secs, s.people, s.orgs, s.interactions, s.ledger,
            s.commitments, s.deals, s.offerings, s.skipped);
    return CLI_OK;
}

static void
report_problem(void *ud, const char *file, long pos, const char *why)
{
    struct progress *p = ud;
    if (p->ctx->json && !p->problems)
        p->problems = json_array();
    /* Kept for the summary, so a script sees what was skipped and why
     * without parsing stderr; the count covers the rest. */
    if (p->problems && json_array_size(p->problems) < PROBLEMS_MAX)
        json_array_append_new(
            p->problems, json_pack("{s:s,s:I,s:s,s:s}", "file", file,
                                   "position", (json_int_t)pos, "unit",
                                   p->bytes ? "byte" : "line", "reason", why));
    if (p->tty)
        fputc('\n', p->ctx->err);
    if (pos > 0 && p->bytes)
        fprintf(p->ctx->err, "rapport: %s: at byte %ld: %s (skipped)\n", file,
                pos, why);
    else if (pos > 0)
        fprintf(p->ctx->err, "rapport: %s:%ld: %s (skipped)\n", file, pos, why);
    else
        fprintf(p->ctx->err, "rapport: %s: %s (skipped)\n", file, why);
}

/* Count, rate and time left, on one line that rewrites itself; only on a
 * terminal, so logs and pipes stay clean. */
static void
bytes_progress(void *ud, uint64_t done, uint64_t total)
{
    struct progress *p = ud;
    if (!p->tty)
        return;
    double s = elapsed(&p->start);
    if (done < total && s - p->shown < 0.1)
        return; /* ten redraws a second are plenty */
    p->shown = s;
    double rate = s > 0 ? (double)done / s : 0;
    long records = p->stats ? p->stats->records : 0;
    fprintf(p->ctx->err,
            "\rimporting: %5.1f%%  %ld records (%.0f/s)  %.1f of %.1f MB",
            total ? 100.0 * (double)done / (double)total : 0.0, records,
            s > 0 ? (double)records / s : 0.0, (double)done / 1e6,
            (double)total / 1e6);
    if (rate > 0 && total > done)
        fprintf(p->ctx->err, "  %.0fs left ", (double)(total - done) / rate);
    fflush(p->ctx->err);
}

int
cli_import(cli_ctx *ctx)
{
    static const char *const usage[] = {
        "rapport import PATH... [--format F] [--map MAP] [--batch N]", NULL};
    /* What the option table cannot say: the inputs and the exit status,
     * which scripts need to tell a clean import from a partial one. */
    static const char notes[] =
        "\nPATH is a JSON Lines export, a .vcf, a .csv (LinkedIn, Google "
        "Contacts,\nor any with --map), an mbox, a Maildir, an .eml or a "
        "folder of them, or an\n.ics; - reads a JSON Lines export from "
        "stdin.  Importing the same sources\nagain adds nothing; an "
        "interrupted import keeps what it committed, and\nrunning it again "
        "completes it.\n\nExit status: 0 when everything was read; 1 when "
        "a malformed record was\nskipped (each is reported on stderr with "
        "its file and position, and the\nrest is imported) or the import "
        "stopped on an error; 2 for a usage error.\n";
    const char *format = NULL, *map = NULL, *since = NULL, *until = NULL;
    long batch = 0;
    const struct cli_opt opts[] = {
        CLI_STR("format", "F", &format,
                "jsonl, vcard, csv, mail or ics (default: detect)"),
        CLI_STR("map", "MAP", &map,
                "CSV columns: name=Full Name,email=Mail,org=Company..."),
        CLI_STR("since", "WHEN", &since,
                "expand recurring events from (default 1 year ago)"),
        CLI_STR("until", "WHEN", &until,
                "expand recurring events until (default in 90 days)"),
        CLI_INT("batch", "N", &batch,
                "records per committed transaction (default 500)"),
        CLI_END()};
    char **pos;
    int npos, rc;
    rp_err err = {0};
    import_opts o = {.from = ctx->now - 365 * 86400LL,
                     .to = ctx->now + 90 * 86400LL};
    import_stats s = {0};
    struct progress pr = {
        .ctx = ctx, .tty = isatty(fileno(ctx->err)) != 0, .stats = &s};
    ingest_hooks hooks = {report_problem, bytes_progress, &pr};
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos))) {
        if (rc == CLI_HELP_SHOWN)
            fputs(notes, ctx->out);
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    }
    if (npos < 1)
        return cli_usage_error(ctx, "import needs a FILE or folder (or - "
                                    "for stdin)");
    if (format && import_format_parse(format, &o.format, &err))
        return cli_usage_error(ctx, "--format: %s", err.msg);
    if (since && (rc = cli_time_arg(ctx, "since", since, &o.from)))
        return rc;
    if (until && (rc = cli_time_arg(ctx, "until", until, &o.to)))
        return rc;
    if (batch < 0)
        return cli_usage_error(ctx, "--batch cannot be negative");
    o.region = getenv("RAPPORT_REGION");
    if (o.region && *o.region && !rp_phone_valid_region(o.region))
        return cli_usage_error(ctx,
                               "RAPPORT_REGION must be a country calling "
                               "code such as 44 or 1, not '%s'",
                               o.region);
    o.map = map;
    o.batch = (size_t)batch;
    clock_gettime(CLOCK_MONOTONIC, &pr.start);
    for (int i = 0; i < npos; i++) {
        import_format f = o.format;
        if (f == IMPORT_AUTO && import_detect(pos[i], &f, &err))
            return cli_error(ctx, &err);
        if (f == IMPORT_JSONL) {
            if (npos > 1)
                return cli_usage_error(ctx, "import a JSON Lines export on "
                                            "its own");
            return import_jsonl(ctx, pos[i], &pr);
        }
        import_opts one = o;
        one.format = f;
        pr.bytes = f == IMPORT_MAIL;
        rp_code c = import_path(ctx->st, pos[i], &one, &hooks, &s, &err);
        if (pr.tty)
            fputc('\n', ctx->err);
        if (c) {
            cli_error(ctx, &err);
            if (c == RP_EINVAL && f == IMPORT_CSV && import_map_help())
                fprintf(ctx->err, "rapport: the syntax is %s\n",
                        import_map_help());
            if (s.records)
                fprintf(ctx->err,
                        "rapport: '%s' stopped after %ld records; "
                        "what was committed stays, and running the "
                        "import again completes it\n",
                        pos[i], s.records);
            json_decref(pr.problems);
            return CLI_FAIL;
        }
    }
    double secs = elapsed(&pr.start);
    const intake_stats *t = &s.intake;
    if (ctx->json) {
        rc = cli_print_json(
            ctx,
            json_pack("{s:I,s:I,s:o,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:f}",
                      "records", (json_int_t)s.records, "skipped_malformed",
                      (json_int_t)s.problems, "problems",
                      pr.problems ? pr.problems : json_array(), "skipped_empty",
                      (json_int_t)t->skipped, "people_created",
                      (json_int_t)t->people_created, "people_matched",
                      (json_int_t)t->people_matched, "people_updated",
                      (json_int_t)t->people_updated, "interactions_added",
                      (json_int_t)t->interactions_added, "interactions_present",
                      (json_int_t)t->interactions_present,
                      "interactions_without_me", (json_int_t)t->without_me,
                      "seconds", secs));
    } else {
        fprintf(ctx->out,
                "imported %ld records in %.2fs: %ld people created, %ld "
                "matched, %ld updated; %ld interactions added, %ld already "
                "present; %ld with nothing to keep; %ld malformed and "
                "skipped\n",
                s.records, secs, t->people_created, t->people_matched,
                t->people_updated, t->interactions_added,
                t->interactions_present, t->skipped, s.problems);
    }
    if (t->without_me)
        fprintf(ctx->err,
                "rapport: note: %ld interactions came in before rapport knew "
                "your own addresses, so they count as incoming and you may "
                "appear as a contact; next time, first run: rapport me "
                "--name NAME --email ADDRESS\n",
                t->without_me);
    /* The status says whether anything was skipped as malformed. */
    return s.problems ? CLI_FAIL : rc;
}
