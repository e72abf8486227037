/* arena.c - chunked bump allocator; see arena.h for the ownership rules. */
#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct chunk {
    struct chunk *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

struct rp_arena {
    struct chunk *head;
    size_t total;
};

enum { CHUNK_MIN = 16 * 1024 };

rp_arena *
rp_arena_new(void)
{
    return rp_calloc(1, sizeof(rp_arena));
}

void
rp_arena_free(rp_arena *a)
{
    if (!a)
        return;
    struct chunk *c = a->head;
    while (c) {
        struct chunk *next = c->next;
        rp_free(c);
        c = next;
    }
    rp_free(a);
}

void *
rp_arena_alloc(rp_arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (n == 0)
        n = 16;
    struct chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        /* Large requests get a chunk of their own so small ones keep
         * filling the current chunk instead of wasting its tail. */
        size_t size = n > CHUNK_MIN / 4 ? n : CHUNK_MIN;
        struct chunk *nc = rp_malloc(sizeof *nc + size);
        if (!nc)
            return NULL;
        nc->size = size;
        nc->used = 0;
        if (c && size != CHUNK_MIN) {
            nc->next = c->next;
            c->next = nc;
        } else {
            nc->next = c;
            a->head = nc;
        }
        c = nc;
    }
    void *p = c->data + c->used;
    c->used += n;
    a->total += n;
    memset(p, 0, n);
    return p;
}

char *
rp_arena_strndup(rp_arena *a, const char *s, size_t n)
{
    if (!s)
        return NULL;
    char *d = rp_arena_alloc(a, n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *
rp_arena_strdup(rp_arena *a, const char *s)
{
    return s ? rp_arena_strndup(a, s, strlen(s)) : NULL;
}

char *
rp_arena_printf(rp_arena *a, const char *fmt, ...)
{
    va_list ap, cp;
    va_start(ap, fmt);
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    char *d = n < 0 ? NULL : rp_arena_alloc(a, (size_t)n + 1);
    if (d)
        vsnprintf(d, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return d;
}

rp_code
rp_arena_grow(rp_arena *a, void **v, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return RP_OK;
    size_t ncap = *cap ? *cap * 2 : 16;
    if (ncap > SIZE_MAX / elem)
        return RP_ENOMEM;
    void *nv = rp_arena_alloc(a, ncap * elem);
    if (!nv)
        return RP_ENOMEM;
    if (n)
        memcpy(nv, *v, n * elem);
    *v = nv;
    *cap = ncap;
    return RP_OK;
}

size_t
rp_arena_used(const rp_arena *a)
{
    return a ? a->total : 0;
}
