/* rp.c - status codes, error messages and the allocation wrapper. */
#include "rp.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Counted atomically: the JSON Lines reader allocates on its own thread.
 * The failure settings are changed by tests only, with no thread running. */
static atomic_long alloc_count;
static long fail_at;
static bool fail_persistent;

/* True when the allocation being made now must fail (tests only). */
static bool
should_fail(void)
{
    long n =
        atomic_fetch_add_explicit(&alloc_count, 1, memory_order_relaxed) + 1;
    if (fail_at <= 0)
        return false;
    if (n == fail_at)
        return true;
    return fail_persistent && n > fail_at;
}

long
rp_malloc_fail_at(long n, bool persistent)
{
    long made = atomic_exchange(&alloc_count, 0);
    fail_at = n;
    fail_persistent = persistent;
    return made;
}

void *
rp_malloc(size_t n)
{
    if (should_fail())
        return NULL;
    return malloc(n ? n : 1);
}

void *
rp_calloc(size_t count, size_t n)
{
    if (should_fail())
        return NULL;
    return calloc(count ? count : 1, n ? n : 1);
}

void *
rp_realloc(void *p, size_t n)
{
    if (should_fail())
        return NULL;
    return realloc(p, n ? n : 1);
}

rp_code
rp_grow(void **v, size_t *cap, size_t n, size_t elem, size_t first)
{
    if (n < *cap)
        return RP_OK;
    size_t ncap = *cap ? *cap * 2 : first;
    if (ncap < n + 1)
        ncap = n + 1;
    if (ncap > SIZE_MAX / elem)
        return RP_ENOMEM;
    void *nv = rp_realloc(*v, ncap * elem);
    if (!nv)
        return RP_ENOMEM;
    *v = nv;
    *cap = ncap;
    return RP_OK;
}

char *
rp_strndup(const char *s, size_t n)
{
    char *d = rp_malloc(n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *
rp_strdup(const char *s)
{
    return s ? rp_strndup(s, strlen(s)) : NULL;
}

void
rp_free(void *p)
{
    free(p);
}

rp_code
rp_fail(rp_err *err, rp_code code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        err->code = code;
    }
    return code;
}

void
rp_err_clear(rp_err *err)
{
    if (err) {
        err->code = RP_OK;
        err->msg[0] = '\0';
    }
}

const char *
rp_code_name(rp_code code)
{
    static const char *const names[RP_ELAST] = {
        [RP_OK] = "ok",
        [RP_ENOMEM] = "out of memory",
        [RP_EIO] = "i/o error",
        [RP_EINVAL] = "invalid input",
        [RP_ENOTFOUND] = "not found",
        [RP_ECONFLICT] = "conflict",
        [RP_EAMBIGUOUS] = "ambiguous",
        [RP_ESTORE] = "database error",
        [RP_EEXISTS] = "already exists",
    };
    if ((int)code < 0 || code >= RP_ELAST)
        return "unknown error";
    return names[code];
}
