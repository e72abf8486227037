/* buf.c - growable string buffer; invariants are listed in buf.h. */
#include "buf.h"

#include <stdio.h>
#include <string.h>

char rp_buf_empty[1];

void
rp_buf_init(rp_buf *b, size_t max)
{
    b->buf = rp_buf_empty;
    b->len = 0;
    b->alloc = 0;
    b->max = max;
}

void
rp_buf_release(rp_buf *b)
{
    if (!b)
        return;
    if (b->alloc)
        rp_free(b->buf);
    rp_buf_init(b, b->max);
}

rp_code
rp_buf_grow(rp_buf *b, size_t extra)
{
    size_t want = b->len + extra + 1;
    if (want < b->len || (b->max && b->len + extra > b->max))
        return RP_ENOMEM;
    if (want <= b->alloc)
        return RP_OK;
    size_t n = b->alloc ? b->alloc : 64;
    while (n < want)
        n *= 2;
    char *p = rp_realloc(b->alloc ? b->buf : NULL, n);
    if (!p)
        return RP_ENOMEM;
    if (!b->alloc)
        p[0] = '\0';
    b->buf = p;
    b->alloc = n;
    return RP_OK;
}

rp_code
rp_buf_add(rp_buf *b, const void *data, size_t n)
{
    if (rp_buf_grow(b, n))
        return RP_ENOMEM;
    if (n) /* data may be NULL when there is nothing to add */
        memcpy(b->buf + b->len, data, n);
    b->len += n;
    b->buf[b->len] = '\0';
    return RP_OK;
}

rp_code
rp_buf_adds(rp_buf *b, const char *s)
{
    return rp_buf_add(b, s, strlen(s));
}

rp_code
rp_buf_addc(rp_buf *b, char c)
{
    return rp_buf_add(b, &c, 1);
}

rp_code
rp_buf_vaddf(rp_buf *b, const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n < 0)
        return RP_EINVAL;
    if (rp_buf_grow(b, (size_t)n))
        return RP_ENOMEM;
    vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return RP_OK;
}

rp_code
rp_buf_addf(rp_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rp_code rc = rp_buf_vaddf(b, fmt, ap);
    va_end(ap);
    return rc;
}

void
rp_buf_reset(rp_buf *b)
{
    b->len = 0;
    if (b->alloc)
        b->buf[0] = '\0';
}

char *
rp_buf_detach(rp_buf *b, size_t *len)
{
    char *s;
    if (len)
        *len = b->len;
    if (b->alloc)
        s = b->buf;
    else
        s = rp_strdup("");
    rp_buf_init(b, b->max);
    return s;
}
