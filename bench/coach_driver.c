/*
 * coach_driver.c - runs the draft coach over labelled drafts for
 * bench/coach-eval.
 *
 *   coach_driver FILE...
 *
 * Each FILE is a draft of tests/data/drafts/ (see its README.md): header
 * lines (label, split, also, fact, ledger), a line "---", then the draft.
 * The fact and ledger lines become the coach's context, as `rapport check
 * --to` builds it from the database.  Prints one tab-separated line per
 * file:
 *
 *   file split label also score main flagged flags
 *
 * where also is the comma-separated list from the header ("-" if none),
 * main the coach's main problem ("good" when it names none), flagged the
 * categories with a warning or a serious flag ("-" if none), and flags
 * every flag as category/group/severity.  Exits 1 on an unreadable or
 * malformed file.  COACH_MODEL=1 in the environment turns the learned
 * model on (coach_model.h), COACH_MODEL=0 off; unset, the coach's
 * default.  COACH_POSITIVES=1 adds a column with the positives found,
 * COACH_SPANS=1 one with each flag's first span.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "base/rp.h"
#include "nlp/coach.h"

#define MAX_FACTS 16

typedef struct {
    char label[32], split[16], also[160];
    nlp_coach_fact facts[MAX_FACTS];
    char fact_kind[MAX_FACTS][32], fact_text[MAX_FACTS][160];
    nlp_coach_context ctx;
    bool has_ctx;
    const char *body;
    size_t body_len;
} draft;

static void
copy_trimmed(char *dst, size_t cap, const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, s, n);
    dst[n] = '\0';
}

/* Parses the header of buf into *d; 0 on success, else prints why. */
static int
parse(const char *path, char *buf, size_t len, draft *d)
{
    size_t pos = 0, line = 0;
    memset(d, 0, sizeof *d);
    while (pos < len) {
        char *nl = memchr(buf + pos, '\n', len - pos);
        size_t e = nl ? (size_t)(nl - buf) : len, n = e - pos;
        const char *l = buf + pos;
        line++;
        pos = nl ? e + 1 : len;
        if (n >= 3 && !strncmp(l, "---", 3) && (n == 3 || l[3] == '\r')) {
            d->body = buf + pos;
            d->body_len = len - pos;
            break;
        }
        const char *colon = memchr(l, ':', n);
        if (!colon) {
            fprintf(stderr, "%s:%zu: expected 'name: value' or '---'\n", path,
                    line);
            return -1;
        }
        size_t kn = (size_t)(colon - l), vn = n - kn - 1;
        const char *v = colon + 1;
        if (kn == 5 && !strncmp(l, "label", 5))
            copy_trimmed(d->label, sizeof d->label, v, vn);
        else if (kn == 5 && !strncmp(l, "split", 5))
            copy_trimmed(d->split, sizeof d->split, v, vn);
        else if (kn == 4 && !strncmp(l, "also", 4))
            copy_trimmed(d->also, sizeof d->also, v, vn);
        else if (kn == 4 && !strncmp(l, "fact", 4)) {
            const char *c2 = memchr(v, ':', vn);
            size_t k = d->ctx.nfacts;
            if (!c2 || k == MAX_FACTS) {
                fprintf(stderr, "%s:%zu: expected 'fact: KIND: TEXT'\n", path,
                        line);
                return -1;
            }
            copy_trimmed(d->fact_kind[k], sizeof d->fact_kind[k], v,
                         (size_t)(c2 - v));
            copy_trimmed(d->fact_text[k], sizeof d->fact_text[k], c2 + 1,
                         vn - (size_t)(c2 - v) - 1);
            d->facts[k] = (nlp_coach_fact){d->fact_kind[k], d->fact_text[k]};
            d->ctx.nfacts++;
            d->has_ctx = true;
        } else if (kn == 6 && !strncmp(l, "ledger", 6)) {
            char tmp[64];
            copy_trimmed(tmp, sizeof tmp, v, vn);
            if (sscanf(tmp, "given=%d asks=%d", &d->ctx.given, &d->ctx.asks) !=
                2) {
                fprintf(stderr, "%s:%zu: expected 'ledger: given=N asks=N'\n",
                        path, line);
                return -1;
            }
            d->ctx.has_ledger = true;
            d->has_ctx = true;
        }
        /* Other header lines (kind) are for people, not the coach. */
    }
    if (!d->body || !d->label[0] || !d->split[0]) {
        fprintf(stderr, "%s: needs label:, split: and a '---' line\n", path);
        return -1;
    }
    d->ctx.facts = d->facts;
    /* "a, b" -> "a,b" so the evaluation can split on commas. */
    char *o = d->also;
    for (const char *s = d->also; *s; s++)
        if (*s != ' ')
            *o++ = *s;
    *o = '\0';
    return 0;
}

