/*
 * Unit tests for nlp/coach: the rules of round coach26 (data/coach/
 * README.md), read from the development batch fresh26.  A status chase
 * ("anything moving"), a company name under a formal closing, a deadline
 * set with "kindly", and reply prefixes in other languages and with
 * counts.  Each test
 * pairs a draft the rule must judge one way with a near miss it must
 * judge the other.
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

/* "anything moving on your side with the racking project?" chases a
 * status and gives nothing; the same question beside a supplier found for
 * them gives something, and "anything else on your end" in an offer to
 * help is no chase. */
static void
test_anything_moving_is_a_chase(void **state)
{
    (void)state;
    assert_true(warns("Dariusz - anything moving on your side with the "
                      "racking project? P.",
                      NULL, NLP_COACH_NO_VALUE));
    assert_false(warns("Dariusz - anything moving on your side with the "
                       "racking project? I found a second supplier with "
                       "stock in Leeds, in case the first one slips: "
                       "https://example.com/racks",
                       NULL, NLP_COACH_NO_VALUE));
    assert_false(warns("Booked for Tuesday at 8. If you need anything else "
                       "from our end or anything else on your end comes up, "
                       "just call.",
                       NULL, NLP_COACH_NO_VALUE));
}

/* Below "With best wishes," the sender's title is a signature: the
 * "Podcast" in the company's name offers nothing, so the draft that only
 * wants to stay on their radar is empty.  A podcast episode in the body
 * is something given. */
static void
test_company_name_under_a_formal_closing_is_no_value(void **state)
{
    (void)state;
    static const char empty[] =
        "Dear Ms Chen,\n\nAs we move into the third quarter, I wanted to make "
        "sure we stay on your radar. Please do let me know if anything "
        "changes on your side.\n\nWith best wishes,\nJonathan Okafor\n"
        "Partnerships Manager, The Commuter Hour Podcast Network\n";
    assert_true(warns(empty, NULL, NLP_COACH_NO_VALUE));
    assert_false(warns(
        "Dear Ms Chen,\n\nOur podcast episode on commuter habits has the "
        "survey figures you asked about: https://example.com/ep41\n\nWith "
        "best wishes,\nJonathan Okafor\n",
        NULL, NLP_COACH_NO_VALUE));
}

/* "Kindly arrange ... by Monday" is a request, so the deadline in it is
 * put on the reader; "thank you kindly" asks for nothing. */
static void
test_kindly_makes_a_request(void **state)
{
    (void)state;
    assert_true(flagged("Kindly arrange for the attached site agreement to be "
                        "signed and returned by Monday positively.",
                        NULL, NLP_COACH_IMPOSITION, "urgency"));
    assert_true(flagged("Request you to share the signed copy by Friday.", NULL,
                        NLP_COACH_IMPOSITION, "urgency"));
    assert_false(flagged("Thank you kindly for the tour of the site; the "
                         "notes I promised are attached.",
                         NULL, NLP_COACH_IMPOSITION, NULL));
}

/* "AW:" (German), "RE[2]:" and "Re(3):" dress a new message as a reply as
 * "RE:" does; "Rev:" and "Trip:" are words, "WG:" and "TR:" more often a
 * working group or a report, and a count left open is no prefix. */
static void
test_reply_prefixes_in_other_forms(void **state)
{
    (void)state;
    static const char *const fake[] = {
        "AW:", "RE[2]:", "Re(3):", "Fwd :", "SV:"};
    static const char *const plain[] = {
        "Rev:", "Trip:", "RE[]:", "WG:", "TR:", "Re[", "Re(12", "Re^"};
    char t[256];
    for (size_t i = 0; i < sizeof fake / sizeof *fake; i++) {
        nlp_coach_report r;
        snprintf(t, sizeof t,
                 "Subject: %s pricing\n\nI wrote a short guide to pricing "
                 "workshops: https://example.com/g",
                 fake[i]);
        check(t, NULL, &r);
        assert_span(t, flag_of(&r, NLP_COACH_IMPOSITION, "fake_reply"), 0,
                    fake[i]);
        nlp_coach_report_release(&r);
    }
    for (size_t i = 0; i < sizeof plain / sizeof *plain; i++) {
        snprintf(t, sizeof t,
                 "Subject: %s pricing\n\nI wrote a short guide to pricing "
                 "workshops: https://example.com/g",
                 plain[i]);
        assert_false(flagged(t, NULL, NLP_COACH_IMPOSITION, "fake_reply"));
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_anything_moving_is_a_chase),
        cmocka_unit_test(test_company_name_under_a_formal_closing_is_no_value),
        cmocka_unit_test(test_kindly_makes_a_request),
        cmocka_unit_test(test_reply_prefixes_in_other_forms),
    };
    return cmocka_run_group_tests_name("coach_round26", tests, NULL, NULL);
}
