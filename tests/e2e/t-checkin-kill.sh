#!/bin/sh
# issue 9: a check-in whose confirmation was drawn survives kill -9 of that
# sanka the moment it shows (the confirmation comes after the commit).
. "$(dirname "$0")/lib.sh"

sk add event --code E1 --name 例会 --date 2026-02-21 >/dev/null || fail "add E1"
for i in 1 2 3 4 5; do
	sk add member --id M00$i --name "会員 $i" --kana "かいいん $i" \
	    --past-count 2 >/dev/null || fail "add M00$i"
done

for i in 1 2 3 4 5; do
	start_tui -- checkin E1 --door 受付1
	wait_for "受付 $((i - 1))   参加予定 0"
	sh_pid=$($T display-message -p -t app '#{pane_pid}')
	pid=$(pgrep -P "$sh_pid" -x sanka) || fail "no sanka under $sh_pid"
	text "M00$i"
	keys Enter
	wait_for "会員 $i  (かいいん $i)  M00$i"
	kill -9 "$pid"
	$T kill-session -t app
	expect_eq "M00$i total" "$(show_key M00$i total)" 3
	sk history M00$i | grep -q "	E1	.*	attended\$" ||
	    fail "M00$i's check-in is lost: $(sk history M00$i)"
done
expect_eq check "$(sk check)" ok
exit 0
