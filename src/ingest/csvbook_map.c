/* csvbook_map.c - a user's column map, and a row into a contact; see
 * csvbook_impl.h. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "ingest/contact.h"
#include "ingest/csvbook.h"
#include "ingest/csvbook_impl.h"

/* The fields a map may name, in csvbook_field order. */
static const char *const field_names[] = {
    "name", "first", "middle",   "last",  "email", "phone",
    "org",  "title", "birthday", "notes", "tags",  "how_met"};
enum { USER_FIELDS = sizeof field_names / sizeof *field_names };

const char csvbook_map_syntax[] =
    "--map 'FIELD=Column,FIELD=Column,...' where FIELD is name (or first, "
    "middle, last), email, phone, org, title, birthday, notes, tags or "
    "how_met, and a field may be given several columns; e.g. --map "
    "'name=Full Name,email=E-mail,email=Work E-mail,phone=Mobile,"
    "org=Company,title=Job,tags=Group'";

bool
csvbook_add_col(rp_arena *a, csvbook_map *m, csvbook_field f, size_t col)
{
    size_t n = m->ncols[f];
    size_t *nv = rp_arena_alloc(a, (n + 1) * sizeof *nv);
    if (!nv)
        return false;
    if (n)
        memcpy(nv, m->cols[f], n * sizeof *nv);
    nv[n] = col;
    m->cols[f] = nv;
    m->ncols[f] = n + 1;
    return true;
}

long
csvbook_column(const csvbook_row *hdr, const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < hdr->n; i++) {
        const char *h = hdr->v[i];
        while (isspace((unsigned char)*h))
            h++;
        size_t hn = strlen(h);
        while (hn && isspace((unsigned char)h[hn - 1]))
            hn--;
        if (hn == n && !strncasecmp(h, name, n))
            return (long)i;
    }
    return -1;
}

rp_code
csvbook_spec_parse(rp_arena *a, const char *text, csvbook_spec *out,
                   rp_err *err)
{
    char *s = rp_arena_strdup(a, text);
    size_t cap = 1;
    for (const char *p = text; *p; p++)
        cap += *p == ',';
    out->field = rp_arena_alloc(a, cap * sizeof *out->field);
    out->column = rp_arena_alloc(a, cap * sizeof *out->column);
    out->n = 0;
    if (!s || !out->field || !out->column)
        return rp_fail(err, RP_ENOMEM, "out of memory");
    for (char *pair = s, *next; pair; pair = next) {
        next = strchr(pair, ',');
        if (next)
            *next++ = '\0';
        pair = contact_trim(pair);
        if (!*pair)
            continue;
        char *eq = strchr(pair, '=');
        if (!eq)
            return rp_fail(err, RP_EINVAL, "--map: '%s' is not FIELD=Column",
                           pair);
        *eq = '\0';
        char *field = contact_trim(pair), *col = contact_trim(eq + 1);
        size_t f = 0;
        while (f < USER_FIELDS && strcasecmp(field, field_names[f]))
            f++;
        if (f == USER_FIELDS)
            return rp_fail(err, RP_EINVAL,
                           "--map: unknown field '%s'; the fields are name, "
                           "first, middle, last, email, phone, org, title, "
                           "birthday, notes, tags and how_met",
                           field);
        if (!*col)
            return rp_fail(err, RP_EINVAL, "--map: field '%s' names no column",
                           field);
        out->field[out->n] = (csvbook_field)f;
        out->column[out->n++] = col;
    }
    if (!out->n)
        return rp_fail(err, RP_EINVAL,
                       "--map is empty: give FIELD=Column pairs");
    return RP_OK;
}

bool
csvbook_spec_fits(const csvbook_spec *spec, const csvbook_row *hdr)
{
    for (size_t i = 0; i < spec->n; i++)
        if (csvbook_column(hdr, spec->column[i]) < 0)
            return false;
    return true;
}

const char *
csvbook_columns(rp_arena *a, const csvbook_row *hdr)
{
    rp_buf b = RP_BUF_INIT;
    for (size_t i = 0; i < hdr->n && b.len < 160; i++)
        rp_buf_addf(&b, "%s\"%s\"", i ? ", " : "", hdr->v[i]);
    if (b.len >= 160)
        rp_buf_adds(&b, ", ...");
    const char *out = rp_arena_strdup(a, b.len ? b.buf : "(none)");
    rp_buf_release(&b);
    return out;
}

rp_code
csvbook_spec_bind(rp_arena *a, const csvbook_spec *spec, const csvbook_row *hdr,
                  csvbook_map *m, const char *source, rp_err *err)
{
    memset(m, 0, sizeof *m);
    m->kind = "--map";
    for (size_t i = 0; i < spec->n; i++) {
        long c = csvbook_column(hdr, spec->column[i]);
        if (c < 0)
            return rp_fail(err, RP_EINVAL,
                           "--map: no column '%s' in '%s'; its columns are "
                           "%s",
                           spec->column[i], source, csvbook_columns(a, hdr));
        if (!csvbook_add_col(a, m, spec->field[i], (size_t)c))
            return rp_fail(err, RP_ENOMEM, "out of memory");
    }
    return RP_OK;
}

/* The value of field f's i-th column in row, trimmed, or "". */
static char *
cell(rp_arena *a, const csvbook_map *m, const csvbook_row *row, csvbook_field f,
     size_t i)
{
    size_t c = m->cols[f][i];
    char *s = rp_arena_strdup(a, c < row->n ? row->v[c] : "");
    return s ? contact_trim(s) : NULL;
}

