/* Unit tests for nlp/emailtext: only the sender's own words remain. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "nlp/emailtext.h"

/* Strips body and compares the result with want. */
static void
check_strip(const char *body, const char *want)
{
    char *out = NULL;
    size_t len = 99;
    assert_int_equal(nlp_email_strip(body, strlen(body), &out, &len, NULL),
                     RP_OK);
    assert_non_null(out);
    assert_int_equal(out[len], '\0');
    if (strcmp(out, want))
        fail_msg("stripped to\n[%s]\nwant\n[%s]", out, want);
    rp_free(out);
}

static void
test_plain_body_is_kept_whole(void **state)
{
    check_strip("Hi Ann,\n\nLunch on Friday works for me.\n",
                "Hi Ann,\n\nLunch on Friday works for me.");
    check_strip("", "");
    check_strip("\n\n  \n", "");
}

static void
test_quoted_lines_are_dropped_but_answers_stay(void **state)
{
    check_strip("Yes, Friday.\n\n> Can we meet?\n> Thursday or Friday?\n",
                "Yes, Friday.");
    check_strip("> Thursday?\nNo.\n> Friday?\nYes!\n", "No.\n\nYes!");
    check_strip("  >> deep quote\nmine\n", "mine");
}

static void
test_reply_attribution_cuts_the_rest(void **state)
{
    check_strip("Sounds good.\n\nOn Tue, Jan 3, 2001 at 9:00 AM, Ann <a@b.c> "
                "wrote:\nshould we meet?\nunquoted old text\n",
                "Sounds good.");
    check_strip("Great news!\nOn Tue, Jan 3, 2001 at 9:00 AM, Ann Smith\n"
                "<ann@example.com> wrote:\n> hi\n",
                "Great news!");
}

static void
test_forwarded_and_original_messages_are_cut(void **state)
{
    check_strip("See below.\n\n-----Original Message-----\nFrom: Ann\n"
                "Sent: Monday\nTo: Bob\nSubject: hi\n\nold text\n",
                "See below.");
    check_strip(
        "fyi\n---------------------- Forwarded by Steven J Kean/HOU/EES "
        "on 08/17/2000 07:56\nAM ---------------------------\n\n"
        "Robert\n08/16/2000 12:05 PM\nTo: Kevin\ncc:\nSubject: Bye\n\n"
        "I am leaving.\n",
        "fyi");
    check_strip("Have a look.\n\n---------- Forwarded message ---------\n"
                "From: Ann <a@b.c>\nDate: Mon\n\nold\n",
                "Have a look.");
}

static void
test_outlook_and_notes_headers_are_cut(void **state)
{
    check_strip("Agreed.\n\nFrom: Ann Smith\nSent: Monday, May 1\nTo: Bob\n"
                "\nolder text\n",
                "Agreed.");
    check_strip("Probably not.\n\n\nRichard Shapiro\n08/16/2000 08:42 AM\n"
                "To: Steven J Kean/HOU/EES@EES\ncc: Joe\nSubject: Re: Bill\n\n"
                "Is this the right time?\n",
                "Probably not.");
}

static void
test_signatures_and_sign_offs_are_cut(void **state)
{
    check_strip("Let's talk tomorrow.\n\n-- \nBob Jones\nACME Corp\n",
                "Let's talk tomorrow.");
    check_strip("Let's talk tomorrow.\n\nBest regards,\nBob Jones\n"
                "VP Sales, ACME\n+1 555 0100\n",
                "Let's talk tomorrow.");
    check_strip("Done.\n\nSent from my iPhone\n", "Done.");
    /* "Thanks" that goes on to say more is not a sign-off. */
    check_strip("Thanks,\nthis is what I needed for the report you asked me to "
                "write, and it arrived just in time for the meeting.\n",
                "Thanks,\nthis is what I needed for the report you asked me to "
                "write, and it arrived just in time for the meeting.");
}

/* Formal and regional closings end the author's words as "Best regards"
 * does, so a company name in the title below them ("... Podcast
 * Network") is not read as the author's; a longer line ending in
 * "regards" is text, not a closing. */
