/* dedupe.c - likely duplicate people; see dedupe.h. */
#include "core/dedupe.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static int
cmp_str(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

const char *
dedupe_name_key(rp_arena *a, const char *name)
{
    utf8proc_uint8_t *folded = NULL;
    const char *key = NULL;
    /* Case-fold and drop accents so "José" and "JOSE" compare equal. */
    if (utf8proc_map((const utf8proc_uint8_t *)name, 0, &folded,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
                         UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK) < 0)
        return NULL;
    /* Words of two or more letters, sorted: "Byron, Ada B." and
     * "Ada Byron" both become "ada byron". */
    char *copy = rp_arena_strdup(a, (const char *)folded);
    free(folded);
    if (!copy)
        return NULL;
    const char *words[16];
    size_t n = 0;
    for (char *p = copy; *p && n < 16;) {
        while (*p && !((unsigned char)*p >= 0x80 || (*p >= 'a' && *p <= 'z') ||
                       (*p >= '0' && *p <= '9')))
            p++;
        char *start = p;
        while ((unsigned char)*p >= 0x80 || (*p >= 'a' && *p <= 'z') ||
               (*p >= '0' && *p <= '9') || *p == '\'')
            p++;
        if (*p)
            *p++ = '\0';
        if (strlen(start) >= 2)
            words[n++] = start;
    }
    if (n < 2)
        return NULL; /* a single word is too weak to suggest anything */
    qsort(words, n, sizeof *words, cmp_str);
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += strlen(words[i]) + 1;
    char *k = rp_arena_alloc(a, len + 1);
    if (!k)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        strcat(k, words[i]);
        if (i + 1 < n)
            strcat(k, " ");
    }
    key = k;
    return key;
}

typedef struct {
    const char *key;
    const rp_person_ref *p;
} keyed;

static int
by_key(const void *x, const void *y)
{
    const keyed *a = x, *b = y;
    int c = strcmp(a->key, b->key);
    if (c)
        return c;
    return a->p->id < b->p->id ? -1 : a->p->id > b->p->id;
}

static int
by_strength(const void *x, const void *y)
{
    const dedupe_pair *a = x, *b = y;
    if (a->strength != b->strength)
        return b->strength - a->strength;
    return a->a.id < b->a.id ? -1 : a->a.id > b->a.id;
}

rp_code
dedupe_find(store *st, rp_arena *a, size_t max, dedupe_pair **out, size_t *n,
            rp_err *err)
{
    rp_person_ref *v;
    size_t nv, k = 0, cap = 0;
    rp_code rc = st->ops->person_list(st, a, 0, NULL, &v, &nv, err);
    *out = NULL;
    *n = 0;
    if (rc)
        return rc;
    keyed *ks = rp_arena_alloc(a, (nv + 1) * sizeof *ks);
    if (!ks)
        return rp_fail(err, RP_ENOMEM, "out of memory");
    for (size_t i = 0; i < nv; i++) {
        const char *key = v[i].name ? dedupe_name_key(a, v[i].name) : NULL;
        if (key)
            ks[k++] = (keyed){key, &v[i]};
    }
    /* Sorting by key puts every group of equal names side by side. */
    qsort(ks, k, sizeof *ks, by_key);
    for (size_t i = 0; i < k; i++) {
        for (size_t j = i + 1; j < k && !strcmp(ks[i].key, ks[j].key); j++) {
            if (rp_arena_grow(a, (void **)out, &cap, *n, sizeof **out))
                return rp_fail(err, RP_ENOMEM, "out of memory");
            dedupe_pair *d = &(*out)[(*n)++];
            d->a = *ks[i].p;
            d->b = *ks[j].p;
            bool same_org = d->a.org_name && d->b.org_name &&
                            !strcasecmp(d->a.org_name, d->b.org_name);
            d->strength = same_org ? 2 : 1;
            d->reason = same_org ? "same name and organisation" : "same name";
        }
    }
    qsort(*out, *n, sizeof **out, by_strength);
    if (max && *n > max)
        *n = max;
    return RP_OK;
}
