#!/bin/sh
# issue 9: `sanka checkin` without EVENT: today's one event at once, a
# choice among several; Esc on an empty input leaves the door for the
# events panel, where `C` opens the door of the event under the cursor.
. "$(dirname "$0")/lib.sh"

sk add event --code E1 --name 午前の部 --date 2026-02-21 >/dev/null || fail E1
sk add member --id M001 --name '会員 一' >/dev/null || fail M001

start_tui -- checkin
wait_for "受付  2026-02-21  午前の部  (E1)"
$T kill-session -t app

sk add event --code E2 --name 午後の部 --date 2026-02-21 >/dev/null || fail E2
sk add event --code E0 --name 先月 --date 2026-01-21 >/dev/null || fail E0
start_tui -- checkin
wait_for "今日のどのイベントですか？"
screen | grep '│' | grep -q 先月 && fail "another day's event offered"
screen | grep -q "2026-02-21  E2  午後の部" || fail "E2 not offered"
screen | grep -q "2026-02-21  E1  午前の部" || fail "E1 not offered"
# the menu lists newest first (E2 before E1): 1 is E2
keys 1
wait_for "受付  2026-02-21  午後の部  (E2)"
text M001; keys Enter
wait_for "受付完了"
# Esc on the empty input: back to the events panel; C opens a door there
keys Escape
wait_for "先月"
keys C
wait_for "受付  2026-02-21  午後の部  (E2)"
expect_eq "M001 at E2" "$(sk history M001 | cut -f2)" E2
exit 0
