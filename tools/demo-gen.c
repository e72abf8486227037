/*
 * demo-gen - writes rapport's demo book as JSON Lines (docs/jsonl.md).
 *
 * Reads the hand-written seed data/demo/book.json (people, organisations,
 * how often each relationship is in touch and who starts, gifts, asks,
 * promises, deals, upcoming meetings) and writes a year of history ending
 * at --now, so the demo always looks current.  The same --now and --seed
 * give the same output byte for byte.
 *
 *   demo-gen [--book data/demo/book.json] [--now ISO] [--seed N]
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t rng_state;

/* splitmix64 (Steele, Lea, Flood 2014): small, fast, reproducible. */
static uint64_t
rng_next(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static double
rng_unit(void)
{
    return (double)(rng_next() >> 11) / 9007199254740992.0;
}

static const char *
iso(int64_t t)
{
    static char buf[4][32];
    static int k;
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    k = (k + 1) % 4;
    strftime(buf[k], sizeof buf[k], "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf[k];
}

static int64_t
parse_iso(const char *s)
{
    struct tm tm = {0};
    if (!strptime(s, "%Y-%m-%dT%H:%M:%SZ", &tm) &&
        !strptime(s, "%Y-%m-%d", &tm)) {
        fprintf(stderr,
                "demo-gen: --now expects 2026-06-15T12:00:00Z, not "
                "'%s'\n",
                s);
        exit(2);
    }
    return (int64_t)timegm(&tm);
}

static void
emit(json_t *j)
{
    if (!j) {
        fputs("demo-gen: a record of the seed has a missing or mistyped "
              "field\n",
              stderr);
        exit(1);
    }
    char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
    puts(s);
    free(s);
    json_decref(j);
}

static json_t *
time_or_null(json_t *obj, const char *key, int64_t now)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_integer(v))
        return json_null();
    return json_string(iso(now + json_integer_value(v) * 86400));
}

/* Index of key in an array of objects with a "key" field, or -1. */
static int
find_key(json_t *arr, const char *key)
{
    size_t i;
    json_t *v;
    if (!key)
        return -1;
    json_array_foreach(arr, i, v)
    {
        const char *k = json_string_value(json_object_get(v, "key"));
        if (k && !strcmp(k, key))
            return (int)i;
    }
    return -1;
}

/* Fills {first}, {interest} and {goal} in a template from a person. */
static char *
fill(const char *tpl, json_t *p)
{
    char first[64] = "";
    const char *name = json_string_value(json_object_get(p, "name"));
    const char *interest =
        json_string_value(json_array_get(json_object_get(p, "interests"), 0));
    const char *goal =
        json_string_value(json_array_get(json_object_get(p, "goals"), 0));
    sscanf(name ? name : "there", "%63s", first);
    size_t cap = strlen(tpl) + 512, n = 0;
    char *out = malloc(cap);
    for (const char *c = tpl; *c && n + 200 < cap;) {
        const char *rep = NULL;
        size_t skip = 0;
        if (!strncmp(c, "{first}", 7))
            rep = first, skip = 7;
        else if (!strncmp(c, "{interest}", 10))
            rep = interest ? interest : "your work", skip = 10;
        else if (!strncmp(c, "{goal}", 6))
            rep = goal ? goal : "your plans", skip = 6;
        if (rep) {
            n += (size_t)snprintf(out + n, cap - n, "%s", rep);
            c += skip;
        } else {
            out[n++] = *c++;
        }
    }
    out[n] = '\0';
    return out;
}

static const char *
pick(json_t *arr)
{
    size_t n = json_array_size(arr);
    return n ? json_string_value(json_array_get(arr, rng_next() % n)) : "";
}

