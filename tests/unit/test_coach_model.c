/*
 * Unit tests for the coach's learned model: the feature extractor
 * (coach_features.h) hashes stably, stems, hides names and finds the
 * sentence shapes; the scorer (coach_model.h) turns known weights into a
 * known probability; the compiled-in model is well formed; with the model
 * switched on, its flags keep the report's shape and it stays quiet where
 * the word lists already found a problem.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "coach_check.h"
#include "nlp/coach.h"
#include "nlp/coach_features.h"
#include "nlp/coach_model.h"

static uint32_t
id(const char *feature)
{
    return nlp_coach_feat_hash(feature, strlen(feature));
}

/* Whether the draft text has feature (a feature string) anywhere. */
static bool
has_feature(const char *text, const char *feature)
{
    nlp_coach_feats f;
    assert_int_equal(nlp_coach_features(text, strlen(text), &f), RP_OK);
    uint32_t want = id(feature);
    bool found = false;
    for (size_t i = 0; i < f.nall; i++)
        found = found || f.all[i] == want;
    nlp_coach_feats_release(&f);
    return found;
}

/* The hash is part of the model's file format: a trained model.txt only
 * means something while these values stay put. */
static void
test_hash_is_stable(void **state)
{
    (void)state;
    assert_int_equal(id("u:hire"), 9243);
    assert_int_equal(id("b:^ we"), 44567);
    assert_int_equal(id("s:question"), 10160);
    assert_int_equal(id("u:<name>"), 47013);
    assert_true(id("u:hire") < NLP_COACH_FEAT_DIM);
    assert_int_not_equal(id("u:hire"), id("u:hir"));
}

static void
test_words_are_stemmed(void **state)
{
    (void)state;
    assert_true(has_feature("We are hiring.", "u:hire"));
    assert_true(has_feature("She hires people.", "u:hire"));
    assert_true(has_feature("Hiring is hard.", "u:hire"));
    assert_false(has_feature("We are hiring.", "u:hiring"));
    /* Bigrams join stems, with "^" before a sentence's first word. */
    assert_true(has_feature("We are hiring.", "b:^ we"));
    assert_true(has_feature("We are hiring.", "b:are hire"));
}

static void
test_names_and_numbers_are_classes(void **state)
{
    (void)state;
    assert_true(has_feature("I met Dana yesterday.", "u:<name>"));
    assert_false(has_feature("I met Dana yesterday.", "u:dana"));
    /* "I" and a word in capitals are not names. */
    assert_true(has_feature("Yes, I know.", "u:i"));
    assert_true(has_feature("This is HUGE news.", "u:huge"));
    assert_true(has_feature("We have 30 clients.", "u:<num>"));
}

static void
test_sentence_shapes(void **state)
{
    (void)state;
    assert_true(has_feature("You'll love it.", "s:you_subj"));
    assert_true(has_feature("I think you should see this.", "s:you_subj"));
    assert_false(has_feature("This is for you.", "s:you_subj"));
    assert_true(has_feature("I'll call you tomorrow.", "s:i_future"));
    assert_true(has_feature("Let me explain it.", "s:i_future"));
    assert_false(has_feature("I called you.", "s:i_future"));
    assert_true(has_feature("Can you help?", "s:question"));
    assert_false(has_feature("You can help.", "s:question"));
    assert_true(has_feature("Trust me on this.", "s:imperative"));
    assert_true(has_feature("Sam, trust me on this.", "s:imperative"));
    assert_true(has_feature("Please sign the form today.", "s:imperative"));
    assert_false(has_feature("We trust you.", "s:imperative"));
    assert_false(has_feature("Thanks for the notes.", "s:imperative"));
    assert_true(has_feature("It works!", "s:exclaim"));
    assert_true(has_feature("This is HUGE.", "s:caps"));
}

