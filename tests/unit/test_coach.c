/*
 * Unit tests for nlp/coach: each detector fires on a clear case, stays
 * quiet on a near miss, and points at the exact bytes; the metrics are
 * computed right; the score separates a good draft from a bad one; the
 * compiled word lists are well formed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coach_check.h"
#include "nlp/coach.h"
#include "nlp/coach_data.h"
#include "nlp/tokenize.h"

/* Urgency, chasing and time demands are imposition, at their words. */
static void
test_imposition_fires_on_pressure(void **state)
{
    nlp_coach_report r;
    const char *t = "Hi Jo, can you send the contract as soon as possible?";
    check(t, NULL, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_IMPOSITION, "urgency");
    assert_span(t, f, 0, "as soon as possible");
    assert_int_equal(f->severity, 3);
    nlp_coach_report_release(&r);

    t = "Just following up on my note. Could we have a quick call Monday?";
    check(t, NULL, &r);
    assert_span(t, flag_of(&r, NLP_COACH_IMPOSITION, "chasing"), 0,
                "Just following up");
    assert_span(t, flag_of(&r, NLP_COACH_IMPOSITION, "time_demand"), 0,
                "quick call");
    nlp_coach_report_release(&r);
}

/* The same words in a free, unhurried message do not fire. */
static void
test_imposition_quiet_on_near_miss(void **state)
{
    nlp_coach_report r;
    check("Following your advice, I rewrote the intro. Take as long as you "
          "like with it; there is no rush at all.",
          NULL, &r);
    assert_null(flag_of(&r, NLP_COACH_IMPOSITION, NULL));
    assert_true(has_positive(&r, "empathy"));
    nlp_coach_report_release(&r);
}

/* A typographic apostrophe reads as "'": "don’t miss out" is scarcity
 * talk however it is typed. */
/* Booking the reader's time: a plan to contact them plus a time, in one
 * sentence, or an invite sent unasked.  Not a plan to call someone else,
 * nor a promise to send something. */
static void
test_imposition_booking_their_time(void **state)
{
    nlp_coach_report r;
    const char *t = "Great to meet you. I'll call you tomorrow at 10 to go "
                    "through the numbers.";
    check(t, NULL, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_IMPOSITION, "booked");
    assert_span(t, f, 0, "I'll call you tomorrow at 10");
    assert_true(warned(&r, NLP_COACH_IMPOSITION));
    nlp_coach_report_release(&r);

    t = "I shall phone you on Monday afternoon.";
    check(t, NULL, &r);
    assert_span(t, flag_of(&r, NLP_COACH_IMPOSITION, "booked"), 0,
                "I shall phone you on Monday");
    nlp_coach_report_release(&r);

    t = "I've sent you a calendar invite for Friday.";
    check(t, NULL, &r);
    assert_span(t, flag_of(&r, NLP_COACH_IMPOSITION, "booked"), 0,
                "sent you a calendar invite");
    nlp_coach_report_release(&r);

    static const char *const quiet[] = {
        "I'll call him at home tonight.",
        "I'll send you the notes tomorrow.",
        "Thursday at 3 works well for me; I'll bring the plans.",
    };
    for (size_t i = 0; i < 3; i++) {
        check(quiet[i], NULL, &r);
        if (flag_of(&r, NLP_COACH_IMPOSITION, NULL))
            fail_msg("imposition on '%s'", quiet[i]);
        nlp_coach_report_release(&r);
    }
}

/* A call length is a demand in a request, not in a statement; a chase
 * that brings something useful is not counted as chasing. */
static void
test_imposition_lengths_and_chases_in_context(void **state)
{
    nlp_coach_report r;
    const char *t = "Let's find 15 minutes on Tuesday.";
    check(t, NULL, &r);
    assert_span(t, flag_of(&r, NLP_COACH_IMPOSITION, "time_demand"), 0,
                "15 minutes");
    nlp_coach_report_release(&r);
    /* Put as a question, the length leaves them the choice: the ask is
     * judged as an ask (premature_ask), not as a demand. */
    t = "Can you spare 15 minutes on Tuesday?";
    check(t, NULL, &r);
    assert_null(flag_of(&r, NLP_COACH_IMPOSITION, "time_demand"));
    assert_true(warned(&r, NLP_COACH_PREMATURE_ASK));
    nlp_coach_report_release(&r);

    assert_false(flagged(
        "The office is 10 minutes from the station, and there is a cafe "
        "next door.",
        NULL, NLP_COACH_IMPOSITION, NULL));

    assert_false(
        flagged("Following up on my note from Tuesday: here's the template we "
                "used.",
                NULL, NLP_COACH_IMPOSITION, "chasing"));
    assert_true(flagged("Just following up on my note from Tuesday.", NULL,
                        NLP_COACH_IMPOSITION, "chasing"));

    /* A deadline put on the reader is urgency; one the sender promises is
     * not; a call named in thanks is not a demand. */
    t = "Please send the signed copy as soon as possible.";
    check(t, NULL, &r);
    assert_span(t, flag_of(&r, NLP_COACH_IMPOSITION, "urgency"), 0,
                "as soon as possible");
    nlp_coach_report_release(&r);
    static const char *const quiet[] = {
        "I'll send you the notes as soon as possible.",
        "Thanks for the quick chat yesterday, it helped a lot.",
    };
    for (size_t i = 0; i < 2; i++) {
        check(quiet[i], NULL, &r);
        if (flag_of(&r, NLP_COACH_IMPOSITION, NULL))
            fail_msg("imposition on '%s'", quiet[i]);
        nlp_coach_report_release(&r);
    }
}

static void
test_typographic_apostrophe_matches(void **state)
{
    nlp_coach_report r;
    const char *t = "Don\xE2\x80\x99t miss out on this.";
    check(t, NULL, &r);
    assert_span(t, flag_of(&r, NLP_COACH_IMPOSITION, "urgency"), 0,
                "Don\xE2\x80\x99t miss out");
    nlp_coach_report_release(&r);
}

/* Begging and quota talk are neediness; one "sorry" is fine, two are a
 * pattern. */
static void
test_neediness_fires_on_begging_and_apologies(void **state)
{
    nlp_coach_report r;
    const char *t = "I really need this one. It is the end of my quota.";
    check(t, NULL, &r);
    assert_span(t, flag_of(&r, NLP_COACH_NEEDINESS, "begging"), 0,
                "really need this");
    assert_span(t, flag_of(&r, NLP_COACH_NEEDINESS, "quota"), 0, "my quota");
    nlp_coach_report_release(&r);

    /* A demand is not a plea, and an offer of anything at all is not
     * begging. */
    assert_false(flagged("I really need an answer by 5pm today.", NULL,
                         NLP_COACH_NEEDINESS, "begging"));
    assert_false(warns("Let me know if there's anything at all on your mind.",
                       NULL, NLP_COACH_NEEDINESS));

    t = "Sorry for the delay. Apologies again, here it is.";
    check(t, NULL, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_NEEDINESS, "apology");
    assert_non_null(f);
    assert_int_equal(f->count, 2);
    assert_span(t, f, 0, "Sorry");
    assert_span(t, f, 1, "Apologies");
    nlp_coach_report_release(&r);
}

