#!/bin/sh
# t-tui-align.sh -- columns stay aligned with mixed Japanese, half-width kana
# and ASCII: every row's date and count sit at the same display column, a
# long name ends with "…", no character is cut.
. "$(dirname "$0")/lib.sh"
export XDG_STATE_HOME=$TMPD/state
# A session that outlives "app": its restarts never race a tmux server
# that is exiting with its last session.
$T new-session -d -s keep -x 20 -y 5 "sleep 600"

sk add member --id M001 --name '山田 史郎' --kana 'ヤマダ シロウ' \
    --past-count 12 --past-last-date 2025-04-01 >/dev/null
sk add member --id M002 --name 'Smith John' --kana 'スミス' \
    --past-count 3 --past-last-date 2025-04-02 >/dev/null
sk add member --id M003 --name 'ﾔﾏﾀﾞ ﾀﾛｳ' --kana 'ﾔﾏﾀﾞ ﾀﾛｳ' \
    --past-count 7 --past-last-date 2025-04-03 >/dev/null
sk add member --id M004 --name 'とても長いお名前の会員さんです本当に長いお名前' \
    --kana 'トテモナガイオナマエノカイインサンデスホントウニナガイ' \
    --past-count 100 --past-last-date 2025-04-04 >/dev/null
sk add member --id M005 --name '①髙橋 ○子 → ■' --kana 'x' \
    --past-count 1 --past-last-date 2025-04-05 >/dev/null

# cols LINE TEXT: the display column where TEXT starts in LINE (wc -L
# measures with wcwidth: a wide character is two columns).
cols() { printf '%s' "${1%%"$2"*}" | wc -L; }

check_aligned() {
	_want=
	for id in M001 M002 M003 M004 M005; do
		line=$(screen | grep -F " $id ") || fail "no row $id"
		d=$(cols "$line" "2025-04-0")
		[ -n "$_want" ] || _want=$d
		[ "$d" = "$_want" ] || fail "$id: date at column $d, not $_want"
		# The count is right-aligned just before the date.
		n=$(printf '%s' "${line%%2025-04-0*}" | sed 's/ *$//' | wc -L)
		[ "$n" = $((_want - 1)) ] || fail "$id: count ends at $n"
		# Nothing runs past the right edge.
		[ "$(printf '%s' "$line" | wc -L)" -le "$1" ] ||
		    fail "$id: line wider than $1"
	done
}

start_tui
wait_for '[1] 会員'
wait_for 'M005'
check_aligned 120
line=$(screen | grep -F ' M004 ')
case "$line" in *…*) ;; *) fail "the long name is not cut with …: $line" ;; esac
# The same at 80 columns.
$T resize-window -t app -x 80 -y 24
poll 5 '[ "$(screen | head -1 | wc -L)" -le 80 ]' || fail "no resize"
wait_for 'M005'
check_aligned 80

# With SANKA_AMBIGUOUS=2 the layout counts ① ○ → ■ as two columns (and a
# cut ends with ".."): tmux draws them one wide, so M005's date comes 4
# columns early while every other row stays put.
$T kill-session -t app
start_tui SANKA_AMBIGUOUS=2
wait_for 'M005'
want=$(cols "$(screen | grep -F ' M001 ')" 2025-04-0)
for id in M002 M003 M004; do
	[ "$(cols "$(screen | grep -F " $id ")" 2025-04-0)" = "$want" ] ||
	    fail "$id moved with SANKA_AMBIGUOUS=2"
done
got=$(cols "$(screen | grep -F ' M005 ')" 2025-04-0)
[ "$got" = $((want - 4)) ] || fail "M005: date at $got, want $((want - 4))"
line=$(screen | grep -F ' M004 ')
case "$line" in *..*) ;; *) fail "no .. with SANKA_AMBIGUOUS=2: $line" ;; esac
case "$line" in *…*) fail "… with SANKA_AMBIGUOUS=2: $line" ;; esac
echo "ok align"
