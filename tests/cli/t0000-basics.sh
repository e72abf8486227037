#!/bin/sh
# Basics: help, version, exit codes, where the database lives.
. "$(dirname "$0")/lib.sh"

test_expect_success 'help lists the commands and exits 0' '
	rapport --help >out &&
	grep "^    today" out && grep "^    person" out && grep "Exit status" out
'
test_expect_success 'every command answers --help without a database' '
	for c in ask commitment deal dedupe export give import init ledger log \
		me merge offering org outcome person ready received search \
		sentiment today; do
		rapport $c --help >out 2>&1 || { echo "$c failed"; exit 1; }
		grep -q "usage" out || { echo "$c: no usage"; exit 1; }
	done &&
	test ! -e "$RAPPORT_DB"
'
test_expect_success 'subcommands answer --help too' '
	rapport person add --help >out && grep -- "--interest" out &&
	rapport org show --help >out && grep "usage" out &&
	rapport help person >out && grep "merge" out
'
test_expect_success 'an unknown command is a usage error (exit 2)' '
	test_exit_code 2 rapport frobnicate 2>err &&
	grep "not a rapport command" err
'
test_expect_success 'an unknown option is a usage error naming it' '
	rapport init >/dev/null &&
	test_exit_code 2 rapport today --colour 2>err &&
	grep -- "--colour" err
'
test_expect_success 'version prints a version' '
	rapport --version | grep "^rapport [0-9]"
'
test_expect_success 'a missing database says how to create one (exit 1)' '
	test_exit_code 1 rapport --db nowhere/x.db today 2>err &&
	grep "rapport init" err && test ! -e nowhere
'
test_expect_success 'init creates the file with mode 600 and its folder' '
	rapport --db deep/dir/book.db init >out &&
	grep "database ready" out &&
	test "$(stat -c %a deep/dir/book.db)" = 600 &&
	test "$(stat -c %a deep/dir)" = 700
'
test_expect_success 'the database comes from --db, then RAPPORT_DB, then XDG' '
	rapport --db a.db init >/dev/null &&
	rapport --db a.db person add "Only In A" >/dev/null &&
	rapport --db a.db person list | grep "Only In A" &&
	rapport person list >out 2>&1 && ! grep "Only In A" out &&
	(unset RAPPORT_DB && rapport init >/dev/null) &&
	test -f "$XDG_DATA_HOME/rapport/rapport.db"
'
test_expect_success 'a corrupt database file is refused and left alone' '
	head -c 8192 /dev/urandom >junk.db && cp junk.db junk.orig &&
	test_exit_code 1 rapport --db junk.db today 2>err &&
	grep "junk.db" err && cmp junk.db junk.orig
'
test_expect_success 'another SQLite database is not mistaken for a book' '
	sqlite3 other.db "CREATE TABLE t(x); INSERT INTO t VALUES (1);" &&
	test_exit_code 1 rapport --db other.db today 2>err &&
	grep "not rapport" err &&
	test "$(sqlite3 other.db "SELECT count(*) FROM sqlite_master")" = 1
'
# Root ignores file permissions: the read-only case runs as nobody then.
as_other() {
	if [ "$(id -u)" = 0 ]; then
		setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
	else
		"$@"
	fi
}
chmod 755 "$TRASH"
if as_other "$RAPPORT" --help >/dev/null 2>&1; then
test_expect_success 'a read-only database file is refused for writes and left alone' '
	mkdir ro && chmod 777 ro && rapport --db ro/book.db init >/dev/null &&
	rapport --db ro/book.db person add "Ada Byron" >/dev/null &&
	chmod 444 ro/book.db && cp ro/book.db ro.orig &&
	test_exit_code 1 as_other "$RAPPORT" --db ro/book.db person add "Bob" 2>err &&
	grep "ro/book.db'\'' is read-only" err &&
	test_exit_code 1 as_other "$RAPPORT" --db ro/book.db log ada --kind call 2>err &&
	grep "read-only" err &&
	as_other "$RAPPORT" --db ro/book.db person list >out && grep "Ada Byron" out &&
	! grep Bob out && cmp ro/book.db ro.orig
