/*
 * Unit tests for nlp/coach: rules that read whose a phrase is and what it
 * is for (rounds coach15 to coach21 of data/coach/README.md): the
 * reader's own deadline, a product named to explain a refusal, a sale
 * dressed as an offer, an ask beside a worse problem, a promise made
 * before, "trust me" vouching for hype, the sender's own target, a
 * pastime remembered in other words, a lower-case writer's sentences,
 * a booking or a decision that is the reader's own.  Each test pairs a draft
 * the rule must flag with a near miss it must leave alone.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "coach_check.h"
#include "nlp/coach.h"

/* Naming the product to explain why the sender says no sells nothing. */
static void
test_product_in_a_refusal_is_no_pitch(void **state)
{
    (void)state;
    assert_false(
        warns("Thank you for thinking of us. Honestly, I don't think we're the "
              "right fit: our software is built for retail stockrooms, not for "
              "your cold rooms.",
              NULL, NLP_COACH_IMPOSITION));
    assert_true(flagged(
        "Thank you for thinking of us. Our software is built for "
        "stockrooms like your cold rooms, and could save your team hours.",
        NULL, NLP_COACH_IMPOSITION, "pitch"));
    /* The pitch's own phrase, beside the refusal and far from it. */
    assert_false(
        flagged("I'm afraid we're not the right fit for the pilot. We help "
                "companies with retail stockrooms, not cold chains.",
                NULL, NLP_COACH_IMPOSITION, "pitch"));
    assert_true(flagged(
        "I'm afraid we're not the right fit for the pilot. Thanks again "
        "for the tour. I hope the move goes well. We help companies like "
        "yours save hours every week.",
        NULL, NLP_COACH_IMPOSITION, "pitch"));
}

/* "urgent for you" is the reader's deadline, which the sender noticed. */
static void
test_readers_urgency_is_no_pressure(void **state)
{
    (void)state;
    assert_false(
        flagged("You said the grant report is urgent for you, due on the 14th, "
                "right? Here is the foundation's sample report.",
                NULL, NLP_COACH_IMPOSITION, "urgency"));
    assert_false(flagged("Is the grant report urgent for you? Here is the "
                         "sample report the foundation shared with me.",
                         NULL, NLP_COACH_IMPOSITION, "urgency"));
    assert_true(
        flagged("Is the grant report urgent? I need your answer on the sample.",
                NULL, NLP_COACH_IMPOSITION, "urgency"));
    /* Urgent "for your team" and then an order: the pressure is the
     * sender's. */
    assert_true(flagged("This is urgent for your team: please send the forms.",
                        NULL, NLP_COACH_IMPOSITION, "urgency"));
}

/* "I wanted you to have it before Friday" is the sender's delivery; "I
 * want you to reply before Friday" puts the date on the reader. */
static void
test_delivery_date_is_the_senders(void **state)
{
    (void)state;
    assert_false(flagged(
        "I marked up the budget appendix. No need to reply, I just wanted "
        "you to have it before Friday.",
        NULL, NLP_COACH_IMPOSITION, "urgency"));
    assert_true(
        flagged("I marked up the budget appendix. Please send me your changes "
                "before Friday.",
                NULL, NLP_COACH_IMPOSITION, "urgency"));
}

/* A price rise announced in a draft that says there is no hurry is news;
 * the same rise used to hurry the reader is scarcity. */
static void
test_scarcity_in_a_calm_draft_is_news(void **state)
{
    (void)state;
    assert_false(flagged(
        "A heads-up: our prices go up on 1 September. Your team uses two "
        "of the five modules, so dropping three would lower your bill. No "
        "need to decide anything quickly.",
        NULL, NLP_COACH_IMPOSITION, "scarcity"));
    assert_true(
        flagged("A heads-up: our prices go up on 1 September. Your team should "
                "renew all five modules this week.",
                NULL, NLP_COACH_IMPOSITION, "scarcity"));
    /* "No rush" said beside the scarcity itself calms nothing. */
    assert_true(flagged("No rush at all, though only 3 seats left at this "
                        "price.",
                        NULL, NLP_COACH_IMPOSITION, "scarcity"));
}

/* "making sure this didn't slip through the cracks" is an empty nudge
 * (no_value), not the pushy bump of "bumping this". */
static void
test_soft_nudge_is_an_empty_touch(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("Any movement on your end? Just making sure this didn't slip "
          "through the cracks.",
          NULL, &r);
    assert_false(warned(&r, NLP_COACH_IMPOSITION));
    assert_true(warned(&r, NLP_COACH_NO_VALUE));
    nlp_coach_report_release(&r);
    assert_true(warns(
        "Any movement on your end? Bumping this to the top of your inbox.",
        NULL, NLP_COACH_IMPOSITION));
}

/* Beside serious hype, pressure or pleading, the ask is a note: the draft
 * has a worse problem to fix first.  Alone, it is the warning. */
static void
test_ask_beside_a_worse_problem_is_a_note(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("Our process is revolutionary, the best thing to happen to "
          "procurement. Every single client has doubled their savings. "
          "Let's talk next week.",
          NULL, &r);
    assert_true(warned(&r, NLP_COACH_HYPE));
    const nlp_coach_flag *f = flag_of(&r, NLP_COACH_PREMATURE_ASK, NULL);
    assert_non_null(f);
    assert_int_equal(f->severity, 1);
    nlp_coach_report_release(&r);
    assert_true(warns(
        "Our process helps procurement teams compare suppliers. Let's talk "
        "next week.",
        NULL, NLP_COACH_PREMATURE_ASK));
}

