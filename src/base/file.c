/* file.c - whole-file reads; see file.h. */
#include "base/file.h"

#include <errno.h>
#include <stdio.h>

#include "base/rp.h"

char *
rp_file_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    if (!f)
        return NULL;
    do {
        if (n + 4096 + 1 > cap) {
            size_t ncap = cap ? cap * 2 : 8192;
            char *p = rp_realloc(buf, ncap);
            if (!p) {
                rp_free(buf);
                fclose(f);
                errno = ENOMEM;
                return NULL;
            }
            buf = p;
            cap = ncap;
        }
        got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
    } while (got > 0);
    if (ferror(f)) {
        int e = errno;
        rp_free(buf);
        fclose(f);
        errno = e ? e : EIO;
        return NULL;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}