int
main(int argc, char **argv)
{
    const char *book = "data/demo/book.json";
    int64_t now = (int64_t)time(NULL);
    rng_state = 1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--book") && i + 1 < argc)
            book = argv[++i];
        else if (!strcmp(argv[i], "--now") && i + 1 < argc)
            now = parse_iso(argv[++i]);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            rng_state = strtoull(argv[++i], NULL, 10);
        else {
            fprintf(stderr, "usage: demo-gen [--book FILE] [--now ISO] "
                            "[--seed N]\n");
            return 2;
        }
    }
    json_error_t jerr;
    json_t *b = json_load_file(book, 0, &jerr);
    if (!b) {
        fprintf(stderr, "demo-gen: cannot read '%s': line %d: %s\n", book,
                jerr.line, jerr.text);
        return 1;
    }
    json_t *orgs = json_object_get(b, "orgs"),
           *offs = json_object_get(b, "offerings"),
           *people = json_object_get(b, "people"),
           *topics = json_object_get(b, "topics"), *v;
    size_t i;
    int64_t created = now - 370 * 86400LL;
    emit(json_pack("{s:s,s:i}", "type", "rapport", "version", 1));
    json_array_foreach(orgs, i, v)
    {
        emit(json_pack("{s:s,s:I,s:O?,s:O?,s:O?,s:O?,s:s}", "type", "org", "id",
                       (json_int_t)i + 1, "name", json_object_get(v, "name"),
                       "industry", json_object_get(v, "industry"), "domains",
                       json_object_get(v, "domains"), "goals",
                       json_object_get(v, "goals"), "created_at",
                       iso(created)));
    }
    json_array_foreach(offs, i, v)
    {
        emit(json_pack("{s:s,s:I,s:O?,s:O?,s:O?,s:s}", "type", "offering", "id",
                       (json_int_t)i + 1, "name", json_object_get(v, "name"),
                       "conviction", json_object_get(v, "conviction"),
                       "description", json_object_get(v, "description"),
                       "created_at", iso(created)));
    }
    json_t *me = json_object_get(b, "me");
    emit(json_pack("{s:s,s:i,s:O?,s:O?,s:b,s:O?,s:s}", "type", "person", "id",
                   1, "name", json_object_get(me, "name"), "title",
                   json_object_get(me, "title"), "is_me", 1, "emails",
                   json_object_get(me, "emails"), "created_at", iso(created)));
    /* People are 2.. in seed order. */
    json_array_foreach(people, i, v)
    {
        int org = find_key(orgs, json_string_value(json_object_get(v, "org")));
        json_t *dates = json_array();
        json_t *bd = json_object_get(v, "birthday");
        json_t *bd_in = json_object_get(v, "birthday_in");
        if (json_is_string(bd))
            json_array_append_new(dates, json_pack("{s:s,s:O?}", "label",
                                                   "birthday", "date", bd));
        else if (json_is_integer(bd_in)) {
            char d[16];
            time_t tt = (time_t)(now + json_integer_value(bd_in) * 86400);
            struct tm tm;
            gmtime_r(&tt, &tm);
            strftime(d, sizeof d, "--%m-%d", &tm);
            json_array_append_new(
                dates, json_pack("{s:s,s:s}", "label", "birthday", "date", d));
        }
        json_t *rh = json_object_get(v, "rhythm");
        int64_t since = json_integer_value(json_object_get(rh, "since"));
        json_t *p = json_pack(
            "{s:s,s:I,s:O?,s:o,s:O?,s:O?,s:O?,s:O?,s:O?,s:O?,s:O?,s:o,s:s}",
            "type", "person", "id", (json_int_t)i + 2, "name",
            json_object_get(v, "name"), "org_id",
            org >= 0 ? json_integer(org + 1) : json_null(), "title",
            json_object_get(v, "title"), "tier", json_object_get(v, "tier"),
            "emails", json_object_get(v, "emails"), "interests",
            json_object_get(v, "interests"), "goals",
            json_object_get(v, "goals"), "how_met",
            json_object_get(v, "how_met"), "family",
            json_object_get(v, "family"), "dates", dates, "created_at",
            iso(now - (since + 5) * 86400));
        json_t *phones = json_object_get(v, "phones");
        if (phones)
            json_object_set(p, "phones", phones);
        emit(p);
    }
    /* A year of contact per person: one exchange about every `every` days
     * (jittered), from `since` days ago until exactly `last` days ago. */
    int64_t xid = 1;
    json_array_foreach(people, i, v)
    {
        json_t *rh = json_object_get(v, "rhythm");
        int every = (int)json_integer_value(json_object_get(rh, "every"));
        int last = (int)json_integer_value(json_object_get(rh, "last"));
        int since = (int)json_integer_value(json_object_get(rh, "since"));
        double initiative =
            json_number_value(json_object_get(rh, "initiative"));
        if (every <= 0)
            continue;
        for (double d = since;;) {
            /* Close to the end, the last exchange lands exactly on it. */
            int day = d < last + every * 0.5 ? last : (int)d;
            bool in = rng_unit() < initiative;
            double k = rng_unit();
            const char *kind = k < 0.6    ? "email"
                               : k < 0.8  ? "call"
                               : k < 0.93 ? "meeting"
                                          : "message";
            int64_t at = now - (int64_t)day * 86400 +
                         (int64_t)(rng_next() % 8 - 3) * 3600;
            char *summary =
                fill(pick(json_object_get(topics, in ? "in" : "out")), v);
            char *body = NULL;
            if (!strcmp(kind, "email"))
                body = fill(pick(json_object_get(topics, in ? "bodies_in"
                                                            : "bodies_out")),
                            v);
            emit(json_pack("{s:s,s:I,s:s,s:s,s:s,s:s,s:s?,s:s,s:[I]}", "type",
                           "interaction", "id", (json_int_t)xid++, "kind", kind,
                           "dir", in ? "in" : "out", "at", iso(at), "summary",
                           summary, "body", body, "source", "demo", "people",
                           (json_int_t)i + 2));
            free(summary);
            free(body);
            if (day == last)
                break;
            d -= every * (0.7 + 0.6 * rng_unit());
            if (d < last)
                d = last;
        }
    }
    json_array_foreach(json_object_get(b, "meetings"), i, v)
    {
        json_t *ids = json_array(), *who;
        size_t k;
        json_array_foreach(json_object_get(v, "people"), k, who)
        {
            int p = find_key(people, json_string_value(who));
            if (p >= 0)
                json_array_append_new(ids, json_integer(p + 2));
        }
        int64_t day = now / 86400 * 86400 +
                      json_integer_value(json_object_get(v, "in")) * 86400 +
                      json_integer_value(json_object_get(v, "hour")) * 3600;
        emit(json_pack("{s:s,s:I,s:s,s:s,s:s,s:O?,s:s,s:o}", "type",
                       "interaction", "id", (json_int_t)xid++, "kind",
                       "meeting", "dir", "out", "at", iso(day), "summary",
                       json_object_get(v, "summary"), "source", "demo",
                       "people", ids));
    }
    json_array_foreach(json_object_get(b, "ledger"), i, v)
    {
        int p =
            find_key(people, json_string_value(json_object_get(v, "person")));
        int off =
            find_key(offs, json_string_value(json_object_get(v, "offering")));
        emit(json_pack(
            "{s:s,s:I,s:I,s:O?,s:O?,s:O?,s:s,s:o,s:O?,s:o}", "type", "ledger",
            "id", (json_int_t)i + 1, "person_id", (json_int_t)p + 2, "entry",
            json_object_get(v, "entry"), "kind", json_object_get(v, "kind"),
            "text", json_object_get(v, "text"), "at",
            iso(now + json_integer_value(json_object_get(v, "days")) * 86400),
            "offering_id", off >= 0 ? json_integer(off + 1) : json_null(),
            "outcome", json_object_get(v, "outcome"), "decided_at",
            time_or_null(v, "decided", now)));
    }
    json_array_foreach(json_object_get(b, "commitments"), i, v)
    {
        int p =
            find_key(people, json_string_value(json_object_get(v, "person")));
        int64_t due =
            now + json_integer_value(json_object_get(v, "due")) * 86400;
        emit(json_pack("{s:s,s:I,s:I,s:O?,s:O?,s:s,s:o,s:s}", "type",
                       "commitment", "id", (json_int_t)i + 1, "person_id",
                       (json_int_t)p + 2, "dir", json_object_get(v, "dir"),
                       "text", json_object_get(v, "text"), "due", iso(due),
                       "done_at", time_or_null(v, "done", now), "created_at",
                       iso(due - 14 * 86400)));
    }
    json_array_foreach(json_object_get(b, "deals"), i, v)
    {
        int o = find_key(orgs, json_string_value(json_object_get(v, "org")));
        int p =
            find_key(people, json_string_value(json_object_get(v, "person")));
        emit(json_pack("{s:s,s:I,s:I,s:I,s:O?,s:O?,s:s,s:O?,s:o,s:o}", "type",
                       "deal", "id", (json_int_t)i + 1, "org_id",
                       (json_int_t)o + 1, "person_id", (json_int_t)p + 2,
                       "title", json_object_get(v, "title"), "amount",
                       json_object_get(v, "amount"), "currency", "EUR", "stage",
                       json_object_get(v, "stage"), "opened_at",
                       time_or_null(v, "opened", now), "closed_at",
                       time_or_null(v, "closed", now)));
    }
    json_decref(b);
    return 0;
}
