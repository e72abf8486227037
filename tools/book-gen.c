/*
 * book-gen - writes a large synthetic relationship book as JSON Lines
 * (docs/jsonl.md) for benchmarks: by default 100,000 people at 5,000
 * organisations, 1,000,000 interactions with one to three people each
 * (a few people get far more than others, as in real books) and 50,000
 * ledger entries, plus commitments and deals.  Deterministic for a seed.
 *
 *   book-gen [--people N] [--interactions N] [--ledger N] [--seed N]
 *            [--now ISO]
 *
 * Summaries draw words from a fixed list, and every 1,000th interaction
 * mentions "zanzibar", so a benchmark has a rare word to search for.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t rng_state = 1;

/* splitmix64 (Steele, Lea, Flood 2014). */
static uint64_t
rng(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static const char *const first[] = {
    "Ada",  "Bo",    "Chen",   "Dara",  "Elif", "Femi",  "Grace",
    "Hugo", "Ines",  "Jonas",  "Kemal", "Lena", "Mateo", "Nadia",
    "Omar", "Priya", "Quinn",  "Rosa",  "Sven", "Tariq", "Uma",
    "Vera", "Wei",   "Ximena", "Yuki",  "Zara"};
static const char *const last[] = {
    "Okafor", "Chen",   "Schmidt", "Rossi",     "Novak",   "Garcia", "Tanaka",
    "Mensah", "Haddad", "Petrova", "Kim",       "Silva",   "Dubois", "Weber",
    "Nwosu",  "Raman",  "Alvarez", "Johansson", "Bianchi", "Osei"};
static const char *const words[] = {
    "budget",     "hiring",     "roadmap",     "pricing",   "launch",
    "renewal",    "workshop",   "intro",       "coffee",    "board",
    "migration",  "forecast",   "contract",    "pilot",     "feedback",
    "quarterly",  "review",     "strategy",    "dashboard", "security",
    "onboarding", "conference", "partnership", "invoice",   "proposal",
    "analytics",  "retention",  "demo",        "offsite",   "planning"};
static const char *const interests[] = {
    "sailing", "sourdough", "jazz",     "chess",       "running",  "gardening",
    "cycling", "opera",     "climbing", "photography", "football", "poetry"};
static const char *const kinds[] = {"email", "email",   "email",
                                    "call",  "meeting", "message"};
static const char *const entries[] = {"give", "give", "receive", "ask"};
static const char *const vkinds[] = {"intro",    "resource", "help",
                                     "referral", "advice",   "gift"};
#define N(a) (sizeof(a) / sizeof *(a))

static void
iso(int64_t t, char *buf)
{
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* A person id skewed toward low ids: a few people get many contacts. */
static long
skewed(long n)
{
    double u = (double)(rng() >> 11) / 9007199254740992.0;
    long v = (long)(n * u * u);
    return v < n ? v + 1 : n;
}

int
main(int argc, char **argv)
{
    long people = 100000, inter = 1000000, ledger = 50000;
    int64_t now = (int64_t)time(NULL);
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--people"))
            people = atol(argv[i + 1]);
        else if (!strcmp(argv[i], "--interactions"))
            inter = atol(argv[i + 1]);
        else if (!strcmp(argv[i], "--ledger"))
            ledger = atol(argv[i + 1]);
        else if (!strcmp(argv[i], "--seed"))
            rng_state = strtoull(argv[i + 1], NULL, 10);
        else if (!strcmp(argv[i], "--now")) {
            struct tm tm = {0};
            if (!strptime(argv[i + 1], "%Y-%m-%dT%H:%M:%SZ", &tm)) {
                fprintf(stderr, "book-gen: --now expects "
                                "2026-06-15T12:00:00Z\n");
                return 2;
            }
            now = (int64_t)timegm(&tm);
        } else {
            fprintf(stderr, "usage: book-gen [--people N] [--interactions "
                            "N] [--ledger N] [--seed N] [--now ISO]\n");
            return 2;
        }
    }
    if (people < 1) {
        fprintf(stderr, "book-gen: --people must be at least 1\n");
        return 2;
    }
    static char out[1 << 20];
    setvbuf(stdout, out, _IOFBF, sizeof out);
    long orgs = people / 20 > 0 ? people / 20 : 1;
    char t[32];
    iso(now - 400 * 86400LL, t);
    puts("{\"type\":\"rapport\",\"version\":1}");
    for (long o = 1; o <= orgs; o++)
        printf("{\"type\":\"org\",\"id\":%ld,\"name\":\"%s %s %ld\","
               "\"domains\":[\"org%ld.example\"],\"goals\":[\"grow %s\"],"
               "\"created_at\":\"%s\"}\n",
               o, last[rng() % N(last)], words[rng() % N(words)], o, o,
               words[rng() % N(words)], t);
    puts("{\"type\":\"offering\",\"id\":1,\"name\":\"Workshop\","
         "\"conviction\":4}");
    printf("{\"type\":\"person\",\"id\":1,\"name\":\"Me Myself\",\"is_me\":"
           "true,\"emails\":[\"me@self.example\"],\"created_at\":\"%s\"}\n",
           t);
    static const char *const tiers[] = {"\"inner\"", "\"active\"",
                                        "\"network\"", "null", "null"};
    for (long p = 2; p <= people; p++)
        printf("{\"type\":\"person\",\"id\":%ld,\"name\":\"%s %s %ld\","
               "\"org_id\":%ld,\"emails\":[\"p%ld@org%ld.example\"],"
               "\"interests\":[\"%s\"],\"tier\":%s,\"created_at\":\"%s\"}\n",
               p, first[rng() % N(first)], last[rng() % N(last)], p,
               (p % orgs) + 1, p, (p % orgs) + 1,
               interests[rng() % N(interests)], tiers[rng() % N(tiers)], t);
    for (long x = 1; x <= inter; x++) {
        int64_t at = now - (int64_t)(rng() % (400 * 86400ULL));
        iso(at, t);
        long a = people > 1 ? skewed(people - 1) + 1 : 1;
        int extra = (int)(rng() % 4 == 0) + (int)(rng() % 8 == 0);
        printf("{\"type\":\"interaction\",\"id\":%ld,\"kind\":\"%s\","
               "\"dir\":\"%s\",\"at\":\"%s\",\"summary\":\"%s %s %s%s\","
               "\"people\":[%ld",
               x, kinds[rng() % N(kinds)], rng() % 2 ? "in" : "out", t,
               words[rng() % N(words)], words[rng() % N(words)],
               words[rng() % N(words)], x % 1000 == 0 ? " zanzibar" : "", a);
        for (int e = 0; e < extra && people > 2; e++) {
            long b = (long)(rng() % (uint64_t)(people - 1)) + 2;
            if (b != a)
                printf(",%ld", b);
        }
        puts("]}");
    }
    for (long l = 1; l <= ledger; l++) {
        const char *entry = entries[rng() % N(entries)];
        iso(now - (int64_t)(rng() % (400 * 86400ULL)), t);
        long p = people > 1 ? skewed(people - 1) + 1 : 1;
        if (!strcmp(entry, "ask"))
            printf("{\"type\":\"ledger\",\"id\":%ld,\"person_id\":%ld,"
                   "\"entry\":\"ask\",\"text\":\"%s\",\"at\":\"%s\","
                   "\"outcome\":\"%s\"}\n",
                   l, p, words[rng() % N(words)], t,
                   rng() % 3 ? (rng() % 2 ? "yes" : "no") : "pending");
        else
            printf("{\"type\":\"ledger\",\"id\":%ld,\"person_id\":%ld,"
                   "\"entry\":\"%s\",\"kind\":\"%s\",\"text\":\"%s\","
                   "\"at\":\"%s\"}\n",
                   l, p, entry, vkinds[rng() % N(vkinds)],
                   words[rng() % N(words)], t);
    }
    for (long c = 1; c <= people / 20; c++) {
        iso(now + (int64_t)(rng() % (60 * 86400ULL)) - 30 * 86400LL, t);
        printf("{\"type\":\"commitment\",\"id\":%ld,\"person_id\":%ld,"
               "\"dir\":\"%s\",\"text\":\"send the %s\",\"due\":\"%s\"}\n",
               c, (long)(rng() % (uint64_t)people) + 1,
               rng() % 2 ? "mine" : "theirs", words[rng() % N(words)], t);
    }
    for (long d = 1; d <= orgs; d++) {
        iso(now - (int64_t)(rng() % (365 * 86400ULL)), t);
        printf("{\"type\":\"deal\",\"id\":%ld,\"org_id\":%ld,\"title\":"
               "\"%s deal\",\"amount\":%llu,\"stage\":\"%s\",\"opened_at\":"
               "\"%s\"}\n",
               d, d, words[rng() % N(words)],
               (unsigned long long)(rng() % 5000000),
               rng() % 2 ? "proposal" : "lead", t);
    }
    return fflush(stdout) == 0 ? 0 : 1;
}
