/*
 * coach-train - trains the draft coach's learned model (coach_model.h)
 * with liblinear and writes it as data/coach/model.txt.
 *
 *   coach-train [-C COST] [-k FOLDS] [-p PRECISION] [-m MINDF]
 *               [-H HELDOUT] [-O OOF] -o OUT FILE...
 *
 * Each FILE is a labelled draft of tests/data/drafts/ (label:, also:,
 * split:, then "---" and the draft).  A draft whose split is named in
 * HELDOUT (tests/data/drafts/held-out unless -H: the test half and the
 * newest batch, which measure the coach) is left out, so that
 * every draft under tests/data/drafts can be passed.  For each
 * category but no_personal_touch (which turns on what rapport knows of the
 * reader, not on the words), trains one L2-regularised logistic regression,
 * one against the rest: a draft is positive when the category is its label
 * or one of its "also:" problems.  Features are the hashed features of
 * coach_features.h, as a binary vector scaled to unit length, plus a bias;
 * only features found in at least MINDF training drafts (2 unless -m) get
 * a weight, so that a phrase seen once is not memorised.
 *
 * The flagging threshold of each category is chosen by k-fold
 * cross-validation within the given drafts: every draft is scored by a
 * model trained on the other folds, and the threshold is the lowest of
 * 0.05, 0.10, ..., 0.95 at which those out-of-fold flags reach PRECISION
 * (0.95 unless -p); a flag for an "also:" problem counts neither way, as
 * in bench/coach-eval.  A category that never reaches it gets threshold
 * 1.01, which never fires.  The cost C is chosen the same way, unless -C
 * names one: of 1, 4, 16, 64 and 256, the one whose thresholds catch the
 * most drafts out of fold.  The cross-validated precision and recall are
 * printed and written into the model's header.
 *
 * With -O OOF, also writes each draft's leave-one-batch-out probability
 * per category, "path<TAB>category<TAB>probability": scored by a model
 * trained, at the chosen C, on every other split.  That is how the coach's
 * MODEL_DOUBT was chosen (bench/coach-doubt); the model written to OUT
 * does not change.
 */
#include <linear.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/file.h"
#include "base/rp.h"
#include "nlp/coach.h"
#include "nlp/coach_features.h"

typedef struct {
    const char *path;
    char label[32], also[200];
    char split[32];
    uint32_t *f;
    size_t nf;
} sample;

/* Copies the value of header line "name: value" (trimmed, spaces dropped
 * when squeeze) into dst. */
static void
value(char *dst, size_t cap, const char *v, size_t n, int squeeze)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 1 < cap; i++)
        if (v[i] != '\r' && !(v[i] == ' ' && (squeeze || o == 0)) &&
            v[i] != '\t')
            dst[o++] = v[i];
    while (o && dst[o - 1] == ' ')
        o--;
    dst[o] = '\0';
}

/* The held-out splits, read from the held-out list: words separated by
 * white space, "#" to the end of a line a comment. */
static char heldout[1024];

/* True when x is one of the items of list, separated by sep. */
static bool
has(const char *list, const char *x, char sep)
{
    size_t n = strlen(x);
    for (const char *p = list; (p = strstr(p, x)) != NULL; p += n)
        if ((p == list || p[-1] == sep) && (p[n] == sep || !p[n]))
            return true;
    return false;
}

/* True for the splits the model may learn from: any not in the held-out
 * list. */
static bool
is_development(const char *split)
{
    return *split && !has(heldout, split, ' ');
}

/* Reads the held-out list at path into heldout; 0 on success, else prints
 * why.  An empty list is refused: the test half is always held out. */
