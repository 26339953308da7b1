#!/bin/sh
# The seed example from the command line: 山田 史郎 brings 3 attendances from
# before sanka and attended イベント4 and イベント5; marking イベント6 and
# correcting the records move total, last_date and last_event, and `check`
# stays clean after every step.
. "$(dirname "$0")/lib.sh"
export SANKA_LANG=en	# the English confirmations of mark

step() {	# step WHAT: `check` must pass now
	out=$(sk check) || fail "check after $1: $out"
	expect_eq "check output after $1" "$out" "ok"
}

sk add member --member-id M001 --name '山田 史郎' --kana 'ヤマダ シロウ' \
    --past-count 3 >/dev/null || fail "add member"
sk add event --event-code E004 --name イベント4 --date 2025-11-15 >/dev/null &&
sk add event --event-code E005 --name イベント5 --date 2026/1/18 >/dev/null &&
sk add event --code E006 --name イベント6 --date 2026-02-20 >/dev/null ||
    fail "add events"
step "adding"
sk invite E004 M001 >/dev/null && sk invite E005 M001 >/dev/null &&
    sk invite E006 M001 >/dev/null || fail invite
sk mark E004 M001 attended >/dev/null && sk mark E005 M001 参加 >/dev/null ||
    fail "mark E004/E005"
step "E004 and E005"
expect_eq "total" "$(show_key M001 total)" 5
expect_eq "last_date" "$(show_key M001 last_date)" 2026-01-18
expect_eq "last_event" "$(show_key M001 last_event)" "E005 イベント5"

out=$(sk mark E006 M001 attended) || fail "mark E006"
expect_eq "mark output" "$out" "M001 イベント6: attended (total 5 -> 6)"
step "E006 attended"
expect_eq "total" "$(show_key M001 total)" 6
expect_eq "attended" "$(show_key M001 attended)" 3
expect_eq "last_date" "$(show_key M001 last_date)" 2026-02-20
expect_eq "last_event" "$(show_key M001 last_event)" "E006 イベント6"
expect_eq "explain" "$(sk explain M001)" \
"6 = 過去 3 + 参加 3: E004 2025-11-15, E005 2026-01-18, E006 2026-02-20
last_date 2026-02-20: E006 イベント6"

sk mark E004 M001 absent >/dev/null || fail "mark E004 absent"
step "E004 absent"
expect_eq "total" "$(show_key M001 total)" 5
expect_eq "last_date" "$(show_key M001 last_date)" 2026-02-20
expect_eq "absent" "$(show_key M001 absent)" 1

out=$(sk mark E006 M001 pending) || fail "mark E006 pending"
expect_eq "mark output" "$out" "M001 イベント6: pending (total 5 -> 4)"
step "E006 pending"
expect_eq "total" "$(show_key M001 total)" 4
expect_eq "last_date" "$(show_key M001 last_date)" 2026-01-18
expect_eq "last_event" "$(show_key M001 last_event)" "E005 イベント5"
expect_eq "explain" "$(sk explain M001)" \
"4 = 過去 3 + 参加 1: E005 2026-01-18
last_date 2026-01-18: E005 イベント5"
expect_eq "history" "$(sk history M001)" \
"$(printf '2026-02-20\tE006\tイベント6\tnone\tpending\n2026-01-18\tE005\tイベント5\tnone\tattended\n2025-11-15\tE004\tイベント4\tnone\tabsent')"

# The past wins once no event is attended and it is the later date.
sk edit member M001 --past-last-date 2026/2/1 --past-last-event 旧イベント名 \
    >/dev/null || fail "edit past"
step "edit past"
expect_eq "last_date" "$(show_key M001 last_date)" 2026-02-01
expect_eq "last_event" "$(show_key M001 last_event)" 旧イベント名
expect_eq "explain last" "$(sk explain M001 | sed -n 2p)" \
    "last_date 2026-02-01: past_last_date (旧イベント名)"
echo "ok"
