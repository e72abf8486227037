/* util.c - option parsing, dispatch and output helpers for commands. */
#include "cli/cli.h"

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <utf8proc.h>

#include "base/buf.h"
#include "base/date.h"

void
cli_usage(FILE *f, const char *const *usage, const struct cli_opt *opts)
{
    for (int i = 0; usage && usage[i]; i++)
        fprintf(f, "%s %s\n", i ? "   or:" : "usage:", usage[i]);
    fputc('\n', f);
    for (const struct cli_opt *o = opts; o && o->type != CLI_OPT_END; o++) {
        char left[64];
        snprintf(left, sizeof left, "--%s%s%s", o->name, o->argh ? " " : "",
                 o->argh ? o->argh : "");
        fprintf(f, "    %-24s %s%s\n", left, o->help,
                o->type == CLI_OPT_LIST ? " (repeatable)" : "");
    }
    fprintf(f, "    %-24s %s\n", "--json", "print JSON instead of text");
    fprintf(f, "    %-24s %s\n", "--help", "show this help");
}

int
cli_usage_error(cli_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    fputs("rapport: ", ctx->err);
    va_start(ap, fmt);
    vfprintf(ctx->err, fmt, ap);
    va_end(ap);
    fputc('\n', ctx->err);
    return CLI_USAGE;
}

static int
set_option(cli_ctx *ctx, const struct cli_opt *o, const char *value)
{
    switch (o->type) {
    case CLI_OPT_STR:
        *(const char **)o->value = value;
        return 0;
    case CLI_OPT_LIST: {
        cli_list *l = o->value;
        const char **nv = rp_arena_alloc(ctx->arena, (l->n + 1) * sizeof *nv);
        if (!nv)
            return cli_usage_error(ctx, "out of memory");
        if (l->n)
            memcpy(nv, l->v, l->n * sizeof *nv);
        nv[l->n++] = value;
        l->v = nv;
        return 0;
    }
    case CLI_OPT_INT: {
        char *end;
        errno = 0;
        long v = strtol(value, &end, 10);
        if (errno || end == value || *end)
            return cli_usage_error(ctx,
                                   "--%s expects a whole number, not "
                                   "'%s'",
                                   o->name, value);
        *(long *)o->value = v;
        return 0;
    }
    default:
        return CLI_USAGE;
    }
}

int
cli_parse(cli_ctx *ctx, const char *const *usage, const struct cli_opt *opts,
          char ***pos, int *npos)
{
    char **out = rp_arena_alloc(ctx->arena, (ctx->argc + 1) * sizeof *out);
    int n = 0;
    bool only_pos = false;
    if (!out)
        return cli_usage_error(ctx, "out of memory");
    for (int i = 1; i < ctx->argc; i++) {
        char *a = ctx->argv[i];
        if (only_pos || a[0] != '-' || a[1] != '-' || !strcmp(a, "-")) {
            if (!only_pos && a[0] == '-' && a[1] && a[1] != '-' &&
                !(a[1] >= '0' && a[1] <= '9'))
                return cli_usage_error(ctx,
                                       "unknown option '%s' (options are "
                                       "spelled --name); see '%s --help'",
                                       a, ctx->argv[0]);
            out[n++] = a;
            continue;
        }
        if (!strcmp(a, "--")) {
            only_pos = true;
            continue;
        }
        const char *name = a + 2;
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        if (len == 4 && !strncmp(name, "help", 4)) {
            cli_usage(ctx->out, usage, opts);
            return CLI_HELP_SHOWN;
        }
        if (len == 4 && !strncmp(name, "json", 4) && !eq) {
            ctx->json = true;
            continue;
        }
        const struct cli_opt *o = opts;
        for (; o && o->type != CLI_OPT_END; o++)
            if (strlen(o->name) == len && !strncmp(o->name, name, len))
                break;
        if (!o || o->type == CLI_OPT_END) {
            cli_usage_error(ctx, "unknown option '--%.*s'", (int)len, name);
            cli_usage(ctx->err, usage, opts);
            return CLI_USAGE;
        }
        if (o->type == CLI_OPT_BOOL) {
            if (eq)
                return cli_usage_error(ctx, "--%s takes no value", o->name);
            *(bool *)o->value = true;
            continue;
        }
        const char *value = eq ? eq + 1 : NULL;
        if (!value) {
            if (i + 1 >= ctx->argc)
                return cli_usage_error(ctx, "--%s needs a value (%s)", o->name,
                                       o->argh ? o->argh : "VALUE");
            value = ctx->argv[++i];
        }
        int rc = set_option(ctx, o, value);
        if (rc)
            return rc;
    }
    out[n] = NULL;
    *pos = out;
    *npos = n;
    return 0;
}

int
cli_error(cli_ctx *ctx, const rp_err *err)
{
    fprintf(ctx->err, "rapport: %s\n",
            err && err->msg[0] ? err->msg
                               : rp_code_name(err ? err->code : RP_ESTORE));
    return CLI_FAIL;
}

int
cli_print_json(cli_ctx *ctx, json_t *j)
{
    if (!j) {
        fputs("rapport: out of memory\n", ctx->err);
        return CLI_FAIL;
    }
    json_dumpf(j, ctx->out, JSON_INDENT(2) | JSON_ENSURE_ASCII * 0);
    fputc('\n', ctx->out);
    json_decref(j);
    return CLI_OK;
}

