#!/bin/sh
# bench/coach-eval on a tiny labelled set of its own: per-split figures,
# the pooled set with POOL=1, and held-out splits whose misses stay unlisted.
. "$(dirname "$0")/lib.sh"

REPO=$(cd "$FIXTURES/../.." && pwd)
BUILD_DIR=$(dirname "$RAPPORT")
mkdir -p drafts/one drafts/two drafts/three
# draft SPLIT NAME LABEL TEXT: writes one labelled draft.
draft() {
	printf 'label: %s\nsplit: %s\nkind: test\n---\n%s\n' "$3" "$1" "$4" \
		>"drafts/$1/$2.txt"
}
draft one 1-hype hype "Our tool is the BEST in the world, guaranteed!!!"
draft one 2-good good "Thanks for the intro to Sam yesterday, I owe you one. Here is the report you asked about: https://example.com/report"
draft two 3-hype hype "This is the most revolutionary product ever made, guaranteed!!!"
draft two 4-need neediness "Hi Jo, how was the trip to Lisbon with the kids?"
draft three 5-hype hype "Guaranteed results, the best deal ever!!!"
printf 'two\nthree\n' >drafts/held-out

evaluate() {
	BUILD="$BUILD_DIR" NOBUILD=1 DRAFTS="$TRASH/drafts" "$REPO/bench/coach-eval"
}

test_expect_success 'each split on its own, a summary line, one held-out split not pooled' '
	SPLIT="one two" evaluate >out &&
	grep "^== one: 2 drafts, 1 good" out &&
	grep "^== two: 2 drafts, 0 good" out &&
	! grep "pooled" out &&
	tail -1 out | grep "^coach-eval: one min precision"
'

test_expect_success 'POOL=1 adds the named splits counted as one set' '
	POOL=1 SPLIT="one two" evaluate >out &&
	grep "^== pooled (one two): 4 drafts, 1 good" out &&
	sed -n "/^== pooled/,/^\$/p" out >pooled &&
	grep "^  hype  *1.00  *1.00  *2  *2  *0  *0\$" pooled &&
	grep "^  neediness  *-  *0.00  *1  *0  *0  *1\$" pooled &&
	grep "^  main problem (or good) equals the label: 3/4 = 0.75" pooled &&
	tail -1 out | grep -v pooled
'

test_expect_success 'a held-out split never lists its misses' '
	VERBOSE=1 POOL=1 SPLIT="one two" evaluate >out &&
	! grep "4-need" out &&
	grep "^== two:" out
'

test_expect_success 'two held-out splits are also pooled, with a goal of their own' '
	VERBOSE=1 SPLIT="one two three" evaluate >out &&
	grep "^== held-out splits pooled (two three): 3 drafts, 0 good" out &&
	sed -n "/^== held-out/,/^\$/p" out >held &&
	grep "^  hype  *1.00  *1.00  *2  *2  *0  *0\$" held &&
	grep "^  neediness  *-  *0.00  *1  *0  *0  *1\$" held &&
	! grep "4-need" out &&
	tail -1 out | grep "; held-out pooled (3 drafts) min precision 1.00, min recall 0.00, good>=70 0.00: not met\$"
'

test_expect_success 'coach-diff compares two drivers on the development splits only' '
	BUILD_ABS=$(cd "$BUILD_DIR" && pwd) &&
	DRAFTS="$TRASH/drafts" "$REPO/bench/coach-diff" "$BUILD_ABS" "$BUILD_ABS" >out &&
	grep "^coach-diff: 2 development drafts, main problem fixed 0, lost 0\$" out &&
	! "$REPO/bench/coach-diff" "$TRASH/nowhere" "$BUILD_ABS" 2>err &&
	grep "nowhere/bench/coach_driver is missing" err
'

test_expect_success 'coach-retrain refuses a held-out batch and a malformed pair before any work' '
	! "$REPO/bench/coach-retrain" test=HEAD 2>err &&
	grep "^coach-retrain: test is held out; it is never trained on or studied\$" err &&
	! "$REPO/bench/coach-retrain" dev 2>err &&
	grep "^coach-retrain: .dev. is not BATCH=COMMIT\$" err &&
	! "$REPO/bench/coach-retrain" dev=no-such-commit 2>err &&
	grep "^coach-retrain: no commit .no-such-commit.\$" err
'

test_expect_success 'the word lists: a phrase over eight words stops the build, naming file and line' '
	mkdir -p lists &&
	printf "# c\n[loud] 2 | Say it softly.\nact now\none two three four five six seven eight\n" >lists/hype.txt &&
	"$REPO/scripts/embed-coach" lists/hype.txt >ok.c &&
	grep "\"one two three four five six seven eight\"" ok.c &&
	echo "one two three four five six seven eight nine" >>lists/hype.txt &&
	! "$REPO/scripts/embed-coach" lists/hype.txt >bad.c 2>err &&
	grep "^lists/hype.txt:5: a phrase has at most 8 words\$" err
'

test_expect_success 'coach-mail counts the flags on the sent messages of a Maildir tree' '
	mkdir -p mail/ann/sent/cur mail/ann/inbox/cur &&
	printf "From: a@x\r\nSubject: hi\r\n\r\nACT NOW, the best deal ever, guaranteed!!!\r\n" \
		>mail/ann/sent/cur/1 &&
	printf "From: a@x\nSubject: lunch\n\nLunch on Friday works for me.\n" \
		>mail/ann/sent/cur/2 &&
	printf "From: b@x\nSubject: x\n\nACT NOW, guaranteed!!!\n" >mail/ann/inbox/cur/3 &&
	MAILDIR="$TRASH/mail" BUILD="$BUILD_DIR" NOBUILD=1 "$REPO/bench/coach-mail" >out &&
	grep "^coach-mail: 2 sent messages of $TRASH/mail" out &&
	grep "^  hype  *1\$" out &&
	grep "^  any category  *1\$" out &&
	MAILDIR="$TRASH/none" "$REPO/bench/coach-mail" >out &&
	grep "^coach-mail: no Maildir tree at $TRASH/none; nothing to measure\$" out
'

test_done