static void
test_neediness_quiet_on_near_miss(void **state)
{
    nlp_coach_report r;
    check("Sorry, the link in my last note was wrong; here is the right one. "
          "Do you really need the second seat?",
          NULL, &r);
    assert_null(flag_of(&r, NLP_COACH_NEEDINESS, NULL));
    nlp_coach_report_release(&r);
}

/* A draft about the sender is flagged with the counts and its sentences. */
static void
test_self_focus_fires_on_a_draft_about_the_sender(void **state)
{
    nlp_coach_report r;
    const char *t = "I started my company in 2019. We grew our team to ten. "
                    "I am proud of what we built. You might like it.";
    check(t, NULL, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_SELF_FOCUS, "about_sender");
    assert_non_null(f);
    assert_string_equal(f->detail, "6 words about you, 1 about them");
    assert_int_equal(f->nspans, 3);
    assert_span(t, f, 0, "I started my company in 2019.");
    nlp_coach_report_release(&r);
}

/* Saying "I" while thanking or offering is not self-focus, and a
 * balanced draft is not either. */
static void
test_self_focus_quiet_on_thanks_and_balance(void **state)
{
    nlp_coach_report r;
    check("Thank you for the intro; I met her and I learned a lot and I "
          "owe you. I have attached my notes from our talk, which I wrote "
          "up for you.",
          NULL, &r);
    assert_false(warned(&r, NLP_COACH_SELF_FOCUS));
    nlp_coach_report_release(&r);
    assert_false(flagged(
        "I read your post. You made me rethink our plan. How did your team "
        "decide? I would love to hear what you tried.",
        NULL, NLP_COACH_SELF_FOCUS, NULL));
}

/* Superlatives and guarantees are hype; "Best," as a sign-off is not. */
static void
test_hype_fires_on_superlatives_and_guarantees(void **state)
{
    nlp_coach_report r;
    const char *t = "We are best in class and we guarantee results.";
    check(t, NULL, &r);
    assert_span(t, flag_of(&r, NLP_COACH_HYPE, "superlative"), 0,
                "best in class");
    const nlp_coach_flag *g = flag_of(&r, NLP_COACH_HYPE, "guarantee");
    assert_span(t, g, 0, "guarantee");
    assert_int_equal(g->severity, 3);
    nlp_coach_report_release(&r);

    assert_false(flagged("Here are the notes you asked for.\n\nBest,\nTom",
                         NULL, NLP_COACH_HYPE, NULL));
}

/* Capitals in mixed-case text: one word (often an acronym) is a note, two
 * or more are shouting; text all in capitals is not judged; "!!" is. */
static void
test_hype_caps_and_exclamations(void **state)
{
    nlp_coach_report r;
    const char *t = "This is HUGE and it changes EVERYTHING.";
    check(t, NULL, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_HYPE, "caps");
    assert_span(t, f, 0, "HUGE");
    assert_span(t, f, 1, "EVERYTHING");
    assert_int_equal(f->severity, 2);
    nlp_coach_report_release(&r);

    check("I studied at INSEAD with her.", NULL, &r);
    assert_int_equal(flag_of(&r, NLP_COACH_HYPE, "caps")->severity, 1);
    nlp_coach_report_release(&r);

    assert_false(
        flagged("PLEASE SEE THE ATTACHED NOTES", NULL, NLP_COACH_HYPE, "caps"));

    /* A name in capitals said twice (CAISO) or with digits is not
     * emphasis; a run of capitals is shouting. */
    assert_false(
        flagged("CAISO filed the tariff today. CAISO expects a ruling in May, "
                "see case ERCOT2024.",
                NULL, NLP_COACH_HYPE, "caps"));
    t = "Our plan is FREE FREE for you this week.";
    check(t, NULL, &r);
    f = flag_of(&r, NLP_COACH_HYPE, "caps");
    assert_non_null(f);
    assert_int_equal(f->count, 2);
    nlp_coach_report_release(&r);

    t = "It went live today!!! Thanks for the help.";
    check(t, NULL, &r);
    assert_span(t, flag_of(&r, NLP_COACH_HYPE, "exclaim"), 0, "!!!");
    nlp_coach_report_release(&r);
    assert_false(flagged("It went live today! Thanks for the help.", NULL,
                         NLP_COACH_HYPE, "exclaim"));
}

/* The sender grading their own offering is hype, whatever the adjectives;
 * praise of the reader, or warm thanks, is not. */
static void
test_hype_self_praise(void **state)
{
    nlp_coach_report r;
    const char *t = "Hi Jo. Our strategists are brilliant and our results are "
                    "amazing.";
    check(t, NULL, &r);
    assert_span(t, flag_of(&r, NLP_COACH_HYPE, "self_praise"), 0,
                "Our strategists are brilliant and our results are amazing.");
    nlp_coach_report_release(&r);
    static const char *const quiet[] = {
        "Your talk was brilliant and your slides were amazing.",
        "Thank you, we had a wonderful evening and the food was amazing.",
        "We tried a new supplier this month.",
    };
    for (size_t i = 0; i < 3; i++) {
        check(quiet[i], NULL, &r);
        if (flag_of(&r, NLP_COACH_HYPE, "self_praise"))
            fail_msg("self_praise on '%s'", quiet[i]);
        nlp_coach_report_release(&r);
    }
}

/* Talking down and taking over are one_up. */
static void
test_one_up_fires_on_lecturing_and_taking_over(void **state)
{
    nlp_coach_report r;
    const char *t = "Let me explain how this really works. We will take care "
                    "of everything for you.";
    check(t, NULL, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_ONE_UP, "correct");
    assert_span(t, f, 0, "how this really works");
    assert_int_equal(f->severity, 3);
    assert_span(t, flag_of(&r, NLP_COACH_ONE_UP, "take_over"), 0,
                "take care of everything");
    nlp_coach_report_release(&r);
}

static void
test_one_up_quiet_on_near_miss(void **state)
{
    nlp_coach_report r;
    assert_false(flagged(
        "Let me know how it goes. Did you have to change the plan in the "
        "end, or did it hold?",
        NULL, NLP_COACH_ONE_UP, NULL));
    /* Explaining one's own view is not lecturing the reader. */
    check("I'm not sure this is in our interest. Let me explain why.", NULL,
          &r);
    assert_null(flag_of(&r, NLP_COACH_ONE_UP, NULL));
    nlp_coach_report_release(&r);
}

/* A verdict on the reader's work is one_up, whatever the judgement word;
 * the same word about the sender's own work, or with an apology, is not. */
static void
test_one_up_verdict_on_the_reader(void **state)
{
    nlp_coach_report r;
    const char *t = "Hi Pedro. The way you price your tours is naive.";
    check(t, NULL, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_ONE_UP, "correct");
    assert_span(t, f, 0, "The way you price your tours is naive.");
    assert_true(warned(&r, NLP_COACH_ONE_UP));
    nlp_coach_report_release(&r);

    assert_true(warns("Your understanding of the credit is incorrect.", NULL,
                      NLP_COACH_ONE_UP));

    static const char *const quiet[] = {
        "You were right: my first estimate was naive.",
        "Sorry, your invoice had an incorrect rate on it.",
        "The old tariff tables are outdated; here are the new ones.",
    };
    for (size_t i = 0; i < 3; i++) {
        check(quiet[i], NULL, &r);
        if (flag_of(&r, NLP_COACH_ONE_UP, NULL))
            fail_msg("one_up on '%s'", quiet[i]);
        nlp_coach_report_release(&r);
    }
}

