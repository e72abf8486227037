/*
 * arena.h - a region allocator: many small allocations, one free.
 *
 * Each CLI command and each HTTP request gets one arena; store queries
 * allocate their results in it.  Memory from an arena lives until
 * rp_arena_free() on that arena; nothing allocated in it is freed alone.
 * Allocations are aligned for any type.  rp_arena_free(NULL) does nothing.
 * Functions return NULL only when memory runs out.
 */
#ifndef RP_ARENA_H
#define RP_ARENA_H

#include "rp.h"

typedef struct rp_arena rp_arena;

rp_arena *rp_arena_new(void);
void rp_arena_free(rp_arena *a);
void *rp_arena_alloc(rp_arena *a, size_t n);       /* zero-filled */
char *rp_arena_strdup(rp_arena *a, const char *s); /* NULL in, NULL out */
char *rp_arena_strndup(rp_arena *a, const char *s, size_t n);
char *rp_arena_printf(rp_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Room for element n of the array *v (elem bytes each, *cap of them) in a:
 * when n == *cap it is copied to a block twice the size (or of 16).  The
 * old block stays in the arena.  RP_ENOMEM leaves *v and *cap as they were. */
rp_code rp_arena_grow(rp_arena *a, void **v, size_t *cap, size_t n,
                      size_t elem);
/* Bytes handed out so far (for tests and benchmarks, and to renew an arena
 * that has grown large). */
size_t rp_arena_used(const rp_arena *a);

#endif
