/*
 * mail_impl.h - what the mail reader's files share; not for use outside
 * src/ingest/mail*.c.  mailparse.c dispatches a path, mail_mbox.c scans
 * mbox files, mail_maildir.c walks folders, and mail_message.c turns one
 * parsed GMimeMessage into an ingest_message.
 *
 * A mail_reader is one call of ingest_mail_path() or ingest_mail_buffer():
 * the caller's callback and hooks, buffers reused from message to message
 * (so a long import does not churn the allocator), and progress counters.
 */
#ifndef RP_INGEST_MAIL_IMPL_H
#define RP_INGEST_MAIL_IMPL_H

#include <gmime/gmime.h>
#include <stdbool.h>
#include <stdint.h>

#include "base/buf.h"
#include "ingest/mailparse.h"

/* Where a message came from, which sets its source's prefix; MAIL_NAMED
 * takes the file name as the whole source. */
typedef enum { MAIL_MBOX, MAIL_MAILDIR, MAIL_EML, MAIL_NAMED } mail_kind;

typedef struct {
    ingest_message_fn *fn;
    void *ud;
    const ingest_hooks *hooks; /* never NULL (an empty set instead) */
    rp_err *err;
    rp_buf body, html, source; /* reused per message */
    GByteArray *file;          /* a Maildir file's bytes, reused */
    uint64_t done, total;      /* bytes, for progress */
} mail_reader;

/* The parser options every mail file is read with (GMime initialised,
 * fallback charsets for raw 8-bit headers).  Owned by the process. */
GMimeParserOptions *mail_parser_options(void);

void mail_reader_init(mail_reader *r, ingest_message_fn *fn, void *ud,
                      const ingest_hooks *hooks, rp_err *err);
void mail_reader_release(mail_reader *r);

/* Reports a skipped message at pos (a byte offset, or 0) of file. */
void mail_problem(mail_reader *r, const char *file, long pos, const char *why);
/* Reports r->done of r->total. */
void mail_progress(mail_reader *r);

/*
 * Builds the record for msg and passes it to r->fn; a malformed message
 * (no From address, no readable Date) goes to mail_problem() instead, and
 * RP_OK is returned.  file and pos say where it came from, kind what sort
 * of source it is (an mbox body has its ">From " lines unquoted).
 * Returns RP_ENOMEM or the callback's code.
 */
rp_code mail_message_emit(mail_reader *r, GMimeMessage *msg, mail_kind kind,
                          const char *file, long pos);

/* Reads one message held in data (len bytes); see ingest_mail_buffer(). */
rp_code mail_message_read_buffer(mail_reader *r, const char *data, size_t len,
                                 mail_kind kind, const char *file);

/* Reads the message file path (open as fd, size bytes) whole and passes
 * it on; RP_EIO when it cannot be read. */
rp_code mail_file_read(mail_reader *r, const char *path, int fd, uint64_t size,
                       mail_kind kind);

/* Scans the mbox file path, all of it, one message at a time. */
rp_code mail_mbox_read(mail_reader *r, const char *path);

/* Walks the directory path: Maildir folders and folders of .eml/.mbox. */
rp_code mail_maildir_read(mail_reader *r, const char *path);

#endif
