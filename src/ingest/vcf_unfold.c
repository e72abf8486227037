/* vcf_unfold.c - vCard lines unfolded; see vcf_impl.h. */
#include <string.h>
#include <strings.h>

#include "ingest/vcf_impl.h"

/* What is kept of a property read past (its name and parameters). */
enum { BINARY_KEEP = 256 };

static size_t
strip_eol(const char *s, size_t n)
{
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    return n;
}

/* Appends a piece of a logical line, up to the cap. */
static rp_code
append(vcf_unfolder *u, const char *s, size_t n, size_t cap)
{
    if (u->line.len + n > cap) {
        u->cut = true;
        n = u->line.len < cap ? cap - u->line.len : 0;
    }
    return rp_buf_add(&u->line, s, n);
}

static bool
is_end_line(const char *s, size_t n)
{
    return n >= 9 && !strncasecmp(s, "END:VCARD", 9);
}

/* See vcf_impl.h. */
rp_code
vcf_unfold(vcf_unfolder *u, bool *more)
{
    rp_code rc;
    *more = false;
    if (!u->next &&
        (rc = linesrc_next(&u->src, &u->next, &u->nnext, &u->next_cut)))
        return rc;
    if (!u->next)
        return RP_OK;
    rp_buf_reset(&u->line);
    u->lineno = u->src.lineno;
    u->cut = u->next_cut;
    if (u->lineno == 1)
        linesrc_skip_bom(&u->next, &u->nnext);
    size_t n = strip_eol(u->next, u->nnext);
    bool binary = vcf_is_binary_line(u->next, n);
    bool qp = !binary && vcf_is_qp_line(u->next, n);
    size_t cap = binary ? BINARY_KEEP : VCF_PROP_MAX;
    if ((rc = append(u, u->next, n, cap)))
        return rc;
    for (;;) {
        if ((rc = linesrc_next(&u->src, &u->next, &u->nnext, &u->next_cut)))
            return rc;
        if (!u->next)
            break;
        n = strip_eol(u->next, u->nnext);
        const char *s = u->next;
        if (n && (s[0] == ' ' || s[0] == '\t')) {
            s++, n--;
        } else if (qp && u->line.len && u->line.buf[u->line.len - 1] == '=' &&
                   !is_end_line(s, n)) {
            u->line.buf[--u->line.len] = '\0';
        } else {
            break;
        }
        if (qp && n && u->line.len && u->line.buf[u->line.len - 1] == '=' &&
            (s[0] == ' ' || s[0] == '\t'))
            s++, n--; /* a soft break that was also folded */
        u->cut |= u->next_cut;
        if ((rc = append(u, s, n, cap)))
            return rc;
    }
    if (binary)
        u->cut = false; /* nothing of it is kept anyway */
    *more = true;
    return RP_OK;
}
