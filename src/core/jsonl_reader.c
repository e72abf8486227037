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

/* The memory jansson allocates while the reader parses a batch: a chain
 * of blocks, handed out in order and released together with the batch.
 * Allocation took 40% of the parse, and the objects of a batch all die at
 * once anyway. */
struct block {
    struct block *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
};

enum { BLOCK_SIZE = 256 * 1024 };

struct batch {
    size_t n;
    struct block *blocks; /* newest first */
    jsonl_item v[BATCH];
};

/* The batch the calling thread is parsing into: set on the reader thread
 * only, around json_loadb; everywhere else jansson gets malloc and free. */
static _Thread_local struct batch *parsing;

static void *
batch_alloc(size_t n)
{
    struct batch *b = parsing;
    if (!b)
        return rp_malloc(n);
    n = (n + 15) & ~(size_t)15;
    struct block *k = b->blocks;
    if (!k || k->size - k->used < n) {
        size_t size = n > BLOCK_SIZE / 4 ? n : BLOCK_SIZE;
        if (!(k = rp_malloc(sizeof *k + size)))
            return NULL;
        k->size = size;
        k->used = 0;
        /* A block made for one large allocation goes behind the current
         * one, which still has room for small ones. */
        if (size > BLOCK_SIZE && b->blocks) {
            k->next = b->blocks->next;
            b->blocks->next = k;
        } else {
            k->next = b->blocks;
            b->blocks = k;
        }
    }
    void *p = k->data + k->used;
    k->used += n;
    return p;
}

/* True when p lies in one of b's blocks. */
static bool
in_batch(const struct batch *b, const void *p)
{
    for (const struct block *k = b->blocks; k; k = k->next)
        if ((const unsigned char *)p >= k->data &&
            (const unsigned char *)p < k->data + k->size)
            return true;
    return false;
}

static void
batch_free(void *p)
{
    if (!p)
        return;
    if (parsing && in_batch(parsing, p))
        return; /* released with its batch */
    rp_free(p);
}

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
    /* The objects live in the blocks: no json_decref needed or wanted. */
    for (struct block *k = b->blocks, *next; k; k = next) {
        next = k->next;
        rp_free(k);
    }
    rp_free(b);
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
            if (!(b = rp_malloc(sizeof *b))) {
                rp_fail(&fail, RP_ENOMEM, "out of memory");
                break;
            }
            b->n = 0;
            b->blocks = NULL;
        }
        json_error_t jerr;
        parsing = b;
        json_t *obj =
            json_loadb(line, (size_t)len, JSON_REJECT_DUPLICATES, &jerr);
        parsing = NULL;
        if (!obj || !json_is_object(obj)) {
            /* A value that is not an object lives in b's blocks too. */
            rp_fail(&fail, RP_EINVAL, "%s:%ld: not a JSON object: %s", r->name,
                    lines, obj ? "found another JSON value" : jerr.text);
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
    free_batch(b);
    rp_free(line);
    finish(r, lines, fail.code ? &fail : NULL);
    return NULL;
}

rp_code
jsonl_reader_start(FILE *in, const char *name, jsonl_reader **out, rp_err *err)
{
    jsonl_reader *r = rp_calloc(1, sizeof *r);
    *out = NULL;
    if (!r)
        return rp_fail(err, RP_ENOMEM, "out of memory");
    r->in = in;
    r->name = name;
    pthread_mutex_init(&r->mu, NULL);
    pthread_cond_init(&r->can_put, NULL);
    pthread_cond_init(&r->can_get, NULL);
    /* jansson seeds its hash function on first use; do it here, once,
     * rather than racing the other thread to it.  Its allocator is
     * process-wide: batch_alloc and batch_free pass every call made
     * outside a parse on the reader thread straight to malloc and free,
     * so objects made before or elsewhere are unaffected. */
    json_object_seed(0);
    json_set_alloc_funcs(batch_alloc, batch_free);
    if (pthread_create(&r->thread, NULL, read_all, r) != 0) {
        pthread_cond_destroy(&r->can_get);
        pthread_cond_destroy(&r->can_put);
        pthread_mutex_destroy(&r->mu);
        rp_free(r);
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
    rp_free(r);
}
