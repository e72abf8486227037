/* vcf.c - vCard files, one card at a time; see vcf.h. */
#include "ingest/vcf.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "ingest/contact.h"
#include "ingest/linesrc.h"
#include "ingest/vcf_impl.h"

/* One card being read. */
typedef struct {
    rp_arena *a;
    long line;    /* its BEGIN:VCARD */
    long badline; /* the first problem, or 0 */
    char why[200];
    const char *fn, *n, *org, *title, *birthday;
    char bday[16];
    contact_strs emails, phones, tags;
    rp_buf notes;
    int agent_depth;   /* inside an AGENT's embedded card */
    bool agent_next;   /* an empty AGENT value: its card follows */
    bool after_binary; /* 2.1 base64 may go on unindented */
} card;

typedef struct {
    vcf_unfolder u;
    const char *source;
    ingest_contact_fn *fn;
    void *ud;
    const ingest_hooks *hooks;
    uint64_t total;
    bool in_card, outside_reported, any_card;
    long outside_first; /* text before the first card, reported only if a
                           card follows (else the file is no vCard) */
    card c;
    rp_err *err;
} reader;

static void
problem(reader *r, long line, const char *why)
{
    if (r->hooks && r->hooks->problem)
        r->hooks->problem(r->hooks->ud, r->source, line, why);
}

static void
card_release(card *c)
{
    rp_arena_free(c->a);
    rp_buf_release(&c->notes);
    memset(c, 0, sizeof *c);
}

static rp_code
card_begin(reader *r, long line)
{
    card_release(&r->c);
    rp_buf_init(&r->c.notes, 0);
    if (!(r->c.a = rp_arena_new()))
        return rp_fail(r->err, RP_ENOMEM, "out of memory");
    r->c.line = line;
    r->in_card = true;
    if (!r->any_card && r->outside_first)
        problem(r, r->outside_first,
                "text outside a vCard (expected BEGIN:VCARD)");
    r->any_card = true;
    return RP_OK;
}

/* Marks the card unreadable; the first reason is the one reported. */
static void
card_bad(card *c, long line, const char *why)
{
    if (c->badline)
        return;
    c->badline = line;
    snprintf(c->why, sizeof c->why, "%s", why);
}

/* "Dr. Ada K. Byron Jr." from N's family;given;additional;prefix;suffix. */
static const char *
name_from_n(rp_arena *a, char *value)
{
    char *part[5] = {0}, *cur = value;
    for (int i = 0; i < 5; i++)
        part[i] = vcf_next_part(&cur, ";");
    static const int order[] = {3, 1, 2, 0, 4};
    rp_buf b = RP_BUF_INIT;
    for (int i = 0; i < 5; i++) {
        char *s = part[order[i]];
        if (!s)
            continue;
        /* Components may be lists ("Jr.,M.D."): spaces read better. */
        for (char *q = s; *q; q++)
            if (*q == ',')
                *q = ' ';
        s = contact_trim(s);
        if (*s && (b.len ? rp_buf_addc(&b, ' ') : RP_OK) == RP_OK)
            rp_buf_adds(&b, s);
    }
    char *out = b.len ? rp_arena_strdup(a, b.buf) : NULL;
    rp_buf_release(&b);
    return out;
}

static const char *
strip_scheme(const char *s, const char *scheme)
{
    size_t n = strlen(scheme);
    return strncasecmp(s, scheme, n) ? s : s + n;
}

/* Files one property of the current card. */
static rp_code
card_prop(reader *r, vcf_prop *p)
{
    card *c = &r->c;
    const char *name = p->name;
    bool binary = !strcmp(name, "PHOTO") || !strcmp(name, "LOGO") ||
                  !strcmp(name, "SOUND") || !strcmp(name, "KEY");
    c->after_binary = binary;
    c->agent_next = !strcmp(name, "AGENT") && !*contact_trim(p->value);
    if (binary || c->agent_next)
        return RP_OK;
    static const char *const kept[] = {"FN",   "N",    "EMAIL",
                                       "TEL",  "ORG",  "TITLE",
                                       "BDAY", "NOTE", "CATEGORIES"};
    bool want = false;
    for (size_t i = 0; i < sizeof kept / sizeof *kept && !want; i++)
        want = !strcmp(name, kept[i]);
    if (!want)
        return RP_OK;
    char *text = vcf_prop_text(c->a, p), *cur = text, *s;
    if (!text)
        return rp_fail(r->err, RP_ENOMEM, "out of memory");
    rp_code rc = RP_OK;
    if (!strcmp(name, "FN")) {
        s = contact_trim(vcf_next_part(&cur, ""));
        if (*s && !c->fn)
            c->fn = s;
    } else if (!strcmp(name, "N")) {
        if (!c->n)
            c->n = name_from_n(c->a, text);
    } else if (!strcmp(name, "EMAIL")) {
        s = contact_trim(vcf_next_part(&cur, ""));
        rc = contact_strs_add(c->a, &c->emails,
                              contact_trim((char *)strip_scheme(s, "mailto:")));
    } else if (!strcmp(name, "TEL")) {
        s = contact_trim(vcf_next_part(&cur, ""));
        rc = contact_strs_add(c->a, &c->phones,
                              contact_trim((char *)strip_scheme(s, "tel:")));
    } else if (!strcmp(name, "ORG")) {
        s = contact_trim(vcf_next_part(&cur, ";"));
        if (*s && !c->org)
            c->org = s;
    } else if (!strcmp(name, "TITLE")) {
        s = contact_trim(vcf_next_part(&cur, ""));
        if (*s && !c->title)
            c->title = s;
    } else if (!strcmp(name, "BDAY")) {
        if (!c->birthday)
            c->birthday = contact_birthday(text, c->bday, sizeof c->bday);
    } else if (!strcmp(name, "NOTE")) {
        s = contact_trim(vcf_next_part(&cur, ""));
        if (*s && c->notes.len)
            rc = rp_buf_addc(&c->notes, '\n');
        if (*s && !rc)
            rc = rp_buf_adds(&c->notes, s);
    } else { /* CATEGORIES: a list; 2.1 writers use ';' as well */
        while (!rc && (s = vcf_next_part(&cur, ",;")))
            rc = contact_strs_add(c->a, &c->tags, contact_trim(s));
    }
    return rc ? rp_fail(r->err, rc, "out of memory") : RP_OK;
}

