/*
 * buf.h - a growable string buffer.
 *
 * Invariants, after RP_BUF_INIT or rp_buf_init and after every call:
 *   - buf is never NULL (it may point at a shared empty string while
 *     alloc is 0, so never write through it before an append);
 *   - buf[len] == '\0';
 *   - when max is non-zero, len never exceeds max: an append that would
 *     pass it fails with RP_ENOMEM and leaves the buffer unchanged.
 * rp_buf_detach() is the only way to take the memory out; the caller then
 * owns it and frees it with rp_free().  rp_buf_release() frees the contents
 * and re-initialises the buffer (keeping max); it accepts a released buffer.
 */
#ifndef RP_BUF_H
#define RP_BUF_H

#include "rp.h"

typedef struct {
    char *buf;
    size_t len;
    size_t alloc;
    size_t max;
} rp_buf;

extern char rp_buf_empty[];
/* clang-format off */
#define RP_BUF_INIT {rp_buf_empty, 0, 0, 0}
/* clang-format on */

void rp_buf_init(rp_buf *b, size_t max);
void rp_buf_release(rp_buf *b);
/* Makes room for extra more bytes; RP_ENOMEM on failure or past max. */
rp_code rp_buf_grow(rp_buf *b, size_t extra);
rp_code rp_buf_add(rp_buf *b, const void *data, size_t n);
rp_code rp_buf_adds(rp_buf *b, const char *s);
rp_code rp_buf_addc(rp_buf *b, char c);
rp_code rp_buf_addf(rp_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
rp_code rp_buf_vaddf(rp_buf *b, const char *fmt, va_list ap);
void rp_buf_reset(rp_buf *b); /* len = 0, memory kept */
/* Returns the string (never NULL, caller frees) and re-inits b. */
char *rp_buf_detach(rp_buf *b, size_t *len);

#endif