/* The first non-empty column of f, or NULL. */
static const char *
first_value(rp_arena *a, const csvbook_map *m, const csvbook_row *row,
            csvbook_field f)
{
    for (size_t i = 0; i < m->ncols[f]; i++) {
        char *s = cell(a, m, row, f, i);
        if (s && *s)
            return s;
    }
    return NULL;
}

/* The non-empty columns of f joined by sep, or NULL. */
static const char *
joined(rp_arena *a, const csvbook_map *m, const csvbook_row *row,
       csvbook_field f, const char *sep, rp_buf *b)
{
    rp_buf_reset(b);
    for (size_t i = 0; i < m->ncols[f]; i++) {
        char *s = cell(a, m, row, f, i);
        if (s && *s) {
            if (b->len)
                rp_buf_adds(b, sep);
            rp_buf_adds(b, s);
        }
    }
    return b->len ? rp_arena_strdup(a, b->buf) : NULL;
}

/* Every value of f's columns, split at " ::: " and at any of seps. */
static rp_code
list(rp_arena *a, const csvbook_map *m, const csvbook_row *row, csvbook_field f,
     const char *seps, contact_strs *out)
{
    rp_code rc = RP_OK;
    for (size_t i = 0; i < m->ncols[f] && !rc; i++) {
        char *s = cell(a, m, row, f, i);
        while (s && *s && !rc) {
            char *end = strstr(s, " ::: ");
            size_t n = strcspn(s, seps);
            char *next = NULL;
            if (end && (size_t)(end - s) <= n) {
                *end = '\0';
                next = end + 5;
            } else if (s[n]) {
                s[n] = '\0';
                next = s + n + 1;
            }
            char *v = contact_trim(s);
            if (f == CF_TAGS && v[0] == '*' && v[1] == ' ') {
                /* Google's own groups: every contact is in "My
                 * Contacts"; the others ("* starred") are kept. */
                v = contact_trim(v + 1);
                if (!strcasecmp(v, "myContacts") ||
                    !strcasecmp(v, "My Contacts"))
                    v = "";
            }
            rc = contact_strs_add(a, out, v);
            s = next;
        }
    }
    return rc;
}

/* "12 Jan 2021" (LinkedIn) or "2021-01-12" as "2021-01-12", else NULL. */
static const char *
connected_date(rp_arena *a, const char *s)
{
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    int d, y;
    char mon[4], buf[48];
    if (sscanf(s, "%d %3s %d", &d, mon, &y) == 3) {
        const char *p = strcasestr(months, mon);
        if (!p || (p - months) % 3)
            return NULL;
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", y % 10000,
                 (int)(p - months) / 3 + 1, d % 100);
        char out[16];
        return contact_birthday(buf, out, sizeof out) ? rp_arena_strdup(a, buf)
                                                      : NULL;
    }
    char out[16];
    return contact_birthday(s, out, sizeof out) && strlen(out) == 10
               ? rp_arena_strdup(a, out)
               : NULL;
}

rp_code
csvbook_contact(rp_arena *a, const csvbook_map *m, const csvbook_row *row,
                ingest_contact *out)
{
    rp_buf b = RP_BUF_INIT;
    contact_strs emails = {0}, phones = {0}, tags = {0};
    rp_code rc = RP_OK;
    memset(out, 0, sizeof *out);
    out->name = joined(a, m, row, CF_NAME, " ", &b);
    if (!out->name) {
        rp_buf nb = RP_BUF_INIT;
        const csvbook_field parts[] = {CF_FIRST, CF_MIDDLE, CF_LAST};
        for (size_t i = 0; i < 3; i++) {
            const char *s = joined(a, m, row, parts[i], " ", &b);
            if (s && nb.len)
                rp_buf_addc(&nb, ' ');
            if (s)
                rp_buf_adds(&nb, s);
        }
        out->name = nb.len ? rp_arena_strdup(a, nb.buf) : NULL;
        rp_buf_release(&nb);
    }
    if ((rc = list(a, m, row, CF_EMAIL, ";,", &emails)) ||
        (rc = list(a, m, row, CF_PHONE, ";", &phones)) ||
        (rc = list(a, m, row, CF_TAGS, ";,", &tags)))
        goto cleanup;
    out->emails = emails.v;
    out->nemails = emails.n;
    out->phones = phones.v;
    out->nphones = phones.n;
    out->tags = tags.v;
    out->ntags = tags.n;
    out->org = first_value(a, m, row, CF_ORG);
    out->title = first_value(a, m, row, CF_TITLE);
    const char *bday = first_value(a, m, row, CF_BIRTHDAY);
    char bbuf[16];
    if (bday && contact_birthday(bday, bbuf, sizeof bbuf))
        out->birthday = rp_arena_strdup(a, bbuf);
    out->notes = joined(a, m, row, CF_NOTES, "\n", &b);
    const char *url = first_value(a, m, row, CF_URL);
    if (url)
        out->notes =
            out->notes ? rp_arena_printf(a, "%s\nLinkedIn: %s", out->notes, url)
                       : rp_arena_printf(a, "LinkedIn: %s", url);
    out->how_met = first_value(a, m, row, CF_HOW_MET);
    const char *on = first_value(a, m, row, CF_CONNECTED);
    if (on && !out->how_met) {
        const char *date = connected_date(a, on);
        out->how_met =
            rp_arena_printf(a, "LinkedIn, connected %s", date ? date : on);
    } else if (!out->how_met && !strcmp(m->kind, "LinkedIn")) {
        out->how_met = "LinkedIn";
    }
cleanup:
    rp_buf_release(&b);
    return rc;
}
