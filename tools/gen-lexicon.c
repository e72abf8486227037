/*
 * gen-lexicon.c - compiles vader_lexicon.txt and VADER's word lists into a
 * C source file holding one const hash table (see src/nlp/lexicon.h).
 *
 *     gen-lexicon vader_lexicon.txt >vader_lexicon.c
 *
 * Each lexicon line is "token TAB mean TAB sd TAB ratings"; only the token
 * and the mean are used.  A token listed twice keeps its later mean, as the
 * npm peer vader-sentiment@1.1.3 does.  Keys are stored as the file spells
 * them; lookups lower-case the text, so the few keys holding upper-case
 * letters can never match (the peer behaves the same way).
 *
 * This is a build tool run before librapport exists, so it uses the C
 * library directly (malloc, stdio) rather than src/base.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/lexicon.h"

typedef struct {
    char *key;
    const char *valence; /* the mean as written in the file, or NULL */
    int booster;         /* 0, +1 or -1 */
    int flags;
    const char *id; /* the nlp_word_id's name, or NULL */
} gen_entry;

static gen_entry *entries;
static size_t nentries, aentries;

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "gen-lexicon: ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

/* Returns the entry for key, creating it when absent (linear: the
 * generator runs once per build, and 7,600 keys are quick). */
static gen_entry *
entry_for(const char *key, size_t len)
{
    for (size_t i = 0; i < nentries; i++)
        if (strlen(entries[i].key) == len && !memcmp(entries[i].key, key, len))
            return &entries[i];
    if (nentries == aentries) {
        aentries = aentries ? 2 * aentries : 8192;
        entries = realloc(entries, aentries * sizeof *entries);
        if (!entries)
            die("out of memory");
    }
    gen_entry *e = &entries[nentries++];
    memset(e, 0, sizeof *e);
    e->key = malloc(len + 1);
    if (!e->key)
        die("out of memory");
    memcpy(e->key, key, len);
    e->key[len] = '\0';
    return e;
}

static void
read_lexicon(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[4096];
    long lineno = 0;
    if (!f)
        die("cannot open '%s': %s (run scripts/install-deps)", path,
            strerror(errno));
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *tab = strchr(line, '\t');
        if (line[0] == '\n' || line[0] == '\0')
            continue;
        if (!tab || tab == line)
            die("cannot read '%s' line %ld: no token TAB mean", path, lineno);
        size_t klen = (size_t)(tab - line);
        if (klen > NLP_LEXICON_MAX_KEY)
            die("cannot read '%s' line %ld: token too long", path, lineno);
        char *mean = tab + 1, *end = NULL;
        char *tab2 = strchr(mean, '\t');
        if (!tab2)
            die("cannot read '%s' line %ld: no standard deviation", path,
                lineno);
        *tab2 = '\0';
        errno = 0;
        double v = strtod(mean, &end);
        if (end == mean || *end || errno || v < -4.0 || v > 4.0)
            die("cannot read '%s' line %ld: bad mean valence", path, lineno);
        gen_entry *e = entry_for(line, klen);
        free((char *)e->valence);
        e->valence = strdup(mean);
        e->flags |= NLP_LEX_VALENCE;
    }
    if (ferror(f))
        die("cannot read '%s': %s", path, strerror(errno));
    fclose(f);
    if (nentries < 7000)
        die("cannot use '%s': only %ld tokens, expected about 7,500", path,
            (long)nentries);
}

/* Writes key as a C string literal.  Every byte outside plain letters and
 * digits is an octal escape, so no "??" trigraph or stray quote can form. */
static void
put_key(const char *key)
{
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9'))
            putchar(*p);
        else
            printf("\\%03o", *p);
    }
    putchar('"');
}

int
main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: gen-lexicon vader_lexicon.txt\n");
        return 2;
    }
    read_lexicon(argv[1]);
    size_t nlex = nentries;

#define NEG(w) entry_for(w, strlen(w))->flags |= NLP_LEX_NEGATE;
    NLP_VADER_NEGATIONS(NEG)
#undef NEG
#define BOOST(w, s)                                                            \
    do {                                                                       \
        gen_entry *b = entry_for(w, strlen(w));                                \
        b->flags |= NLP_LEX_BOOSTER;                                           \
        b->booster = (s);                                                      \
    } while (0);
    NLP_VADER_BOOSTERS(BOOST)
#undef BOOST
#define NAMED(w, i) entry_for(w, strlen(w))->id = #i;
    NLP_VADER_NAMED(NAMED)
#undef NAMED

    size_t size = 1;
    while (size < 2 * nentries)
        size <<= 1;
    size_t *slot = calloc(size, sizeof *slot); /* entry index + 1 */
    if (!slot)
        die("out of memory");
    for (size_t i = 0; i < nentries; i++) {
        size_t h = nlp_lexicon_hash(entries[i].key, strlen(entries[i].key)) &
                   (size - 1);
        while (slot[h])
            h = (h + 1) & (size - 1);
        slot[h] = i + 1;
    }

    printf("/* Generated by tools/gen-lexicon from %s: do not edit.\n"
           " * %zu lexicon tokens, %zu entries in all. */\n"
           "#include \"nlp/lexicon.h\"\n\n"
           "const size_t nlp_lexicon_mask = %zu;\n"
           "const size_t nlp_lexicon_count = %zu;\n"
           "const nlp_lexicon_entry nlp_lexicon_table[%zu] = {\n",
           "vader_lexicon.txt", nlex, nentries, size - 1, nentries, size);
    for (size_t h = 0; h < size; h++) {
        if (!slot[h])
            continue;
        const gen_entry *e = &entries[slot[h] - 1];
        printf("    [%zu] = {", h);
        put_key(e->key);
        printf(", %s, %s, %zu, %d, %s},\n", e->valence ? e->valence : "0.0",
               e->booster > 0   ? "0.293"
               : e->booster < 0 ? "-0.293"
                                : "0.0",
               strlen(e->key), e->flags, e->id ? e->id : "NLP_W_NONE");
    }
    printf("};\n");
    free(slot);
    return fflush(stdout) == 0 ? 0 : 1;
}
