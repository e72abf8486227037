#!/bin/sh
# Export and import: lossless round trip, idempotence, bad lines change nothing.
. "$(dirname "$0")/lib.sh"

test_expect_success 'build a varied book' '
	rapport init >/dev/null &&
	rapport me --name "Sam Lee" --email sam@me.example >/dev/null &&
	rapport org add Northwind --domain northwind.example --goal "go to cloud" >/dev/null &&
	rapport person add "Ada Byron" --email ada@northwind.example --org Northwind \
		--interest "sailing, boats & \"knots\"" --birthday --04-12 --tier inner >/dev/null &&
	rapport person add "Grace Hopper" --email grace@x.example --phone "+1 555 0100" >/dev/null &&
	printf "line one\nline two: caf\303\251\n" >body.txt &&
	rapport log ada grace --kind meeting --at "3 days ago" --summary "lunch" --body body.txt >/dev/null &&
	rapport log ada --kind email --dir in --at yesterday --summary "thanks!" >/dev/null &&
	rapport offering add Workshop --conviction 4 --description "two days" >/dev/null &&
	rapport give ada --kind intro introduced her to Grace >/dev/null &&
	rapport received grace --kind advice pricing tips >/dev/null &&
	rapport ask ada buy the workshop --offering Workshop >/dev/null &&
	rapport commitment add ada "send rubric" --due "next friday" >/dev/null &&
	rapport commitment add grace "send deck" --theirs --due yesterday >/dev/null &&
	rapport commitment done 2 >/dev/null &&
	rapport deal add "Q3 workshop" --org Northwind --person ada --amount 12000.50 --stage proposal >/dev/null
'
test_expect_success 'export writes a header and one line per record' '
	rapport export >all.jsonl &&
	head -1 all.jsonl | grep "\"type\":\"rapport\"" &&
	test_line_count = 14 all.jsonl
'
test_expect_success 'a round trip into a fresh database loses nothing' '
	rapport --db copy.db import all.jsonl >out &&
	grep "imported 13 records" out &&
	rapport --db copy.db export >again.jsonl &&
	test_cmp all.jsonl again.jsonl
'
test_expect_success 'amounts keep their cents' '
	rapport --db copy.db deal list --json >j &&
	test "$(json_get j "j[0].amount")" = 1200050
'
test_expect_success 'importing the same file again adds nothing' '
	rapport --db copy.db import all.jsonl --json >j &&
	test "$(json_get j "j.added")" = 0 &&
	test "$(json_get j "j.skipped")" = 13 &&
	rapport --db copy.db export >third.jsonl && test_cmp all.jsonl third.jsonl
'
test_expect_success 'import reads stdin and the export file is private' '
	rapport export --output priv.jsonl && test "$(stat -c %a priv.jsonl)" = 600 &&
	rapport --db piped.db import - <priv.jsonl >out && grep "imported 13" out
'
check_bad_line() {
	# $1: what the message must contain; stdin: lines to append
	cp all.jsonl bad.jsonl && cat >>bad.jsonl &&
	rapport --db copy.db export >before &&
	test_exit_code 1 rapport --db copy.db import bad.jsonl 2>err &&
	grep -- "$1" err && grep "database is unchanged" err &&
	rapport --db copy.db export >after && test_cmp before after
}
test_expect_success 'a line that is not JSON names the file and line' '
	echo "{not json" | check_bad_line "bad.jsonl:15"
'
test_expect_success 'an unknown field is refused, not dropped' '
	echo "{\"type\":\"person\",\"id\":50,\"name\":\"X\",\"nickname\":\"x\"}" |
		check_bad_line "unknown field .nickname."
'
test_expect_success 'a bad enum value names the field and the allowed values' '
	echo "{\"type\":\"ledger\",\"id\":90,\"person_id\":2,\"entry\":\"bribe\",\"text\":\"x\",\"at\":\"2026-01-01T00:00:00Z\"}" |
		check_bad_line "field .entry.: expected give, receive or ask"
'
test_expect_success 'a bad time is refused with the expected form' '
	echo "{\"type\":\"interaction\",\"id\":90,\"kind\":\"call\",\"dir\":\"out\",\"at\":\"last tuesday\",\"people\":[2]}" |
		check_bad_line "ISO 8601"
'
test_expect_success 'a reference to a missing person is refused' '
	echo "{\"type\":\"interaction\",\"id\":90,\"kind\":\"call\",\"dir\":\"out\",\"at\":\"2026-01-01T00:00:00Z\",\"people\":[777]}" |
		check_bad_line "no person with id 777"
'
# Into an empty book the references are checked once, at the end of the
# load: still refused, still naming the record, still leaving nothing.
test_expect_success 'into an empty book, a link to a missing person is refused' '
	rapport --db empty1.db init >/dev/null &&
	{ cat all.jsonl &&
	  echo "{\"type\":\"interaction\",\"id\":90,\"kind\":\"call\",\"dir\":\"out\",\"at\":\"2026-01-01T00:00:00Z\",\"people\":[2,777]}"; } >bad.jsonl &&
	test_exit_code 1 rapport --db empty1.db import bad.jsonl 2>err &&
	grep "interaction 90: no person with id 777" err &&
	test "$(sqlite3 empty1.db "SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM interaction) + (SELECT count(*) FROM interaction_person)")" = 0 &&
	rapport --db empty1.db import all.jsonl >/dev/null &&
	rapport --db empty1.db export >again.jsonl && test_cmp all.jsonl again.jsonl
