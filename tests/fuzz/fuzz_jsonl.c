/*
 * fuzz_jsonl.c - any bytes fed to the JSON Lines import must end in a
 * clean result or a clean error, never a crash, and a failed import must
 * leave the book as it was.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/transfer.h"
#include "store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static store *st;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!st) {
        char path[] = "/tmp/rapport-fuzz-XXXXXX";
        int fd = mkstemp(path);
        if (fd < 0)
            abort();
        close(fd);
        unlink(path); /* store_open creates it */
        if (store_open(path, STORE_CREATE, &st, NULL) != RP_OK)
            abort();
    }
    rp_counts before, after;
    if (st->ops->counts(st, &before, NULL) != RP_OK)
        abort();
    FILE *f = fmemopen((void *)data, size ? size : 1, "r");
    if (!f)
        return 0;
    if (!size)
        fgetc(f); /* an empty stream */
    transfer_stats s;
    rp_err err = {0};
    rp_code rc = transfer_import(st, f, "fuzz.jsonl", NULL, NULL, &s, &err);
    fclose(f);
    if (st->ops->counts(st, &after, NULL) != RP_OK)
        abort();
    if (rc != RP_OK) {
        if (!err.msg[0])
            abort(); /* every failure says why */
        if (memcmp(&before, &after, sizeof before))
            abort(); /* and changes nothing */
    }
    return 0;
}
