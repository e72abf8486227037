/* linesrc.c - lines from a file or a buffer; see linesrc.h. */
#include "ingest/linesrc.h"

#include <string.h>

enum { CHUNK = 65536 };

void
linesrc_init(linesrc *s, FILE *f, const char *data, size_t len, size_t cap)
{
    memset(s, 0, sizeof *s);
    s->f = f;
    s->data = data;
    s->len = len;
    s->cap = cap;
    rp_buf_init(&s->line, 0);
}

void
linesrc_release(linesrc *s)
{
    if (!s)
        return;
    rp_free(s->chunk);
    s->chunk = NULL;
    rp_buf_release(&s->line);
}

/* Buffer mode: the line is a slice of the buffer, cut to the cap. */
static rp_code
next_in_buffer(linesrc *s, const char **line, size_t *n, bool *cut)
{
    if (s->off >= s->len) {
        *line = NULL;
        return RP_OK;
    }
    const char *p = s->data + s->off;
    const char *nl = memchr(p, '\n', s->len - s->off);
    size_t full = nl ? (size_t)(nl - p) + 1 : s->len - s->off;
    s->off += full;
    s->done += full;
    s->lineno++;
    *line = p;
    *n = full > s->cap ? s->cap : full;
    *cut = full > s->cap;
    return RP_OK;
}

/* File mode: gathers the line from chunks, keeping at most cap bytes. */
static rp_code
next_in_file(linesrc *s, const char **line, size_t *n, bool *cut)
{
    bool any = false;
    *cut = false;
    rp_buf_reset(&s->line);
    if (!s->chunk && !(s->chunk = rp_malloc(CHUNK)))
        return RP_ENOMEM;
    for (;;) {
        if (s->cpos == s->clen) {
            if (s->eof)
                break;
            s->clen = fread(s->chunk, 1, CHUNK, s->f);
            s->cpos = 0;
            if (s->clen < CHUNK) {
                if (ferror(s->f))
                    return RP_EIO;
                s->eof = true;
            }
            if (!s->clen)
                break;
        }
        const char *p = s->chunk + s->cpos;
        const char *nl = memchr(p, '\n', s->clen - s->cpos);
        size_t take = nl ? (size_t)(nl - p) + 1 : s->clen - s->cpos;
        size_t room = s->line.len < s->cap ? s->cap - s->line.len : 0;
        if (take > room)
            *cut = true;
        if (rp_buf_add(&s->line, p, take < room ? take : room))
            return RP_ENOMEM;
        s->cpos += take;
        s->done += take;
        any = true;
        if (nl)
            break;
    }
    if (!any) {
        *line = NULL;
        return RP_OK;
    }
    s->lineno++;
    *line = s->line.buf;
    *n = s->line.len;
    return RP_OK;
}

bool
linesrc_is_utf16(const char *line, size_t n)
{
    return n >= 2 && ((line[0] == '\xff' && line[1] == '\xfe') ||
                      (line[0] == '\xfe' && line[1] == '\xff'));
}

void
linesrc_skip_bom(const char **line, size_t *n)
{
    if (*n >= 3 && !memcmp(*line, "\xef\xbb\xbf", 3)) {
        *line += 3;
        *n -= 3;
    }
}

rp_code
linesrc_next(linesrc *s, const char **line, size_t *n, bool *cut)
{
    *n = 0;
    *cut = false;
    return s->f ? next_in_file(s, line, n, cut)
                : next_in_buffer(s, line, n, cut);
}
