/* transfer.c - `rapport export` and `rapport import`. */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/commands.h"
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
};

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

int
cli_import(cli_ctx *ctx)
{
    static const char *const usage[] = {"rapport import FILE.jsonl|-", NULL};
    const struct cli_opt opts[] = {CLI_END()};
    char **pos;
    int npos, rc;
    rp_err err = {0};
    transfer_stats s;
    struct progress pr = {ctx, {0}, isatty(fileno(ctx->err)) != 0};
    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos != 1)
        return cli_usage_error(ctx, "import needs one FILE (or - for stdin)");
    const char *path = pos[0];
    FILE *in = stdin;
    if (strcmp(path, "-")) {
        struct stat sb;
        if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            fprintf(ctx->err, "rapport: cannot import '%s': it is a "
                              "directory\n",
                    path);
            return CLI_FAIL;
        }
        in = fopen(path, "r");
        if (!in) {
            fprintf(ctx->err, "rapport: cannot open '%s': %s\n", path,
                    strerror(errno));
            return CLI_FAIL;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &pr.start);
    rp_code c = transfer_import(ctx->st, in, strcmp(path, "-") ? path
                                                               : "<stdin>",
                                show_progress, &pr, &s, &err);
    if (in != stdin)
        fclose(in);
    if (pr.tty)
        fputc('\n', ctx->err);
    if (c) {
        cli_error(ctx, &err);
        fputs("rapport: nothing was imported; the database is unchanged\n",
              ctx->err);
        return CLI_FAIL;
    }
    double secs = elapsed(&pr.start);
    if (ctx->json)
        return cli_print_json(
            ctx, json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:f}",
                           "lines", (json_int_t)s.lines, "added",
                           (json_int_t)s.added, "skipped",
                           (json_int_t)s.skipped, "people",
                           (json_int_t)s.people, "orgs", (json_int_t)s.orgs,
                           "interactions", (json_int_t)s.interactions,
                           "ledger", (json_int_t)s.ledger, "commitments",
                           (json_int_t)s.commitments, "deals",
                           (json_int_t)s.deals, "offerings",
                           (json_int_t)s.offerings, "seconds", secs));
    fprintf(ctx->out,
            "imported %ld records in %.2fs: %ld people, %ld orgs, %ld "
            "interactions, %ld ledger entries, %ld commitments, %ld deals, "
            "%ld offerings; %ld already present\n",
            s.added, secs, s.people, s.orgs, s.interactions, s.ledger,
            s.commitments, s.deals, s.offerings, s.skipped);
    return CLI_OK;
}
