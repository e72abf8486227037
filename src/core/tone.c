/* tone.c - a message's tone; see tone.h. */
#include "core/tone.h"

#include "nlp/emailtext.h"
#include "nlp/sentiment.h"
#include "nlp/tokenize.h"

bool
tone_score(const char *text, size_t len, bool email, double *compound)
{
    char *own = NULL;
    size_t own_len = 0;
    if (!text || !len)
        return false;
    if (email) {
        if (nlp_email_strip(text, len, &own, &own_len, NULL) != RP_OK)
            return false;
        text = own;
        len = own_len;
    }
    /* VADER is defined per sentence; a message's tone is the mean of its
     * sentences (as the paper suggests for longer text), so one gushing
     * line does not drown a long neutral body. */
    nlp_cursor c;
    nlp_span sp;
    double sum = 0;
    int n = 0;
    nlp_cursor_init(&c, text, len);
    while (nlp_next_sentence(&c, &sp)) {
        nlp_sentiment s;
        nlp_sentiment_score(text + sp.start, sp.end - sp.start, &s);
        if (s.neg + s.neu + s.pos == 0)
            continue; /* no words */
        sum += s.compound;
        n++;
    }
    rp_free(own);
    if (!n)
        return false;
    *compound = sum / n;
    return true;
}
