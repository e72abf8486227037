/* jsonl_reader.c - JSON Lines parsed on a second thread; see jsonl_reader.h.
 *
 * The reader hands lines over in batches through a short ring, so the two
 * threads meet once per few hundred lines.  A batch ends at BATCH lines or
 * BATCH_BYTES of parsed memory, whichever comes first, so the ring bounds
 * the memory held by objects parsed but not yet stored (about RING *
 * BATCH_BYTES, plus any one line larger than that) whatever the lines'
 * size: counting lines alone, a file of 1 MB mail bodies held 878 MB. */
#include "core/jsonl_reader.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "core/fdlines.h"

enum { BATCH = 256, RING = 8, BATCH_BYTES = 1024 * 1024 };

/* The memory jansson allocates while the reader parses a batch: a chain
 * of blocks, handed out in order and released together with the batch.
 * Allocation took 40% of the parse, and the objects of a batch all die at
 * once anyway. */
struct block {
    struct block *next;
    size_t used, size;
    bool alone; /* made for one large allocation, freed when it is */
    _Alignas(16) unsigned char data[];
};

enum { BLOCK_SIZE = 256 * 1024 };

struct batch {
    size_t n;
    size_t bytes;         /* in blocks */
    struct block *blocks; /* newest first */
    jsonl_item v[BATCH];
};

/* The batch the calling thread is parsing into: set on the reader thread
 * only, around json_loadb; everywhere else jansson gets malloc and free. */
static _Thread_local struct batch *parsing;
/* Set when batch_alloc could not get memory during the current parse, so
 * that the failure is reported as such and not as bad JSON. */
static _Thread_local bool parse_ran_out;

static void *
batch_alloc(size_t n)
{
    struct batch *b = parsing;
    if (!b)
        return rp_malloc(n);
    n = (n + 15) & ~(size_t)15;
    struct block *k = b->blocks;
    if (!k || k->size - k->used < n) {
        bool alone = n > BLOCK_SIZE / 4;
        size_t size = alone ? n : BLOCK_SIZE;
        if (!(k = rp_malloc(sizeof *k + size))) {
            parse_ran_out = true;
            return NULL;
        }
        k->size = size;
        k->used = 0;
        k->alone = alone;
        b->bytes += size;
        /* A block made for one large allocation goes behind the current
         * one, which still has room for small ones. */
        if (alone && b->blocks) {
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

/* Small pieces are released with their batch; a large one (a growing
 * string buffer, a long body) goes back at once, or a line of a few
 * megabytes would hold several times its size. */
static void
batch_free(void *p)
{
    if (!p)
        return;
    if (!parsing) {
        rp_free(p);
        return;
    }
    for (struct block **kp = &parsing->blocks; *kp; kp = &(*kp)->next) {
        struct block *k = *kp;
        if ((unsigned char *)p < k->data ||
            (unsigned char *)p >= k->data + k->size)
            continue;
        if (k->alone && p == k->data) {
            *kp = k->next;
            parsing->bytes -= k->size;
            rp_free(k);
        }
        return;
    }
    rp_free(p);
}

struct jsonl_reader {
    FILE *in;
    fdlines *fl; /* reads a pipe or terminal so that stop can wake it */
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
    bool read_error = false;
    for (;;) {
        if (r->fl) {
            /* Lines that came in slowly are handed over before waiting
             * for more: a bad one must not wait for the next 256. */
            if (b && b->n && !fdlines_ready(r->fl)) {
                struct batch *part = b;
                b = NULL;
                if (!put(r, part))
                    goto out;
            }
            len = fdlines_next(r->fl, &line);
            if (len == -1)
                read_error = true;
            if (len <= 0)
                break; /* the end, an error, or woken to stop */
        } else if ((len = getline(&line, &cap, r->in)) < 0) {
            read_error = ferror(r->in) != 0;
            break;
        }
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
            b->bytes = 0;
            b->blocks = NULL;
        }
        json_error_t jerr;
        parsing = b;
        parse_ran_out = false;
        json_t *obj =
            json_loadb(line, (size_t)len, JSON_REJECT_DUPLICATES, &jerr);
        parsing = NULL;
        if (!obj && parse_ran_out) {
            rp_fail(&fail, RP_ENOMEM, "%s:%ld: out of memory", r->name, lines);
            break;
        }
        if (!obj || !json_is_object(obj)) {
            /* A value that is not an object lives in b's blocks too. */
            rp_fail(&fail, RP_EINVAL, "%s:%ld: not a JSON object: %s", r->name,
                    lines, obj ? "found another JSON value" : jerr.text);
            break;
        }
        b->v[b->n++] = (jsonl_item){obj, lines, bytes};
        if (b->n == BATCH || b->bytes >= BATCH_BYTES) {
            struct batch *full = b;
            b = NULL;
            if (!put(r, full))
                goto out;
            continue;
        }
    }
    if (!fail.code && read_error)
        rp_fail(&fail, RP_EIO, "cannot read '%s'", r->name);
    if (b && b->n) {
        struct batch *last = b;
        b = NULL;
        if (!put(r, last))
            goto out;
    }
out:
    free_batch(b);
    if (!r->fl)
        rp_free(line); /* getline's; fdlines keeps its own */
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
    /* A pipe or a terminal is read through fdlines, which stop can wake;
     * a regular file never blocks for long. */
    struct stat sb;
    int fd = fileno(in);
    if (fd >= 0 && fstat(fd, &sb) == 0 && !S_ISREG(sb.st_mode) &&
        !(r->fl = fdlines_new(fd))) {
        rp_free(r);
        return rp_fail(err, RP_ENOMEM, "cannot read '%s': out of resources",
                       name);
    }
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
        fdlines_free(r->fl);
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
    if (r->fl)
        fdlines_wake(r->fl); /* it may be waiting for input */
    pthread_join(r->thread, NULL);
    fdlines_free(r->fl);
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