/* Talking down is two kinds of cue together at the reader (a verdict and
 * "obviously"; authority then an order), spanned sentence by sentence;
 * one cue alone, a cue about the sender's own work, or a hedged
 * correction is not. */
static void
test_one_up_talk_down_pattern(void **state)
{
    nlp_coach_report r;
    const char *t = "Hey Ravi, you obviously missed the point of the study.";
    check(t, NULL, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_ONE_UP, "pattern");
    assert_non_null(f);
    assert_int_equal(f->nspans, 1);
    assert_span(t, f, 0, t);
    nlp_coach_report_release(&r);

    t = "Hi Tom. I've run this playbook a hundred times. Just follow my "
        "lead on the vendor talks.";
    check(t, NULL, &r);
    f = flag_of(&r, NLP_COACH_ONE_UP, "pattern");
    assert_non_null(f);
    assert_int_equal(f->nspans, 2);
    assert_span(t, f, 0, "I've run this playbook a hundred times.");
    assert_span(t, f, 1, "Just follow my lead on the vendor talks.");
    nlp_coach_report_release(&r);

    static const char *const quiet[] = {
        "Clearly you put a lot of work into the deck.",
        "Thanks for the call. I'll fix the rounding by Friday. Shout if I "
        "missed anything.",
        "I might be wrong, but the Q3 row obviously counts renewals twice.",
        "As I said on the call, here is the template.",
    };
    for (size_t i = 0; i < sizeof quiet / sizeof *quiet; i++) {
        check(quiet[i], NULL, &r);
        if (flag_of(&r, NLP_COACH_ONE_UP, "pattern"))
            fail_msg("one_up pattern on '%s'", quiet[i]);
        nlp_coach_report_release(&r);
    }
}

/* Saying twice, in neighbouring sentences, that it is easy talks down;
 * once is ordinary, and so is a second sentence about something else. */
static void
test_one_up_repeated_ease(void **state)
{
    (void)state;
    nlp_coach_report r;
    const char *t = "Hi Jen, it's really not complicated. You simply export "
                    "the file and click go.";
    check(t, NULL, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_ONE_UP, "pattern");
    assert_non_null(f);
    assert_int_equal(f->nspans, 2);
    assert_span(t, f, 1, "You simply export the file and click go.");
    nlp_coach_report_release(&r);

    static const char *const quiet[] = {
        "Hi Jen, you simply export the file and click go. Shout if the "
        "importer gives you trouble.",
        "It's not complicated. Our team built the exporter last spring.",
    };
    for (size_t i = 0; i < sizeof quiet / sizeof *quiet; i++) {
        check(quiet[i], NULL, &r);
        if (warned(&r, NLP_COACH_ONE_UP))
            fail_msg("one_up on '%s'", quiet[i]);
        nlp_coach_report_release(&r);
    }
}

/* A deadline already past is a reproach, not urgency. */
static void
test_imposition_past_deadline_is_no_urgency(void **state)
{
    (void)state;
    assert_false(flagged("Hi Fran, you said you'd get back to me by last week.",
                         NULL, NLP_COACH_IMPOSITION, "urgency"));
    assert_true(flagged("Hi Fran, please get back to me by Friday.", NULL,
                        NLP_COACH_IMPOSITION, "urgency"));
}

/* One span, one problem: an empty touch read inside guilt ("heard
 * anything" in "haven't heard anything") stays as a note, and a booking
 * phrase inside a longer takeover phrase gives way to it. */
static void
test_settle_one_problem_per_span(void **state)
{
    (void)state;
    nlp_coach_report r;
    const char *t = "Kate, I'm a little hurt that I still haven't heard "
                    "anything from you.";
    check(t, NULL, &r);
    assert_true(warned(&r, NLP_COACH_NEEDINESS));
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_NO_VALUE, "empty_touch");
    assert_non_null(f);
    assert_int_equal(f->severity, 1);
    nlp_coach_report_release(&r);

    t = "Hello Kenji, I've gone ahead and decided that the Growth plan is "
        "right.";
    check(t, NULL, &r);
    assert_true(warned(&r, NLP_COACH_ONE_UP));
    assert_false(warned(&r, NLP_COACH_IMPOSITION));
    nlp_coach_report_release(&r);

    /* Beside a serious problem (a scarcity claim), a lone warning of
     * another category (an empty touch) is a note. */
    t = "Hi Ana, just checking in. Only two seats left at this price.";
    check(t, NULL, &r);
    assert_true(warned(&r, NLP_COACH_IMPOSITION));
    f = flag_of(&r, NLP_COACH_NO_VALUE, "empty_touch");
    assert_non_null(f);
    assert_int_equal(f->severity, 1);
    nlp_coach_report_release(&r);
    t = "Hi Ana, sorry for the late reply, and sorry again for the mix-up. "
        "The samples arrived on Monday and the colours look right. I'm only "
        "a small studio. Could we meet for coffee next week?";
    check(t, NULL, &r);
    /* Two different neediness warnings weigh as a serious flag: they stay,
     * and the ask beside them becomes a note (the pleading is the problem
     * to fix first). */
    assert_true(warned(&r, NLP_COACH_NEEDINESS));
    f = flag_of(&r, NLP_COACH_PREMATURE_ASK, NULL);
    assert_non_null(f);
    assert_int_equal(f->severity, 1);
    nlp_coach_report_release(&r);
    t = "Hi Ana, sorry to bother you. Could we meet for coffee next week?";
    check(t, NULL, &r);
    f = flag_of(&r, NLP_COACH_NEEDINESS, NULL);
    assert_non_null(f);
    assert_int_equal(f->severity, 1);
    assert_true(warned(&r, NLP_COACH_PREMATURE_ASK));
    nlp_coach_report_release(&r);

    /* Alone, the same empty touch is still a warning. */
    assert_true(warns("Hi Kate, heard anything about the budget?", NULL,
                      NLP_COACH_NO_VALUE));
}

/* Words read by what they do: how the sender found them is not value, a
 * sign-off is not thanks, a negated superlative or promise is honesty, a
 * purpose ("to make sure our ...") is not an order, and two words of a
 * fact together are a reference wherever they stand. */