static void
test_sentences_and_spans(void **state)
{
    (void)state;
    const char *t = "Thanks for the notes. Can we talk?";
    nlp_coach_feats f;
    assert_int_equal(nlp_coach_features(t, strlen(t), &f), RP_OK);
    assert_int_equal(f.nsent, 2);
    assert_int_equal(f.start[0], 0);
    assert_int_equal(f.start[1], strlen("Thanks for the notes. "));
    assert_int_equal(f.end[1], strlen(t));
    /* Each sentence's ids are sorted and unique; the draft's are their
     * union. */
    for (size_t s = 0; s < f.nsent; s++)
        for (size_t i = f.first[s] + 1; i < f.first[s + 1]; i++)
            assert_true(f.f[i - 1] < f.f[i]);
    for (size_t i = 1; i < f.nall; i++)
        assert_true(f.all[i - 1] < f.all[i]);
    assert_true(f.nall <= f.first[2]);
    nlp_coach_feats_release(&f);

    /* Empty and odd input give no sentences, not an error. */
    assert_int_equal(nlp_coach_features(NULL, 0, &f), RP_OK);
    assert_int_equal(f.nsent, 0);
    assert_int_equal(f.nall, 0);
    nlp_coach_feats_release(&f);
    assert_int_equal(nlp_coach_features("\xff\xfe\x00 ?", 5, &f), RP_OK);
    nlp_coach_feats_release(&f);
}

/* A model of known weights: 1 / (1 + exp(-(bias + sum w / sqrt(n)))). */
static void
test_known_weights_give_known_probability(void **state)
{
    (void)state;
    static const uint32_t feat[] = {3, 10, 20};
    static float w[3][NLP_COACH_NCATS];
    w[0][NLP_COACH_HYPE] = 1.0f;
    w[1][NLP_COACH_HYPE] = -5.0f;
    w[2][NLP_COACH_HYPE] = 1.0f;
    nlp_coach_model m = {.feat = feat, .w = &w[0][0], .nfeat = 3};
    m.has[NLP_COACH_HYPE] = true;
    m.bias[NLP_COACH_HYPE] = 0.5;

    /* Ids 3 and 20 are weighted, 7 and 30 unknown: n = 4, sum = 2. */
    const uint32_t draft[] = {3, 7, 20, 30};
    double p = nlp_coach_model_prob(&m, NLP_COACH_HYPE, draft, 4);
    assert_true(fabs(p - 1 / (1 + exp(-(0.5 + 2.0 / 2.0)))) < 1e-12);
    assert_true(fabs(nlp_coach_model_sum(&m, NLP_COACH_HYPE, draft, 4) - 2.0) <
                1e-12);
    /* A negative weight pulls it down. */
    const uint32_t neg[] = {10};
    assert_true(nlp_coach_model_prob(&m, NLP_COACH_HYPE, neg, 1) < 0.02);
    /* No features: the bias alone. */
    assert_true(fabs(nlp_coach_model_prob(&m, NLP_COACH_HYPE, NULL, 0) -
                     1 / (1 + exp(-0.5))) < 1e-12);
    /* A category without a model never scores. */
    assert_true(nlp_coach_model_prob(&m, NLP_COACH_ONE_UP, draft, 4) == 0);
}

static void
test_builtin_model_is_well_formed(void **state)
{
    (void)state;
    const nlp_coach_model *m = &nlp_coach_builtin_model;
    assert_true(m->nfeat > 0);
    for (size_t i = 0; i < m->nfeat; i++) {
        assert_true(m->feat[i] < NLP_COACH_FEAT_DIM);
        if (i)
            assert_true(m->feat[i - 1] < m->feat[i]);
    }
    /* no_personal_touch turns on the facts, not the words. */
    assert_false(m->has[NLP_COACH_NO_PERSONAL_TOUCH]);
    for (int c = 0; c < NLP_COACH_NCATS; c++)
        if (m->has[c])
            assert_true(m->threshold[c] > 0 && m->threshold[c] <= 1.01);
}

/* With the model on, every flag it adds names the model, is a warning,
 * gives the category's advice and points at one whole sentence; with it
 * off there is none, and the default is on. */
