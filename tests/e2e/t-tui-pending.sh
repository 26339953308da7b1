#!/bin/sh
# t-tui-pending.sh -- [3] 未確定: the order (past newest first, then the
# future soonest first, by reading inside an event), declined hidden until
# d, x/n/c/r, tags and A, undo of each step, search.
. "$(dirname "$0")/lib.sh"
export XDG_STATE_HOME=$TMPD/state

sk add member --id M001 --name '山田 史郎' --kana 'ヤマダ シロウ' >/dev/null
sk add member --id M002 --name '佐藤 花子' --kana 'さとう はなこ' >/dev/null
sk add member --id M003 --name '髙橋 一郎' --kana 'ﾀｶﾊｼ ｲﾁﾛｳ' >/dev/null
sk add member --id M004 --name '青木 葵' --kana 'アオキ アオイ' >/dev/null
sk add event --event-code E005 --name 一月例会 --date 2026-01-18 >/dev/null
sk add event --event-code E006 --name 二月例会 --date 2026-02-20 >/dev/null
sk add event --event-code E007 --name 三月例会 --date 2026-03-10 >/dev/null
sk add event --event-code E008 --name 二月懇親会 --date 2026-02-28 >/dev/null
sk invite E005 M001 >/dev/null
sk invite E006 M001 M002 M003 M004 >/dev/null
sk invite E007 M002 >/dev/null
sk invite E008 M003 >/dev/null
sk respond E006 M004 declined >/dev/null

start_tui
wait_for '[1] 会員'
keys 3
wait_for '三月例会'
# rows LIST: the order of "EVENT MEMBER" on the screen.
rows() { screen | sed -n 's/^[ *] [0-9-]* \(E[0-9]*\) .* \(M[0-9]*\) .*/\1 \2/p' | tr '\n' ' '; }
expect_eq "order" "$(rows)" \
    'E006 M002 E006 M003 E006 M001 E005 M001 E008 M003 E007 M002 '
wait_for '不参加: 非表示'
keys d
poll 5 "screen | grep -qF 'M004'" || fail "d did not show M004"
expect_eq "with declined" "$(rows)" \
    'E006 M004 E006 M002 E006 M003 E006 M001 E005 M001 E008 M003 E007 M002 '
keys d
poll 5 "! screen | grep -qF 'M004'" || fail "d did not hide M004"

# x, n and c on the first three; each leaves the list.
keys x
wait_for '佐藤 花子: 欠席'
poll 5 '[ "$(show_key M002 absent)" = 1 ]' || fail "x"
keys n
wait_for '髙橋 一郎: 無断欠席'
poll 5 '[ "$(show_key M003 no_show)" = 1 ]' || fail "n"
keys c
wait_for '山田 史郎: キャンセル'
poll 5 '[ "$(show_key M001 cancelled)" = 1 ]' || fail "c"
expect_eq "left" "$(rows)" 'E005 M001 E008 M003 E007 M002 '
# Undo, step by step, newest first.
keys u
poll 5 '[ "$(show_key M001 cancelled)" = 0 ]' || fail "undo c"
keys u u
poll 5 '[ "$(show_key M002 absent)" = 0 ]' || fail "undo x"
expect_eq "back" "$(rows)" \
    'E006 M002 E006 M003 E006 M001 E005 M001 E008 M003 E007 M002 '
keys u
wait_for 'この画面で元に戻す操作はありません'

# The cursor stayed on its record (E005 M001) through the undos.
screen | grep -F '参加予定' >/dev/null && fail "a response too early"
# r: the response menu; 2 = accepted; on the first line (g).
keys g r
wait_for '参加予定'
keys 2
poll 5 "sk show event E006 | grep -q '^M002	.*	accepted'" ||
    fail "r did not record accepted"

# Tag two records, A marks both attended after one question.
keys g Space j Space
wait_for 'タグ: 2 件'
keys A
wait_for 'タグ付きの 2 件'
keys Enter
poll 5 '[ "$(show_key M002 attended)" = 1 ] && [ "$(show_key M001 attended)" = 1 ]' ||
    fail "A did not mark both"
wait_for 'タグ: 0 件'
keys u
poll 5 '[ "$(show_key M002 attended)" = 0 ] && [ "$(show_key M001 attended)" = 0 ]' ||
    fail "undo A"

# / filters the records (folded): たかはし finds 髙橋's two.
keys /
text 'たかはし'
wait_for '検索: たかはし'
expect_eq "search" "$(rows)" 'E006 M003 E008 M003 '
keys Escape Escape
wait_for '三月例会'
# A future event (E007, 2026-03-10; today 2026-02-21): the question says so.
keys G a
wait_for 'このイベントはまだ開催されていません'
keys Escape
poll 5 "! screen | grep -qF 'まだ開催されていません'" || fail "dialog stayed"
expect_eq "cancelled mark" "$(show_key M002 attended)" 0
sk check >/dev/null || fail check
echo "ok pending"
