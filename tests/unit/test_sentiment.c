/*
 * Unit tests for nlp/sentiment: one test per VADER rule (Hutto & Gilbert,
 * ICWSM 2014), each with several sentences whose expected scores were
 * produced by the npm peer vader-sentiment@1.1.3 under node 20.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <pthread.h>
#include <string.h>

#include "nlp/lexicon.h"
#include "nlp/sentiment.h"

typedef struct {
    const char *text;
    double neg, neu, pos, compound;
} scase;

/* Scores each case and checks all four numbers to the peer's precision. */
static void
check_cases(const scase *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        nlp_sentiment s;
        nlp_sentiment_score(c[i].text, strlen(c[i].text), &s);
        if (fabs(s.neg - c[i].neg) > 1e-9 || fabs(s.neu - c[i].neu) > 1e-9 ||
            fabs(s.pos - c[i].pos) > 1e-9 ||
            fabs(s.compound - c[i].compound) > 1e-9)
            fail_msg("'%s': got %.3f %.3f %.3f %.4f, want %.3f %.3f %.3f %.4f",
                     c[i].text, s.neg, s.neu, s.pos, s.compound, c[i].neg,
                     c[i].neu, c[i].pos, c[i].compound);
    }
}

#define CHECK(cases) check_cases(cases, sizeof cases / sizeof *cases)

/* A word rated in the lexicon moves the scores; others are neutral. */
static void
test_lexicon_words_carry_their_mean_rating(void **state)
{
    static const scase cases[] = {
        {"The book was good.", 0, 0.508, 0.492, 0.4404},
        {"The book was bad.", 0.538, 0.462, 0, -0.5423},
        {"sad", 1, 0, 0, -0.4767},
        {"It is a table.", 0, 1, 0, 0},
        {"lol lol lol", 0, 0, 1, 0.8126},
    };
    CHECK(cases);
}

/* "very" adds 0.293 and "slightly" takes it away, less so two and three words
 * back. */
static void
test_boosters_and_dampeners_scale_the_next_words(void **state)
{
    static const scase cases[] = {
        {"The book was very good.", 0, 0.556, 0.444, 0.4927},
        {"The book was very bad.", 0.487, 0.513, 0, -0.5849},
        {"The book was very quite good.", 0, 0.59, 0.41, 0.5379},
        {"very the good", 0, 0.386, 0.614, 0.4902},
        {"very the the good", 0, 0.487, 0.513, 0.4877},
        {"slightly good", 0, 0.277, 0.723, 0.3832},
        {"barely okay", 0, 0.384, 0.616, 0.1548},
        {"extremely bad", 0.791, 0.209, 0, -0.5849},
    };
    CHECK(cases);
}

/* An ALL-CAPS word gains 0.733 only when other words are not in capitals. */
static void
test_all_caps_emphasis_counts_only_in_mixed_case(void **state)
{
    static const scase cases[] = {
        {"The book was GOOD.", 0, 0.452, 0.548, 0.5622},
        {"GOOD bad", 0.491, 0, 0.509, 0.0343},
        {"GOOD BAD", 0.547, 0, 0.453, -0.1531},
        {"The book was VERY good.", 0, 0.505, 0.495, 0.6028},
        {"VERY bad movie", 0.694, 0.306, 0, -0.6732},
    };
    CHECK(cases);
}

/* "not", "isn't" and friends multiply by -0.74 within three words, spelled in
 * lower case. */
static void
test_negation_flips_up_to_three_words_back(void **state)
{
    static const scase cases[] = {
        {"The book was not good.", 0.376, 0.624, 0, -0.3412},
        {"not the good", 0.546, 0.454, 0, -0.3412},
        {"not the the good", 0.445, 0.555, 0, -0.3412},
        {"not the the the good", 0, 0.58, 0.42, 0.4404},
        {"The book isn't good.", 0.445, 0.555, 0, -0.3412},
        {"Not good", 0, 0.256, 0.744, 0.4404},
        {"NOT good", 0, 0.256, 0.744, 0.4404},
        {"without doubt good", 0.436, 0.181, 0.383, -0.0762},
        {"I don't love it", 0.627, 0.373, 0, -0.5216},
    };
    CHECK(cases);
}

