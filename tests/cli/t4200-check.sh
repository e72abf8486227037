#!/bin/sh
# rapport check: the draft coach on good and bad drafts, human and JSON,
# with --to (facts and ledger from the database), and the input it refuses.
. "$(dirname "$0")/lib.sh"

cat >good.txt <<'DRAFT'
Subject: The hiring guide

Hi Jenna,

Thanks for lunch on Friday. You mentioned that growing the Denver office
is the big job this year, so I attached the hiring guide we wrote when we
opened Austin. Skip it if it isn't useful.

Mark
DRAFT
cat >bad.txt <<'DRAFT'
Subject: RE: quick question

Hi Mark, just following up on my last email. Our platform is the best in
class and we guarantee results. Can we hop on a quick call ASAP? I need an
answer by Friday.
DRAFT

test_expect_success 'a good draft: high score, what works, metrics, no flags' '
	rapport check good.txt >out &&
	score=$(sed -n "s/^score \([0-9]*\)\/100 .*/\1/p" out) &&
	test "$score" -ge 85 &&
	grep "^score .*Ready to send" out &&
	! grep "^flags:" out &&
	grep "^what works:" out &&
	grep "^  value .*\"I attached\"" out &&
	grep "^  gratitude .*\"Thanks for\"" out &&
	grep "^  subject_chars  *16 " out
'
test_expect_success 'a bad draft: low score, each flag with place, words and advice' '
	rapport check bad.txt >out &&
	score=$(sed -n "s/^score \([0-9]*\)\/100 .*/\1/p" out) &&
	test "$score" -lt 50 &&
	grep "^score .*(imposition)" out &&
	grep "^  note    imposition/fake_reply" out &&
	grep "^          at 1:10 \"RE:\"" out &&
	grep "^  warning imposition/chasing" out &&
	grep "at 3:10 \"just following up\"" out &&
	grep "^  serious hype/guarantee" out &&
	grep "^  note    premature_ask/meeting" out &&
	grep -- "-> Drop the deadline" out
'
test_expect_success 'reads stdin with - or no FILE' '
	rapport check - <bad.txt >a &&
	rapport check <bad.txt >b &&
	rapport check bad.txt >c &&
	test_cmp a c && test_cmp b c
'
test_expect_success '--json: score, main problem, flags with exact spans, metrics' '
	rapport check --json good.txt >g &&
	test "$(json_get g "j.main_problem")" = null &&
	test "$(json_get g "j.flags.length")" = 0 &&
	test "$(json_get g "j.subject.text")" = "The hiring guide" &&
	test "$(json_get g "j.metrics.words.ok")" = true &&
	rapport check --json bad.txt >b &&
	test "$(json_get b "j.main_problem")" = imposition &&
	test "$(json_get b "j.score < 50")" = true &&
	test "$(json_get b "j.flags.find(f => f.group == \"chasing\").spans[0].text")" = "just following up" &&
	start=$(json_get b "j.flags.find(f => f.group == \"chasing\").spans[0].start") &&
	test "$(head -c $((start + 17)) bad.txt | tail -c 17)" = "just following up" &&
	test "$(json_get b "j.metrics.questions.value")" = 1 &&
	test "$(json_get b "j.metrics.subject_chars.range.join()")" = "1,50" &&
	test "$(json_get b "j.to")" = null
'
test_expect_success 'setup: a person with an interest, asked twice, given nothing' '
	rapport init >/dev/null &&
	rapport person add "Ada Byron" --email ada@x.example --interest sailing \
		--goal "open a Lisbon office" >/dev/null &&
	rapport offering add Workshop --conviction 4 >/dev/null &&
	rapport ask ada buy the workshop --offering workshop >/dev/null &&
	rapport ask ada a referral --offering workshop >/dev/null
'
cat >generic.txt <<'DRAFT'
Hi Ada, I attached a guide on remote team rituals that you might find
useful. Could we meet next week to talk it through?
DRAFT
test_expect_success '--to: no personal touch and a premature ask from the ledger' '
	rapport check --to ada generic.txt >out &&
	grep "^checked for Ada Byron" out &&
	grep "warning no_personal_touch/generic" out &&
	grep "premature_ask/ledger (ledger: you gave them 0, asked 2)" out &&
	rapport check generic.txt >plain &&
	! grep "no_personal_touch\|premature_ask" plain &&
	rapport check --to ada --json generic.txt >j &&
	test "$(json_get j "j.to.name")" = "Ada Byron" &&
	test "$(json_get j "j.to.asks")" = 2 &&
	test "$(json_get j "j.to.facts.map(f => f.kind + \":\" + f.text).join()")" = "interest:sailing,goal:open a Lisbon office" &&
	test "$(json_get j "j.flags.map(f => f.category).includes(\"no_personal_touch\")")" = true
