/*
 * tokenize.h - UTF-8 decoding, words and sentences, as byte spans.
 *
 * Pure functions over a caller's buffer: no I/O, no allocation, no mutable
 * globals, so every call is thread-safe.  Text is UTF-8 of a given length
 * (it need not be NUL-terminated and may hold NUL bytes).  Invalid UTF-8
 * never stops a scan: each maximal ill-formed subsequence reads as one
 * U+FFFD, the rule of Unicode 15 section 3.9 and of the WHATWG decoder that
 * node and browsers use, so offsets agree with what JavaScript sees.
 *
 * Spans are half-open byte offsets [start, end) into the text; they always
 * fall on code point boundaries and never overlap, in text order.
 */
#ifndef NLP_TOKENIZE_H
#define NLP_TOKENIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    size_t start, end;
} nlp_span;

/*
 * Decodes the code point at text[pos] (pos < len) into *cp and returns its
 * length in bytes (1..4).  An ill-formed sequence yields U+FFFD and the
 * length of its maximal subpart (at least 1).
 */
size_t nlp_utf8_next(const char *text, size_t len, size_t pos, uint32_t *cp);

/* The offset of the first byte of text that is not well-formed UTF-8, or
 * len when all of it is. */
size_t nlp_utf8_first_bad(const char *text, size_t len);

/* True for the white space of JavaScript's \s (ECMA-262 WhiteSpace and
 * LineTerminator): what VADER splits words on.  U+0085 is not in it. */
bool nlp_is_space(uint32_t cp);

/* A scanning position over one text.  Initialise with nlp_cursor_init(),
 * then call one kind of nlp_next_*() on it until it returns false. */
typedef struct {
    const char *text;
    size_t len;
    size_t pos;
    /* The writer does not capitalise ("ok. random one: could you ..."):
     * a lower-case word after a full stop begins a new sentence.  Off
     * after nlp_cursor_init(). */
    bool uncapitalised;
} nlp_cursor;

void nlp_cursor_init(nlp_cursor *c, const char *text, size_t len);

/*
 * The next word: a run of letters, marks and digits (Unicode categories L,
 * M, N), where an apostrophe (' or U+2019), a hyphen or a full stop between
 * two such characters stays inside ("don't", "e-mail", "3.5").  Returns
 * false at the end of the text.
 */
bool nlp_next_word(nlp_cursor *c, nlp_span *out);

/*
 * The next sentence, trimmed of white space.  A sentence ends after a run
 * of . ! ? or U+2026 (with any closing quotes or brackets) that is followed
 * by white space or the end, except a full stop after a known abbreviation
 * ("Mr.", "e.g.") or a single letter, or one followed by a lower-case
 * word (unless the cursor is uncapitalised).  A blank line (two line breaks
 * with only white space between) also ends a sentence, so greetings and list
 * items stand alone.  Returns false at the end of the text; never returns an
 * empty span.
 */
bool nlp_next_sentence(nlp_cursor *c, nlp_span *out);

/* Convenience forms: fill out[0..max) with the first spans and return how
 * many there are in all (which may exceed max; out may be NULL when max
 * is 0), like snprintf. */
size_t nlp_words(const char *text, size_t len, nlp_span *out, size_t max);
size_t nlp_sentences(const char *text, size_t len, nlp_span *out, size_t max);

#endif