/* Hands a finished card to the callback, or reports why it cannot. */
static rp_code
card_end(reader *r)
{
    card *c = &r->c;
    rp_code rc = RP_OK;
    r->in_card = false;
    if (c->badline) {
        problem(r, c->badline, c->why);
        goto cleanup;
    }
    ingest_contact k = {
        .name = c->fn  ? c->fn
                : c->n ? c->n
                       : c->org,
        .emails = c->emails.v,
        .nemails = c->emails.n,
        .phones = c->phones.v,
        .nphones = c->phones.n,
        .org = c->org,
        .title = c->title,
        .birthday = c->birthday,
        .notes = c->notes.len ? c->notes.buf : NULL,
        .tags = c->tags.v,
        .ntags = c->tags.n,
    };
    rc = r->fn(r->ud, &k);
cleanup:
    card_release(c);
    if (r->hooks && r->hooks->progress)
        r->hooks->progress(r->hooks->ud, r->u.src.done, r->total);
    return rc;
}

/* Handles BEGIN:VCARD and END:VCARD; *done when the line was one. */
static rp_code
nesting(reader *r, const vcf_prop *p, long line, bool *done)
{
    char why[160];
    bool begin = !strcmp(p->name, "BEGIN"), end = !strcmp(p->name, "END");
    *done = false;
    if ((!begin && !end) || strcasecmp(contact_trim(p->value), "VCARD"))
        return RP_OK;
    *done = true;
    if (begin && r->in_card && (r->c.agent_next || r->c.agent_depth)) {
        r->c.agent_depth++; /* a 2.1 AGENT's card, read past */
        r->c.agent_next = false;
        return RP_OK;
    }
    if (end && r->in_card && r->c.agent_depth) {
        r->c.agent_depth--;
        return RP_OK;
    }
    if (begin && r->in_card) {
        snprintf(why, sizeof why,
                 "card has no END:VCARD before the BEGIN:VCARD at line %ld",
                 line);
        card_bad(&r->c, r->c.line, why);
        rp_code rc = card_end(r);
        return rc ? rc : card_begin(r, line);
    }
    if (begin)
        return card_begin(r, line);
    if (r->in_card)
        return card_end(r);
    problem(r, line, "END:VCARD without a BEGIN:VCARD");
    return RP_OK;
}

/* A property name with nothing after it: letters, digits, '-', '.'. */
static bool
bare_name(const char *s)
{
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '-' && *s != '.')
            return false;
    return true;
}

/* One logical line, inside a card or between cards. */
static rp_code
logical_line(reader *r)
{
    vcf_unfolder *u = &r->u;
    char *line = contact_trim(u->line.buf);
    long at = u->lineno;
    vcf_prop p;
    bool done;
    rp_code rc;
    if (!*line)
        return RP_OK;
    rp_arena *tmp = r->in_card ? r->c.a : rp_arena_new();
    if (!tmp)
        return rp_fail(r->err, RP_ENOMEM, "out of memory");
    bool ok = vcf_prop_split(tmp, line, &p);
    if (!r->in_card) {
        if (ok && (rc = nesting(r, &p, at, &done)) == RP_OK && done) {
            rp_arena_free(tmp);
            return RP_OK;
        }
        rp_arena_free(tmp);
        if (ok && rc)
            return rc;
        if (!r->outside_reported && !r->any_card)
            r->outside_first = at;
        else if (!r->outside_reported)
            problem(r, at, "text outside a vCard (expected BEGIN:VCARD)");
        r->outside_reported = true;
        return RP_OK;
    }
    r->outside_reported = false;
    if (!ok) {
        /* 2.1 base64 may run on unindented until a blank line; a name
         * alone ("FN", as Evolution writes) is an empty property. */
        if (!r->c.after_binary && !r->c.agent_depth && !bare_name(line))
            card_bad(&r->c, at, "expected NAME:VALUE, a property of the vCard");
        return RP_OK;
    }
    if ((rc = nesting(r, &p, at, &done)) || done)
        return rc;
    if (r->c.agent_depth)
        return RP_OK;
    if (u->cut) {
        card_bad(&r->c, at, "property longer than 1 MB");
        return RP_OK;
    }
    return card_prop(r, &p);
}

