/*
 * fuzz_csv.c - any bytes fed to the CSV contact reader, with or without a
 * column map, must end in contacts or a clean error, never a crash, and
 * every contact must keep the promises contact_check.h lists.
 */
#include <stdint.h>

#include "contact_check.h"
#include "ingest/csvbook.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char map[] = "name=Full Name,email=E-mail,phone=Mobile,"
                              "tags=Group,birthday=Birthday";
    ingest_hooks h = {check_problem, NULL, NULL};
    rp_err err = {0};
    /* The first byte picks detection or the map, so both paths run. */
    const char *m = size && (data[0] & 1) ? map : NULL;
    rp_code rc = ingest_csv_buffer((const char *)data, size, "fuzz.csv", m,
                                   check_contact, NULL, &h, &err);
    if (rc != RP_OK && !err.msg[0])
        abort(); /* every failure says why */
    return 0;
}