'
else
	echo "# skipped the read-only test: nobody cannot run $RAPPORT"
fi
# A book written before migration 002 (its search index kept its own copy
# of the text): rebuilt by hand, since no older binary is at hand.
test_expect_success 'an older book is upgraded, even by a read-only command' '
	rapport --db old.db init >/dev/null &&
	rapport --db old.db person add "Ada Byron" --email ada@example.org >/dev/null &&
	rapport --db old.db log ada --kind email --summary "about the engine" >/dev/null &&
	sqlite3 old.db "DROP TABLE search_fts_x; DROP VIEW interaction_text;
		CREATE VIRTUAL TABLE search_fts_x USING fts5(title, body);
		INSERT INTO search_fts_x(rowid, title, body)
			SELECT id, coalesce(summary, \"\"), body FROM interaction;
		DROP INDEX person_item_phone; DROP INDEX person_name;
		ALTER TABLE person_item DROP COLUMN phone_cc;
		ALTER TABLE person_item DROP COLUMN phone_nsn;
		DROP TRIGGER interaction_at_moved; DROP INDEX interaction_person_at;
		ALTER TABLE interaction_person DROP COLUMN at;
		PRAGMA user_version = 1" &&
	echo "Thank you, Ada, for the notes on the engine." >draft &&
	rapport --db old.db check --to ada draft >out && grep "^score" out &&
	rapport --db new.db init >/dev/null &&
	test "$(sqlite3 old.db "PRAGMA user_version")" = "$(sqlite3 new.db "PRAGMA user_version")" &&
	rapport --db old.db person show ada --json >p &&
	test "$(json_get p "j.person.name")" = "Ada Byron" &&
	rapport --db old.db search engine >out && grep "about the engine" out &&
	rapport --db old.db person show ada --json >p &&
	test "$(json_get p "j.recent[0].summary")" = "about the engine" &&
	test "$(sqlite3 old.db "SELECT count(*) FROM interaction_person WHERE at IS NULL")" = 0
'
# A book of schema 4 kept the links keyed by (person, interaction); 005
# rekeys them by interaction and must carry every link and its time over.
test_expect_success 'links of a schema-4 book survive the move to the new key' '
	rapport --db v4.db init >/dev/null &&
	rapport --db v4.db person add "Ada Byron" >/dev/null &&
	rapport --db v4.db person add "Carl Gauss" >/dev/null &&
	rapport --db v4.db log ada carl --kind meeting --at 2026-03-01 --summary "joint review" >/dev/null &&
	rapport --db v4.db log ada --kind call --at 2026-03-05 --summary "follow-up" >/dev/null &&
	sqlite3 v4.db "DROP TRIGGER interaction_at_moved;
		CREATE TABLE old_links (interaction_id INTEGER NOT NULL
			REFERENCES interaction(id) ON DELETE CASCADE,
			person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
			at INTEGER, PRIMARY KEY (person_id, interaction_id)) WITHOUT ROWID;
		INSERT INTO old_links SELECT interaction_id, person_id, at FROM interaction_person;
		DROP TABLE interaction_person;
		ALTER TABLE old_links RENAME TO interaction_person;
		CREATE INDEX interaction_person_i ON interaction_person(interaction_id);
		CREATE INDEX interaction_person_at ON interaction_person(person_id, at);
		CREATE TRIGGER interaction_at_moved AFTER UPDATE OF at ON interaction
		BEGIN UPDATE interaction_person SET at = new.at WHERE interaction_id = new.id; END;
		PRAGMA user_version = 4" &&
	rapport --db v4.db person show ada --json >p &&
	test "$(json_get p "j.recent.length")" = 2 &&
	test "$(json_get p "j.recent[0].summary")" = "follow-up" &&
	rapport --db v4.db person show carl --json >p &&
	test "$(json_get p "j.recent[0].summary")" = "joint review" &&
	test "$(sqlite3 v4.db "SELECT count(*) FROM interaction_person")" = 3 &&
	test "$(sqlite3 v4.db "PRAGMA foreign_key_check")" = "" &&
	sqlite3 v4.db "PRAGMA integrity_check" | grep "^ok$" &&
	rapport --db v4.db log carl --kind email --dir in --summary "thanks" >/dev/null &&
	rapport --db v4.db person show carl --json >p &&
	test "$(json_get p "j.recent[0].summary")" = "thanks" &&
	rapport --db v4.db search review >out && grep "joint review" out
'
# 006 rebuilt two tables to write their CHECKs as comparisons: the rules
# must hold as before.
test_expect_success 'the rebuilt tables still refuse what they refused' '
	! sqlite3 v4.db "INSERT INTO interaction(kind, dir, at, created_at) VALUES (\"fax\", \"in\", 0, 0)" 2>err &&
	grep "CHECK constraint failed" err &&
	! sqlite3 v4.db "INSERT INTO interaction(kind, dir, at, created_at) VALUES (\"call\", \"sideways\", 0, 0)" 2>err &&
	grep "CHECK constraint failed" err &&
	! sqlite3 v4.db "INSERT INTO person_item(person_id, kind, value) VALUES (1, \"shoe size\", \"9\")" 2>err &&
	grep "CHECK constraint failed" err &&
	! sqlite3 v4.db "PRAGMA foreign_keys = ON; INSERT INTO person_item(person_id, kind, value) VALUES (999, \"tag\", \"x\")" 2>err &&
	grep "FOREIGN KEY constraint failed" err &&
	test "$(sqlite3 v4.db "SELECT count(*) FROM person_item WHERE kind = \"tag\"")" = 0