/* "I'd love to grab 30 minutes with you" asks for a meeting as much as
 * "Would you have 30 minutes?"; "Please keep 30 minutes free" prescribes
 * one (imposition). */
static void
test_wished_length_asks_to_meet(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("I run a small analytics agency and I'd love to grab 30 minutes "
          "with you to see if we could work together.",
          NULL, &r);
    assert_true(warned(&r, NLP_COACH_PREMATURE_ASK));
    assert_false(warned(&r, NLP_COACH_IMPOSITION));
    nlp_coach_report_release(&r);
    assert_true(
        warns("I run a small analytics agency. Please keep 30 minutes free on "
              "Thursday.",
              NULL, NLP_COACH_IMPOSITION));
}

/* "Any time works for me" answers a time they offered; beside an ask it
 * gives nothing toward it. */
static void
test_accepting_a_time_gives_nothing_to_an_ask(void **state)
{
    (void)state;
    assert_true(warns(
        "Would you have 15 minutes in the next few weeks for a call about "
        "patient intake? Any time that suits you works for me.",
        NULL, NLP_COACH_PREMATURE_ASK));
    assert_false(
        flagged("Lovely to hear from you! Thursday at 3 works for me. Looking "
                "forward to catching up.",
                NULL, NLP_COACH_NO_VALUE, NULL));
}

/* "Would you like to book a package?" offers a purchase; "Would you like
 * the template?" offers something. */
static void
test_offered_sale_is_an_ask(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("I'm a freelance copywriter planning next month. Would you like to "
          "book a package of four blog posts?",
          NULL, &r);
    assert_true(warned(&r, NLP_COACH_PREMATURE_ASK));
    assert_false(has_positive(&r, "value"));
    nlp_coach_report_release(&r);
    check("I'm a freelance copywriter and wrote a checklist for launch "
          "posts. Would you like the checklist?",
          NULL, &r);
    assert_false(warned(&r, NLP_COACH_PREMATURE_ASK));
    assert_true(has_positive(&r, "value"));
    nlp_coach_report_release(&r);
}

/* A quote for the sender's goods with "just sign and send it back" is a
 * purchase asked for, not value given. */
static void
test_signing_a_quote_is_a_purchase(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("I've put together a quote for 500 of our crates, attached. If "
          "you're happy with it, just sign and send it back.",
          NULL, &r);
    assert_non_null(flag_of(&r, NLP_COACH_PREMATURE_ASK, "purchase"));
    assert_true(warned(&r, NLP_COACH_PREMATURE_ASK));
    nlp_coach_report_release(&r);
    assert_false(
        warns("I've put together a comparison of crate suppliers, attached. If "
              "it helps, use it with whoever you pick.",
              NULL, NLP_COACH_PREMATURE_ASK));
}

