/* csvbook.c - CSV address books, one row at a time; see csvbook.h. */
#include "ingest/csvbook.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "ingest/contact.h"
#include "ingest/csvbook_impl.h"
#include "ingest/linesrc.h"

/* A row longer than this is no contact: most likely a quote left open,
 * which would otherwise swallow the rest of the file into one field. */
enum { ROW_MAX = 4 << 20, PREAMBLE_MAX = 20 };

typedef struct {
    struct csv_parser p;
    bool p_ready;
    bool delim_chosen; /* from the first line with a separator */
    linesrc src;
    const char *source;
    ingest_contact_fn *fn;
    void *ud;
    const ingest_hooks *hooks;
    uint64_t total;
    rp_err *err;
    rp_arena *a; /* for the whole file: the map, the first row */
    const csvbook_spec *spec;
    csvbook_map map;
    bool have_header;
    size_t header_n;
    long rows_before_header;
    const csvbook_row *first_row; /* for the error when nothing fits */
    /* The row being read. */
    rp_buf fields; /* each field NUL-terminated */
    size_t *offs, nfields, capfields;
    long row_line;
    bool row_open;
    size_t row_bytes;
    rp_code rc; /* set by a callback to stop */
} reader;

static void
problem(reader *r, long line, const char *why)
{
    if (r->hooks && r->hooks->problem)
        r->hooks->problem(r->hooks->ud, r->source, line, why);
}

static void
row_reset(reader *r)
{
    rp_buf_reset(&r->fields);
    r->nfields = 0;
    r->row_open = false;
    r->row_bytes = 0;
}

static void
on_field(void *s, size_t len, void *ud)
{
    reader *r = ud;
    if (r->rc)
        return;
    if (rp_grow((void **)&r->offs, &r->capfields, r->nfields, sizeof *r->offs,
                32)) {
        r->rc = rp_fail(r->err, RP_ENOMEM, "out of memory");
        return;
    }
    r->offs[r->nfields++] = r->fields.len;
    if (rp_buf_add(&r->fields, s ? s : "", s ? len : 0) ||
        rp_buf_addc(&r->fields, '\0'))
        r->rc = rp_fail(r->err, RP_ENOMEM, "out of memory");
}

/* The row's fields as UTF-8 strings in a; NULL when out of memory. */
static csvbook_row *
row_view(reader *r, rp_arena *a)
{
    csvbook_row *row = rp_arena_alloc(a, sizeof *row);
    const char **v = rp_arena_alloc(a, (r->nfields + 1) * sizeof *v);
    if (!row || !v)
        return NULL;
    for (size_t i = 0; i < r->nfields; i++) {
        const char *s = r->fields.buf + r->offs[i];
        size_t n = strlen(s);
        if (!(v[i] = contact_to_utf8(a, s, n, NULL)))
            return NULL;
    }
    row->v = v;
    row->n = r->nfields;
    return row;
}

static bool
row_empty(const csvbook_row *row)
{
    for (size_t i = 0; i < row->n; i++)
        if (*contact_trim((char *)row->v[i]))
            return false;
    return true;
}

/* The error for a header that fits neither a known export nor the map. */
static rp_code
unknown_header(reader *r, const csvbook_row *hdr)
{
    if (r->spec) {
        csvbook_map m;
        return csvbook_spec_bind(r->a, r->spec, hdr, &m, r->source, r->err);
    }
    return rp_fail(r->err, RP_EINVAL,
                   "'%s' is not a LinkedIn, Google Contacts or Outlook "
                   "export: name its columns with --map; they are %s",
                   r->source, csvbook_columns(r->a, hdr));
}

/* A row before the header: the header itself, LinkedIn's "Notes:"
 * preamble (one field to a row), or the end of the search. */
