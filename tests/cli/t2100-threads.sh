#!/bin/sh
# Reply signals in `person show`, and a bounded `today` however many
# commitments are due.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: a person with three mail threads' '
	rapport init >/dev/null &&
	cat >book.jsonl <<-\EOF &&
	{"type":"person","id":2,"name":"Ada Byron","emails":["ada@x.example"]}
	{"type":"interaction","id":1,"kind":"email","dir":"out","at":"2026-06-01T09:00:00Z","summary":"intro","thread":"a","people":[2]}
	{"type":"interaction","id":2,"kind":"email","dir":"in","at":"2026-06-01T11:00:00Z","summary":"Re: intro","thread":"a","people":[2]}
	{"type":"interaction","id":3,"kind":"email","dir":"out","at":"2026-06-01T16:00:00Z","summary":"Re: intro","thread":"a","people":[2]}
	{"type":"interaction","id":4,"kind":"email","dir":"in","at":"2026-06-05T08:00:00Z","summary":"question","thread":"b","people":[2]}
	{"type":"interaction","id":5,"kind":"email","dir":"out","at":"2026-06-05T09:00:00Z","summary":"Re: question","thread":"b","people":[2]}
	{"type":"interaction","id":6,"kind":"email","dir":"in","at":"2026-06-05T13:00:00Z","summary":"Re: question","thread":"b","people":[2]}
	{"type":"interaction","id":7,"kind":"email","dir":"in","at":"2026-06-10T08:00:00Z","summary":"newsletter","thread":"c","automated":true,"people":[2]}
	{"type":"interaction","id":8,"kind":"call","dir":"out","at":"2026-06-11T08:00:00Z","summary":"call","people":[2]}
	EOF
	rapport import book.jsonl >/dev/null
'
test_expect_success 'person show says who starts threads and how fast each side replies' '
	rapport person show ada >out &&
	grep "conversations: 2 threads, they started 1, you 1" out &&
	grep "they reply in 2 h (median of 2)" out &&
	grep "you reply in 1 h (median of 2)" out
'
test_expect_success 'person show --json carries the same signals in seconds' '
	rapport person show ada --json >j &&
	test "$(json_get j "j.threads.count")" = 2 &&
	test "$(json_get j "j.threads.started_by_them")" = 1 &&
	test "$(json_get j "j.threads.their_reply_median_s")" = 7200 &&
	test "$(json_get j "j.threads.your_reply_median_s")" = 3600
'
test_expect_success 'a person without threads shows no conversation line' '
	rapport person add "Grace Hopper" >/dev/null &&
	rapport person show grace >out && ! grep "conversations:" out &&
	rapport person show grace --json >j &&
	test "$(json_get j "j.threads.their_reply_median_s")" = null
'
test_expect_success 'today lists the 20 most overdue commitments and counts the rest' '
	i=0 && while [ $i -lt 25 ]; do
		rapport commitment add grace "promise $i" --due "$((30 - i)) days ago" >/dev/null || return 1
		i=$((i + 1))
	done &&
	rapport today >out &&
	grep "commitments due (25)" out &&
	test "$(grep -c "OVERDUE" out)" = 20 &&
	grep "promise 0 " out && ! grep "promise 24 " out &&
	grep "and 5 more: rapport commitment list" out &&
	rapport today --json >j &&
	test "$(json_get j "j.commitments.length")" = 20 &&
	test "$(json_get j "j.commitments_total")" = 25 &&
	test "$(json_get j "j.commitments[0].name")" = "Grace Hopper"
'
test_done
