/*
 * mailparse.h - mail into ingest_message records (records.h): mbox files
 * (Google Takeout exports included), Maildir trees and folders of .eml
 * files, and single messages.  Built on GMime 3.
 *
 * For each message: Message-ID without brackets (when missing, a stable
 * one made from a hash of its Date, From and Subject, so a re-import
 * finds it again); the thread (first References id, else In-Reply-To,
 * else its own id); the subject and display names RFC 2047 decoded; the
 * date in UTC from the Date header and its zone; the text/plain body, or
 * the text of the HTML part when there is no plain one, converted to
 * UTF-8 from its charset; and whether it was sent by a machine (List-Id,
 * List-Unsubscribe, Precedence bulk/list/junk, Auto-Submitted other than
 * "no", or a no-reply, mailer-daemon or notifications sender).
 *
 * A message without a From address or a readable Date is malformed: it is
 * reported through hooks->problem (the file, and the byte offset of its
 * From_ line in an mbox) and skipped, and reading goes on.  Progress is
 * reported in bytes of input, after each message.
 *
 * Memory stays bounded whatever the input size: an mbox is read as a
 * stream (parts stay in the file until needed), a Maildir one file at a
 * time, and nothing a record points to outlives its callback.
 *
 * The first call initialises GMime for the process (once, thread-safe).
 */
#ifndef RP_INGEST_MAILPARSE_H
#define RP_INGEST_MAILPARSE_H

#include <stddef.h>

#include "ingest/records.h"

/*
 * Reads everything path holds: a directory is walked as a Maildir tree
 * (cur/ and new/ of each folder, Maildir++ ".Folder" directories and any
 * nested folder) or a folder of *.eml (and *.mbox) files; a file starting
 * with a "From " line is an mbox; any other file is one message.  hooks
 * may be NULL.  Returns RP_OK (even when messages were skipped), RP_EIO
 * when path or a file under it cannot be read, RP_EINVAL when path is an
 * empty file, or the first non-OK code fn returned (reading then stops).
 */
rp_code ingest_mail_path(const char *path, ingest_message_fn *fn, void *ud,
                         const ingest_hooks *hooks, rp_err *err);

/*
 * Reads one message from data (len bytes; a leading mbox "From " line is
 * allowed) and passes it to fn, with source as its source.  A malformed
 * message is reported to hooks->problem (position 0) and RP_OK returned.
 * Returns RP_ENOMEM, or the code fn returned.
 */
rp_code ingest_mail_buffer(const char *data, size_t len, const char *source,
                           ingest_message_fn *fn, void *ud,
                           const ingest_hooks *hooks, rp_err *err);

#endif