static void
test_words_in_their_role(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("Hi Fiona,\n\nCame across Hearth & Hound on Instagram. Would you "
          "have half an hour for a call?\n\nThanks very much, Owen",
          NULL, &r);
    assert_false(has_positive(&r, "value"));
    assert_false(has_positive(&r, "gratitude"));
    assert_true(warned(&r, NLP_COACH_PREMATURE_ASK));
    nlp_coach_report_release(&r);
    check("Came across a fix for the export bug.", NULL, &r);
    assert_true(has_positive(&r, "value"));
    nlp_coach_report_release(&r);

    assert_false(warns(
        "It does two things well, but it is not a miracle. I can't promise "
        "you a result either.",
        NULL, NLP_COACH_HYPE));

    assert_false(warns(
        "I'm writing simply to keep in touch and to make sure our practice "
        "stays on your list.",
        NULL, NLP_COACH_ONE_UP));

    static const nlp_coach_fact facts[] = {
        {"last", "used the timetable clash tool for the mock exams"}};
    nlp_coach_context c = {.facts = facts, .nfacts = 1};
    assert_false(flagged(
        "Glad the clash tool sorted out the timetable. Here is the new rota.",
        &c, NLP_COACH_NO_PERSONAL_TOUCH, NULL));

    /* Asking them not to do something asks nothing of them; an offer of
     * a call with an easy way out demands no time; "I can only guarantee
     * your slot if" is a condition, not a claim. */
    assert_false(
        warns("I was so sorry to hear about your mother. Please don't give the "
              "board meeting a thought.",
              NULL, NLP_COACH_PREMATURE_ASK));
    assert_false(warns(
        "Here are the wiring notes: https://example.com/w. I'm happy to get "
        "on a call with your electrician, no pressure.",
        NULL, NLP_COACH_IMPOSITION));
    check("I can only guarantee your slot if I hear back by Wednesday.", NULL,
          &r);
    assert_null(flag_of(&r, NLP_COACH_HYPE, "guarantee"));
    nlp_coach_report_release(&r);

    /* Condolences are not apologies; a call the reader asked for is not
     * booked on them; a waiting list elsewhere presses no one. */
    assert_false(warns(
        "I was so sorry to hear of your father's death. I'm sorry for your "
        "loss.",
        NULL, NLP_COACH_NEEDINESS));
    check("As you asked, I'll call you Tuesday at 10 about the reset.", NULL,
          &r);
    assert_false(warned(&r, NLP_COACH_IMPOSITION));
    nlp_coach_report_release(&r);
    assert_false(
        warns("Des fixes old gearboxes and has a waiting list he is proud of.",
              NULL, NLP_COACH_IMPOSITION));

    /* A refusal explains itself in the first person; "No need to reply"
     * on its own calms a draft's dates; "just thinking of you" in a
     * check-in is a touch, not care; "can't be wrong" is no verdict. */
    assert_false(warns(
        "Dear Reverend Aldous, thank you for thinking of me. After some "
        "thought, I have to decline. My mother moved in with us this "
        "spring, and I don't think I could give the board what it "
        "deserves. I have my hands full and my evenings are hers. I would "
        "rather say so now than let you down later.",
        NULL, NLP_COACH_SELF_FOCUS));
    assert_false(flagged(
        "Since your aim is to cut the bill before the lease renewal, the "
        "lights could go first. The rebate closes on 30 June. No need to "
        "reply.",
        NULL, NLP_COACH_IMPOSITION, "pattern"));
    assert_true(
        warns("hey Tamsin! just checking in, just thinking of you guys!", NULL,
              NLP_COACH_NO_VALUE));
    assert_false(flagged(
        "Thousands of delighted homeowners can't be wrong. You simply have "
        "to try it.",
        NULL, NLP_COACH_ONE_UP, "pattern"));

    /* A "Re:" subject may be a real thread: a note, not a warning. */
    check("Subject: Re: Autumn catalogue\n\nHi Fran, here are the proofs: "
          "https://example.com/proofs",
          NULL, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_IMPOSITION, "fake_reply");
    assert_non_null(f);
    assert_int_equal(f->severity, 1);
    nlp_coach_report_release(&r);
}

/* The sender deciding for the reader is one_up at the sentence; the
 * reader's own decision, a decision asked of them and a refusal are not. */
static void
test_one_up_decides_for_them(void **state)
{
    nlp_coach_report r;
    const char *t = "Hi Ann. Our consultants decide what your team works on.";
    check(t, NULL, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_ONE_UP, "decides_for");
    assert_span(t, f, 0, "Our consultants decide what your team works on.");
    assert_true(warned(&r, NLP_COACH_ONE_UP));
    nlp_coach_report_release(&r);

    static const char *const quiet[] = {
        "Let me know what you decide.",
        "We decided not to renew your contract for now.",
        "I need a decision from you soon.",
        "We've decided to stay with our current provider, but your offer "
        "was kind.",
    };
    for (size_t i = 0; i < sizeof quiet / sizeof *quiet; i++) {
        check(quiet[i], NULL, &r);
        if (flag_of(&r, NLP_COACH_ONE_UP, "decides_for"))
            fail_msg("decides_for on '%s'", quiet[i]);
        nlp_coach_report_release(&r);
    }
}

/* Neediness is two kinds of cue together (stakes and a plea, hurt and a
 * shrunken ask); one alone, or stakes met with empathy, is not. */
static void
test_neediness_pattern(void **state)
{
    nlp_coach_report r;
    const char *t = "Hi Gus. I'm behind on my targets and this commission "
                    "would cover my rent. Anything you can do would save me.";
    check(t, NULL, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_NEEDINESS, "pattern");
    assert_non_null(f);
    /* The second sentence holds two kinds by itself (a shrunken ask and
     * a plea), so it alone is spanned. */
    assert_int_equal(f->nspans, 1);
    assert_span(t, f, 0, "Anything you can do would save me.");
    assert_true(warned(&r, NLP_COACH_NEEDINESS));
    nlp_coach_report_release(&r);

    static const char *const quiet[] = {
        "If there's anything I can do for the launch, just say.",
        "My manager loved your talk; here are the slides.",
        "I know you're struggling with the move; anything I can do, shout.",
    };
    for (size_t i = 0; i < sizeof quiet / sizeof *quiet; i++) {
        check(quiet[i], NULL, &r);
        if (flag_of(&r, NLP_COACH_NEEDINESS, "pattern"))
            fail_msg("neediness pattern on '%s'", quiet[i]);
        nlp_coach_report_release(&r);
    }
}

/* Pressure is two kinds of cue together at the reader (scarcity and a
 * deadline; a booking and an order); one alone, or an easy way out, is
 * not.  A product named in passing is no pitch; named to the reader it
 * is. */
static void
test_imposition_pressure_pattern(void **state)
{
    nlp_coach_report r;
    const char *t = "Hi Pat. Stock is nearly gone. Please reply to lock in "
                    "the price.";
    check(t, NULL, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_IMPOSITION, "pattern");
    assert_non_null(f);
    assert_int_equal(f->nspans, 2);
    assert_span(t, f, 0, "Stock is nearly gone.");
    assert_span(t, f, 1, "Please reply to lock in the price.");
    nlp_coach_report_release(&r);

    static const char *const quiet[] = {
        "Thanks again for today, it was great to meet you.",
        "I've sent the invite you asked for; no pressure to keep it.",
        "Hope the launch goes well this week.",
        "I think our tool would suit her team.",
    };
    for (size_t i = 0; i < sizeof quiet / sizeof *quiet; i++) {
        check(quiet[i], NULL, &r);
        if (flag_of(&r, NLP_COACH_IMPOSITION, NULL))
            fail_msg("imposition on '%s'", quiet[i]);
        nlp_coach_report_release(&r);
    }
    t = "Could your team try our tool this month?";
    check(t, NULL, &r);
    f = flag_of(&r, NLP_COACH_IMPOSITION, "pitch");
    assert_span(t, f, 0, "our tool");
    nlp_coach_report_release(&r);
}

