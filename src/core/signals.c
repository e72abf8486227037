/* signals.c - initiative and reply latency from threads; see signals.h. */
#include "core/signals.h"

#include <stdlib.h>
#include <string.h>

static int
cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* The median of v (sorted in place); -1 for none.  An even count takes
 * the lower middle: a latency that was actually observed. */
static int64_t
median(int64_t *v, int n)
{
    if (n == 0)
        return -1;
    qsort(v, (size_t)n, sizeof *v, cmp_i64);
    return v[(n - 1) / 2];
}

rp_code
signals_compute(rp_arena *a, const rp_thread_msg *m, size_t n, signals *out)
{
    memset(out, 0, sizeof *out);
    out->reply_them_median = out->reply_me_median = -1;
    if (n == 0)
        return RP_OK;
    int64_t *them = rp_arena_alloc(a, n * sizeof *them);
    int64_t *me = rp_arena_alloc(a, n * sizeof *me);
    if (!them || !me)
        return RP_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        bool first = i == 0 || strcmp(m[i].thread, m[i - 1].thread) != 0;
        if (first) {
            out->threads++;
            if (m[i].out)
                out->started_by_me++;
            else
                out->started_by_them++;
            continue;
        }
        if (m[i].out == m[i - 1].out)
            continue;
        int64_t dt = m[i].at - m[i - 1].at;
        if (dt < 0 || dt > SIGNALS_REPLY_MAX)
            continue;
        if (m[i].out)
            me[out->replies_me++] = dt;
        else
            them[out->replies_them++] = dt;
    }
    out->reply_them_median = median(them, out->replies_them);
    out->reply_me_median = median(me, out->replies_me);
    return RP_OK;
}
