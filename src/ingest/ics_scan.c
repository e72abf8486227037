/* ics_scan.c - the first pass over an iCalendar text: where each event
 * and time zone lies, before libical sees any of it; see ics_impl.h. */
#include <string.h>
#include <strings.h>

#include "ingest/ics_impl.h"

bool
ics_lines_next(ics_lines *it, rp_buf *buf, long *line, bool *oom)
{
    bool first = true;
    rp_buf_reset(buf);
    if (it->pos >= it->end)
        return false;
    *line = it->line;
    /* RFC 5545 3.1: a line break followed by one space or tab continues
     * the line; the break and that one character are dropped. */
    while (it->pos < it->end) {
        const char *s = it->data + it->pos;
        size_t room = it->end - it->pos;
        if (!first && *s != ' ' && *s != '\t')
            break;
        const char *nl = memchr(s, '\n', room);
        size_t n = nl ? (size_t)(nl - s) : room;
        size_t take = n;
        if (take && s[take - 1] == '\r')
            take--;
        if (!first && take) {
            s++;
            take--;
        }
        if (rp_buf_add(buf, s, take)) {
            *oom = true;
            return false;
        }
        it->pos += n + (nl ? 1 : 0);
        it->line++;
        first = false;
    }
    return true;
}

/* Whether line is the property name (any case) followed by its
 * parameters or value. */
static bool
name_is(const char *line, const char *name)
{
    size_t n = strlen(name);
    return !strncasecmp(line, name, n) && (line[n] == ':' || line[n] == ';');
}

/* The value of a content line: after the first colon outside a quoted
 * parameter value; "" when there is none. */
static const char *
value_of(const char *line)
{
    bool quoted = false;
    for (const char *p = line; *p; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (*p == ':' && !quoted)
            return p + 1;
    }
    return "";
}

/* Whether a BEGIN or END line names the component kind. */
static bool
names(const char *line, const char *kind)
{
    const char *v = value_of(line);
    size_t n = strlen(kind);
    if (strncasecmp(v, kind, n))
        return false;
    for (v += n; *v == ' ' || *v == '\t'; v++)
        ;
    return !*v;
}

/* Appends a block to *v (grown in the arena), returning it or NULL. */
static ics_block *
push_block(rp_arena *a, ics_block **v, size_t *n, size_t *cap)
{
    if (rp_arena_grow(a, (void **)v, cap, *n, sizeof **v))
        return NULL;
    return &(*v)[(*n)++];
}

static bool
push_cal(ics_scan *s)
{
    if (rp_arena_grow(s->a, (void **)&s->method, &s->capcals, s->ncals,
                      sizeof *s->method))
        return false;
    s->method[s->ncals++] = ICS_PUBLISH;
    return true;
}

/* RFC 5546: a CANCEL cancels its events; in a CANCEL, REPLY, REFRESH or
 * DECLINECOUNTER message an event need not have a DTSTART. */
static ics_method
method_of(const char *v)
{
    if (!strcasecmp(v, "CANCEL"))
        return ICS_CANCEL;
    if (!strcasecmp(v, "REPLY") || !strcasecmp(v, "REFRESH") ||
        !strcasecmp(v, "DECLINECOUNTER"))
        return ICS_REPLY;
    return ICS_PUBLISH;
}

/* Whether a BEGIN line opens a component of RFC 5545 (or 7953): a file
 * may hold a bare VEVENT (as some tools save one event) or a VTODO, and
 * is still iCalendar. */
static bool
is_component(const char *line)
{
    static const char *const kinds[] = {
        "VCALENDAR", "VEVENT",    "VTODO",  "VJOURNAL",
        "VFREEBUSY", "VTIMEZONE", "VALARM", "VAVAILABILITY"};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (names(line, kinds[i]))
            return true;
    return false;
}

/* The first logical line that is not blank must open a component. */
static rp_code
check_start(const char *data, size_t len, const char *source, rp_err *err)
{
    ics_lines it = {data, 0, len, 1};
    rp_buf b = RP_BUF_INIT;
    long line = 0;
    bool oom = false, found = false, ok = false;
    if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3))
        it.pos = 3; /* a UTF-8 byte order mark */
    while (!found && ics_lines_next(&it, &b, &line, &oom)) {
        size_t i = 0;
        while (b.buf[i] == ' ' || b.buf[i] == '\t')
            i++;
        if (!b.buf[i])
            continue;
        found = true;
        ok = name_is(b.buf + i, "BEGIN") && is_component(b.buf + i);
    }
    rp_buf_release(&b);
    if (oom)
        return rp_fail(err, RP_ENOMEM, "out of memory reading '%s'", source);
    if (!found)
        return rp_fail(err, RP_EINVAL,
                       "'%s' is not an iCalendar file: it is empty", source);
    if (!ok)
        return rp_fail(err, RP_EINVAL,
                       "'%s' is not an iCalendar file: line %ld is not "
                       "BEGIN:VCALENDAR (or another iCalendar component)",
                       source, line);
    return RP_OK;
}