static rp_code
header_row(reader *r, const csvbook_row *row)
{
    rp_code rc;
    if (!r->first_row) {
        csvbook_row *copy = rp_arena_alloc(r->a, sizeof *copy);
        const char **v = rp_arena_alloc(r->a, (row->n + 1) * sizeof *v);
        if (!copy || !v)
            return rp_fail(r->err, RP_ENOMEM, "out of memory");
        for (size_t i = 0; i < row->n; i++)
            v[i] = rp_arena_strdup(r->a, row->v[i]);
        *copy = (csvbook_row){v, row->n};
        r->first_row = copy;
    }
    if (r->spec && csvbook_spec_fits(r->spec, row)) {
        if ((rc = csvbook_spec_bind(r->a, r->spec, row, &r->map, r->source,
                                    r->err)))
            return rc;
        r->have_header = true;
    } else if (!r->spec && csvbook_recognise(r->a, row, &r->map)) {
        r->have_header = true;
    } else if (row->n > 1 || ++r->rows_before_header > PREAMBLE_MAX) {
        return unknown_header(r, row->n > 1 ? row : r->first_row);
    }
    r->header_n = row->n;
    return RP_OK;
}

/* One whole row: the header, or a contact for the callback. */
static rp_code
handle_row(reader *r)
{
    rp_arena *a = rp_arena_new();
    csvbook_row *row = a ? row_view(r, a) : NULL;
    rp_code rc = RP_OK;
    char why[128];
    if (!row) {
        rc = rp_fail(r->err, RP_ENOMEM, "out of memory");
        goto cleanup;
    }
    if (!r->have_header && row->n && !strncmp(row->v[0], "\xef\xbb\xbf", 3))
        row->v[0] += 3; /* a byte order mark */
    if (row_empty(row))
        goto cleanup;
    if (!r->have_header) {
        rc = header_row(r, row);
        goto cleanup;
    }
    if (row->n != r->header_n) {
        snprintf(why, sizeof why,
                 "malformed row: %zu fields where the header has %zu", row->n,
                 r->header_n);
        problem(r, r->row_line, why);
        goto cleanup;
    }
    ingest_contact c;
    if ((rc = csvbook_contact(a, &r->map, row, &c))) {
        rc = rp_fail(r->err, rc, "out of memory");
        goto cleanup;
    }
    rc = r->fn(r->ud, &c);
cleanup:
    rp_arena_free(a);
    if (r->hooks && r->hooks->progress)
        r->hooks->progress(r->hooks->ud, r->src.done, r->total);
    return rc;
}

static void
on_row(int c, void *ud)
{
    reader *r = ud;
    (void)c;
    if (!r->rc)
        r->rc = handle_row(r);
    row_reset(r);
}

static rp_code
parser_reset(reader *r)
{
    row_reset(r);
    unsigned char delim = r->p_ready ? csv_get_delim(&r->p) : ',';
    if (r->p_ready)
        csv_free(&r->p);
    r->p_ready = false;
    if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
        return rp_fail(r->err, RP_ENOMEM, "out of memory");
    csv_set_delim(&r->p, delim);
    r->p_ready = true;
    return RP_OK;
}

static bool
blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != '\r' && s[i] != '\n' && s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

/*
 * Spreadsheets in much of Europe write ';' between fields (',' being
 * their decimal mark), and some exports use tabs: the first line holding
 * any of the three decides, by which it holds most of outside quotes.
 */
