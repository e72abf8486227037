/*
 * lexicon.h - VADER's word table, compiled into the binary at build time.
 *
 * One read-only open-addressing hash table holds every word the VADER
 * rules look at (Hutto & Gilbert, ICWSM 2014):
 *   - the 7,503 distinct tokens of vader_lexicon.txt with their mean human
 *     valence (when a token is listed twice, the later line wins, as in the
 *     npm peer vader-sentiment@1.1.3);
 *   - the booster/dampener adverbs with their scalar (+0.293 or -0.293);
 *   - the negation words;
 *   - the handful of words that the rules name ("kind", "least", "never",
 *     "but", the words of the idioms...), tagged with an nlp_word_id so
 *     the rules compare small integers rather than strings.
 * tools/gen-lexicon.c builds the table from the vendor lexicon and the lists
 * below; mk/vader.mk runs it.  The table is const: lookups are pure and
 * thread-safe.  Keys are stored lower-case; a lookup must pass the key
 * already lower-cased (VADER matches case-insensitively).
 *
 * Nothing here does I/O.  The returned entries live as long as the program.
 */
#ifndef NLP_LEXICON_H
#define NLP_LEXICON_H

#include <stddef.h>
#include <stdint.h>

/* What an entry is; one word may be several of these at once. */
enum {
    NLP_LEX_VALENCE = 1 << 0, /* rated in vader_lexicon.txt */
    NLP_LEX_BOOSTER = 1 << 1, /* a degree adverb: scalar is set */
    NLP_LEX_NEGATE = 1 << 2,  /* a negation word ("not", "never", ...) */
};

/* The words the rules name.  NLP_W_NONE for every other word. */
/* clang-format off */
typedef enum {
    NLP_W_NONE = 0,
    NLP_W_KIND, NLP_W_OF, NLP_W_LEAST, NLP_W_AT, NLP_W_VERY, NLP_W_NEVER,
    NLP_W_SO, NLP_W_THIS, NLP_W_BUT, NLP_W_THE, NLP_W_SHIT, NLP_W_BOMB,
    NLP_W_BAD, NLP_W_ASS, NLP_W_YEAH, NLP_W_RIGHT, NLP_W_CUT, NLP_W_MUSTARD,
    NLP_W_KISS, NLP_W_DEATH, NLP_W_HAND, NLP_W_TO, NLP_W_MOUTH, NLP_W_JUST,
    NLP_W_ENOUGH, NLP_W_SORT,
    NLP_W_LAST
} nlp_word_id;
/* clang-format on */

typedef struct {
    const char *key; /* lower-case bytes, NUL-terminated; NULL: empty slot */
    double valence;  /* mean rating when NLP_LEX_VALENCE */
    double scalar;   /* +-0.293 when NLP_LEX_BOOSTER */
    uint8_t len;     /* strlen(key) */
    uint8_t flags;   /* NLP_LEX_* */
    uint8_t id;      /* nlp_word_id */
} nlp_lexicon_entry;

/* Longest key the table can hold; longer tokens are never looked up. */
#define NLP_LEXICON_MAX_KEY 63

/* The generated table (see mk/vader.mk): nlp_lexicon_mask + 1 slots, a
 * power of two, at most half full, so linear probing stays short. */
extern const nlp_lexicon_entry nlp_lexicon_table[];
extern const size_t nlp_lexicon_mask;
extern const size_t nlp_lexicon_count; /* filled slots */

/* The hash both the generator and the lookup use: 32-bit FNV-1a. */
static inline uint32_t
nlp_lexicon_hash(const char *key, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)key[i];
        h *= 16777619u;
    }
    return h;
}

/*
 * Finds the entry for key (len bytes, already lower-case, need not be
 * NUL-terminated).  Returns NULL when the word is in none of the lists.
 */
const nlp_lexicon_entry *nlp_lexicon_find(const char *key, size_t len);

/*
 * The word lists of the VADER rules, as X-macros so that the generator and
 * the tests share one copy.  Multi-word boosters ("kind of", "sort of",
 * "just enough") are not here: a token never holds a space, so the rules
 * match them as pairs of nlp_word_ids instead.
 */
