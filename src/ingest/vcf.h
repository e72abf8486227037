/*
 * vcf.h - vCard files (2.1, 3.0 and 4.0) into ingest_contact records
 * (records.h).  Written for rapport; no vCard library.
 *
 * Reads: folded lines (CRLF or LF, then a space or tab), quoted-printable
 * values and their soft line breaks, CHARSET= (anything iconv knows;
 * text that is not UTF-8 and names no charset is taken as
 * Windows-1252), backslash escapes, groups ("item1.EMAIL"), parameters
 * both bare (2.1: "TEL;WORK;VOICE:") and named ("TYPE=work").  Keeps
 * FN (else N), every EMAIL and TEL, ORG (its first component), TITLE,
 * BDAY (as "YYYY-MM-DD" or "--MM-DD"), NOTE and CATEGORIES (as tags).
 * PHOTO, LOGO, SOUND and KEY are read past without being kept, however
 * long; an AGENT's embedded card is read past too.
 *
 * A card that cannot be read (a BEGIN:VCARD before the END:VCARD of the
 * one before, no END:VCARD at all, a line that is not NAME:VALUE) is
 * reported to hooks->problem with the file and its line and skipped; the
 * cards around it are read.  The file is streamed: memory holds one card
 * at a time.  Progress is reported in bytes after each card.
 */
#ifndef RP_INGEST_VCF_H
#define RP_INGEST_VCF_H

#include <stddef.h>

#include "ingest/records.h"

/*
 * Reads every card in path and passes each to fn; path may also be a
 * folder of .vcf files (a "vdir"), read in name order, where a file that
 * holds no card is reported to hooks->problem (position 0) and skipped.  hooks
 * may be NULL. Returns RP_OK (also when cards were skipped), RP_EIO when path
 * cannot be read, RP_EINVAL when it holds no BEGIN:VCARD at all, RP_ENOMEM, or
 * the first non-OK code fn returned (reading then stops).
 */
rp_code ingest_vcf_file(const char *path, ingest_contact_fn *fn, void *ud,
                        const ingest_hooks *hooks, rp_err *err);

/* The same over data[0..len); source names it in problems and errors. */
rp_code ingest_vcf_buffer(const char *data, size_t len, const char *source,
                          ingest_contact_fn *fn, void *ud,
                          const ingest_hooks *hooks, rp_err *err);

#endif
