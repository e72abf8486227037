/* mail_message.c - one GMimeMessage into an ingest_message; see
 * mail_impl.h and mailparse.h for the rules. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/arena.h"
#include "ingest/htmltext.h"
#include "ingest/mail_impl.h"

/* Bodies past this are cut: the book keeps what a person wrote, and a
 * multi-megabyte text part is a log or a listing, not a letter. */
#define BODY_MAX (1u << 20)

/* Mailboxes in l (groups flattened), or 0 when l is NULL. */
static size_t
count_mailboxes(InternetAddressList *l)
{
    size_t n = 0;
    int len = l ? internet_address_list_length(l) : 0;
    for (int i = 0; i < len; i++) {
        InternetAddress *ia = internet_address_list_get_address(l, i);
        if (INTERNET_ADDRESS_IS_GROUP(ia))
            n += count_mailboxes(
                internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ia)));
        else if (INTERNET_ADDRESS_IS_MAILBOX(ia))
            n++;
    }
    return n;
}

/* Copies the mailboxes of l with an address into v[*n...]. */
static void
fill_mailboxes(InternetAddressList *l, ingest_addr *v, size_t *n)
{
    int len = l ? internet_address_list_length(l) : 0;
    for (int i = 0; i < len; i++) {
        InternetAddress *ia = internet_address_list_get_address(l, i);
        if (INTERNET_ADDRESS_IS_GROUP(ia)) {
            fill_mailboxes(
                internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ia)),
                v, n);
            continue;
        }
        if (!INTERNET_ADDRESS_IS_MAILBOX(ia))
            continue;
        const char *addr =
            internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia));
        if (!addr || !*addr)
            continue;
        const char *name = internet_address_get_name(ia);
        v[(*n)++] = (ingest_addr){name && *name ? name : NULL, addr};
    }
}

/* '@' signs in value outside quoted strings: how many addresses it
 * seems to hold. */
static size_t
count_ats(const char *value)
{
    size_t n = 0;
    bool quoted = false;
    for (const char *p = value; p && *p; p++) {
        if (*p == '\\' && quoted && p[1])
            p++;
        else if (*p == '"')
            quoted = !quoted;
        else if (*p == '@' && !quoted)
            n++;
    }
    return n;
}

static char *
trim(char *s, char *e)
{
    while (s < e && (*s == ' ' || *s == '\t' || *s == '"' || *s == '\''))
        s++;
    while (e > s &&
           (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '"' || e[-1] == '\''))
        e--;
    *e = '\0';
    return s;
}

/*
 * A forgiving reading of an address header (already decoded), for what
 * GMime's parser refuses: Enron's "k..allen@enron.com" and other local
 * parts real servers accepted.  Items are split at commas outside quotes
 * and angle brackets; an item is "name <addr>" or a bare address, with
 * any "(comment)" dropped.
 */
static ingest_addr *
loose_addresses(rp_arena *a, const char *value, size_t *n)
{
    size_t cap = count_ats(value);
    ingest_addr *v = rp_arena_alloc(a, (cap ? cap : 1) * sizeof *v);
    char *copy = rp_arena_strdup(a, value);
    *n = 0;
    if (!v || !copy)
        return NULL;
    char *item = copy;
    bool quoted = false, angle = false;
    for (char *p = copy;; p++) {
        if (*p == '"' && !angle)
            quoted = !quoted;
        else if (*p == '<' && !quoted)
            angle = true;
        else if (*p == '>' && !quoted)
            angle = false;
        if (*p && (quoted || angle || (*p != ',' && *p != ';')))
            continue;
        char end = *p;
        *p = '\0';
        char *lt = strchr(item, '<'), *addr, *name = NULL;
        if (lt) {
            char *gt = strchr(lt, '>');
            addr = trim(lt + 1, gt ? gt : lt + 1 + strlen(lt + 1));
            name = trim(item, lt);
        } else {
            char *paren = strchr(item, '(');
            addr = trim(item, paren ? paren : item + strlen(item));
            char *colon = strchr(addr, ':'); /* a group's name */
            if (colon && colon < strchr(addr, '@'))
                addr = trim(colon + 1, addr + strlen(addr));
        }
        if (strchr(addr, '@') && !strpbrk(addr, " \t") && *n < cap)
            v[(*n)++] = (ingest_addr){name && *name ? name : NULL, addr};
        if (!end)
            break;
        item = p + 1;
    }
    return v;
}

/*
 * The addresses of one header as an arena array; *n is how many.  GMime
 * reads them unless it finds fewer than the header seems to hold.
 */