/* "never so good" and "never this good" intensify; "so" and "this" intensify
 * two words on. */
static void
test_never_so_intensifies_instead_of_negating(void **state)
{
    static const scase cases[] = {
        {"never so good", 0, 0.318, 0.682, 0.6474},
        {"never this good", 0, 0.342, 0.658, 0.5927},
        {"It was never so very good.", 0, 0.55, 0.45, 0.6236},
        {"so very good", 0, 0.366, 0.634, 0.5379},
        {"never good", 0.706, 0.294, 0, -0.3412},
        {"It is so good", 0, 0.445, 0.555, 0.5777},
        {"It is this good", 0, 0.471, 0.529, 0.5228},
        {"It is that good", 0, 0.508, 0.492, 0.4404},
    };
    CHECK(cases);
}

/* "least good" flips, "at least good" and "very least good" do not. */
static void
test_least_negates_except_at_least(void **state)
{
    static const scase cases[] = {
        {"least good", 0.706, 0.294, 0, -0.3412},
        {"the least good", 0.546, 0.454, 0, -0.3412},
        {"at least good", 0, 0.408, 0.592, 0.4404},
        {"very least good", 0, 0.386, 0.614, 0.4902},
    };
    CHECK(cases);
}

/* Words before "but" count half, after it one and a half; "But" is not "but".
 */
static void
test_but_shifts_weight_to_what_follows(void **state)
{
    static const scase cases[] = {
        {"good but bad", 0.617, 0.13, 0.253, -0.5859},
        {"good BUT bad", 0.617, 0.13, 0.253, -0.5859},
        {"good But bad", 0.473, 0.135, 0.392, -0.1531},
        {"bad but good but bad", 0.545, 0.156, 0.3, -0.4854},
    };
    CHECK(cases);
}

/* Each "!" up to four adds 0.292; two or three "?" add 0.18 each, more add
 * 0.96; unstrippable runs hide the word. */
static void
test_exclamation_and_question_marks_amplify(void **state)
{
    static const scase cases[] = {
        {"good!", 0, 0, 1, 0.4926}, {"good!!", 0, 0, 1, 0.5399},
        {"good!!!!", 0, 1, 0, 0},   {"good!!!!!!!", 0, 1, 0, 0},
        {"good??", 0, 0, 1, 0.504}, {"good???", 0, 0, 1, 0.533},
        {"good????", 0, 1, 0, 0},   {"bad?!", 0, 1, 0, 0},
        {"good?", 0, 0, 1, 0.4404},
    };
    CHECK(cases);
}

/* "kind of" is skipped itself and, two or three words back, dampens by 0.293.
 */
static void
test_kind_of_and_sort_of_dampen(void **state)
{
    static const scase cases[] = {
        {"This is kind of great.", 0, 0.512, 0.488, 0.5868},
        {"This is KIND OF great.", 0, 0.494, 0.506, 0.6249},
        {"sort of nice", 0, 0.417, 0.583, 0.4215},
        {"kinda nice", 0, 0.285, 0.715, 0.3626},
        {"just enough nice food", 0, 0.517, 0.483, 0.4215},
    };
    CHECK(cases);
}

/* "the shit", "the bomb", "bad ass", "yeah right", "kiss of death".... */
static void
test_idioms_replace_the_word_valence(void **state)
{
    static const scase cases[] = {
        {"That was the shit.", 0, 0.429, 0.571, 0.6124},
        {"That was the bomb, truly.", 0, 0.273, 0.727, 0.8402},
        {"He is a bad ass.", 0.438, 0.25, 0.313, -0.25},
        {"Yeah right, great idea.", 0, 0.241, 0.759, 0.743},
        {"It was the kiss of death for the happy plan.", 0.318, 0.446, 0.236,
         -0.0772},
        {"Living hand to mouth is sad.", 0.301, 0.388, 0.311, 0.0258},
        {"You cut the mustard, good.", 0.263, 0.375, 0.362, 0.2023},
        {"the shit", 0.783, 0.217, 0, -0.5574},
        {"we all said the shit", 0, 0.5, 0.5, 0.6124},
    };
    CHECK(cases);
}