static int
read_heldout(const char *path)
{
    size_t len, o = 0;
    char *buf = rp_file_read(path, &len);
    bool comment = false, gapped = true;
    if (!buf) {
        fprintf(stderr, "coach-train: cannot read the held-out list '%s'\n",
                path);
        return -1;
    }
    /* Kept as " name name ...": one space before each name. */
    size_t i;
    for (i = 0; i < len && o + 2 < sizeof heldout; i++) {
        char c = buf[i];
        comment = c != '\n' && (comment || c == '#');
        bool gap = comment || c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (gap)
            gapped = true;
        else {
            if (gapped)
                heldout[o++] = ' ';
            heldout[o++] = c;
            gapped = false;
        }
    }
    heldout[o] = '\0';
    rp_free(buf);
    if (i < len) {
        fprintf(stderr, "coach-train: '%s' is too long a held-out list\n",
                path);
        return -1;
    }
    if (is_development("test")) {
        fprintf(stderr, "coach-train: '%s' does not hold out the test half\n",
                path);
        return -1;
    }
    return 0;
}

/* Reads one draft into *s; 0 on success, 1 for a held-out draft (left
 * out), else -1 after printing why. */
static int
load(const char *path, sample *s)
{
    size_t len, pos = 0;
    char *buf = rp_file_read(path, &len);
    const char *body = NULL;
    memset(s, 0, sizeof *s);
    s->path = path;
    if (!buf) {
        fprintf(stderr, "coach-train: cannot read '%s'\n", path);
        return -1;
    }
    while (pos < len) {
        char *nl = memchr(buf + pos, '\n', len - pos);
        size_t e = nl ? (size_t)(nl - buf) : len, n = e - pos;
        const char *l = buf + pos;
        pos = nl ? e + 1 : len;
        if (n >= 3 && !strncmp(l, "---", 3)) {
            body = buf + pos;
            break;
        }
        if (!strncmp(l, "label:", 6))
            value(s->label, sizeof s->label, l + 6, n - 6, 1);
        else if (!strncmp(l, "also:", 5))
            value(s->also, sizeof s->also, l + 5, n - 5, 1);
        else if (!strncmp(l, "split:", 6))
            value(s->split, sizeof s->split, l + 6, n - 6, 1);
    }
    if (!body || !s->label[0] || !s->split[0]) {
        fprintf(stderr, "coach-train: '%s': needs label:, split: and '---'\n",
                path);
        rp_free(buf);
        return -1;
    }
    if (!is_development(s->split)) {
        rp_free(buf);
        return 1;
    }
    nlp_coach_feats ft;
    if (nlp_coach_features(body, len - (size_t)(body - buf), &ft) != RP_OK) {
        fprintf(stderr, "coach-train: out of memory\n");
        nlp_coach_feats_release(&ft);
        rp_free(buf);
        return -1;
    }
    s->f = ft.all;
    s->nf = ft.nall;
    ft.all = NULL;
    nlp_coach_feats_release(&ft);
    rp_free(buf);
    return 0;
}

/* liblinear's rows: each sample's ids with keep[id] set (all when keep
 * is NULL) as 1-based indices with value 1/sqrt(n), n counting all its
 * ids as the coach does at run time, then the bias node and the -1
 * terminator. */
static struct feature_node **
rows(const sample *s, size_t n, const unsigned char *keep)
{
    struct feature_node **x = calloc(n, sizeof *x);
    if (!x)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        x[i] = malloc((s[i].nf + 2) * sizeof **x);
        if (!x[i])
            return NULL;
        double v = s[i].nf ? 1 / sqrt((double)s[i].nf) : 0;
        size_t o = 0;
        for (size_t k = 0; k < s[i].nf; k++)
            if (!keep || keep[s[i].f[k]])
                x[i][o++] = (struct feature_node){(int)s[i].f[k] + 1, v};
        x[i][o++] = (struct feature_node){(int)NLP_COACH_FEAT_DIM + 1, 1.0};
        x[i][o] = (struct feature_node){-1, 0};
    }
    return x;
}

static void
free_rows(struct feature_node **x, size_t n)
{
    for (size_t i = 0; x && i < n; i++)
        free(x[i]);
    free(x);
}

static void
quiet(const char *s)
{
    (void)s;
}

/* Trains on the samples with use[i] set, with the features found in at
 * least mindf of them; returns the model, or NULL. */
