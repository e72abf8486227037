/*
 * emailtext.c - the author's own words in an email body (see emailtext.h).
 *
 * Works on lines.  One pass finds the cut: the first line that opens a
 * quoted or forwarded message or a signature; all from there goes.  Then
 * a sign-off with only a short tail before the cut moves the cut up to it.
 * Last, lines quoted with ">" are dropped from what is left.
 */
#include "nlp/emailtext.h"

#include <string.h>

#include "base/buf.h"

typedef struct {
    size_t start, end; /* the line's bytes, without "\r\n" or "\n" */
    size_t next;       /* where the following line starts */
} eline;

/* Reads the line starting at pos into *l; false at the end. */
static bool
line_at(const char *t, size_t len, size_t pos, eline *l)
{
    if (pos >= len)
        return false;
    const char *nl = memchr(t + pos, '\n', len - pos);
    size_t e = nl ? (size_t)(nl - t) : len;
    l->start = pos;
    l->next = nl ? e + 1 : len;
    if (e > pos && t[e - 1] == '\r')
        e--;
    l->end = e;
    return true;
}

/* The line without leading and trailing blanks (spaces and tabs). */
static void
trim_line(const char *t, const eline *l, size_t *s, size_t *e)
{
    *s = l->start;
    *e = l->end;
    while (*s < *e && (t[*s] == ' ' || t[*s] == '\t'))
        (*s)++;
    while (*e > *s && (t[*e - 1] == ' ' || t[*e - 1] == '\t'))
        (*e)--;
}

static bool
is_blank(const char *t, const eline *l)
{
    size_t s, e;
    trim_line(t, l, &s, &e);
    return s == e;
}

/* True when [s, e) equals word (ASCII, case-insensitive). */
static bool
equals_lower(const char *t, size_t s, size_t e, const char *word)
{
    size_t n = strlen(word);
    if (e - s != n)
        return false;
    for (size_t k = 0; k < n; k++) {
        char c = t[s + k];
        if (c >= 'A' && c <= 'Z')
            c |= 0x20;
        if (c != word[k])
            return false;
    }
    return true;
}

/* Case-insensitive (ASCII) prefix test on the trimmed line. */
static bool
starts_with(const char *t, const eline *l, const char *prefix)
{
    size_t s, e, n = strlen(prefix);
    trim_line(t, l, &s, &e);
    return e - s >= n && equals_lower(t, s, s + n, prefix);
}

static bool
ends_with(const char *t, size_t s, size_t e, const char *suffix)
{
    size_t n = strlen(suffix);
    return e - s >= n && !memcmp(t + e - n, suffix, n);
}

/* Case-insensitive (ASCII) search for needle in [s, e). */
static bool
contains(const char *t, size_t s, size_t e, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = s; i + n <= e; i++)
        if (equals_lower(t, i, i + n, needle))
            return true;
    return false;
}

/* "-----Original Message-----", "----- Forwarded by X on D -----",
 * "---------- Forwarded message ---------": dashes, then the words. */
static bool
is_forward_marker(const char *t, const eline *l)
{
    size_t s, e;
    trim_line(t, l, &s, &e);
    if (e - s < 3 || t[s] != '-' || t[s + 1] != '-')
        return false;
    return contains(t, s, e, "original message") ||
           contains(t, s, e, "forwarded by") ||
           contains(t, s, e, "forwarded message");
}

/* "On Tue, 3 Jan 2001, Ann <a@b.c> wrote:", possibly wrapped so that
 * "wrote:" ends the next line. */
static bool
is_attribution(const char *t, size_t len, const eline *l)
{
    size_t s, e;
    trim_line(t, l, &s, &e);
    if (e - s < 3 || memcmp(t + s, "On ", 3) != 0)
        return false;
    if (ends_with(t, s, e, "wrote:"))
        return true;
    eline n;
    if (!line_at(t, len, l->next, &n))
        return false;
    trim_line(t, &n, &s, &e);
    return ends_with(t, s, e, "wrote:") && e - s < 80;
}

/* True when one of the next few non-blank lines starts with a prefix in
 * the NULL-terminated list. */
static bool
followed_by(const char *t, size_t len, const eline *l, int lines,
            const char *const *prefixes)
{
    eline n;
    size_t pos = l->next;
    int budget = 4 * lines; /* blank lines too: keeps a scan short */
    while (lines > 0 && budget-- > 0 && line_at(t, len, pos, &n)) {
        pos = n.next;
        if (is_blank(t, &n))
            continue;
        lines--;
        for (int i = 0; prefixes[i]; i++)
            if (starts_with(t, &n, prefixes[i]))
                return true;
    }
    return false;
}

