#!/bin/sh
# t-tui-invite-filter.sh -- I on an event's page invites by a filter of
# the store's language: a Japanese label and a full-width operator, the
# active-only rule, a quoted value with a space, and a bad word named (the
# prompt comes back with the words as typed).
. "$(dirname "$0")/lib.sh"

sk add member --id M001 --name '山田 史郎' --segment 正会員 >/dev/null
sk add member --id M002 --name '髙橋 一郎' --segment 正会員 --status 退会 \
    >/dev/null
sk add member --id M003 --name '佐藤 花子' --segment 賛助会員 >/dev/null
sk add member --id M004 --name '青木 葵' --segment 正会員 --past-count 2 \
    >/dev/null
sk add event --event-code E001 --name 総会 --date 2026-03-01 >/dev/null

invited() { sk show event E001 | cut -f1 | grep '^M' | tr '\n' ' '; }

start_tui
wait_for '[1] 会員'
keys 2
wait_for '総会'
keys Enter
wait_for 'E001'
keys I
wait_for '条件に一致する会員'
text 'colour=red'
keys Enter
wait_for '項目 colour はありません'
wait_for '条件に一致する会員'
screen | grep -qF 'colour=red' || fail "the typed words were not kept"
keys C-u
text '会員種別＝正会員 過去の参加回数>=0'
keys Enter
wait_for '2 人を E001 総会 に招待しますか？'
wait_for '対象外: 退会 1 人, 休会 0 人'
keys Enter
poll 5 "[ \"\$(invited)\" = 'M001 M004 ' ]" || fail "invited: $(invited)"
# Members who left are invited only when the filter names the status.
keys I
wait_for '条件に一致する会員'
text '"name=髙橋 一郎" status=退会'
keys Enter
wait_for '1 人を E001 総会 に招待しますか？'
keys Enter
poll 5 "[ \"\$(invited)\" = 'M001 M002 M004 ' ]" || fail "invited: $(invited)"
