#!/bin/sh
# The demo book generates, imports and fills every section of today.
. "$(dirname "$0")/lib.sh"
GEN="$(dirname "$RAPPORT")/tools/demo-gen"
BOOK="$(cd "$(dirname "$0")/../.." && pwd)/data/demo/book.json"

test_expect_success 'the generator is deterministic for a clock and seed' '
	"$GEN" --book "$BOOK" --now "$RAPPORT_NOW" --seed 7 >a.jsonl &&
	"$GEN" --book "$BOOK" --now "$RAPPORT_NOW" --seed 7 >b.jsonl &&
	test_cmp a.jsonl b.jsonl
'
test_expect_success 'the demo imports: 31 people in 6 organisations' '
	rapport import a.jsonl >/dev/null &&
	rapport person list --json >j && test "$(json_get j "j.length")" = 31 &&
	rapport org list --json >j && test "$(json_get j "j.length")" = 6
'
test_expect_success 'every section of today has something' '
	rapport today --json >j &&
	for k in going_cold meetings commitments dates asks_pending learn waiting_on_you; do
		n=$(json_get j "j.$k.length") && test "$n" -gt 0 || { echo "$k empty"; exit 1; }
	done
'
test_expect_success 'the demo shows all three readiness verdicts' '
	rapport ready hannah --offering "Data strategy workshop" --json >j &&
	test "$(json_get j "j.verdict")" = ready &&
	rapport ready priya --offering "Data strategy workshop" --json >j &&
	test "$(json_get j "j.verdict")" = "not yet" &&
	rapport ready ben --offering "Fractional CDO retainer" --json >j &&
	test "$(json_get j "j.verdict")" = no
'
test_done
