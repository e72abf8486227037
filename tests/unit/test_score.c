/* Unit tests for core/score: health decay, generosity and readiness. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/score.h"

static const int64_t NOW = 1781524800; /* 2026-06-15T12:00:00Z */
static const int64_t DAY = 86400;

static rp_stats
stats(int n_in, int n_out, int first_days_ago, int last_days_ago)
{
    rp_stats s = {0};
    s.n_in = n_in;
    s.n_out = n_out;
    s.first_at = NOW - first_days_ago * DAY;
    s.last_at = NOW - last_days_ago * DAY;
    return s;
}

static void
test_score_cadence_from_tier_or_explicit(void **state)
{
    assert_int_equal(score_cadence_days(0, "inner"), 14);
    assert_int_equal(score_cadence_days(0, "active"), 30);
    assert_int_equal(score_cadence_days(0, "network"), 90);
    assert_int_equal(score_cadence_days(0, NULL), 60);
    assert_int_equal(score_cadence_days(21, "network"), 21);
}

static void
test_score_no_contact_is_never_and_low(void **state)
{
    score_health h;
    score_health_compute(NULL, NULL, 30, NOW, &h);
    assert_int_equal(h.status, CADENCE_NEVER);
    assert_int_equal(h.days_since, -1);
    assert_true(h.score <= 10);
    assert_string_equal(h.factors[0].name, "recency");
    assert_true(h.factors[0].value == 0.0);
}

static void
test_score_recency_halves_each_cadence(void **state)
{
    score_health h;
    rp_stats s = stats(3, 3, 300, 0);
    score_health_compute(&s, NULL, 30, NOW, &h);
    assert_int_equal(h.status, CADENCE_ON_TRACK);
    assert_true(h.factors[0].value > 0.999);
    s = stats(3, 3, 300, 30);
    score_health_compute(&s, NULL, 30, NOW, &h);
    assert_true(h.factors[0].value > 0.499 && h.factors[0].value < 0.501);
    s = stats(3, 3, 300, 60);
    score_health_compute(&s, NULL, 30, NOW, &h);
    assert_true(h.factors[0].value > 0.249 && h.factors[0].value < 0.251);
}

static void
test_score_status_boundaries(void **state)
{
    score_health h;
    rp_stats s = stats(1, 1, 100, 29);
    score_health_compute(&s, NULL, 30, NOW, &h);
    assert_int_equal(h.status, CADENCE_ON_TRACK);
    s = stats(1, 1, 100, 30); /* the decay instant: due, not on track */
    score_health_compute(&s, NULL, 30, NOW, &h);
    assert_int_equal(h.status, CADENCE_DUE);
    s = stats(1, 1, 100, 59);
    score_health_compute(&s, NULL, 30, NOW, &h);
    assert_int_equal(h.status, CADENCE_DUE);
    s = stats(1, 1, 100, 60);
    score_health_compute(&s, NULL, 30, NOW, &h);
    assert_int_equal(h.status, CADENCE_OVERDUE);
    assert_int_equal(h.max_days, 60);
}

static void
test_score_contact_resets_the_clock(void **state)
{
    score_health before, after;
    rp_stats s = stats(2, 2, 200, 90);
    score_health_compute(&s, NULL, 30, NOW, &before);
    s.n_out++;
    s.last_at = NOW; /* one logged call */
    score_health_compute(&s, NULL, 30, NOW, &after);
    assert_int_equal(before.status, CADENCE_OVERDUE);
    assert_int_equal(after.status, CADENCE_ON_TRACK);
    assert_true(after.score > before.score + 20);
}

static void
test_score_initiative_rewards_their_reaching_out(void **state)
{
    score_health one_way, two_way;
    rp_stats s = stats(0, 10, 100, 1);
    score_health_compute(&s, NULL, 30, NOW, &one_way);
    s = stats(5, 5, 100, 1);
    score_health_compute(&s, NULL, 30, NOW, &two_way);
    assert_true(one_way.factors[2].value == 0.0);
    assert_true(two_way.factors[2].value == 1.0);
    assert_true(two_way.score > one_way.score);
}

static void
test_score_future_contact_does_not_count(void **state)
{
    score_health h;
    rp_stats s = stats(0, 1, 0, 0);
    s.first_at = s.last_at = NOW + 3 * DAY; /* a meeting next week */
    score_health_compute(&s, NULL, 30, NOW, &h);
    assert_int_equal(h.status, CADENCE_NEVER);
}

static void
test_score_generosity_balance_and_ratio(void **state)
{
    score_ledger l = {.given = 6, .received = 2, .asks = 2};
    score_generosity g;
    score_generosity_compute(&l, &g);
    assert_int_equal(g.balance, 4);
    assert_true(g.ratio == 3.0);
    l.asks = 0;
    score_generosity_compute(&l, &g);
    assert_true(g.ratio < 0); /* no asks yet: no ratio */
}

static void
test_score_ledger_totals(void **state)
{
    rp_ledger v[] = {
        {.type = "give", .at = NOW - 10 * DAY},
        {.type = "ask", .at = NOW - 5 * DAY, .outcome = "pending"},
        {.type = "give", .at = NOW - 20 * DAY},
        {.type = "receive", .at = NOW - 2 * DAY},
        {.type = "ask", .at = NOW - 1 * DAY, .outcome = "no"},
    };
    score_ledger l;
    score_ledger_totals(v, 5, &l);
    assert_int_equal(l.given, 2);
    assert_int_equal(l.received, 1);
    assert_int_equal(l.asks, 2);
    assert_int_equal(l.asks_pending, 1);
    assert_int_equal(l.asks_no, 1);
    assert_int_equal(l.first_given_at, NOW - 20 * DAY);
    assert_int_equal(l.first_ask_at, NOW - 5 * DAY);
}

