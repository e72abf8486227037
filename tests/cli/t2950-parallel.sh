#!/bin/sh
# Several rapport processes writing at once never fail with "locked".
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' '
	rapport init >/dev/null &&
	rapport person add "Ada Byron" --email ada@x.example >/dev/null
'
test_expect_success 'four writers, fifty writes each, every record kept' '
	for w in 1 2 3 4; do
		(
			i=0
			while [ $i -lt 50 ]; do
				if [ $((i % 2)) = 0 ]; then
					rapport log ada --kind note --summary "w$w-$i" >/dev/null
				else
					rapport give ada --kind help "w$w-$i" >/dev/null
				fi || echo "w$w-$i failed" >>failures
				i=$((i + 1))
			done
		) 2>>errors &
	done &&
	wait &&
	test ! -s failures && ! grep -i "locked" errors &&
	rapport export >all &&
	test "$(grep -c "\"type\":\"interaction\"" all)" = 100 &&
	test "$(grep -c "\"type\":\"ledger\"" all)" = 100 &&
	sqlite3 "$RAPPORT_DB" "PRAGMA integrity_check" | grep "^ok$"
'
test_done
