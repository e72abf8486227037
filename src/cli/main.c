/*
 * main.c - the rapport command: global options, the command table, and
 * the setup each command asks for (arena, clock, store).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "base/date.h"
#include "cli/commands.h"
#include "nlp/tokenize.h"
#include "store/store.h"

#define RAPPORT_VERSION "0.1.0"

struct cli_cmd {
    const char *name;
    cli_fn *fn;
    unsigned flags;
    const char *help;
};

/* Kept sorted by name: `rapport help` lists them in this order. */
static const struct cli_cmd commands[] = {
    {"ask", cli_ask, CLI_STORE | CLI_WRITE, "record an ask you made"},
    {"check", cli_check, 0,
     "coach a draft: pushy, needy, one-up, hype, asks before value"},
    {"commitment", cli_commitment, CLI_STORE | CLI_WRITE,
     "promises both ways: add, done, list"},
    {"deal", cli_deal, CLI_STORE | CLI_WRITE, "deals: add, edit, list"},
    {"dedupe", cli_dedupe, CLI_STORE,
     "suggest people who are probably the same human"},
    {"export", cli_export, CLI_STORE, "write everything as JSON Lines"},
    {"give", cli_give, CLI_STORE | CLI_WRITE, "record value you gave"},
    {"import", cli_import, CLI_STORE | CLI_WRITE | CLI_CREATE,
     "bring in mail, contacts, calendars or an export"},
    {"init", cli_init, CLI_STORE | CLI_WRITE | CLI_CREATE,
     "create the database"},
    {"ledger", cli_ledger, CLI_STORE, "value given, received and asks"},
    {"log", cli_log, CLI_STORE | CLI_WRITE,
     "record an interaction (email, call, meeting...)"},
    {"me", cli_me, CLI_STORE | CLI_WRITE, "show or set who you are"},
    {"merge", cli_merge, CLI_STORE | CLI_WRITE,
     "merge two records of one human, losing nothing"},
    {"offering", cli_offering, CLI_STORE | CLI_WRITE,
     "what you offer, and your conviction in it"},
    {"org", cli_org, CLI_STORE | CLI_WRITE, "organisations: add, show, list"},
    {"outcome", cli_outcome, CLI_STORE | CLI_WRITE,
     "record the answer to an ask"},
    {"person", cli_person, CLI_STORE | CLI_WRITE,
     "people: add, edit, show, list, rm"},
    {"ready", cli_ready, CLI_STORE, "is it time to ask? with evidence"},
    {"received", cli_received, CLI_STORE | CLI_WRITE,
     "record value they gave you"},
    {"search", cli_search, CLI_STORE, "full-text search over everything"},
    {"sentiment", cli_sentiment, 0,
     "VADER sentiment of a text, or of each line"},
    {"today", cli_today, CLI_STORE, "who to reach out to today, and why"},
};

static void
usage(FILE *f)
{
    fputs("usage: rapport [--db PATH] <command> [options]\n\n"
          "rapport keeps your relationships: who matters, what you gave,\n"
          "what you owe, and when to reach out.\n\ncommands:\n",
          f);
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(f, "    %-11s %s\n", commands[i].name, commands[i].help);
    fputs("\nEvery command takes --help and --json.  The database is --db, "
          "else\n$RAPPORT_DB, else $XDG_DATA_HOME/rapport/rapport.db.\n"
          "Exit status: 0 ok, 1 failed, 2 usage error.\n",
          f);
}

/* Creates each missing directory of path's parent, mode 0700. */
static int
make_parents(const char *path)
{
    char *d = strdup(path);
    if (!d)
        return -1;
    for (char *p = d + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(d, 0700) != 0 && errno != EEXIST) {
            free(d);
            return -1;
        }
        *p = '/';
    }
    free(d);
    return 0;
}

static const char *
default_db(rp_arena *a)
{
    const char *env = getenv("RAPPORT_DB");
    if (env && *env)
        return env;
    const char *xdg = getenv("XDG_DATA_HOME");
    if (xdg && *xdg)
        return rp_arena_printf(a, "%s/rapport/rapport.db", xdg);
    const char *home = getenv("HOME");
    return rp_arena_printf(a, "%s/.local/share/rapport/rapport.db",
                           home && *home ? home : ".");
}