/* How the sender found the reader, and the sale's own papers, are not
 * value: the ask after them stays premature.  A found guide still is. */
static void
test_value_not_discovery_or_paperwork(void **state)
{
    nlp_coach_report r;
    const char *t = "Hi Kenji, I came across your name in a list of angels. "
                    "Any chance you could introduce us to your syndicate?";
    check(t, NULL, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_PREMATURE_ASK, "referral");
    assert_span(t, f, 0, "introduce us");
    nlp_coach_report_release(&r);

    t = "Would your firm like a twelve-month agreement with us? I can send "
        "the paperwork today.";
    check(t, NULL, &r);
    f = flag_of(&r, NLP_COACH_PREMATURE_ASK, "purchase");
    assert_span(t, f, 0, "agreement");
    nlp_coach_report_release(&r);

    check("I came across this guide to hiring and thought of you. Could we "
          "talk next week?",
          NULL, &r);
    assert_null(flag_of(&r, NLP_COACH_PREMATURE_ASK, NULL));
    assert_true(has_positive(&r, "value"));
    nlp_coach_report_release(&r);
}

/* A question asking after their news is no ask, even when it names a
 * meeting; a question asking for one is. */
static void
test_question_about_their_news_is_no_ask(void **state)
{
    nlp_coach_report r;
    assert_false(flagged("Hi Yara, how did the board meeting go in the end?",
                         NULL, NLP_COACH_PREMATURE_ASK, NULL));

    const char *t = "Hi Yara, how about a meeting next week?";
    check(t, NULL, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_PREMATURE_ASK, "meeting");
    assert_span(t, f, 0, "meeting");
    nlp_coach_report_release(&r);
}

/* A booking word with the reader and a time books their time, at the
 * sentence from the booking word on; offered, it does not. */
static void
test_booking_word_with_reader_and_time(void **state)
{
    nlp_coach_report r;
    const char *t = "Hi Chloe, I took the liberty of booking a demo for you "
                    "on Wednesday at 11.";
    check(t, NULL, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_IMPOSITION, "booked");
    assert_non_null(f);
    assert_int_equal(f->nspans, 1);
    assert_span(t, f, 0,
                "took the liberty of booking a demo for you on Wednesday at "
                "11");
    nlp_coach_report_release(&r);

    check("Happy to send you an invite for Wednesday at 11, no pressure.", NULL,
          &r);
    assert_null(flag_of(&r, NLP_COACH_IMPOSITION, NULL));
    nlp_coach_report_release(&r);
}

/* An ask for a meeting with nothing given is premature, at the ask's
 * words; the same ask after value is not. */
static void
test_premature_ask_fires_without_value(void **state)
{
    nlp_coach_report r;
    const char *t = "Hi Sam, could we meet for coffee next week?";
    check(t, NULL, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_PREMATURE_ASK, "meeting");
    assert_non_null(f);
    assert_int_equal(f->nspans, 2);
    assert_span(t, f, 0, "meet");
    assert_span(t, f, 1, "coffee");
    assert_string_equal(f->detail, "no value offered in this draft");
    nlp_coach_report_release(&r);

    check("Hi Sam, I attached the notes from the panel you missed. Could we "
          "meet for coffee next week to go through them?",
          NULL, &r);
    assert_null(flag_of(&r, NLP_COACH_PREMATURE_ASK, NULL));
    assert_true(has_positive(&r, "value"));
    nlp_coach_report_release(&r);

    /* Ask words outside a request are not an ask. */
    assert_false(flagged("The meeting went well and the coffee was good.", NULL,
                         NLP_COACH_PREMATURE_ASK, NULL));
}

/* With --to, the ledger decides: little given flags even a draft with
 * value; a generous history lets a bare ask through. */
static void
test_premature_ask_reads_the_ledger(void **state)
{
    nlp_coach_report r;
    const char *t = "I attached the report you wanted. Could we meet on "
                    "Tuesday?";
    nlp_coach_context stingy = {.has_ledger = true, .given = 0, .asks = 2};
    check(t, &stingy, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_PREMATURE_ASK, "ledger");
    assert_non_null(f);
    assert_string_equal(f->detail, "ledger: you gave them 0, asked 2");
    assert_span(t, f, 0, "meet");
    nlp_coach_report_release(&r);

    nlp_coach_context generous = {.has_ledger = true, .given = 3, .asks = 0};
    assert_false(flagged("Could we meet on Tuesday?", &generous,
                         NLP_COACH_PREMATURE_ASK, NULL));
}

/* An empty touch is no_value, with its phrases as spans; thanks, an offer
 * or a real question about their work is not. */
static void
test_no_value_fires_on_empty_touches(void **state)
{
    nlp_coach_report r;
    const char *t = "Hi Tim, just checking in. Any updates on your side?";
    check(t, NULL, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_NO_VALUE, "empty_touch");
    assert_span(t, f, 0, "just checking in");
    assert_span(t, f, 1, "Any updates");
    nlp_coach_report_release(&r);

    check("Hope all is well.", NULL, &r);
    assert_non_null(flag_of(&r, NLP_COACH_NO_VALUE, "nothing"));
    assert_int_equal(flag_of(&r, NLP_COACH_NO_VALUE, "nothing")->nspans, 0);
    nlp_coach_report_release(&r);
}

static void
test_no_value_quiet_on_thanks_offer_or_question(void **state)
{
    static const char *const drafts[] = {
        "Thank you for the intro to Priya.",
        "Happy to send the template we used.",
        "How did the launch go for your team last week?",
    };
    for (size_t i = 0; i < 3; i++) {
        nlp_coach_report r;
        check(drafts[i], NULL, &r);
        if (flag_of(&r, NLP_COACH_NO_VALUE, NULL))
            fail_msg("no_value on '%s'", drafts[i]);
        nlp_coach_report_release(&r);
    }
}

/* A question asking the reader to do something is an ask even when no
 * ask word names it; a status chase is not a new ask. */
static void
test_premature_ask_generic_request(void **state)
{
    nlp_coach_report r;
    const char *t = "Hi Noor. Would you mind asking your CTO whether it "
                    "fits?";
    check(t, NULL, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_PREMATURE_ASK, "favor");
    assert_span(t, f, 0, "Would you mind");
    nlp_coach_report_release(&r);

    assert_false(flagged(
        "I've attached our rubric. Could you ask your CTO whether it fits?",
        NULL, NLP_COACH_PREMATURE_ASK, NULL));

    /* An open offer to talk leaves the choice to them. */
    assert_false(flagged(
        "Good luck with the move. Let me know if you'd ever like to chat "
        "about it.",
        NULL, NLP_COACH_PREMATURE_ASK, NULL));

    t = "Any progress on the budget approval?";
    check(t, NULL, &r);
    assert_null(flag_of(&r, NLP_COACH_PREMATURE_ASK, NULL));
    assert_span(t, flag_of(&r, NLP_COACH_NO_VALUE, "empty_touch"), 0,
                "Any progress");
    nlp_coach_report_release(&r);
}