static void
choose_delim(reader *r, const char *line, size_t n)
{
    size_t comma = 0, semi = 0, tab = 0;
    bool quoted = false;
    for (size_t i = 0; i < n; i++) {
        if (line[i] == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (line[i] == ',')
            comma++;
        else if (line[i] == ';')
            semi++;
        else if (line[i] == '\t')
            tab++;
    }
    if (!comma && !semi && !tab)
        return;
    r->delim_chosen = true;
    if (semi > comma && semi >= tab)
        csv_set_delim(&r->p, ';');
    else if (tab > comma)
        csv_set_delim(&r->p, '\t');
}

/* Feeds one physical line to libcsv, noting where each row starts. */
static rp_code
feed(reader *r, const char *line, size_t n, bool cut)
{
    if (!r->delim_chosen && !r->row_open)
        choose_delim(r, line, n);
    if (!r->row_open && !blank(line, n)) {
        r->row_open = true;
        r->row_line = r->src.lineno;
    }
    r->row_bytes += n;
    if (cut || r->row_bytes > ROW_MAX) {
        problem(r, r->row_line,
                "malformed row: longer than 4 MB (a quote left open?)");
        return parser_reset(r);
    }
    if (csv_parse(&r->p, line, n, on_field, on_row, r) == n)
        return r->rc;
    if (r->rc)
        return r->rc;
    if (csv_error(&r->p) != CSV_EPARSE)
        return rp_fail(r->err, RP_ENOMEM, "out of memory");
    problem(r, r->row_line,
            "malformed row: a quote inside an unquoted field, or text "
            "after a closing quote");
    return parser_reset(r);
}

static rp_code
read_all(reader *r)
{
    const char *line;
    size_t n;
    bool cut;
    rp_code rc;
    if ((rc = parser_reset(r)))
        return rc;
    for (;;) {
        if ((rc = linesrc_next(&r->src, &line, &n, &cut)))
            return rc == RP_EIO ? rp_fail(r->err, rc, "cannot read '%s': %s",
                                          r->source, strerror(errno))
                                : rp_fail(r->err, rc, "out of memory");
        if (!line)
            break;
        if (r->src.lineno == 1 && linesrc_is_utf16(line, n))
            return rp_fail(r->err, RP_EINVAL,
                           "'%s' is UTF-16 text: save it as UTF-8 (or "
                           "\"CSV UTF-8\") and import it again",
                           r->source);
        if (r->src.lineno == 1)
            linesrc_skip_bom(&line, &n);
        if ((rc = feed(r, line, n, cut)))
            return rc;
    }
    if (csv_fini(&r->p, on_field, on_row, r) != 0 && !r->rc)
        problem(r, r->row_line,
                "malformed row: a quoted field is never closed");
    if (r->rc)
        return r->rc;
    if (!r->have_header) {
        if (r->first_row)
            return unknown_header(r, r->first_row);
        return rp_fail(r->err, RP_EINVAL, "'%s' is empty: no header row",
                       r->source);
    }
    return RP_OK;
}

static rp_code
run(FILE *f, const char *data, size_t len, uint64_t total, const char *source,
    const char *map, ingest_contact_fn *fn, void *ud, const ingest_hooks *hooks,
    rp_err *err)
{
    reader r = {.source = source,
                .fn = fn,
                .ud = ud,
                .hooks = hooks,
                .total = total,
                .err = err};
    csvbook_spec spec;
    rp_code rc = RP_OK;
    rp_buf_init(&r.fields, 0);
    linesrc_init(&r.src, f, data, len, ROW_MAX + 1);
    if (!(r.a = rp_arena_new())) {
        rc = rp_fail(err, RP_ENOMEM, "out of memory");
        goto cleanup;
    }
    if (map && (rc = csvbook_spec_parse(r.a, map, &spec, err)))
        goto cleanup;
    r.spec = map ? &spec : NULL;
    rc = read_all(&r);
cleanup:
    if (r.p_ready)
        csv_free(&r.p);
    rp_free(r.offs);
    rp_buf_release(&r.fields);
    linesrc_release(&r.src);
    rp_arena_free(r.a);
    return rc;
}

rp_code
ingest_csv_file(const char *path, const char *map, ingest_contact_fn *fn,
                void *ud, const ingest_hooks *hooks, rp_err *err)
{
    struct stat sb;
    FILE *f = fopen(path, "rb");
    if (!f)
        return rp_fail(err, RP_EIO, "cannot open '%s': %s", path,
                       strerror(errno));
    uint64_t total = fstat(fileno(f), &sb) == 0 ? (uint64_t)sb.st_size : 0;
    rp_code rc = run(f, NULL, 0, total, path, map, fn, ud, hooks, err);
    fclose(f);
    return rc;
}

rp_code
ingest_csv_buffer(const char *data, size_t len, const char *source,
                  const char *map, ingest_contact_fn *fn, void *ud,
                  const ingest_hooks *hooks, rp_err *err)
{
    return run(NULL, data, len, len, source ? source : "<buffer>", map, fn, ud,
               hooks, err);
}
