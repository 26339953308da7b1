#!/bin/sh
# t-tui-live.sh -- another process commits (the CLI): the visible panel
# shows it within a second or so, the cursor on the same record.
. "$(dirname "$0")/lib.sh"
export XDG_STATE_HOME=$TMPD/state

sk add member --id M001 --name '山田 史郎' --kana 'ヤマダ シロウ' >/dev/null
sk add member --id M002 --name '佐藤 花子' --kana 'サトウ ハナコ' >/dev/null
sk add member --id M003 --name '鈴木 一郎' --kana 'スズキ イチロウ' >/dev/null
sk add event --event-code E006 --name イベント6 --date 2026-02-20 >/dev/null
sk invite E006 M001 M002 M003 >/dev/null

start_tui
wait_for '[1] 会員'
keys 3
wait_for 'ヤマダ シロウ'
# サトウ, スズキ, ヤマダ: tag スズキ (line 2; Space moves on to ヤマダ).
keys j Space
wait_for 'タグ: 1 件'
# Another process marks サトウ (above the cursor): it leaves the list.
sk mark E006 M002 attended >/dev/null || fail "mark"
poll 5 "! screen | grep -qF 'サトウ ハナコ'" || fail "the mark never showed"
# The cursor stayed on ヤマダ (by key, not by line): a asks about 山田.
keys a
wait_for '山田 史郎  イベント6'
keys Escape
# The tag survived the refresh: A marks the tagged record (one call).
keys A
wait_for 'タグ付きの 1 件'
keys Enter
poll 5 '[ "$(show_key M003 total)" = 1 ]' || fail "A did not mark スズキ"
expect_eq "M001 untouched" "$(show_key M001 total)" 0

# [1] shows a total changed elsewhere.
keys 1
wait_for 'M003'
sk mark E006 M001 attended >/dev/null
poll 5 "screen | grep -F ' M001 ' | grep -qF '2026-02-20'" ||
    fail "the member list did not refresh"
# A new member appears; the cursor stays on its member (M001).
sk add member --id M000 --name '青木 一' --kana 'アオキ ハジメ' >/dev/null
wait_for 'M000'
keys Enter
wait_for 'M001  山田 史郎'
echo "ok live"
