/*
 * Unit tests for nlp/coach: rules that read what a phrase does where it
 * stands (round coach10 of data/coach/README.md).  Each test pairs a
 * draft the rule must flag with a near miss it must leave alone.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "coach_check.h"
#include "nlp/coach.h"

/* "a quick call" to someone else is advice; to the sender, a demand. */
static void
test_call_to_someone_else_is_advice(void **state)
{
    (void)state;
    nlp_coach_report r;
    const char *t = "Let's set up a quick call to discuss the renewal.";
    check(t, NULL, &r);
    assert_span(t, flag_of(&r, NLP_COACH_IMPOSITION, "time_demand"), 0,
                "quick call");
    nlp_coach_report_release(&r);
    check("The form is on page 3. Worth a quick call to the permit desk to "
          "confirm they take it for an addition.",
          NULL, &r);
    assert_null(flag_of(&r, NLP_COACH_IMPOSITION, "time_demand"));
    nlp_coach_report_release(&r);
}

/* A deadline in the sender's own "if I" is their quota, not urgency put on
 * the reader; the same deadline asked of the reader is. */
static void
test_deadline_in_senders_condition(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("If I don't hit 40 renewals by the end of the month I'm in for an "
          "awkward chat with the board.",
          NULL, &r);
    assert_null(flag_of(&r, NLP_COACH_IMPOSITION, "urgency"));
    assert_true(warned(&r, NLP_COACH_NEEDINESS));
    nlp_coach_report_release(&r);
    check("Please send the signed form by the end of the month.", NULL, &r);
    assert_non_null(flag_of(&r, NLP_COACH_IMPOSITION, "urgency"));
    nlp_coach_report_release(&r);
}

/* "feel free to ignore it" alone leaves an easy way out; beside an
 * apology it makes the sender small. */
static void
test_easy_out_is_not_self_doubt(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("One question, and feel free to ignore it: do you know another "
          "owner coming up on a renewal?",
          NULL, &r);
    assert_null(flag_of(&r, NLP_COACH_NEEDINESS, "self_doubt"));
    nlp_coach_report_release(&r);
    check("I'm so sorry to bother you again, and please feel free to ignore "
          "this if it's a bother. I know you're busy.",
          NULL, &r);
    assert_true(warned(&r, NLP_COACH_NEEDINESS));
    nlp_coach_report_release(&r);
}

/* "cannot guarantee" is honesty, like "can't promise". */
static void
test_cannot_negates_a_guarantee(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("We cannot guarantee a place next year.", NULL, &r);
    assert_null(flag_of(&r, NLP_COACH_HYPE, "guarantee"));
    nlp_coach_report_release(&r);
    check("Results guaranteed within a month.", NULL, &r);
    assert_non_null(flag_of(&r, NLP_COACH_HYPE, "guarantee"));
    nlp_coach_report_release(&r);
}

/* A general offer of help inside an empty touch is part of the touch. */
static void
test_standby_offer_in_an_empty_touch(void **state)
{
    (void)state;
    nlp_coach_report r;
    const char *t = "It's been a while, so I wanted to touch base. We're "
                    "always here if you need anything, so please keep us in "
                    "mind.";
    check(t, NULL, &r);
    assert_true(warned(&r, NLP_COACH_NO_VALUE));
    assert_span(t, flag_of(&r, NLP_COACH_NO_VALUE, "empty_touch"), 1,
                "touch base");
    nlp_coach_report_release(&r);
    check("Sorry to hear about the flood at the depot. If you need anything "
          "moved, we have two vans free this week.",
          NULL, &r);
    assert_false(warned(&r, NLP_COACH_NO_VALUE));
    assert_true(has_positive(&r, "value"));
    nlp_coach_report_release(&r);
}

/* "I wondered if you'd be willing to ..." asks as a question does. */
static void
test_indirect_ask_is_an_ask(void **state)
{
    (void)state;
    nlp_coach_report r;
    const char *t = "I'm an executive coach. I wondered if you'd be willing "
                    "to mention our workshop to your team.";
    check(t, NULL, &r);
    assert_span(t, flag_of(&r, NLP_COACH_PREMATURE_ASK, "favor"), 1,
                "if you'd be willing");
    nlp_coach_report_release(&r);
    check("I wondered if the checklist below might help with the move: "
          "https://example.com/moving.",
          NULL, &r);
    assert_false(warned(&r, NLP_COACH_PREMATURE_ASK));
    nlp_coach_report_release(&r);
}

/* A length of time asked in a question is a meeting ask; prescribed in a
 * statement it is imposition's. */
static void
test_time_length_in_a_question_asks_to_meet(void **state)
{
    (void)state;
    nlp_coach_report r;
    const char *t = "We build payroll software. Could you spare 20 minutes "
                    "next week?";
    check(t, NULL, &r);
    assert_span(t, flag_of(&r, NLP_COACH_PREMATURE_ASK, "meeting"), 0,
                "20 minutes");
    assert_null(flag_of(&r, NLP_COACH_IMPOSITION, "time_demand"));
    nlp_coach_report_release(&r);
    t = "We build payroll software. Please keep 20 minutes free on Friday.";
    check(t, NULL, &r);
    assert_non_null(flag_of(&r, NLP_COACH_IMPOSITION, "time_demand"));
    assert_null(flag_of(&r, NLP_COACH_PREMATURE_ASK, "meeting"));
    nlp_coach_report_release(&r);
}

/* A run of a fact's words quoted, numbers and all, refers to it; a
 * function word shared with a fact does not. */
static void
test_quoted_fact_is_personal(void **state)
{
    (void)state;
    static const nlp_coach_fact facts[] = {
        {"last", "units 4 and 7 had frozen pipes two winters ago"}};
    nlp_coach_context c = {.facts = facts, .nfacts = 1};
    nlp_coach_report r;
    check("Cold snap Thursday night. Units 4 and 7 are the ones with supply "
          "lines on the outside wall.",
          &c, &r);
    assert_null(flag_of(&r, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    assert_true(has_positive(&r, "personal"));
    nlp_coach_report_release(&r);
    check("Cold snap Thursday night. Open the cabinet doors in units 2 and "
          "9.",
          &c, &r);
    assert_non_null(flag_of(&r, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
    nlp_coach_report_release(&r);
    static const nlp_coach_fact racks[] = {
        {"last", "asked whether we can move their server racks safely"}};
    nlp_coach_context k = {.facts = racks, .nfacts = 1};
    check("Attached is our moving checklist. You're welcome to use it "
          "whether or not you work with us.",
          &k, &r);
    assert_non_null(flag_of(&r, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
    nlp_coach_report_release(&r);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_call_to_someone_else_is_advice),
        cmocka_unit_test(test_deadline_in_senders_condition),
        cmocka_unit_test(test_easy_out_is_not_self_doubt),
        cmocka_unit_test(test_cannot_negates_a_guarantee),
        cmocka_unit_test(test_standby_offer_in_an_empty_touch),
        cmocka_unit_test(test_indirect_ask_is_an_ask),
        cmocka_unit_test(test_time_length_in_a_question_asks_to_meet),
        cmocka_unit_test(test_quoted_fact_is_personal),
    };
    return cmocka_run_group_tests_name("coach_context", tests, NULL, NULL);
}
