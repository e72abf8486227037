/*
 * Unit tests for nlp/coach: the rules of round coach25 (data/coach/
 * README.md), read from the development batch fresh25.  A float that is
 * a touch rather than a chase, four sentences about the sender, "thought
 * of you" after what prompted it,
 * words inside a link, a share asked of the reader, and acronyms joined
 * by a hyphen.  Each test pairs a draft the rule must judge one way with
 * a near miss it must judge the other.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "coach_check.h"
#include "nlp/coach.h"

/* "Floating this back up so we don't lose touch" keeps in touch with
 * nothing to give (no_value); bumping a deadline is a chase. */
static void
test_floating_is_an_empty_touch(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("Hi Aisha, floating this back up. Hope the new studio is going "
          "well.",
          NULL, &r);
    assert_true(warned(&r, NLP_COACH_NO_VALUE));
    assert_null(flag_of(&r, NLP_COACH_IMPOSITION, NULL));
    nlp_coach_report_release(&r);
    assert_true(warns("Bumping this up again: the founding rate ends Friday "
                      "and I can't hold it after that.",
                      NULL, NLP_COACH_IMPOSITION));
    /* An idea floated gives something. */
    assert_false(warns("I'm floating this idea with a few studio owners "
                       "before I build anything: would a shared booking "
                       "calendar for your two rooms save you time? Happy to "
                       "sketch it for free.",
                       NULL, NLP_COACH_NO_VALUE));
}

/* Four sentences about the sender beside one about the reader weigh as
 * self-focus before the ask they end with; with two sentences about the
 * reader's own news the ask is the thing to fix. */
static void
test_four_sentences_about_the_sender(void **state)
{
    (void)state;
    assert_int_equal(
        main_problem(
            "Exciting times here! We've just closed our Series A and grown "
            "the team from 9 to 21. Our CEO spoke at the fintech summit last "
            "month. Our product now supports multi-entity consolidation, "
            "which we're proud of. We have an ambitious roadmap for next "
            "year. Could we grab a coffee so we can tell you more?",
            NULL),
        NLP_COACH_SELF_FOCUS);
    assert_int_equal(
        main_problem("Your team's launch in Leeds looked great. I read your "
                     "post on hiring two analysts. We've just closed our "
                     "Series A. Our product now supports consolidation. Could "
                     "we grab a coffee next month?",
                     NULL),
        NLP_COACH_PREMATURE_ASK);
}

/* "Thought of you immediately." says the sentence before it is for the
 * reader: the violins there remember their Baroque violin.  Without it
 * the concert is news for anyone. */
static void
test_thought_of_you_turns_the_sentence_before(void **state)
{
    (void)state;
    static const nlp_coach_fact violin[] = {{"interest", "Baroque violin"}};
    nlp_coach_context c = {.facts = violin, .nfacts = 1};
    assert_false(flagged("Saw that Ensemble Caravaggio is doing the Biber "
                         "sonatas on April 12, with the scordatura violins "
                         "and all. Thought of you immediately. Details: "
                         "https://example.com/biber",
                         &c, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    assert_true(flagged("Saw that Ensemble Caravaggio is doing the Biber "
                        "sonatas on April 12, with the scordatura violins "
                        "and all. Tickets are on sale now. Details: "
                        "https://example.com/biber",
                        &c, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
    /* Not a thought of them: a longer sentence that says the opposite. */
    assert_true(flagged("Our shop now stocks gut strings for violins. "
                        "Honestly I had not thought of you as a customer "
                        "until Priya mentioned it.",
                        &c, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
}

/* A word inside a link is an address, not a reference: "checkout" in the
 * report's URL does not remember their checkout latency; asking after
 * the latency does. */
static void
test_words_in_a_link_are_no_reference(void **state)
{
    (void)state;
    static const nlp_coach_fact latency[] = {
        {"last", "asked how tokenisation would affect their checkout "
                 "latency"}};
    nlp_coach_context c = {.facts = latency, .nfacts = 1};
    assert_true(flagged("We've just published our yearly report. You can "
                        "read it here: "
                        "https://example.com/checkout-trends-report",
                        &c, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
    assert_false(flagged("You asked how tokenisation would change your "
                         "checkout latency: our report has a section on it, "
                         "https://example.com/report",
                         &c, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
}

/* "If you'd mind sharing the campaign" asks a favour of the reader; the
 * sharing is theirs to do, not a gift.  The sender sharing a guide
 * gives. */
static void
test_sharing_asked_of_them_is_a_favour(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("I was wondering if you'd mind sharing the campaign with your gym "
          "members?",
          NULL, &r);
    assert_true(warned(&r, NLP_COACH_PREMATURE_ASK));
    assert_false(has_positive(&r, "value"));
    nlp_coach_report_release(&r);
    check("Sharing the guide our coaches wrote on junior netball, in case "
          "your members would like it: https://example.com/guide",
          NULL, &r);
    assert_false(warned(&r, NLP_COACH_PREMATURE_ASK));
    assert_true(has_positive(&r, "value"));
    nlp_coach_report_release(&r);
    /* Only a share is the reader's to make: "someone you should meet"
     * still introduces. */
    check("Dana Reyes at Greenleaf is someone you should meet: she solved "
          "the same cold-chain problem last year. Could we grab a coffee "
          "next week to talk about your spring menu?",
          NULL, &r);
    assert_false(warned(&r, NLP_COACH_PREMATURE_ASK));
    assert_true(has_positive(&r, "value"));
    nlp_coach_report_release(&r);
}

/* "LC-MS" and "GC-MS" are acronyms joined by a hyphen; "MUST-HAVE" is
 * shouted. */
static void
test_hyphenated_acronyms_are_not_shouting(void **state)
{
    (void)state;
    assert_false(flagged("Our lab runs LC-MS and GC-MS analyses on soil "
                         "cores, with results in ten days.",
                         NULL, NLP_COACH_HYPE, "caps"));
    assert_true(flagged("This is a MUST-HAVE for every soil lab this year.",
                        NULL, NLP_COACH_HYPE, "caps"));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_floating_is_an_empty_touch),
        cmocka_unit_test(test_four_sentences_about_the_sender),
        cmocka_unit_test(test_thought_of_you_turns_the_sentence_before),
        cmocka_unit_test(test_words_in_a_link_are_no_reference),
        cmocka_unit_test(test_sharing_asked_of_them_is_a_favour),
        cmocka_unit_test(test_hyphenated_acronyms_are_not_shouting),
    };
    return cmocka_run_group_tests_name("coach_round25", tests, NULL, NULL);
}
