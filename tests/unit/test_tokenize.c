/* Unit tests for nlp/tokenize: UTF-8 decoding, words and sentences as
 * byte spans. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "nlp/tokenize.h"

/* Checks that the spans of text are exactly the expected strings. */
static void
check_spans(const char *text,
            size_t (*split)(const char *, size_t, nlp_span *, size_t),
            const char *const *want, size_t nwant)
{
    nlp_span s[64];
    size_t n = split(text, strlen(text), s, 64);
    if (n != nwant)
        fail_msg("'%s': %zu spans, want %zu", text, n, nwant);
    for (size_t i = 0; i < n; i++) {
        assert_true(s[i].start < s[i].end && s[i].end <= strlen(text));
        if (i)
            assert_true(s[i - 1].end <= s[i].start);
        if (strlen(want[i]) != s[i].end - s[i].start ||
            memcmp(text + s[i].start, want[i], strlen(want[i])))
            fail_msg("'%s': span %zu is '%.*s', want '%s'", text, i,
                     (int)(s[i].end - s[i].start), text + s[i].start, want[i]);
    }
}

#define WORDS(text, ...)                                                       \
    do {                                                                       \
        static const char *const w_[] = {__VA_ARGS__};                         \
        check_spans(text, nlp_words, w_, sizeof w_ / sizeof *w_);              \
    } while (0)
#define SENTENCES(text, ...)                                                   \
    do {                                                                       \
        static const char *const s_[] = {__VA_ARGS__};                         \
        check_spans(text, nlp_sentences, s_, sizeof s_ / sizeof *s_);          \
    } while (0)

static void
test_utf8_decodes_valid_sequences(void **state)
{
    uint32_t cp;
    assert_int_equal(nlp_utf8_next("A", 1, 0, &cp), 1);
    assert_int_equal(cp, 'A');
    assert_int_equal(nlp_utf8_next("\xc3\xa9", 2, 0, &cp), 2);
    assert_int_equal(cp, 0xE9);
    assert_int_equal(nlp_utf8_next("\xe2\x82\xac", 3, 0, &cp), 3);
    assert_int_equal(cp, 0x20AC);
    assert_int_equal(nlp_utf8_next("\xf0\x9f\x98\x81", 4, 0, &cp), 4);
    assert_int_equal(cp, 0x1F601);
}