'
test_expect_success '--to: a draft that mentions their interest, after giving, is clean' '
	rapport give ada --kind intro introduced her to a sailmaker >/dev/null &&
	rapport give ada --kind resource sent the Lisbon office lease checklist >/dev/null &&
	rapport give ada --kind advice notes on hiring >/dev/null &&
	printf "Hi Ada, hope the sailing season was kind to you. I attached the notes from the panel. Could we meet next week?\n" >personal.txt &&
	rapport check --to ada --json personal.txt >j &&
	test "$(json_get j "j.flags.filter(f => f.category == \"no_personal_touch\" || f.category == \"premature_ask\").length")" = 0 &&
	test "$(json_get j "j.positives.find(p => p.kind == \"personal\").about")" = interest &&
	test "$(json_get j "j.positives.find(p => p.kind == \"personal\").span.text")" = sailing
'
test_expect_success '--to an unknown person fails and names them' '
	test_exit_code 1 rapport check --to zelda good.txt 2>err &&
	grep "zelda" err
'
test_expect_success 'empty and blank input: a clear error, exit 1' '
	: >empty.txt &&
	test_exit_code 1 rapport check empty.txt 2>err &&
	grep "nothing to check: .empty.txt. is empty" err &&
	printf "  \n\n\t\n" | test_exit_code 1 rapport check - 2>err &&
	grep "is empty" err
'
test_expect_success 'binary input: refused with the offset of the NUL byte' '
	printf "Hello\000\001\002 there" >bin.dat &&
	test_exit_code 1 rapport check bin.dat 2>err &&
	grep "looks binary (a NUL byte at offset 5)" err &&
	head -c 4096 /dev/urandom | tr -d "\n" | { printf "\000"; cat; } >rand.dat &&
	test_exit_code 1 rapport check rand.dat 2>err && grep "binary" err
'
test_expect_success 'invalid UTF-8: refused, naming the byte, exit 1' '
	printf "Caf\351 tomorrow?\n" >latin1.txt &&
	test_exit_code 1 rapport check latin1.txt >out2 2>err &&
	grep "not valid UTF-8 at byte 3" err &&
	printf "ok \355\240\200 surrogate\n" >surrogate.txt &&
	test_exit_code 1 rapport check surrogate.txt 2>err &&
	grep "not valid UTF-8 at byte 3" err &&
	! test -s out2
'
test_expect_success 'a 10 MB draft: a clear error in reasonable time, no crash' '
	awk "BEGIN { for (i = 0; i < 180000; i++) print \"Just checking in on the proposal, any updates?\" }" >big.txt &&
	test "$(wc -c <big.txt)" -ge 8000000 &&
	start=$(date +%s) &&
	test_exit_code 1 timeout 60 "$RAPPORT" check big.txt 2>err &&
	test $(($(date +%s) - start)) -lt 30 &&
	grep "the coach reads drafts up to 1048576 bytes" err
'
test_expect_success 'a draft just under the limit gets a report' '
	head -c 1000000 big.txt >near.txt &&
	timeout 60 "$RAPPORT" check --json near.txt >j &&
	test "$(json_get j "j.flags.find(f => f.category == \"no_value\").count")" -gt 1000
'
test_expect_success 'a near-limit draft of phrases that need their sentence, and of names in capitals' '
	# Each sentence asks about its own neighbours (an apology inside a
	# condolence, a call with a time): read per sentence, not per draft.
	awk "BEGIN { for (i = 0; i < 15000; i++) print \"I was so sorry to hear. I will call you tomorrow at 10, urgent.\" }" >sent.txt &&
	timeout 60 "$RAPPORT" check --json sent.txt >j &&
	test "$(json_get j "j.flags.find(f => f.group == \"booked\").count")" -gt 10000 &&
	awk "BEGIN { srand(1); for (i = 0; i < 110000; i++) { w = \"\"; for (k = 0; k < 6; k++) w = w sprintf(\"%c\", 65 + int(rand() * 26)); printf \"x %s \", w } }" >caps.txt &&
	timeout 60 "$RAPPORT" check --json caps.txt >j &&
	test "$(json_get j "j.flags.find(f => f.group == \"caps\").count")" -gt 100000
'
test_expect_success 'a near-limit draft that is one long sentence of links or of easy outs' '
	# One sentence holding tens of thousands of phrases: each phrase asks
	# about its own neighbours, found by search, not by reading them all.
	awk "BEGIN { printf \"could you \"; for (i = 0; i < 75000; i++) printf \"a.b/c thanks \"; print \"meet?\" }" >links.txt &&
	timeout 60 "$RAPPORT" check --json links.txt >j &&
	test "$(json_get j "j.score")" -ge 0 &&
	awk "BEGIN { for (i = 0; i < 49000; i++) printf \"feel free to ignore. \"; print \"\" }" >ignore.txt &&
	timeout 60 "$RAPPORT" check --json ignore.txt >j &&
	test "$(json_get j "j.flags.find(f => f.group == \"self_doubt\").count")" -gt 40000
