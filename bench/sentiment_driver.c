/*
 * sentiment_driver.c - rapport's side of bench/sentiment-parity.
 *
 *   sentiment_driver score FILE        one input per line -> neg neu pos
 * compound sentiment_driver truth FILE        "id TAB mean TAB text" -> mean
 * TAB compound sentiment_driver speed FILE        time scoring every line,
 * single thread: "lines TAB bytes TAB seconds" sentiment_driver sentences
 * FILE... each RFC 5322 message's body, stripped of quotes and signatures, one
 * sentence per line (line breaks become spaces, which VADER reads the same way)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/rp.h"
#include "nlp/emailtext.h"
#include "nlp/sentiment.h"
#include "nlp/tokenize.h"

static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *data = NULL;
    size_t n = 0, cap = 0, got;
    if (!f) {
        fprintf(stderr, "sentiment_driver: cannot open '%s'\n", path);
        exit(1);
    }
    do {
        if (cap - n < 65536) {
            cap = cap ? 2 * cap : 1 << 20;
            data = rp_realloc(data, cap);
            if (!data)
                exit(1);
        }
        got = fread(data + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    fclose(f);
    *len = n;
    return data;
}

static void
print_scores(const nlp_sentiment *s)
{
    printf("%.3f\t%.3f\t%.3f\t%.4f\n", s->neg, s->neu, s->pos, s->compound);
}

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Decodes quoted-printable in place (RFC 2045 section 6.7); returns the new
 * length.  Soft line breaks go; a malformed "=" stays as it is. */
static size_t
qp_decode(char *s, size_t len)
{
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '=') {
            s[o++] = s[i];
        } else if (i + 1 < len && s[i + 1] == '\n') {
            i += 1;
        } else if (i + 2 < len && s[i + 1] == '\r' && s[i + 2] == '\n') {
            i += 2;
        } else if (i + 2 < len && hexval(s[i + 1]) >= 0 &&
                   hexval(s[i + 2]) >= 0) {
            s[o++] = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
            i += 2;
        } else {
            s[o++] = s[i];
        }
    }
    return o;
}

/* True when the header block [0, n) says the body is quoted-printable. */
static bool
is_qp(const char *h, size_t n)
{
    static const char want[] = "quoted-printable";
    for (size_t i = 0; i + sizeof want - 1 <= n; i++)
        if (!strncasecmp(h + i, want, sizeof want - 1))
            return true;
    return false;
}

/* Prints each sentence of one message's body on its own line; the body
 * is stripped of quotes and signatures first when strip is set. */
static void
message_sentences(char *msg, size_t len, bool strip)
{
    size_t b = 0;
    /* The body starts after the first empty line (LF or CRLF). */
    for (size_t i = 0; i + 1 < len; i++) {
        if (msg[i] == '\n' &&
            (msg[i + 1] == '\n' ||
             (msg[i + 1] == '\r' && i + 2 < len && msg[i + 2] == '\n'))) {
            b = i + (msg[i + 1] == '\n' ? 2 : 3);
            break;
        }
    }
    char *body = NULL;
    size_t blen = 0;
    if (is_qp(msg, b))
        len = b + qp_decode(msg + b, len - b);
    if (!strip) {
        body = rp_strndup(msg + b, len - b);
        blen = len - b;
    } else if (nlp_email_strip(msg + b, len - b, &body, &blen, NULL) != RP_OK) {
        exit(1);
    }
    if (!body)
        exit(1);
    nlp_cursor c;
    nlp_span s;
    nlp_cursor_init(&c, body, blen);
    while (nlp_next_sentence(&c, &s)) {
        for (size_t i = s.start; i < s.end; i++)
            putchar(body[i] == '\n' || body[i] == '\r' ? ' ' : body[i]);
        putchar('\n');
    }
    rp_free(body);
}

int
main(int argc, char **argv)
{
    size_t len;
    if (argc < 3) {
        fprintf(stderr, "usage: sentiment_driver score|truth|speed|sentences "
                        "FILE...\n");
        return 2;
    }
    if (!strcmp(argv[1], "sentences") || !strcmp(argv[1], "raw-sentences")) {
        for (int i = 2; i < argc; i++) {
            char *m = slurp(argv[i], &len);
            message_sentences(m, len, argv[1][0] == 's');
            rp_free(m);
        }
        return 0;
    }
    char *data = slurp(argv[2], &len);
    nlp_sentiment s;
    if (!strcmp(argv[1], "score") || !strcmp(argv[1], "truth")) {
        bool truth = argv[1][0] == 't';
        for (size_t p = 0; p < len;) {
            char *nl = memchr(data + p, '\n', len - p);
            size_t e = nl ? (size_t)(nl - data) : len;
            if (truth) {
                char *t1 = memchr(data + p, '\t', e - p);
                char *t2 =
                    t1 ? memchr(t1 + 1, '\t', (size_t)(data + e - t1 - 1))
                       : NULL;
                if (t2) {
                    nlp_sentiment_score(t2 + 1, (size_t)(data + e - t2 - 1),
                                        &s);
                    printf("%.*s\t%.4f\n", (int)(t2 - t1 - 1), t1 + 1,
                           s.compound);
                }
            } else {
                nlp_sentiment_score(data + p, e - p, &s);
                print_scores(&s);
            }
            p = e + 1;
        }
    } else if (!strcmp(argv[1], "speed")) {
        size_t lines = 0, bytes = 0, reps = 0;
        double t0 = now(), t;
        volatile double sink = 0;
        do {
            for (size_t p = 0; p < len;) {
                char *nl = memchr(data + p, '\n', len - p);
                size_t e = nl ? (size_t)(nl - data) : len;
                nlp_sentiment_score(data + p, e - p, &s);
                sink += s.compound;
                lines++;
                p = e + 1;
            }
            bytes += len;
            reps++;
            t = now() - t0;
        } while (t < 2.0);
        printf("%zu\t%zu\t%.6f\n", lines, bytes, t);
    } else {
        fprintf(stderr, "sentiment_driver: unknown mode '%s'\n", argv[1]);
        return 2;
    }
    rp_free(data);
    return 0;
}
