/*
 * fdlines.h - lines read from a pipe or terminal, in a way another thread
 * can interrupt.
 *
 * getline() on a pipe blocks until the writer sends a line or closes it,
 * so a reader thread told to stop (an import that failed on a bad record)
 * could not be joined until then: `... | rapport import -` waited for its
 * input to end.  Here the wait is a poll() on the input and on a wake-up
 * pipe, and fdlines_wake() ends it.
 */
#ifndef RP_FDLINES_H
#define RP_FDLINES_H

#include <stddef.h>
#include <sys/types.h>

#include "base/rp.h"

typedef struct fdlines fdlines;

/* Reads from fd (not closed here); NULL when out of memory or without a
 * wake-up pipe. */
fdlines *fdlines_new(int fd);

/* The next line, its newline included when it had one, in *line (valid
 * until the next call; writable); its length, 0 at the end of input, -1
 * on a read error (errno set), -2 once woken. */
ssize_t fdlines_next(fdlines *f, char **line);

/* Whether fdlines_next would return without waiting for the writer. */
int fdlines_ready(fdlines *f);

/* Ends the current wait and every later one: fdlines_next returns -2
 * instead of reading on (lines already buffered are still returned);
 * callable from any thread. */
void fdlines_wake(fdlines *f);

void fdlines_free(fdlines *f);

#endif
