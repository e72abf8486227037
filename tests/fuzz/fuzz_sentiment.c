/*
 * fuzz_sentiment.c - libFuzzer target: tokenizing, sentence splitting,
 * email stripping and VADER scoring must not crash or misbehave on any
 * bytes, and their outputs must keep their invariants.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "nlp/emailtext.h"
#include "nlp/sentiment.h"
#include "nlp/tokenize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_spans(const nlp_span *s, size_t n, size_t size)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i].start >= s[i].end || s[i].end > size ||
            (i && s[i - 1].end > s[i].start))
            abort();
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    nlp_span spans[256];
    nlp_sentiment s;

    nlp_sentiment_score(text, size, &s);
    if (!(s.neg >= 0 && s.neg <= 1 && s.neu >= 0 && s.neu <= 1 && s.pos >= 0 &&
          s.pos <= 1 && s.compound >= -1 && s.compound <= 1))
        abort();
    if (s.neg + s.neu + s.pos != 0 && fabs(s.neg + s.neu + s.pos - 1) > 0.01)
        abort();

    size_t n = nlp_words(text, size, spans, 256);
    check_spans(spans, n < 256 ? n : 256, size);
    n = nlp_sentences(text, size, spans, 256);
    check_spans(spans, n < 256 ? n : 256, size);
    for (size_t i = 0; i < n && i < 256; i++)
        nlp_sentiment_score(text + spans[i].start,
                            spans[i].end - spans[i].start, &s);

    n = nlp_email_spans(text, size, spans, 256);
    check_spans(spans, n < 256 ? n : 256, size);
    char *out = NULL;
    size_t len = 0;
    if (nlp_email_strip(text, size, &out, &len, NULL) == RP_OK)
        rp_free(out);
    return 0;
}
