#!/bin/sh
# Health, the contact clock, readiness verdicts and the day's list.
. "$(dirname "$0")/lib.sh"

status() { rapport person show "$1" --json >j && json_get j "j.health.status"; }

test_expect_success 'setup: people with different last contacts' '
	rapport init >/dev/null &&
	rapport me --name "Sam Lee" --email sam@me.example >/dev/null &&
	for p in Fay Dan Olga Nell; do
		rapport person add "$p" --email $p@x.example --cadence 30 >/dev/null || exit 1
	done &&
	rapport log fay --kind call --at "5 days ago" >/dev/null &&
	rapport log dan --kind call --at "40 days ago" >/dev/null &&
	rapport log olga --kind call --at "70 days ago" >/dev/null
'
test_expect_success 'status follows the ideal and maximum intervals' '
	test "$(status fay)" = "on track" && test "$(status dan)" = due &&
	test "$(status olga)" = overdue && test "$(status nell)" = "never contacted"
'
test_expect_success 'health is explained by four weighted factors' '
	rapport person show dan --json >j &&
	test "$(json_get j "j.health.factors.map(f=>f.name).join()")" = recency,frequency,initiative,balance &&
	test "$(json_get j "j.health.days_since")" = 40 &&
	rapport person show dan >out && grep "last contact 40 days ago; ideal every 30 days" out
'
test_expect_success 'any logged contact resets the clock' '
	rapport person show olga --json >j && before=$(json_get j "j.health.score") &&
	rapport log olga --kind message --dir in --summary "hi!" >/dev/null &&
	test "$(status olga)" = "on track" &&
	rapport person show olga --json >j && after=$(json_get j "j.health.score") &&
	test "$after" -gt "$before"
'
test_expect_success 'notes and future meetings do not count as contact' '
	rapport log nell --kind note --summary "met at a party?" >/dev/null &&
	rapport log nell --kind meeting --at "in 3 days" >/dev/null &&
	test "$(status nell)" = "never contacted"
'
test_expect_success 'today ranks who is going cold, with a value idea' '
	rapport person edit dan --goal "hire a data team" >/dev/null &&
	rapport today --json >j &&
	test "$(json_get j "j.going_cold.map(c=>c.name).join()")" = "Dan" &&
	json_get j "j.going_cold[0].value_idea" | grep "hire a data team"
'
test_expect_success 'today lists meetings, promises, birthdays, asks, waiting' '
	rapport person edit fay --birthday --06-18 >/dev/null &&
	rapport commitment add dan "send the rubric" --due "2 days ago" >/dev/null &&
	rapport commitment add fay "intro to their CFO" --theirs --due "in 2 days" >/dev/null &&
	rapport ask fay "a referral" >/dev/null &&
	rapport log fay --kind email --dir in --at "1 hour ago" --summary "question?" >/dev/null &&
	rapport today --json >j &&
	test "$(json_get j "j.meetings.length")" = 1 &&
	test "$(json_get j "j.commitments.map(c=>c.overdue).join()")" = true,false &&
	test "$(json_get j "j.dates[0].in_days")" = 3 &&
	test "$(json_get j "j.asks_pending[0].text")" = "a referral" &&
	test "$(json_get j "j.waiting_on_you[0].name")" = "Fay" &&
	rapport today >out &&
	grep "OVERDUE  you owe Dan: send the rubric" out &&
	grep "Fay  *birthday in 3 days" out
'
test_expect_success 'today suggests learning about close people' '
	rapport person add "Close Friend" --tier inner >/dev/null &&
	rapport today --json >j &&
	json_get j "j.learn.map(l=>l.name).join()" | grep "Close Friend"
'
setup_ready() {
	rapport person add "Ripe Rita" --email rita@x.example >/dev/null &&
	rapport log rita --kind email --dir in --at "60 days ago" >/dev/null &&
	rapport log rita --kind call --dir out --at "50 days ago" >/dev/null &&
	rapport log rita --kind email --dir in --at "3 days ago" >/dev/null &&
	for k in intro resource help; do
		rapport give rita --kind $k "something useful" --at "40 days ago" >/dev/null || return 1
	done
}
test_expect_success 'ready: generous, trusted and believing' '
	setup_ready &&
	rapport offering add Workshop --conviction 5 >/dev/null &&
	rapport ready rita --offering workshop --json >j &&
	test "$(json_get j "j.verdict")" = ready &&
	test "$(json_get j "j.checks.every(c=>c.pass)")" = true
'
test_expect_success 'not yet: an overdue promise to them, with the remedy' '
	rapport commitment add rita "send notes" --due yesterday --json >c && cid=$(json_get c "j.id") &&
	rapport ready rita --offering workshop >out &&
	grep "^Ripe Rita: not yet" out && grep "keep your 1 overdue promise" out &&
	rapport commitment done $cid >/dev/null &&
	rapport ready rita --offering workshop --json >j && test "$(json_get j "j.verdict")" = ready
'
test_expect_success 'no: an offering the user does not believe in' '
	rapport offering add Retainer --conviction 2 >/dev/null &&
	rapport ready rita --offering retainer --json >j &&
	test "$(json_get j "j.verdict")" = no && json_get j "j.summary" | grep "conviction"
'
test_expect_success 'no: asking again and again without giving' '
	rapport ask dan "buy this" >/dev/null && rapport ask dan "or this" >/dev/null &&
	rapport ready dan --json >j && test "$(json_get j "j.verdict")" = no
'
test_expect_success 'search finds people by interest, orgs, and conversations' '
	rapport person edit rita --interest "sourdough baking" --org "Acme Bakery" >/dev/null &&
	rapport log rita --kind email --summary "about the quarterly budget" >/dev/null &&
	rapport search sourdough --json >j && test "$(json_get j "j[0].kind")" = person &&
	rapport search acme --json >j && test "$(json_get j "j.map(h=>h.kind).includes(\"org\")")" = true &&
	rapport search budget --json >j && test "$(json_get j "j[0].kind")" = interaction &&
	rapport search "zzz-nothing" >out 2>err && grep "no matches" err
'
test_done
