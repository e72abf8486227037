/*
 * coach_learned.c - the learned model (coach_model.h) beside the word
 * lists, reading each draft once (coach_model_read).  It does two things.
 * It doubts: a list's warning or serious flag whose category the model
 * finds very unlikely for the draft, or unlikely while the draft reads as
 * another category's problem, becomes a note, before the flags are
 * settled, so that a doubted flag does not make others notes beside it.
 * And it speaks where the lists found no problem at all (no
 * warning): there, the category whose probability passes its threshold
 * by the widest margin is flagged.  One at most, and never beside a
 * list's warning: on drafts it never saw, the model's second guesses on
 * drafts that already had a problem were more often false alarms than
 * second problems (tried again at 80% sure: see data/coach/README.md).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "nlp/coach_int.h"
#include "nlp/coach_model.h"

/* The first group of category cat that flags (severity 1 or more): its
 * advice is the category's own, written for its commonest form. */
static int
advice_group(nlp_coach_cat cat)
{
    const char *name = nlp_coach_cat_name(cat);
    for (size_t g = 0; g < nlp_coach_ngroups; g++)
        if (!strcmp(nlp_coach_groups[g].category, name) &&
            nlp_coach_groups[g].severity > 0)
            return (int)g;
    return -1;
}

/* Whether the model may name category cat for this draft: a draft is not
 * empty when the lists find it gives value, thanks or their time
 * accepted (coach_gives_no_value: care and a question keep the lists from
 * calling a draft empty, not the model, for on unseen batches the empty
 * touches the lists let pass were of that kind);
 * nor is a draft pushy that leaves the reader an easy way out or takes up
 * what they proposed ("as you suggested"), nor needy that condoles or
 * congratulates: the very conditions under which the lists raise none of
 * these flags.  An ask is not premature beside a congratulation or a
 * condolence, or after a generous ledger.  It may be premature beside
 * what the lists read as value: on unseen batches, the asks the lists
 * missed were mostly excused by a value word that served the sender ("I
 * could be helpful to them", "our study"), and the model, trained
 * without each batch, read every such quiet draft it found 70% likely as
 * an early ask (data/coach/README.md). */
static bool
model_may(const coach_state *st, nlp_coach_cat cat)
{
    if (cat == NLP_COACH_PREMATURE_ASK)
        return !st->care && !coach_generous(st->ctx);
    if (cat == NLP_COACH_NO_VALUE)
        return coach_gives_no_value(st);
    /* A condolence says sorry and offers anything at all; the lists
     * read that as care, not as pleading. */
    if (cat == NLP_COACH_NEEDINESS)
        return !st->care;
    if (cat == NLP_COACH_IMPOSITION)
        return !st->eased;
    return true;
}

/* Words a draft needs before the model may read it: a line or two ("Got
 * it, thanks Irina.") gives it too few features to weigh, and its guesses
 * there on the development drafts were all wrong. */
#define MODEL_MIN_WORDS 20

/* Below this probability the model doubts a list's flag of its category.
 * Chosen on the development batches, each scored by a model trained
 * without it (leave one batch out, fresh12 to fresh18) against the flags
 * the coach of its time raised there before studying it: 39 of the 67
 * false alarms fell below 0.05 and none of the 701 true flags; at 0.10,
 * three true flags did (bench/coach-doubt). */
#define MODEL_DOUBT 0.05

/* Below this probability the model doubts a list's flag of its category
 * when it reads the draft as another category's problem (that one's
 * probability at or above its threshold, the flag's own not).  Chosen the
 * same way, on fresh12 to fresh31 against the coach of each batch's time:
 * under 0.30 so fell 62 of the 104 false alarms and none of the 2,019
 * true flags; up to 0.40 still none, at 0.45 one (bench/coach-doubt,
 * second table). */
#define MODEL_DOUBT_ELSEWHERE 0.30

/* How far probability p lies past threshold t, in log-odds: the measure
 * by which categories that both pass their thresholds are compared. */
static double
margin(double p, double t)
{
    return p >= 1 ? HUGE_VAL : log(p / (1 - p)) - log(t / (1 - t));
}

/* The category, other than cat, that the reading finds fits best (by
 * margin past its threshold), or -1 when none fits. */
static int
fits_elsewhere(const nlp_coach_model *m, const coach_reading *rd,
               nlp_coach_cat cat)
{
    int best = -1;
    double top = 0;
    for (int c = 0; c < NLP_COACH_NCATS; c++) {
        if (c == (int)cat || !rd->fits[c])
            continue;
        double v = margin(rd->p[c], m->threshold[c]);
        if (best < 0 || v > top) {
            best = c;
            top = v;
        }
    }
    return best;
}

