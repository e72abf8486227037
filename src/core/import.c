/* import.c - every format through one door; see import.h. */
#include "core/import.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/transfer.h"

/* The parsers are separate modules; a build without one reports the
 * format as unsupported instead of failing to link. */
#if __has_include("ingest/vcf.h")
#include "ingest/vcf.h"
#define HAVE_VCF 1
#endif
#if __has_include("ingest/csvbook.h")
#include "ingest/csvbook.h"
#define HAVE_CSV 1
#endif
#if __has_include("ingest/mailparse.h")
#include "ingest/mailparse.h"
#define HAVE_MAIL 1
#endif
#if __has_include("ingest/ics.h")
#include "ingest/ics.h"
#define HAVE_ICS 1
#endif

static const char *const names[] = {"auto", "jsonl", "vcard",
                                    "csv",  "mail",  "ics"};

const char *
import_format_name(import_format f)
{
    return (unsigned)f < sizeof names / sizeof *names ? names[f] : "?";
}

rp_code
import_format_parse(const char *name, import_format *out, rp_err *err)
{
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (!strcasecmp(name, names[i])) {
            *out = (import_format)i;
            return RP_OK;
        }
    if (!strcasecmp(name, "vcf"))
        return *out = IMPORT_VCARD, RP_OK;
    if (!strcasecmp(name, "mbox") || !strcasecmp(name, "maildir") ||
        !strcasecmp(name, "eml"))
        return *out = IMPORT_MAIL, RP_OK;
    if (!strcasecmp(name, "ical") || !strcasecmp(name, "icalendar"))
        return *out = IMPORT_ICS, RP_OK;
    return rp_fail(err, RP_EINVAL,
                   "unknown format '%s': expected jsonl, vcard, csv, mail "
                   "(mbox, Maildir, .eml) or ics",
                   name);
}

const char *
import_map_help(void)
{
#ifdef HAVE_CSV
    return csvbook_map_syntax;
#else
    return NULL;
#endif
}

static bool
ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && !strcasecmp(s + n - m, tail);
}

/* True for a folder of .vcf files with nothing that looks like mail. */
static bool
vcard_folder(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    size_t cards = 0, other = 0;
    if (!d)
        return false;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (ends_with(e->d_name, ".vcf") || ends_with(e->d_name, ".vcard"))
            cards++;
        else if (!strcmp(e->d_name, "cur") || !strcmp(e->d_name, "new") ||
                 ends_with(e->d_name, ".eml") || ends_with(e->d_name, ".mbox"))
            other++;
    }
    closedir(d);
    return cards && !other;
}

rp_code
import_detect(const char *path, import_format *out, rp_err *err)
{
    struct stat sb;
    char head[512] = "";
    if (strcmp(path, "-") == 0) {
        *out = IMPORT_JSONL; /* stdin carries rapport's own format */
        return RP_OK;
    }
    if (stat(path, &sb) != 0)
        return rp_fail(err, RP_EIO, "cannot open '%s': %s", path,
                       strerror(errno));
    if (S_ISDIR(sb.st_mode)) {
        /* A Maildir or a folder of messages, or of vCard files. */
        *out = vcard_folder(path) ? IMPORT_VCARD : IMPORT_MAIL;
        return RP_OK;
    }
    FILE *f = fopen(path, "rb");
    if (!f)
        return rp_fail(err, RP_EIO, "cannot open '%s': %s", path,
                       strerror(errno));
    size_t n = fread(head, 1, sizeof head - 1, f);
    head[n] = '\0';
    fclose(f);
    const char *h = head;
    if (!strncmp(h, "\xef\xbb\xbf", 3))
        h += 3;
    while (*h == ' ' || *h == '\r' || *h == '\n' || *h == '\t')
        h++;
    if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson") ||
        !strncmp(h, "{\"type\"", 7))
        *out = IMPORT_JSONL;
    else if (ends_with(path, ".vcf") || ends_with(path, ".vcard") ||
             !strncasecmp(h, "BEGIN:VCARD", 11))
        *out = IMPORT_VCARD;
    else if (ends_with(path, ".ics") || ends_with(path, ".ical") ||
             !strncasecmp(h, "BEGIN:VCALENDAR", 15))
        *out = IMPORT_ICS;
    else if (ends_with(path, ".csv"))
        *out = IMPORT_CSV;
    else if (ends_with(path, ".mbox") || ends_with(path, ".eml") ||
             !strncmp(h, "From ", 5) || strstr(head, "\nMessage-ID:") ||
             strstr(head, "\nReceived:") || !strncasecmp(h, "Received:", 9) ||
             !strncasecmp(h, "Return-Path:", 12) ||
             !strncasecmp(h, "Message-ID:", 11))
        *out = IMPORT_MAIL;
    else
        return rp_fail(err, RP_EINVAL,
                       "cannot tell what '%s' holds: name it with --format "
                       "(jsonl, vcard, csv, mail, ics)",
                       path);
    return RP_OK;
}

/* State for one import: the intake and the open batch. */
struct run {
    store *st;
    intake *in;
    size_t batch, in_batch;
    bool open;
    import_stats *stats;
    rp_err *err;
};

static rp_code
batch_open(struct run *r)
{
    rp_code rc = r->st->ops->begin(r->st, r->err);
    if (!rc)
        rc = r->st->ops->bulk_begin(r->st, r->err);
    if (rc) {
        r->st->ops->rollback(r->st);
        return rc;
    }
    r->open = true;
    r->in_batch = 0;
    return RP_OK;
}

