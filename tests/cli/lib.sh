# lib.sh - a small test harness for rapport's end-to-end CLI scripts.
#
# Each tNNNN-*.sh script sources this file, then calls test_expect_success
# 'title' 'commands' for each step and test_done at the end.  Every script
# runs in a fresh temporary directory with its own database ($RAPPORT_DB),
# a fixed clock ($RAPPORT_NOW) and TZ=UTC, so output is reproducible.
# Commands run under `set -e`-like chaining: write them joined with &&.

: "${RAPPORT:?set RAPPORT to the rapport binary}"
TEST_NAME=$(basename "$0" .sh)
FIXTURES=$(cd "$(dirname "$0")/../data" && pwd)
TRASH=$(mktemp -d "${TMPDIR:-/tmp}/rapport-$TEST_NAME.XXXXXX")
export RAPPORT_HOME="$TRASH/home" XDG_DATA_HOME="$TRASH/xdg"
export RAPPORT_DB="$TRASH/rapport.db" RAPPORT_NOW="2026-06-15T12:00:00Z"
export TZ=UTC LC_ALL=C.UTF-8
mkdir -p "$RAPPORT_HOME"
cd "$TRASH" || exit 1
test_count=0 test_failed=0 test_broken=0

rapport() { "$RAPPORT" "$@"; }

say_fail() { printf 'not ok %d - %s\n' "$test_count" "$1"; }

# test_expect_success TITLE SCRIPT: SCRIPT must exit 0.
test_expect_success() {
	test_count=$((test_count + 1))
	if (eval "$2") >"$TRASH/.log" 2>&1; then
		printf 'ok %d - %s\n' "$test_count" "$1"
	else
		test_failed=$((test_failed + 1))
		say_fail "$1"
		sed 's/^/#   /' "$TRASH/.log"
		printf '#   script:%s\n' "$2" | sed '2,$s/^/#   /'
	fi
}

# A known bug, recorded as a test before it is fixed.
test_expect_failure() {
	test_count=$((test_count + 1))
	if (eval "$2") >"$TRASH/.log" 2>&1; then
		printf 'ok %d - %s # fixed, was known broken\n' "$test_count" "$1"
	else
		test_broken=$((test_broken + 1))
		printf 'not ok %d - %s # TODO known breakage\n' "$test_count" "$1"
	fi
}

# test_must_fail CMD...: CMD must fail with exit 1 or 2, not crash.
test_must_fail() {
	"$@"
	rc=$?
	if [ $rc -eq 0 ]; then echo "test_must_fail: '$*' succeeded" >&2; return 1; fi
	if [ $rc -gt 2 ]; then echo "test_must_fail: '$*' died with $rc" >&2; return 1; fi
	return 0
}

# test_exit_code N CMD...: CMD must exit with status N.
test_exit_code() {
	want=$1; shift
	"$@"
	rc=$?
	[ $rc -eq "$want" ] || { echo "expected exit $want, got $rc: $*" >&2; return 1; }
}

# test_line_count OP N FILE
test_line_count() {
	n=$(wc -l <"$3")
	[ "$n" "$1" "$2" ] || { echo "line count of $3 is $n, not $1 $2" >&2; cat "$3" >&2; return 1; }
}

# test_cmp EXPECTED ACTUAL
test_cmp() { diff -u "$1" "$2"; }

# json_get FILE EXPR: evaluate a JS expression on the parsed JSON in FILE
# (bound to `j`), printing the result; uses node, which install-deps provides.
json_get() {
	node -e 'const fs=require("fs");const t=fs.readFileSync(process.argv[1],"utf8");
const j=t.trim().startsWith("[")||t.trim().startsWith("{")&&!t.trim().includes("\n{")?JSON.parse(t):t.trim().split("\n").map(l=>JSON.parse(l));
const v=eval(process.argv[2]);console.log(typeof v==="object"?JSON.stringify(v):v)' "$1" "$2"
}

test_done() {
	passed=$((test_count - test_failed - test_broken))
	echo "# $TEST_NAME: $passed passed, $test_failed failed"
	cd / && rm -rf "$TRASH"
	[ "$test_failed" -eq 0 ]
}