rp_code
ics_scan_text(const char *data, size_t len, const char *source, ics_scan *out,
              rp_err *err)
{
    rp_buf b = RP_BUF_INIT;
    rp_code rc;
    memset(out, 0, sizeof *out);
    if ((rc = check_start(data, len, source, err)))
        return rc;
    if (!(out->a = rp_arena_new()))
        return rp_fail(err, RP_ENOMEM, "out of memory reading '%s'", source);
    ics_lines it = {data, 0, len, 1};
    if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3))
        it.pos = 3;
    ics_block *ev = NULL, *tz = NULL; /* the open blocks */
    int depth = 0, ev_depth = 0, tz_depth = 0;
    long line;
    bool oom = false;
    for (;;) {
        size_t at = it.pos;
        if (!ics_lines_next(&it, &b, &line, &oom))
            break;
        const char *l = b.buf;
        if (name_is(l, "BEGIN")) {
            if (depth == 0 && names(l, "VCALENDAR")) {
                if (!push_cal(out))
                    goto nomem;
            } else if (!ev && !tz && names(l, "VEVENT")) {
                if ((!out->ncals && !push_cal(out)) ||
                    !(ev = push_block(out->a, &out->events, &out->nevents,
                                      &out->capevents)))
                    goto nomem;
                *ev = (ics_block){.off = at,
                                  .line = line,
                                  .cal = out->ncals - 1,
                                  .index = out->nevents};
                ev_depth = depth;
            } else if (!ev && !tz && names(l, "VTIMEZONE")) {
                if ((!out->ncals && !push_cal(out)) ||
                    !(tz = push_block(out->a, &out->zones, &out->nzones,
                                      &out->capzones)))
                    goto nomem;
                *tz =
                    (ics_block){.off = at, .line = line, .cal = out->ncals - 1};
                tz_depth = depth;
            }
            depth++;
        } else if (name_is(l, "END")) {
            if (depth > 0)
                depth--;
            if (ev && depth == ev_depth) {
                ev->end = it.pos;
                ev->closed = true;
                ev = NULL;
            } else if (tz && depth == tz_depth) {
                tz->end = it.pos;
                tz->closed = true;
                tz = NULL;
            }
        } else if (ev && depth == ev_depth + 1) {
            if (!ev->uid && name_is(l, "UID") && *value_of(l) &&
                !(ev->uid = rp_arena_strdup(out->a, value_of(l))))
                goto nomem;
            if (name_is(l, "RECURRENCE-ID"))
                ev->override = true;
        } else if (!ev && !tz && depth == 1 && out->ncals &&
                   name_is(l, "METHOD")) {
            out->method[out->ncals - 1] = method_of(value_of(l));
        }
    }
    if (oom)
        goto nomem;
    if (ev)
        ev->end = len;
    if (tz)
        tz->end = len;
    rp_buf_release(&b);
    return RP_OK;
nomem:
    rp_buf_release(&b);
    return rp_fail(err, RP_ENOMEM, "out of memory reading '%s'", source);
}

void
ics_scan_release(ics_scan *s)
{
    rp_arena_free(s->a);
    memset(s, 0, sizeof *s);
}

/*
 * icalparser_clean() is not used: in libical 3.0 the component it returns
 * stays the parser's root, and icalparser_free() frees it a second time.
 * A block whose BEGIN and END lines libical does not pair up (say an
 * unknown component opened inside the event and never closed) gives
 * NULL instead, and icalparser_free() frees what it had started.
 */
icalcomponent *
ics_parse_block(const char *data, size_t off, size_t end)
{
    icalparser *p = icalparser_new();
    icalcomponent *comp = NULL;
    ics_lines it = {data, off, end, 1};
    rp_buf b = RP_BUF_INIT;
    long line;
    bool oom = false;
    if (!p)
        return NULL;
    while (ics_lines_next(&it, &b, &line, &oom)) {
        if (!b.len)
            continue; /* blank lines carry nothing */
        icalcomponent *c = icalparser_add_line(p, b.buf);
        if (c && !comp)
            comp = c;
        else if (c)
            icalcomponent_free(c);
    }
    rp_buf_release(&b);
    icalparser_free(p);
    if (oom && comp) {
        icalcomponent_free(comp);
        comp = NULL;
    }
    return comp;
}