static void
test_formal_sign_offs_are_cut(void **state)
{
    check_strip("We stay at your disposal.\n\nWith best wishes,\nJon Okafor\n"
                "Partnerships, The Commuter Hour Podcast Network\n",
                "We stay at your disposal.");
    check_strip("Please sign by Monday.\n\nThanking you,\nYours faithfully,\n"
                "R. Venkatesh\nSenior Manager\n",
                "Please sign by Monday.");
    check_strip("See you there.\n\nVery warm regards\nAnn\n", "See you there.");
    check_strip("Noted.\n\nRespectfully,\nCapt. Lee\n", "Noted.");
    check_strip("Awaiting your feedback.\n\nThanks & Regards,\nAnwar Hussain\n"
                "Polar Breeze HVAC Trading LLC\n",
                "Awaiting your feedback.");
    check_strip("Noted.\n\nMany Thanks & Kind Regards,\nAnwar\nPolar HVAC\n",
                "Noted.");
    check_strip("Noted.\n\nThanks&Regards,\nAnwar\nPolar HVAC\n", "Noted.");
    check_strip("Noted.\n\nThanks & Rgds,\nAnwar\nPolar HVAC\n", "Noted.");
    check_strip("Our team sends you their warmest regards\nAnn\n",
                "Our team sends you their warmest regards\nAnn");
    /* The same words inside the body leave it whole. */
    check_strip("Hi Tom,\nGive Maria my regards.\nCan you send the quote?\n"
                "Thanks,\nSam\n",
                "Hi Tom,\nGive Maria my regards.\nCan you send the quote?");
    check_strip("Hi Ana,\nCongratulations and best wishes!\nLunch on me?\n",
                "Hi Ana,\nCongratulations and best wishes!\nLunch on me?");
    check_strip("Sending you best wishes\nfor the surgery on Monday, and "
                "thinking of you.\n",
                "Sending you best wishes\nfor the surgery on Monday, and "
                "thinking of you.");
    check_strip("Talk soon,\nP.S. The deposit is due Friday.\n",
                "Talk soon,\nP.S. The deposit is due Friday.");
    check_strip("Respectfully,\nI disagree with the plan.\n",
                "Respectfully,\nI disagree with the plan.");
}

static void
test_spans_point_into_the_body(void **state)
{
    static const char body[] = "one\r\n> two\r\nthree\r\n";
    nlp_span s[4];
    assert_int_equal(nlp_email_spans(body, strlen(body), s, 4), 2);
    assert_int_equal(s[0].start, 0);
    assert_int_equal(s[0].end, 3);
    assert_int_equal(s[1].start, 12);
    assert_int_equal(s[1].end, 17);
    assert_int_equal(nlp_email_spans(body, strlen(body), NULL, 0), 2);
    assert_int_equal(nlp_email_spans(NULL, 0, NULL, 0), 0);
}

static void
test_strip_reports_allocation_failure(void **state)
{
    char *out = (char *)1;
    size_t len;
    rp_err err = {0};
    rp_malloc_fail_at(1, true);
    rp_code rc = nlp_email_strip("a\n> b\nc\n", 8, &out, &len, &err);
    rp_malloc_fail_at(0, false);
    assert_int_equal(rc, RP_ENOMEM);
    assert_null(out);
    assert_non_null(strstr(err.msg, "cannot strip"));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_body_is_kept_whole),
        cmocka_unit_test(test_quoted_lines_are_dropped_but_answers_stay),
        cmocka_unit_test(test_reply_attribution_cuts_the_rest),
        cmocka_unit_test(test_forwarded_and_original_messages_are_cut),
        cmocka_unit_test(test_outlook_and_notes_headers_are_cut),
        cmocka_unit_test(test_signatures_and_sign_offs_are_cut),
        cmocka_unit_test(test_formal_sign_offs_are_cut),
        cmocka_unit_test(test_spans_point_into_the_body),
        cmocka_unit_test(test_strip_reports_allocation_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