static rp_code
batch_close(struct run *r)
{
    if (!r->open)
        return RP_OK;
    r->open = false;
    rp_code rc = r->st->ops->bulk_end(r->st, r->err);
    if (!rc)
        rc = r->st->ops->commit(r->st, r->err);
    if (rc)
        r->st->ops->rollback(r->st);
    return rc;
}

/* Counts a record and rolls the batch over when it is full. */
static rp_code
next(struct run *r)
{
    r->stats->records++;
    if (++r->in_batch < r->batch)
        return RP_OK;
    rp_code rc = batch_close(r);
    return rc ? rc : batch_open(r);
}

static rp_code
on_contact(void *ud, const ingest_contact *c)
{
    struct run *r = ud;
    rp_code rc = intake_contact_add(r->in, c, r->err);
    return rc ? rc : next(r);
}

static rp_code
on_message(void *ud, const ingest_message *m)
{
    struct run *r = ud;
    rp_code rc = intake_message_add(r->in, m, r->err);
    return rc ? rc : next(r);
}

static rp_code
on_event(void *ud, const ingest_event *e)
{
    struct run *r = ud;
    rp_code rc = intake_event_add(r->in, e, r->err);
    return rc ? rc : next(r);
}

/* Counts problems before passing them on to the caller's hook. */
struct counted {
    const ingest_hooks *outer;
    import_stats *stats;
};

static void
count_problem(void *ud, const char *file, long pos, const char *why)
{
    struct counted *c = ud;
    c->stats->problems++;
    if (c->outer && c->outer->problem)
        c->outer->problem(c->outer->ud, file, pos, why);
}

static void
pass_progress(void *ud, uint64_t done, uint64_t total)
{
    struct counted *c = ud;
    if (c->outer && c->outer->progress)
        c->outer->progress(c->outer->ud, done, total);
}

static rp_code
unsupported(const char *path, import_format f, rp_err *err)
{
    return rp_fail(err, RP_EINVAL,
                   "cannot import '%s': this build of rapport has no %s "
                   "reader",
                   path, import_format_name(f));
}

static rp_code
import_jsonl(store *st, const char *path, import_stats *stats, rp_err *err)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
    transfer_stats t;
    if (!f)
        return rp_fail(err, RP_EIO, "cannot open '%s': %s", path,
                       strerror(errno));
    rp_code rc = transfer_import(st, f, strcmp(path, "-") ? path : "<stdin>",
                                 NULL, NULL, &t, err);
    if (f != stdin)
        fclose(f);
    stats->records += t.lines;
    stats->jsonl_added += t.added;
    stats->jsonl_skipped += t.skipped;
    return rc;
}

rp_code
import_path(store *st, const char *path, const import_opts *opts,
            const ingest_hooks *hooks, import_stats *stats, rp_err *err)
{
    import_format f = opts ? opts->format : IMPORT_AUTO;
    rp_code rc;
    if (f == IMPORT_AUTO && (rc = import_detect(path, &f, err)))
        return rc;
    if (f == IMPORT_JSONL)
        return import_jsonl(st, path, stats, err);
    struct run r = {.st = st,
                    .batch = opts && opts->batch ? opts->batch : 500,
                    .stats = stats,
                    .err = err};
    struct counted c = {hooks, stats};
    ingest_hooks h = {count_problem, pass_progress, &c};
    (void)h; /* unused only in a build without any parser */
    if ((rc = intake_new(st, &r.in, err)))
        return rc;
    intake_set_region(r.in, opts ? opts->region : NULL);
    if ((rc = batch_open(&r)))
        goto cleanup;
    switch (f) {
    case IMPORT_VCARD:
#ifdef HAVE_VCF
        rc = ingest_vcf_file(path, on_contact, &r, &h, err);
#else
        (void)on_contact;
        rc = unsupported(path, f, err);
#endif
        break;
    case IMPORT_CSV:
#ifdef HAVE_CSV
        rc = ingest_csv_file(path, opts ? opts->map : NULL, on_contact, &r, &h,
                             err);
#else
        rc = unsupported(path, f, err);
#endif
        break;
    case IMPORT_MAIL:
#ifdef HAVE_MAIL
        rc = ingest_mail_path(path, on_message, &r, &h, err);
#else
        (void)on_message;
        rc = unsupported(path, f, err);
#endif
        break;
    case IMPORT_ICS:
#ifdef HAVE_ICS
        rc = ingest_ics_file(path, opts ? opts->from : 0, opts ? opts->to : 0,
                             on_event, &r, &h, err);
#else
        (void)on_event;
        rc = unsupported(path, f, err);
#endif
        break;
    default:
        rc = unsupported(path, f, err);
    }
    if (rc) {
        /* The batch in flight goes; earlier batches stay committed, and
         * a re-run completes the import without duplicates. */
        if (r.open)
            st->ops->rollback(st);
        r.open = false;
    } else {
        rc = batch_close(&r);
    }
cleanup:
    if (r.in) {
        const intake_stats *s = intake_stats_get(r.in);
        stats->intake.people_created += s->people_created;
        stats->intake.people_matched += s->people_matched;
        stats->intake.people_updated += s->people_updated;
        stats->intake.interactions_added += s->interactions_added;
        stats->intake.interactions_present += s->interactions_present;
        stats->intake.skipped += s->skipped;
        stats->intake.without_me += s->without_me;
    }
    intake_free(r.in);
    return rc;
}
