/*
 * htmltext.h - the readable text of an HTML mail body, for messages that
 * have no text/plain part.
 *
 * Not an HTML parser: a single forward scan that is good enough for what
 * mail clients send.  Script, style and head contents are dropped, as are
 * comments; block elements (p, div, br, li, tr, headings...) become line
 * breaks; other runs of white space become one space (kept as written
 * inside <pre>); character references (&amp;, &eacute;, &#8217;,
 * &#x2019;) are decoded to UTF-8.  The input is expected to be UTF-8
 * already (the mail reader converts charsets first).
 *
 * Pure: no I/O, no globals that change.
 */
#ifndef RP_INGEST_HTMLTEXT_H
#define RP_INGEST_HTMLTEXT_H

#include <stddef.h>

#include "base/buf.h"
#include "base/rp.h"

/*
 * Appends the text of html (len bytes, NUL not needed) to out: no leading
 * or trailing white space, at most one blank line in a row.  Returns RP_OK,
 * or RP_ENOMEM (with err filled) when out cannot grow; out then holds a
 * prefix of the text.
 */
rp_code htmltext_convert(const char *html, size_t len, rp_buf *out,
                         rp_err *err);

#endif
