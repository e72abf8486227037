/*
 * Unit tests for nlp/coach: the rules of round coach24 (data/coach/
 * README.md), read from the development batch fresh24.  Calls booked by
 * other words, a hold that runs out, a threat to keep writing, a rough
 * few months, a draft all about the sender, an intensifier
 * that is no negation, a wish for the reader, and a deadline inside a
 * plea.  Each test pairs a draft the rule must judge one way with a near
 * miss it must judge the other.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "coach_check.h"
#include "nlp/coach.h"

/* "I'll give you a ring Tuesday at 10" and "I shall telephone your
 * office on Thursday" book the reader's time as "I'll call you" does;
 * offering a ring whenever suits them does not. */
static void
test_ring_and_telephone_book_their_time(void **state)
{
    (void)state;
    assert_true(flagged("I'll give you a ring Tuesday at 10:00 to walk you "
                        "through the revenue dashboard.",
                        NULL, NLP_COACH_IMPOSITION, "booked"));
    assert_true(flagged("I shall telephone your office first thing on "
                        "Thursday morning to finalise the arrangement.",
                        NULL, NLP_COACH_IMPOSITION, "booked"));
    assert_false(flagged("Happy to give you a ring on Tuesday if that "
                         "helps, or whenever suits you.",
                         NULL, NLP_COACH_IMPOSITION, "booked"));
}

/* A licence held in their name until a time tomorrow is scarcity with a
 * deadline; an office open until 5pm tomorrow is information. */
static void
test_hold_until_tomorrow_presses(void **state)
{
    (void)state;
    assert_true(flagged("As our allocation is very nearly exhausted, I am "
                        "holding one in your name until 5pm tomorrow.",
                        NULL, NLP_COACH_IMPOSITION, "pattern"));
    assert_false(flagged("The permit office is open until 5pm tomorrow if "
                         "you want to drop the forms in yourself.",
                         NULL, NLP_COACH_IMPOSITION, NULL));
}

/* Promising to keep writing until they say yes is pressure; "should I
 * not hear from you" an ultimatum.  Writing a report until spring is
 * neither. */
static void
test_keep_writing_until_yes_presses(void **state)
{
    (void)state;
    assert_true(warns("Fair warning, I'll keep writing until I get a yes or "
                      "a no, so we might as well save us both the time.",
                      NULL, NLP_COACH_IMPOSITION));
    assert_true(flagged("Should I not hear from you, I will send the "
                        "contract to your finance team.",
                        NULL, NLP_COACH_IMPOSITION, "urgency"));
    assert_false(flagged("I'll keep writing until I get the chapter on "
                         "your grant right; the first draft is attached for "
                         "comments.",
                         NULL, NLP_COACH_IMPOSITION, NULL));
    assert_false(flagged("I cannot finalise the quote until I get an answer "
                         "from our supplier, which should be Thursday. I will "
                         "send it the moment I have it.",
                         NULL, NLP_COACH_IMPOSITION, NULL));
}

/* "You'd be saving me" beside a rough few months of the sender's
 * pleads.  A bonus spent on a bike, with thanks, is no stake, and a
 * rough draft is no rough time. */
static void
test_bonus_and_rough_months_are_needy(void **state)
{
    (void)state;
    assert_false(flagged("I put my bonus toward a road bike after your "
                         "recommendation, and it has changed my commute. "
                         "Thank you!",
                         NULL, NLP_COACH_NEEDINESS, NULL));
    nlp_coach_report r;
    check("Could you sign the renewal this week? You'd honestly be saving "
          "me. I've had a rough few months and a win right now would mean "
          "more than you know.",
          NULL, &r);
    assert_true(warned(&r, NLP_COACH_NEEDINESS));
    assert_int_equal(r.main, NLP_COACH_NEEDINESS);
    nlp_coach_report_release(&r);
    assert_false(flagged("I've had a rough draft of your case study ready "
                         "since Monday; here it is: https://example.com/cs",
                         NULL, NLP_COACH_NEEDINESS, NULL));
}

/* A cold note whose every sentence but the ask is about the sender is
 * self-focused before it is an early ask; with two sentences about the
 * reader's world the ask is the thing to fix. */
