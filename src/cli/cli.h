/*
 * cli.h - what every rapport command shares: its context, the option-table
 * parser and the output helpers.
 *
 * A command is one file, src/cli/<name>.c, exposing
 *     int cli_<name>(cli_ctx *ctx);
 * and one line in the commands[] table of src/cli/main.c.  It parses
 * ctx->argc/ctx->argv (argv[0] is the command name) with cli_parse(),
 * calls the library, prints the result and returns CLI_OK (0), CLI_FAIL (1)
 * or CLI_USAGE (2).  It holds no domain logic of its own.
 *
 * main() sets up what the command's flags ask for before calling it: the
 * arena always, the store when CLI_STORE is set (opened read-write when
 * CLI_WRITE is set too).  main() frees them afterwards; commands never do.
 */
#ifndef RP_CLI_H
#define RP_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "base/arena.h"
#include "base/rp.h"

struct store;
struct json_t;

enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

/* Flags in the command table: what main() prepares before the call. */
enum { CLI_STORE = 1 << 0, CLI_WRITE = 1 << 1, CLI_CREATE = 1 << 2 };

typedef struct cli_ctx {
    int argc;
    char **argv;         /* argv[0] is the command's name */
    rp_arena *arena;     /* freed by main() after the command returns */
    struct store *st;    /* open when the command has CLI_STORE */
    const char *db_path; /* the resolved database path */
    int64_t now;         /* the clock: time(), or $RAPPORT_NOW in tests */
    bool json;           /* --json was given */
    FILE *out, *err;
} cli_ctx;

typedef int cli_fn(cli_ctx *ctx);

/* Option table entries; the table ends with CLI_END(). */
enum cli_opt_type {
    CLI_OPT_END,
    CLI_OPT_BOOL,
    CLI_OPT_STR,
    CLI_OPT_LIST,
    CLI_OPT_INT
};

/* A repeatable string option's values, in order; memory in ctx->arena. */
typedef struct {
    const char **v;
    int n;
} cli_list;

struct cli_opt {
    enum cli_opt_type type;
    const char *name; /* long name without the dashes */
    const char *argh; /* the value's placeholder in help: "WHEN" */
    void *value;      /* bool *, const char **, cli_list *, long * */
    const char *help;
};

/* One line per option kind, read as a table. */
/* clang-format off */
#define CLI_BOOL(n, v, h) {CLI_OPT_BOOL, (n), NULL, (v), (h)}
#define CLI_STR(n, a, v, h) {CLI_OPT_STR, (n), (a), (v), (h)}
#define CLI_LIST(n, a, v, h) {CLI_OPT_LIST, (n), (a), (v), (h)}
#define CLI_INT(n, a, v, h) {CLI_OPT_INT, (n), (a), (v), (h)}
#define CLI_END() {CLI_OPT_END, NULL, NULL, NULL, NULL}
/* clang-format on */

/* cli_parse() returns this when it printed --help: return CLI_OK. */
#define CLI_HELP_SHOWN (-1)

/*
 * Parses ctx->argv[1..] against opts.  --help and --json are always
 * understood.  Options may come before or after positional arguments;
 * "--" ends options.  Both "--name value" and "--name=value" work.
 * On return *pos and *npos hold the positional arguments (pointing into argv).
 * usage is the synopsis lines, NULL-terminated, printed by --help and on
 * errors.  Returns 0, CLI_HELP_SHOWN, or CLI_USAGE after printing why.
 */
int cli_parse(cli_ctx *ctx, const char *const *usage,
              const struct cli_opt *opts, char ***pos, int *npos);

/* Prints the usage and option help for a command to f. */
void cli_usage(FILE *f, const char *const *usage, const struct cli_opt *opts);

/* Prints "rapport: <message>" to stderr; returns CLI_FAIL. */
int cli_error(cli_ctx *ctx, const rp_err *err);
/* Prints "rapport: <formatted>" to stderr; returns CLI_USAGE. */
int cli_usage_error(cli_ctx *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Writes j to ctx->out as indented JSON and a newline, then releases j.
 * Returns CLI_OK, or CLI_FAIL when j is NULL (out of memory). */
int cli_print_json(cli_ctx *ctx, struct json_t *j);

/* A subcommand table for command groups ("person add", "org list"). */
struct cli_sub {
    const char *name;
    cli_fn *fn;
    const char *help;
};
/* Runs the subcommand named in argv[1]; shifts argv so it sees itself as
 * argv[0].  Lists the subcommands on --help or when none is given. */
int cli_dispatch(cli_ctx *ctx, const char *group, const struct cli_sub *subs);

/* Parses a time argument ("today", "3 days ago", ISO 8601) against
 * ctx->now; on failure prints an error naming the option and returns
 * CLI_USAGE. */
int cli_time_arg(cli_ctx *ctx, const char *opt, const char *text, int64_t *out);

/* Reads a whole file ("-" for stdin) into memory owned by ctx->arena,
 * refusing files over max bytes.  Prints its own error; returns CLI_FAIL. */
int cli_read_input(cli_ctx *ctx, const char *path, size_t max, char **data,
                   size_t *len);

/* Formats a time for humans: "2026-06-15 14:03" (local time), or "-". */
const char *cli_fmt_time(cli_ctx *ctx, int64_t t);
/* Formats a time as a date only: "2026-06-15". */
const char *cli_fmt_date(cli_ctx *ctx, int64_t t);
/* s padded with spaces to width terminal columns, counting each character
 * by its display width (printf's %-24s counts bytes, so a name with
 * accents came out short and the columns after it moved). */
const char *cli_pad(cli_ctx *ctx, const char *s, int width);
/* "3 days ago", "in 2 days", "today" relative to ctx->now. */
const char *cli_fmt_ago(cli_ctx *ctx, int64_t t);

#endif