static void
test_score_commitment_overdue_both_ways(void **state)
{
    rp_commitment v[] = {
        {.dir = "mine", .due = NOW - DAY},
        {.dir = "mine", .due = NOW + DAY},
        {.dir = "mine", .due = NOW - 9 * DAY, .done_at = NOW - 2 * DAY},
        {.dir = "theirs", .due = NOW - 3 * DAY},
    };
    score_commitments c;
    score_commitment_totals(v, 4, NOW, &c);
    assert_int_equal(c.mine_open, 2);
    assert_int_equal(c.mine_overdue, 1);
    assert_int_equal(c.mine_done, 1);
    assert_int_equal(c.mine_done_late, 1);
    assert_int_equal(c.theirs_overdue, 1);
}

static score_readiness
readiness(score_ledger l, rp_stats s, score_commitments c, int conviction)
{
    score_health h;
    score_readiness r;
    score_health_compute(&s, &l, 30, NOW, &h);
    score_readiness_compute(&s, &l, &c, &h, conviction, &r);
    return r;
}

static void
test_score_ready_when_generous_trusted_and_believing(void **state)
{
    score_ledger l = {.given = 3, .first_given_at = NOW - 60 * DAY};
    score_commitments c = {.mine_done = 1};
    score_readiness r = readiness(l, stats(3, 3, 120, 2), c, 5);
    assert_int_equal(r.verdict, READY_YES);
    assert_true(r.trust_earned);
    assert_true(r.believes);
    for (int i = 0; i < r.nchecks; i++)
        assert_true(r.checks[i].pass);
}

static void
test_score_exactly_one_gift_short_is_not_yet(void **state)
{
    score_ledger l = {.given = 2, .first_given_at = NOW - 60 * DAY};
    score_commitments c = {0};
    score_readiness r = readiness(l, stats(3, 3, 120, 2), c, 5);
    assert_int_equal(r.verdict, READY_NOT_YET);
    assert_string_equal(r.checks[0].name, "generous");
    assert_false(r.checks[0].pass);
    assert_non_null(strstr(r.checks[0].todo, "give 1 more"));
}

static void
test_score_ask_before_value_is_flagged(void **state)
{
    score_ledger l = {.given = 4,
                      .asks = 1,
                      .first_ask_at = NOW - 90 * DAY,
                      .first_given_at = NOW - 60 * DAY,
                      .asks_yes = 1};
    score_commitments c = {0};
    score_readiness r = readiness(l, stats(3, 3, 120, 2), c, 5);
    assert_int_equal(r.verdict, READY_NOT_YET);
    assert_string_equal(r.checks[1].name, "value_first");
    assert_false(r.checks[1].pass);
    assert_non_null(strstr(r.checks[1].evidence, "asked before"));
}

static void
test_score_low_conviction_is_no(void **state)
{
    score_ledger l = {.given = 5, .first_given_at = NOW - 60 * DAY};
    score_commitments c = {0};
    score_readiness r = readiness(l, stats(3, 3, 120, 2), c, 2);
    assert_int_equal(r.verdict, READY_NO);
    assert_non_null(strstr(r.summary, "conviction"));
    r = readiness(l, stats(3, 3, 120, 2), c, 3);
    assert_int_equal(r.verdict, READY_NOT_YET);
}

static void
test_score_taking_without_giving_is_no(void **state)
{
    score_ledger l = {.asks = 2, .first_ask_at = NOW - 9 * DAY, .asks_no = 2};
    score_commitments c = {0};
    score_readiness r = readiness(l, stats(3, 3, 120, 2), c, 0);
    assert_int_equal(r.verdict, READY_NO);
}

static void
test_score_overdue_promise_blocks_the_ask(void **state)
{
    score_ledger l = {.given = 5, .first_given_at = NOW - 60 * DAY};
    score_commitments c = {.mine_overdue = 1};
    score_readiness r = readiness(l, stats(3, 3, 120, 2), c, 5);
    assert_int_equal(r.verdict, READY_NOT_YET);
    assert_false(r.checks[4].pass);
    assert_string_equal(r.checks[4].name, "kept_commitments");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_score_cadence_from_tier_or_explicit),
        cmocka_unit_test(test_score_no_contact_is_never_and_low),
        cmocka_unit_test(test_score_recency_halves_each_cadence),
        cmocka_unit_test(test_score_status_boundaries),
        cmocka_unit_test(test_score_contact_resets_the_clock),
        cmocka_unit_test(test_score_initiative_rewards_their_reaching_out),
        cmocka_unit_test(test_score_future_contact_does_not_count),
        cmocka_unit_test(test_score_generosity_balance_and_ratio),
        cmocka_unit_test(test_score_ledger_totals),
        cmocka_unit_test(test_score_commitment_overdue_both_ways),
        cmocka_unit_test(test_score_ready_when_generous_trusted_and_believing),
        cmocka_unit_test(test_score_exactly_one_gift_short_is_not_yet),
        cmocka_unit_test(test_score_ask_before_value_is_flagged),
        cmocka_unit_test(test_score_low_conviction_is_no),
        cmocka_unit_test(test_score_taking_without_giving_is_no),
        cmocka_unit_test(test_score_overdue_promise_blocks_the_ask),
    };
    return cmocka_run_group_tests_name("score", tests, NULL, NULL);
}
