/*
 * file.h - reading a whole small file into memory, for the tools and
 * benches that walk a folder of test texts (the CLI reads its inputs with
 * its own limits and messages).
 */
#ifndef RP_FILE_H
#define RP_FILE_H

#include <stddef.h>

/* The file's bytes and a terminating NUL, in memory from rp_malloc (free
 * with rp_free); *len is set without the NUL.  NULL when the file cannot
 * be opened or read (errno says why) or memory runs out. */
char *rp_file_read(const char *path, size_t *len);

#endif
