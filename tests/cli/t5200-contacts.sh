#!/bin/sh
# Contact import: vCard 2.1/3.0/4.0, LinkedIn, Google and mapped CSV, one
# person per human across sources (email without case, phone by E.164).
. "$(dirname "$0")/lib.sh"

C="$FIXTURES/contacts"

people() { rapport person list --json >pl && json_get pl "j.length"; }

test_expect_success 'setup: the user has a UK phone' '
	rapport init >/dev/null &&
	rapport me --name "Sam Lee" --email sam@me.example --phone "+44 7700 900000" >/dev/null
'
test_expect_success 'vCards of three versions import, one person per card' '
	rapport import "$C/phone-2.1.vcf" "$C/apple-3.0.vcf" "$C/v4.0.vcf" --json >s &&
	test "$(json_get s "j.records")" = 4 &&
	test "$(json_get s "j.people_created")" = 4 &&
	test "$(json_get s "j.skipped_malformed")" = 0 &&
	test "$(people)" = 5
'
test_expect_success 'the fields of a card land on the person' '
	rapport person show ada@engines.example --json >p &&
	test "$(json_get p "j.person.name")" = "Ada Lovelace" &&
	test "$(json_get p "j.person.org")" = "Analytical Engines, Ltd." &&
	test "$(json_get p "j.person.title")" = "Chief Programmer" &&
	test "$(json_get p "j.person.emails.join()")" = "ada@engines.example,ada.lovelace@work.example" &&
	test "$(json_get p "j.person.tags.join(\"|\")")" = "Friends|Golf, weekends" &&
	test "$(json_get p "j.person.dates[0].date")" = 1815-12-10 &&
	json_get p "j.person.notes" | grep "hates small talk" &&
	rapport person show juergen.mueller@example.de --json >p &&
	test "$(json_get p "j.person.name")" = "Jürgen Müller" &&
	test "$(json_get p "j.person.title")" = "Geschäftsführer" &&
	test "$(json_get p "j.person.phones.length")" = 2
'
test_expect_success 'a CSV with the same email in another case is the same person' '
	rapport import "$C/linkedin.csv" --json >s &&
	test "$(json_get s "j.records")" = 3 &&
	test "$(json_get s "j.people_created")" = 1 &&
	test "$(people)" = 6 &&
	rapport person list --json >pl &&
	test "$(json_get pl "j.filter(p => p.name === \"Ada Lovelace\").length")" = 1 &&
	rapport person show ada@engines.example --json >p &&
	test "$(json_get p "j.person.how_met")" = "LinkedIn, connected 2021-01-12" &&
	test "$(json_get p "j.person.title")" = "Chief Programmer" &&
	test "$(json_get p "j.person.dates[0].date")" = 1815-12-10 &&
	rapport person show grace@navy.example --json >p &&
	test "$(json_get p "j.person.how_met")" = "LinkedIn, connected 2019-11-28" &&
	test "$(json_get p "j.person.dates[0].date")" = --12-09
'
test_expect_success 'the same phone written nationally finds the person' '
	printf "Name,Mobile,Mail\nAda by phone,07700 900123,ada.phone@x.example\n" >phone.csv &&
	rapport import phone.csv --map "name=Name,phone=Mobile,email=Mail" --json >s &&
	test "$(json_get s "j.people_created")" = 0 &&
	test "$(people)" = 6 &&
	rapport person show ada@engines.example --json >p &&
	json_get p "j.person.emails.join()" | grep ada.phone@x.example &&
	test "$(json_get p "j.person.phones.length")" = 2
'
test_expect_success 'a number that only ends alike is someone else' '
	printf "Name,Mobile\nNot Ada,+33 7700 900123\n" >other.csv &&
	rapport import other.csv --map "name=Name,phone=Mobile" --json >s &&
	test "$(json_get s "j.people_created")" = 1
'
test_expect_success 'importing everything again adds nothing' '
	before=$(people) &&
	rapport import "$C/phone-2.1.vcf" "$C/apple-3.0.vcf" "$C/v4.0.vcf" "$C/linkedin.csv" --json >s &&
	test "$(json_get s "j.people_created")" = 0 &&
	test "$(people)" = "$before"
'
test_expect_success 'Google exports, both header sets' '
	rapport import "$C/google.csv" "$C/google-old.csv" --json >s &&
	test "$(json_get s "j.people_created")" = 3 &&
	rapport person show katherine@nasa.example --json >p &&
	test "$(json_get p "j.person.tags.join()")" = "Space,starred" &&
	test "$(json_get p "j.person.phones.length")" = 2 &&
	rapport person show margaret@mit.example --json >p &&
	test "$(json_get p "j.person.org")" = "MIT Instrumentation Lab"
