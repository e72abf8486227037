/* vcf_prop.c - one vCard property line and its value; see vcf_impl.h. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "ingest/contact.h"
#include "ingest/vcf_impl.h"

/* The end of the name-and-parameters part: the first ':' outside double
 * quotes (4.0 quotes parameter values that hold ':'), else the first ':'
 * at all, else NULL. */
static char *
value_colon(char *line)
{
    bool quoted = false, in_params = false;
    for (char *p = line; *p; p++) {
        if (*p == ';')
            in_params = true;
        else if (*p == '"' && in_params)
            quoted = !quoted;
        else if (*p == ':' && !quoted)
            return p;
    }
    return strchr(line, ':');
}

bool
vcf_prop_split(rp_arena *a, char *line, vcf_prop *p)
{
    char *colon = value_colon(line);
    if (!colon)
        return false;
    *colon = '\0';
    p->value = colon + 1;
    char *semi = strchr(line, ';');
    if (semi) {
        *semi = '\0';
        p->params = semi + 1;
    } else {
        p->params = colon; /* the empty string */
    }
    char *name = line;
    char *dot = strrchr(name, '.');
    if (dot)
        name = dot + 1;
    while (isspace((unsigned char)*name))
        name++;
    size_t n = strlen(name);
    while (n && isspace((unsigned char)name[n - 1]))
        n--;
    if (!n)
        return false;
    char *up = rp_arena_strndup(a, name, n);
    if (!up)
        return false;
    for (char *q = up; *q; q++)
        *q = (char)toupper((unsigned char)*q);
    p->name = up;
    return true;
}

/*
 * Calls each parameter of p in turn: key (NULL for a bare 2.1 parameter)
 * and value, both cut out of a copy; stops when fn returns true.
 */
static bool
each_param(rp_arena *a, const vcf_prop *p,
           bool (*fn)(const char *key, const char *val, void *ud), void *ud)
{
    char *s = rp_arena_strdup(a, p->params);
    while (s && *s) {
        char *end = s;
        bool quoted = false;
        for (; *end && (quoted || *end != ';'); end++)
            if (*end == '"')
                quoted = !quoted;
        char *next = *end ? end + 1 : end;
        *end = '\0';
        char *eq = strchr(s, '=');
        char *key = NULL, *val = s;
        if (eq) {
            *eq = '\0';
            key = contact_trim(s);
            val = eq + 1;
        }
        val = contact_trim(val);
        size_t n = strlen(val);
        if (n >= 2 && val[0] == '"' && val[n - 1] == '"') {
            val[n - 1] = '\0';
            val++;
        }
        if (fn(key, val, ud))
            return true;
        s = next;
    }
    return false;
}

struct find {
    const char *key, *found;
};

static bool
match_key(const char *key, const char *val, void *ud)
{
    struct find *f = ud;
    if (key && !strcasecmp(key, f->key)) {
        f->found = val;
        return true;
    }
    return false;
}

const char *
vcf_prop_param(rp_arena *a, const vcf_prop *p, const char *key)
{
    struct find f = {key, NULL};
    each_param(a, p, match_key, &f);
    return f.found;
}

/* A value list "a,b" holds word, without case. */
static bool
list_has(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *s = list; *s;) {
        const char *end = strchr(s, ',');
        size_t len = end ? (size_t)(end - s) : strlen(s);
        if (len == n && !strncasecmp(s, word, n))
            return true;
        s += len + (end ? 1 : 0);
    }
    return false;
}

static bool
match_encoding(const char *key, const char *val, void *ud)
{
    const char *want = ud;
    if (!key || !strcasecmp(key, "ENCODING") || !strcasecmp(key, "TYPE"))
        return list_has(val, want);
    return false;
}

bool
vcf_prop_encoded(const vcf_prop *p, const char *encoding)
{
    rp_arena *a = rp_arena_new();
    bool yes = a && each_param(a, p, match_encoding, (void *)encoding);
    rp_arena_free(a);
    return yes;
}

static int
hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = toupper(c);
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Quoted-printable "=XX" undone in place; any other '=' stays. */
static size_t
qp_decode(char *s)
{
    char *o = s;
    for (char *p = s; *p;) {
        int hi, lo;
        if (*p == '=' && (hi = hexval((unsigned char)p[1])) >= 0 &&
            (lo = hexval((unsigned char)p[2])) >= 0) {
            *o++ = (char)(hi << 4 | lo);
            p += 3;
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    return (size_t)(o - s);
}

char *
vcf_prop_text(rp_arena *a, const vcf_prop *p)
{
    char *v = rp_arena_strdup(a, p->value);
    if (!v)
        return NULL;
    size_t n = strlen(v);
    if (vcf_prop_encoded(p, "QUOTED-PRINTABLE"))
        n = qp_decode(v);
    /* A decoded NUL would end the string early; the text stops there. */
    n = strnlen(v, n);
    return contact_to_utf8(a, v, n, vcf_prop_param(a, p, "CHARSET"));
}

/* Undoes the text escapes of 3.0 and 4.0 in place; an unknown escape
 * (2.1 has none, so "C:\dir" happens) stays as written. */
static void
unescape(char *s)
{
    char *o = s;
    for (char *p = s; *p; p++) {
        if (*p == '\\' && p[1]) {
            char c = p[1];
            if (c == 'n' || c == 'N') {
                *o++ = '\n';
                p++;
                continue;
            }
            if (c == ',' || c == ';' || c == '\\' || c == ':') {
                *o++ = c;
                p++;
                continue;
            }
        }
        *o++ = *p;
    }
    *o = '\0';
}

char *
vcf_next_part(char **cursor, const char *seps)
{
    char *s = *cursor, *p;
    if (!s)
        return NULL;
    for (p = s; *p && !strchr(seps, *p); p++)
        if (*p == '\\' && p[1])
            p++;
    *cursor = *p ? p + 1 : NULL;
    *p = '\0';
    unescape(s);
    return s;
}

/* The name at the start of a raw line: its group dropped, up to ';' or
 * ':'; in *len. */
static const char *
line_name(const char *line, size_t n, size_t *len)
{
    size_t i = 0, start = 0;
    for (; i < n && line[i] != ';' && line[i] != ':'; i++)
        if (line[i] == '.')
            start = i + 1;
    *len = i - start;
    return line + start;
}

bool
vcf_is_binary_line(const char *line, size_t n)
{
    static const char *const names[] = {"PHOTO", "LOGO", "SOUND", "KEY"};
    size_t len;
    const char *name = line_name(line, n, &len);
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (len == strlen(names[i]) && !strncasecmp(name, names[i], len))
            return true;
    return false;
}

bool
vcf_is_qp_line(const char *line, size_t n)
{
    static const char qp[] = "QUOTED-PRINTABLE";
    size_t m = sizeof qp - 1;
    for (size_t i = 0; i + m <= n && line[i] != ':'; i++)
        if (!strncasecmp(line + i, qp, m))
            return true;
    return false;
}
