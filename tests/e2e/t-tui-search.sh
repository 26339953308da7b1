#!/bin/sh
# t-tui-search.sh -- incremental search on [1] typed in hiragana, katakana,
# half-width katakana, variant kanji, by ID, e-mail address and phone; Japanese typed into a form
# is stored as import stores it; the timing trace records the keys.
. "$(dirname "$0")/lib.sh"
export XDG_STATE_HOME=$TMPD/state

sk add member --id M001 --name '山田 史郎' --kana 'ヤマダ シロウ' \
    --phone 09012345678 >/dev/null
sk add member --id M002 --name '髙橋 花子' --kana 'タカハシ ハナコ' \
    --phone '03-5555-1212' >/dev/null
sk add member --id M003 --name 'Smith John' --kana 'スミス ジョン' \
    --email 'john@example.com' >/dev/null

start_tui SANKA_TRACE=$TMPD/trace
wait_for '[1] 会員'
wait_for 'Smith John'
# search QUERY: open the search, type as an IME commits, expect RESULT only.
search() {
	keys /
	text "$1"
	wait_for "$2"
	for _other in 山田 髙橋 Smith; do
		case "$2" in *"$_other"*) continue ;; esac
		poll 5 "! screen | grep -qF '$_other'" ||
		    fail "search $1 still shows $_other"
	done
	keys Escape Escape
	wait_for 'Smith John'
}
search 'やまだ' '山田 史郎'
search 'ヤマダ' '山田 史郎'
search 'ﾔﾏﾀﾞ' '山田 史郎'
search 'しろう' '山田 史郎'
search '高橋' '髙橋 花子'
search 'たかはし' '髙橋 花子'
search 'm002' '髙橋 花子'
search 'Ｍ００３' 'Smith John'
search 'john' 'Smith John'
# The whole address, its domain, phone digits (issue 8 item 13).
search 'john@example.com' 'Smith John'
search 'example.com' 'Smith John'
search '090-1234' '山田 史郎'
search '０９０１２３' '山田 史郎'
search '5678' '山田 史郎'
search '03-5555' '髙橋 花子'
search '0355551212' '髙橋 花子'
search '1212' '髙橋 花子'
# No match says so.
keys /
text 'ぬぬぬ'
wait_for '一致する会員はいません'
keys Escape Escape

# Enter on a hit opens the member's page.
keys /
text 'やまだ'
wait_for '1 件'
keys Enter
wait_for '参加履歴'
keys Escape
wait_for '検索: やまだ'
# Back on the list, the list has the focus: 3 switches the panel, it is
# not typed into the search.
keys 3
wait_for '未確定の記録はありません'
keys 1
wait_for '検索: やまだ'
screen | grep -qF '検索: やまだ3' && fail "3 was typed into the search"
keys Escape
poll 5 "! screen | grep -qF '検索: やまだ'" || fail "Esc did not clear"
wait_for 'Smith John'

# A new member typed in Japanese (full-width space, half-width kana): the
# name is kept as written, the reading folded to NFKC as import folds it
# (issue 8: an untouched export imports back unchanged).
keys n
wait_for '会員の追加'
text 'M010'
keys Enter
text '渡邊　美咲'
keys Enter
text 'ﾜﾀﾅﾍﾞ ﾐｻｷ'
keys C-s
wait_for '会員 M010 渡邊　美咲 を追加しました'
expect_eq "name" "$(show_key M010 name)" '渡邊　美咲'
expect_eq "kana" "$(show_key M010 kana)" 'ワタナベ ミサキ'
keys Escape
search 'わたなべ' '渡邊　美咲'

# The trace: "T_US KIND DUR_US" lines, a start and search keys.
grep -Eq '^[0-9]+ start [0-9]+$' "$TMPD/trace" || fail "no start in the trace"
grep -Eq '^[0-9]+ search [0-9]+$' "$TMPD/trace" || fail "no search in the trace"
grep -Evq '^[0-9]+ [a-z]+ [0-9]+$' "$TMPD/trace" && fail "a bad trace line"
echo "ok search"
