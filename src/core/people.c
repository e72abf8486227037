/* people.c - resolving PERSON arguments; knowledge gaps and value ideas. */
#include "core/people.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"

rp_code
people_resolve(store *st, rp_arena *a, const char *query, int64_t *id,
               rp_err *err)
{
    rp_person_ref *v;
    size_t n;
    rp_code rc;
    *id = 0;
    if (!query || !*query)
        return rp_fail(err, RP_EINVAL, "no person given");
    if ((rc = st->ops->person_match(st, a, query, &v, &n, err)))
        return rc;
    if (n == 1) {
        *id = v[0].id;
        return RP_OK;
    }
    if (n == 0)
        return rp_fail(err, RP_ENOTFOUND,
                       "no person matches '%s' (try an email, an id, or "
                       "'rapport person list')",
                       query);
    rp_buf b = RP_BUF_INIT;
    rp_buf_addf(&b, "'%s' matches %zu people; say which:", query, n);
    for (size_t i = 0; i < n && i < 8; i++)
        rp_buf_addf(&b, "\n  %lld  %s%s%s%s", (long long)v[i].id, v[i].name,
                    v[i].email ? " <" : "", v[i].email ? v[i].email : "",
                    v[i].email ? ">" : "");
    if (n > 8)
        rp_buf_addf(&b, "\n  ... and %zu more", n - 8);
    rc = rp_fail(err, RP_EAMBIGUOUS, "%s", b.buf);
    rp_buf_release(&b);
    return rc;
}

rp_code
people_resolve_org(store *st, const char *query, int64_t *id, rp_err *err)
{
    if (!query || !*query)
        return rp_fail(err, RP_EINVAL, "no organisation given");
    return st->ops->org_find(st, query, id, err);
}

size_t
people_gaps(const rp_person *p, const rp_org *o, const char **out, size_t max)
{
    size_t n = 0;
#define GAP(cond, text)                                                        \
    do {                                                                       \
        if ((cond) && n < max)                                                 \
            out[n++] = (text);                                                 \
    } while (0)
    GAP(p->interests.n == 0, "no personal interest yet");
    GAP(p->goals.n == 0, "no professional goal yet");
    GAP(!o, "their organisation is unknown");
    GAP(o && o->goals.n == 0, "their company's big bets are unknown");
    GAP(!p->how_met, "how you met is not recorded");
    bool birthday = false;
    for (size_t i = 0; i < p->ndates; i++)
        if (p->dates[i].label && !strcmp(p->dates[i].label, "birthday"))
            birthday = true;
    GAP(!birthday, "no birthday");
#undef GAP
    return n;
}

const char *
people_value_idea(rp_arena *a, const rp_person *p, const rp_org *o)
{
    if (p->goals.n)
        return rp_arena_printf(a,
                               "offer an introduction or a resource for "
                               "their goal: %s",
                               p->goals.v[0]);
    if (o && o->goals.n)
        return rp_arena_printf(a, "share an insight on %s's big bet: %s",
                               o->name, o->goals.v[0]);
    if (p->interests.n)
        return rp_arena_printf(a,
                               "send something about %s, for no reason but "
                               "that they care about it",
                               p->interests.v[0]);
    return NULL;
}

char *
people_normalize_email(rp_arena *a, const char *email, rp_err *err)
{
    while (isspace((unsigned char)*email))
        email++;
    if (!strncasecmp(email, "mailto:", 7))
        email += 7;
    size_t len = strlen(email);
    while (len && isspace((unsigned char)email[len - 1]))
        len--;
    char *e = rp_arena_strndup(a, email, len);
    if (!e) {
        rp_fail(err, RP_ENOMEM, "out of memory");
        return NULL;
    }
    const char *at = strchr(e, '@');
    if (!at || at == e || !at[1] || strchr(at + 1, '@') ||
        !strchr(at + 1, '.') || strpbrk(e, " \t<>,;\"")) {
        rp_fail(err, RP_EINVAL,
                "invalid email '%s': expected an address like "
                "name@example.com",
                e);
        return NULL;
    }
    for (char *c = e; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    return e;
}
