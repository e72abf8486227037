/* fdlines.c - interruptible lines from a pipe or terminal; see fdlines.h. */
#include "core/fdlines.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"

enum { CHUNK = 64 * 1024 };

struct fdlines {
    int fd;
    int wake[2]; /* a byte written to wake[1] ends every wait */
    rp_buf b;    /* unread bytes are b.buf[start, b.len) */
    size_t start;
    size_t scanned; /* of those, how many hold no newline */
    int eof;
};

fdlines *
fdlines_new(int fd)
{
    fdlines *f = rp_calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->fd = fd;
    rp_buf_init(&f->b, 0);
    if (pipe2(f->wake, O_CLOEXEC | O_NONBLOCK) != 0) {
        rp_free(f);
        return NULL;
    }
    return f;
}

/* Room for at least CHUNK more bytes after the unread ones. */
static int
make_room(fdlines *f)
{
    if (f->start > 0) {
        memmove(f->b.buf, f->b.buf + f->start, f->b.len - f->start);
        f->b.len -= f->start;
        f->b.buf[f->b.len] = '\0';
        f->start = 0;
    }
    return rp_buf_grow(&f->b, CHUNK) ? -1 : 0;
}

/* The first newline among the unread bytes, or NULL; each byte is looked
 * at once however many reads a long line takes. */
static char *
find_newline(fdlines *f)
{
    size_t from = f->start + f->scanned;
    char *nl =
        f->b.len > from ? memchr(f->b.buf + from, '\n', f->b.len - from) : NULL;
    f->scanned =
        nl ? (size_t)(nl - (f->b.buf + f->start)) : f->b.len - f->start;
    return nl;
}

ssize_t
fdlines_next(fdlines *f, char **line)
{
    for (;;) {
        char *nl = find_newline(f);
        if (nl || (f->eof && f->b.len > f->start)) {
            size_t len = nl ? (size_t)(nl - (f->b.buf + f->start)) + 1
                            : f->b.len - f->start;
            *line = f->b.buf + f->start;
            f->start += len;
            f->scanned = 0;
            return (ssize_t)len;
        }
        if (f->eof)
            return 0;
        if (make_room(f) != 0) {
            errno = ENOMEM;
            return -1;
        }
        struct pollfd p[2] = {{f->fd, POLLIN, 0}, {f->wake[0], POLLIN, 0}};
        if (poll(p, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (p[1].revents)
            return -2;
        ssize_t n = read(f->fd, f->b.buf + f->b.len, f->b.alloc - f->b.len - 1);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            f->eof = 1;
        f->b.len += (size_t)n;
        f->b.buf[f->b.len] = '\0';
    }
}

int
fdlines_ready(fdlines *f)
{
    if (f->eof || find_newline(f))
        return 1;
    struct pollfd p = {f->fd, POLLIN, 0};
    return poll(&p, 1, 0) > 0;
}

void
fdlines_wake(fdlines *f)
{
    ssize_t n = write(f->wake[1], "x", 1);
    (void)n; /* a full pipe has woken the reader already */
}

void
fdlines_free(fdlines *f)
{
    if (!f)
        return;
    close(f->wake[0]);
    close(f->wake[1]);
    rp_buf_release(&f->b);
    rp_free(f);
}