'
test_expect_success '--help, and usage errors exit 2' '
	rapport check --help >out &&
	grep "^usage: rapport check \[FILE|-\] \[--to PERSON\] \[--rules-only\] \[--json\]" out &&
	grep -- "--rules-only .*word lists alone" out &&
	grep -- "--to PERSON" out &&
	test_exit_code 2 rapport check a.txt b.txt 2>err && grep "at most one FILE" err &&
	test_exit_code 2 rapport check --to "" good.txt 2>err && grep -- "--to" err &&
	test_exit_code 2 rapport check --bogus good.txt 2>err && grep "bogus" err &&
	test_exit_code 1 rapport check missing.txt 2>err && grep "missing.txt" err
'
test_expect_success 'person show: tone trend of their messages, yours, and the coach score of yours' '
	rapport person add "Bo Chen" --email bo@x.example >/dev/null &&
	printf "Hi Bo, thanks for the notes, they were really helpful. I attached the guide you asked about.\n" >kind.txt &&
	printf "Just following up again. Can we hop on a quick call ASAP? I need an answer by Friday.\n" >pushy.txt &&
	printf "This is wonderful news, thank you so much! We love it.\n" >warm.txt &&
	printf "This is disappointing. The delay is a real problem for us.\n" >cold.txt &&
	rapport log bo --kind email --dir out --at "150 days ago" --body kind.txt >/dev/null &&
	rapport log bo --kind email --dir in --at "140 days ago" --body warm.txt >/dev/null &&
	rapport log bo --kind email --dir in --at "100 days ago" --body warm.txt >/dev/null &&
	rapport log bo --kind email --dir out --at "20 days ago" --body pushy.txt >/dev/null &&
	rapport log bo --kind message --dir out --at "10 days ago" --body pushy.txt >/dev/null &&
	rapport log bo --kind email --dir in --at "5 days ago" --body cold.txt >/dev/null &&
	rapport log bo --kind call --at "3 days ago" --summary "a wonderful, lovely call" >/dev/null &&
	rapport person show bo >out &&
	grep "^tone trend (last 90 days vs before" out &&
	grep "^  theirs  *-0.55 (1)  vs  +0.70 (2)  cooler$" out &&
	grep "^  coach score .*(2)  vs .*(1)  worse$" out &&
	grep "most frequent problem in your messages: imposition (2)" out &&
	rapport person show bo --json >j &&
	test "$(json_get j "j.tone_trend.since")" = 2026-03-17T12:00:00Z &&
	test "$(json_get j "j.tone_trend.theirs.before_n")" = 2 &&
	test "$(json_get j "j.tone_trend.yours.recent_n")" = 2 &&
	test "$(json_get j "j.tone_trend.your_coach_score.recent < 50")" = true &&
	test "$(json_get j "j.tone_trend.your_coach_score.before >= 85")" = true &&
	test "$(json_get j "j.tone_trend.your_coach_score.main_problems.imposition")" = 2 &&
	rapport person add "Cy New" >/dev/null &&
	rapport person show cy >out && ! grep "tone trend" out &&
	rapport person show cy --json >j &&
	test "$(json_get j "j.tone_trend.theirs.trend")" = null
'
test_expect_success 'person show: imported mail from you is coached too' '
	rapport me --name "Sam Lee" --email sam@me.example >/dev/null &&
	printf "Date: Tue, 9 Jun 2026 10:00:00 +0000\nFrom: Sam Lee <sam@me.example>\nTo: Dee Park <dee@x.example>\nSubject: RE: quick question\nMessage-ID: <a1@me.example>\n\nJust following up. Can we hop on a quick call ASAP?\n" >out1.eml &&
	printf "Date: Wed, 10 Jun 2026 10:00:00 +0000\nFrom: Dee Park <dee@x.example>\nTo: Sam Lee <sam@me.example>\nSubject: Re: quick question\nMessage-ID: <a2@x.example>\n\nThis is not a good time, sorry.\n" >in1.eml &&
	rapport import out1.eml in1.eml >/dev/null &&
	rapport person show dee --json >j &&
	test "$(json_get j "j.tone_trend.your_coach_score.recent_n")" = 1 &&
	test "$(json_get j "j.tone_trend.your_coach_score.recent < 50")" = true &&
	test "$(json_get j "j.tone_trend.your_coach_score.main_problems.imposition")" = 1 &&
	test "$(json_get j "j.tone_trend.theirs.recent_n")" = 1 &&
	rapport person show dee >out &&
	grep "^  coach score .*(1)  vs       -" out
'
test_expect_success 'check: the learned model names a problem the lists miss' '
	# A bio with no list phrase: the lists stay quiet, the model (on
	# unless --rules-only) reads it as self_focus and points at a sentence.
	echo "Hello, I am a consultant. I have ten years of experience. I worked at three firms. I am available in May." >bio.txt &&
	rapport check --rules-only bio.txt >out &&
	! grep "/model" out &&
	rapport check bio.txt >out &&
	grep "^  warning self_focus/model (the learned model reads it so" out &&
	grep "^          at 1:[0-9]* \"I [a-z ]*\.\"$" out &&
	rapport check --json bio.txt >j &&
	test "$(json_get j "j.flags.filter(f => f.category == \"self_focus\")[0].group")" = model
'
test_done
