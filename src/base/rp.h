/*
 * rp.h - the status codes, error struct and allocation wrapper shared by
 * every layer of rapport.
 *
 * A function that can fail returns an rp_code (RP_OK is zero) and takes an
 * optional rp_err * as its last parameter.  rp_err is caller-owned storage;
 * nothing in rapport ever frees it, and a NULL rp_err is always allowed.
 *
 * All heap allocation goes through rp_malloc/rp_calloc/rp_realloc/rp_strdup
 * so that tests have one place to inject allocation failures.
 */
#ifndef RP_H
#define RP_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    RP_OK = 0,     /* success */
    RP_ENOMEM,     /* an allocation failed or a bounded buffer is full */
    RP_EIO,        /* a file could not be read or written */
    RP_EINVAL,     /* the input is malformed: bad date, bad field, bad line */
    RP_ENOTFOUND,  /* the named person, org or record does not exist */
    RP_ECONFLICT,  /* the write would duplicate something unique */
    RP_EAMBIGUOUS, /* a name matches more than one record */
    RP_ESTORE,     /* the database failed: locked, corrupt, read-only */
    RP_EEXISTS,    /* a record with that id exists already; nothing written */
    RP_ELAST
} rp_code;

typedef struct {
    rp_code code;
    char msg[512];
} rp_err;

/* Sets err (when not NULL) to code and the formatted message; returns code. */
rp_code rp_fail(rp_err *err, rp_code code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A short, stable name for a code: "ok", "no memory", "not found"... */
const char *rp_code_name(rp_code code);

/* Resets err to RP_OK with an empty message; NULL is allowed. */
void rp_err_clear(rp_err *err);

void *rp_malloc(size_t n);
void *rp_calloc(size_t count, size_t n);
void *rp_realloc(void *p, size_t n);
char *rp_strdup(const char *s);
char *rp_strndup(const char *s, size_t n);
void rp_free(void *p);

/*
 * Room for element n of the heap array *v (elem bytes each, *cap of them
 * allocated): when n == *cap the array doubles, or starts at first.  On
 * RP_ENOMEM *v and *cap are as they were.
 */
rp_code rp_grow(void **v, size_t *cap, size_t n, size_t elem, size_t first);

/*
 * Fault injection for tests: the n-th allocation from now fails (n >= 1).
 * When persistent, every allocation after it fails too.  n = 0 disables.
 * Returns the number of allocations made since the last call.
 */
long rp_malloc_fail_at(long n, bool persistent);

#endif
