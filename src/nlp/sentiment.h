/*
 * sentiment.h - VADER sentiment scores for a piece of text.
 *
 * An implementation of VADER (Hutto, C.J. & Gilbert, E.E., "VADER: A
 * Parsimonious Rule-based Model for Sentiment Analysis of Social Media
 * Text", ICWSM 2014) that gives the same numbers as the npm package
 * vader-sentiment@1.1.3, quirks included (see bench/README.md, "Sentiment").
 * The lexicon is compiled in (lexicon.h).  Pure: no I/O, no allocation, no
 * mutable state, so it is safe to call from any number of threads.
 *
 * VADER scores one sentence at a time; for longer text, split it with
 * nlp_next_sentence() (tokenize.h) and score each sentence.
 */
#ifndef NLP_SENTIMENT_H
#define NLP_SENTIMENT_H

#include <stddef.h>

/*
 * neg, neu and pos are the shares of the text's weight that read negative,
 * neutral and positive, rounded to 3 decimals (they add up to about 1, or
 * are all 0 for text without words).  compound is the normalised sum of
 * valences in [-1, 1], rounded to 4 decimals: above 0.05 reads positive,
 * below -0.05 negative.  Rounding is JavaScript's toFixed (half away from
 * zero on the exact binary value), so the numbers equal the peer's.
 */
typedef struct {
    double neg, neu, pos, compound;
} nlp_sentiment;

/*
 * Scores text (len bytes of UTF-8, need not be NUL-terminated) into *out.
 * A NUL byte is an ordinary character; invalid UTF-8 reads as U+FFFD, as
 * node's decoder reads it, so the scores equal the peer's on the decoded
 * string.  text may be NULL when len is 0.  Never fails.
 */
void nlp_sentiment_score(const char *text, size_t len, nlp_sentiment *out);

/*
 * Rounds x to digits decimals the way JavaScript's
 * parseFloat(x.toFixed(digits)) does: the nearest multiple of 10^-digits to
 * the exact value of x, ties away from zero.  For 0 <= digits <= 8 and
 * |x| < 1e6.  Exposed for the tests.
 */
double nlp_sentiment_round(double x, int digits);

#endif
