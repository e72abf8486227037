/* fdlines.c - interruptible lines from a pipe or terminal; see fdlines.h. */
#include "core/fdlines.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

enum { CHUNK = 64 * 1024 };

struct fdlines {
    int fd;
    int wake[2]; /* a byte written to wake[1] ends every wait */
    char *buf;
    size_t cap, start, end; /* unread bytes are buf[start, end) */
    int eof;
};

fdlines *
fdlines_new(int fd)
{
    fdlines *f = rp_calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->fd = fd;
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
        memmove(f->buf, f->buf + f->start, f->end - f->start);
        f->end -= f->start;
        f->start = 0;
    }
    if (f->cap - f->end >= CHUNK)
        return 0;
    size_t cap = f->cap ? f->cap * 2 : 2 * CHUNK;
    while (cap - f->end < CHUNK)
        cap *= 2;
    char *p = rp_realloc(f->buf, cap);
    if (!p)
        return -1;
    f->buf = p;
    f->cap = cap;
    return 0;
}

ssize_t
fdlines_next(fdlines *f, char **line)
{
    for (;;) {
        char *nl = f->end > f->start
                       ? memchr(f->buf + f->start, '\n', f->end - f->start)
                       : NULL;
        if (nl || (f->eof && f->end > f->start)) {
            size_t len =
                nl ? (size_t)(nl - (f->buf + f->start)) + 1 : f->end - f->start;
            *line = f->buf + f->start;
            f->start += len;
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
        ssize_t n = read(f->fd, f->buf + f->end, f->cap - f->end);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            f->eof = 1;
        f->end += (size_t)n;
    }
}

int
fdlines_ready(fdlines *f)
{
    if (f->eof || (f->end > f->start &&
                   memchr(f->buf + f->start, '\n', f->end - f->start)))
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
    rp_free(f->buf);
    rp_free(f);
}