/* One VADER mark is stripped from a punctuation-free word; one-unit tokens are
 * dropped. */
static void
test_tokens_lose_one_punctuation_mark_only(void **state)
{
    static const scase cases[] = {
        {"!good", 0, 0, 1, 0.4926},
        {"good!", 0, 0, 1, 0.4926},
        {"(good)", 0, 1, 0, 0},
        {"good...", 0, 1, 0, 0},
        {"'good'", 0, 1, 0, 0},
        {":)", 0, 0, 1, 0.4588},
        {":-)", 0, 0, 1, 0.3182},
        {")", 0, 0, 0, 0},
        {"I", 0, 0, 0, 0},
        {"a good", 0, 0, 1, 0.4404},
        {"good,bad", 0, 1, 0, 0},
        {"café good", 0, 0.256, 0.744, 0.4404},
        {"\xe2\x84\xaa"
         "ind of good",
         0, 0.408, 0.592, 0.4404},
    };
    CHECK(cases);
}

/* A text longer than the stack fast path (96 words) is read twice through
 * a ring; its scores must still be the peer's. */
static void
test_long_text_scores_like_the_peer(void **state)
{
    char text[2048] = "";
    for (int i = 0; i < 40; i++)
        strcat(text, "not good ");
    strcat(text, "but ");
    for (int i = 0; i < 30; i++)
        strcat(text, "very GREAT ");
    strcat(text, "kind of bad");
    const scase cases[] = {{text, 0.018, 0.2, 0.783, 0.9998}};
    CHECK(cases);
}

/* Empty, NULL and word-free input score all zeros, neu included. */
static void
test_text_without_words_scores_zero(void **state)
{
    nlp_sentiment s = {1, 1, 1, 1};
    nlp_sentiment_score(NULL, 0, &s);
    assert_true(s.neg == 0 && s.neu == 0 && s.pos == 0 && s.compound == 0);
    nlp_sentiment_score("", 0, &s);
    assert_true(s.neu == 0);
    nlp_sentiment_score(" ! ? a I \t\n", 11, &s);
    assert_true(s.neg == 0 && s.neu == 0 && s.pos == 0 && s.compound == 0);
}

/* Bytes that are not UTF-8, and NUL bytes, are words like any other. */
static void
test_invalid_utf8_and_nul_bytes_are_scored(void **state)
{
    static const char bad[] = "invalid \xff\xfe bytes but good";
    static const char nul[] = "nul\0 good";
    const scase cases[] = {
        {bad, 0, 0.51, 0.49, 0.5927},
    };
    CHECK(cases);
    nlp_sentiment s;
    nlp_sentiment_score(nul, sizeof nul - 1, &s);
    assert_true(fabs(s.compound - 0.4404) < 1e-9);
    assert_true(fabs(s.neu - 0.256) < 1e-9);
}

/* Rounding is JavaScript's toFixed: exact binary value, ties away from
 * zero, so 0.0625 gives 0.063 where printf would give 0.062. */
static void
test_rounding_matches_javascript_to_fixed(void **state)
{
    assert_true(nlp_sentiment_round(0.0625, 3) == 0.063);
    assert_true(nlp_sentiment_round(0.0005, 3) == 0.001);
    assert_true(nlp_sentiment_round(1.0005, 3) == 1.0);
    assert_true(nlp_sentiment_round(0.0355, 3) == 0.035);
    assert_true(nlp_sentiment_round(0.12345, 4) == 0.1235);
    assert_true(nlp_sentiment_round(2.5, 0) == 3.0);
    assert_true(nlp_sentiment_round(-0.0625, 3) == -0.063);
}