static ingest_addr *
addresses(rp_arena *a, GMimeMessage *msg, const char *name,
          InternetAddressList *l, size_t *n)
{
    size_t cap = count_mailboxes(l);
    const char *raw = g_mime_object_get_header(GMIME_OBJECT(msg), name);
    *n = 0;
    if (raw && count_ats(raw) > cap)
        return loose_addresses(a, raw, n);
    ingest_addr *v = cap ? rp_arena_alloc(a, cap * sizeof *v) : NULL;
    if (v)
        fill_mailboxes(l, v, n);
    return v;
}

/* A header's value with leading blanks skipped, or NULL when absent or
 * empty. */
static const char *
header(GMimeMessage *msg, const char *name)
{
    const char *v = g_mime_object_get_header(GMIME_OBJECT(msg), name);
    while (v && (*v == ' ' || *v == '\t'))
        v++;
    return v && *v ? v : NULL;
}

/* Does value start with word, as a whole token (case-insensitive)? */
static bool
starts_word(const char *value, const char *word)
{
    size_t n = strlen(word);
    return !strncasecmp(value, word, n) && !isalnum((unsigned char)value[n]) &&
           value[n] != '-';
}

/* Does the local part of email hold one of the names machines send as? */
static bool
machine_sender(const char *email)
{
    static const char *const names[] = {
        "noreply",       "no-reply",      "no_reply",
        "donotreply",    "do-not-reply",  "do_not_reply",
        "mailer-daemon", "notifications", "notification"};
    const char *at = email ? strchr(email, '@') : NULL;
    if (!at)
        return false;
    size_t n = (size_t)(at - email);
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        size_t m = strlen(names[i]);
        for (size_t k = 0; k + m <= n; k++)
            if (!strncasecmp(email + k, names[i], m))
                return true;
    }
    return false;
}

/* Mail sent by a machine or to a list: kept, but marked so it does not
 * count as someone writing to the user. */
static bool
automated(GMimeMessage *msg, const char *from)
{
    const char *v;
    if (header(msg, "List-Id") || header(msg, "List-Unsubscribe"))
        return true;
    if ((v = header(msg, "Precedence")) &&
        (starts_word(v, "bulk") || starts_word(v, "list") ||
         starts_word(v, "junk")))
        return true;
    if ((v = header(msg, "Auto-Submitted")) && !starts_word(v, "no"))
        return true;
    return machine_sender(from);
}

/* The first id a References or In-Reply-To header names, in arena a. */
static const char *
first_reference(rp_arena *a, const char *value)
{
    if (!value)
        return NULL;
    GMimeReferences *refs =
        g_mime_references_parse(mail_parser_options(), value);
    const char *id = NULL;
    if (refs && g_mime_references_length(refs) > 0)
        id = rp_arena_strdup(a, g_mime_references_get_message_id(refs, 0));
    g_mime_references_free(refs);
    return id && *id ? id : NULL;
}

/* FNV-1a: a stable id for a message that has none. */
static uint64_t
fnv1a(uint64_t h, const char *s)
{
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    return (h ^ 0xff) * 0x100000001b3ULL; /* a field separator */
}

/* Finds the first text/plain and first text/html part that are not
 * attachments, depth first; attached messages are not looked into. */
static void
find_text(GMimeObject *o, GMimePart **plain, GMimePart **html)
{
    if (!o || *plain)
        return;
    if (GMIME_IS_MULTIPART(o)) {
        GMimeMultipart *mp = GMIME_MULTIPART(o);
        int n = g_mime_multipart_get_count(mp);
        for (int i = 0; i < n && !*plain; i++)
            find_text(g_mime_multipart_get_part(mp, i), plain, html);
        return;
    }
    if (!GMIME_IS_PART(o) || g_mime_part_is_attachment(GMIME_PART(o)))
        return;
    GMimeContentType *ct = g_mime_object_get_content_type(o);
    if (!ct || g_mime_content_type_is_type(ct, "text", "plain"))
        *plain = GMIME_PART(o);
    else if (!*html && g_mime_content_type_is_type(ct, "text", "html"))
        *html = GMIME_PART(o);
}

static bool
is_utf8_name(const char *cs)
{
    return !g_ascii_strcasecmp(cs, "utf-8") ||
           !g_ascii_strcasecmp(cs, "utf8") ||
           !g_ascii_strcasecmp(cs, "us-ascii") ||
           !g_ascii_strcasecmp(cs, "ascii");
}

/*
 * Decodes part's content (transfer encoding, then charset) into out as
 * UTF-8.  Text that claims UTF-8 (or no charset) but is not is read as
 * Windows-1252, which is what such mail almost always is; anything still
 * invalid becomes U+FFFD.  NUL bytes become spaces.
 */
