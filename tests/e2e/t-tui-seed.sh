#!/bin/sh
# t-tui-seed.sh -- the seed flow: on [3] 未確定, mark 山田 史郎 attended at
# イベント6; the dialog asks first, the status line says 5 → 6, and the
# aggregate follows; a cancel changes nothing; undo puts it back.
. "$(dirname "$0")/lib.sh"
export XDG_STATE_HOME=$TMPD/state

sk add member --id M001 --name '山田 史郎' --kana 'ヤマダ シロウ' \
    --past-count 3 >/dev/null || fail "add M001"
sk add member --id M002 --name '佐藤 花子' --kana 'サトウ ハナコ' >/dev/null ||
    fail "add M002"
sk add event --event-code E004 --name イベント4 --date 2025-11-15 >/dev/null
sk add event --event-code E005 --name イベント5 --date 2026-01-18 >/dev/null
sk add event --event-code E006 --name イベント6 --date 2026-02-20 >/dev/null
sk mark E004 M001 attended >/dev/null || fail "mark E004"
sk mark E005 M001 attended >/dev/null || fail "mark E005"
sk invite E006 M001 M002 >/dev/null || fail "invite E006"
expect_eq "total before" "$(show_key M001 total)" 5

start_tui
wait_for '[1] 会員'
keys 3
wait_for 'ヤマダ シロウ'
# E006 by reading: サトウ first, then ヤマダ: one line down.
keys j a
wait_for 'イベント参加回数を更新します。よろしいですか？'
wait_for '[更新する]'
wait_for '[キャンセル]'
# Esc cancels: nothing changes.
keys Escape
poll 5 "! screen | grep -qF '[更新する]'" || fail "the dialog stayed"
wait_for 'キャンセルしました'
expect_eq "total after cancel" "$(show_key M001 total)" 5
# n cancels too.
keys a
wait_for '[更新する]'
keys n
poll 5 "! screen | grep -qF '[更新する]'" || fail "n did not cancel"
expect_eq "total after n" "$(show_key M001 total)" 5
expect_eq "still pending" "$(sk show member M001 | grep -c 'E006')" 0

# Enter confirms.
keys a
wait_for '[更新する]'
keys Enter
wait_for '山田 史郎: 参加回数 5 → 6'
poll 5 '[ "$(show_key M001 total)" = 6 ]' || fail "total is not 6"
expect_eq "last_event" "$(show_key M001 last_event)" 'E006 イベント6'
expect_eq "last_date" "$(show_key M001 last_date)" 2026-02-20
# The marked record left the list; サトウ's stays.
poll 5 "! screen | grep -qF 'ヤマダ シロウ'" || fail "the record stayed"
screen | grep -qF 'サトウ ハナコ' || fail "the other record went"

# u undoes the change of this screen (with the version it produced).
keys u
wait_for 'ヤマダ シロウ'
poll 5 '[ "$(show_key M001 total)" = 5 ]' || fail "undo: total is not 5"
expect_eq "undo last_event" "$(show_key M001 last_event)" 'E005 イベント5'

# y confirms as well; Ctrl-Z undoes too.
keys j a
wait_for '[更新する]'
keys y
wait_for '参加回数 5 → 6'
poll 5 '[ "$(show_key M001 total)" = 6 ]' || fail "y: total is not 6"
keys C-z
poll 5 '[ "$(show_key M001 total)" = 5 ]' || fail "Ctrl-Z: total is not 5"
sk check >/dev/null || fail "sanka check after the flow"
echo "ok seed flow"
