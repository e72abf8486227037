/*
 * emailtext.h - the author's own words in a plain-text email body.
 *
 * Mail bodies carry much text their sender did not write now: quoted
 * replies, forwarded messages, signatures and sign-offs.  Analyses of tone
 * and sentiment must see only what the sender wrote, so this module finds
 * it.  It removes, line by line:
 *   - quoted lines: "> ..." (after optional blanks), anywhere in the body,
 *     so the answers of an interleaved reply stay;
 *   - everything from a reply or forward header on: "On <date>, <who>
 *     wrote:" (also when wrapped over two lines), "-----Original
 *     Message-----", "---------- Forwarded message ---------",
 *     "----- Forwarded by ... -----", an Outlook "From:" line followed by
 *     "Sent:", "Date:" or "To:", and a Lotus Notes "To:"/"cc:" block with
 *     the sender and date lines above it;
 *   - a signature: everything from a "-- " (or "--") line on, and "Sent
 *     from my ..." lines;
 *   - a closing sign-off ("Thanks,", "Best regards," ...) when at most five
 *     short lines (a name, a title, a phone) follow it; closings that are
 *     also body words ("Respectfully,", "Talk soon", any short line ending
 *     in "regards" or "wishes") only when those lines hold no question, no
 *     P.S. and no sentence of more than three words.
 *
 * Pure: no I/O, no mutable globals.  Line ends may be LF or CRLF.
 */
#ifndef NLP_EMAILTEXT_H
#define NLP_EMAILTEXT_H

#include <stddef.h>

#include "base/rp.h"
#include "nlp/tokenize.h"

/*
 * Finds the kept parts of body (len bytes): each span is a run of whole
 * kept lines, without the final line break, in order.  Fills out[0..max)
 * and returns how many spans there are in all (which may exceed max).
 * out may be NULL when max is 0.  Returns 0 when nothing is kept.
 */
size_t nlp_email_spans(const char *body, size_t len, nlp_span *out, size_t max);

/*
 * The kept text as one new NUL-terminated string: the spans joined by a
 * blank line ("\n\n"), so that a sentence never runs across a cut.  On
 * success *out is the caller's to rp_free() and *out_len its length.
 * Returns RP_OK or RP_ENOMEM (with err filled when not NULL).
 */
rp_code nlp_email_strip(const char *body, size_t len, char **out,
                        size_t *out_len, rp_err *err);

#endif
