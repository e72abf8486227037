/*
 * lexicon.c - lookups in the generated VADER word table (see lexicon.h).
 */
#include "nlp/lexicon.h"

#include <string.h>

const nlp_lexicon_entry *
nlp_lexicon_find(const char *key, size_t len)
{
    if (len == 0 || len > NLP_LEXICON_MAX_KEY)
        return NULL;
    size_t h = nlp_lexicon_hash(key, len) & nlp_lexicon_mask;
    /* The table is at most half full, so an empty slot is always near. */
    for (;;) {
        const nlp_lexicon_entry *e = &nlp_lexicon_table[h];
        if (!e->key)
            return NULL;
        if (e->len == len && !memcmp(e->key, key, len))
            return e;
        h = (h + 1) & nlp_lexicon_mask;
    }
}
