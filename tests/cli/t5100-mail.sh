#!/bin/sh
# Mail import end to end: an mbox, a Maildir and an .eml into one book,
# as a user would see it afterwards.
. "$(dirname "$0")/lib.sh"

M="$FIXTURES/mail/e2e"
# Every interaction in the book, as JSON Lines.
interactions() { rapport export | grep '"type":"interaction"'; }

test_expect_success 'setup: me, with my address in another case' '
	rapport init >/dev/null &&
	rapport me --name "Sam Lee" --email Sam@Me.Example >/dev/null
'
test_expect_success 'an mbox, a Maildir and an .eml import in one run' '
	rapport import "$M/thread.mbox" "$M/maildir" "$M/reply.eml" --json >j &&
	test "$(json_get j "j.records")" = 10 &&
	test "$(json_get j "j.interactions_added")" = 9 &&
	test "$(json_get j "j.skipped_malformed")" = 0 &&
	test "$(json_get j "j.people_created")" = 7
'
test_expect_success 'a message in two sources (mbox and Maildir) is kept once' '
	test "$(json_get j "j.interactions_present")" = 1 &&
	interactions >all && test_line_count = 9 all &&
	test "$(grep -c "\"external_id\":\"plan-1@northwind.example\"" all)" = 1
'
test_expect_success 'one person per address, whatever its case' '
	rapport person list --json >j &&
	test "$(json_get j "j.length")" = 8 &&
	test "$(json_get j "j.filter(p=>p.email===\"ada@northwind.example\").length")" = 1 &&
	rapport person show ada --json >j &&
	test "$(json_get j "j.person.emails.join()")" = ada@northwind.example &&
	test "$(json_get j "j.recent.length")" = 4
'
test_expect_success 'direction is out only for mail from my own address' '
	interactions >all &&
	test "$(json_get all "j.filter(x=>x.dir===\"out\").map(x=>x.external_id).join()")" = plan-2@me.example &&
	test "$(json_get all "j.filter(x=>x.dir===\"in\").length")" = 8
'
test_expect_success 'a thread spans mbox, Maildir and .eml; dates keep their zone' '
	interactions >all &&
	test "$(json_get all "j.filter(x=>x.thread===\"plan-1@northwind.example\").length")" = 3 &&
	test "$(json_get all "j.find(x=>x.external_id===\"plan-3@northwind.example\").at")" = 2026-06-10T15:00:00Z &&
	test "$(json_get all "j.find(x=>x.external_id===\"plan-1@northwind.example\").at")" = 2026-06-01T07:00:00Z &&
	rapport person show ada --json >j &&
	test "$(json_get j "j.threads.count")" = 2 &&
	test "$(json_get j "j.threads.started_by_them")" = 2 &&
	test "$(json_get j "j.threads.your_replies")" = 1 &&
	test "$(json_get j "j.threads.your_reply_median_s")" = $((27 * 3600)) &&
	test "$(json_get j "j.threads.their_reply_median_s")" = $(((8 * 24 + 5) * 3600))
'
test_expect_success 'RFC 2047 names and a quoted-printable latin-1 body are decoded' '
	rapport person show René --json >j &&
	test "$(json_get j "j.person.name")" = "René Dupré" &&
	test "$(json_get j "j.recent[0].summary")" = "Café crème" &&
	rapport search mirabelles --json >j &&
	test "$(json_get j "j.length")" = 1 &&
	test "$(json_get j "j[0].title")" = "Café crème" &&
	rapport search crème >out && grep "Café crème" out
'
test_expect_success 'an HTML-only message is searchable as its text, not its markup' '
	rapport search lighthouse --json >j &&
	test "$(json_get j "j.map(r=>r.title).join()")" = "The talk" &&
	rapport search qqzzpixel --json >j && test "$(json_get j "j.length")" = 0 &&
	rapport person show grace --json >j &&
	json_get j "j.recent[0].body" >body &&
	grep "lighthouse talk was great & fun" body && ! grep "<" body
'
test_expect_success 'lists, bulk, auto-submitted and no-reply mail: kept and marked' '
	interactions >all &&
	test "$(json_get all "j.filter(x=>x.automated).map(x=>x.summary).sort().join()")" = "Summer sale,Ticket closed,Weekly digest,Your statement is ready" &&
	for who in news@lists.harbour.example offers@shop.example \
		alerts@bank.example noreply@service.example; do
		rapport person show $who --json >j &&
		test "$(json_get j "j.person.tags.join()")" = automated &&
		test "$(json_get j "j.recent.length")" = 1 || return 1
	done
