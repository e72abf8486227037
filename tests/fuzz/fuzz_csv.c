/*
 * fuzz_csv.c - any bytes fed to the CSV contact reader, with or without a
 * column map, must end in contacts or a clean error, never a crash; every
 * string handed out must be UTF-8 and every phone reduce to digits.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/phone.h"
#include "ingest/contact.h"
#include "ingest/csvbook.h"

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
    check(c->how_met);
    for (size_t i = 0; i < c->nemails; i++)
        check(c->emails[i]);
    for (size_t i = 0; i < c->nphones; i++) {
        check(c->phones[i]);
        check_phone(c->phones[i]);
    }
    for (size_t i = 0; i < c->ntags; i++)
        check(c->tags[i]);
    return RP_OK;
}

static void
on_problem(void *ud, const char *file, long pos, const char *why)
{
    (void)ud;
    (void)file;
    if (pos < 0 || !why || !*why)
        abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char map[] = "name=Full Name,email=E-mail,phone=Mobile,"
                              "tags=Group,birthday=Birthday";
    ingest_hooks h = {on_problem, NULL, NULL};
    rp_err err = {0};
    /* The first byte picks detection or the map, so both paths run. */
    const char *m = size && (data[0] & 1) ? map : NULL;
    rp_code rc = ingest_csv_buffer((const char *)data, size, "fuzz.csv", m,
                                   on_contact, NULL, &h, &err);
    if (rc != RP_OK && !err.msg[0])
        abort(); /* every failure says why */
    return 0;
}
