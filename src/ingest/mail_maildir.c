/* mail_maildir.c - folders of mail: Maildir trees and folders of .eml or
 * .mbox files; see mailparse.h. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/mail_impl.h"

/* Deeper than any mail store nests; stops a runaway walk. */
#define MAX_DEPTH 32

typedef struct {
    char *name;
    unsigned char type; /* DT_* from readdir, DT_UNKNOWN when it did not
                           say */
} entry;

typedef struct {
    entry *v;
    size_t n, cap;
} entries;

static void
entries_release(entries *e)
{
    for (size_t i = 0; i < e->n; i++)
        rp_free(e->v[i].name);
    rp_free(e->v);
    *e = (entries){0};
}

static int
by_name(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->name, ((const entry *)b)->name);
}

/* The names in directory path but "." and "..", sorted so that runs are
 * repeatable; the directory is closed before returning so a deep tree
 * does not hold one descriptor per level. */
static rp_code
list_dir(const char *path, entries *out, rp_err *err)
{
    DIR *d = opendir(path);
    struct dirent *de;
    if (!d)
        return rp_fail(err, RP_EIO, "cannot open folder '%s': %s", path,
                       strerror(errno));
    while ((de = readdir(d))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        if (rp_grow((void **)&out->v, &out->cap, out->n, sizeof *out->v, 64))
            goto nomem;
        char *name = rp_strdup(de->d_name);
        if (!name)
            goto nomem;
        out->v[out->n++] = (entry){name, de->d_type};
    }
    closedir(d);
    qsort(out->v, out->n, sizeof *out->v, by_name);
    return RP_OK;
nomem:
    closedir(d);
    return rp_fail(err, RP_ENOMEM, "out of memory listing '%s'", path);
}

static bool
ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && !strcasecmp(s + n - m, tail);
}

/* What an entry is: a directory (symbolic links to directories are not
 * followed, so a link loop cannot trap the walk), a regular file, or
 * something to pass over. */
static unsigned char
kind_of(const char *path, unsigned char type, uint64_t *size)
{
    struct stat sb;
    if (type == DT_DIR)
        return DT_DIR;
    if (type != DT_REG && type != DT_LNK && type != DT_UNKNOWN)
        return DT_UNKNOWN;
    if (type == DT_UNKNOWN && lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        return DT_DIR;
    if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
        return DT_UNKNOWN;
    *size = (uint64_t)sb.st_size;
    return DT_REG;
}

/* One message file in a walked folder. */
static rp_code
read_one(mail_reader *r, const char *path, mail_kind kind)
{
    struct stat sb;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    rp_code rc = RP_OK;
    if (fd < 0 || fstat(fd, &sb) != 0) {
        /* A live Maildir renames files as flags change; one that went
         * away is reported and the walk goes on. */
        mail_problem(r, path, 0, strerror(errno));
        if (fd >= 0)
            close(fd);
        return RP_OK;
    }
    rc = mail_file_read(r, path, fd, (uint64_t)sb.st_size, kind);
    close(fd);
    r->done += (uint64_t)sb.st_size;
    if (!rc)
        mail_progress(r);
    return rc;
}

/*
 * Walks path.  In a Maildir's cur/ or new/ (leaf) every file not starting
 * with '.' is a message; elsewhere *.eml files are messages and *.mbox
 * files mailboxes, and every folder but a Maildir's tmp/ is walked
 * (Maildir++ ".Folder" directories and nested folders alike).  With count
 * set, only adds up sizes into r->total.
 */
static rp_code
walk(mail_reader *r, rp_buf *path, int depth, bool leaf, bool count)
{
    entries e = {0};
    rp_err lerr = {0};
    rp_code rc = list_dir(path->buf, &e, &lerr);
    size_t base = path->len;
    bool maildir = false;
    if (rc) {
        entries_release(&e);
        if (depth == 0 || rc == RP_ENOMEM)
            return rp_fail(r->err, rc, "%s", lerr.msg);
        if (!count) /* reported once, in the reading pass */
            mail_problem(r, path->buf, 0, lerr.msg);
        return RP_OK;
    }
    for (size_t i = 0; i < e.n && !leaf; i++)
        maildir |= !strcmp(e.v[i].name, "cur") || !strcmp(e.v[i].name, "new");
    for (size_t i = 0; i < e.n && !rc; i++) {
        const char *name = e.v[i].name;
        uint64_t size = 0;
        path->len = base;
        path->buf[base] = '\0';
        if ((rc = rp_buf_addc(path, '/')) || (rc = rp_buf_adds(path, name))) {
            rc = rp_fail(r->err, rc, "out of memory");
            break;
        }
        unsigned char k = kind_of(path->buf, e.v[i].type, &size);
        if (k == DT_DIR) {
            bool sub =
                maildir && (!strcmp(name, "cur") || !strcmp(name, "new"));
            if (leaf || depth >= MAX_DEPTH || (maildir && !strcmp(name, "tmp")))
                continue;
            rc = walk(r, path, depth + 1, sub, count);
            continue;
        }
        if (k != DT_REG)
            continue;
        bool message = leaf ? name[0] != '.' : ends_with(name, ".eml");
        bool mbox = !leaf && ends_with(name, ".mbox");
        if (count && (message || mbox))
            r->total += size;
        else if (message)
            rc = read_one(r, path->buf, leaf ? MAIL_MAILDIR : MAIL_EML);
        else if (mbox)
            rc = mail_mbox_read(r, path->buf);
    }
    path->len = base;
    path->buf[base] = '\0';
    entries_release(&e);
    return rc;
}

rp_code
mail_maildir_read(mail_reader *r, const char *path)
{
    rp_buf p = RP_BUF_INIT;
    rp_code rc = rp_buf_adds(&p, path);
    /* "dir/" and "dir" name the same folder; keep file names tidy. */
    while (!rc && p.len > 1 && p.buf[p.len - 1] == '/')
        p.buf[--p.len] = '\0';
    /* Named directly, a Maildir's cur/ or new/ holds only messages. */
    const char *slash = strrchr(p.buf, '/');
    const char *last = slash ? slash + 1 : p.buf;
    bool leaf = !strcmp(last, "cur") || !strcmp(last, "new");
    /* Sizes first, so progress can say how far along it is. */
    if (!rc)
        rc = walk(r, &p, 0, leaf, true);
    if (!rc)
        rc = walk(r, &p, 0, leaf, false);
    rp_buf_release(&p);
    return rc;
}