static void
test_model_flags_keep_the_report_shape(void **state)
{
    (void)state;
    static const char *const drafts[] = {
        "Hi Ana, I really need this to work out. Please, I am begging you, "
        "I have nothing else lined up and my job depends on it.",
        "Hi Tom, we are the best team in the world and we never miss. Our "
        "results are incredible and totally guaranteed.",
        "Hello, I am a consultant. I have ten years of experience. I "
        "worked at three firms. I am available in May.",
    };
    nlp_coach_options on = {.model = true};
    size_t model_flags = 0;
    for (size_t k = 0; k < sizeof drafts / sizeof *drafts; k++) {
        const char *t = drafts[k];
        nlp_coach_report r;
        rp_err err = {0};
        assert_int_equal(
            nlp_coach_check_opts(t, strlen(t), NULL, &on, &r, &err), RP_OK);
        for (size_t i = 0; i < r.nflags; i++) {
            const nlp_coach_flag *f = &r.flags[i];
            if (strcmp(f->group, "model"))
                continue;
            model_flags++;
            assert_int_equal(f->severity, 2);
            assert_true(f->suggestion && f->suggestion[0]);
            assert_int_equal(f->nspans, 1);
            assert_true(f->spans[0].end > f->spans[0].start);
            assert_true(f->spans[0].end <= strlen(t));
            /* A whole sentence: it ends the text or a "." "!" "?". */
            char last = t[f->spans[0].end - 1];
            assert_true(last == '.' || last == '!' || last == '?');
        }
        size_t with_model = r.nflags;
        nlp_coach_report_release(&r);
        /* Off, there is no model flag; the default is the model on. */
        nlp_coach_options off = {.model = false};
        assert_int_equal(
            nlp_coach_check_opts(t, strlen(t), NULL, &off, &r, &err), RP_OK);
        for (size_t i = 0; i < r.nflags; i++)
            assert_string_not_equal(r.flags[i].group, "model");
        nlp_coach_report_release(&r);
        assert_int_equal(nlp_coach_check(t, strlen(t), NULL, &r, &err), RP_OK);
        assert_int_equal(r.nflags, with_model);
        nlp_coach_report_release(&r);
    }
    assert_true(model_flags > 0);
}

/* The model speaks only where the lists found no problem: beside a list's
 * warning it adds nothing, whatever it would have said. */
static void
test_model_stays_quiet_beside_a_list_warning(void **state)
{
    (void)state;
    const char *t = "Hi Ana, I really need this to work out. Please, I am "
                    "begging you. I have ten years of experience and I am "
                    "the best at what I do.";
    nlp_coach_options on = {.model = true};
    nlp_coach_report r;
    rp_err err = {0};
    assert_int_equal(nlp_coach_check_opts(t, strlen(t), NULL, &on, &r, &err),
                     RP_OK);
    bool warned = false;
    for (size_t i = 0; i < r.nflags; i++) {
        warned = warned || (r.flags[i].cat == NLP_COACH_NEEDINESS &&
                            r.flags[i].severity >= 2);
        assert_string_not_equal(r.flags[i].group, "model");
    }
    assert_true(warned);
    nlp_coach_report_release(&r);
}

/* Checks text t with the learned model on into *r (released by the
 * caller). */
static void
check_with_model(const char *t, nlp_coach_report *r)
{
    nlp_coach_options on = {.model = true};
    rp_err err = {0};
    assert_int_equal(nlp_coach_check_opts(t, strlen(t), NULL, &on, r, &err),
                     RP_OK);
}

/* The category the model names for text t (it names one at most), or -1
 * when it stays silent. */
static int
model_named(const char *t)
{
    nlp_coach_report r;
    check_with_model(t, &r);
    int named = -1;
    for (size_t i = 0; i < r.nflags; i++)
        if (!strcmp(r.flags[i].group, "model"))
            named = (int)r.flags[i].cat;
    nlp_coach_report_release(&r);
    return named;
}

/* Whether the model (the lists off the hook) names cat for text t. */
static bool
model_says(const char *t, nlp_coach_cat cat)
{
    return model_named(t) == (int)cat;
}

/* Checks t with the model on and copies its most severe flag of cat into
 * *out; false when there is none. */
static bool
with_model(const char *t, nlp_coach_cat cat, nlp_coach_flag *out)
{
    nlp_coach_report r;
    check_with_model(t, &r);
    const nlp_coach_flag *f = NULL;
    for (size_t i = 0; i < r.nflags; i++)
        if (r.flags[i].cat == cat && (!f || r.flags[i].severity > f->severity))
            f = &r.flags[i];
    if (f)
        *out = *f;
    nlp_coach_report_release(&r);
    return f != NULL;
}

/* The main problem the coach names with the model on (-1: none). */
static int
main_with_model(const char *t)
{
    nlp_coach_report r;
    check_with_model(t, &r);
    int main = r.main;
    nlp_coach_report_release(&r);
    return main;
}

/* Whether any flag of category cat, with the model on, says the model
 * doubts it. */
static bool
doubted_with_model(const char *t, nlp_coach_cat cat)
{
    nlp_coach_report r;
    check_with_model(t, &r);
    bool doubted = false;
    for (size_t i = 0; i < r.nflags; i++)
        doubted = doubted || (r.flags[i].cat == cat &&
                              strstr(r.flags[i].detail, "doubts") != NULL);
    nlp_coach_report_release(&r);
    return doubted;
}

