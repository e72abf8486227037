/*
 * Unit tests for nlp/coach: the rules of round coach23 (data/coach/
 * README.md), read from the development batch fresh23.  A promise kept
 * only to chase, taking over the reader's own plan, and a plea that is
 * not a lecture.  Each test pairs a draft the rule must judge one way
 * with a near miss it must judge the other.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "coach_check.h"
#include "nlp/coach.h"

/* "Circling back as promised" keeps a promise to come back, and gives
 * nothing; "as promised, here are the notes" hands something over. */
static void
test_promise_kept_to_chase_gives_nothing(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("Hi Sam, circling back around as promised. Nothing new from our "
          "side, just wanted to keep this thread warm.",
          NULL, &r);
    assert_true(warned(&r, NLP_COACH_NO_VALUE));
    assert_false(has_positive(&r, "value"));
    nlp_coach_report_release(&r);
    check("Hi Sam, as promised, here are my notes from Tuesday's workshop, "
          "with the three options your team sketched.",
          NULL, &r);
    assert_false(warned(&r, NLP_COACH_NO_VALUE));
    assert_true(has_positive(&r, "value"));
    nlp_coach_report_release(&r);
}

/* Throwing out the reader's plan and telling them not to check it with
 * their own team takes their work over (one_up), beyond booking their
 * time; "I've gone ahead and sent the invite you asked for" does not. */
static void
test_scrapping_their_plan_takes_over(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("I had a look at the rollout plan your team put together. I've "
          "gone ahead and scrapped it and rewritten it. There's no need to "
          "run it past your team.",
          NULL, &r);
    assert_true(warned(&r, NLP_COACH_ONE_UP));
    assert_int_equal(r.main, NLP_COACH_ONE_UP);
    nlp_coach_report_release(&r);
    assert_false(flagged("Thanks for the nudge: I've gone ahead and sent the "
                         "invite you asked for.",
                         NULL, NLP_COACH_ONE_UP, NULL));
}

/* "Please, please just think about it" pleads; "the answer is there if
 * you just think about it for a minute" talks down. */
static void
test_plea_to_think_is_no_lecture(void **state)
{
    (void)state;
    assert_false(flagged("I know you went with another vendor. Please, "
                         "please just think about it over the weekend?",
                         NULL, NLP_COACH_ONE_UP, "talk_down"));
    assert_true(flagged("I think you've overcomplicated this. The answer is "
                        "there if you just think about it for a minute.",
                        NULL, NLP_COACH_ONE_UP, "talk_down"));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_promise_kept_to_chase_gives_nothing),
        cmocka_unit_test(test_scrapping_their_plan_takes_over),
        cmocka_unit_test(test_plea_to_think_is_no_lecture),
    };
    return cmocka_run_group_tests_name("coach_round23", tests, NULL, NULL);
}