/* The clock: $RAPPORT_NOW (ISO 8601) lets tests and demos fix "now". */
static int
read_clock(int64_t *now)
{
    const char *env = getenv("RAPPORT_NOW");
    *now = (int64_t)time(NULL);
    if (!env || !*env)
        return 0;
    rp_err err = {0};
    if (rp_time_parse(env, *now, now, &err) != RP_OK) {
        fprintf(stderr, "rapport: RAPPORT_NOW: %s\n", err.msg);
        return -1;
    }
    return 0;
}

int
main(int argc, char **argv)
{
    const char *db = NULL;
    int i = 1, rc = CLI_FAIL;
    cli_ctx ctx = {.out = stdout, .err = stderr};

    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "--db") && i + 1 < argc)
            db = argv[++i];
        else if (!strncmp(argv[i], "--db=", 5))
            db = argv[i] + 5;
        else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage(stdout);
            return CLI_OK;
        } else if (!strcmp(argv[i], "--version")) {
            puts("rapport " RAPPORT_VERSION);
            return CLI_OK;
        } else {
            fprintf(stderr, "rapport: unknown option '%s'\n", argv[i]);
            usage(stderr);
            return CLI_USAGE;
        }
    }
    if (i >= argc) {
        usage(stderr);
        return CLI_USAGE;
    }
    if (!strcmp(argv[i], "help")) {
        if (i + 1 < argc) {
            /* "rapport help person" is "rapport person --help". */
            argv[i] = argv[i + 1];
            argv[i + 1] = "--help";
        } else {
            usage(stdout);
            return CLI_OK;
        }
    }
    if (!strcmp(argv[i], "version")) {
        puts("rapport " RAPPORT_VERSION);
        return CLI_OK;
    }
    const struct cli_cmd *cmd = NULL;
    for (size_t k = 0; k < sizeof commands / sizeof *commands; k++)
        if (!strcmp(commands[k].name, argv[i]))
            cmd = &commands[k];
    if (!cmd) {
        fprintf(stderr,
                "rapport: '%s' is not a rapport command; see "
                "'rapport --help'\n",
                argv[i]);
        return CLI_USAGE;
    }
    /* Text that is not UTF-8 would be stored as it came and break every
     * JSON output and export later: refuse it at the door.  File names
     * may be any bytes, so an argument naming an existing file passes. */
    for (int k = i + 1; k < argc; k++) {
        size_t len = strlen(argv[k]);
        struct stat sb;
        if (nlp_utf8_first_bad(argv[k], len) < len && stat(argv[k], &sb) != 0) {
            fprintf(stderr,
                    "rapport: argument %d of '%s' is not UTF-8 text; "
                    "rapport stores text as UTF-8 (check your terminal's "
                    "encoding)\n",
                    k - i, argv[i]);
            return CLI_USAGE;
        }
    }
    ctx.argc = argc - i;
    ctx.argv = argv + i;
    ctx.arena = rp_arena_new();
    if (!ctx.arena || read_clock(&ctx.now)) {
        rp_arena_free(ctx.arena);
        return CLI_FAIL;
    }
    ctx.db_path = db ? db : default_db(ctx.arena);

    /* --help must work without a database. */
    bool help = false;
    for (int k = 1; k < ctx.argc; k++)
        if (!strcmp(ctx.argv[k], "--help") || !strcmp(ctx.argv[k], "help"))
            help = k == 1 || !strcmp(ctx.argv[k], "--help");
    if ((cmd->flags & CLI_STORE) && !help) {
        rp_err err = {0};
        unsigned flags = 0;
        if (cmd->flags & CLI_CREATE) {
            flags |= STORE_CREATE;
            if (make_parents(ctx.db_path) != 0) {
                fprintf(stderr,
                        "rapport: cannot create the folder for "
                        "'%s': %s\n",
                        ctx.db_path, strerror(errno));
                goto cleanup;
            }
        }
        if (store_open(ctx.db_path, flags, &ctx.st, &err) != RP_OK) {
            cli_error(&ctx, &err);
            goto cleanup;
        }
    }
    rc = cmd->fn(&ctx);
    if (fflush(stdout) != 0 && rc == CLI_OK) {
        fprintf(stderr, "rapport: cannot write output: %s\n", strerror(errno));
        rc = CLI_FAIL;
    }
cleanup:
    store_close(ctx.st);
    rp_arena_free(ctx.arena);
    return rc;
}
