/*
 * Unit tests for nlp/coach: the rules of round coach29 (data/coach/
 * README.md), read from the development batch fresh29.  A seller's bonus
 * and month as stakes, "I'd owe you one" as a plea, a list phrase met by
 * its noun with "'s" ("my manager's"), a threat's "if we don't hear from
 * you" read as pressure rather than an empty touch, appointments "left",
 * and a fact's word that only says where or whose ("across their six
 * restaurants", "the practice's cyber policy").  Each test pairs a draft
 * the rule must judge one way with a near miss it must judge the other.
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

/* The sender's bonus is their stakes, not the reader's business; a bonus
 * scheme the sender helps the reader with is not. */
static void
test_bonus_is_the_senders_stakes(void **state)
{
    (void)state;
    assert_true(flagged("I need to close one more partner hotel before the "
                        "30th or I lose my quarterly bonus.",
                        NULL, NLP_COACH_NEEDINESS, "quota"));
    assert_false(flagged("Here is the template we use to explain a quarterly "
                         "bonus scheme to new staff: https://example.com/b",
                         NULL, NLP_COACH_NEEDINESS, NULL));
}

/* "I'd owe you one" beside the sender's stakes pleads; said in thanks
 * for an introduction already made, it is gratitude. */
static void
test_owe_you_one_pleads_beside_stakes(void **state)
{
    (void)state;
    assert_true(flagged("Could you sign this week? One more deal and I'm off "
                        "the bottom of the board, I'd owe you one.",
                        NULL, NLP_COACH_NEEDINESS, "pattern"));
    assert_false(flagged("Thank you for the introduction to Marta, I owe you "
                         "one. Her notes on the grant are attached for you.",
                         NULL, NLP_COACH_NEEDINESS, NULL));
}

/* A phrase's last noun matches with "'s" after it ("my manager's got a
 * whiteboard"); another manager's report is not the sender's boss. */
static void
test_phrase_noun_with_s(void **state)
{
    (void)state;
    assert_true(flagged("hey Liam, my manager's got a whiteboard of who's hit "
                        "target and my name's still in red haha. any chance "
                        "you could sign the van quote before the 31st?",
                        NULL, NLP_COACH_NEEDINESS, "quota"));
    assert_false(flagged("Here is the site manager's report from Tuesday, "
                         "with the photos of the north wall: "
                         "https://example.com/r",
                         NULL, NLP_COACH_NEEDINESS, NULL));
}

/* "If we don't hear from you, we'll assume ... and release your place"
 * threatens; its "hear from you" is no empty touch.  Alone, "I'd love to
 * hear from you" in a draft that gives nothing still is one. */
static void
test_threat_is_not_an_empty_touch(void **state)
{
    (void)state;
    const char *threat =
        "Dear Member, book by replying with three times you are free. If we "
        "don't hear from you, we'll assume you're not interested and release "
        "your place to someone else.";
    assert_true(flagged(threat, NULL, NLP_COACH_IMPOSITION, "urgency"));
    assert_false(flagged(threat, NULL, NLP_COACH_NO_VALUE, "empty_touch"));
    assert_true(flagged("Hi Sam, it has been a while! I'd love to hear from "
                        "you.",
                        NULL, NLP_COACH_NO_VALUE, "empty_touch"));
}

/* Appointments "left" is scarcity; appointments cancelled is news. */
static void
test_appointments_left_is_scarcity(void **state)
{
    (void)state;
    assert_true(flagged("There are only nine appointments left this month and "
                        "they are going fast.",
                        NULL, NLP_COACH_IMPOSITION, "scarcity"));
    assert_false(flagged("Two appointments were cancelled this month because "
                         "of the storm; I have moved yours to Thursday as you "
                         "asked.",
                         NULL, NLP_COACH_IMPOSITION, NULL));
}

/* A fact's word that only says where or whose ("across their six
 * restaurants", "the practice's cyber policy") does not show, alone,
 * that the draft knows the fact; the fact's topic does, and so does a
 * possessive after a verb ("mentioned her father"). */
static void
test_setting_word_is_not_the_fact(void **state)
{
    (void)state;
    static const nlp_coach_fact waste[] = {
        {"goal", "cut food waste across their six restaurants by a third"}};
    nlp_coach_context w = {.facts = waste, .nfacts = 1};
    assert_true(flagged("Our trainer Vera can come to any of your restaurants "
                        "for a morning session on summer coffee, at no cost.",
                        &w, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
    assert_false(flagged("Our trainer Vera has a morning session on food "
                         "waste she could run for your kitchens, at no cost.",
                         &w, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    static const nlp_coach_fact excess[] = {
        {"last", "unhappy about the excess on the practice's cyber policy"}};
    nlp_coach_context e = {.facts = excess, .nfacts = 1};
    assert_true(flagged("Your practice insurance renews on 1 July; the three "
                        "wording changes are summarised below.",
                        &e, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
    static const nlp_coach_fact father[] = {
        {"last", "mentioned her father had been unwell"}};
    nlp_coach_context f = {.facts = father, .nfacts = 1};
    assert_false(flagged("I heard from Ines that your father died last week. "
                         "I'm so sorry for your loss.",
                         &f, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bonus_is_the_senders_stakes),
        cmocka_unit_test(test_owe_you_one_pleads_beside_stakes),
        cmocka_unit_test(test_phrase_noun_with_s),
        cmocka_unit_test(test_threat_is_not_an_empty_touch),
        cmocka_unit_test(test_appointments_left_is_scarcity),
        cmocka_unit_test(test_setting_word_is_not_the_fact),
    };
    return cmocka_run_group_tests_name("coach_round29", tests, NULL, NULL);
}
