/*
 * Unit tests for nlp/coach: the rules of round coach27 (data/coach/
 * README.md), read from the development batch fresh27, with its review.
 * A fact's word that names a kind of thing in a generic resource ("a
 * checklist for multifamily properties") is not a reference to the
 * reader; a status chase in formal English ("Kindly update ... Awaiting
 * your valuable feedback"); an empty touch named before the missing
 * personal touch; superlatives of investment letters.  Each test pairs a
 * draft the rule must judge one way with a near miss it must judge the
 * other.
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

/* "multifamily properties" in a sentence that only says "you" names a
 * kind of building, not the reader's Willow Bend property; "the
 * property" in such a sentence is theirs, and "the hills you were asking
 * about" brings back what they said. */
static void
test_a_kind_of_thing_is_not_their_thing(void **state)
{
    (void)state;
    static const nlp_coach_fact willow[] = {
        {"last", "repeated compressor failures at the Willow Bend property"}};
    nlp_coach_context w = {.facts = willow, .nfacts = 1};
    assert_true(flagged("We put together a one-page checklist for multifamily "
                        "properties: what to look at after a power surge "
                        "before you restart anything. "
                        "https://example.com/checklist",
                        &w, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
    assert_false(flagged("We put together a one-page checklist you could use "
                         "at the property: what to look at after a power "
                         "surge. https://example.com/checklist",
                         &w, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    /* "Here's" is no possessive; "you love sailing" and a second
     * "your sourdough" in the sentence are the reader's own. */
    assert_true(flagged("Here's a property checklist: what to look at after a "
                        "power surge before you restart anything. "
                        "https://example.com/checklist",
                        &w, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
    static const nlp_coach_fact sailing[] = {{"interest", "sailing"}};
    nlp_coach_context sa = {.facts = sailing, .nfacts = 1};
    assert_false(flagged("Hi Dana, I know you love sailing, so here is a piece "
                         "on this year's Fastnet race: https://example.com/f",
                         &sa, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    static const nlp_coach_fact bread[] = {{"interest", "sourdough baking"}};
    nlp_coach_context b = {.facts = bread, .nfacts = 1};
    assert_false(flagged("We wrote a sourdough guide that might rescue your "
                         "sourdough starter: https://example.com/s",
                         &b, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    static const nlp_coach_fact van[] = {
        {"goal", "replace the delivery vehicle"}};
    nlp_coach_context v = {.facts = van, .nfacts = 1};
    assert_true(flagged("Our guide says what to check before you buy any "
                        "vehicle: https://example.com/v",
                        &v, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
    static const nlp_coach_fact trail[] = {{"interest", "trail running"}};
    nlp_coach_context t = {.facts = trail, .nfacts = 1};
    assert_false(flagged("hey Jo, found a map for the hills north of town you "
                         "were asking about: https://example.com/trails",
                         &t, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    assert_true(flagged("hey Jo, found a map for the hills north of town you "
                        "might like: https://example.com/trails",
                        &t, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
}

/* "Kindly update on the status of our quotation. Awaiting your valuable
 * feedback." chases and gives nothing; giving them a status, or waiting
 * on their go-ahead with no rush, is no chase. */
static void
test_formal_status_chase_is_empty(void **state)
{
    (void)state;
    assert_true(flagged("Dear Eng. Khalid,\n\nKindly update on the status of "
                        "our quotation ref. QT-2291 for the chiller works. "
                        "Awaiting your valuable feedback.\n\nThanks & "
                        "Regards,\nAnwar\n",
                        NULL, NLP_COACH_NO_VALUE, "empty_touch"));
    assert_false(flagged("Dear Eng. Khalid,\n\nThe chillers left Jebel Ali "
                         "this morning; I'll update you on the status of the "
                         "shipment when they clear customs.\n\nThanks & "
                         "Regards,\nAnwar\n",
                         NULL, NLP_COACH_NO_VALUE, "empty_touch"));
    assert_false(flagged("Quick update on the status of your order: both units "
                         "shipped this morning and should reach your site on "
                         "Thursday.",
                         NULL, NLP_COACH_NO_VALUE, "empty_touch"));
    assert_false(flagged("Quick note so you're not left wondering: I'm "
                         "awaiting your go-ahead before I book anything for "
                         "you. No rush at all, whenever suits.",
                         NULL, NLP_COACH_NO_VALUE, "empty_touch"));
    assert_true(flagged("Request you to kindly revert on our quotation at the "
                        "earliest.",
                        NULL, NLP_COACH_NO_VALUE, "empty_touch"));
}

/* A check-in that is both empty and blind to the reader is first of all
 * empty: no_value is its main problem, not no_personal_touch; a draft
 * that gives something and is only blind to them is no_personal_touch. */
static void
test_empty_touch_named_before_missing_touch(void **state)
{
    (void)state;
    static const nlp_coach_fact shop[] = {
        {"goal", "open a 30,000 sq ft shop in Odessa next year"}};
    nlp_coach_context c = {.facts = shop, .nfacts = 1};
    static const char draft[] =
        "Hey Amanda, just wanted to drop a quick line and check in, see how "
        "things are going on your end. Didn't want to fall off your radar.";
    assert_true(flagged(draft, &c, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
    assert_int_equal(main_problem(draft, &c), NLP_COACH_NO_VALUE);
    assert_int_equal(main_problem("Hey Amanda, here is the winter checklist "
                                  "we wrote for warehouse roofs: "
                                  "https://example.com/roofs",
                                  &c),
                     NLP_COACH_NO_PERSONAL_TOUCH);
}

/* "the single most compelling opportunity" and "once-in-a-generation"
 * inflate an offer; "your keynote was the single most useful session"
 * praises the reader's work, and is no claim of the sender's. */
static void
test_investment_letter_superlatives(void **state)
{
    (void)state;
    assert_true(flagged("Fund III is the single most compelling opportunity "
                        "in AI infrastructure this decade.",
                        NULL, NLP_COACH_HYPE, "superlative"));
    assert_true(flagged("A once-in-a-generation allocation for any LP.", NULL,
                        NLP_COACH_HYPE, "superlative"));
    assert_true(flagged("Your clinic deserves the single most advanced "
                        "scanner on the market.",
                        NULL, NLP_COACH_HYPE, "superlative"));
    assert_false(flagged("Your keynote was the single most useful session at "
                         "the summit for our team. The triage slide is now "
                         "pinned above the nurses' station.",
                         NULL, NLP_COACH_HYPE, NULL));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_kind_of_thing_is_not_their_thing),
        cmocka_unit_test(test_formal_status_chase_is_empty),
        cmocka_unit_test(test_empty_touch_named_before_missing_touch),
        cmocka_unit_test(test_investment_letter_superlatives),
    };
    return cmocka_run_group_tests_name("coach_round27", tests, NULL, NULL);
}