/* A token listed twice in vader_lexicon.txt keeps its later rating. */
static void
test_lexicon_keeps_the_last_of_duplicates(void **state)
{
    const nlp_lexicon_entry *e = nlp_lexicon_find("lol", 3);
    assert_non_null(e);
    assert_true(e->valence == 1.8);
    assert_true(nlp_lexicon_find("ok", 2)->valence == 1.2);
    assert_true(nlp_lexicon_find("xd", 2)->valence == 2.8);
    assert_true(nlp_lexicon_find("sob", 3)->valence == -1.0);
    assert_null(nlp_lexicon_find("rapport-not-a-word", 18));
    e = nlp_lexicon_find("very", 4);
    assert_true((e->flags & NLP_LEX_BOOSTER) && e->scalar == 0.293);
    assert_true(nlp_lexicon_find("without", 7)->flags & NLP_LEX_NEGATE);
    /* 7,503 rated tokens, plus the rule words that are not rated. */
    assert_true(nlp_lexicon_count > 7503 && nlp_lexicon_count < 7700);
}

/* The scorer keeps no state: the same text scores the same every time,
 * whatever was scored before. */
static void
test_scores_do_not_depend_on_earlier_calls(void **state)
{
    nlp_sentiment a, b, c;
    nlp_sentiment_score("VADER is VERY SMART and FUNNY!!!", 32, &a);
    nlp_sentiment_score("not bad at all but sad", 22, &b);
    nlp_sentiment_score("VADER is VERY SMART and FUNNY!!!", 32, &c);
    assert_memory_equal(&a, &c, sizeof a);
    assert_true(fabs(a.compound - 0.8977) < 1e-9);
}

static const char *const thread_texts[] = {
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "The plot was good, but the characters are uncompelling.",
    "At least it isn't a horrible book.",
    "never so good but not the least bad kind of :)",
};

/* Scores the texts many times; returns non-NULL on any difference from
 * the expected scores in arg. */
static void *
score_many(void *arg)
{
    const nlp_sentiment *want = arg;
    for (int round = 0; round < 2000; round++) {
        for (size_t i = 0; i < 4; i++) {
            nlp_sentiment s;
            nlp_sentiment_score(thread_texts[i], strlen(thread_texts[i]), &s);
            if (memcmp(&s, &want[i], sizeof s))
                return (void *)1;
        }
    }
    return NULL;
}

/* Four threads scoring at once get the single-threaded answers. */
static void
test_scoring_is_thread_safe(void **state)
{
    nlp_sentiment want[4];
    pthread_t t[4];
    for (size_t i = 0; i < 4; i++)
        nlp_sentiment_score(thread_texts[i], strlen(thread_texts[i]), &want[i]);
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&t[i], NULL, score_many, want), 0);
    for (int i = 0; i < 4; i++) {
        void *bad = (void *)1;
        assert_int_equal(pthread_join(t[i], &bad), 0);
        assert_null(bad);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lexicon_words_carry_their_mean_rating),
        cmocka_unit_test(test_boosters_and_dampeners_scale_the_next_words),
        cmocka_unit_test(test_all_caps_emphasis_counts_only_in_mixed_case),
        cmocka_unit_test(test_negation_flips_up_to_three_words_back),
        cmocka_unit_test(test_never_so_intensifies_instead_of_negating),
        cmocka_unit_test(test_least_negates_except_at_least),
        cmocka_unit_test(test_but_shifts_weight_to_what_follows),
        cmocka_unit_test(test_exclamation_and_question_marks_amplify),
        cmocka_unit_test(test_kind_of_and_sort_of_dampen),
        cmocka_unit_test(test_idioms_replace_the_word_valence),
        cmocka_unit_test(test_tokens_lose_one_punctuation_mark_only),
        cmocka_unit_test(test_long_text_scores_like_the_peer),
        cmocka_unit_test(test_text_without_words_scores_zero),
        cmocka_unit_test(test_invalid_utf8_and_nul_bytes_are_scored),
        cmocka_unit_test(test_rounding_matches_javascript_to_fixed),
        cmocka_unit_test(test_lexicon_keeps_the_last_of_duplicates),
        cmocka_unit_test(test_scores_do_not_depend_on_earlier_calls),
        cmocka_unit_test(test_scoring_is_thread_safe),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