/* The built-in model's probability of category cat for text t, and
 * whether it passes the category's threshold. */
static double
model_prob(const char *t, nlp_coach_cat cat, bool *fits)
{
    const nlp_coach_model *m = &nlp_coach_builtin_model;
    nlp_coach_feats f;
    assert_int_equal(nlp_coach_features(t, strlen(t), &f), RP_OK);
    double p = nlp_coach_model_prob(m, cat, f.all, f.nall);
    nlp_coach_feats_release(&f);
    *fits = m->has[cat] && m->threshold[cat] < 1 && p >= m->threshold[cat];
    return p;
}

/* The model doubts a list's flag the draft as a whole reads nothing like:
 * a deadline that is the condition of a free offer ("if you send it by
 * Friday") is a note with the model on, a warning by the lists alone;
 * a deadline set for the reader's order stays a warning either way. */
static void
test_model_doubts_an_offer_read_as_a_deadline(void **state)
{
    (void)state;
    const char *offer =
        "Hi Shirin, got your message. I can read through the budget section "
        "on Saturday morning if you send it by Friday night; no charge, it "
        "is a two-hour job. If you would rather have someone who knows EU "
        "grants, Tobias at Northfold is excellent. Whatever you decide, "
        "good luck with it.";
    const char *push =
        "Hi Shirin, I need the signed order from you by Friday night, no "
        "excuses. My manager will not hold this price any longer, so sign "
        "it today and send it back to me before the weekend.";
    nlp_coach_flag f;
    assert_true(warns(offer, NULL, NLP_COACH_IMPOSITION));
    assert_true(with_model(offer, NLP_COACH_IMPOSITION, &f));
    assert_int_equal(f.severity, 1);
    assert_non_null(strstr(f.detail, "doubts"));
    assert_true(warns(push, NULL, NLP_COACH_IMPOSITION));
    assert_true(with_model(push, NLP_COACH_IMPOSITION, &f));
    assert_true(f.severity >= 2);
    assert_null(strstr(f.detail, "doubts"));
}

/* A flag the model doubts does not make the flags beside it notes: the
 * doubt comes before the settling.  By the lists alone, the deadline on a
 * request for introductions is serious pressure and the ask beside it a
 * note; with the model, the deadline is doubted and the early ask for
 * referrals is the problem. */
static void
test_a_doubted_flag_leaves_the_others_standing(void **state)
{
    (void)state;
    const char *t =
        "Hi Ahmed, hope all is well at Northpoint. As we head into the new "
        "quarter I'm reaching out to our partners to ask for introductions "
        "to three or four of your customers who might be a fit for our "
        "sensors. If you could send over a few names and contacts by the "
        "end of the month, that would be great. Thanks in advance, Corinne";
    nlp_coach_flag f;
    assert_true(warns(t, NULL, NLP_COACH_IMPOSITION));
    assert_false(warns(t, NULL, NLP_COACH_PREMATURE_ASK));
    assert_true(with_model(t, NLP_COACH_IMPOSITION, &f));
    assert_int_equal(f.severity, 1);
    assert_true(with_model(t, NLP_COACH_PREMATURE_ASK, &f));
    assert_int_equal(f.severity, 3);
    assert_string_equal(f.group, "referral");
}

/* A list's flag the model finds under 30% likely is doubted when the
 * draft reads as another problem: in a plea that names a date and an
 * offer's end, the neediness is the problem to fix, and the date becomes
 * a note beside it (the lists alone warn of both).  The note says which
 * problem the model reads, and the neediness stays serious. */
static void
test_model_doubts_a_flag_when_another_problem_fits(void **state)
{
    (void)state;
    const char *t =
        "Hi Marta, I'm sorry to write again, and I feel awful asking. My "
        "manager has told me that if I don't close one more account this "
        "quarter I may lose my place on the team. I know it isn't your "
        "problem. Could you sign it by Friday? The offer ends then. Thank "
        "you for even reading this. Piotr";
    nlp_coach_flag f;
    assert_true(warns(t, NULL, NLP_COACH_IMPOSITION));
    assert_true(with_model(t, NLP_COACH_IMPOSITION, &f));
    assert_int_equal(f.severity, 1);
    assert_non_null(strstr(f.detail, "reads the draft as neediness"));
    assert_true(with_model(t, NLP_COACH_NEEDINESS, &f));
    assert_int_equal(f.severity, 3);
}

