/*
 * Unit tests for nlp/coach: the rules of round coach30 (data/coach/
 * README.md), read from the development batch fresh30.  "We're always
 * here if you need anything" right after an empty touch is part of the
 * touch; a calendar invitation "already sent" books the reader's time;
 * and the first-person words of a sentence that presses on the reader's
 * time are imposition's to judge, not talk about the sender.  Each test
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

/* A general offer of help right after "just wanted to touch base" adds
 * nothing to the touch; after a real congratulation it is still an
 * offer, and the draft gives. */
static void
test_standby_after_a_touch_is_the_touch(void **state)
{
    (void)state;
    assert_true(warns("Hi Chloe, hope you're having a great week! Just wanted "
                      "to touch base and see how things are going on your "
                      "end. We're always here if you need anything.",
                      NULL, NLP_COACH_NO_VALUE));
    assert_false(warns("Hi Chloe, just wanted to touch base. The colour "
                       "notes from Tuesday's session are here: "
                       "https://example.com/notes",
                       NULL, NLP_COACH_NO_VALUE));
    assert_false(warns("Hi Chloe, congratulations on the festival shortlist, "
                       "what a year for the whole team. We're always here if "
                       "you need anything.",
                       NULL, NLP_COACH_NO_VALUE));
}

/* "I have already sent a calendar invitation" books their time; offering
 * to send one does not. */
static void
test_invitation_already_sent_books_their_time(void **state)
{
    (void)state;
    assert_true(flagged("To save us both the back-and-forth, I have already "
                        "sent a calendar invitation for Thursday at 2pm.",
                        NULL, NLP_COACH_IMPOSITION, "booked"));
    assert_false(flagged("Happy to send a calendar invitation for Thursday at "
                         "2pm if that would suit you, or any other time.",
                         NULL, NLP_COACH_IMPOSITION, NULL));
}

/* A cold pitch that books the reader's time and sets a deadline is
 * imposition; its "I have already sent" and "we must speak" are that
 * pressure, not a draft about the sender.  The same introduction with a
 * biography instead is self-focused. */
static void
test_pressure_sentences_are_not_self_talk(void **state)
{
    (void)state;
    const char *pushy =
        "My name is Chiamaka Obi and I am a Senior Account Executive at Kobo "
        "Ledger. We move idle balances into overnight instruments. To save us "
        "both the back-and-forth, I have already sent a calendar invitation "
        "for Thursday at 2pm. Kindly accept it so that my team can prepare a "
        "proposal. The fee waiver expires this Friday, so we must speak "
        "before the weekend.";
    assert_true(warns(pushy, NULL, NLP_COACH_IMPOSITION));
    assert_false(warns(pushy, NULL, NLP_COACH_SELF_FOCUS));
    assert_true(warns("My name is Chiamaka Obi and I am a Senior Account "
                      "Executive at Kobo Ledger. We move idle balances into "
                      "overnight instruments. I have been with the firm for "
                      "ten years. My team has grown to twelve, and we are "
                      "proud of our record.",
                      NULL, NLP_COACH_SELF_FOCUS));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_standby_after_a_touch_is_the_touch),
        cmocka_unit_test(test_invitation_already_sent_books_their_time),
        cmocka_unit_test(test_pressure_sentences_are_not_self_talk),
    };
    return cmocka_run_group_tests_name("coach_round30", tests, NULL, NULL);
}