static rp_code
read_all(reader *r)
{
    rp_code rc;
    bool more;
    for (;;) {
        if ((rc = vcf_unfold(&r->u, &more)))
            return rc == RP_EIO ? rp_fail(r->err, rc, "cannot read '%s': %s",
                                          r->source, strerror(errno))
                                : rp_fail(r->err, rc, "out of memory");
        if (!more)
            break;
        if (r->u.lineno == 1 && linesrc_is_utf16(r->u.line.buf, r->u.line.len))
            return rp_fail(r->err, RP_EINVAL,
                           "'%s' is UTF-16 text: save it as UTF-8 and "
                           "import it again",
                           r->source);
        if ((rc = logical_line(r)))
            return rc;
    }
    if (r->in_card) {
        card_bad(&r->c, r->c.line, "card has no END:VCARD");
        if ((rc = card_end(r)))
            return rc;
    }
    if (!r->any_card)
        return rp_fail(r->err, RP_EINVAL,
                       "'%s' holds no vCard (no BEGIN:VCARD line)", r->source);
    return RP_OK;
}

static rp_code
run(FILE *f, const char *data, size_t len, uint64_t total, const char *source,
    ingest_contact_fn *fn, void *ud, const ingest_hooks *hooks, rp_err *err)
{
    reader r = {.source = source,
                .fn = fn,
                .ud = ud,
                .hooks = hooks,
                .total = total,
                .err = err};
    linesrc_init(&r.u.src, f, data, len, VCF_PROP_MAX + 2);
    rp_buf_init(&r.u.line, 0);
    rp_code rc = read_all(&r);
    card_release(&r.c);
    rp_buf_release(&r.u.line);
    linesrc_release(&r.u.src);
    return rc;
}

static int
by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int
is_vcf_name(const struct dirent *d)
{
    size_t n = strlen(d->d_name);
    return d->d_name[0] != '.' &&
           ((n > 4 && !strcasecmp(d->d_name + n - 4, ".vcf")) ||
            (n > 6 && !strcasecmp(d->d_name + n - 6, ".vcard")));
}

/*
 * A folder of vCard files, one card or more each (a "vdir", as khard,
 * vdirsyncer and many exports write), in name order.  A file in it that
 * holds no card is reported and skipped like a bad card.
 */
static rp_code
read_dir(const char *path, ingest_contact_fn *fn, void *ud,
         const ingest_hooks *hooks, rp_err *err)
{
    struct dirent **names = NULL;
    int n = scandir(path, &names, is_vcf_name, by_name);
    rp_code rc = RP_OK;
    if (n < 0)
        return rp_fail(err, RP_EIO, "cannot read '%s': %s", path,
                       strerror(errno));
    if (!n)
        rc = rp_fail(err, RP_EINVAL, "'%s' holds no .vcf files", path);
    for (int i = 0; i < n; i++) {
        char *file = NULL;
        if (!rc && asprintf(&file, "%s/%s", path, names[i]->d_name) < 0)
            rc = rp_fail(err, RP_ENOMEM, "out of memory");
        if (!rc) {
            rp_err one = {0};
            rc = ingest_vcf_file(file, fn, ud, hooks, &one);
            if (rc == RP_EINVAL && hooks && hooks->problem) {
                hooks->problem(hooks->ud, file, 0, one.msg);
                rc = RP_OK;
            } else if (rc) {
                rp_fail(err, rc, "%s", one.msg);
            }
        }
        free(file);
        free(names[i]);
    }
    free(names);
    return rc;
}

rp_code
ingest_vcf_file(const char *path, ingest_contact_fn *fn, void *ud,
                const ingest_hooks *hooks, rp_err *err)
{
    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        return read_dir(path, fn, ud, hooks, err);
    FILE *f = fopen(path, "rb");
    if (!f)
        return rp_fail(err, RP_EIO, "cannot open '%s': %s", path,
                       strerror(errno));
    uint64_t total = fstat(fileno(f), &sb) == 0 ? (uint64_t)sb.st_size : 0;
    rp_code rc = run(f, NULL, 0, total, path, fn, ud, hooks, err);
    fclose(f);
    return rc;
}

rp_code
ingest_vcf_buffer(const char *data, size_t len, const char *source,
                  ingest_contact_fn *fn, void *ud, const ingest_hooks *hooks,
                  rp_err *err)
{
    return run(NULL, data, len, len, source ? source : "<buffer>", fn, ud,
               hooks, err);
}
