#!/bin/sh
# Interactions, the ledger both ways, asks, offerings, commitments, deals.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' '
	rapport init >/dev/null &&
	rapport person add "Ada Byron" --email ada@x.example >/dev/null &&
	rapport person add "Grace Hopper" --email grace@x.example >/dev/null
'
test_expect_success 'log accepts ISO and relative times, many participants' '
	rapport log ada grace --kind meeting --at 2026-06-01T10:00 --summary "kickoff" --json >j &&
	test "$(json_get j "j.at")" = 2026-06-01T10:00:00Z &&
	test "$(json_get j "j.people.join()")" = 2,1 -o "$(json_get j "j.people.join()")" = 1,2 &&
	rapport log ada --kind call --at "3 days ago" --json >j &&
	test "$(json_get j "j.at")" = 2026-06-12T12:00:00Z &&
	rapport log ada --kind email --dir in --at yesterday --json >j &&
	test "$(json_get j "j.at")" = 2026-06-14T12:00:00Z &&
	rapport log grace --kind meeting --at "next friday" --json >j &&
	test "$(json_get j "j.at")" = 2026-06-19T12:00:00Z
'
test_expect_success 'bad log input is a usage error that names it' '
	test_exit_code 2 rapport log ada --kind call --at "whenever" 2>err && grep "whenever" err &&
	test_exit_code 2 rapport log ada --kind fax 2>err && grep "fax" err &&
	test_exit_code 2 rapport log ada 2>err && grep -- "--kind" err &&
	test_exit_code 2 rapport log ada --kind call --dir sideways 2>err && grep "sideways" err &&
	test_exit_code 1 rapport log zelda --kind call 2>err && grep "zelda" err
'
test_expect_success 'give and received record value with a kind' '
	rapport give ada --kind intro introduced her to Grace >out && grep "gave #1" out &&
	rapport received ada --kind advice pricing tips >/dev/null &&
	test_exit_code 2 rapport give ada --kind bribe cash 2>err && grep "bribe" err &&
	rapport ledger ada --json >j && test "$(json_get j "j.length")" = 2 &&
	test "$(json_get j "j[0].text")" = "introduced her to Grace"
'
test_expect_success 'asks need an existing offering and get an outcome later' '
	test_exit_code 2 rapport offering add Workshop --conviction 9 2>err && grep "conviction" err &&
	rapport offering add Workshop --conviction 4 >/dev/null &&
	test_exit_code 1 rapport ask ada buy it --offering Nonexistent 2>err && grep "no offering" err &&
	rapport ask ada buy the workshop --offering workshop --json >j &&
	id=$(json_get j "j.id") && test "$(json_get j "j.outcome")" = pending &&
	rapport outcome $id yes --json >j && test "$(json_get j "j.outcome")" = yes &&
	test_exit_code 1 rapport outcome 1 yes 2>err && grep "no ask with id 1" err &&
	test_exit_code 2 rapport outcome $id maybe 2>err && grep "maybe" err
'
test_expect_success 'commitments both ways, overdue shown, then done' '
	rapport commitment add ada "send rubric" --due "2 days ago" >/dev/null &&
	rapport commitment add grace "send deck" --theirs --due "in 3 days" >/dev/null &&
	rapport commitment list >out &&
	grep "OVERDUE .*you owe .*Ada Byron" out && grep "open .*they owe you .*Grace" out &&
	rapport commitment done 1 >/dev/null &&
	rapport commitment list --json >j && test "$(json_get j "j.length")" = 1 &&
	rapport commitment list --all --json >j && test "$(json_get j "j.length")" = 2
'
test_expect_success 'deals: amounts in minor units, stages checked, close dates set' '
	rapport org add Northwind >/dev/null &&
	rapport deal add "Q3 workshop" --org Northwind --amount 499.99 --json >j &&
	test "$(json_get j "j.amount")" = 49999 && test "$(json_get j "j.stage")" = lead &&
	rapport deal edit 1 --stage won --json >j &&
	test "$(json_get j "j.closed_at")" = 2026-06-15T12:00:00Z &&
	test_exit_code 2 rapport deal edit 1 --stage maybe 2>err && grep "maybe" err &&
	test_exit_code 2 rapport deal add X --org Northwind --amount lots 2>err && grep "lots" err &&
	test_exit_code 2 rapport deal add X 2>err && grep -- "--org" err
'
test_done
