#!/bin/sh
# rapport sentiment: VADER scores for a file, stdin, each line, or an email.
. "$(dirname "$0")/lib.sh"

# Until src/cli/main.c lists the command, say so and pass nothing.
if ! rapport sentiment --help >/dev/null 2>&1; then
	echo "# skipped: rapport has no sentiment command yet"
	echo "# $TEST_NAME: 0 passed, 0 failed"
	cd / && rm -rf "$TRASH"
	exit 0
fi

test_expect_success 'scores a file with the peer numbers' '
	echo "VADER is smart, handsome, and funny!" >in.txt &&
	rapport sentiment in.txt >out &&
	grep "^neg 0.000 neu 0.248 pos 0.752 compound 0.8439$" out
'

test_expect_success 'reads stdin, with or without -' '
	echo "The book was not good." | rapport sentiment >a &&
	echo "The book was not good." | rapport sentiment - >b &&
	test_cmp a b &&
	grep "compound -0.3412" a
'

test_expect_success '--json prints one object with four scores' '
	echo "I love this, but the ending was sad." | rapport sentiment --json >out &&
	test "$(json_get out "j.compound")" = "-0.3716" &&
	test "$(json_get out "Object.keys(j).join()")" = "neg,neu,pos,compound"
'

test_expect_success '--lines --json scores each line on its own' '
	printf "good\n\nbad!\nThe book was kind of good.\n" >in.txt &&
	rapport sentiment --lines --json in.txt >out &&
	test_line_count = 4 out &&
	test "$(json_get out "j.map(o => o.compound).join()")" = "0.4404,0,-0.5848,0.3832" &&
	test "$(json_get out "j[1].neu")" = "0" &&
	test "$(json_get out "j[3].line")" = "4"
'

test_expect_success '--lines without --json numbers the lines' '
	printf "good\nbad\n" | rapport sentiment --lines >out &&
	test_line_count = 2 out &&
	grep "^2: neg 1.000 neu 0.000 pos 0.000 compound -0.5423$" out
'

test_expect_success '--email scores only what the sender wrote' '
	printf "From: ann@example.com\nSubject: re: lunch\n\nThanks, that was wonderful!\n\n> It was a horrible, awful, terrible day.\n\n-- \nAnn, the worst sales rep\n" >mail.eml &&
	rapport sentiment --email --json mail.eml >out &&
	test "$(json_get out "j.neg")" = "0" &&
	rapport sentiment --json mail.eml >all &&
	test "$(json_get all "j.neg > 0")" = "true"
'

test_expect_success 'empty input scores all zeros' '
	rapport sentiment --json </dev/null >out &&
	test "$(json_get out "j.neu + j.compound")" = "0" &&
	rapport sentiment --lines </dev/null >out &&
	test_line_count = 0 out
'

test_expect_success 'invalid UTF-8 and binary input do not crash' '
	printf "good \377\376 \300\257 great\n" >bad.txt &&
	rapport sentiment --json bad.txt >out &&
	test "$(json_get out "j.compound > 0")" = "true" &&
	head -c 65536 /dev/urandom >bin &&
	rapport sentiment --lines bin >/dev/null &&
	rapport sentiment --email --lines --json bin >/dev/null
'

test_expect_success 'a missing file fails cleanly' '
	test_must_fail rapport sentiment nowhere.txt 2>err &&
	grep "cannot open '"'"'nowhere.txt'"'"'" err
'

test_expect_success 'two files are a usage error' '
	echo hi >a.txt &&
	test_exit_code 2 rapport sentiment a.txt a.txt 2>err &&
	grep "at most one" err
'

test_done
