/*
 * fuzz_ics.c - any bytes read as a calendar must end in records that keep
 * the promises of records.h and ics.h, or a clean error; never a crash, a
 * hang or a leak.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ics.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The import window: 2026-01-01 to 2026-12-31. */
#define FROM 1767225600
#define TO 1798761599

struct count {
    size_t records;
};

static rp_code
check_event(void *ud, const ingest_event *e)
{
    struct count *c = ud;
    if (!e->uid || !*e->uid || !e->source)
        abort();
    if (e->nattendees && !e->attendees)
        abort();
    for (size_t i = 0; i < e->nattendees; i++)
        if (!e->attendees[i].email || !strchr(e->attendees[i].email, '@'))
            abort();
    if (e->organizer.name && !e->organizer.email)
        abort();
    /* Each event yields at most ICS_MAX_INSTANCES records; an input of
     * at most 64 KiB holds fewer than 2,000 events. */
    if (++c->records > (size_t)ICS_MAX_INSTANCES * 2000)
        abort();
    return RP_OK;
}

static void
check_problem(void *ud, const char *file, long pos, const char *why)
{
    (void)ud;
    if (!file || pos < 0 || !why || !*why)
        abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct count c = {0};
    ingest_hooks h = {check_problem, NULL, NULL};
    rp_err err = {0};
    rp_code rc = ingest_ics_buffer((const char *)data, size, "fuzz.ics", FROM,
                                   TO, check_event, &c, &h, &err);
    if (rc != RP_OK && (rc != RP_EINVAL || !err.msg[0]))
        abort(); /* only "not iCalendar" may fail, and it says why */
    return 0;
}