static rp_code
part_text(GMimePart *part, rp_buf *out)
{
    GMimeDataWrapper *w = g_mime_part_get_content(part);
    rp_code rc = RP_OK;
    rp_buf_reset(out);
    if (!w)
        return RP_OK;
    GByteArray *ba = g_byte_array_new();
    GMimeStream *mem = g_mime_stream_mem_new_with_byte_array(ba);
    GMimeStream *f = g_mime_stream_filter_new(mem);
    const char *cs =
        g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "charset");
    bool converted = false;
    if (cs && !is_utf8_name(cs)) {
        GMimeFilter *cf = g_mime_filter_charset_new(cs, "utf-8");
        if (cf) {
            g_mime_stream_filter_add(GMIME_STREAM_FILTER(f), cf);
            g_object_unref(cf);
            converted = true;
        }
    }
    g_mime_data_wrapper_write_to_stream(w, f);
    g_mime_stream_flush(f);
    g_object_unref(f);
    char *data = (char *)ba->data;
    size_t len = ba->len > BODY_MAX ? BODY_MAX : ba->len;
    for (size_t i = 0; i < len; i++)
        if (!data[i])
            data[i] = ' ';
    const char *end = NULL;
    if (g_utf8_validate(data, (gssize)len, &end)) {
        rc = rp_buf_add(out, data, len);
    } else if (!converted && end && len - (size_t)(end - data) > 4) {
        gsize n = 0;
        char *u = g_convert(data, (gssize)len, "utf-8", "windows-1252", NULL,
                            &n, NULL);
        if (!u)
            u = g_utf8_make_valid(data, (gssize)len);
        rc = rp_buf_adds(out, u);
        g_free(u);
    } else {
        /* A cut multi-byte character at the end, or a stray byte in
         * converted text. */
        char *u = g_utf8_make_valid(data, (gssize)len);
        rc = rp_buf_adds(out, u);
        g_free(u);
    }
    g_object_unref(mem); /* frees ba */
    return rc;
}

/*
 * Copies text into out with line ends made LF, and in an mbox body one
 * '>' taken off each ">From " line (mboxrd quoting, which also undoes the
 * older mboxo quoting in all but the rarest cases).
 */
static rp_code
copy_lines(rp_buf *out, const char *text, size_t len, bool unquote)
{
    rp_code rc = rp_buf_grow(out, len);
    const char *p = text, *end = text + len;
    while (!rc && p < end) {
        if (unquote && *p == '>') {
            const char *q = p;
            while (q < end && *q == '>')
                q++;
            if (end - q >= 5 && !memcmp(q, "From ", 5))
                p++;
        }
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        size_t n = (size_t)(stop - p);
        if (nl && n && stop[-1] == '\r')
            n--;
        rc = rp_buf_add(out, p, n);
        if (!rc && nl)
            rc = rp_buf_addc(out, '\n');
        p = nl ? nl + 1 : end;
    }
    return rc;
}

/* Fills r->body with the message's text; empty when it has none. */
static rp_code
body_text(mail_reader *r, GMimeMessage *msg, bool unquote)
{
    GMimePart *plain = NULL, *html = NULL;
    rp_code rc = RP_OK;
    rp_buf_reset(&r->body);
    find_text(g_mime_message_get_mime_part(msg), &plain, &html);
    if (plain) {
        if (!(rc = part_text(plain, &r->html)))
            rc = copy_lines(&r->body, r->html.buf, r->html.len, unquote);
    } else if (html) {
        rp_buf text = RP_BUF_INIT;
        if (!(rc = part_text(html, &r->html)))
            rc = htmltext_convert(r->html.buf, r->html.len, &text, NULL);
        if (!rc)
            rc = copy_lines(&r->body, text.buf, text.len, unquote);
        rp_buf_release(&text);
    }
    /* Trailing blank lines differ between an mbox and a Maildir copy of
     * the same message, and say nothing. */
    while (r->body.len && strchr(" \t\n", r->body.buf[r->body.len - 1]))
        r->body.buf[--r->body.len] = '\0';
    /* So do blank lines before the text (but not the indent of its first
     * line). */
    size_t lead = 0;
    for (size_t i = 0; i < r->body.len && strchr(" \t\n", r->body.buf[i]); i++)
        if (r->body.buf[i] == '\n')
            lead = i + 1;
    if (lead) {
        memmove(r->body.buf, r->body.buf + lead, r->body.len - lead + 1);
        r->body.len -= lead;
    }
    return rc;
}

/*
 * s itself when it is valid UTF-8 (or NULL), else a valid copy in a: read
 * as Windows-1252 when it can be, with U+FFFD for what cannot.  GMime
 * decodes headers with the fallback charsets, but raw bytes can still
 * come through (a bare CR inside a header defeats it), and the store and
 * the JSON output need UTF-8.
 */
static const char *
clean_utf8(rp_arena *a, const char *s)
{
    if (!s || g_utf8_validate(s, -1, NULL))
        return s;
    char *u = g_convert(s, -1, "utf-8", "windows-1252", NULL, NULL, NULL);
    if (!u)
        u = g_utf8_make_valid(s, -1);
    const char *copy = rp_arena_strdup(a, u);
    g_free(u);
    return copy ? copy : "";
}

