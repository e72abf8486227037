#!/bin/sh
# People and organisations: add, show, list, edit, rm, resolution.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' '
	rapport init >/dev/null &&
	rapport me --name "Sam Lee" --email sam@me.example >/dev/null
'
test_expect_success 'add a person with every kind of detail' '
	rapport person add "Ada Byron" --email ADA@Northwind.Example \
		--email ada@home.example --phone "+44 20 7946 0000" --org Northwind \
		--title CTO --interest sailing --interest "jazz piano" \
		--goal "hire a data team" --tag client --cadence 21 --tier active \
		--how-met "PyCon hallway" --family "two kids" --birthday --04-12 \
		--date anniversary=2015-06-01 --notes "prefers mornings" >out &&
	grep "added Ada Byron (#2)" out
'
test_expect_success 'show --json has every field, email lowercased' '
	rapport person show ada --json >j &&
	test "$(json_get j "j.person.emails.join()")" = "ada@northwind.example,ada@home.example" &&
	test "$(json_get j "j.person.org")" = Northwind &&
	test "$(json_get j "j.person.cadence_days")" = 21 &&
	test "$(json_get j "j.person.interests.length")" = 2 &&
	test "$(json_get j "j.person.dates.map(d=>d.label+\"=\"+d.date).join()")" = "birthday=--04-12,anniversary=2015-06-01" &&
	test "$(json_get j "j.health.factors.length")" = 4 &&
	test "$(json_get j "j.health.status")" = "never contacted"
'
test_expect_success 'show says what is not known yet' '
	rapport person add "Bo Chen" >/dev/null &&
	rapport person show bo >out &&
	grep "no personal interest yet" out && grep "no professional goal yet" out &&
	grep "organisation is unknown" out &&
	rapport person show ada >out && grep "big bets are unknown" out &&
	! grep "no personal interest" out
'
test_expect_success 'a PERSON resolves by id, email and name fragment' '
	rapport person show 2 | head -1 | grep "Ada Byron" &&
	rapport person show ada@home.example | head -1 | grep "Ada Byron" &&
	rapport person show byr | head -1 | grep "Ada Byron"
'
test_expect_success 'an ambiguous name lists the candidates (exit 1)' '
	rapport person add "Ada Lovelace" --email al@x.example >/dev/null &&
	test_exit_code 1 rapport person show ada 2>err &&
	grep "matches 2 people" err && grep "Ada Lovelace" err && grep "Ada Byron" err
'
test_expect_success 'a name fragment matches without its accents or case' '
	rapport person add "René Dupré" >/dev/null &&
	rapport person show rene | head -1 | grep "René Dupré" &&
	rapport person show DUPRE | head -1 | grep "René Dupré" &&
	rapport person show "Dupré" | head -1 | grep "René Dupré"
'
chars() { printf %s "$1" | iconv -f UTF-8 -t UTF-32LE | wc -c | awk "{print \$1 / 4}"; }
test_expect_success 'list columns line up whatever the letters in a name' '
	rapport --db cols.db init >/dev/null &&
	rapport --db cols.db person add "Zoë Ærø" --email zoe@x.example >/dev/null &&
	rapport --db cols.db person add "Ada Byron" --email ada@x.example >/dev/null &&
	rapport --db cols.db person list >out &&
	test "$(chars "$(sed -n "s/zoe@x.example.*//p" out)")" = \
	     "$(chars "$(sed -n "s/ada@x.example.*//p" out)")"
'
test_expect_success 'an unknown person is an error' '
	test_exit_code 1 rapport person show zelda 2>err && grep "no person matches" err
'
test_expect_success 'a duplicate email names its owner and adds nothing' '
	rapport export >before &&
	test_exit_code 1 rapport person add "Impostor" --email ada@northwind.example 2>err &&
	grep "ada@northwind.example" err && grep "Ada Byron" err &&
	rapport export >after && test_cmp before after
'
test_expect_success 'bad values are usage errors naming the option' '
	test_exit_code 2 rapport person add X --email not-an-email 2>err && grep "email" err &&
	test_exit_code 2 rapport person add X --tier bestie 2>err && grep "tier" err &&
	test_exit_code 2 rapport person add X --cadence 0 2>err && grep "cadence" err &&
	test_exit_code 2 rapport person add X --birthday 2023-02-30 2>err && grep "2023-02-30" err &&
	test_exit_code 2 rapport person add X --cadence soon 2>err && grep "whole number" err &&
	! rapport person list | grep "^ *[0-9]* *X "
'
test_expect_success 'edit renames, adds and removes values' '
	rapport person edit byron --name "Ada King" --interest chess --remove sailing >/dev/null &&
	rapport person show king --json >j &&
	test "$(json_get j "j.person.interests.join()")" = "jazz piano,chess"
'
test_expect_success 'list filters by org and tag' '
	rapport person list --org Northwind >out && test_line_count = 1 out &&
	rapport person list --tag client --json >j && test "$(json_get j "j.length")" = 1
'
test_expect_success 'org show lists people; org edit records big bets' '
	rapport org edit northwind --goal "expand into healthcare" --domain northwind.example >/dev/null &&
	rapport org show Northwind >out && grep "expand into healthcare" out && grep "Ada King" out &&
	rapport person show king >out && ! grep "big bets are unknown" out
'
test_expect_success 'a second me is refused' '
	rapport me >out && grep "Sam Lee" out &&
	test_exit_code 1 rapport import - 2>err <<-\EOF2
	{"type":"person","id":99,"name":"Other Me","is_me":true}
	EOF2
	grep "already a person marked as you" err
'
test_expect_success 'me adopts the contact an import made of the user' '
	printf "From: Kay Allen <kay@own.example>\nTo: Lee <lee@else.example>\nSubject: hi\nMessage-ID: <m1@own.example>\nDate: Mon, 1 Jun 2026 10:00:00 +0000\n\nhello\n" >one.eml &&
	rapport --db own.db init >/dev/null &&
	rapport --db own.db import one.eml >out 2>err &&
	grep "before rapport knew your own addresses" err &&
	rapport --db own.db me --email KAY@own.example >out &&
	grep "you are Kay Allen (#1)" out &&
	test "$(rapport --db own.db person list | wc -l)" = 2 &&
	rapport --db own.db import one.eml >out 2>err && ! grep "note:" err &&
	rapport --db own.db person rm lee@else.example >/dev/null &&
	! rapport --db own.db search hello | grep interaction
'
test_expect_success 'rm removes the person and their history' '
	rapport log bo --kind call --summary "hello unusualword" >/dev/null &&
	rapport search unusualword | grep hello &&
	rapport person rm bo >out && grep "removed Bo Chen" out &&
	test_exit_code 1 rapport person show bo 2>/dev/null &&
	rapport export >all && ! grep "\"type\":\"interaction\"" all &&
	! rapport search unusualword | grep hello &&
	sqlite3 "$RAPPORT_DB" "$(printf "INSERT INTO search_fts_x(search_fts_x) \
		VALUES (\047integrity-check\047)")"
'
test_done