/* When that doubt leaves no warning, the model names the problem it
 * reads: a call booked in the reader's diary inside a draft that takes
 * their plan out of their hands is talking down (one_up, the model's
 * flag), not the booking the lists alone warn of. */
static void
test_a_doubt_lets_the_model_name_the_problem(void **state)
{
    (void)state;
    const char *t =
        "Hi Tom, I went through your rollout plan last night and, to be "
        "frank, it won't work as written; your team has underestimated the "
        "training load by half. I've rewritten the schedule myself and "
        "attached the version we will use instead. There's no need for you "
        "to redo anything, I've taken care of it. I've put a call in your "
        "diary for Thursday at nine to walk your people through it. Best, "
        "Ana";
    nlp_coach_flag f;
    assert_true(warns(t, NULL, NLP_COACH_IMPOSITION));
    assert_false(warns(t, NULL, NLP_COACH_ONE_UP));
    assert_true(with_model(t, NLP_COACH_IMPOSITION, &f));
    assert_int_equal(f.severity, 1);
    assert_non_null(strstr(f.detail, "reads the draft as one_up"));
    assert_true(with_model(t, NLP_COACH_ONE_UP, &f));
    assert_int_equal(f.severity, 2);
    assert_string_equal(f.group, "model");
    assert_int_equal(main_with_model(t), NLP_COACH_ONE_UP);
}

/* A flag whose category the model itself finds likely enough to raise
 * (hype's threshold lies under 30%) is not doubted for another category
 * fitting too: superlatives in a draft about the sender stay hype, the
 * main problem, and the report never both raises and doubts hype. */
static void
test_model_keeps_a_flag_it_would_raise(void **state)
{
    (void)state;
    const char *t =
        "Hi Laura,\n\nOur new analytics suite is a genuine game-changer, the "
        "most powerful platform on the market, and it will transform your "
        "reporting overnight. I built the first version myself over two "
        "years and I'm proud of what my team and I have achieved. Let me "
        "know if you'd like a look.\n\nBest,\nMark";
    bool hype_fits, self_fits;
    double p = model_prob(t, NLP_COACH_HYPE, &hype_fits);
    model_prob(t, NLP_COACH_SELF_FOCUS, &self_fits);
    assert_true(p < 0.30 && hype_fits && self_fits);
    nlp_coach_flag f;
    assert_true(with_model(t, NLP_COACH_HYPE, &f));
    assert_true(f.severity >= 2);
    assert_false(doubted_with_model(t, NLP_COACH_HYPE));
    assert_int_equal(main_with_model(t), NLP_COACH_HYPE);
}

/* Under 30% likely but over 5%, with no other category fitting, a list's
 * flag stands: a deadline to reserve stock before a price rise stays
 * imposition. */
static void
test_model_keeps_a_flag_when_nothing_else_fits(void **state)
{
    (void)state;
    const char *t =
        "Hi Dev, great to see you at the fair. I have attached the brochure "
        "for the new range and a price list. Please reply by Friday if you "
        "want to reserve stock before the price rise. Best, Rui";
    bool fits;
    double p = model_prob(t, NLP_COACH_IMPOSITION, &fits);
    assert_true(p >= 0.05 && p < 0.30);
    for (int c = 0; c < NLP_COACH_NCATS; c++) {
        model_prob(t, (nlp_coach_cat)c, &fits);
        assert_false(fits);
    }
    nlp_coach_flag f;
    assert_true(with_model(t, NLP_COACH_IMPOSITION, &f));
    assert_true(f.severity >= 2);
    assert_null(strstr(f.detail, "doubts"));
    assert_int_equal(main_with_model(t), NLP_COACH_IMPOSITION);
}

/* The model may not call a draft pushy that leaves the reader an easy way
 * out, as the lists do not.  The first draft is one the model reads as
 * imposition (if a retrained model no longer does, pick another). */
static void
test_model_spares_an_easy_way_out(void **state)
{
    (void)state;
    const char *visit = "See you Thursday at 10 in your office. I will "
                        "bring the forms and the samples, and we can go "
                        "through the order together then.";
    char eased[256];
    snprintf(eased, sizeof eased, "%s No pressure at all.", visit);
    assert_true(model_says(visit, NLP_COACH_IMPOSITION));
    assert_false(model_says(eased, NLP_COACH_IMPOSITION));
}

/* A line or two gives the model too few words to weigh: it stays silent
 * on a draft of under 20 words, whatever it would have said on a longer
 * one.  (The long draft is one the model flags; if a retrained model no
 * longer does, pick another.) */