/* Each maximal ill-formed subpart is one U+FFFD, as in node's decoder. */
static void
test_utf8_replaces_maximal_subparts(void **state)
{
    uint32_t cp;
    assert_int_equal(nlp_utf8_next("\xff", 1, 0, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(nlp_utf8_next("\xe2\x82 ", 3, 0, &cp), 2); /* cut */
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(nlp_utf8_next("\xf0\x9f\x98", 3, 0, &cp), 3); /* end */
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(nlp_utf8_next("\xc0\xaf", 2, 0, &cp), 1); /* overlong */
    assert_int_equal(nlp_utf8_next("\xed\xa0\x80", 3, 0, &cp),
                     1); /* surrogate */
    assert_int_equal(nlp_utf8_next("\xf4\x90\x80\x80", 4, 0, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
}

/* VADER splits on JavaScript's \s: no-break and ideographic spaces count,
 * NEL and zero-width space do not. */
static void
test_space_is_javascript_white_space(void **state)
{
    assert_true(nlp_is_space(' ') && nlp_is_space('\t') && nlp_is_space('\v'));
    assert_true(nlp_is_space(0xA0) && nlp_is_space(0x3000));
    assert_true(nlp_is_space(0xFEFF) && nlp_is_space(0x2028));
    assert_false(nlp_is_space(0x85) || nlp_is_space(0x200B));
    assert_false(nlp_is_space('x') || nlp_is_space(0));
}

static void
test_words_keep_contractions_and_offsets(void **state)
{
    WORDS("Don't stop-believing, e-mail me at 3.5pm!", "Don't",
          "stop-believing", "e-mail", "me", "at", "3.5pm");
    WORDS("  trailing-  'quoted'  ", "trailing", "quoted");
    WORDS("it\xe2\x80\x99s caf\xc3\xa9 na\xc3\xafve", "it\xe2\x80\x99s",
          "caf\xc3\xa9", "na\xc3\xafve");
}

static void
test_words_handle_non_latin_scripts(void **state)
{
    WORDS("\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82, "
          "\xce\xba\xcf\x8c\xcf\x83\xce\xbc\xce\xb5!",
          "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82",
          "\xce\xba\xcf\x8c\xcf\x83\xce\xbc\xce\xb5");
    /* An emoji and invalid bytes separate words but are not words. */
    WORDS("hi\xf0\x9f\x98\x81there \xff\xfe ok", "hi", "there", "ok");
}

static void
test_words_count_past_max(void **state)
{
    nlp_span s[2];
    assert_int_equal(nlp_words("one two three four", 18, s, 2), 4);
    assert_int_equal(s[1].start, 4);
    assert_int_equal(s[1].end, 7);
    assert_int_equal(nlp_words("", 0, NULL, 0), 0);
    assert_int_equal(nlp_words(NULL, 0, NULL, 0), 0);
}

static void
test_sentences_end_at_terminators(void **state)
{
    SENTENCES("Hello there. How are you? Great!!! Bye", "Hello there.",
              "How are you?", "Great!!!", "Bye");
    SENTENCES("He said \"stop.\" Then he left.", "He said \"stop.\"",
              "Then he left.");
    SENTENCES("Wait\xe2\x80\xa6 what?", "Wait\xe2\x80\xa6", "what?");
}

static void
test_sentences_survive_abbreviations_and_numbers(void **state)
{
    SENTENCES("Mr. Smith paid $3.50 on Jan. 3 to J. Doe. Done.",
              "Mr. Smith paid $3.50 on Jan. 3 to J. Doe.", "Done.");
    SENTENCES("Use e.g. this one, i.e. the best. Ok.",
              "Use e.g. this one, i.e. the best.", "Ok.");
    SENTENCES("See www.example.com now. the end", /* lower case follows */
              "See www.example.com now. the end");
}

/* A cursor marked uncapitalised (a writer who starts sentences in lower
 * case) ends a sentence at a full stop before a lower-case word; an
 * abbreviation still does not end one. */
static void
test_uncapitalised_sentences_end_at_a_stop(void **state)
{
    (void)state;
    const char t[] = "long time no see. quick one: could you help? see e.g. "
                     "this. ok";
    const char *const want[] = {"long time no see.",
                                "quick one: could you help?", "see e.g. this.",
                                "ok"};
    nlp_cursor c;
    nlp_span sp;
    size_t n = 0;
    nlp_cursor_init(&c, t, sizeof t - 1);
    assert_false(c.uncapitalised);
    c.uncapitalised = true;
    while (nlp_next_sentence(&c, &sp)) {
        assert_true(n < 4);
        assert_int_equal(sp.end - sp.start, strlen(want[n]));
        assert_memory_equal(t + sp.start, want[n], sp.end - sp.start);
        n++;
    }
    assert_int_equal(n, 4);
    /* Off, the same text is one sentence up to the question mark. */
    nlp_cursor_init(&c, t, sizeof t - 1);
    assert_true(nlp_next_sentence(&c, &sp));
    assert_int_equal(sp.end - sp.start,
                     strlen("long time no see. quick one: could you help?"));
}

static void
test_sentences_break_at_blank_lines(void **state)
{
    SENTENCES("Hi Ann,\n\nThanks for lunch\nit was fun\n \n-- Bob\n", "Hi Ann,",
              "Thanks for lunch\nit was fun", "-- Bob");
    SENTENCES("one\r\n\r\ntwo", "one", "two");
    assert_int_equal(nlp_sentences("   \n\n \t ", 8, NULL, 0), 0);
}

static void
test_sentences_trim_unicode_space(void **state)
{
    SENTENCES("\xe3\x80\x80Good.\xc2\xa0 Bad.\xe3\x80\x80", "Good.", "Bad.");
}

/* The first bad byte is found; a written U+FFFD and 4-byte letters are
 * fine; a truncated sequence at the end is bad. */
static void
test_utf8_first_bad(void **state)
{
    (void)state;
    const char ok[] = "Zo\xC3\xAB \xF0\x9F\x98\x80 \xEF\xBF\xBD";
    assert_int_equal(nlp_utf8_first_bad(ok, sizeof ok - 1), sizeof ok - 1);
    assert_int_equal(nlp_utf8_first_bad("abc\xFF", 4), 3);
    assert_int_equal(nlp_utf8_first_bad("ab\xC3", 3), 2);
    assert_int_equal(nlp_utf8_first_bad("\xC0\xAF", 2), 0); /* overlong */
    assert_int_equal(nlp_utf8_first_bad("", 0), 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_decodes_valid_sequences),
        cmocka_unit_test(test_utf8_replaces_maximal_subparts),
        cmocka_unit_test(test_space_is_javascript_white_space),
        cmocka_unit_test(test_words_keep_contractions_and_offsets),
        cmocka_unit_test(test_words_handle_non_latin_scripts),
        cmocka_unit_test(test_words_count_past_max),
        cmocka_unit_test(test_sentences_end_at_terminators),
        cmocka_unit_test(test_sentences_survive_abbreviations_and_numbers),
        cmocka_unit_test(test_uncapitalised_sentences_end_at_a_stop),
        cmocka_unit_test(test_sentences_break_at_blank_lines),
        cmocka_unit_test(test_sentences_trim_unicode_space),
        cmocka_unit_test(test_utf8_first_bad),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
