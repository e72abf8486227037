/*
 * contact_check.h - what every contact reader promises, checked by the
 * vCard and CSV fuzz targets alike: strings are UTF-8, a birthday is
 * "YYYY-MM-DD" or "--MM-DD", a phone's E.164 parts are digits, and every
 * problem says where and why.  A broken promise aborts, which libFuzzer
 * reports as a crash.  Included by one fuzz target each, so its functions
 * are static.
 */
#ifndef RP_FUZZ_CONTACT_CHECK_H
#define RP_FUZZ_CONTACT_CHECK_H

#include <stdlib.h>
#include <string.h>

#include "base/phone.h"
#include "ingest/contact.h"
#include "ingest/records.h"

static void
check_utf8(const char *s)
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
    for (size_t r = 0; r < sizeof regions / sizeof *regions; r++) {
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
check_contact(void *ud, const ingest_contact *c)
{
    (void)ud;
    check_utf8(c->name);
    check_utf8(c->org);
    check_utf8(c->title);
    check_utf8(c->notes);
    check_utf8(c->how_met);
    for (size_t i = 0; i < c->nemails; i++)
        check_utf8(c->emails[i]);
    for (size_t i = 0; i < c->nphones; i++) {
        check_utf8(c->phones[i]);
        check_phone(c->phones[i]);
    }
    for (size_t i = 0; i < c->ntags; i++)
        check_utf8(c->tags[i]);
    if (c->birthday) {
        size_t n = strlen(c->birthday);
        if (n != 10 && n != 7)
            abort();
    }
    return RP_OK;
}

static void
check_problem(void *ud, const char *file, long pos, const char *why)
{
    (void)ud;
    (void)file;
    if (pos < 0 || !why || !*why)
        abort();
}

#endif