/* A congratulation, a condolence or real thanks is itself the value; a
 * bare absence is only a note; a sign-off is not thanks. */
static void
test_no_value_care_is_value(void **state)
{
    static const char *const warm[] = {
        "Congratulations on the new role! They are lucky to have you.",
        "I just heard about your mum. I'm so sorry. Thinking of you.",
        "Got it, thanks Irina. That's exactly what I needed.",
    };
    nlp_coach_report r;
    for (size_t i = 0; i < 3; i++) {
        check(warm[i], NULL, &r);
        if (flag_of(&r, NLP_COACH_NO_VALUE, NULL))
            fail_msg("no_value on '%s'", warm[i]);
        nlp_coach_report_release(&r);
    }
    check("Thursday works.", NULL, &r);
    assert_non_null(flag_of(&r, NLP_COACH_NO_VALUE, "nothing"));
    assert_false(warned(&r, NLP_COACH_NO_VALUE));
    nlp_coach_report_release(&r);
    /* Waiting for an answer while giving nothing is a warning... */
    check("Great to meet you at the summit. Let me know your thoughts.", NULL,
          &r);
    assert_true(warned(&r, NLP_COACH_NO_VALUE));
    nlp_coach_report_release(&r);
    /* ...unless a worse problem already explains it. */
    check("I need your answer by end of day. Let me know.", NULL, &r);
    assert_true(warned(&r, NLP_COACH_IMPOSITION));
    assert_false(warned(&r, NLP_COACH_NO_VALUE));
    nlp_coach_report_release(&r);

    check("Please send the contract.\n\nThanks,\nDev", NULL, &r);
    assert_false(has_positive(&r, "gratitude"));
    nlp_coach_report_release(&r);

    /* A request dressed as thanks is not thanks. */
    check("Has there been any progress on our proposal? I would be grateful "
          "for an update.",
          NULL, &r);
    assert_false(has_positive(&r, "gratitude"));
    assert_true(warned(&r, NLP_COACH_NO_VALUE));
    nlp_coach_report_release(&r);
}

/* A link the sender shares is value, its span without the full stop. */
static void
test_link_is_value(void **state)
{
    nlp_coach_report r;
    const char *t =
        "Saw this and thought of the shop: example.com/ebike-course.";
    check(t, NULL, &r);
    bool found = false;
    for (size_t i = 0; i < r.npositives; i++)
        if (!strcmp(r.positives[i].what, "shares a link")) {
            size_t n = r.positives[i].span.end - r.positives[i].span.start;
            assert_int_equal(n, strlen("example.com/ebike-course"));
            assert_memory_equal(t + r.positives[i].span.start,
                                "example.com/ebike-course", n);
            found = true;
        }
    assert_true(found);
    assert_null(flag_of(&r, NLP_COACH_NO_VALUE, NULL));
    nlp_coach_report_release(&r);
    /* A company named in passing is not a link. */
    check("We met at the example.com stand.", NULL, &r);
    for (size_t i = 0; i < r.npositives; i++)
        assert_string_not_equal(r.positives[i].what, "shares a link");
    nlp_coach_report_release(&r);
}

/* Sentences that apologise or condole say I for the reader's sake. */
static void
test_self_focus_spares_apologies_and_care(void **state)
{
    nlp_coach_report r;
    check("I'm sorry I missed our call; I had the time wrong in my calendar "
          "and I was at my desk too late. That's on me and I feel bad. I "
          "was so sorry to hear about my old team's news too.",
          NULL, &r);
    assert_null(flag_of(&r, NLP_COACH_SELF_FOCUS, "about_sender"));
    nlp_coach_report_release(&r);
}

/* With facts about the reader, a draft that mentions one (stem for stem)
 * is personal; one that mentions none is flagged; no facts, no verdict. */