/* "I remember you telling me" brings back what they said. */
static void
test_remembered_words_are_personal(void **state)
{
    (void)state;
    static const nlp_coach_fact pots[] = {
        {"interest", "ceramics, throws pots at the weekend"}};
    nlp_coach_context c = {.facts = pots, .nfacts = 1};
    assert_false(flagged(
        "Congratulations on the new clinic. I remember you telling me in "
        "March how endless the paperwork felt.",
        &c, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    assert_true(flagged(
        "Congratulations on the new clinic. I imagine the paperwork felt "
        "endless.",
        &c, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
}

/* "If you don't get to them" is time, not "you don't get it". */
static void
test_not_getting_to_it_is_no_verdict(void **state)
{
    (void)state;
    assert_false(
        warns("I'll send the two comparisons first. If you don't get to them, "
              "no problem; we can go through them on the call.",
              NULL, NLP_COACH_ONE_UP));
    assert_true(warns(
        "I'll send the two comparisons first. Honestly, you don't get it: "
        "the cheaper supplier is obviously wrong for you.",
        NULL, NLP_COACH_ONE_UP));
}

/* "anything at all" in an offer of help is generous; in a plea for a
 * deal it is the sender's quota. */
static void
test_anything_in_an_offer_is_no_quota(void **state)
{
    (void)state;
    assert_false(
        warns("If there's ever anything I can do to help, whether an "
              "introduction or a second opinion on something, anything at all, "
              "my door is always open.",
              NULL, NLP_COACH_NEEDINESS));
    assert_true(
        warns("I need to close something, anything at all, before the quarter "
              "ends.",
              NULL, NLP_COACH_NEEDINESS));
}

/* Hurt said with a word in between ("I really thought we had") or as a
 * question about oneself ("Did I say something wrong?") is still hurt. */
static void
test_hurt_in_other_words(void **state)
{
    (void)state;
    assert_true(
        warns("I really thought we had a good connection at the dinner. Did I "
              "say something wrong? I keep replaying the conversation.",
              NULL, NLP_COACH_NEEDINESS));
    assert_false(
        warns("I thought the dinner was a good start. Did the venue work for "
              "your team? I keep the notes from it in our shared folder.",
              NULL, NLP_COACH_NEEDINESS));
}

/* "You also asked how ..." brings back what they said, as "you asked"
 * does. */
static void
test_also_asked_is_what_they_said(void **state)
{
    (void)state;
    static const nlp_coach_fact climbing[] = {{"interest", "bouldering"}};
    nlp_coach_context c = {.facts = climbing, .nfacts = 1};
    assert_false(flagged(
        "You also asked how other companies keep docs from going stale. "
        "Giving every page a named owner works.",
        &c, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    assert_true(
        flagged("Companies often ask how to keep docs from going stale. Giving "
                "every page a named owner works.",
                &c, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
}

/* A friend "happy to spend a quick call" with them is an offer; "let's
 * have a quick call" asks for their time. */
static void
test_call_offered_by_a_friend(void **state)
{
    (void)state;
    assert_false(flagged(
        "A friend of mine set up payroll in Lisbon and is happy to spend a "
        "quick call telling you who he'd pick.",
        NULL, NLP_COACH_IMPOSITION, "time_demand"));
    assert_true(
        flagged("A friend of mine set up payroll in Lisbon. Let's have a quick "
                "call so I can tell you who he'd pick.",
                NULL, NLP_COACH_IMPOSITION, "time_demand"));
}

/* "I'm booked solid through August" explains a refusal; with a deadline
 * in a pitch it is pressure. */
static void
test_refusal_is_no_pressure(void **state)
{
    (void)state;
    assert_false(warns(
        "I read the brief twice and it's a lovely project, but I'm booked "
        "solid through August, and I don't think I could give it the "
        "attention it deserves on your timeline.",
        NULL, NLP_COACH_IMPOSITION));
    assert_true(
        warns("It's a lovely project, but I'm booked solid through August, so "
              "please decide by Friday if you want my last slot.",
              NULL, NLP_COACH_IMPOSITION));
}

/* "Could you return it by Friday?" puts a deadline on them; "I told you last
 * week you'd hear by Friday" reports a promise of the sender's. */
static void
test_deadline_promised_before_is_no_urgency(void **state)
{
    (void)state;
    assert_false(flagged(
        "I owe you an apology: I told you last week you'd hear from the "
        "adjuster by Friday, and I should have checked.",
        NULL, NLP_COACH_IMPOSITION, "urgency"));
    assert_true(
        flagged("I've attached the form. Could you return it to me by Friday?",
                NULL, NLP_COACH_IMPOSITION, "urgency"));
}

/* "Trust me" beside hype vouches for it; beside no hype it claims
 * authority over the reader. */
static void
test_trust_me_vouches_for_hype(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("Pixelbrew is the most revolutionary design tool ever created. "
          "Trust me, this changes everything.",
          NULL, &r);
    assert_true(warned(&r, NLP_COACH_HYPE));
    assert_false(warned(&r, NLP_COACH_ONE_UP));
    nlp_coach_report_release(&r);
    assert_true(
        warns("Your layout is fine for a first try. Trust me, leave the design "
              "to me.",
              NULL, NLP_COACH_ONE_UP));
}

/* Praise of the sender's own work, in sentences only about the sender, is
 * the self-focus, not a second problem. */
static void
test_self_praise_about_oneself_is_self_focus(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("Thanks for your note. We've been in this business for twenty-two "
          "years and we're really proud of our work. Our creative director "
          "has won three national awards. We work with some great brands, "
          "and we loved the rebrand we did for Caldera Gin.",
          NULL, &r);
    assert_true(warned(&r, NLP_COACH_SELF_FOCUS));
    assert_false(warned(&r, NLP_COACH_HYPE));
    nlp_coach_report_release(&r);
    assert_true(
        warns("Thanks for your note. We work with some great brands, and we "
              "loved the rebrand we did for Caldera Gin.",
              NULL, NLP_COACH_HYPE));
}

/* A stakes word ("my kids", "my mortgage") is neediness's to judge only
 * when neediness flags the draft; alone, a sentence that holds one is
 * still about the sender. */
static void
test_stakes_words_alone_are_about_the_sender(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("I run a small bakery with my family and my kids. My rent went up "
          "this year and I built our website myself. We bake everything in "
          "our own ovens with my mortgage on the line. Our bread won a prize "
          "last spring and I am proud of it.",
          NULL, &r);
    assert_true(warned(&r, NLP_COACH_SELF_FOCUS));
    assert_false(warned(&r, NLP_COACH_NEEDINESS));
    nlp_coach_report_release(&r);
    check("I'm so sorry to bother you again, and sorry for the long note. My "
          "kids help out at weekends and my rent went up this year. We bake "
          "everything in our own ovens and I built our website myself. I'm "
          "sorry, I know I keep writing.",
          NULL, &r);
    assert_true(warned(&r, NLP_COACH_NEEDINESS));
    assert_null(flag_of(&r, NLP_COACH_SELF_FOCUS, NULL));
    nlp_coach_report_release(&r);
}

/* A call offered only if it saves the reader time leaves them the choice;
 * the same call without the condition prescribes it. */
static void
test_call_offered_only_if_it_helps(void **state)
{
    (void)state;
    assert_false(warns(
        "The template you asked about is attached. I'm free for a quick "
        "call tomorrow between 9 and 11, but only if that saves you time.",
        NULL, NLP_COACH_IMPOSITION));
    assert_true(flagged(
        "The template you asked about is attached. I'm free for a quick "
        "call tomorrow between 9 and 11 to go through it.",
        NULL, NLP_COACH_IMPOSITION, "time_demand"));
}

/* "It's a bit hurtful" at their silence is guilt, whatever else it says. */
static void
test_hurt_named_is_guilt(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("I haven't heard back since I sent the proposal. It's a bit "
          "hurtful, to be honest.",
          NULL, &r);
    assert_non_null(flag_of(&r, NLP_COACH_NEEDINESS, "guilt"));
    assert_int_equal(r.main, NLP_COACH_NEEDINESS);
    nlp_coach_report_release(&r);
    assert_false(
        flagged("I haven't heard back since I sent the proposal. It's a bit "
                "early, to be honest.",
                NULL, NLP_COACH_NEEDINESS, "guilt"));
}

/* A deadline inside the sender's talk of their own target is their
 * stakes (neediness), not pressure on the reader. */
static void
test_deadline_of_own_target_is_no_pressure(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("I hope you don't mind me writing again. I'm one contract short of "
          "my target, and if I don't close it by Friday my review will look "
          "bad.",
          NULL, &r);
    assert_null(flag_of(&r, NLP_COACH_IMPOSITION, "pattern"));
    assert_int_equal(r.main, NLP_COACH_NEEDINESS);
    nlp_coach_report_release(&r);
    assert_true(flagged(
        "I hope you don't mind me writing again. I'm one contract short, "
        "and if you don't sign it by Friday the price goes up.",
        NULL, NLP_COACH_IMPOSITION, "pattern"));
}

/* "I appreciate these things take time" is patience, not thanks: beside a
 * chase it leaves the draft empty. */
static void
test_patience_is_not_thanks(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("I am just writing to see whether there has been any movement on "
          "the proposal I sent in February. I appreciate these things take "
          "time.",
          NULL, &r);
    assert_false(has_positive(&r, "gratitude"));
    assert_non_null(flag_of(&r, NLP_COACH_NO_VALUE, "empty_touch"));
    nlp_coach_report_release(&r);
    check("I am just writing to see whether there has been any movement on "
          "the proposal I sent in February. I appreciate the time you gave "
          "it.",
          NULL, &r);
    assert_true(has_positive(&r, "gratitude"));
    nlp_coach_report_release(&r);
}

/* "Thinking of you" that introduces a hello is the touch itself; in a
 * condolence it is care. */
static void
test_thinking_of_you_in_a_hello_is_a_touch(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("Anyway, I was thinking of you and wanted to say hello and make "
          "sure we don't lose touch.",
          NULL, &r);
    assert_non_null(flag_of(&r, NLP_COACH_NO_VALUE, "empty_touch"));
    assert_int_equal(r.main, NLP_COACH_NO_VALUE);
    nlp_coach_report_release(&r);
    assert_false(
        warns("I was so sad to hear about your father. I'm thinking of you and "
              "your family.",
              NULL, NLP_COACH_NO_VALUE));
}

/* Writing to ask whether they would place an order asks for a purchase;
 * the quote offered for it is the sale's own paper, not a gift. */
static void
test_writing_to_ask_for_an_order(void **state)
{
    (void)state;
    nlp_coach_report r;
    check("I am writing to ask whether your firm would consider placing an "
          "order for ergonomic chairs. If you are interested, I would be "
          "glad to send a quote.",
          NULL, &r);
    assert_non_null(flag_of(&r, NLP_COACH_PREMATURE_ASK, "purchase"));
    assert_false(has_positive(&r, "value"));
    nlp_coach_report_release(&r);
    check("I am writing to tell you that your firm's order for ergonomic "
          "chairs has shipped. If it helps, I would be glad to send the "
          "assembly guide.",
          NULL, &r);
    assert_null(flag_of(&r, NLP_COACH_PREMATURE_ASK, NULL));
    assert_true(has_positive(&r, "value"));
    nlp_coach_report_release(&r);
}

/* A pastime remembered in its own words ("your starter" for sourdough
 * baking) is personal; the same words turned away from the reader, or a
 * pastime the facts do not name, are not. */
static void
test_pastime_in_other_words_is_personal(void **state)
{
    (void)state;
    static const nlp_coach_fact facts[] = {
        {"interest", "sourdough baking"},
        {"goal", "move the sales team to a new CRM"}};
    nlp_coach_context c = {.facts = facts, .nfacts = 2};
    nlp_coach_report r;
    check("Saw this and thought of your starter experiments: a test of ten "
          "flours side by side, https://example.com/flour-test",
          &c, &r);
    assert_null(flag_of(&r, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    assert_true(has_positive(&r, "personal"));
    nlp_coach_report_release(&r);
    assert_true(flagged(
        "Saw this and thought of your team: a test of ten CMS tools side "
        "by side, https://example.com/cms-test",
        &c, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    /* Only the fact's own word, in a sentence about something else. */
    assert_true(flagged(
        "A starter kit for new hires is here: https://example.com/kit. The "
        "canteen has new flour suppliers.",
        &c, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
}

/* A word of the fact's pastime that is also the fact's own word ("trail
 * running": "running") is one reference, not two. */
static void
test_pastime_word_counts_once(void **state)
{
    (void)state;
    static const nlp_coach_fact facts[] = {{"interest", "trail running"}};
    nlp_coach_context c = {.facts = facts, .nfacts = 1};
    assert_true(
        flagged("Here is a guide on running all-hands meetings remotely: "
                "https://example.com/allhands",
                &c, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    assert_false(
        flagged("Here is a guide to the best trails near you for running: "
                "https://example.com/trails",
                &c, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
}

/* "Monday, right?" checks a fact: the sentence asks nothing, so its
 * "urgent" is the reader's deadline, not one put on them. */
static void
test_tag_question_asks_nothing(void **state)
{
    (void)state;
    assert_false(
        flagged("Got your message. Since the grant deadline is urgent (Monday, "
                "right?) I will keep this short.",
                NULL, NLP_COACH_IMPOSITION, "urgency"));
    assert_true(
        flagged("Got your message. Since the grant deadline is urgent, can you "
                "send me the budget?",
                NULL, NLP_COACH_IMPOSITION, "urgency"));
}

/* A length of time asked for in a draft that frees the reader elsewhere
 * ("feel free to ignore this") is premature_ask's to judge, not a demand. */
static void
test_length_in_a_draft_with_a_way_out(void **state)
{
    (void)state;
    assert_false(flagged(
        "Please let me have 20 minutes of your honest opinion on our new "
        "forms. If now is a busy stretch, feel free to ignore this.",
        NULL, NLP_COACH_IMPOSITION, "time_demand"));
    assert_true(flagged(
        "Please let me have 20 minutes of your honest opinion on our new "
        "forms. If now is a busy stretch, tell me when it ends.",
        NULL, NLP_COACH_IMPOSITION, "time_demand"));
}

/* "I have arranged for our specialists to visit your practice on the
 * morning of the 18th" books their time. */
static void
test_visit_arranged_for_them_is_booked(void **state)
{
    (void)state;
    assert_true(flagged(
        "I have arranged for two of our specialists to visit your practice "
        "on the morning of the 18th.",
        NULL, NLP_COACH_IMPOSITION, "booked"));
    assert_false(
        flagged("Two of our specialists visited a practice like yours on the "
                "morning of the 18th.",
                NULL, NLP_COACH_IMPOSITION, "booked"));
}

/* A price sheet offered beside an ask is the sale's own paper, so the ask
 * stands; a guide offered there is value. */
static void
test_price_sheet_is_the_senders_paper(void **state)
{
    (void)state;
    assert_true(flagged(
        "Would you consider adding two of our wines to your list? I can "
        "send over a price sheet if that would be helpful.",
        NULL, NLP_COACH_PREMATURE_ASK, NULL));
    assert_false(flagged(
        "Would you consider adding two of our wines to your list? I can "
        "send over a guide to pairing them if that would be helpful.",
        NULL, NLP_COACH_PREMATURE_ASK, NULL));
}

/* "Let me know if you'd like to go ahead" asks them to buy. */
static void
test_going_ahead_is_a_purchase(void **state)
{
    (void)state;
    assert_true(flagged(
        "We provide compostable packaging for online retailers. Please let "
        "me know if you'd like to go ahead.",
        NULL, NLP_COACH_PREMATURE_ASK, "purchase"));
    assert_false(flagged(
        "We provide compostable packaging for online retailers. Please let "
        "me know how the move goes.",
        NULL, NLP_COACH_PREMATURE_ASK, "purchase"));
}

/* "How's things over there?" in a hello is the touch itself; a question
 * about something of theirs is attention. */
static void
test_hows_things_is_a_touch(void **state)
{
    (void)state;
    assert_true(
        warns("sup Kev, how's things over there? nothing new on my side, just "
              "saying hey so we don't go too long without talking",
              NULL, NLP_COACH_NO_VALUE));
    assert_false(
        warns("sup Kev, how's the new warehouse working out for the team? "
              "nothing new on my side",
              NULL, NLP_COACH_NO_VALUE));
}

/* "Clear skies for the Perseids" remembers an astronomer. */
static void
test_astronomers_skies_are_personal(void **state)
{
    (void)state;
    static const nlp_coach_fact facts[] = {{"interest", "amateur astronomy"}};
    nlp_coach_context c = {.facts = facts, .nfacts = 1};
    assert_false(flagged(
        "Here are the notes: https://example.com/notes. Good luck with it, "
        "and clear skies for the Perseids next month.",
        &c, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
    assert_true(flagged(
        "Here are the notes: https://example.com/notes. Good luck with it, "
        "and enjoy the holidays next month.",
        &c, NLP_COACH_NO_PERSONAL_TOUCH, NULL));
}

/* Pressure and a plea of equal weight: the plea is the main problem (the
 * deadline is how it shows).  Chasing and an empty touch of equal weight:
 * the chasing stays the main problem, since pressure does not give way
 * to what a draft lacks. */
static void
test_pressure_gives_way_to_an_equal_plea(void **state)
{
    (void)state;
    assert_int_equal(
        main_problem("Hi Omar, honestly it's the last week of the quarter "
                     "and I'm one deal short of my target. If you could "
                     "sign the renewal by Friday it would save my bonus. "
                     "I'd be so grateful.",
                     NULL),
        NLP_COACH_NEEDINESS);
    assert_int_equal(
        main_problem("Hi Omar, just checking in again to see if you had a "
                     "chance to look at my last three emails. Bumping this "
                     "to the top of your inbox.",
                     NULL),
        NLP_COACH_IMPOSITION);
}

/* "Permanently" is a claim when it says what a product does for good, not
 * when it says a price goes up for good. */
static void
test_permanently_is_a_claim_of_effect(void **state)
{
    (void)state;
    assert_true(warns("Hi Omar, our sealant will permanently eliminate leaks "
                      "from your pipework.",
                      NULL, NLP_COACH_HYPE));
    assert_false(flagged("Hi Omar, the launch rate ends Friday and after that "
                         "the price goes up permanently. Sign up here before "
                         "the deadline.",
                         NULL, NLP_COACH_HYPE, NULL));
}

/* A writer who starts sentences in lower case ends them with a stop
 * before a lower-case word: the empty touch that opens the draft does not
 * swallow the ask for an introduction that follows it. */
static void
test_lower_case_writer_ends_sentences(void **state)
{
    (void)state;
    const char *t = "hey Sam! long time no see, hope the move went ok. quick "
                    "one: would you be up for introducing me to your head of "
                    "ops? we have built a scheduling tool I think he would "
                    "like. no worries if not!";
    assert_true(warns(t, NULL, NLP_COACH_PREMATURE_ASK));
    assert_int_equal(main_problem(t, NULL), NLP_COACH_PREMATURE_ASK);
}

/* The sender keeping their own time free and the reader sending the
 * invite leave the booking to the reader; the sender sending the invite
 * for a time they chose books it for them. */
static void
test_invite_they_send_is_theirs_to_book(void **state)
{
    (void)state;
    assert_false(flagged("Hi Lena, glad to talk. You said mornings suit you "
                         "best, so I'll keep Tuesday 9 to 11 free; just send "
                         "an invite for whichever slot works.",
                         NULL, NLP_COACH_IMPOSITION, NULL));
    assert_false(flagged("I will keep Thursday free for you at 3pm.", NULL,
                         NLP_COACH_IMPOSITION, "booked"));
    assert_true(warns("Hi Lena, I'll send you an invite for Tuesday at 9 so "
                      "we can go through the renewal.",
                      NULL, NLP_COACH_IMPOSITION));
}

/* "decided you should" is the sender's choice made for the reader; "the
 * decision you should make" stays theirs. */
static void
test_decided_what_they_should_do(void **state)
{
    (void)state;
    assert_true(flagged("Hi Tobias, I've looked over the quotes and decided "
                        "you should go with the annual plan from Ardent.",
                        NULL, NLP_COACH_ONE_UP, "decides_for"));
    assert_false(flagged("Hi Tobias, I've put the three quotes side by side; "
                         "the decision you should make is yours alone.",
                         NULL, NLP_COACH_ONE_UP, "decides_for"));
    /* Someone else's decision, the sender's own, or a concession. */
    assert_false(flagged("Hi Mara, I know the board decided you should wait "
                         "until Q3, so I'll check back in the autumn.",
                         NULL, NLP_COACH_ONE_UP, "decides_for"));
    assert_false(flagged("Hi Mara, we decided we should open-source the "
                         "checklist; here's the link for your team.",
                         NULL, NLP_COACH_ONE_UP, "decides_for"));
    assert_false(flagged("Hi Mara, after reading your note I've decided you "
                         "have a point about the pricing.",
                         NULL, NLP_COACH_ONE_UP, "decides_for"));
}

/* A booking the reader made themselves ("the call you had booked") is
 * not the sender booking their time; "I've booked you" is. */
static void
test_their_own_booking_is_theirs(void **state)
{
    (void)state;
    assert_false(flagged("Hi Tobias, I saw the call you had booked with "
                         "Quayside on Thursday and pulled together some "
                         "questions to ask them.",
                         NULL, NLP_COACH_IMPOSITION, "booked"));
    assert_true(flagged("Hi Tobias, I've booked you in with Quayside on "
                        "Thursday at 10.",
                        NULL, NLP_COACH_IMPOSITION, "booked"));
    /* "get you booked": the reader is the one booked. */
    assert_true(flagged("Hi Tobias, I'll get you booked in for Thursday at "
                        "10 with our onboarding team.",
                        NULL, NLP_COACH_IMPOSITION, "booked"));
}

/* "Just reply yes or no" offered to save them effort is an easy way out;
 * demanded, it is a chase. */
static void
test_yes_or_no_to_save_them_effort(void **state)
{
    (void)state;
    assert_false(flagged("Hi Rafael, the reconciled sheet is attached. If "
                         "it's easier, just reply yes or no on point 2 and "
                         "I'll finish it off.",
                         NULL, NLP_COACH_IMPOSITION, "chasing"));
    assert_true(flagged("Hi Rafael, I need a yes or no on point 2 today.", NULL,
                        NLP_COACH_IMPOSITION, "chasing"));
    /* Any other easy way out beside a chase does not excuse it. */
    assert_true(flagged("Hi Rafael, just following up again on my last three "
                        "emails, no pressure.",
                        NULL, NLP_COACH_IMPOSITION, "chasing"));
}

/* "Over your way" is where they are, not something sent to them;
 * "sending it your way" gives, and so does "I sent ... your way": the
 * sender's "I" before it is no claim about themselves, as it is before
 * "could be helpful". */
static void
test_your_way_gives_only_when_sent(void **state)
{
    (void)state;
    nlp_coach_report r;
    assert_true(warns("hey Nadia! just popping back into your inbox, how are "
                      "things looking over your way these days?",
                      NULL, NLP_COACH_NO_VALUE));
    static const char *const gifts[] = {
        "hey Nadia! sending it your way tonight.",
        "I sent some leads your way.",
        "I thought you might enjoy the piece on rotas Asha wrote."};
    for (size_t i = 0; i < sizeof gifts / sizeof *gifts; i++) {
        check(gifts[i], NULL, &r);
        assert_true(has_positive(&r, "value"));
        assert_null(flag_of(&r, NLP_COACH_NO_VALUE, NULL));
        nlp_coach_report_release(&r);
    }
    check("I think I could be helpful to them.", NULL, &r);
    assert_false(has_positive(&r, "value"));
    nlp_coach_report_release(&r);
}

/* Hurt at their silence, asked as "did I do something wrong?", is
 * neediness. */
static void
test_did_i_do_something_wrong(void **state)
{
    (void)state;
    assert_true(warns("Hi Perpetua, I haven't heard from you since March. "
                      "Did I do something wrong?",
                      NULL, NLP_COACH_NEEDINESS));
}

/* "Do you happen to know anyone at ...?" asks a favour; "would love an
 * intro to ..." asks for a referral, and its "an intro to" is not one
 * offered, as it is in "I can make an intro to". */
static void
test_happen_to_know_anyone_asks(void **state)
{
    (void)state;
    assert_true(flagged("Hey Lin, quick one. Do you happen to know anyone at "
                        "the port authority who handles IT contracts?",
                        NULL, NLP_COACH_PREMATURE_ASK, "favor"));
    nlp_coach_report r;
    check("Hey Lin, quick one. Would love an intro to the port team if so.",
          NULL, &r);
    assert_non_null(flag_of(&r, NLP_COACH_PREMATURE_ASK, "referral"));
    assert_false(has_positive(&r, "value"));
    nlp_coach_report_release(&r);
    check("Hey Lin, I can make an intro to Sam at the port if it helps.", NULL,
          &r);
    assert_true(has_positive(&r, "value"));
    assert_null(flag_of(&r, NLP_COACH_PREMATURE_ASK, "referral"));
    nlp_coach_report_release(&r);
}

/* A purchase offered on the reader's condition still asks them to buy;
 * a talk offered on it asks nothing. */
static void
test_order_if_they_like_is_an_ask(void **state)
{
    (void)state;
    assert_true(warns("Hello Ingrid, good to meet you at the retail forum. "
                      "If you'd like to place a trial order for one shop, "
                      "just reply with the address and I'll handle the "
                      "paperwork.",
                      NULL, NLP_COACH_PREMATURE_ASK));
    assert_false(warns("Hello Ingrid, the starter plan is being retired in "
                       "March, and nothing changes for you until then. If "
                       "you'd like to talk it through, reply here and I'll "
                       "answer myself.",
                       NULL, NLP_COACH_PREMATURE_ASK));
}

/* "Research" describing the reader's field is no gift: the ask for a
 * call stands.  Research handed over is one, and the ask is no longer
 * premature. */
static void
test_research_labs_are_not_research_given(void **state)
{
    (void)state;
    assert_true(warns("Dear Dr. Fontaine, I'm the founder of Quillmark, an "
                      "inventory platform for research labs. Would you have "
                      "30 minutes next week for a call?",
                      NULL, NLP_COACH_PREMATURE_ASK));
    assert_false(warns("Dear Dr. Fontaine, here is our research on how labs "
                       "lose reagents to expiry. Would you have 30 minutes "
                       "next week for a call?",
                       NULL, NLP_COACH_PREMATURE_ASK));
}

/* A quote sent over is the sender's own paper, not value: the ask for a
 * paid pilot before it is premature. */
static void
test_a_quote_sent_over_is_no_gift(void **state)
{
    (void)state;
    assert_true(warns("Hi Greta, would your team be open to a paid pilot of "
                      "Lumenpath this quarter? I can send over a quote "
                      "whenever suits.",
                      NULL, NLP_COACH_PREMATURE_ASK));
}

/* "Our product team" names people, not a product pitched. */
static void
test_product_team_is_no_pitch(void **state)
{
    (void)state;
    assert_false(warns("Hi Marisol, at the end of the month I'm moving to our "
                       "product team, so Devika will look after your account "
                       "from then.",
                       NULL, NLP_COACH_IMPOSITION));
    assert_true(warns("Hi Marisol, our product would save your team hours "
                      "every week, so let me know when you are free.",
                      NULL, NLP_COACH_IMPOSITION));
}

/* "Grab 15 minutes" asks for time (premature_ask's); "grab yours this
 * week" puts a deadline on a purchase: pressure. */
static void
test_grab_a_slot_is_an_ask_not_scarcity(void **state)
{
    (void)state;
    const char *t =
        "Hi Marcus, can we grab 15 minutes this week so I can show you?";
    assert_false(warns(t, NULL, NLP_COACH_IMPOSITION));
    assert_true(warns(t, NULL, NLP_COACH_PREMATURE_ASK));
    assert_true(flagged("Hi Marcus, the new catalogue is out, so grab yours "
                        "this week.",
                        NULL, NLP_COACH_IMPOSITION, "pattern"));
}

/* Two deals short of one's number is the sender's quota: neediness, and
 * its deadline is no pressure pattern of its own. */
static void
test_deals_short_is_the_senders_quota(void **state)
{
    (void)state;
    const char *t = "Hey Lorenzo, I'm two deals short of my number for the "
                    "quarter and it closes Friday. If you could sign the "
                    "renewal this week it would save me.";
    assert_true(flagged(t, NULL, NLP_COACH_NEEDINESS, "quota"));
    assert_false(warns(t, NULL, NLP_COACH_IMPOSITION));
}

/* Asking after what they told you is attention, however short the
 * question; asking after the budget you want is a chase. */
static void
test_asking_after_their_race_gives_attention(void **state)
{
    (void)state;
    static const nlp_coach_fact race[] = {
        {"last", "he was about to run the Lisbon marathon"}};
    nlp_coach_context c = {.facts = race, .nfacts = 1};
    /* The question alone, four words, on a paragraph of its own. */
    assert_false(warns("Hi Rui,\n\nHow did Lisbon go? Last time we spoke you "
                       "weren't sure the knee would last past 30k.\n\n"
                       "Nothing work-related from me, I just wanted to "
                       "ask.\n\nEllen\n",
                       &c, NLP_COACH_NO_VALUE));
    static const nlp_coach_fact budget[] = {
        {"last", "she said the budget for next year was still open"}};
    nlp_coach_context b = {.facts = budget, .nfacts = 1};
    assert_true(warns("Hi Mireille, any news on the budget side? Let me know "
                      "if anything changes.",
                      &b, NLP_COACH_NO_VALUE));
}

/* "For someone who's fairly new to" talks down. */
static void
test_fairly_new_talks_down(void **state)
{
    (void)state;
    assert_true(warns("Hey Rob, I know the new campaign setup is a lot for "
                      "someone who's fairly new to paid ads. Please leave it "
                      "alone until we speak.",
                      NULL, NLP_COACH_ONE_UP));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_product_in_a_refusal_is_no_pitch),
        cmocka_unit_test(test_readers_urgency_is_no_pressure),
        cmocka_unit_test(test_delivery_date_is_the_senders),
        cmocka_unit_test(test_scarcity_in_a_calm_draft_is_news),
        cmocka_unit_test(test_soft_nudge_is_an_empty_touch),
        cmocka_unit_test(test_ask_beside_a_worse_problem_is_a_note),
        cmocka_unit_test(test_wished_length_asks_to_meet),
        cmocka_unit_test(test_accepting_a_time_gives_nothing_to_an_ask),
        cmocka_unit_test(test_offered_sale_is_an_ask),
        cmocka_unit_test(test_signing_a_quote_is_a_purchase),
        cmocka_unit_test(test_remembered_words_are_personal),
        cmocka_unit_test(test_not_getting_to_it_is_no_verdict),
        cmocka_unit_test(test_anything_in_an_offer_is_no_quota),
        cmocka_unit_test(test_hurt_in_other_words),
        cmocka_unit_test(test_also_asked_is_what_they_said),
        cmocka_unit_test(test_call_offered_by_a_friend),
        cmocka_unit_test(test_refusal_is_no_pressure),
        cmocka_unit_test(test_deadline_promised_before_is_no_urgency),
        cmocka_unit_test(test_trust_me_vouches_for_hype),
        cmocka_unit_test(test_self_praise_about_oneself_is_self_focus),
        cmocka_unit_test(test_stakes_words_alone_are_about_the_sender),
        cmocka_unit_test(test_call_offered_only_if_it_helps),
        cmocka_unit_test(test_hurt_named_is_guilt),
        cmocka_unit_test(test_deadline_of_own_target_is_no_pressure),
        cmocka_unit_test(test_patience_is_not_thanks),
        cmocka_unit_test(test_thinking_of_you_in_a_hello_is_a_touch),
        cmocka_unit_test(test_writing_to_ask_for_an_order),
        cmocka_unit_test(test_pastime_in_other_words_is_personal),
        cmocka_unit_test(test_pastime_word_counts_once),
        cmocka_unit_test(test_tag_question_asks_nothing),
        cmocka_unit_test(test_length_in_a_draft_with_a_way_out),
        cmocka_unit_test(test_visit_arranged_for_them_is_booked),
        cmocka_unit_test(test_price_sheet_is_the_senders_paper),
        cmocka_unit_test(test_going_ahead_is_a_purchase),
        cmocka_unit_test(test_hows_things_is_a_touch),
        cmocka_unit_test(test_astronomers_skies_are_personal),
        cmocka_unit_test(test_pressure_gives_way_to_an_equal_plea),
        cmocka_unit_test(test_permanently_is_a_claim_of_effect),
        cmocka_unit_test(test_research_labs_are_not_research_given),
        cmocka_unit_test(test_a_quote_sent_over_is_no_gift),
        cmocka_unit_test(test_product_team_is_no_pitch),
        cmocka_unit_test(test_grab_a_slot_is_an_ask_not_scarcity),
        cmocka_unit_test(test_deals_short_is_the_senders_quota),
        cmocka_unit_test(test_asking_after_their_race_gives_attention),
        cmocka_unit_test(test_fairly_new_talks_down),
        cmocka_unit_test(test_lower_case_writer_ends_sentences),
        cmocka_unit_test(test_invite_they_send_is_theirs_to_book),
        cmocka_unit_test(test_decided_what_they_should_do),
        cmocka_unit_test(test_their_own_booking_is_theirs),
        cmocka_unit_test(test_yes_or_no_to_save_them_effort),
        cmocka_unit_test(test_your_way_gives_only_when_sent),
        cmocka_unit_test(test_did_i_do_something_wrong),
        cmocka_unit_test(test_happen_to_know_anyone_asks),
        cmocka_unit_test(test_order_if_they_like_is_an_ask),
    };
    return cmocka_run_group_tests_name("coach_whose", tests, NULL, NULL);
}
