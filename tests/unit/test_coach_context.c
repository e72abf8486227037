/*
 * Unit tests for nlp/coach: rules that read what a phrase does where it
 * stands (rounds coach10 to coach14 of data/coach/README.md).  Each test pairs
 * a draft the rule must flag with a near miss it must leave alone.
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
    assert_true(flagged("Let's set up a quick call with your team.", NULL,
                        NLP_COACH_IMPOSITION, "time_demand"));
    assert_false(flagged(
        "The form is on page 3. Worth a quick call to the permit desk to "
        "confirm they take it for an addition.",
        NULL, NLP_COACH_IMPOSITION, "time_demand"));
}

/* A deadline in the sender's own "if I" clause is their quota, not
 * urgency put on the reader; the same deadline said to the reader, or
 * after the condition's clause, is. */
static void
test_deadline_in_senders_condition(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("If I don't hit 40 renewals by the end of the month you'd be "
          "saving my skin.",
          NULL, &r);
    assert_null(flag_of(&r, NLP_COACH_IMPOSITION, "urgency"));
    assert_true(warned(&r, NLP_COACH_NEEDINESS));
    nlp_coach_report_release(&r);
    assert_true(flagged(
        "I need to hit 40 renewals by the end of the month and you'd be "
        "saving my skin.",
        NULL, NLP_COACH_IMPOSITION, "urgency"));
    assert_true(flagged("If we don't hear back, please sign it by Friday.",
                        NULL, NLP_COACH_IMPOSITION, "urgency"));
}

/* "feel free to ignore it" alone leaves an easy way out; beside an
 * apology it makes the sender small. */
static void
test_easy_out_is_not_self_doubt(void **state)
{
    (void)state;
    assert_false(
        flagged("One question, and feel free to ignore it: do you know another "
                "owner coming up on a renewal?",
                NULL, NLP_COACH_NEEDINESS, "self_doubt"));
    assert_true(warns(
        "I'm so sorry to bother you again, and please feel free to ignore "
        "this if it's a bother. I know you're busy.",
        NULL, NLP_COACH_NEEDINESS));
}