static struct model *
fit(const sample *s, const double *y, const int *use, size_t n, double C,
    int mindf)
{
    static unsigned short df[NLP_COACH_FEAT_DIM];
    static unsigned char keep[NLP_COACH_FEAT_DIM];
    size_t m = 0;
    memset(df, 0, sizeof df);
    for (size_t i = 0; i < n; i++)
        if (use[i]) {
            m++;
            for (size_t k = 0; k < s[i].nf; k++)
                if (df[s[i].f[k]] < 65535)
                    df[s[i].f[k]]++;
        }
    for (uint32_t j = 0; j < NLP_COACH_FEAT_DIM; j++)
        keep[j] = df[j] >= mindf;
    sample *ps = malloc(m * sizeof *ps);
    double *py = malloc(m * sizeof *py);
    if (!ps || !py)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (use[i]) {
            ps[k] = s[i];
            py[k++] = y[i];
        }
    struct feature_node **px = rows(ps, m, keep);
    struct problem prob = {(int)m, (int)NLP_COACH_FEAT_DIM + 1, py, px, 1.0};
    struct parameter par = {.solver_type = L2R_LR, .eps = 0.001, .C = C};
    const char *bad = px ? check_parameter(&prob, &par) : "out of memory";
    struct model *md = bad ? NULL : train(&prob, &par);
    if (bad)
        fprintf(stderr, "coach-train: liblinear: %s\n", bad);
    free_rows(px, m);
    free(ps);
    free(py);
    return md;
}

/* P(positive) for row x under md. */
static double
prob_pos(const struct model *md, const struct feature_node *x)
{
    double pe[2];
    predict_probability(md, x, pe);
    return md->label[0] == 1 ? pe[0] : pe[1];
}

/* One category's cross-validated choice. */
typedef struct {
    double threshold;
    int tp, fp, labelled;
} choice;

/* Fills oof[i], for each sample, with its probability for category cat
 * under a model trained on the samples of every other fold (fold[i] in
 * 0 .. k-1).  -1 on failure. */
static int
out_of_fold(const sample *s, struct feature_node **x, size_t n, const char *cat,
            const int *fold, int k, double C, int mindf, double *oof)
{
    double *y = calloc(n, sizeof *y);
    int *use = calloc(n, sizeof *use), rc = -1;
    if (!y || !use)
        goto cleanup;
    for (size_t i = 0; i < n; i++)
        y[i] = !strcmp(s[i].label, cat) || has(s[i].also, cat, ',') ? 1 : -1;
    for (int fo = 0; fo < k; fo++) {
        for (size_t i = 0; i < n; i++)
            use[i] = fold[i] != fo;
        struct model *md = fit(s, y, use, n, C, mindf);
        if (!md)
            goto cleanup;
        for (size_t i = 0; i < n; i++)
            if (!use[i])
                oof[i] = prob_pos(md, x[i]);
        free_and_destroy_model(&md);
    }
    rc = 0;
cleanup:
    free(y);
    free(use);
    return rc;
}

/* Category cat's out-of-fold probabilities over the k folds of fold[],
 * then the lowest threshold whose flags reach precision target, in *out.
 * -1 on failure. */
static int
cross_validate(const sample *s, struct feature_node **x, size_t n,
               const char *cat, double C, const int *fold, int k, int mindf,
               double target, choice *out)
{
    double *oof = calloc(n, sizeof *oof);
    int rc = -1;
    if (!oof || out_of_fold(s, x, n, cat, fold, k, C, mindf, oof))
        goto cleanup;
    *out = (choice){1.01, 0, 0, 0};
    for (size_t i = 0; i < n; i++)
        out->labelled += !strcmp(s[i].label, cat);
    for (int t = 5; t <= 95; t += 5) {
        int tp = 0, fp = 0;
        for (size_t i = 0; i < n; i++) {
            if (oof[i] < t / 100.0)
                continue;
            if (!strcmp(s[i].label, cat))
                tp++;
            else if (!has(s[i].also, cat, ','))
                fp++;
        }
        if (tp && (double)tp / (tp + fp) >= target) {
            out->threshold = t / 100.0;
            out->tp = tp;
            out->fp = fp;
            break;
        }
    }
    rc = 0;
cleanup:
    free(oof);
    return rc;
}