/* Cleans the names and addresses of v[0..n) in place. */
static void
clean_addrs(rp_arena *a, ingest_addr *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++) {
        v[i].name = clean_utf8(a, v[i].name);
        v[i].email = clean_utf8(a, v[i].email);
    }
}

static const char *
source_name(mail_reader *r, mail_kind kind, const char *file)
{
    static const char *const prefix[] = {"mbox:", "maildir:", "eml:", ""};
    rp_buf_reset(&r->source);
    if (rp_buf_adds(&r->source, prefix[kind]) || rp_buf_adds(&r->source, file))
        return file;
    return r->source.buf;
}

rp_code
mail_message_emit(mail_reader *r, GMimeMessage *msg, mail_kind kind,
                  const char *file, long pos)
{
    rp_arena *a = rp_arena_new();
    rp_code rc = RP_OK;
    ingest_message m = {0};
    size_t nfrom = 0;
    char idbuf[64];
    if (!a)
        return rp_fail(r->err, RP_ENOMEM, "out of memory");
    ingest_addr *from =
        addresses(a, msg, "From", g_mime_message_get_from(msg), &nfrom);
    GDateTime *date = g_mime_message_get_date(msg);
    if (!nfrom) {
        mail_problem(r, file, pos, "message without a From address");
        goto cleanup;
    }
    if (!date) {
        mail_problem(r, file, pos,
                     header(msg, "Date") ? "message with an unreadable Date"
                                         : "message without a Date");
        goto cleanup;
    }
    m.from = from[0];
    m.date = g_date_time_to_unix(date);
    m.subject = g_mime_message_get_subject(msg);
    m.to = addresses(a, msg, "To",
                     g_mime_message_get_addresses(msg, GMIME_ADDRESS_TYPE_TO),
                     &m.nto);
    m.cc = addresses(a, msg, "Cc",
                     g_mime_message_get_addresses(msg, GMIME_ADDRESS_TYPE_CC),
                     &m.ncc);
    m.message_id = g_mime_message_get_message_id(msg);
    if (!m.message_id || !*m.message_id) {
        uint64_t h = 0xcbf29ce484222325ULL;
        h = fnv1a(fnv1a(fnv1a(h, header(msg, "Date")), m.from.email),
                  m.subject);
        snprintf(idbuf, sizeof idbuf, "%016llx@synthesized.rapport.invalid",
                 (unsigned long long)h);
        m.message_id = idbuf;
    }
    m.thread = first_reference(a, header(msg, "References"));
    if (!m.thread)
        m.thread = first_reference(a, header(msg, "In-Reply-To"));
    if (!m.thread)
        m.thread = m.message_id;
    /* Everything passed on is UTF-8, whatever bytes the headers held. */
    clean_addrs(a, from, 1);
    m.from = from[0];
    clean_addrs(a, (ingest_addr *)m.to, m.nto);
    clean_addrs(a, (ingest_addr *)m.cc, m.ncc);
    m.subject = clean_utf8(a, m.subject);
    m.message_id = clean_utf8(a, m.message_id);
    m.thread = clean_utf8(a, m.thread);
    m.automated = automated(msg, m.from.email);
    if ((rc = body_text(r, msg, kind == MAIL_MBOX))) {
        rc = rp_fail(r->err, rc, "out of memory reading a message in '%s'",
                     file);
        goto cleanup;
    }
    m.body = r->body.len ? r->body.buf : NULL;
    m.source = source_name(r, kind, file);
    rc = r->fn(r->ud, &m);
cleanup:
    rp_arena_free(a);
    return rc;
}

rp_code
mail_message_read_buffer(mail_reader *r, const char *data, size_t len,
                         mail_kind kind, const char *file)
{
    /* A message saved from an mbox may keep its From_ line, which is not
     * a header. */
    if (len >= 5 && !memcmp(data, "From ", 5)) {
        const char *nl = memchr(data, '\n', len);
        size_t skip = nl ? (size_t)(nl - data) + 1 : len;
        data += skip;
        len -= skip;
    }
    GMimeStream *s = g_mime_stream_mem_new_with_buffer(len ? data : "", len);
    GMimeParser *p = g_mime_parser_new_with_stream(s);
    g_mime_parser_set_persist_stream(p, TRUE);
    GMimeMessage *msg =
        g_mime_parser_construct_message(p, mail_parser_options());
    rp_code rc = RP_OK;
    if (msg)
        rc = mail_message_emit(r, msg, kind, file, 0);
    else
        mail_problem(r, file, 0, "not a mail message");
    if (msg)
        g_object_unref(msg);
    g_object_unref(p);
    g_object_unref(s);
    return rc;
}
