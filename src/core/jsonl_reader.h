/*
 * jsonl_reader.h - JSON Lines parsed on a second thread.
 *
 * Parsing a large export took as long as storing it: the reader reads and
 * parses lines on its own thread while the caller stores the objects it
 * has already been handed, in file order.  Blank lines and lines starting
 * with '#' are passed over (but counted).  A line that is not JSON stops
 * the reader; the caller learns of it only after every earlier line, so
 * the first bad line of the file is the one reported.
 */
#ifndef RP_JSONL_READER_H
#define RP_JSONL_READER_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "base/rp.h"

typedef struct jsonl_reader jsonl_reader;

typedef struct jsonl_item {
    json_t *obj; /* a JSON object, the reader's: valid until the next call */
    long line;   /* its line number, from 1 */
    long bytes;  /* bytes of the input read up to the end of its line */
} jsonl_item;

/* Starts reading in (named name in messages: "name:line: ...").  in must
 * not have been read from (a pipe is read through its descriptor), nor be
 * touched by anyone else until jsonl_reader_stop. */
rp_code jsonl_reader_start(FILE *in, const char *name, jsonl_reader **out,
                           rp_err *err);

/* The next object in file order: *have is false at the end of the input.
 * A line that is not a JSON object, or a read error, is returned as an
 * error once every line before it has been handed out. */
rp_code jsonl_reader_next(jsonl_reader *r, jsonl_item *it, bool *have,
                          rp_err *err);

/* Lines read so far (all of them once next has said the end). */
long jsonl_reader_lines(jsonl_reader *r);

/* Stops the thread, whether or not the input was read to its end, and
 * frees everything still unclaimed.  NULL is ignored. */
void jsonl_reader_stop(jsonl_reader *r);

#endif
