#!/bin/sh
# Calendar import: meetings with their people, times in UTC, recurring
# events inside the window only, re-import adds nothing, upcoming meetings
# in `today`, broken events reported with their line.
. "$(dirname "$0")/lib.sh"

# Times are made relative to the fixed clock, so the meetings are past or
# upcoming whatever date RAPPORT_NOW says.
now=$(date -u -d "$RAPPORT_NOW" +%s)
day=$(date -u -d "@$now" +%Y-%m-%d)
iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
ical() { date -u -d "@$1" +%Y%m%dT%H%M%SZ; }
in2=$(date -u -d "$day +2 days" +%Y-%m-%d)
ago10=$(date -u -d "$day -10 days" +%s)
# 10:00 in New York two days from now, in UTC (EDT or EST as it falls).
meet_utc=$(date -u -d "TZ=\"America/New_York\" $in2 10:00" +%Y-%m-%dT%H:%M:%SZ)

# A weekly call every Monday 09:00 UTC since 2024, forever; the one before
# last is cancelled (EXDATE), the next one moved a day earlier (override),
# into the week `today` looks at.
t0=$(date -u -d "2024-01-01T09:00:00Z" +%s)
week=604800
k_now=$(( (now - t0) / week ))
exdate=$(( t0 + (k_now - 1) * week ))
moved_from=$(( t0 + (k_now + 1) * week ))
moved_to=$(( moved_from - 86400 + 6 * 3600 ))

crlf() { printf '%s\r\n' "$@"; }

test_expect_success 'setup: the user and a calendar export' '
	rapport init >/dev/null &&
	rapport me --name "Sam Lee" --email sam@me.example >/dev/null &&
	crlf BEGIN:VCALENDAR VERSION:2.0 "PRODID:-//rapport tests//EN" \
		BEGIN:VEVENT UID:upcoming@t DTSTAMP:20260101T000000Z \
		"DTSTART;TZID=America/New_York:$(echo $in2 | tr -d -)T100000" \
		"SUMMARY:Pricing review" \
		"ORGANIZER;CN=Ada Byron:mailto:ada@northwind.example" \
		"ATTENDEE;CN=Sam Lee;PARTSTAT=ACCEPTED:mailto:sam@me.example" \
		"ATTENDEE;CN=Grace Hopper:MAILTO:Grace@Northwind.example" \
		"ATTENDEE;CN=Board room;CUTYPE=ROOM:mailto:board@rooms.example" \
		END:VEVENT \
		BEGIN:VEVENT UID:past@t DTSTAMP:20260101T000000Z \
		"DTSTART:$(ical $ago10)" "SUMMARY:Kickoff" \
		"ORGANIZER;CN=Sam Lee:mailto:sam@me.example" \
		"ATTENDEE;CN=Ada Byron:mailto:ada@northwind.example" \
		END:VEVENT \
		BEGIN:VEVENT UID:gone@t DTSTAMP:20260101T000000Z \
		"DTSTART:$(ical $((now + 86400)))" STATUS:CANCELLED "SUMMARY:Called off" \
		"ORGANIZER:mailto:ada@northwind.example" \
		END:VEVENT END:VCALENDAR >cal.ics &&
	crlf BEGIN:VCALENDAR VERSION:2.0 "PRODID:-//rapport tests//EN" \
		BEGIN:VEVENT UID:weekly@t DTSTAMP:20240101T000000Z \
		DTSTART:20240101T090000Z RRULE:FREQ=WEEKLY \
		"EXDATE:$(ical $exdate)" "SUMMARY:Weekly call" \
		"ORGANIZER;CN=Linus:mailto:linus@kernel.example" \
		"ATTENDEE:mailto:sam@me.example" END:VEVENT \
		BEGIN:VEVENT UID:weekly@t DTSTAMP:20240101T000000Z \
		"RECURRENCE-ID:$(ical $moved_from)" "DTSTART:$(ical $moved_to)" \
		"SUMMARY:Weekly call (moved)" \
		"ORGANIZER;CN=Linus:mailto:linus@kernel.example" END:VEVENT \
		END:VCALENDAR >weekly.ics
'
test_expect_success 'import counts meetings, people, and what had nothing to keep' '
	rapport import cal.ics --json >j &&
	test "$(json_get j "j.records")" = 3 &&
	test "$(json_get j "j.interactions_added")" = 2 &&
	test "$(json_get j "j.skipped_empty")" = 1 &&
	test "$(json_get j "j.people_created")" = 2 &&
	test "$(json_get j "j.skipped_malformed")" = 0
