/*
 * coach_model.h - the draft coach's learned model: one logistic
 * regression per category over the hashed features of coach_features.h.
 *
 * tools/coach-train.c trains it with liblinear on the dev drafts and
 * writes data/coach/model.txt; scripts/embed-model compiles that file into
 * const tables (mk/coach.mk), so scoring is a dot product and rapport needs
 * neither liblinear nor a data file at run time.
 *
 * A draft's probability for category c is
 *
 *     1 / (1 + exp(-(bias[c] + sum over its features f of w[f][c] / sqrt(n))))
 *
 * where n is how many distinct features the draft has (the draft's
 * binary feature vector scaled to unit length, as in training).  Pure;
 * everything here is read-only.
 */
#ifndef NLP_COACH_MODEL_H
#define NLP_COACH_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nlp/coach.h"

typedef struct {
    const uint32_t *feat; /* feature ids, ascending */
    const float *w;       /* nfeat rows of NLP_COACH_NCATS weights */
    size_t nfeat;
    bool has[NLP_COACH_NCATS]; /* the category has a model */
    double bias[NLP_COACH_NCATS];
    double threshold[NLP_COACH_NCATS]; /* flag at or above this */
} nlp_coach_model;

/* The model compiled in from data/coach/model.txt. */
extern const nlp_coach_model nlp_coach_builtin_model;

/* The probability that a draft with features f (n ids, sorted and unique)
 * has problem c; 0 when the model has no weights for c. */
double nlp_coach_model_prob(const nlp_coach_model *m, nlp_coach_cat c,
                            const uint32_t *f, size_t n);

/* The raw weight sum of features f (n ids, sorted) for c: which sentence
 * of a draft speaks most for c. */
double nlp_coach_model_sum(const nlp_coach_model *m, nlp_coach_cat c,
                           const uint32_t *f, size_t n);

#endif
