/*
 * linesrc.h - physical lines from a file or a memory buffer, for the
 * line-based contact formats (vCard, CSV).  Streams: a file is read in
 * 64 KB chunks and only the current line is held, so memory does not grow
 * with the file.  A line longer than the cap given to linesrc_init is cut
 * at the cap (the rest is read and dropped) and flagged, so one enormous
 * inline photo costs no memory.
 *
 * Lines are returned with their terminator ("\n", "\r\n" or none at the
 * end of the input); the pointer is valid until the next call.
 */
#ifndef RP_INGEST_LINESRC_H
#define RP_INGEST_LINESRC_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "base/buf.h"

typedef struct {
    FILE *f;          /* file mode when set, else buffer mode */
    const char *data; /* buffer mode */
    size_t len, off;
    char *chunk; /* file mode read buffer */
    size_t clen, cpos;
    rp_buf line;   /* file mode: the current line */
    size_t cap;    /* longest line kept */
    uint64_t done; /* bytes consumed so far */
    long lineno;   /* number of the line last returned, from 1 */
    bool eof;
} linesrc;

/* Reads f (not closed by linesrc) or, when f is NULL, data[0..len). */
void linesrc_init(linesrc *s, FILE *f, const char *data, size_t len,
                  size_t cap);
void linesrc_release(linesrc *s);

/*
 * The next line in *line (*n bytes); *cut when it was longer than the cap.
 * RP_OK with *line NULL at the end; RP_EIO on a read error; RP_ENOMEM.
 */
rp_code linesrc_next(linesrc *s, const char **line, size_t *n, bool *cut);

/* True when a file's first line starts with a UTF-16 byte order mark:
 * text the contact readers cannot take as it is. */
bool linesrc_is_utf16(const char *line, size_t n);

/* Skips a UTF-8 byte order mark at the start of a file's first line. */
void linesrc_skip_bom(const char **line, size_t *n);

#endif