static void
test_no_personal_touch_uses_the_facts(void **state)
{
    static const nlp_coach_fact facts[] = {{"interest", "sailing"},
                                           {"goal", "open a Lisbon office"}};
    nlp_coach_context c = {.facts = facts, .nfacts = 2};
    nlp_coach_report r;
    const char *t = "Hope you sailed a lot this summer. Here is a guide.";
    check(t, &c, &r);
    assert_null(flag_of(&r, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    assert_true(has_positive(&r, "personal"));
    for (size_t i = 0; i < r.npositives; i++)
        if (!strcmp(r.positives[i].kind, "personal")) {
            assert_string_equal(r.positives[i].about, "interest");
            assert_string_equal(r.positives[i].what, "sailing");
            assert_int_equal(r.positives[i].span.start, 9);
            assert_int_equal(r.positives[i].span.end, 15);
        }
    nlp_coach_report_release(&r);

    t = "Here is a guide to remote rituals you might find useful.";
    assert_true(flagged(t, &c, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
    assert_false(flagged(t, NULL, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    /* A fact's word in a sentence about something else is a coincidence;
     * turned to them (a question, congratulations) it is a reference. */
    static const nlp_coach_fact home[] = {
        {"goal", "downsize to a smaller bungalow next year"}};
    nlp_coach_context h = {.facts = home, .nfacts = 1};
    t = "The quarterly bungalow report for our county is out: "
        "https://example.com/q3. Prices have levelled off.";
    assert_true(flagged(t, &h, NLP_COACH_NO_PERSONAL_TOUCH, "generic"));
    t = "Here is the county report: https://example.com/q3. Any luck with "
        "the bungalow hunt?";
    assert_false(flagged(t, &h, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    t = "Here is the county report: https://example.com/q3. "
        "Congratulations on the bungalow.";
    assert_false(flagged(t, &h, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
}

/* Spans give bytes and characters: they differ after multi-byte text. */
/* Bringing back what the reader said counts as a personal touch. */
static void
test_personal_touch_from_what_they_said(void **state)
{
    static const nlp_coach_fact facts[] = {{"interest", "opera"}};
    nlp_coach_context c = {.facts = facts, .nfacts = 1};
    nlp_coach_report r;
    check("You mentioned the hiring freeze; here is the template we used.", &c,
          &r);
    assert_null(flag_of(&r, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    assert_true(has_positive(&r, "personal"));
    nlp_coach_report_release(&r);
    assert_true(flagged("Here is the template we used.", &c,
                        NLP_COACH_NO_PERSONAL_TOUCH, NULL));

    /* A fact meets the draft whatever the word's form (Snowball stems). */
    static const nlp_coach_fact goal[] = {{"goal", "hire a VP of sales"}};
    nlp_coach_context g = {.facts = goal, .nfacts = 1};
    const char *t = "Hi Dana, how is the hiring going for the new role?";
    check(t, &g, &r);
    assert_null(flag_of(&r, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    bool found = false;
    for (size_t i = 0; i < r.npositives; i++)
        if (!strcmp(r.positives[i].kind, "personal")) {
            assert_int_equal(r.positives[i].span.start,
                             strstr(t, "hiring") - t);
            found = true;
        }
    assert_true(found);
    nlp_coach_report_release(&r);
}

/* A sentence that speaks of the reader too is not only about the sender. */
static void
test_self_focus_counts_sentences_only_about_the_sender(void **state)
{
    assert_false(flagged(
        "I loved your talk and I think your team would like my notes. I "
        "read your paper and I want to try your method in my class. I "
        "hope you will tell me how I can cite you.",
        NULL, NLP_COACH_SELF_FOCUS, "about_sender"));
    assert_true(flagged(
        "I run a studio. I design brands and I build sites. My team and I "
        "love our work. We are proud of it. Our clients stay with us.",
        NULL, NLP_COACH_SELF_FOCUS, "about_sender"));
}

static void
test_spans_count_bytes_and_characters(void **state)
{
    nlp_coach_report r;
    const char *t = "Zo\xC3\xAB \xE2\x80\x94 can we have a quick call?";
    check(t, NULL, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_IMPOSITION, "time_demand");
    assert_span(t, f, 0, "quick call");
    assert_int_equal(f->spans[0].start, 23);
    assert_int_equal(f->spans[0].end, 33);
    assert_int_equal(f->spans[0].cstart, 20);
    assert_int_equal(f->spans[0].cend, 30);
    nlp_coach_report_release(&r);
}

/* Quoted replies and signatures are not coached. */
static void
test_quotes_are_not_coached(void **state)
{
    nlp_coach_report r;
    check("Thanks, that helps a lot.\n\nOn Mon, Ann wrote:\n> I need an "
          "answer ASAP, act now!!!\n",
          NULL, &r);
    assert_null(flag_of(&r, NLP_COACH_IMPOSITION, NULL));
    assert_null(flag_of(&r, NLP_COACH_HYPE, NULL));
    nlp_coach_report_release(&r);
}

/* Words, sentences over 25 words, questions, you/I and paragraph words. */
static void
test_metrics_count_the_draft(void **state)
{
    nlp_coach_report r;
    check("I read your note. Did you see the data? What do you think?\n\n"
          "One two three four five six seven eight nine ten eleven twelve "
          "thirteen fourteen fifteen sixteen seventeen eighteen nineteen "
          "twenty twenty-one twenty-two twenty-three twenty-four twenty-five "
          "twenty-six.",
          NULL, &r);
    const nlp_coach_metric *m = r.metrics;
    assert_string_equal(m[NLP_COACH_M_WORDS].name, "words");
    assert_int_equal((int)m[NLP_COACH_M_WORDS].value, 39);
    assert_true(m[NLP_COACH_M_WORDS].ok);
    assert_int_equal((int)m[NLP_COACH_M_LONG_SENTENCES].value, 1);
    assert_false(m[NLP_COACH_M_LONG_SENTENCES].ok);
    assert_int_equal((int)m[NLP_COACH_M_QUESTIONS].value, 2);
    assert_true(m[NLP_COACH_M_QUESTIONS].ok);
    /* I: 1; you, your: 3. */
    assert_true(fabs(m[NLP_COACH_M_YOU_I].value - 3.0) < 1e-9);
    assert_int_equal((int)m[NLP_COACH_M_PARAGRAPH].value, 26);
    assert_false(m[NLP_COACH_M_SUBJECT].present);
    nlp_coach_report_release(&r);
}

/* Flesch-Kincaid: 0.39 words/sentence + 11.8 syllables/word - 15.59. */
static void
test_metrics_reading_grade(void **state)
{
    nlp_coach_report r;
    /* 9 words, 2 sentences, 11 syllables: "today" and "tonight" have two
     * each, the other words one. */
    check("I sent you the plan today. Read it tonight.", NULL, &r);
    double want = 0.39 * (9.0 / 2) + 11.8 * (11.0 / 9) - 15.59;
    assert_true(fabs(r.metrics[NLP_COACH_M_GRADE].value - want) < 0.051);
    assert_true(r.metrics[NLP_COACH_M_GRADE].ok);
    nlp_coach_report_release(&r);

    check("Organizational transformation necessitates comprehensive "
          "stakeholder communication infrastructure.",
          NULL, &r);
    assert_true(r.metrics[NLP_COACH_M_GRADE].value > 12);
    assert_false(r.metrics[NLP_COACH_M_GRADE].ok);
    nlp_coach_report_release(&r);
}

/* The subject line: its length is a metric, a fake "RE:" and capitals
 * are flags at the subject's own bytes. */
static void
test_subject_line_checks(void **state)
{
    nlp_coach_report r;
    const char *t = "Subject: Notes from today\n\nHere are my notes.";
    check(t, NULL, &r);
    assert_true(r.has_subject);
    assert_int_equal(r.subject.start, 9);
    assert_int_equal(r.subject.end, 25);
    assert_true(r.metrics[NLP_COACH_M_SUBJECT].present);
    assert_int_equal((int)r.metrics[NLP_COACH_M_SUBJECT].value, 16);
    assert_true(r.metrics[NLP_COACH_M_SUBJECT].ok);
    assert_null(flag_of(&r, NLP_COACH_IMPOSITION, "fake_reply"));
    nlp_coach_report_release(&r);

    t = "Subject: RE: our chat\n\nHere are my notes.";
    check(t, NULL, &r);
    assert_span(t, flag_of(&r, NLP_COACH_IMPOSITION, "fake_reply"), 0, "RE:");
    nlp_coach_report_release(&r);

    t = "Subject: LAST CHANCE TO SAVE\n\nHere are my notes.";
    check(t, NULL, &r);
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_HYPE, "caps");
    assert_span(t, f, 0, "LAST CHANCE TO SAVE");
    assert_string_equal(f->detail, "the subject line is in capitals");
    nlp_coach_report_release(&r);

    t = "Subject: A note on the research we discussed at the Lisbon "
        "conference last spring\n\nHere are my notes.";
    check(t, NULL, &r);
    assert_false(r.metrics[NLP_COACH_M_SUBJECT].ok);
    nlp_coach_report_release(&r);

    /* "Note:" is not a mail header: the line stays in the body. */
    check("Note: RE: this is a body line.", NULL, &r);
    assert_false(r.has_subject);
    nlp_coach_report_release(&r);
}

/* A generous draft scores high with no main problem; a pushy one low. */
static void
test_score_and_verdict(void **state)
{
    nlp_coach_report r;
    check("Subject: The hiring guide\n\nHi Jenna,\n\nThanks for lunch on "
          "Friday. You mentioned that growing the Denver office is the big "
          "job this year, so I attached the hiring guide we wrote when we "
          "opened Austin. How are the first interviews going?\n\nMark",
          NULL, &r);
    assert_true(r.score >= 85);
    assert_int_equal(r.main, -1);
    assert_non_null(strstr(r.verdict, "Ready to send"));
    nlp_coach_report_release(&r);

    check("Subject: RE: quick question\n\nI need an answer by Friday. Can we "
          "hop on a quick call ASAP? Our platform is the best in class.",
          NULL, &r);
    assert_true(r.score < 50);
    assert_int_equal(r.main, NLP_COACH_IMPOSITION);
    assert_non_null(strstr(r.verdict, "imposition"));
    nlp_coach_report_release(&r);

    /* Two warnings in a decent draft: the verdict says there are two. */
    static const nlp_coach_fact facts[] = {{"interest", "opera"}};
    nlp_coach_context c = {
        .facts = facts, .nfacts = 1, .has_ledger = true, .asks = 2};
    check("Hi Bea, congratulations on the year! Let me know if there is "
          "anything I can help with. Could we grab coffee next week?",
          &c, &r);
    assert_true(r.score >= 70);
    assert_non_null(flag_of(&r, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    assert_non_null(flag_of(&r, NLP_COACH_PREMATURE_ASK, "ledger"));
    assert_string_equal(r.verdict, "Good, with 2 things to fix, first an ask "
                                   "before any value (premature_ask).");
    nlp_coach_report_release(&r);
}

/* Limits: empty text is fine, over the maximum is RP_EINVAL with a
 * message, invalid UTF-8 and NUL bytes do not break the coach. */
static void
test_limits_and_odd_input(void **state)
{
    nlp_coach_report r;
    rp_err err = {0};
    assert_int_equal(nlp_coach_check(NULL, 0, NULL, &r, &err), RP_OK);
    assert_int_equal(r.nflags, 0);
    assert_int_equal((int)r.metrics[NLP_COACH_M_WORDS].value, 0);
    nlp_coach_report_release(&r);

    size_t big = NLP_COACH_MAX_BYTES + 1;
    char *t = malloc(big);
    assert_non_null(t);
    memset(t, 'a', big);
    assert_int_equal(nlp_coach_check(t, big, NULL, &r, &err), RP_EINVAL);
    assert_non_null(strstr(err.msg, "bytes"));
    nlp_coach_report_release(&r);
    free(t);

    static const char odd[] = "caf\xC3 \xFF\xFE quick call\0 ASAP now";
    assert_int_equal(nlp_coach_check(odd, sizeof odd - 1, NULL, &r, &err),
                     RP_OK);
    assert_non_null(flag_of(&r, NLP_COACH_IMPOSITION, "time_demand"));
    nlp_coach_report_release(&r);
    nlp_coach_report_release(NULL);
}

/* Every group a detector names exists, and every phrase token is one
 * whole lower-case word as the tokenizer sees it (or "*"/"word*"). */
static void
test_word_lists_are_well_formed(void **state)
{
    static const char *const needed[][2] = {
        {"hype", "caps"},
        {"hype", "exclaim"},
        {"imposition", "fake_reply"},
        {"self_focus", "self_words"},
        {"self_focus", "other_words"},
        {"self_focus", "about_sender"},
        {"premature_ask", "request"},
        {"premature_ask", "ledger"},
        {"no_value", "empty_touch"},
        {"no_value", "nothing"},
        {"no_personal_touch", "generic"},
        {"no_personal_touch", "stopwords"},
        {"positives", "value"},
        {"positives", "gratitude"},
        {"positives", "empathy"},
    };
    for (size_t i = 0; i < sizeof needed / sizeof *needed; i++) {
        bool found = false;
        for (size_t g = 0; g < nlp_coach_ngroups; g++)
            found =
                found || (!strcmp(nlp_coach_groups[g].category, needed[i][0]) &&
                          !strcmp(nlp_coach_groups[g].name, needed[i][1]));
        if (!found)
            fail_msg("no group [%s] in %s.txt", needed[i][1], needed[i][0]);
    }
    for (size_t g = 0; g < nlp_coach_ngroups; g++) {
        const nlp_coach_group *gr = &nlp_coach_groups[g];
        assert_true(gr->severity >= 0 && gr->severity <= 3);
        assert_true(gr->advice && *gr->advice);
        for (int k = 0; k < gr->count; k++) {
            const char *p = nlp_coach_phrases[gr->first + k];
            char tok[64];
            while (*p) {
                size_t n = strcspn(p, " ");
                assert_true(n > 0 && n < sizeof tok);
                memcpy(tok, p, n);
                tok[n] = '\0';
                if (tok[n - 1] == '*')
                    tok[n - 1] = '\0';
                if (*tok) {
                    nlp_span w[2];
                    size_t nw = nlp_words(tok, strlen(tok), w, 2);
                    if (nw != 1 || w[0].start || w[0].end != strlen(tok))
                        fail_msg("%s.txt [%s]: '%s' is not one word",
                                 gr->category, gr->name, tok);
                }
                p += n;
                while (*p == ' ')
                    p++;
            }
        }
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_imposition_fires_on_pressure),
        cmocka_unit_test(test_imposition_quiet_on_near_miss),
        cmocka_unit_test(test_imposition_booking_their_time),
        cmocka_unit_test(test_imposition_lengths_and_chases_in_context),
        cmocka_unit_test(test_typographic_apostrophe_matches),
        cmocka_unit_test(test_neediness_fires_on_begging_and_apologies),
        cmocka_unit_test(test_neediness_quiet_on_near_miss),
        cmocka_unit_test(test_self_focus_fires_on_a_draft_about_the_sender),
        cmocka_unit_test(test_self_focus_quiet_on_thanks_and_balance),
        cmocka_unit_test(test_hype_fires_on_superlatives_and_guarantees),
        cmocka_unit_test(test_hype_caps_and_exclamations),
        cmocka_unit_test(test_hype_self_praise),
        cmocka_unit_test(test_one_up_fires_on_lecturing_and_taking_over),
        cmocka_unit_test(test_one_up_quiet_on_near_miss),
        cmocka_unit_test(test_one_up_verdict_on_the_reader),
        cmocka_unit_test(test_one_up_talk_down_pattern),
        cmocka_unit_test(test_one_up_repeated_ease),
        cmocka_unit_test(test_imposition_past_deadline_is_no_urgency),
        cmocka_unit_test(test_settle_one_problem_per_span),
        cmocka_unit_test(test_words_in_their_role),
        cmocka_unit_test(test_one_up_decides_for_them),
        cmocka_unit_test(test_neediness_pattern),
        cmocka_unit_test(test_imposition_pressure_pattern),
        cmocka_unit_test(test_value_not_discovery_or_paperwork),
        cmocka_unit_test(test_question_about_their_news_is_no_ask),
        cmocka_unit_test(test_booking_word_with_reader_and_time),
        cmocka_unit_test(test_premature_ask_fires_without_value),
        cmocka_unit_test(test_premature_ask_reads_the_ledger),
        cmocka_unit_test(test_no_value_fires_on_empty_touches),
        cmocka_unit_test(test_no_value_quiet_on_thanks_offer_or_question),
        cmocka_unit_test(test_premature_ask_generic_request),
        cmocka_unit_test(test_no_value_care_is_value),
        cmocka_unit_test(test_link_is_value),
        cmocka_unit_test(test_self_focus_spares_apologies_and_care),
        cmocka_unit_test(
            test_self_focus_counts_sentences_only_about_the_sender),
        cmocka_unit_test(test_no_personal_touch_uses_the_facts),
        cmocka_unit_test(test_personal_touch_from_what_they_said),
        cmocka_unit_test(test_spans_count_bytes_and_characters),
        cmocka_unit_test(test_quotes_are_not_coached),
        cmocka_unit_test(test_metrics_count_the_draft),
        cmocka_unit_test(test_metrics_reading_grade),
        cmocka_unit_test(test_subject_line_checks),
        cmocka_unit_test(test_score_and_verdict),
        cmocka_unit_test(test_limits_and_odd_input),
        cmocka_unit_test(test_word_lists_are_well_formed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
