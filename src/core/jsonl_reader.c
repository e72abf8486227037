/* jsonl_reader.c - JSON Lines parsed on a second thread; see jsonl_reader.h.
 *
 * The reader hands lines over in batches through a short ring, so the two
 * threads meet once per few hundred lines, and the ring's length bounds the
 * memory held by objects parsed but not yet stored. */
#include "core/jsonl_reader.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

enum { BATCH = 256, RING = 8 };

struct batch {
    size_t n;
    jsonl_item v[BATCH];
};

struct jsonl_reader {
    FILE *in;
    const char *name;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t can_put, can_get;
    struct batch *ring[RING]; /* filled batches, oldest at head */
    size_t head, count;
    struct batch *spent[RING + 1]; /* handed out, for the reader to free */
    size_t nspent;
    bool done, stop; /* the reader has finished; the caller wants it to */
    long lines;
    rp_err fail;       /* why the reader finished early, if it did */
    struct batch *cur; /* the caller's batch being handed out */
    size_t pos;
};

static void
free_batch(struct batch *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++)
        json_decref(b->v[i].obj);
    free(b);
}

/* Queues a filled batch and frees those the caller is done with: every
 * object is freed by the thread that made it, since a free from the
 * other thread cost more than the parse saved.  False when the caller
 * has asked the reader to stop (the batch is freed then). */
static bool
put(jsonl_reader *r, struct batch *b)
{
    struct batch *spent[RING + 1];
    size_t nspent;
    pthread_mutex_lock(&r->mu);
    while (r->count == RING && !r->stop)
        pthread_cond_wait(&r->can_put, &r->mu);
    bool ok = !r->stop;
    if (ok) {
        r->ring[(r->head + r->count) % RING] = b;
        r->count++;
        pthread_cond_signal(&r->can_get);
    }
    nspent = r->nspent;
    memcpy(spent, r->spent, nspent * sizeof *spent);
    r->nspent = 0;
    pthread_mutex_unlock(&r->mu);
    for (size_t i = 0; i < nspent; i++)
        free_batch(spent[i]);
    if (!ok)
        free_batch(b);
    return ok;
}

static void
finish(jsonl_reader *r, long lines, const rp_err *fail)
{
    pthread_mutex_lock(&r->mu);
    r->lines = lines;
    if (fail)
        r->fail = *fail;
    r->done = true;
    pthread_cond_signal(&r->can_get);
    pthread_mutex_unlock(&r->mu);
}

static void *
read_all(void *arg)
{
    jsonl_reader *r = arg;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long lines = 0, bytes = 0;
    rp_err fail = {0};
    struct batch *b = NULL;
    while ((len = getline(&line, &cap, r->in)) >= 0) {
        lines++;
        bytes += len;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        if (!b) {
            if (!(b = malloc(sizeof *b))) {
                rp_fail(&fail, RP_ENOMEM, "out of memory");
                break;
            }
            b->n = 0;
        }
        json_error_t jerr;
        json_t *obj =
            json_loadb(line, (size_t)len, JSON_REJECT_DUPLICATES, &jerr);
        if (!obj || !json_is_object(obj)) {
            rp_fail(&fail, RP_EINVAL, "%s:%ld: not a JSON object: %s", r->name,
                    lines, obj ? "found another JSON value" : jerr.text);
            json_decref(obj);
            break;
        }
        b->v[b->n++] = (jsonl_item){obj, lines, bytes};
        if (b->n == BATCH) {
            struct batch *full = b;
            b = NULL;
            if (!put(r, full))
                goto out;
            continue;
        }
    }
    if (!fail.code && ferror(r->in))
        rp_fail(&fail, RP_EIO, "cannot read '%s'", r->name);
    if (b && b->n) {
        struct batch *last = b;
        b = NULL;
        if (!put(r, last))
            goto out;
    }
out:
    free(b);
    free(line);
    finish(r, lines, fail.code ? &fail : NULL);
    return NULL;
}

rp_code
jsonl_reader_start(FILE *in, const char *name, jsonl_reader **out, rp_err *err)
{
    jsonl_reader *r = calloc(1, sizeof *r);
    *out = NULL;
    if (!r)
        return rp_fail(err, RP_ENOMEM, "out of memory");
    r->in = in;
    r->name = name;
    pthread_mutex_init(&r->mu, NULL);
    pthread_cond_init(&r->can_put, NULL);
    pthread_cond_init(&r->can_get, NULL);
    /* jansson seeds its hash function on first use; do it here, once,
     * rather than racing the other thread to it. */
    json_object_seed(0);
    if (pthread_create(&r->thread, NULL, read_all, r) != 0) {
        pthread_cond_destroy(&r->can_get);
        pthread_cond_destroy(&r->can_put);
        pthread_mutex_destroy(&r->mu);
        free(r);
        return rp_fail(err, RP_ENOMEM, "cannot start a reader thread");
    }
    *out = r;
    return RP_OK;
}

rp_code
jsonl_reader_next(jsonl_reader *r, jsonl_item *it, bool *have, rp_err *err)
{
    *have = false;
    for (;;) {
        if (r->cur && r->pos < r->cur->n) {
            *it = r->cur->v[r->pos++];
            *have = true;
            return RP_OK;
        }
        pthread_mutex_lock(&r->mu);
        if (r->cur && !r->done && r->nspent < RING + 1)
            r->spent[r->nspent++] = r->cur;
        else
            free_batch(r->cur); /* the reader has gone (or cannot keep up) */
        r->cur = NULL;
        r->pos = 0;
        while (!r->count && !r->done)
            pthread_cond_wait(&r->can_get, &r->mu);
        if (r->count) {
            r->cur = r->ring[r->head];
            r->head = (r->head + 1) % RING;
            r->count--;
            pthread_cond_signal(&r->can_put);
        }
        bool end = !r->cur;
        pthread_mutex_unlock(&r->mu);
        if (end) {
            if (r->fail.code)
                return rp_fail(err, r->fail.code, "%s", r->fail.msg);
            return RP_OK;
        }
    }
}

long
jsonl_reader_lines(jsonl_reader *r)
{
    pthread_mutex_lock(&r->mu);
    long n = r->lines;
    pthread_mutex_unlock(&r->mu);
    return n;
}

void
jsonl_reader_stop(jsonl_reader *r)
{
    if (!r)
        return;
    pthread_mutex_lock(&r->mu);
    r->stop = true;
    pthread_cond_signal(&r->can_put);
    pthread_mutex_unlock(&r->mu);
    pthread_join(r->thread, NULL);
    free_batch(r->cur);
    for (size_t i = 0; i < r->count; i++)
        free_batch(r->ring[(r->head + i) % RING]);
    for (size_t i = 0; i < r->nspent; i++)
        free_batch(r->spent[i]);
    pthread_cond_destroy(&r->can_get);
    pthread_cond_destroy(&r->can_put);
    pthread_mutex_destroy(&r->mu);
    free(r);
}