'
test_expect_success 'automated mail does not count toward scores' '
	rapport person show news --json >j &&
	test "$(json_get j "j.health.status")" = "never contacted" &&
	test "$(json_get j "j.health.days_since")" = null &&
	rapport person show grace --json >j &&
	test "$(json_get j "j.health.status")" = "on track" &&
	RAPPORT_NOW=2026-12-15T12:00:00Z rapport today --json >j &&
	json_get j "j.going_cold.map(c=>c.name).sort().join()" >cold &&
	grep "Ada Byron" cold && grep "Grace Hopper" cold &&
	! grep -e "Harbour News" -e "Shop Deals" -e "Bank Alerts" -e "Service Desk" cold
'
test_expect_success 'waiting on you: their mail newer than my last reply' '
	rapport today --json >j &&
	json_get j "j.waiting_on_you.map(w=>w.name+\"@\"+w.since).join(\"\\n\")" >waiting &&
	grep "^Ada Byron@2026-06-10T15:00:00Z$" waiting &&
	grep "^Grace Hopper@" waiting &&
	! grep -e "Harbour News" -e "Shop Deals" -e "Bank Alerts" -e "Service Desk" waiting
'
test_expect_success 'importing the same sources again adds nothing' '
	rapport export >before &&
	rapport import "$M/thread.mbox" "$M/maildir" "$M/reply.eml" >out &&
	grep "0 people created" out && grep "0 interactions added, 10 already present" out &&
	rapport export >after && test_cmp before after &&
	rapport import "$M/reply.eml" --json >j &&
	test "$(json_get j "j.interactions_present")" = 1 &&
	rapport export >after && test_cmp before after
'
test_expect_success 'my reply by mail takes Ada off the waiting list' '
	cat >mine.eml <<-\EOF &&
	Message-ID: <plan-4@me.example>
	In-Reply-To: <plan-3@northwind.example>
	References: <plan-1@northwind.example> <plan-3@northwind.example>
	Date: Thu, 11 Jun 2026 09:00:00 +0000
	From: Sam Lee <sam@me.example>
	To: Ada Byron <ada@northwind.example>
	Subject: Re: Project plan

	The budget is approved.
	EOF
	rapport import mine.eml >/dev/null &&
	rapport today --json >j &&
	json_get j "j.waiting_on_you.map(w=>w.name).join()" >waiting &&
	! grep "Ada Byron" waiting && grep "Grace Hopper" waiting &&
	rapport person show ada --json >j &&
	test "$(json_get j "j.recent[0].dir")" = out
'
test_expect_success 'malformed messages are reported with file and position, the rest imports' '
	test_exit_code 1 rapport import "$M/bad.mbox" "$M/nodate.eml" --json >j 2>err &&
	test "$(json_get j "j.skipped_malformed")" = 4 &&
	test "$(json_get j "j.interactions_added")" = 2 &&
	test "$(json_get j "j.problems.filter(p=>p.file.endsWith(\"bad.mbox\")).map(p=>p.unit+p.position).join()")" = \
		"$(grep -b "^From nobody\|^From carol.*12:00" "$M/bad.mbox" | sed "s/:.*//;s/^/byte/" | paste -sd,)" &&
	test "$(json_get j "j.problems[3].reason")" = "message without a Date" &&
	test_line_count = 4 err &&
	for off in $(grep -b "^From nobody\|^From carol.*12:00" "$M/bad.mbox" | cut -d: -f1); do
		grep "bad.mbox: at byte $off: " err || return 1
	done &&
	grep "bad.mbox: at byte [0-9]*: message without a From address" err &&
	grep "bad.mbox: at byte [0-9]*: message with an unreadable Date" err &&
	grep "nodate.eml: message without a Date (skipped)" err &&
	rapport person show carol --json >j &&
	test "$(json_get j "j.recent.map(r=>r.summary).join()")" = "The deck, again,The deck"
'
test_expect_success 'a clean import exits 0; the exit status is documented' '
	test_exit_code 1 rapport import "$M/bad.mbox" >out 2>err &&
	grep "0 interactions added, 2 already present" out &&
	test_exit_code 0 rapport import "$M/reply.eml" >out 2>err &&
	test_line_count = 0 err &&
	rapport import --help >help &&
	grep -i "exit status" help && grep "skipped" help
'
test_done