static bool
is_signature_marker(const char *t, const eline *l)
{
    size_t n = l->end - l->start;
    return (n == 3 && !memcmp(t + l->start, "-- ", 3)) ||
           (n == 2 && !memcmp(t + l->start, "--", 2));
}

/* Sign-offs, lower case, compared with the trimmed line up to an optional
 * comma, full stop or exclamation mark. */
static const char *const signoffs[] = {
    "all the best", "best",           "best regards", "best wishes",
    "cheers",       "kind regards",   "many thanks",  "regards",
    "sincerely",    "take care",      "thank you",    "thanks",
    "thanks again", "thanks so much", "thx",          "warm regards",
    "warmly",       "with thanks",    "yours",        "yours sincerely",
    "yours truly",  "rgds",
};

/* Closings that are also ordinary words in a body ("Respectfully, I
 * disagree", "Talk soon! P.S. ..."): a sign-off only with a comma or
 * nothing after them and a tail that reads as a signature (tail_ok). */
static const char *const soft_signoffs[] = {
    "cordially",          "faithfully", "gratefully",      "respectfully",
    "speak soon",         "talk soon",  "thank you again", "thanking you",
    "warm wishes",        "warmest",    "with gratitude",  "yours faithfully",
    "yours respectfully",
};

/* Last words that make a short line a soft sign-off whatever comes
 * before: "With kind regards", "Very best wishes", "Thanks & Regards",
 * "Thanks&Regards", "Thanks & Rgds". */
static const char *const signoff_tails[] = {" regards", "&regards", " rgds",
                                            " wishes"};

/* Words and bytes a sign-off line ending in a signoff_tails word may
 * have. */
#define SIGNOFF_MAX_WORDS 4
#define SIGNOFF_MAX_BYTES 40

/* Words a signature line may have when it ends a sentence ("Acme Pty
 * Ltd."); a longer one ending in "." is prose ("I disagree with it."). */
#define SIGNATURE_MAX_SENTENCE_WORDS 3

typedef enum { NOT_SIGNOFF, FIRM_SIGNOFF, SOFT_SIGNOFF } signoff_kind;

static bool
in_list(const char *t, size_t s, size_t e, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (equals_lower(t, s, e, list[i]))
            return true;
    return false;
}

/* Whether line l closes the author's words, and how surely. */
static signoff_kind
is_signoff(const char *t, const eline *l)
{
    size_t s, e;
    trim_line(t, l, &s, &e);
    char last = e > s ? t[e - 1] : '\0';
    if (last == ',' || last == '.' || last == '!')
        e--;
    if (in_list(t, s, e, signoffs, sizeof signoffs / sizeof *signoffs))
        return FIRM_SIGNOFF;
    if (last == '.' || last == '!') /* "Give Maria my regards." */
        return NOT_SIGNOFF;
    if (in_list(t, s, e, soft_signoffs,
                sizeof soft_signoffs / sizeof *soft_signoffs))
        return SOFT_SIGNOFF;
    if (e - s > SIGNOFF_MAX_BYTES)
        return NOT_SIGNOFF;
    /* Words are runs of letters; spaces and "&" stand between them
     * ("Many Thanks & Kind Regards", "Thanks&Regards"). */
    int words = 0;
    bool in_word = false;
    for (size_t i = s; i < e && words <= SIGNOFF_MAX_WORDS; i++) {
        char c = t[i];
        bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        if (!letter && c != ' ' && c != '\t' && c != '&')
            return NOT_SIGNOFF;
        words += letter && !in_word;
        in_word = letter;
    }
    if (words > SIGNOFF_MAX_WORDS)
        return NOT_SIGNOFF;
    for (size_t i = 0; i < sizeof signoff_tails / sizeof *signoff_tails; i++) {
        size_t n = strlen(signoff_tails[i]);
        if (e - s > n && equals_lower(t, e - n, e, signoff_tails[i]))
            return SOFT_SIGNOFF;
    }
    return NOT_SIGNOFF;
}

/* True when line n can stand below a soft sign-off: no question, no
 * P.S., no sentence of more than a few words. */
static bool
tail_ok(const char *t, const eline *n)
{
    size_t s, e;
    trim_line(t, n, &s, &e);
    if (e == s)
        return true;
    if (t[e - 1] == '?' || starts_with(t, n, "p.s") || starts_with(t, n, "ps "))
        return false;
    if (t[e - 1] != '.' && t[e - 1] != '!')
        return true;
    int words = 1;
    for (size_t i = s; i < e; i++)
        words += t[i] == ' ';
    return words <= SIGNATURE_MAX_SENTENCE_WORDS;
}

/* Where the author's text ends: the start of the first line that opens
 * a quoted or forwarded message or a signature, else len. */
