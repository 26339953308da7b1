#!/bin/sh
# t-export-options: -o FILE (0640, whole or nothing), --headers ja, CP932
# refusals naming the row, --event sorted by reading, quoting.
. "$(dirname "$0")/lib.sh"
export SANKA_LANG=en	# the English summaries and messages
C=tests/data
W=$TMPD/w; mkdir -p "$W"

sk import $C/members-basic.csv $C/members-ja.csv $C/events.csv \
    $C/attendance-words.csv >/dev/null || fail seed
umask 022
sk export members -o "$W/m.csv" || fail "export -o"
expect_eq "mode 0640" "$(stat -c %a "$W/m.csv")" 640
expect_eq "CRLF line ends" "$(head -n 1 "$W/m.csv" | od -An -c | tr -s ' ' | grep -o '\\r \\n')" '\r \n'
sk export members --headers ja | head -n 1 | grep -q '^会員ID,氏名,フリガナ,メールアドレス,電話番号,郵便番号,住所,所属,会員種別,会員状態,配信停止,入会日,備考,過去の参加回数,過去の最終参加日,過去の最終参加イベント,血液型,趣味,参加数(集計),合計参加回数(集計),最終参加日(集計),最終参加イベント(集計)' ||
    fail "Japanese member headers"
# A quote inside a cell is doubled, a line feed kept inside quotes.
sk export members | grep -q '^M003,.*,"He said ""hi""",' || fail "quotes doubled"

# The door's list: one event's records by reading.
expect_eq "by reading" "$(sk export attendance --event E001 | cut -d, -f4 |
    tr -d '\r' | paste -sd' ')" "member_id M002 M003 M001"
sk export attendance --event E404 >/dev/null 2>"$W/err"; rc=$?
expect_eq "unknown event exit" "$rc" 1
grep -qxF "sanka: no event E404" "$W/err" || fail "unknown event message"

# A character CP932 cannot hold: the row is named, nothing is written.
sk add member --member-id M900 --name '𠮷田 太郎' >/dev/null || fail "add 𠮷"
sk export members --encoding cp932 -o "$W/cp.csv" 2>"$W/err"; rc=$?
expect_eq "cp932 refusal exit" "$rc" 1
grep -qxF "$W/cp.csv:14:2(name): \"𠮷\" (U+20BB7) has no CP932 form: use --encoding utf-8-bom" "$W/err" ||
    { cat "$W/err"; fail "cp932 refusal message"; }
[ ! -e "$W/cp.csv" ] || fail "a half file was left"
ls "$W" | grep -q tmp && fail "a temporary file was left"
sk export members --encoding cp932 >"$W/out" 2>/dev/null && fail "cp932 to stdout"
[ -s "$W/out" ] && fail "cp932 refusal wrote to stdout"
sk export members --encoding utf-8-bom -o "$W/bom.csv" || fail "utf-8-bom"
# An existing file is replaced whole.
echo old >"$W/m.csv"
sk export events -o "$W/m.csv" || fail "replace"
head -n 1 "$W/m.csv" | grep -q '^event_code,' || fail "not replaced"
sk export nothing >/dev/null 2>&1; expect_eq "usage" "$?" 2
exit 0
