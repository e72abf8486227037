/* mailparse.c - what a mail path holds, and the reader's shared state;
 * see mailparse.h. */
#include "ingest/mailparse.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/mail_impl.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static GMimeParserOptions *options;

/* GMime is initialised once for the process and never shut down: other
 * threads may still be reading mail, and the process exit frees it. */
static void
init_gmime(void)
{
    /* Raw 8-bit headers are UTF-8 in modern mail, else almost always
     * Windows-1252 (a superset of Latin-1). */
    static const char *fallback[] = {"utf-8", "windows-1252", NULL};
    g_mime_init();
    options = g_mime_parser_options_new();
    g_mime_parser_options_set_fallback_charsets(options, fallback);
}

GMimeParserOptions *
mail_parser_options(void)
{
    pthread_once(&once, init_gmime);
    return options;
}

static const ingest_hooks no_hooks = {0};

void
mail_reader_init(mail_reader *r, ingest_message_fn *fn, void *ud,
                 const ingest_hooks *hooks, rp_err *err)
{
    mail_parser_options();
    *r = (mail_reader){.fn = fn,
                       .ud = ud,
                       .hooks = hooks ? hooks : &no_hooks,
                       .err = err,
                       .body = RP_BUF_INIT,
                       .html = RP_BUF_INIT,
                       .source = RP_BUF_INIT};
}

void
mail_reader_release(mail_reader *r)
{
    if (!r)
        return;
    rp_buf_release(&r->body);
    rp_buf_release(&r->html);
    rp_buf_release(&r->source);
    if (r->file)
        g_byte_array_unref(r->file);
    r->file = NULL;
}

void
mail_problem(mail_reader *r, const char *file, long pos, const char *why)
{
    if (r->hooks->problem)
        r->hooks->problem(r->hooks->ud, file, pos, why);
}

void
mail_progress(mail_reader *r)
{
    if (r->hooks->progress)
        r->hooks->progress(r->hooks->ud, r->done, r->total);
}

rp_code
ingest_mail_buffer(const char *data, size_t len, const char *source,
                   ingest_message_fn *fn, void *ud, const ingest_hooks *hooks,
                   rp_err *err)
{
    mail_reader r;
    mail_reader_init(&r, fn, ud, hooks, err);
    rp_code rc = mail_message_read_buffer(&r, data, len, MAIL_NAMED,
                                          source ? source : "<buffer>");
    mail_reader_release(&r);
    return rc;
}

rp_code
mail_file_read(mail_reader *r, const char *path, int fd, uint64_t size,
               mail_kind kind)
{
    size_t got = 0;
    if (!r->file)
        r->file = g_byte_array_sized_new((guint)size);
    g_byte_array_set_size(r->file, (guint)size);
    while (got < size) {
        ssize_t n = read(fd, r->file->data + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return rp_fail(r->err, RP_EIO, "cannot read '%s': %s", path,
                           strerror(errno));
        if (n == 0)
            break; /* it shrank since it was measured */
        got += (size_t)n;
    }
    rp_code rc = mail_message_read_buffer(r, (const char *)r->file->data, got,
                                          kind, path);
    /* One huge message should not pin its size for the whole run. */
    if (r->file->len > (1u << 20)) {
        g_byte_array_unref(r->file);
        r->file = NULL;
    }
    return rc;
}

rp_code
ingest_mail_path(const char *path, ingest_message_fn *fn, void *ud,
                 const ingest_hooks *hooks, rp_err *err)
{
    mail_reader r;
    struct stat sb;
    char head[5];
    rp_code rc = RP_OK;
    int fd = -1;
    mail_reader_init(&r, fn, ud, hooks, err);
    if (stat(path, &sb) != 0) {
        rc =
            rp_fail(err, RP_EIO, "cannot open '%s': %s", path, strerror(errno));
        goto cleanup;
    }
    if (S_ISDIR(sb.st_mode)) {
        rc = mail_maildir_read(&r, path);
        goto cleanup;
    }
    if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0 || fstat(fd, &sb) != 0) {
        rc =
            rp_fail(err, RP_EIO, "cannot open '%s': %s", path, strerror(errno));
        goto cleanup;
    }
    if (sb.st_size == 0) {
        rc = rp_fail(err, RP_EINVAL, "cannot import '%s': the file is empty",
                     path);
        goto cleanup;
    }
    if (pread(fd, head, sizeof head, 0) == (ssize_t)sizeof head &&
        !memcmp(head, "From ", 5)) {
        close(fd);
        fd = -1;
        rc = mail_mbox_read(&r, path);
    } else {
        r.total = (uint64_t)sb.st_size;
        rc = mail_file_read(&r, path, fd, r.total, MAIL_EML);
        r.done = r.total;
        if (!rc)
            mail_progress(&r);
    }
cleanup:
    if (fd >= 0)
        close(fd);
    mail_reader_release(&r);
    return rc;
}
