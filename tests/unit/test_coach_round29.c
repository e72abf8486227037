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

/* The review's false alarms on ordinary mail: an assumption in a quote,
 * silence from a third party, "'s" meaning "is", a fact's topic after
 * "for" or a relative's "'s", an interest's setting, no tables left, one
 * more policy offered, a reunion that would make the sender's month, and
 * advice not to leave a booking too late. */
static void
test_review_false_alarms(void **state)
{
    (void)state;
    assert_false(flagged("For the quote, we will assume the existing wiring "
                         "can stay. If that's wrong, the electrician can check "
                         "it on Monday.",
                         NULL, NLP_COACH_IMPOSITION, "urgency"));
    assert_false(flagged("If we don't hear anything from the caterer by "
                         "Friday, I'll chase them myself and let you know.",
                         NULL, NLP_COACH_IMPOSITION, "urgency"));
    assert_false(warns("My number's changed; it's 07700 900123 now. Anything "
                       "you need before the launch, just text.",
                       NULL, NLP_COACH_NEEDINESS));
    assert_false(warns("Nopa had no tables left on Thursday, so shall we try "
                       "Friday instead?",
                       NULL, NLP_COACH_IMPOSITION));
    assert_false(warns("I found one more policy that could suit your fleet; "
                       "the summary is attached. Anything else you'd like me "
                       "to compare?",
                       NULL, NLP_COACH_NEEDINESS));
    assert_false(warns("Seeing you at the reunion would make my month.", NULL,
                       NLP_COACH_NEEDINESS));
    assert_false(warns("The hotel near the venue fills up, so don't leave it "
                       "too late if you're going. I've listed three others "
                       "below.",
                       NULL, NLP_COACH_IMPOSITION));
    static const nlp_coach_fact mother[] = {
        {"last", "worried about his mother's health"}};
    nlp_coach_context m = {.facts = mother, .nfacts = 1};
    assert_false(flagged("I hope your mother is feeling better.", &m,
                         NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    static const nlp_coach_fact marathon[] = {
        {"goal", "training for her first marathon in October"}};
    nlp_coach_context r = {.facts = marathon, .nfacts = 1};
    assert_false(flagged("Hi Dana, good luck with the marathon! The pricing "
                         "sheet is attached.",
                         &r, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    static const nlp_coach_fact cello[] = {
        {"interest", "plays cello in her community orchestra"}};
    nlp_coach_context o = {.facts = cello, .nfacts = 1};
    assert_false(flagged("I hope the orchestra concert went well on Saturday.",
                         &o, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
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
        cmocka_unit_test(test_review_false_alarms),
    };
    return cmocka_run_group_tests_name("coach_round29", tests, NULL, NULL);
}