static bool
modelled(int c)
{
    /* no_personal_touch turns on the facts a draft leaves out. */
    return c != NLP_COACH_NO_PERSONAL_TOUCH;
}

/* Writes weight v to out in the fewest characters that keep four
 * decimal places: "-.0178", ".2986", "5.486", "0".  Four places hold
 * every weight to 5e-5, which changed no draft's result against "%.4g"
 * on the labelled drafts, in a fifth fewer bytes. */
static void
put_weight(FILE *out, double v)
{
    char b[32];
    snprintf(b, sizeof b, "%.4f", v);
    size_t n = strlen(b);
    while (n && b[n - 1] == '0')
        n--;
    if (n && b[n - 1] == '.')
        n--;
    b[n] = '\0';
    const char *p = b;
    bool neg = *p == '-';
    if (neg)
        p++;
    if (!strcmp(p, "0") || !*p) {
        fputs(" 0", out);
        return;
    }
    if (p[0] == '0' && p[1] == '.')
        p++; /* "0.0178" -> ".0178" */
    fprintf(out, " %s%s", neg ? "-" : "", p);
}

/* Writes every sample's leave-one-batch-out probability per category to
 * path (see -O above), opened only once every model is trained, so that
 * a failed run leaves no empty file.  -1 on failure, after saying why. */
static int
write_batch_oof(const sample *s, struct feature_node **x, size_t n, double C,
                int mindf, const char *path)
{
    int *fold = calloc(n, sizeof *fold), nb = 0, rc = -1;
    double *oof = calloc(n * NLP_COACH_NCATS, sizeof *oof);
    FILE *f;
    if (!fold || !oof) {
        fprintf(stderr, "coach-train: out of memory\n");
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        size_t j = 0;
        while (j < i && strcmp(s[j].split, s[i].split))
            j++;
        fold[i] = j < i ? fold[j] : nb++;
    }
    for (int c = 0; c < NLP_COACH_NCATS; c++)
        if (modelled(c) &&
            out_of_fold(s, x, n, nlp_coach_cat_name((nlp_coach_cat)c), fold, nb,
                        C, mindf, oof + (size_t)c * n)) {
            fprintf(stderr, "coach-train: leave-one-batch-out training "
                            "failed\n");
            goto cleanup;
        }
    if (!(f = fopen(path, "w")))
        goto write_failed;
    for (int c = 0; c < NLP_COACH_NCATS; c++)
        for (size_t i = 0; modelled(c) && i < n; i++)
            fprintf(f, "%s\t%s\t%.4f\n", s[i].path,
                    nlp_coach_cat_name((nlp_coach_cat)c),
                    oof[(size_t)c * n + i]);
    if (fclose(f))
        goto write_failed;
    printf("coach-train: leave-one-batch-out probabilities (%d batches) "
           "-> %s\n",
           nb, path);
    rc = 0;
    goto cleanup;
write_failed:
    fprintf(stderr, "coach-train: cannot write '%s'\n", path);
cleanup:
    free(fold);
    free(oof);
    return rc;
}