static void
test_model_skips_a_short_draft(void **state)
{
    (void)state;
    const char *line = "See you Thursday at 10 in your office.";
    char longer[256];
    snprintf(longer, sizeof longer,
             "%s I will bring the forms and the samples, and we can go "
             "through the order together then.",
             line);
    assert_true(model_says(longer, NLP_COACH_IMPOSITION));
    assert_int_equal(model_named(line), -1);
}

/* A condolence says sorry and offers anything at all: the lists read it
 * as care, and the model may not call it needy.  (The draft is one an
 * earlier model called needy.) */
static void
test_model_spares_a_condolence(void **state)
{
    (void)state;
    const char *t = "Dear Walter, I heard this morning that your mother "
                    "passed away. I am so sorry for your loss. Please do not "
                    "give a single thought to our project. If there is "
                    "anything at all I can do, even something small, you "
                    "know where to find me.";
    assert_int_not_equal(model_named(t), (int)NLP_COACH_NEEDINESS);
}

/* An ask the lists excuse for a value word that serves the sender (the
 * scope of the audit the reader is asked to buy, "attached") may still be
 * read as premature by the model; a thank-you that shares notes and asks
 * nothing is not.  (The first draft is one the model reads as an early
 * ask; if a retrained model no longer does, pick another.) */
static void
test_model_reads_an_ask_past_a_value_word(void **state)
{
    (void)state;
    const char *audit =
        "Dear Mr. Lindqvist, It was good to meet you briefly at the "
        "logistics fair in Gothenburg. I wondered whether you would "
        "consider ordering our route-planning audit for your depot. The "
        "audit takes four weeks and costs 6,200 euros; I have attached the "
        "scope for your review. If it is of interest, I would be happy to "
        "arrange a call at a time that suits you.";
    const char *notes =
        "Hi Marta, thank you again for the introduction to Felix last week; "
        "it turned into a really useful conversation. I wrote up the three "
        "pricing lessons he shared and attached them in case they help "
        "your team too. No need to reply.";
    assert_true(model_says(audit, NLP_COACH_PREMATURE_ASK));
    assert_int_equal(model_named(notes), -1);
}

/* A question and a warm word keep the lists from calling a draft empty,
 * but not the model: "just saying hi" with a "how's life?" gives the
 * reader nothing.  A congratulation, warm words only, stays unflagged.
 * (The first draft is one the model reads as empty; if a retrained model
 * no longer does, pick another.) */
static void
test_model_reads_warm_words_as_empty(void **state)
{
    (void)state;
    const char *hi = "sup Jo, how's life over there? nothing much going on "
                     "here, just saying hi so we don't go too long without "
                     "catching up";
    const char *congrats =
        "Huge congratulations on the new role, Dana! Well deserved after "
        "the year you have had. I hope the first weeks are kind to you and "
        "that the team makes you feel at home.";
    assert_true(model_says(hi, NLP_COACH_NO_VALUE));
    assert_int_equal(model_named(congrats), -1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hash_is_stable),
        cmocka_unit_test(test_words_are_stemmed),
        cmocka_unit_test(test_names_and_numbers_are_classes),
        cmocka_unit_test(test_sentence_shapes),
        cmocka_unit_test(test_sentences_and_spans),
        cmocka_unit_test(test_known_weights_give_known_probability),
        cmocka_unit_test(test_builtin_model_is_well_formed),
        cmocka_unit_test(test_model_flags_keep_the_report_shape),
        cmocka_unit_test(test_model_stays_quiet_beside_a_list_warning),
        cmocka_unit_test(test_model_spares_an_easy_way_out),
        cmocka_unit_test(test_model_doubts_an_offer_read_as_a_deadline),
        cmocka_unit_test(test_a_doubted_flag_leaves_the_others_standing),
        cmocka_unit_test(test_model_doubts_a_flag_when_another_problem_fits),
        cmocka_unit_test(test_a_doubt_lets_the_model_name_the_problem),
        cmocka_unit_test(test_model_keeps_a_flag_it_would_raise),
        cmocka_unit_test(test_model_keeps_a_flag_when_nothing_else_fits),
        cmocka_unit_test(test_model_skips_a_short_draft),
        cmocka_unit_test(test_model_spares_a_condolence),
        cmocka_unit_test(test_model_reads_an_ask_past_a_value_word),
        cmocka_unit_test(test_model_reads_warm_words_as_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
