/*
 * coach_metrics.c - the draft's measurements, each beside the range that
 * published reply-rate studies of sales and outreach email favour: about
 * 25-100 words, a reading grade of 3-5, no sentence over 25 words, one to
 * three questions, more "you" than "I", paragraphs that fit a phone
 * screen, a slightly positive tone without gushing, and a short subject.
 */
#include <math.h>

#include "nlp/coach_int.h"
#include "nlp/sentiment.h"

#define LONG_SENTENCE_WORDS 25

/* Syllables of a lower-case word, by vowel groups: a silent final "e" is
 * dropped ("make"), but not in "-le" ("table"); at least one. */
static int
syllables(const char *w, size_t n)
{
    int count = 0;
    bool prev = false;
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        bool v = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
                 c == 'y';
        if (v && !prev)
            count++;
        prev = v;
    }
    if (n > 2 && w[n - 1] == 'e' && w[n - 2] != 'l' && count > 1)
        count--;
    return count ? count : 1;
}

static void
set(nlp_coach_metric *m, const char *name, double value, double lo, double hi,
    const char *advice)
{
    m->name = name;
    m->present = true;
    m->value = value;
    m->lo = lo;
    m->hi = hi;
    m->ok = value >= lo && value <= hi;
    m->advice = advice;
}

void
coach_metrics(coach_state *st)
{
    const coach_doc *d = st->d;
    nlp_coach_metric *m = st->r->metrics;
    size_t syl = 0, longs = 0, questions = 0, maxpara = 0, para = 0, pwords = 0,
           scored = 0;
    double tone = 0;
    for (size_t i = 0; i < d->nw; i++)
        syl += (size_t)syllables(coach_word_norm(d, i), d->w[i].nlen);
    for (size_t s = 0; s < d->ns; s++) {
        const coach_sent *x = &d->s[s];
        size_t n = x->w1 - x->w0;
        longs += n > LONG_SENTENCE_WORDS;
        questions += x->question;
        if (x->para != para) {
            para = x->para;
            pwords = 0;
        }
        pwords += n;
        maxpara = pwords > maxpara ? pwords : maxpara;
        nlp_sentiment v;
        nlp_sentiment_score(d->text + x->start, x->end - x->start, &v);
        tone += v.compound;
        scored++;
    }
    double grade = 0;
    if (d->nw && d->ns)
        grade = 0.39 * ((double)d->nw / (double)d->ns) +
                11.8 * ((double)syl / (double)d->nw) - 15.59;
    set(&m[NLP_COACH_M_WORDS], "words", (double)d->nw, 25, 100,
        "outreach gets the most replies at about 25-100 words");
    set(&m[NLP_COACH_M_GRADE], "grade", round(grade * 10) / 10, 0, 5,
        "Flesch-Kincaid grade 3-5 gets more replies than college level");
    set(&m[NLP_COACH_M_LONG_SENTENCES], "long_sentences", (double)longs, 0, 0,
        "sentences over 25 words are hard to read; split them");
    set(&m[NLP_COACH_M_QUESTIONS], "questions", (double)questions, 1, 3,
        "one to three questions invite a reply; more feels like a survey");
    set(&m[NLP_COACH_M_YOU_I], "you_i_ratio",
        round((double)st->other / (double)(st->self ? st->self : 1) * 100) /
            100,
        1, HUGE_VAL, "write more about them (you, your) than about you");
    m[NLP_COACH_M_YOU_I].present = st->self + st->other > 0;
    set(&m[NLP_COACH_M_PARAGRAPH], "paragraph_words", (double)maxpara, 0, 60,
        "the longest paragraph should fit a phone screen (60 words)");
    set(&m[NLP_COACH_M_SENTIMENT], "sentiment",
        scored ? round(tone / (double)scored * 1000) / 1000 : 0, 0.05, 0.6,
        "slightly positive beats neutral; gushing praise hurts");
    m[NLP_COACH_M_SENTIMENT].present = scored > 0;
    size_t chars = 0;
    for (size_t i = d->subject.start; i < d->subject.end;) {
        uint32_t cp;
        i += nlp_utf8_next(d->text, d->subject.end, i, &cp);
        chars++;
    }
    set(&m[NLP_COACH_M_SUBJECT], "subject_chars", (double)chars, 1, 50,
        "short subjects (under 50 characters) get opened");
    m[NLP_COACH_M_SUBJECT].present = d->has_subject;
}