static void
test_sender_only_sentences_are_self_focus(void **state)
{
    (void)state;
    const char *about_us =
        "At Forgewell we pride ourselves on being more than an agency. Our "
        "founder spent fifteen years leading engineering teams before "
        "starting the firm. Our team is small, senior and careful. We have "
        "offices in Leeds and York, and our retention figures are high. We "
        "are growing our fintech practice and would love to add your "
        "company to our list. Could we set up a short call?";
    assert_int_equal(main_problem(about_us, NULL), NLP_COACH_SELF_FOCUS);
    const char *about_them =
        "Your team shipped the new ledger in March, which is quick for a "
        "bank your size. I saw your posting for two platform engineers. At "
        "Forgewell we place engineers in fintech. Our team is small and "
        "senior. We have offices in Leeds and York. Could we set up a short "
        "call?";
    assert_int_equal(main_problem(about_them, NULL), NLP_COACH_PREMATURE_ASK);
}

/* "nothing short of revolutionary" claims revolution; "not
 * revolutionary" disclaims it. */
static void
test_intensifier_is_no_negation(void **state)
{
    (void)state;
    assert_true(flagged("The new release is nothing short of revolutionary.",
                        NULL, NLP_COACH_HYPE, "superlative"));
    assert_true(flagged("Honestly, the results were no less than "
                        "revolutionary.",
                        NULL, NLP_COACH_HYPE, "superlative"));
    assert_false(flagged("Nothing revolutionary, just careful work on the "
                         "invoicing step.",
                         NULL, NLP_COACH_HYPE, NULL));
}

/* "Hope there's some sleep happening, or at least decent bread" wishes
 * the reader well in the words of their pastime; "hope things are going
 * well at the studio" is the stock opening, and the studio of their goal
 * does not make it a reference. */
static void
test_wish_for_them_is_personal(void **state)
{
    (void)state;
    static const nlp_coach_fact bread[] = {{"interest", "sourdough baking"}};
    nlp_coach_context b = {.facts = bread, .nfacts = 1};
    assert_false(flagged("Congratulations on the new arrival! Hope there's "
                         "some sleep happening, or at least decent bread.",
                         &b, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    static const nlp_coach_fact port[] = {
        {"goal", "ship the studio's first console port by Q4"}};
    nlp_coach_context p = {.facts = port, .nfacts = 1};
    assert_true(flagged("Hope things are going well at the studio. Our "
                        "salary benchmark is out, free to download: "
                        "https://example.com/bench",
                        &p, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
    /* The sender's own wish is not turned to the reader. */
    assert_true(flagged("Our spring catalogue is out: "
                        "https://example.com/catalogue. Hope our sourdough "
                        "range sells out by Friday.",
                        &b, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
}

/* A deadline inside a plea ("put me out of my misery before Friday") is
 * the sender's need, not pressure on the reader; the same deadline on a
 * plain request is. */
static void
test_deadline_in_a_plea_is_need(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("If you could put me out of my misery before Friday, I'd owe you "
          "a pint.",
          NULL, &r);
    assert_null(flag_of(&r, NLP_COACH_IMPOSITION, "urgency"));
    assert_true(warned(&r, NLP_COACH_NEEDINESS));
    nlp_coach_report_release(&r);
    assert_true(flagged("Could you sign and return the order form before "
                        "Friday?",
                        NULL, NLP_COACH_IMPOSITION, "urgency"));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ring_and_telephone_book_their_time),
        cmocka_unit_test(test_hold_until_tomorrow_presses),
        cmocka_unit_test(test_keep_writing_until_yes_presses),
        cmocka_unit_test(test_bonus_and_rough_months_are_needy),
        cmocka_unit_test(test_sender_only_sentences_are_self_focus),
        cmocka_unit_test(test_intensifier_is_no_negation),
        cmocka_unit_test(test_wish_for_them_is_personal),
        cmocka_unit_test(test_deadline_in_a_plea_is_need),
    };
    return cmocka_run_group_tests_name("coach_round24", tests, NULL, NULL);
}
