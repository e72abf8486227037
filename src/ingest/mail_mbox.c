/* mail_mbox.c - an mbox file, streamed one message at a time; see
 * mailparse.h. */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/mail_impl.h"

/* The offset of the first line starting "From " at or after from (from
 * itself only if a line starts there), or -1 when there is none. */
static gint64
next_from_line(GMimeStream *s, gint64 from)
{
    char buf[65536];
    gint64 pos = from > 0 ? from - 1 : 0; /* the line end before from */
    bool line_start = from == 0;
    if (g_mime_stream_seek(s, pos, GMIME_STREAM_SEEK_SET) != pos)
        return -1;
    /* Keep 5 bytes of overlap so a match across two reads is seen. */
    size_t have = 0;
    for (;;) {
        ssize_t n = g_mime_stream_read(s, buf + have, sizeof buf - have);
        if (n <= 0)
            return -1;
        size_t len = have + (size_t)n;
        for (size_t i = 0; i + 5 <= len; i++) {
            if ((line_start || (i > 0 && buf[i - 1] == '\n')) &&
                !memcmp(buf + i, "From ", 5) && pos + (gint64)i >= from)
                return pos + (gint64)i;
            line_start = false;
        }
        size_t keep = len < 5 ? len : 5;
        memmove(buf, buf + len - keep, keep);
        pos += (gint64)(len - keep);
        have = keep;
    }
}

/*
 * GMime's parser in mbox mode finds each From_ line itself.  With the
 * stream persisted, a message's parts are windows onto the file, not
 * copies, so an attachment of any size costs no memory until read (and
 * the body is the only part read).  Memory is therefore one message's
 * headers plus its text, whatever the mbox size.
 */
rp_code
mail_mbox_read(mail_reader *r, const char *path)
{
    struct stat sb;
    rp_code rc = RP_OK;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || fstat(fd, &sb) != 0) {
        rc = rp_fail(r->err, RP_EIO, "cannot open '%s': %s", path,
                     strerror(errno));
        if (fd >= 0)
            close(fd);
        return rc;
    }
    uint64_t base = r->done;
    if (!r->total) /* on its own, not inside a folder being walked */
        r->total = (uint64_t)sb.st_size;
    GMimeStream *fs = g_mime_stream_fs_new(fd); /* owns fd from here */
    GMimeParser *p = g_mime_parser_new_with_stream(fs);
    g_mime_parser_set_format(p, GMIME_FORMAT_MBOX);
    g_mime_parser_set_persist_stream(p, TRUE);
    /* The From_ line of the last message read or reported: every
     * restart goes past it, so a broken From_ line (a truncated last one
     * too) is reported once and cannot loop. */
    gint64 handled = -1;
    while (!rc && !g_mime_parser_eos(p)) {
        GMimeMessage *msg =
            g_mime_parser_construct_message(p, mail_parser_options());
        gint64 at = g_mime_parser_get_mbox_marker_offset(p);
        if (!msg) {
            /* GMime gives up on a From_ line without headers after it,
             * and cannot go on by itself: start it again at the next
             * From_ line.  When it failed before taking the marker in,
             * the broken one is the From_ line after the last handled. */
            if (at <= handled && (at = next_from_line(fs, handled + 1)) < 0)
                break; /* only blank lines or junk were left */
            mail_problem(r, path, (long)at,
                         "no message headers after the From_ line");
            handled = at;
            gint64 next = next_from_line(fs, at + 1);
            if (next < 0 ||
                g_mime_stream_seek(fs, next, GMIME_STREAM_SEEK_SET) != next)
                break;
            g_mime_parser_init_with_stream(p, fs);
            continue;
        }
        if (at > handled)
            handled = at;
        rc = mail_message_emit(r, msg, MAIL_MBOX, path, at >= 0 ? at : 0);
        g_object_unref(msg);
        gint64 off = g_mime_parser_tell(p);
        r->done = base + (uint64_t)(off > 0 ? off : 0);
        mail_progress(r);
    }
    g_object_unref(p);
    g_object_unref(fs);
    r->done = base + (uint64_t)sb.st_size;
    return rc;
}
