/* Unit tests for ingest/htmltext: what a reader sees of an HTML mail. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "ingest/htmltext.h"

/* Converts html and compares the text with want. */
static void
check(const char *html, const char *want)
{
    rp_buf b = RP_BUF_INIT;
    assert_int_equal(htmltext_convert(html, strlen(html), &b, NULL), RP_OK);
    assert_int_equal(b.buf[b.len], '\0');
    if (strcmp(b.buf, want))
        fail_msg("converted to\n[%s]\nwant\n[%s]", b.buf, want);
    rp_buf_release(&b);
}

static void
test_html_paragraphs_become_lines(void **state)
{
    check("<p>Hi Ann,</p><p>Lunch on Friday?</p>",
          "Hi Ann,\n\nLunch on Friday?");
    check("<div>one</div><div>two</div>", "one\ntwo");
    check("line<br>next<br/>last", "line\nnext\nlast");
    /* Gmail writes a blank line as <div><br></div>. */
    check("<div>Hi,</div><div><br></div><div>Thanks</div>", "Hi,\n\nThanks");
    check("<ul><li>tea</li><li>cake</li></ul>", "tea\ncake");
    check("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
          "a b\nc");
}

static void
test_html_script_style_head_and_comments_are_dropped(void **state)
{
    check("<html><head><title>T</title><style>p{color:red}</style></head>"
          "<body><script>var a = '<p>no</p>';</script><p>yes</p>"
          "<!-- <p>hidden</p> --></body></html>",
          "yes");
    check("<STYLE type=\"text/css\">x</STYLE>Shown", "Shown");
    /* An element that never closes drops nothing after it. */
    check("<style>p {}<p>kept", "p {}\n\nkept");
}

static void
test_html_white_space_collapses(void **state)
{
    check("  <p>  many    spaces\n\tand\r\nlines  </p>  ",
          "many spaces and lines");
    check("<pre>a  b\n  c</pre>", "a  b\n  c");
    check("", "");
    check("<p></p><div> </div>", "");
    check("<p>a</p><p></p><p></p><p>b</p>", "a\n\nb");
}

static void
test_html_entities_are_decoded(void **state)
{
    check("fish &amp; chips &lt;3 &quot;yes&quot; &apos;no&apos;",
          "fish & chips <3 \"yes\" 'no'");
    check("caf&eacute; &#233; &#xE9; &#XE9;", "caf\xc3\xa9 \xc3\xa9 \xc3\xa9 "
                                              "\xc3\xa9");
    check("it&rsquo;s &mdash; &hellip; &euro;5",
          "it\xe2\x80\x99s \xe2\x80\x94 \xe2\x80\xa6 \xe2\x82\xac"
          "5");
    check("a&nbsp;&nbsp;b", "a b");
    /* Not references: left as written. */
    check("AT&T &unknown; & &#; &#xZZ;", "AT&T &unknown; & &#; &#xZZ;");
    /* Out of range code points become U+FFFD, never invalid UTF-8. */
    check("&#0;&#xD800;&#1114112;", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
}

static void
test_html_tags_keep_quoted_angle_brackets(void **state)
{
    check("<a href=\"x>y\" title='a>b'>link</a> text", "link text");
    check("1 < 2 and 3 > 2", "1 < 2 and 3 > 2");
    check("unterminated <a href=", "unterminated");
}

static void
test_html_respects_the_buffer_limit(void **state)
{
    rp_buf b;
    rp_err err = {0};
    rp_buf_init(&b, 8);
    const char *html = "<p>far more than eight bytes of text</p>";
    assert_int_equal(htmltext_convert(html, strlen(html), &b, &err), RP_ENOMEM);
    assert_true(b.len <= 8);
    assert_non_null(strstr(err.msg, "memory"));
    rp_buf_release(&b);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_paragraphs_become_lines),
        cmocka_unit_test(test_html_script_style_head_and_comments_are_dropped),
        cmocka_unit_test(test_html_white_space_collapses),
        cmocka_unit_test(test_html_entities_are_decoded),
        cmocka_unit_test(test_html_tags_keep_quoted_angle_brackets),
        cmocka_unit_test(test_html_respects_the_buffer_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
