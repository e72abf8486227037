#!/bin/sh
# Runs every tests/cli/tNNNN-*.sh script and prints one closing line.
dir=$(cd "$(dirname "$0")" && pwd)
passed=0 failed=0 scripts_failed=""
for t in "$dir"/t[0-9][0-9][0-9][0-9]-*.sh; do
	[ -e "$t" ] || continue
	out=$(sh "$t" 2>&1)
	printf '%s\n' "$out"
	line=$(printf '%s\n' "$out" | sed -n 's/^# .*: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' | tail -1)
	if [ -z "$line" ]; then
		failed=$((failed + 1)); scripts_failed="$scripts_failed $(basename "$t")"
		continue
	fi
	set -- $line
	passed=$((passed + $1)); failed=$((failed + $2))
	[ "$2" -eq 0 ] || scripts_failed="$scripts_failed $(basename "$t")"
done
[ -z "$scripts_failed" ] || echo "failing scripts:$scripts_failed"
echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
