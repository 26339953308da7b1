#!/bin/sh
# issue 9: four doors at once (four sanka in four tmux sessions), 100 scans
# each over overlapping members: each member counted once, `check` clean,
# every door's counters equal to the database at the end.
. "$(dirname "$0")/lib.sh"

awk 'BEGIN {
	print "member_id,name,past_count"
	for (i = 1; i <= 200; i++)
		printf "M%03d,会員 %d,%d\n", i, i, i % 4
}' >"$TMPD/members.csv"
printf 'event_code,name,date\nE1,例会,2026-02-21\n' >"$TMPD/events.csv"
sk import "$TMPD/events.csv" "$TMPD/members.csv" >/dev/null 2>&1 ||
    fail import
sk invite E1 M001 M002 M003 M004 M005 >/dev/null || fail invite

# door d scans members d*30+1 .. d*30+100: neighbours share 70 of them
for d in 0 1 2 3; do
	$T new-session -d -s door$d -x 100 -y 30 -e LC_ALL=C.UTF-8 \
	    -e SANKA_TODAY="$SANKA_TODAY" -e TZ=Asia/Tokyo \
	    "$SANKA -d $DB checkin E1 --door 受付$d; sleep 30"
	awk -v d=$d 'BEGIN { for (i = 1; i <= 100; i++)
		printf "M%03d\r", d * 30 + i }' >"$TMPD/scan$d"
done
for d in 0 1 2 3; do
	poll 5 "$T capture-pane -p -t door$d | grep -q '招待 5'" ||
	    fail "door $d did not open"
done
# the bursts of the four doors interleave
for part in 0 1 2 3; do
	for d in 0 1 2 3; do
		$T send-keys -t door$d -l "$(cut -c $((part * 125 + 1))-$((part * 125 + 125)) \
		    "$TMPD/scan$d")"
	done
done
# members 1..190 scanned, each once in the database
want="受付 190   参加予定 0   招待 5   飛び入り 185"
for d in 0 1 2 3; do
	poll 30 "$T capture-pane -p -t door$d | grep -qx '$want'" ||
	    fail "door $d counters: $($T capture-pane -p -t door$d | sed -n 3p)"
done
sk show event E1 >"$TMPD/ev"
for kv in 'attended: 190' 'walk_in: 185' 'invited: 5'; do
	grep -qx "$kv" "$TMPD/ev" || fail "show event lacks [$kv]"
done
for i in 1 50 100 131 190; do
	id=$(printf 'M%03d' $i)
	expect_eq "$id total" "$(show_key $id total)" $((i % 4 + 1))
done
expect_eq "M191" "$(show_key M191 attended)" 0
expect_eq check "$(sk check)" ok
# each check-in was counted by exactly one door
[ "$(sk log --event E1 | grep -c '	checkin	')" -eq 190 ] ||
    fail "not 190 check-ins: $(sk log --event E1 | grep -c '	checkin	')"
exit 0