int
cli_dispatch(cli_ctx *ctx, const char *group, const struct cli_sub *subs)
{
    const char *name = ctx->argc > 1 ? ctx->argv[1] : NULL;
    if (!name || !strcmp(name, "--help") || !strcmp(name, "help")) {
        FILE *f = name ? ctx->out : ctx->err;
        fprintf(f, "usage: rapport %s <command> [options]\n\n", group);
        for (const struct cli_sub *s = subs; s->name; s++)
            fprintf(f, "    %-10s %s\n", s->name, s->help);
        fprintf(f, "\nSee 'rapport %s <command> --help'.\n", group);
        return name ? CLI_OK : CLI_USAGE;
    }
    for (const struct cli_sub *s = subs; s->name; s++) {
        if (!strcmp(s->name, name)) {
            char *label =
                rp_arena_printf(ctx->arena, "rapport %s %s", group, name);
            ctx->argc--;
            ctx->argv++;
            ctx->argv[0] = label ? label : ctx->argv[0];
            return s->fn(ctx);
        }
    }
    return cli_usage_error(ctx,
                           "'%s' is not a '%s' command; see 'rapport %s "
                           "--help'",
                           name, group, group);
}

int
cli_time_arg(cli_ctx *ctx, const char *opt, const char *text, int64_t *out)
{
    rp_err err = {0};
    if (rp_time_parse(text, ctx->now, out, &err) == RP_OK)
        return 0;
    return cli_usage_error(ctx, "--%s: %s", opt, err.msg);
}

int
cli_read_input(cli_ctx *ctx, const char *path, size_t max, char **data,
               size_t *len)
{
    FILE *f = stdin;
    rp_buf b;
    char chunk[65536];
    size_t n;
    int rc = CLI_FAIL;
    rp_buf_init(&b, max);
    if (path && strcmp(path, "-")) {
        struct stat sb;
        if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            fprintf(ctx->err, "rapport: cannot read '%s': it is a directory\n",
                    path);
            return CLI_FAIL;
        }
        f = fopen(path, "rb");
        if (!f) {
            fprintf(ctx->err, "rapport: cannot open '%s': %s\n", path,
                    strerror(errno));
            return CLI_FAIL;
        }
    }
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (rp_buf_add(&b, chunk, n)) {
            fprintf(ctx->err,
                    "rapport: cannot read '%s': larger than %zu "
                    "bytes\n",
                    path ? path : "-", max);
            goto cleanup;
        }
    }
    if (ferror(f)) {
        fprintf(ctx->err, "rapport: cannot read '%s': %s\n", path ? path : "-",
                strerror(errno));
        goto cleanup;
    }
    *data = rp_arena_strndup(ctx->arena, b.buf, b.len);
    *len = b.len;
    rc = *data ? CLI_OK : CLI_FAIL;
cleanup:
    if (f != stdin)
        fclose(f);
    rp_buf_release(&b);
    return rc;
}

const char *
cli_fmt_time(cli_ctx *ctx, int64_t t)
{
    if (!t)
        return "-";
    time_t tt = (time_t)t;
    struct tm tm;
    char buf[32];
    localtime_r(&tt, &tm);
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return rp_arena_strdup(ctx->arena, buf);
}

const char *
cli_pad(cli_ctx *ctx, const char *s, int width)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(s ? s : "");
    size_t len = strlen((const char *)p);
    int cols = 0;
    utf8proc_int32_t c;
    for (size_t i = 0; i < len;) {
        utf8proc_ssize_t n =
            utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);
        if (n <= 0) { /* not UTF-8: count the byte as one column */
            cols++;
            i++;
            continue;
        }
        int w = utf8proc_charwidth(c);
        cols += w > 0 ? w : 0;
        i += (size_t)n;
    }
    if (cols >= width)
        return (const char *)p;
    char *out = rp_arena_alloc(ctx->arena, len + (size_t)(width - cols) + 1);
    if (!out)
        return (const char *)p;
    memcpy(out, p, len);
    memset(out + len, ' ', (size_t)(width - cols));
    out[len + (size_t)(width - cols)] = '\0';
    return out;
}

const char *
cli_fmt_date(cli_ctx *ctx, int64_t t)
{
    if (!t)
        return "-";
    time_t tt = (time_t)t;
    struct tm tm;
    char buf[32];
    localtime_r(&tt, &tm);
    strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return rp_arena_strdup(ctx->arena, buf);
}

const char *
cli_fmt_ago(cli_ctx *ctx, int64_t t)
{
    if (!t)
        return "never";
    int64_t d = (ctx->now - t) / 86400;
    if (ctx->now >= t) {
        if (d == 0)
            return "today";
        if (d == 1)
            return "yesterday";
        return rp_arena_printf(ctx->arena, "%lld days ago", (long long)d);
    }
    d = (t - ctx->now + 86399) / 86400;
    if (d <= 1)
        return d == 0 ? "today" : "tomorrow";
    return rp_arena_printf(ctx->arena, "in %lld days", (long long)d);
}
