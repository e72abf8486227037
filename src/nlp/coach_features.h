/*
 * coach_features.h - hashed text features of a draft for the coach's
 * learned model (coach_model.h) and for its trainer (tools/coach-train.c).
 *
 * A draft is cut up as the coach cuts it (header block, quotes, forwards
 * and signature left out), and each sentence gives:
 *
 *   u:STEM          each word, lower-cased and stemmed with Snowball's
 *                   English stemmer ("hiring" -> "u:hire"); a capitalised
 *                   word inside a sentence (a name, most often) reads as
 *                   "<name>", a word starting with a digit as "<num>";
 *   b:STEM STEM     each pair of neighbouring words, "^" standing before
 *                   the first word ("b:^ trust");
 *   s:SHAPE         a few shapes of the sentence: "s:you_subj" (the reader
 *                   as the subject: "you'll", "if you ..."), "s:i_future"
 *                   (the sender's plan: "I'll", "we will", "let me"),
 *                   "s:question", "s:imperative" (opens with what looks
 *                   like a bare verb: "Trust me", "Lock yours in"),
 *                   "s:exclaim", "s:caps" (a word in capitals).
 *
 * Each feature string is hashed (32-bit FNV-1a, folded) into
 * [0, NLP_COACH_FEAT_DIM), so a model is a flat table of weights and no
 * vocabulary is stored.  The hash is part of the model's format: changing
 * it, the strings above or the stemmer means retraining.
 *
 * Pure: no I/O; any bytes are accepted.
 */
#ifndef NLP_COACH_FEATURES_H
#define NLP_COACH_FEATURES_H

#include <stddef.h>
#include <stdint.h>

#include "base/rp.h"

#define NLP_COACH_FEAT_BITS 16
#define NLP_COACH_FEAT_DIM ((uint32_t)1 << NLP_COACH_FEAT_BITS)

/* The feature id of the feature string s (n bytes). */
uint32_t nlp_coach_feat_hash(const char *s, size_t n);

/* The features of a draft, sentence by sentence. */
typedef struct {
    uint32_t *f;   /* sentence i's ids, sorted and unique:
                    * f[first[i] .. first[i + 1]) */
    size_t *first; /* nsent + 1 entries */
    size_t *start; /* sentence i's bytes in the text: [start, end) */
    size_t *end;
    size_t nsent;
    uint32_t *all; /* the draft's ids, sorted and unique */
    size_t nall;
} nlp_coach_feats;

/*
 * Fills *out with the features of the draft text (len bytes; text may be
 * NULL when len is 0).  The caller releases *out with
 * nlp_coach_feats_release() whatever the result.  RP_OK or RP_ENOMEM.
 */
rp_code nlp_coach_features(const char *text, size_t len, nlp_coach_feats *out);

void nlp_coach_feats_release(nlp_coach_feats *f);

#endif
