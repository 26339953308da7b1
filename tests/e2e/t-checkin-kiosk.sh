#!/bin/sh
# issue 9: the kiosk: today's events only, the PIN typed twice at the
# start, no key that leaves (q, Tab, 1-4, Ctrl-C, Ctrl-Z, Esc), no contact
# field drawn, the PIN to leave with a wait after three wrong ones.
. "$(dirname "$0")/lib.sh"

sk add event --code E1 --name 例会 --date 2026-02-21 >/dev/null || fail "add E1"
sk add event --code E2 --name 来月 --date 2026-03-21 >/dev/null || fail "add E2"
sk add member --id M001 --name '山田 太郎' --kana 'やまだ たろう' \
    --email yamada@example.jp --phone 090-1111-2222 >/dev/null ||
    fail "add M001"

# not today: refused before any screen
out=$(sk checkin E2 --kiosk 2>&1)
expect_eq "kiosk on another day: exit" $? 1
case $out in *"E2"*2026-03-21*) ;; *) fail "kiosk E2: $out" ;; esac

start_tui -- checkin --kiosk
# the PIN: too short, then two that differ, then twice the same
wait_for "キオスク: 終了用のPIN"
text 12; keys Enter
wait_for "PINは4桁以上の数字です"
text 2468; keys Enter
wait_for "キオスク: 同じPINをもう一度"
text 2469; keys Enter
wait_for "2回のPINが違います"
text 2468; keys Enter
wait_for "キオスク: 同じPINをもう一度"
screen | grep -q 2468 && fail "the PIN is drawn"
text 2468; keys Enter
wait_for "キオスク開始"
screen | grep -q "\[2\]" && fail "the kiosk offers the panels"

# keys that leave elsewhere are text or nothing here
keys Tab C-c C-z 1 2 q
keys Escape Escape
wait_for "キオスクを終了するPIN"
keys Escape
text 'やまだ'
wait_for "やまだ たろう"
screen | grep -q -e yamada -e 090 && fail "a contact field is drawn"
screen | grep -q "^ID・氏名: .*やまだ" || fail "the input lost the typing"
keys Enter
wait_for "受付完了"

# three wrong PINs, then a wait in which even the right one is refused
for i in 1 2 3; do
	keys Escape	# the input is empty: Esc asks at once
	wait_for "キオスクを終了するPIN"
	text 1111; keys Enter
done
wait_for "PINが3回違いました。30秒待ってください"
keys Escape Escape
wait_for "秒待ってください"
screen | grep -q "キオスクを終了するPIN" && fail "the PIN was asked during the wait"
sh_pid=$($T display-message -p -t app '#{pane_pid}')
pgrep -P "$sh_pid" -x sanka >/dev/null || fail "the kiosk left"
$T kill-session -t app

# the right PIN leaves, with exit 0
start_tui -- checkin E1 --kiosk
wait_for "キオスク: 終了用のPIN"
text 1357; keys Enter
wait_for "同じPINをもう一度"
text 1357; keys Enter
wait_for "キオスク開始"
keys Escape
wait_for "キオスクを終了するPIN"
text 1357; keys Enter
sh_pid=$($T display-message -p -t app '#{pane_pid}')
poll 5 "! pgrep -P $sh_pid -x sanka >/dev/null" || fail "the right PIN did not leave"
expect_eq "M001 checked in" "$(show_key M001 attended)" 1
exit 0