static size_t
find_cut(const char *t, size_t len)
{
    static const char *const after_from[] = {
        "sent:", "sent by:", "date:", "to:", NULL};
    static const char *const after_to[] = {"cc:", "subject:", NULL};
    eline l;
    size_t pos = 0;
    size_t run = 0; /* start of the current run of non-blank lines */
    bool in_run = false;

    while (line_at(t, len, pos, &l)) {
        if (is_blank(t, &l)) {
            in_run = false;
        } else if (!in_run) {
            in_run = true;
            run = l.start;
        }
        if (is_forward_marker(t, &l) || is_attribution(t, len, &l) ||
            is_signature_marker(t, &l) || starts_with(t, &l, "sent from my "))
            return l.start;
        if (starts_with(t, &l, "from:") &&
            followed_by(t, len, &l, 3, after_from))
            return l.start;
        /* Lotus Notes: sender and date lines, then To:, cc:, Subject:. */
        if (starts_with(t, &l, "to:") && followed_by(t, len, &l, 6, after_to))
            return run;
        pos = l.next;
    }
    return len;
}

/* Moves the cut up to a closing sign-off followed by at most five short
 * lines (a name, a title, a number). */
static size_t
cut_signoff(const char *t, size_t cut)
{
    eline l;
    size_t pos = 0, best = cut;
    while (line_at(t, cut, pos, &l)) {
        signoff_kind kind = is_signoff(t, &l);
        if (kind != NOT_SIGNOFF) {
            int tail = 0;
            bool short_tail = true;
            eline n;
            size_t p = l.next;
            int budget = 40; /* lines, blank or not */
            while (short_tail && line_at(t, cut, p, &n)) {
                p = n.next;
                if (--budget < 0) {
                    short_tail = false;
                    break;
                }
                if (is_blank(t, &n))
                    continue;
                if (++tail > 5 || n.end - n.start > 60 ||
                    (kind == SOFT_SIGNOFF && !tail_ok(t, &n)))
                    short_tail = false;
            }
            if (short_tail) {
                best = l.start;
                break;
            }
        }
        pos = l.next;
    }
    return best;
}

static bool
is_quoted(const char *t, const eline *l)
{
    size_t s = l->start;
    while (s < l->end && (t[s] == ' ' || t[s] == '\t'))
        s++;
    return s < l->end && t[s] == '>';
}

size_t
nlp_email_spans(const char *body, size_t len, nlp_span *out, size_t max)
{
    if (!body)
        return 0;
    size_t cut = cut_signoff(body, find_cut(body, len));
    size_t n = 0, pos = 0;
    bool open = false;
    nlp_span cur = {0, 0};
    eline l;

    while (line_at(body, cut, pos, &l)) {
        pos = l.next;
        if (is_quoted(body, &l)) {
            if (open) {
                if (n < max)
                    out[n] = cur;
                n++;
                open = false;
            }
            continue;
        }
        if (!open) {
            if (is_blank(body, &l))
                continue; /* spans start on a line with text */
            open = true;
            cur.start = l.start;
        }
        if (!is_blank(body, &l))
            cur.end = l.end; /* and end on one */
    }
    if (open) {
        if (n < max)
            out[n] = cur;
        n++;
    }
    return n;
}

rp_code
nlp_email_strip(const char *body, size_t len, char **out, size_t *out_len,
                rp_err *err)
{
    rp_buf b = RP_BUF_INIT;
    nlp_span *spans = NULL;
    rp_code rc = RP_OK;
    size_t n = nlp_email_spans(body, len, NULL, 0);

    *out = NULL;
    if (n) {
        spans = rp_malloc(n * sizeof *spans);
        if (!spans) {
            rc = rp_fail(err, RP_ENOMEM,
                         "cannot strip email body: out of memory");
            goto cleanup;
        }
        nlp_email_spans(body, len, spans, n);
    }
    for (size_t i = 0; i < n; i++) {
        if ((i && rp_buf_add(&b, "\n\n", 2) != RP_OK) ||
            rp_buf_add(&b, body + spans[i].start,
                       spans[i].end - spans[i].start) != RP_OK) {
            rc = rp_fail(err, RP_ENOMEM,
                         "cannot strip email body: out of memory");
            goto cleanup;
        }
    }
    /* An empty result still needs memory of its own for the caller. */
    if (rp_buf_grow(&b, 1) != RP_OK) {
        rc = rp_fail(err, RP_ENOMEM, "cannot strip email body: out of memory");
        goto cleanup;
    }
    *out = rp_buf_detach(&b, out_len);
cleanup:
    rp_free(spans);
    rp_buf_release(&b);
    return rc;
}
