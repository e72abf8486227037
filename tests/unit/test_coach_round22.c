/*
 * Unit tests for nlp/coach: the rules of round coach22 (data/coach/
 * README.md), read from the development batch fresh22.  A fact's
 * compound word written another way, a preposition that is no
 * reference, a round of funding remembered in its field's words, guilt
 * at the reader's silence, a signature assumed, and the main problem
 * weighed on all that is said against it.  Each test pairs a draft the
 * rule must judge one way with a near miss it must judge the other.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "coach_check.h"
#include "nlp/coach.h"

/* A hyphenated fact word is the same word run into a longer compound
 * ("four-day-week") or written apart ("four day week"); a part inside
 * another word ("supermarket" for "market") or one part alone ("carbon"
 * for "carbon-neutral") is not. */
static void
test_compound_written_another_way(void **state)
{
    (void)state;
    static const nlp_coach_fact week[] = {
        {"bet", "moving the support team to a four-day week"}};
    nlp_coach_context w = {.facts = week, .nfacts = 1};
    const char *ways[] = {"the four-day-week trial", "the four day week trial",
                          "the four-day week trial"};
    for (size_t i = 0; i < sizeof ways / sizeof *ways; i++) {
        char text[256];
        snprintf(text, sizeof text,
                 "I've been reading about %s on your blog. Amira ran one "
                 "for a year; happy to connect you.",
                 ways[i]);
        assert_false(flagged(text, &w, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    }
    static const nlp_coach_fact fleet[] = {
        {"bet", "a carbon-neutral fleet by 2030"}};
    nlp_coach_context f = {.facts = fleet, .nfacts = 1};
    assert_false(flagged("How is the carbon neutral plan coming along? Here "
                         "is a guide that may help: https://example.com/g",
                         &f, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    assert_true(flagged("How is carbon accounting going for you? Here is a "
                        "guide that may help: https://example.com/g",
                        &f, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
    static const nlp_coach_fact share[] = {
        {"goal", "double their market share"}};
    nlp_coach_context s = {.facts = share, .nfacts = 1};
    assert_true(flagged("Are your supermarket-chain talks going well? Here "
                        "is a guide: https://example.com/g",
                        &s, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
}

/* "under" in a fact ("under 5%") is a function word: a draft's
 * "under-priced" beside "clients" does not remember the no-show goal;
 * asking after the no-show rate does. */
static void
test_preposition_is_no_reference(void **state)
{
    (void)state;
    static const nlp_coach_fact noshow[] = {
        {"goal", "bring the client no-show rate under 5%"}};
    nlp_coach_context c = {.facts = noshow, .nfacts = 1};
    assert_true(flagged("I've written a short guide on which services "
                        "practices under-price, and how to explain increases "
                        "to clients: https://example.com/fees",
                        &c, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
    assert_false(flagged("Any luck with the no-show rate since the "
                         "reminders went in? Here is a guide on fees: "
                         "https://example.com/fees",
                         &c, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
}

/* A seed round remembered as "the term-sheet conversations" or "the
 * fundraising" refers to it; "raises" and "investors" do not (a question
 * raised, an offer of intros to anyone). */
static void
test_funding_words_stand_for_a_round(void **state)
{
    (void)state;
    static const nlp_coach_fact seed[] = {
        {"goal", "close a seed round by autumn"}};
    nlp_coach_context c = {.facts = seed, .nfacts = 1};
    assert_false(flagged("Congratulations again on the two term-sheet "
                         "conversations. I'm still happy to look over the "
                         "data room before it goes out.",
                         &c, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    assert_false(flagged("How is the fundraising going? Happy to look over "
                         "the deck if it helps.",
                         &c, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    assert_true(flagged("Here is our guide to pricing: "
                        "https://example.com/p. If it raises any questions, "
                        "I'm happy to help.",
                        &c, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
    assert_true(flagged("I know a few investors and operators; if any "
                        "introductions would help you, just say the word.",
                        &c, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
}

/* Hurt at the reader's silence, or a reply owed ("a quick note wasn't
 * too much to ask"), is guilt; the same words about the reader's own
 * hurt, or an ask made humbly, are not. */
static void
test_hurt_at_silence_is_guilt(void **state)
{
    (void)state;
    assert_true(flagged("I would have thought a quick note wasn't too much "
                        "to ask after all that.",
                        NULL, NLP_COACH_NEEDINESS, "guilt"));
    assert_true(flagged("I was a bit hurt not to hear back after the "
                        "mock-ups.",
                        NULL, NLP_COACH_NEEDINESS, "guilt"));
    assert_true(warns("I was a bit hurt not to hear back after the mock-ups.",
                      NULL, NLP_COACH_NEEDINESS));
    assert_false(flagged("I hope it isn't too much to ask for the slides "
                         "when you have them.",
                         NULL, NLP_COACH_NEEDINESS, "guilt"));
    assert_false(flagged("I'm so sorry you were hurt in the crash; no need "
                         "to reply to this.",
                         NULL, NLP_COACH_NEEDINESS, "guilt"));
}

/* "Just sign when it lands" assumes the yes: pressure, and the ask for
 * the purchase beside it is then a note.  A signature left to the
 * reader is none. */
static void
test_assumed_signature_is_pressure(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("I've gone ahead and drafted the contract. Just sign when it lands "
          "and we'll kick off onboarding on Monday.",
          NULL, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_IMPOSITION, "pressure");
    assert_non_null(f);
    assert_int_equal(f->severity, 3);
    assert_false(warned(&r, NLP_COACH_PREMATURE_ASK));
    assert_int_equal(r.main, NLP_COACH_IMPOSITION);
    nlp_coach_report_release(&r);
    assert_false(flagged("Here is the contract you asked for. Take your time "
                         "with it, and sign only if it is right for you.",
                         NULL, NLP_COACH_IMPOSITION, "pressure"));
}

/* The cap limits what one category takes off the score, not which is
 * named: with two categories past it, the one with more said against it
 * is the main problem, even when it comes later in the list. */
static void
test_main_problem_weighed_uncapped(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("I am two deals short of my quota this month. I have emailed you "
          "several times now.\n\nYour results are guaranteed to double. "
          "Honestly, it is the best tool on the market. It is AMAZING and "
          "INCREDIBLE and UNBEATABLE.",
          NULL, &r);
    /* Both categories past the cap: neediness 2 serious flags, hype 2
     * serious and a warning; capped, they would tie and neediness, first
     * in the list, would be named. */
    static const struct {
        nlp_coach_cat cat;
        const char *group;
    } serious[] = {{NLP_COACH_NEEDINESS, "quota"},
                   {NLP_COACH_NEEDINESS, "guilt"},
                   {NLP_COACH_HYPE, "guarantee"},
                   {NLP_COACH_HYPE, "caps"}};
    for (size_t i = 0; i < sizeof serious / sizeof *serious; i++) {
        const nlp_coach_flag *f = flag_of(&r, serious[i].cat, serious[i].group);
        assert_non_null(f);
        assert_int_equal(f->severity, 3);
    }
    assert_int_equal(r.main, NLP_COACH_HYPE);
    nlp_coach_report_release(&r);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compound_written_another_way),
        cmocka_unit_test(test_preposition_is_no_reference),
        cmocka_unit_test(test_funding_words_stand_for_a_round),
        cmocka_unit_test(test_hurt_at_silence_is_guilt),
        cmocka_unit_test(test_assumed_signature_is_pressure),
        cmocka_unit_test(test_main_problem_weighed_uncapped),
    };
    return cmocka_run_group_tests_name("coach_round22", tests, NULL, NULL);
}
