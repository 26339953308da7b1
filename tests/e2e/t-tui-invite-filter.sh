#!/bin/sh
# t-tui-invite-filter.sh -- I on an event's page invites by a filter of
# the store's language: a Japanese label and a full-width operator, the
# active-only rule, a quoted value with a space, and a bad word named.
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
wait_for 'colour'
keys I
wait_for '条件に一致する会員'
text '会員種別＝正会員 過去の参加回数>=0'
keys Enter
wait_for '有効な会員 2 人'
keys Enter
poll 5 "[ \"\$(invited)\" = 'M001 M004 ' ]" || fail "invited: $(invited)"
# Members who left are invited only when the filter names the status.
keys I
wait_for '条件に一致する会員'
text '"name=髙橋 一郎" status=退会'
keys Enter
wait_for '一致する 1 人'
keys Enter
poll 5 "[ \"\$(invited)\" = 'M001 M002 M004 ' ]" || fail "invited: $(invited)"
