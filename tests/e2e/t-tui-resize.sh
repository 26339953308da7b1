#!/bin/sh
# t-tui-resize.sh -- 80x24, 200x60, 30x10 (画面が小さすぎます) and back, on
# every panel and with a dialog open: no crash, a sane screen; Ctrl-L.
. "$(dirname "$0")/lib.sh"
export XDG_STATE_HOME=$TMPD/state

sk add member --id M001 --name '山田 史郎' --kana 'ヤマダ シロウ' >/dev/null
sk add event --event-code E006 --name イベント6 --date 2026-02-20 >/dev/null
sk invite E006 M001 >/dev/null

alive() { screen | grep -qF '[1] 会員' || fail "$1: no frame"; }
size() {
	_size="$1x$2"
	$T resize-window -t app -x "$1" -y "$2"
	poll 5 '[ "$($T display -p -t app "#{window_width}x#{window_height}")" = "$_size" ]' ||
	    fail "tmux did not resize to $_size"
}

start_tui
wait_for '[1] 会員'
for panel in 1 2 3 4; do
	keys "$panel"
	size 80 24
	wait_for '[4] 集計'
	[ "$(screen | wc -l)" -le 24 ] || fail "more than 24 lines"
	[ "$(screen | wc -L)" -le 80 ] || fail "wider than 80"
	poll 5 "screen | sed -n 24p | grep -qF '? キー一覧'" ||
	    fail "no footer on line 24 at 80x24"
	size 200 60
	wait_for '[4] 集計'
	poll 5 "screen | sed -n 60p | grep -qF '? キー一覧'" ||
	    fail "no footer on line 60 at 200x60"
	size 30 10
	wait_for '画面が小さすぎます'
	size 120 40
	poll 5 "screen | sed -n 40p | grep -qF '? キー一覧'" ||
	    fail "no footer on line 40 at 120x40"
	alive "panel $panel"
done
# The frame of the list comes back with its rows.
keys 3
wait_for 'ヤマダ シロウ'
# A dialog survives a resize too.
keys a
wait_for '[更新する]'
size 30 10
wait_for '画面が小さすぎます'
size 80 24
wait_for '[更新する]'
keys Escape
wait_for 'キャンセルしました'
expect_eq "nothing marked" "$(show_key M001 total)" 0
# Very small sizes, one after another.
for s in 1x1 2x2 10x3 50x10 49x9 60x12; do
	size "${s%x*}" "${s#*x}"
done
# `?` at 80x24 does not fit: it says where it is, scrolls, and stops at
# the last line.
size 80 24
wait_for 'ヤマダ シロウ'
keys '?'
wait_for 'キー一覧 (Esc で閉じる)'
screen | grep -Eq ' 1-[0-9]+ / [0-9]+ ' || fail "no position on the key list"
keys G
poll 5 "screen | grep -Eq ' ([0-9]+)-([0-9]+) / \\2 '" ||
    fail "G did not reach the end"
last=$(screen | grep -Eo ' [0-9]+-[0-9]+ / [0-9]+ ')
screen | grep -qF 'Ctrl-L' || fail "the last key is not shown"
# j past the end stays; then one k is one line up from the end.
keys j j j k
_a=$(echo "$last" | sed 's/^ \([0-9]*\)-.*/\1/')
_b=$(echo "$last" | sed 's/^ [0-9]*-\([0-9]*\) .*/\1/')
_c=$(echo "$last" | sed 's/.* \([0-9]*\) $/\1/')
_want=" $((_a - 1))-$((_b - 1)) / $_c "
poll 5 "screen | grep -qF -- '$_want'" || fail "j scrolled past the end"
keys Escape
poll 5 "! screen | grep -qF 'キー一覧 (Esc'" || fail "? did not close"
size 120 40
wait_for 'ヤマダ シロウ'
# Ctrl-L redraws everything.
keys C-l
wait_for 'ヤマダ シロウ'
keys q
poll 5 '[ "$($T display -p -t app "#{pane_current_command}")" = sleep ]' ||
    fail "q did not quit"
echo "ok resize"
