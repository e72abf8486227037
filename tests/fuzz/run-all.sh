#!/bin/sh
# Runs each libFuzzer binary for a few seconds from its seed corpus and
# prints one closing line.  A crash leaves its input in build-fuzz/crashes/.
seconds=$1; shift
passed=0 failed=0
here=$(cd "$(dirname "$0")" && pwd)
for f in "$@"; do
	name=$(basename "$f" | sed 's/^fuzz_//')
	seeds="$here/corpus/$name"
	work=$(mktemp -d)
	[ -d "$seeds" ] && cp -r "$seeds"/. "$work"/ 2>/dev/null
	mkdir -p build-fuzz/crashes
	if "$f" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 \
		-artifact_prefix=build-fuzz/crashes/"$name"- "$work" >"$work.log" 2>&1; then
		runs=$(grep -o 'Done [0-9]* runs' "$work.log" | tail -1)
		echo "fuzz $name: ok ($runs in ${seconds}s)"
		passed=$((passed + 1))
	else
		echo "fuzz $name: FAILED"; tail -40 "$work.log"
		failed=$((failed + 1))
	fi
	rm -rf "$work" "$work.log"
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