'
test_expect_success 'a meeting has its organizer and attendees, not the user or the room' '
	rapport export >all.jsonl &&
	json_get all.jsonl "j.filter(x=>x.external_id===\"ical:upcoming@t\")[0].people.map(id=>j.find(p=>p.type===\"person\"&&p.id===id).name).sort().join()" >names &&
	echo "Ada Byron,Grace Hopper" >expect && test_cmp expect names &&
	rapport person list --json >people &&
	test "$(json_get people "j.length")" = 3 &&
	test "$(json_get people "j.filter(p=>p.name===\"Board room\").length")" = 0
'
test_expect_success 'times are converted to UTC from their zone' '
	test "$(json_get all.jsonl "j.find(x=>x.external_id===\"ical:upcoming@t\").at")" = "$meet_utc" &&
	test "$(json_get all.jsonl "j.find(x=>x.external_id===\"ical:past@t\").at")" = "$(iso $ago10)"
'
test_expect_success 'a past meeting counts as contact; the future one does not' '
	rapport person show ada --json >j &&
	test "$(json_get j "j.health.days_since")" = 10
'
test_expect_success 'recurring events expand inside --since/--until only' '
	rapport import weekly.ics --since 2026-05-01 --until 2026-05-31 --json >j &&
	test "$(json_get j "j.interactions_added")" = 4 &&
	rapport export >all.jsonl &&
	json_get all.jsonl "j.filter(x=>x.summary&&x.summary.startsWith(\"Weekly\")).map(x=>x.at).sort().join(\" \")" >got &&
	echo 2026-05-04T09:00:00Z 2026-05-11T09:00:00Z 2026-05-18T09:00:00Z 2026-05-25T09:00:00Z >expect &&
	test_cmp expect got
'
test_expect_success 'the default window is a year back to 90 days ahead, minus EXDATE' '
	from=$((now - 365 * 86400)) && to=$((now + 90 * 86400)) &&
	first=$(( (from - t0 + week - 1) / week )) && last=$(( (to - t0) / week )) &&
	want=$(( last - first + 1 - 1 )) &&
	rapport import weekly.ics --json >j &&
	test "$(json_get j "j.records")" = $want &&
	test "$(json_get j "j.interactions_added")" = $((want - 4)) &&
	test "$(json_get j "j.interactions_present")" = 4 &&
	rapport export >all.jsonl &&
	json_get all.jsonl "j.filter(x=>x.summary&&x.summary.startsWith(\"Weekly\")).map(x=>x.at)" >ats &&
	test "$(json_get ats "j.length")" = $want &&
	test "$(json_get ats "j.filter(a=>a<\"$(iso $from)\"||a>\"$(iso $to)\").length")" = 0 &&
	test "$(json_get ats "j.filter(a=>a===\"$(iso $exdate)\").length")" = 0
'
test_expect_success 'importing the same calendars again adds nothing' '
	rapport import cal.ics weekly.ics --json >j &&
	test "$(json_get j "j.interactions_added")" = 0 &&
	test "$(json_get j "j.people_created")" = 0 &&
	test "$(json_get j "j.interactions_present")" = $(( $(json_get all.jsonl "j.filter(x=>x.type===\"interaction\").length") )) &&
	rapport export >again.jsonl && test_cmp all.jsonl again.jsonl
'
test_expect_success 'upcoming meetings, moved ones at their new time, show in today' '
	rapport today --json >j &&
	test "$(json_get j "j.meetings.map(m=>m.summary).join()")" = "Pricing review,Weekly call (moved)" &&
	test "$(json_get j "j.meetings[0].at")" = "$meet_utc" &&
	test "$(json_get j "j.meetings[0].names.slice().sort().join()")" = "Ada Byron,Grace Hopper" &&
	test "$(json_get j "j.meetings[1].at")" = "$(iso $moved_to)" &&
	rapport today >out && grep "Pricing review with" out
'
test_expect_success 'a broken event is reported with its line, the rest imports' '
	test_exit_code 1 rapport import "$FIXTURES/ics/broken.ics" --json >j 2>err &&
	grep "broken.ics:11: event 2 (UID bad-date@rapport.test): DTSTART" err &&
	grep "broken.ics:38: .*no END:VEVENT" err &&
	test "$(json_get j "j.skipped_malformed")" = 4 &&
	test "$(json_get j "j.interactions_added")" = 2
'
test_expect_success 'a file that is not iCalendar is a clear error' '
	test_must_fail rapport import "$FIXTURES/ics/not-ics.ics" 2>err &&
	grep "not-ics.ics.*is not an iCalendar file" err &&
	test_must_fail rapport import --format ics "$FIXTURES/mail/single.eml" 2>err &&
	grep "single.eml.*is not an iCalendar file" err
'
test_done
