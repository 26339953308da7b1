#!/bin/sh
# t-tui-import.sh -- sanka -i FILE...: the import runs first, then the
# screens; a failed import shows every error on a page and writes nothing.
. "$(dirname "$0")/lib.sh"
export XDG_STATE_HOME=$TMPD/state
$T new-session -d -s keep -x 20 -y 5 "sleep 600"

printf 'member_id,name,kana,past_count\nM101,森 太郎,モリ タロウ,2\n,名無し,ナナシ,1\nM103,林 次郎,ハヤシ ジロウ,x\n' \
    >"$TMPD/bad.csv"
printf '会員ID,氏名,フリガナ\r\nM101,森 太郎,モリ タロウ\r\nM102,林 花子,ハヤシ ハナコ\r\n' \
    >"$TMPD/good.csv"

start_tui -- -i "$TMPD/bad.csv"
wait_for "$DB"		# no database yet: the question names the path
keys y Enter
wait_for '取り込みに失敗しました。何も書き込んでいません (Esc で閉じる)'
wait_for 'bad.csv:3:1'
wait_for 'bad.csv:4:4'
sk show member M101 >/dev/null 2>&1 && fail "M101 was written"
keys Escape
wait_for '[1] 会員'
wait_for '会員はまだいません'
keys q
poll 5 '[ "$($T display -p -t app "#{pane_current_command}")" = sleep ]' ||
    fail "q did not quit"
$T kill-session -t app

start_tui -- -i "$TMPD/good.csv"
wait_for 'M102'
wait_for '追加 2'
expect_eq "imported" "$(show_key M102 kana)" 'ハヤシ ハナコ'
echo "ok import"