int
main(int argc, char **argv)
{
    static const double grid[] = {1, 4, 16, 64, 256};
    double C = 0, target = 0.95;
    int k = 5, mindf = 2, first = 1;
    const char *outpath = NULL, *heldpath = "tests/data/drafts/held-out";
    const char *oofpath = NULL;
    while (first + 1 < argc && argv[first][0] == '-') {
        if (!strcmp(argv[first], "-C"))
            C = atof(argv[first + 1]);
        else if (!strcmp(argv[first], "-k"))
            k = atoi(argv[first + 1]);
        else if (!strcmp(argv[first], "-p"))
            target = atof(argv[first + 1]);
        else if (!strcmp(argv[first], "-m"))
            mindf = atoi(argv[first + 1]);
        else if (!strcmp(argv[first], "-o"))
            outpath = argv[first + 1];
        else if (!strcmp(argv[first], "-H"))
            heldpath = argv[first + 1];
        else if (!strcmp(argv[first], "-O"))
            oofpath = argv[first + 1];
        else
            break;
        first += 2;
    }
    if (!outpath || first >= argc || C < 0 || k < 2 || mindf < 1) {
        fprintf(stderr, "usage: coach-train [-C COST] [-k FOLDS] "
                        "[-p PRECISION] [-m MINDF] [-H HELDOUT] [-O OOF] "
                        "-o OUT FILE...\n");
        return 2;
    }
    if (read_heldout(heldpath))
        return 1;
    set_print_string_function(quiet);
    size_t n = (size_t)(argc - first);
    sample *s = calloc(n, sizeof *s);
    if (!s)
        return 1;
    size_t loaded = 0, skipped = 0;
    for (size_t i = 0; i < n; i++) {
        int r = load(argv[first + (int)i], &s[loaded]);
        if (r < 0)
            return 1;
        if (r > 0)
            skipped++;
        else
            loaded++;
    }
    if (skipped)
        printf("coach-train: %zu held-out drafts left out (held out:%s)\n",
               skipped, heldout);
    n = loaded;
    if (!n) {
        fprintf(stderr, "coach-train: no development drafts to train on\n");
        return 1;
    }
    struct feature_node **x = rows(s, n, NULL);
    int *fold = malloc(n * sizeof *fold);
    if (!x || !fold) {
        fprintf(stderr, "coach-train: out of memory\n");
        return 1;
    }
    for (size_t i = 0; i < n; i++)
        fold[i] = (int)(i % (size_t)k);

    /* The cost: the one whose cross-validated thresholds catch most,
     * unless -C gave it. */
    bool fixed_c = C > 0;
    choice ch[NLP_COACH_NCATS];
    int best_total = -1;
    double best_C = C;
    for (size_t g = 0; g < sizeof grid / sizeof *grid; g++) {
        double c_try = C > 0 ? C : grid[g];
        int total = 0;
        for (int c = 0; c < NLP_COACH_NCATS; c++) {
            choice one;
            if (!modelled(c))
                continue;
            if (cross_validate(s, x, n, nlp_coach_cat_name((nlp_coach_cat)c),
                               c_try, fold, k, mindf, target, &one))
                return 1;
            total += one.tp;
        }
        printf("C=%-5g out-of-fold drafts caught at precision %.2f: %d\n",
               c_try, target, total);
        if (total > best_total) {
            best_total = total;
            best_C = c_try;
        }
        if (C > 0)
            break;
    }
    C = best_C;
    for (int c = 0; c < NLP_COACH_NCATS; c++)
        if (modelled(c) &&
            cross_validate(s, x, n, nlp_coach_cat_name((nlp_coach_cat)c), C,
                           fold, k, mindf, target, &ch[c]))
            return 1;
    if (oofpath && write_batch_oof(s, x, n, C, mindf, oofpath))
        return 1;

    FILE *out = fopen(outpath, "w");
    if (!out) {
        fprintf(stderr, "coach-train: cannot write '%s'\n", outpath);
        return 1;
    }
    char date[32];
    time_t now = time(NULL);
    strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", gmtime(&now));
    char cost_opt[32] = "";
    if (fixed_c)
        snprintf(cost_opt, sizeof cost_opt, "-C %g ", best_C);
    fprintf(out,
            "# data/coach/model.txt - the draft coach's learned model "
            "(src/nlp/coach_model.h).\n"
            "#\n"
            "# Made by tools/coach-train (liblinear %d, L2-regularised "
            "logistic regression,\n"
            "# one against the rest per category, C=%g, features in at "
            "least %d drafts)\n"
            "# on %s from the %zu development drafts of tests/data/drafts/\n"
            "# (every split but the held-out ones:%s):\n"
            "#\n"
            "#   make build/tools/coach-train\n"
            "#   build/tools/coach-train %s-k %d -p %g -m %d -o "
            "data/coach/model.txt \\\n"
            "#       tests/data/drafts/*/*.txt\n"
            "#\n"
            "# %s chosen by %d-fold cross-validation "
            "within them: each\n"
            "# threshold is the lowest at which the out-of-fold flags reach "
            "precision %g.\n"
            "# Out-of-fold precision and recall at that threshold:\n"
            "#\n",
            LIBLINEAR_VERSION, best_C, mindf, date, n, heldout, cost_opt, k,
            target, mindf,
            fixed_c ? "C was given; the thresholds were"
                    : "C and the thresholds were",
            k, target);
    printf("\nC=%g\n%-18s %9s %6s %6s %4s %4s %4s\n", C, "category",
           "threshold", "cv-p", "cv-r", "tp", "fp", "fn");
    for (int c = 0; c < NLP_COACH_NCATS; c++) {
        if (!modelled(c))
            continue;
        const choice *o = &ch[c];
        double p = o->tp + o->fp ? (double)o->tp / (o->tp + o->fp) : 0,
               r = o->labelled ? (double)o->tp / o->labelled : 0;
        const char *cat = nlp_coach_cat_name((nlp_coach_cat)c);
        printf("%-18s %9.2f %6.2f %6.2f %4d %4d %4d\n", cat, o->threshold, p, r,
               o->tp, o->fp, o->labelled - o->tp);
        fprintf(out,
                "#   %-18s threshold %.2f  precision %.2f  recall %.2f "
                "(%d of %d)\n",
                cat, o->threshold, p, r, o->tp, o->labelled);
    }
    fprintf(out, "#\n# Format: see data/coach/README.md.\n\n");

    /* The models kept: trained on every draft. */
    double *wt =
        calloc((size_t)NLP_COACH_FEAT_DIM * NLP_COACH_NCATS, sizeof *wt);
    double *y = malloc(n * sizeof *y), bias[NLP_COACH_NCATS] = {0};
    int *use = malloc(n * sizeof *use);
    if (!wt || !y || !use)
        return 1;
    for (size_t i = 0; i < n; i++)
        use[i] = 1;
    for (int c = 0; c < NLP_COACH_NCATS; c++) {
        const char *cat = nlp_coach_cat_name((nlp_coach_cat)c);
        if (!modelled(c))
            continue;
        for (size_t i = 0; i < n; i++)
            y[i] =
                !strcmp(s[i].label, cat) || has(s[i].also, cat, ',') ? 1 : -1;
        struct model *md = fit(s, y, use, n, C, mindf);
        if (!md)
            return 1;
        int li = md->label[0] == 1 ? 0 : 1;
        for (int j = 1; j <= (int)NLP_COACH_FEAT_DIM; j++)
            wt[(size_t)(j - 1) * NLP_COACH_NCATS + (size_t)c] =
                get_decfun_coef(md, j, li);
        bias[c] = get_decfun_bias(md, li);
        free_and_destroy_model(&md);
        fprintf(out, "category %s bias %.6f threshold %.2f\n", cat, bias[c],
                ch[c].threshold);
    }
    fprintf(out, "\n");
    size_t kept = 0;
    for (uint32_t j = 0; j < NLP_COACH_FEAT_DIM; j++) {
        const double *r = wt + (size_t)j * NLP_COACH_NCATS;
        int any = 0;
        for (int c = 0; c < NLP_COACH_NCATS; c++)
            any = any || (modelled(c) && fabs(r[c]) >= 5e-5);
        if (!any)
            continue;
        kept++;
        fprintf(out, "w %u", (unsigned)j);
        for (int c = 0; c < NLP_COACH_NCATS; c++)
            if (modelled(c))
                put_weight(out, r[c]);
        fprintf(out, "\n");
    }
    if (fclose(out)) {
        fprintf(stderr, "coach-train: cannot write '%s'\n", outpath);
        return 1;
    }
    printf("coach-train: %zu drafts, %zu weighted features -> %s\n", n, kept,
           outpath);
    free_rows(x, n);
    free(fold);
    free(wt);
    free(y);
    free(use);
    for (size_t i = 0; i < n; i++)
        free(s[i].f);
    free(s);
    return 0;
}