/* Turns into notes the list flags (warning or serious) of a category the
 * model reads as under MODEL_DOUBT likely, or under MODEL_DOUBT_ELSEWHERE
 * while another category fits the draft and this one does not (for
 * hype, neediness and one_up the thresholds lie under 0.30, and a flag
 * the model itself would raise is not doubted): the words matched a list, but
 * the draft as a whole reads nothing like the drafts that have that
 * problem ("I can review it Saturday if you send it by Friday" is an
 * offer, not a deadline set for the reader), or reads like another
 * problem's (a plea that happens to name a date).  Where no warning is
 * left, coach_detect_model() may then name that other problem. */
void
coach_model_doubt(coach_state *st, const nlp_coach_model *m,
                  const coach_reading *rd)
{
    for (size_t i = 0; rd->read && i < st->r->nflags; i++) {
        nlp_coach_flag *f = &st->r->flags[i];
        if (f->severity < 2 || rd->p[f->cat] >= MODEL_DOUBT_ELSEWHERE)
            continue;
        int other = fits_elsewhere(m, rd, f->cat);
        if (rd->p[f->cat] >= MODEL_DOUBT && (other < 0 || rd->fits[f->cat]))
            continue;
        f->severity = 1;
        if (other < 0)
            snprintf(f->detail, sizeof f->detail,
                     "the learned model doubts it (%.0f%% likely)",
                     100 * rd->p[f->cat]);
        else
            snprintf(f->detail, sizeof f->detail,
                     "the learned model doubts it (%.0f%% likely) and reads "
                     "the draft as %s",
                     100 * rd->p[f->cat],
                     nlp_coach_cat_name((nlp_coach_cat)other));
    }
}

/* Adds a model flag (a warning of group "model") for category cat, read
 * p likely, with the sentence whose own features speak most for it as
 * the span; NULL when out of memory. */
static nlp_coach_flag *
model_flag(coach_state *st, const nlp_coach_model *m, const nlp_coach_feats *ft,
           nlp_coach_cat cat, double p)
{
    size_t best = 0;
    double top = 0;
    for (size_t s = 0; s < ft->nsent; s++) {
        double v = nlp_coach_model_sum(m, cat, ft->f + ft->first[s],
                                       ft->first[s + 1] - ft->first[s]);
        if (s == 0 || v > top) {
            top = v;
            best = s;
        }
    }
    /* advice_group() cannot fail while the lists hold the category,
     * which the unit tests check: NULL here is memory. */
    nlp_coach_flag *f = coach_flag_add(st, cat, advice_group(cat), 2);
    if (!f)
        return NULL;
    f->group = "model";
    snprintf(f->detail, sizeof f->detail,
             "the learned model reads it so (%.0f%% likely)", 100 * p);
    coach_flag_span(f, ft->start[best], ft->end[best]);
    return f;
}

/* True when the report holds a warning or worse. */
static bool
any_warning(const coach_state *st)
{
    for (size_t i = 0; i < st->r->nflags; i++)
        if (st->r->flags[i].severity >= 2)
            return true;
    return false;
}

rp_code
coach_model_read(const coach_state *st, const nlp_coach_model *m,
                 coach_reading *out)
{
    memset(out, 0, sizeof *out);
    if (st->d->nw < MODEL_MIN_WORDS)
        return RP_OK;
    rp_code rc = coach_features_doc(st->d, &out->ft);
    if (rc || !out->ft.nsent)
        return rc;
    for (int c = 0; c < NLP_COACH_NCATS; c++) {
        out->p[c] = m->has[c] ? nlp_coach_model_prob(m, (nlp_coach_cat)c,
                                                     out->ft.all, out->ft.nall)
                              : 1;
        out->fits[c] =
            m->has[c] && m->threshold[c] < 1 && out->p[c] >= m->threshold[c];
    }
    out->read = true;
    return RP_OK;
}

void
coach_reading_release(coach_reading *rd)
{
    nlp_coach_feats_release(&rd->ft);
    rd->read = false;
}

rp_code
coach_detect_model(coach_state *st, const nlp_coach_model *m,
                   const coach_reading *rd)
{
    if (!rd->read || any_warning(st))
        return RP_OK;
    /* The category past its threshold by the widest margin. */
    int pick = -1;
    double top = 0;
    for (int c = 0; c < NLP_COACH_NCATS; c++) {
        if (!rd->fits[c] || !model_may(st, (nlp_coach_cat)c))
            continue;
        double v = margin(rd->p[c], m->threshold[c]);
        if (pick < 0 || v > top) {
            pick = c;
            top = v;
        }
    }
    if (pick >= 0 &&
        !model_flag(st, m, &rd->ft, (nlp_coach_cat)pick, rd->p[pick]))
        return RP_ENOMEM;
    return RP_OK;
}