/* "cannot guarantee" is honesty, like "can't promise". */
static void
test_cannot_negates_a_guarantee(void **state)
{
    (void)state;
    assert_false(flagged("We cannot guarantee a place next year.", NULL,
                         NLP_COACH_HYPE, "guarantee"));
    assert_true(flagged("Results guaranteed within a month.", NULL,
                        NLP_COACH_HYPE, "guarantee"));
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
    assert_false(
        warns("I wondered if the checklist below might help with the move: "
              "https://example.com/moving.",
              NULL, NLP_COACH_PREMATURE_ASK));
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
    assert_true(flagged(
        "Cold snap Thursday night. Open the cabinet doors in units 2 and "
        "9.",
        &c, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
    static const nlp_coach_fact racks[] = {
        {"last", "asked whether we can move their server racks safely"}};
    nlp_coach_context k = {.facts = racks, .nfacts = 1};
    assert_true(
        flagged("Attached is our moving checklist. You're welcome to use it "
                "whether or not you work with us.",
                &k, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
    /* A word with a digit is as telling as a number. */
    static const nlp_coach_fact parser[] = {
        {"goal", "ship v2 of the open-source parser"}};
    nlp_coach_context v = {.facts = parser, .nfacts = 1};
    const char *t = "Hey Mo, saw v2 of the parser went out last night.";
    check(t, &v, &r);
    assert_null(flag_of(&r, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    const nlp_coach_positive *p = positive_of(&r, "personal");
    assert_non_null(p);
    assert_int_equal(p->span.end - p->span.start, strlen("v2 of the"));
    nlp_coach_report_release(&r);
}

/* "be sure to keep in touch" is an idiom, not a promise. */
static void
test_be_sure_to_is_no_guarantee(void **state)
{
    (void)state;
    assert_false(
        flagged("Hope Q3 is going well. Let's be sure to keep in touch!", NULL,
                NLP_COACH_HYPE, "guarantee"));
    assert_true(flagged("Our plan is sure to double your sales.", NULL,
                        NLP_COACH_HYPE, "guarantee"));
}

/* "so sorry to write again" apologises; "so sorry to hear" condoles. */
static void
test_so_sorry_for_oneself_is_an_apology(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("So sorry to write again. Sorry for the long message.", NULL, &r);
    assert_true(warned(&r, NLP_COACH_NEEDINESS));
    assert_false(has_positive(&r, "empathy"));
    nlp_coach_report_release(&r);
    check("So sorry for the loss of your mother.", NULL, &r);
    assert_true(has_positive(&r, "empathy"));
    nlp_coach_report_release(&r);
    check("So sorry to hear about your father. Sorry for the long silence.",
          NULL, &r);
    assert_null(flag_of(&r, NLP_COACH_NEEDINESS, "apology"));
    assert_true(has_positive(&r, "empathy"));
    nlp_coach_report_release(&r);
}

/* "our call" is a meeting already had, not a new ask. */
static void
test_meeting_already_had_is_no_ask(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("If there is anything I did wrong in our call, please tell me.", NULL,
          &r);
    assert_null(flag_of(&r, NLP_COACH_PREMATURE_ASK, "meeting"));
    nlp_coach_report_release(&r);
    assert_true(
        flagged("We make scheduling software. Please let me know when we could "
                "have a call.",
                NULL, NLP_COACH_PREMATURE_ASK, "meeting"));
}

/* A link the reader is asked to act on is part of the ask, not a gift. */
static void
test_link_in_an_ask_is_no_value(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("I am a PhD student. I would be grateful if you could forward my "
          "survey to your colleagues: https://example.com/survey",
          NULL, &r);
    assert_true(warned(&r, NLP_COACH_PREMATURE_ASK));
    assert_false(has_positive(&r, "value"));
    nlp_coach_report_release(&r);
    check("Here is the survey write-up you asked about: "
          "https://example.com/survey",
          NULL, &r);
    assert_true(has_positive(&r, "value"));
    nlp_coach_report_release(&r);
}

/* A sentence that pleads says "I" as neediness, not as self_focus. */
static void
test_needy_sentence_is_not_self_focus(void **state)
{
    (void)state;
    nlp_coach_report r;
    const char *needy = "I feel terrible. I honestly don't know if I'm cut "
                        "out for this job. I hate to be a bother. I really "
                        "hope I didn't ruin everything.";
    check(needy, NULL, &r);
    assert_true(warned(&r, NLP_COACH_NEEDINESS));
    assert_null(flag_of(&r, NLP_COACH_SELF_FOCUS, "about_sender"));
    nlp_coach_report_release(&r);
    assert_true(flagged(
        "I founded my firm in 2009. I have won six awards. I run a team "
        "of twelve. I am proud of my record.",
        NULL, NLP_COACH_SELF_FOCUS, "about_sender"));
}

/* A word common to many drafts ("team", "clients": see data/coach/common.txt; a
 * word near its 2% line, such as "staff", may come and go as drafts are added)
 * refers to a fact only in a question or beside another of its words; an
 * uncommon one ("hybrid") in any sentence turned to the reader. */
static void
test_common_fact_words_need_more(void **state)
{
    (void)state;
    static const nlp_coach_fact facts[] = {
        {"goal",
         "move the practice's 14-person team to hybrid working by July"},
        {"bet", "launching a client portal for their clients"}};
    nlp_coach_context c = {.facts = facts, .nfacts = 2};
    assert_true(flagged(
        "We're offering clients a free phishing session. It leaves your "
        "team with a one-page checklist.",
        &c, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
    assert_false(flagged("We're offering a free phishing session. How are your "
                         "clients finding it?",
                         &c, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    assert_false(flagged("Here is a checklist that fits your hybrid move.", &c,
                         NLP_COACH_NO_PERSONAL_TOUCH, NULL));
}

/* Honest advice ("you probably won't need it") is not self-doubt; the
 * sender's claim "I could be helpful" is not value; thanks for an
 * invitation books nothing; a call length with "a time that suits" leaves
 * the choice. */
static void
test_phrases_read_in_their_sentence(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("If your profiles are under 600mm, you probably won't need it.", NULL,
          &r);
    assert_null(flag_of(&r, NLP_COACH_NEEDINESS, NULL));
    nlp_coach_report_release(&r);
    assert_true(flagged("You probably won't read this, but here goes.", NULL,
                        NLP_COACH_NEEDINESS, "self_doubt"));
    check("I work with physicians and think I could be helpful to them. "
          "Would you be willing to introduce me to your partners?",
          NULL, &r);
    assert_false(has_positive(&r, "value"));
    assert_true(warned(&r, NLP_COACH_PREMATURE_ASK));
    nlp_coach_report_release(&r);
    assert_false(
        flagged("Thank you for the invite to photograph your rehearsal last "
                "Wednesday.",
                NULL, NLP_COACH_IMPOSITION, "booked"));
    assert_false(
        flagged("If you could spare 30 minutes for an interview, just let me "
                "know a time that suits.",
                NULL, NLP_COACH_IMPOSITION, "time_demand"));
}

/* A general offer of help ([standby]) makes a chase's sentence useful, as
 * any offer does. */
static void
test_standby_offer_lifts_a_chase(void **state)
{
    (void)state;
    assert_true(flagged("Just following up on the migration.", NULL,
                        NLP_COACH_IMPOSITION, "chasing"));
    assert_false(flagged("Just following up, happy to help with the migration.",
                         NULL, NLP_COACH_IMPOSITION, "chasing"));
}

/* A general offer of help says "I" for the reader's sake and softens the
 * sentence it stands in, as any offer does: no self_focus for the
 * sentence, and its scarcity does not join the next sentence's order in
 * the pressure pattern. */
static void
test_standby_offer_gives(void **state)
{
    (void)state;
    assert_false(
        flagged("I founded my firm in 2009 and I have won six awards, so I can "
                "help: I run a team of twelve and I am proud of my record.",
                NULL, NLP_COACH_SELF_FOCUS, "about_sender"));
    assert_false(flagged(
        "Hi Pat. Stock is nearly gone, happy to help you compare. Please "
        "reply to lock in the price.",
        NULL, NLP_COACH_IMPOSITION, "pattern"));
}

/* The personal positive points at the telling word of the fact, not at a
 * common one before it. */
static void
test_personal_span_is_the_uncommon_word(void **state)
{
    (void)state;
    static const nlp_coach_fact facts[] = {
        {"goal",
         "move the practice's 14-person team to hybrid working by July"}};
    nlp_coach_context c = {.facts = facts, .nfacts = 1};
    nlp_coach_report r;
    const char *t = "How is your team finding the hybrid setup?";
    check(t, &c, &r);
    const nlp_coach_positive *p = positive_of(&r, "personal");
    assert_non_null(p);
    assert_int_equal(p->span.start, strstr(t, "hybrid") - t);
    nlp_coach_report_release(&r);
}

/* A pictograph followed by a capital ends a sentence, as a full stop
 * does; before a lower-case word it does not. */
static void
test_pictograph_ends_a_sentence(void **state)
{
    (void)state;
    nlp_coach_report r;
    const char *t = "Hi Sam, quick one 👋 Is the migration still blocking "
                    "your team this quarter?";
    check(t, NULL, &r);
    assert_non_null(positive_of(&r, "question"));
    assert_int_equal(positive_of(&r, "question")->span.start,
                     strstr(t, "Is") - t);
    nlp_coach_report_release(&r);
    check("Thanks 🙏 we loved the session, did your team get as much from "
          "it as we did?",
          NULL, &r);
    assert_non_null(positive_of(&r, "question"));
    assert_int_equal(positive_of(&r, "question")->span.start, 0);
    nlp_coach_report_release(&r);
}

/* "you'd been struggling to find" is the reader's trouble, heard; the
 * sender's own struggle is self-doubt. */
static void
test_readers_trouble_is_not_self_doubt(void **state)
{
    (void)state;
    assert_false(flagged(
        "You said you'd been struggling to find a reliable supplier, so "
        "here is one I trust: https://example.com/supplier",
        NULL, NLP_COACH_NEEDINESS, "self_doubt"));
    assert_true(flagged("I keep struggling to find new clients this year.",
                        NULL, NLP_COACH_NEEDINESS, "self_doubt"));
}

/* "Nothing to do with our product" disowns the pitch it names. */
static void
test_disowned_pitch_is_no_pitch(void **state)
{
    (void)state;
    assert_false(flagged(
        "Here is the write-up: https://example.com/notes. Nothing to do "
        "with our product, it just matched what you described.",
        NULL, NLP_COACH_IMPOSITION, "pitch"));
    assert_true(
        flagged("Here is the write-up: https://example.com/notes. It has "
                "everything to do with our product, which fixes what you "
                "described.",
                NULL, NLP_COACH_IMPOSITION, "pitch"));
}

/* "absolutely no expectation" frees the reader; "absolutely no risk"
 * promises. */
static void
test_no_expectation_is_no_guarantee(void **state)
{
    (void)state;
    assert_false(
        flagged("I had an idea I'd like to run past you, with absolutely no "
                "expectation.",
                NULL, NLP_COACH_HYPE, "guarantee"));
    assert_true(flagged("There is absolutely no risk to you.", NULL,
                        NLP_COACH_HYPE, "guarantee"));
}

/* A name in a fact ("Leyton Orient") refers to the reader when the draft
 * writes it as a name, even in a sentence about someone else; in lower
 * case ("family foundations") or after another name ("North America") it
 * is an ordinary word. */
static void
test_fact_names_read_as_names(void **state)
{
    (void)state;
    nlp_coach_report r;
    static const nlp_coach_fact club[] = {
        {"interest", "son supports Leyton Orient"}};
    nlp_coach_context c = {.facts = club, .nfacts = 1};
    check("This week Ayo worked out Orient's win rate over the season.", &c,
          &r);
    assert_null(flag_of(&r, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    assert_true(has_positive(&r, "personal"));
    nlp_coach_report_release(&r);
    static const nlp_coach_fact fund[] = {
        {"last", "talked about the Aldine Foundation's December deadline"}};
    nlp_coach_context f = {.facts = fund, .nfacts = 1};
    assert_true(
        flagged("I thought you might use this directory of family foundations: "
                "https://example.com/directory",
                &f, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
    static const nlp_coach_fact region[] = {
        {"goal", "open clinics in Latin America next year"}};
    nlp_coach_context g = {.facts = region, .nfacts = 1};
    assert_false(flagged(
        "You're welcome to our salary survey of clinics in North America: "
        "https://example.com/survey",
        &g, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    assert_true(flagged("You're welcome to our salary survey of North America: "
                        "https://example.com/survey",
                        &g, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
}

/* "I remembered your ..." recalls something of the reader's even in
 * other words than rapport's facts; "I thought of you" names nothing of
 * theirs (nor does "thought of your team": test_coach_whose.c). */
static void
test_recalling_something_of_theirs_is_personal(void **state)
{
    (void)state;
    static const nlp_coach_fact bread[] = {{"interest", "sourdough baking"}};
    nlp_coach_context c = {.facts = bread, .nfacts = 1};
    assert_false(flagged("Hi Linnea, I remembered your weekend experiments "
                         "when I read this piece on patience in small "
                         "teams: https://example.com/patience",
                         &c, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    assert_true(flagged("Hi Linnea, I thought of you when I read this piece "
                        "on patience in small teams: "
                        "https://example.com/patience",
                        &c, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
}

/* A word between "I'd" and "love to" leaves the request a request; so
 * does "hoping you might". */
static void
test_softened_requests_still_ask(void **state)
{
    (void)state;
    assert_true(warns("I'd also love to buy you a coffee sometime.", NULL,
                      NLP_COACH_PREMATURE_ASK));
    assert_false(warns("I'd also mention that the coffee there is good.", NULL,
                       NLP_COACH_PREMATURE_ASK));
    assert_true(
        warns("I was hoping you might add me to your list of recommended "
              "suppliers.",
              NULL, NLP_COACH_PREMATURE_ASK));
}

/* Wasting time that the reader wastes is advice (however blunt), not the
 * sender making themself small. */
static void
test_readers_waste_is_not_neediness(void **state)
{
    (void)state;
    assert_false(flagged(
        "Please don't try it on your own again. You'll only hurt yourself "
        "or waste your time.",
        NULL, NLP_COACH_NEEDINESS, "pattern"));
    assert_true(
        flagged("Please, anything at all would help. I'm sorry to waste your "
                "time.",
                NULL, NLP_COACH_NEEDINESS, "pattern"));
}

/* Booking the reader's time stays a warning beside a serious ask made
 * before any value: both are the draft's problems.  Other pressure
 * beside it ("a quick call") is a note, as beside any serious flag. */
static void
test_booking_beside_a_premature_ask(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("I've already put 45 minutes on your calendar for Thursday at "
          "2pm. Please bring the contract so we can sign the order on the "
          "call.",
          NULL, &r);
    assert_true(warned(&r, NLP_COACH_PREMATURE_ASK));
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_IMPOSITION, "booked");
    assert_non_null(f);
    assert_int_equal(f->severity, 2);
    nlp_coach_report_release(&r);
    check("Could we set up a quick call to discuss the renewal? I'd love to "
          "walk you through our pricing.",
          NULL, &r);
    assert_true(warned(&r, NLP_COACH_PREMATURE_ASK));
    f = flag_of(&r, NLP_COACH_IMPOSITION, "time_demand");
    assert_non_null(f);
    assert_int_equal(f->severity, 1);
    nlp_coach_report_release(&r);
}

/* A draft that asks outright is judged by its ask; its pleasantry ("great
 * to connect") is only a note of no_value. */
static void
test_pleasantry_beside_an_ask(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("Great to connect at the alumni dinner. Would you mind forwarding "
          "my deck to your CEO?",
          NULL, &r);
    assert_true(warned(&r, NLP_COACH_PREMATURE_ASK));
    assert_non_null(flag_of(&r, NLP_COACH_NO_VALUE, "empty_touch"));
    assert_false(warned(&r, NLP_COACH_NO_VALUE));
    nlp_coach_report_release(&r);
    assert_true(
        warns("Great to connect at the alumni dinner. Hope the rest of the "
              "week is good.",
              NULL, NLP_COACH_NO_VALUE));
}

/* "still thinking of you" beside "we're still here" is part of the
 * touch; after a loss it is care. */
static void
test_still_thinking_of_you(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("It's been a while, so a quick note to say we're still here and "
          "still thinking of you.",
          NULL, &r);
    assert_true(warned(&r, NLP_COACH_NO_VALUE));
    assert_false(has_positive(&r, "empathy"));
    nlp_coach_report_release(&r);
    check("Still thinking of you and your family this week. Take all the "
          "time you need.",
          NULL, &r);
    assert_false(warned(&r, NLP_COACH_NO_VALUE));
    assert_true(has_positive(&r, "empathy"));
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
        cmocka_unit_test(test_be_sure_to_is_no_guarantee),
        cmocka_unit_test(test_so_sorry_for_oneself_is_an_apology),
        cmocka_unit_test(test_meeting_already_had_is_no_ask),
        cmocka_unit_test(test_link_in_an_ask_is_no_value),
        cmocka_unit_test(test_needy_sentence_is_not_self_focus),
        cmocka_unit_test(test_common_fact_words_need_more),
        cmocka_unit_test(test_phrases_read_in_their_sentence),
        cmocka_unit_test(test_standby_offer_lifts_a_chase),
        cmocka_unit_test(test_standby_offer_gives),
        cmocka_unit_test(test_personal_span_is_the_uncommon_word),
        cmocka_unit_test(test_pictograph_ends_a_sentence),
        cmocka_unit_test(test_readers_trouble_is_not_self_doubt),
        cmocka_unit_test(test_disowned_pitch_is_no_pitch),
        cmocka_unit_test(test_no_expectation_is_no_guarantee),
        cmocka_unit_test(test_fact_names_read_as_names),
        cmocka_unit_test(test_softened_requests_still_ask),
        cmocka_unit_test(test_readers_waste_is_not_neediness),
        cmocka_unit_test(test_booking_beside_a_premature_ask),
        cmocka_unit_test(test_pleasantry_beside_an_ask),
        cmocka_unit_test(test_still_thinking_of_you),
        cmocka_unit_test(test_recalling_something_of_theirs_is_personal),
    };
    return cmocka_run_group_tests_name("coach_context", tests, NULL, NULL);
}
