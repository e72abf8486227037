/*
 * Unit tests for nlp/coach: the rules of round coach28 (data/coach/
 * README.md), read from the development batch fresh28.  A calendar
 * invitation sent unasked, a price that holds "only until" a date or
 * "goes away", "lmk today", and "anything stirring" as a status chase.
 * Each test pairs a draft the rule must judge one way with a near miss it
 * must judge the other.
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

/* Sending a calendar invitation unasked books their time; offering one,
 * with an easy way out, does not (a note at most). */
static void
test_calendar_invitation_sent_unasked(void **state)
{
    (void)state;
    assert_true(flagged("Following our exchange at the conference, I have "
                        "took the liberty to send you a calendar invitation "
                        "for Monday 10:00 for a demo with our CTO.",
                        NULL, NLP_COACH_IMPOSITION, "booked"));
    assert_false(warns("Happy to send you a calendar invitation if a call "
                       "would help, or we can just keep it to email. The "
                       "notes from the panel are here: https://example.com/n",
                       NULL, NLP_COACH_IMPOSITION));
}

/* A price held "only until" a date, or one that "goes away", is
 * scarcity; a road closure "only until Friday" is news. */
static void
test_price_only_until_is_scarcity(void **state)
{
    (void)state;
    assert_true(flagged("We have the special university price only until the "
                        "end of this month.",
                        NULL, NLP_COACH_IMPOSITION, "scarcity"));
    assert_true(flagged("quick q - we need it signed before the 1st or the "
                        "pricing goes away. lmk today if poss, thx",
                        NULL, NLP_COACH_IMPOSITION, "scarcity"));
    assert_false(flagged("The road closure is only until Friday, so the "
                         "Thursday delivery may run late; I'll text you when "
                         "it leaves.",
                         NULL, NLP_COACH_IMPOSITION, NULL));
}

/* "lmk today if poss" puts a deadline on the reader; "let me know today
 * or next week, whichever suits" does not. */
static void
test_lmk_today_is_urgency(void **state)
{
    (void)state;
    assert_true(flagged("did u see my note re: the maint contract? lmk today "
                        "if poss, thx",
                        NULL, NLP_COACH_IMPOSITION, "urgency"));
    assert_false(flagged("Let me know today or next week, whichever suits, "
                         "and I will hold the notes for you.",
                         NULL, NLP_COACH_IMPOSITION, NULL));
}

/* "anything stirring your end on the maquette?" asks for news and gives
 * nothing; the same question with a foundry found for them gives. */
static void
test_anything_stirring_is_a_chase(void **state)
{
    (void)state;
    assert_true(warns("Hi Giles - anything stirring your end on the "
                      "maquette? x",
                      NULL, NLP_COACH_NO_VALUE));
    assert_false(warns("Hi Giles - anything stirring your end on the "
                       "maquette? I found a small bronze foundry in Stroud "
                       "that casts editions of ten: https://example.com/f x",
                       NULL, NLP_COACH_NO_VALUE));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_calendar_invitation_sent_unasked),
        cmocka_unit_test(test_price_only_until_is_scarcity),
        cmocka_unit_test(test_lmk_today_is_urgency),
        cmocka_unit_test(test_anything_stirring_is_a_chase),
    };
    return cmocka_run_group_tests_name("coach_round28", tests, NULL, NULL);
}
