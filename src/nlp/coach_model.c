/*
 * coach_model.c - scores a draft's hashed features with the coach's
 * learned model; see coach_model.h.
 */
#include <math.h>

#include "nlp/coach_model.h"

/* Row of feature id in m, or -1: a binary search over the sorted ids. */
static long
find(const nlp_coach_model *m, uint32_t id)
{
    size_t lo = 0, hi = m->nfeat;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->feat[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < m->nfeat && m->feat[lo] == id ? (long)lo : -1;
}

double
nlp_coach_model_sum(const nlp_coach_model *m, nlp_coach_cat c,
                    const uint32_t *f, size_t n)
{
    double s = 0;
    if (c >= NLP_COACH_NCATS || !m->has[c])
        return 0;
    for (size_t i = 0; i < n; i++) {
        long r = find(m, f[i]);
        if (r >= 0)
            s += m->w[(size_t)r * NLP_COACH_NCATS + c];
    }
    return s;
}

double
nlp_coach_model_prob(const nlp_coach_model *m, nlp_coach_cat c,
                     const uint32_t *f, size_t n)
{
    if (c >= NLP_COACH_NCATS || !m->has[c])
        return 0;
    double z = m->bias[c];
    if (n)
        z += nlp_coach_model_sum(m, c, f, n) / sqrt((double)n);
    return 1 / (1 + exp(-z));
}
