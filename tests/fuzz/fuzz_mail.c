/*
 * fuzz_mail.c - any bytes read as a mail message (and, when they start
 * like an mbox, as an mbox file) must end in records or skipped-message
 * reports, never a crash.  Every record must keep the promises of
 * records.h (a sender address, an id and a thread, strings that are
 * valid UTF-8, which the store and the JSON output rely on), and intake
 * must accept it: one record intake refused would stop a whole import.
 */
#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/intake.h"
#include "ingest/mailparse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static store *st;

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

struct run {
    intake *in;
    long messages, problems;
};

static rp_code
on_message(void *ud, const ingest_message *m)
{
    struct run *r = ud;
    r->messages++;
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
    rp_err err = {0};
    if (intake_message_add(r->in, m, &err) != RP_OK) {
        fprintf(stderr, "fuzz_mail: intake refused a message: %s\n", err.msg);
        abort();
    }
    return RP_OK;
}

static void
on_problem(void *ud, const char *file, long pos, const char *why)
{
    struct run *r = ud;
    if (!file || pos < 0 || !why || !*why)
        abort(); /* every skip says where and why */
    r->problems++;
}

/* A book with the user in it, so direction is worked out too; each input
 * is filed in a transaction that is rolled back, so the book stays
 * small. */
static void
open_book(void)
{
    char path[] = "/tmp/rapport-fuzz-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        abort();
    close(fd);
    unlink(path); /* store_open creates it */
    if (store_open(path, STORE_CREATE, &st, NULL) != RP_OK)
        abort();
    const char *mine[] = {"sam@me.example"};
    rp_person me = {.name = "Sam", .is_me = true, .emails = {mine, 1}};
    if (st->ops->person_add(st, &me, NULL) != RP_OK)
        abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct run r = {0};
    ingest_hooks hooks = {on_problem, NULL, &r};
    rp_err err = {0};
    if (!st)
        open_book();
    if (st->ops->begin(st, &err) != RP_OK || intake_new(st, &r.in, &err))
        abort();
    rp_code rc = ingest_mail_buffer((const char *)data, size, "fuzz.eml",
                                    on_message, &r, &hooks, &err);
    if (rc != RP_OK || r.messages + r.problems != 1)
        abort(); /* one message in, one record or one report out */
    if (size >= 5 && !memcmp(data, "From ", 5)) {
        /* The mbox reader streams from a file and restarts the parser
         * after a broken message; give it the bytes as a file. */
        char path[] = "/tmp/rapport-fuzz-mbox-XXXXXX";
        int fd = mkstemp(path);
        if (fd < 0)
            abort();
        if (write(fd, data, size) != (ssize_t)size)
            abort();
        close(fd);
        r.messages = r.problems = 0;
        rc = ingest_mail_path(path, on_message, &r, &hooks, &err);
        unlink(path);
        if (rc != RP_OK || r.messages + r.problems < 1)
            abort();
    }
    intake_free(r.in);
    st->ops->rollback(st);
    return 0;
}