'
# The first bad interaction in the file is the one named, whichever
# missing person id is smaller.
test_expect_success 'into an empty book, the first interaction with a missing person is named' '
	rapport --db empty4.db init >/dev/null &&
	{ cat all.jsonl &&
	  echo "{\"type\":\"interaction\",\"id\":91,\"kind\":\"call\",\"dir\":\"out\",\"at\":\"2026-01-01T00:00:00Z\",\"people\":[2,900]}" &&
	  echo "{\"type\":\"interaction\",\"id\":92,\"kind\":\"call\",\"dir\":\"out\",\"at\":\"2026-01-02T00:00:00Z\",\"people\":[2,400]}"; } >bad.jsonl &&
	test_exit_code 1 rapport --db empty4.db import bad.jsonl 2>err &&
	grep "interaction 91: no person with id 900" err
'
test_expect_success 'into an empty book, a ledger line for a missing person is refused' '
	rapport --db empty2.db init >/dev/null &&
	{ cat all.jsonl &&
	  echo "{\"type\":\"ledger\",\"id\":90,\"person_id\":555,\"entry\":\"give\",\"kind\":\"advice\",\"text\":\"x\",\"at\":\"2026-01-01T00:00:00Z\"}"; } >bad.jsonl &&
	test_exit_code 1 rapport --db empty2.db import bad.jsonl 2>err &&
	grep "ledger 90: its person_id names no person" err &&
	test "$(sqlite3 empty2.db "SELECT count(*) FROM ledger")" = 0
'
test_expect_success 'into an empty book, a second line with a taken interaction id names its line' '
	rapport --db empty3.db init >/dev/null &&
	id=$(grep "\"type\":\"interaction\"" all.jsonl | head -1 | sed "s/.*\"id\":\([0-9]*\).*/\1/") &&
	{ cat all.jsonl &&
	  echo "{\"type\":\"interaction\",\"id\":$id,\"kind\":\"note\",\"dir\":\"out\",\"at\":\"2020-01-01T00:00:00Z\",\"people\":[2]}"; } >bad.jsonl &&
	test_exit_code 1 rapport --db empty3.db import bad.jsonl 2>err &&
	grep "bad.jsonl:15:.*already used by a different record" err &&
	test "$(sqlite3 empty3.db "SELECT count(*) FROM interaction")" = 0
'
# The lines of a pipe are parsed on a second thread; a bad one must end
# the import at once, not when the writer finally closes the pipe.
test_expect_success 'an import from a pipe stops at a bad line without waiting for the rest' '
	mkfifo in.fifo &&
	{ { rapport --db pipe.db import - <in.fifo 2>pipe.err; echo $? >pipe.rc; } & } &&
	exec 3>in.fifo &&
	printf "%s\n" "{\"type\":\"rapport\",\"version\":1}" "{\"type\":\"bogus\"}" >&3 &&
	i=0 && while [ ! -s pipe.rc ] && [ $i -lt 40 ]; do sleep 0.1; i=$((i + 1)); done &&
	test -s pipe.rc && exec 3>&- && wait &&
	test "$(cat pipe.rc)" = 1 &&
	grep "<stdin>:2: field .type." pipe.err
'
test_expect_success 'a duplicate email is refused, naming the owner' '
	echo "{\"type\":\"person\",\"id\":60,\"name\":\"Copy\",\"emails\":[\"ada@northwind.example\"]}" |
		check_bad_line "Ada Byron"
'
test_expect_success 'an id held by a different record is a conflict' '
	echo "{\"type\":\"person\",\"id\":2,\"name\":\"Someone Else\"}" |
		check_bad_line "already used by a different record"
'
test_expect_success 'the failed imports left no half-written records' '
	rapport --db copy.db export >now.jsonl && test_cmp all.jsonl now.jsonl &&
	sqlite3 copy.db "PRAGMA integrity_check" | grep "^ok$"
'
test_expect_success 'importing a missing file fails cleanly' '
	test_exit_code 1 rapport import nowhere.jsonl 2>err && grep "cannot open .nowhere.jsonl." err
'
test_expect_success 'an import into a book with history counts each contact once' '
	rapport --db hist.db init >/dev/null &&
	rapport --db hist.db person add Zed >/dev/null &&
	rapport --db hist.db log zed --kind call --summary hello >/dev/null &&
	cat >more.jsonl <<-\EOF &&
	{"type":"rapport","version":1}
	{"type":"person","id":101,"name":"Alice"}
	{"type":"interaction","id":101,"kind":"email","dir":"in","at":"2026-06-01T10:00:00Z","people":[101]}
	{"type":"interaction","id":102,"kind":"call","dir":"out","at":"2026-06-02T10:00:00Z","people":[101]}
	{"type":"ledger","id":101,"person_id":101,"entry":"give","kind":"advice","text":"tip","at":"2026-06-03T10:00:00Z"}
	EOF
	rapport --db hist.db import more.jsonl >/dev/null &&
	test "$(sqlite3 hist.db "SELECT n_in || \",\" || n_out || \",\" || given FROM person_stats WHERE person_id = 101")" = "1,1,1"
'
test_done
