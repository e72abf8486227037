/*
 * fuzz_vcf.c - any bytes fed to the vCard reader must end in contacts or
 * a clean error, never a crash; every string handed out must be UTF-8 and
 * every birthday one of the two promised forms, and every phone must
 * reduce to digits.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/phone.h"
#include "ingest/contact.h"
#include "ingest/vcf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check(const char *s)
{
    if (s && !contact_is_utf8(s, strlen(s)))
        abort();
}

/* A phone's E.164 parts are digits only, the country code 1 to 3 of
 * them, whatever the text and the region. */
static void
check_phone(const char *s)
{
    static const char *const regions[] = {NULL, "44", "1", "39"};
    for (size_t r = 0; r < 4; r++) {
        rp_phone ph;
        if (!rp_phone_parse(s, regions[r], &ph))
            continue;
        size_t cc = strlen(ph.cc), n = strlen(ph.nsn);
        if (cc > 3 || n < 7 || strspn(ph.cc, "0123456789") != cc ||
            strspn(ph.nsn, "0123456789") != n)
            abort();
    }
}

static rp_code
on_contact(void *ud, const ingest_contact *c)
{
    (void)ud;
    check(c->name);
    check(c->org);
    check(c->title);
    check(c->notes);
    for (size_t i = 0; i < c->nemails; i++)
        check(c->emails[i]);
    for (size_t i = 0; i < c->nphones; i++) {
        check(c->phones[i]);
        check_phone(c->phones[i]);
    }
    for (size_t i = 0; i < c->ntags; i++)
        check(c->tags[i]);
    if (c->birthday) {
        size_t n = strlen(c->birthday);
        if (n != 10 && n != 7)
            abort();
    }
    return RP_OK;
}

static void
on_problem(void *ud, const char *file, long pos, const char *why)
{
    (void)ud;
    (void)file;
    if (pos < 0 || !why || !*why)
        abort(); /* every problem says where and why */
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ingest_hooks h = {on_problem, NULL, NULL};
    rp_err err = {0};
    rp_code rc = ingest_vcf_buffer((const char *)data, size, "fuzz.vcf",
                                   on_contact, NULL, &h, &err);
    if (rc != RP_OK && !err.msg[0])
        abort(); /* every failure says why */
    return 0;
}
