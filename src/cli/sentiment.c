/*
 * sentiment.c - `rapport sentiment [FILE|-] [--lines] [--email] [--json]`:
 * VADER scores for a text, or for each of its lines.
 */
#include <string.h>

#include "cli/commands.h"
#include "nlp/emailtext.h"
#include "nlp/sentiment.h"

#define SENTIMENT_MAX_INPUT ((size_t)64 << 20)

/* One result: "neg 0.000 neu 0.508 pos 0.492 compound 0.4404", or the
 * same as one JSON object on one line (line > 0 adds its number). */
static void
print_scores(cli_ctx *ctx, const nlp_sentiment *s, size_t line)
{
    if (ctx->json) {
        fputc('{', ctx->out);
        if (line)
            fprintf(ctx->out, "\"line\":%zu,", line);
        fprintf(ctx->out,
                "\"neg\":%.3f,\"neu\":%.3f,\"pos\":%.3f,\"compound\":%.4f}\n",
                s->neg, s->neu, s->pos, s->compound);
    } else {
        if (line)
            fprintf(ctx->out, "%zu: ", line);
        fprintf(ctx->out, "neg %.3f neu %.3f pos %.3f compound %.4f\n", s->neg,
                s->neu, s->pos, s->compound);
    }
}

/* With --email, a whole message may come in: skip its header block when
 * the first line looks like a header ("Name: value"). */
static size_t
skip_headers(const char *t, size_t len)
{
    size_t i = 0;
    while (i < len && ((t[i] >= 'A' && t[i] <= 'Z') ||
                       (t[i] >= 'a' && t[i] <= 'z') || t[i] == '-'))
        i++;
    if (i == 0 || i >= len || t[i] != ':')
        return 0;
    for (size_t p = 0; p + 1 < len; p++) {
        if (t[p] != '\n')
            continue;
        if (t[p + 1] == '\n')
            return p + 2;
        if (t[p + 1] == '\r' && p + 2 < len && t[p + 2] == '\n')
            return p + 3;
    }
    return len;
}

int
cli_sentiment(cli_ctx *ctx)
{
    static const char *const usage[] = {
        "rapport sentiment [FILE|-] [--lines] [--email] [--json]", NULL};
    bool lines = false, email = false;
    const struct cli_opt opts[] = {
        CLI_BOOL("lines", &lines, "score each line on its own"),
        CLI_BOOL("email", &email,
                 "score only the sender's words: drop headers, quotes, "
                 "forwards and signatures"),
        CLI_END()};
    char **pos, *data = NULL, *body = NULL;
    size_t len = 0;
    int npos, rc;
    rp_err err = {0};
    nlp_sentiment s;

    if ((rc = cli_parse(ctx, usage, opts, &pos, &npos)))
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (npos > 1)
        return cli_usage_error(ctx, "sentiment takes at most one FILE");
    if ((rc = cli_read_input(ctx, npos ? pos[0] : "-", SENTIMENT_MAX_INPUT,
                             &data, &len)))
        return rc;
    if (email) {
        size_t h = skip_headers(data, len);
        if (nlp_email_strip(data + h, len - h, &body, &len, &err) != RP_OK)
            return cli_error(ctx, &err);
        data = body;
    }
    if (!lines) {
        nlp_sentiment_score(data, len, &s);
        print_scores(ctx, &s, 0);
    } else {
        size_t n = 0;
        for (size_t p = 0; p < len;) {
            const char *nl = memchr(data + p, '\n', len - p);
            size_t e = nl ? (size_t)(nl - data) : len;
            nlp_sentiment_score(data + p, e - p, &s);
            print_scores(ctx, &s, ++n);
            p = e + 1;
        }
    }
    rp_free(body);
    return CLI_OK;
}