'
# A row written outside rapport with foreign keys off may refer to nothing:
# upgrading must neither refuse the book (that locked the user out, export
# included) nor lose the row.
test_expect_success 'a book holding a broken reference still upgrades and opens' '
	rapport --db orphan.db init >/dev/null &&
	rapport --db orphan.db person add "Ada Byron" >/dev/null &&
	sqlite3 orphan.db "INSERT INTO ledger(person_id, type, kind, text, at)
		VALUES (999, \"give\", \"\", \"stray\", 0);
		PRAGMA user_version = 6" &&
	rapport --db orphan.db person list >out && grep "Ada Byron" out &&
	test "$(sqlite3 orphan.db "PRAGMA user_version")" = "$(sqlite3 new.db "PRAGMA user_version")" &&
	test "$(sqlite3 orphan.db "SELECT count(*) FROM ledger WHERE person_id = 999")" = 1 &&
	printf "%s\n" "{\"type\":\"person\",\"id\":50,\"name\":\"Bo\"}" \
		"{\"type\":\"interaction\",\"id\":7,\"kind\":\"call\",\"dir\":\"out\",\"at\":\"2026-01-01T00:00:00Z\",\"people\":[777]}" >o.jsonl &&
	test_exit_code 1 rapport --db orphan.db import o.jsonl 2>err &&
	grep "o.jsonl:2: no person with id 777" err &&
	rapport --db orphan.db export >/dev/null
'
test_expect_success 'text that is not UTF-8 is refused; a book holding some says so on export' '
	rapport --db u.db init >/dev/null &&
	test_exit_code 2 rapport --db u.db person add "$(printf "Bad \377 Name")" 2>err &&
	grep "argument 2 of .person. is not UTF-8" err &&
	! rapport --db u.db person list | grep Bad &&
	rapport --db u.db person add "Zoë Ærø" >/dev/null &&
	sqlite3 u.db "$(printf "UPDATE person SET notes = CAST(X\047FF41\047 AS TEXT)")" &&
	test_exit_code 1 rapport --db u.db export >/dev/null 2>err &&
	grep "not valid UTF-8" err
'
test_expect_success 'a directory as the database is an error' '
	mkdir adir && test_exit_code 1 rapport --db adir today 2>err &&
	grep "directory" err
'
test_expect_success 'bad RAPPORT_NOW is reported' '
	RAPPORT_NOW=soonish test_exit_code 1 rapport today 2>err &&
	grep "RAPPORT_NOW" err
'
test_done