/* clang-format off */
#define NLP_VADER_NEGATIONS(X)                                                \
    X("aint") X("arent") X("cannot") X("cant") X("couldnt") X("darent")       \
    X("didnt") X("doesnt") X("ain't") X("aren't") X("can't") X("couldn't")    \
    X("daren't") X("didn't") X("doesn't") X("dont") X("hadnt") X("hasnt")     \
    X("havent") X("isnt") X("mightnt") X("mustnt") X("neither") X("don't")    \
    X("hadn't") X("hasn't") X("haven't") X("isn't") X("mightn't")             \
    X("mustn't") X("neednt") X("needn't") X("never") X("none") X("nope")      \
    X("nor") X("not") X("nothing") X("nowhere") X("oughtnt") X("shant")       \
    X("shouldnt") X("uhuh") X("wasnt") X("werent") X("oughtn't") X("shan't")  \
    X("shouldn't") X("uh-uh") X("wasn't") X("weren't") X("without") X("wont") \
    X("wouldnt") X("won't") X("wouldn't") X("rarely") X("seldom")             \
    X("despite")

/* Degree adverbs: X(word, sign), scalar = sign * 0.293. */
#define NLP_VADER_BOOSTERS(X)                                                 \
    X("absolutely", 1) X("amazingly", 1) X("awfully", 1) X("completely", 1)   \
    X("considerably", 1) X("decidedly", 1) X("deeply", 1) X("effing", 1)      \
    X("enormously", 1) X("entirely", 1) X("especially", 1)                    \
    X("exceptionally", 1) X("extremely", 1) X("fabulously", 1)                \
    X("flipping", 1) X("flippin", 1) X("fricking", 1) X("frickin", 1)         \
    X("frigging", 1) X("friggin", 1) X("fully", 1) X("fucking", 1)            \
    X("greatly", 1) X("hella", 1) X("highly", 1) X("hugely", 1)               \
    X("incredibly", 1) X("intensely", 1) X("majorly", 1) X("more", 1)         \
    X("most", 1) X("particularly", 1) X("purely", 1) X("quite", 1)            \
    X("really", 1) X("remarkably", 1) X("so", 1) X("substantially", 1)        \
    X("thoroughly", 1) X("totally", 1) X("tremendously", 1) X("uber", 1)      \
    X("unbelievably", 1) X("unusually", 1) X("utterly", 1) X("very", 1)       \
    X("almost", -1) X("barely", -1) X("hardly", -1) X("kinda", -1)            \
    X("kindof", -1) X("kind-of", -1) X("less", -1) X("little", -1)            \
    X("marginally", -1) X("occasionally", -1) X("partly", -1)                 \
    X("scarcely", -1) X("slightly", -1) X("somewhat", -1) X("sorta", -1)      \
    X("sortof", -1) X("sort-of", -1)

/* The words the rules name: X(word, id). */
#define NLP_VADER_NAMED(X)                                                    \
    X("kind", NLP_W_KIND) X("of", NLP_W_OF) X("least", NLP_W_LEAST)           \
    X("at", NLP_W_AT) X("very", NLP_W_VERY) X("never", NLP_W_NEVER)           \
    X("so", NLP_W_SO) X("this", NLP_W_THIS) X("but", NLP_W_BUT)               \
    X("the", NLP_W_THE) X("shit", NLP_W_SHIT) X("bomb", NLP_W_BOMB)           \
    X("bad", NLP_W_BAD) X("ass", NLP_W_ASS) X("yeah", NLP_W_YEAH)             \
    X("right", NLP_W_RIGHT) X("cut", NLP_W_CUT) X("mustard", NLP_W_MUSTARD)   \
    X("kiss", NLP_W_KISS) X("death", NLP_W_DEATH) X("hand", NLP_W_HAND)       \
    X("to", NLP_W_TO) X("mouth", NLP_W_MOUTH) X("just", NLP_W_JUST)           \
    X("enough", NLP_W_ENOUGH) X("sort", NLP_W_SORT)
/* clang-format on */

#endif