'
test_expect_success 'a broken card is reported by file and line, the rest imports' '
	test_exit_code 1 rapport import "$C/broken.vcf" >out 2>err &&
	grep "broken.vcf:6: .*END:VCARD" err &&
	grep "broken.vcf:15: " err &&
	grep "broken.vcf:19: " err &&
	grep "3 people created" out && grep "3 malformed and skipped" out &&
	rapport person show second@good.example --json >p &&
	test "$(json_get p "j.person.name")" = "Second Good" &&
	test_must_fail rapport person show never@ended.example
'
test_expect_success '--map reads any CSV; its bad rows are reported by line' '
	test_exit_code 1 rapport import "$C/custom.csv" --map "name=Full Name,email=E-mail,email=Work E-mail,phone=Mobile,org=Company,title=Job,tags=Group" >out 2>err &&
	grep "custom.csv:3: malformed row" err &&
	grep "custom.csv:4: malformed row: 2 fields" err &&
	rapport person show mjackson@work.example --json >p &&
	test "$(json_get p "j.person.name")" = "Mary Jackson" &&
	test "$(json_get p "j.person.org")" = NASA
'
test_expect_success '--map errors name what is wrong' '
	test_exit_code 1 rapport import "$C/custom.csv" --map "name=Full Name,fax=Fax" 2>err &&
	grep "unknown field .fax." err &&
	test_exit_code 1 rapport import "$C/custom.csv" --map "name=Nom" 2>err &&
	grep "no column .Nom." err && grep "\"Full Name\"" err &&
	test_exit_code 1 rapport import "$C/custom.csv" 2>err &&
	grep "not a LinkedIn, Google Contacts or Outlook export" err &&
	grep "\"Work E-mail\"" err && grep "the syntax is --map" err
'
test_expect_success 'without a phone of your own, RAPPORT_REGION gives the country' '
	printf "Name,Mobile\nCy,+1 415 555 0100\n" >us1.csv &&
	printf "Name,Mobile\nCy Again,(415) 555-0100\n" >us2.csv &&
	for region in 1 44 ""; do
		export RAPPORT_DB="$TRASH/region$region.db" &&
		rapport init >/dev/null &&
		rapport import us1.csv --map "name=Name,phone=Mobile" >/dev/null &&
		RAPPORT_REGION=$region rapport import us2.csv --map "name=Name,phone=Mobile" --json >s$region || exit 1
	done &&
	test "$(json_get s1 "j.people_created")" = 0 &&
	test "$(json_get s44 "j.people_created")" = 1 &&
	test "$(json_get s "j.people_created")" = 0
'
test_expect_success 'a folder of .vcf files is read as vCards' '
	test_exit_code 1 rapport import "$C/vdir" --json >s 2>err &&
	test "$(json_get s "j.records")" = 2 &&
	test "$(json_get s "j.skipped_malformed")" = 1 &&
	grep "vdir/c3.vcf: .*no vCard" err &&
	rapport person show vera@vdir.example --json >p &&
	test "$(json_get p "j.person.name")" = "Vera Dir"
'
test_expect_success 'a bad RAPPORT_REGION is a usage error' '
	RAPPORT_REGION=UK test_exit_code 2 rapport import "$C/google.csv" 2>err &&
	grep "RAPPORT_REGION" err
'
test_expect_success 'a name-only card imported twice is one person, never merged into a known one' '
	printf "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Robin Quill\r\nEND:VCARD\r\n" >bare.vcf &&
	rapport --db bare.db init >/dev/null &&
	rapport --db bare.db person add "Robin Quill" --email robin@else.example >/dev/null &&
	rapport --db bare.db import bare.vcf >/dev/null &&
	rapport --db bare.db import bare.vcf >/dev/null &&
	test "$(rapport --db bare.db person list | grep -c "Robin Quill")" = 2 &&
	rapport --db bare.db person list --json >list.json &&
	grep -c "robin@else.example" list.json
'
test_expect_success 'cards that only share a name stay two people, and re-import adds nobody' '
	printf "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:John Smith\r\nTITLE:CEO\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:John Smith\r\nTITLE:Plumber\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nBDAY:1980-01-02\r\nEND:VCARD\r\n" >same.vcf &&
	rapport --db same.db init >/dev/null &&
	rapport --db same.db import same.vcf >/dev/null &&
	rapport --db same.db import same.vcf >/dev/null &&
	test "$(rapport --db same.db person list | grep -c "John Smith")" = 2 &&
	test "$(rapport --db same.db person list | grep -c "Ann Lee")" = 1
'
test_done
