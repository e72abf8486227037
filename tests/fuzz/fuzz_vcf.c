/*
 * fuzz_vcf.c - any bytes fed to the vCard reader must end in contacts or
 * a clean error, never a crash, and every contact must keep the promises
 * contact_check.h lists.
 */
#include <stdint.h>

#include "contact_check.h"
#include "ingest/vcf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ingest_hooks h = {check_problem, NULL, NULL};
    rp_err err = {0};
    rp_code rc = ingest_vcf_buffer((const char *)data, size, "fuzz.vcf",
                                   check_contact, NULL, &h, &err);
    if (rc != RP_OK && !err.msg[0])
        abort(); /* every failure says why */
    return 0;
}
