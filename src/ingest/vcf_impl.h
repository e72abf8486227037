/*
 * vcf_impl.h - the pieces of the vCard reader (vcf.h) that are shared
 * between its files: lines unfolded, one property line taken apart and
 * its value decoded.
 * Private to src/ingest/vcf*.c.
 */
#ifndef RP_INGEST_VCF_IMPL_H
#define RP_INGEST_VCF_IMPL_H

#include <stdbool.h>

#include "base/arena.h"
#include "base/buf.h"
#include "ingest/linesrc.h"

/* Longest property kept (a photo is read past, not kept): far above any
 * name or note, and a bound on what a hostile file can make us hold. */
enum { VCF_PROP_MAX = 1 << 20 };

/* Unfolds physical lines into logical ones. */
typedef struct {
    linesrc src;
    const char *next; /* the line after the current one, not yet used */
    size_t nnext;
    bool next_cut;
    rp_buf line; /* the current logical line */
    long lineno; /* where it starts */
    bool cut;    /* longer than VCF_PROP_MAX */
} vcf_unfolder;

/*
 * The next logical line in u->line (RP_OK with *more false at the end):
 * a line, then every line that starts with a space or tab without that
 * character, then for quoted-printable every line after a soft break
 * ("=" at the end) unless it is END:VCARD.  A binary property (PHOTO,
 * LOGO, SOUND, KEY) keeps only its start, however long.  A UTF-8 byte
 * order mark on line 1 is dropped.  RP_EIO, RP_ENOMEM.
 */
rp_code vcf_unfold(vcf_unfolder *u, bool *more);

typedef struct {
    const char *name; /* upper-cased, without its group */
    char *params;     /* after the first ';' of the name part, or "" */
    char *value;      /* as written, after the first ':' */
} vcf_prop;

/* Splits the unfolded line in place; the name is copied into a.  False
 * when the line has no ':' (or no name before it). */
bool vcf_prop_split(rp_arena *a, char *line, vcf_prop *p);

/* True when the property's parameters name this encoding: "ENCODING=X",
 * "TYPE=X" or bare "X" (2.1), without case. */
bool vcf_prop_encoded(const vcf_prop *p, const char *encoding);

/* The value of parameter key (without case), unquoted, in a; NULL when
 * absent. */
const char *vcf_prop_param(rp_arena *a, const vcf_prop *p, const char *key);

/* The value decoded to UTF-8 text: quoted-printable undone, charset
 * converted.  Escapes are left for vcf_next_part.  NULL: out of memory. */
char *vcf_prop_text(rp_arena *a, const vcf_prop *p);

/*
 * The next part of a structured value: cuts *cursor at the first
 * unescaped character of seps, unescapes the part in place (\n, \N, \,,
 * \;, \\) and advances *cursor past the separator (NULL after the last
 * part).  Call with *cursor NULL to get NULL.
 */
char *vcf_next_part(char **cursor, const char *seps);

/* True when the line starts a property whose value is read past: PHOTO,
 * LOGO, SOUND, KEY (with or without a group). */
bool vcf_is_binary_line(const char *line, size_t n);

/* True when the line's name and parameters ask for quoted-printable. */
bool vcf_is_qp_line(const char *line, size_t n);

#endif
