/*
 * fuzz_mail.c - any bytes read as a mail message (and, when they start
 * like an mbox, as an mbox file) must end in records or skipped-message
 * reports, never a crash; and every record must keep the promises of
 * records.h: a sender address, an id and a thread, a date, and strings
 * that are valid UTF-8 (the store and the JSON export rely on it).
 */
#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/mailparse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_text(const char *what, const char *s)
{
    if (s && !g_utf8_validate(s, -1, NULL)) {
        fprintf(stderr, "fuzz_mail: %s is not UTF-8: '%s'\n", what, s);
        abort();
    }
}

static void
check_addr(const ingest_addr *a)
{
    if (!a->email || !*a->email)
        abort(); /* addresses without one are dropped, not passed on */
    check_text("a display name", a->name);
    check_text("an address", a->email);
}

static rp_code
on_message(void *ud, const ingest_message *m)
{
    long *n = ud;
    (*n)++;
    if (!m->message_id || !*m->message_id || !m->thread || !*m->thread ||
        !m->source)
        abort();
    check_addr(&m->from);
    for (size_t i = 0; i < m->nto; i++)
        check_addr(&m->to[i]);
    for (size_t i = 0; i < m->ncc; i++)
        check_addr(&m->cc[i]);
    check_text("the subject", m->subject);
    check_text("the body", m->body);
    check_text("the Message-ID", m->message_id);
    check_text("the thread", m->thread);
    return RP_OK;
}

static void
on_problem(void *ud, const char *file, long pos, const char *why)
{
    long *n = ud;
    if (!file || pos < 0 || !why || !*why)
        abort(); /* every skip says where and why */
    (*n)++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    long messages = 0, problems = 0;
    ingest_hooks hooks = {on_problem, NULL, &problems};
    rp_err err = {0};
    rp_code rc = ingest_mail_buffer((const char *)data, size, "fuzz.eml",
                                    on_message, &messages, &hooks, &err);
    if (rc != RP_OK || messages + problems != 1)
        abort(); /* one message in, one record or one report out */
    if (size < 5 || memcmp(data, "From ", 5))
        return 0;
    /* The mbox reader streams from a file and restarts the parser after
     * a broken message; give it the bytes as a file. */
    char path[] = "/tmp/rapport-fuzz-mbox-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        abort();
    if (write(fd, data, size) != (ssize_t)size)
        abort();
    close(fd);
    messages = problems = 0;
    rc = ingest_mail_path(path, on_message, &messages, &hooks, &err);
    unlink(path);
    if (rc != RP_OK || messages + problems < 1)
        abort();
    return 0;
}