/* Prints " \"SPAN\"" with tabs and line breaks as spaces, so that a span
 * never breaks the tab-separated row. */
static void
print_span(const char *p, size_t n)
{
    fputs(" \"", stdout);
    for (size_t i = 0; i < n; i++)
        putchar(p[i] == '\t' || p[i] == '\n' || p[i] == '\r' ? ' ' : p[i]);
    putchar('"');
}

static void
print_result(const char *path, const draft *d, const nlp_coach_report *r)
{
    bool flagged[NLP_COACH_NCATS] = {false};
    int any = 0;
    printf("%s\t%s\t%s\t%s\t%d\t%s\t", path, d->split, d->label,
           d->also[0] ? d->also : "-", r->score,
           r->main >= 0 ? nlp_coach_cat_name((nlp_coach_cat)r->main) : "good");
    for (size_t i = 0; i < r->nflags; i++)
        if (r->flags[i].severity >= 2)
            flagged[r->flags[i].cat] = true;
    for (int c = 0; c < NLP_COACH_NCATS; c++)
        if (flagged[c])
            printf("%s%s", any++ ? "," : "", nlp_coach_cat_name(c));
    printf("%s\t", any ? "" : "-");
    for (size_t i = 0; i < r->nflags; i++)
        printf("%s%s/%s/%d", i ? "," : "", nlp_coach_cat_name(r->flags[i].cat),
               r->flags[i].group, r->flags[i].severity);
    if (!r->nflags)
        putchar('-');
    /* COACH_SPANS=1: a column with each flag's first span, to see what
     * fired while studying a development batch. */
    const char *se = getenv("COACH_SPANS");
    if (se && !strcmp(se, "1")) {
        putchar('\t');
        for (size_t i = 0; i < r->nflags; i++) {
            const nlp_coach_flag *f = &r->flags[i];
            printf("%s%s/%s", i ? "; " : "", nlp_coach_cat_name(f->cat),
                   f->group);
            if (f->nspans)
                print_span(d->body + f->spans[0].start,
                           f->spans[0].end - f->spans[0].start);
        }
    }
    /* COACH_POSITIVES=1: a last column with the positives found and their
     * words, to see why a draft counted as giving or as personal. */
    const char *pe = getenv("COACH_POSITIVES");
    if (pe && !strcmp(pe, "1")) {
        putchar('\t');
        for (size_t i = 0; i < r->npositives; i++) {
            const nlp_coach_positive *p = &r->positives[i];
            printf("%s%s", i ? "; " : "", p->kind);
            print_span(d->body + p->span.start, p->span.end - p->span.start);
        }
    }
    putchar('\n');
}

int
main(int argc, char **argv)
{
    int status = 0;
    const char *env = getenv("COACH_MODEL");
    nlp_coach_options opts = {.model = env && *env ? !strcmp(env, "1")
                                                   : NLP_COACH_MODEL_DEFAULT};
    for (int i = 1; i < argc; i++) {
        size_t len;
        char *buf = rp_file_read(argv[i], &len);
        draft d;
        nlp_coach_report r;
        rp_err err = {0};
        if (!buf) {
            fprintf(stderr, "coach_driver: cannot read '%s'\n", argv[i]);
            status = 1;
            continue;
        }
        if (parse(argv[i], buf, len, &d)) {
            rp_free(buf);
            status = 1;
            continue;
        }
        if (nlp_coach_check_opts(d.body, d.body_len, d.has_ctx ? &d.ctx : NULL,
                                 &opts, &r, &err) != RP_OK) {
            fprintf(stderr, "coach_driver: '%s': %s\n", argv[i], err.msg);
            status = 1;
        } else
            print_result(argv[i], &d, &r);
        nlp_coach_report_release(&r);
        rp_free(buf);
    }
    return status;
}
