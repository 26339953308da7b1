#!/bin/sh
# t-import-corpus: every file of tests/data imports (or is refused) as expected.
. "$(dirname "$0")/lib.sh"
export SANKA_LANG=en	# the English summaries and messages
C=tests/data
W=$TMPD/w; mkdir -p "$W"
# A new empty database, made first so that no "created a new database"
# line joins the messages compared below.
printf 'member_id,name\n' >"$W/none.csv"
fresh_db() {
	rm -rf "$DB"
	sk import "$W/none.csv" 2>&1 | grep -q 'created a new database' ||
	    fail "the first import does not say it created the database"
}
fresh_db

# expect_fail WHAT EXPECTED-FILE COMMAND...: exit 1, stdout+stderr exactly EXPECTED.
expect_fail() {
	_what=$1 _exp=$2; shift 2
	"$@" >"$W/out" 2>&1; _rc=$?
	[ "$_rc" = 1 ] || { cat "$W/out"; fail "$_what: exit $_rc, want 1"; }
	diff "$_exp" "$W/out" || fail "$_what: messages differ"
}
# in_data COMMAND...: run COMMAND in tests/data (short names in messages).
in_data() { (cd $C && "$@"); }
# has_line WHAT FILE LINE: FILE has the exact LINE.
has_line() { grep -qxF -- "$3" "$2" || { cat "$2"; fail "$1: no line [$3]"; }; }

# Members, events, attendance: UTF-8, BOM + CRLF + quoted (kintone), Japanese
# headers with 姓+名, half-width kana, full-width digits, every date format,
# every status and response word.  The exports are the expected files.
sk import $C/members-basic.csv $C/members-bom-crlf.csv $C/members-ja.csv \
    $C/events.csv $C/attendance-words.csv >"$W/sum" || fail "corpus import"
has_line summary "$W/sum" "$C/members-basic.csv, $C/members-bom-crlf.csv, $C/members-ja.csv: members: 13 added, 0 updated, 0 unchanged; attributes: 血液型, 趣味"
has_line summary "$W/sum" "$C/events.csv: events: 4 added, 0 updated, 0 unchanged"
has_line summary "$W/sum" "$C/attendance-words.csv: attendance: 12 added, 0 updated, 0 unchanged"
for k in members events attendance; do
	sk export $k >"$W/$k.csv" || fail "export $k"
	cmp "$W/$k.csv" $C/expect-$k.csv || { diff $C/expect-$k.csv "$W/$k.csv"; fail "export $k differs"; }
done
expect_eq "line feed in a quoted cell" "$(show_key M101 notes)" '一行目\n二行目'
expect_eq "U+3000 trimmed" "$(show_key M202 name)" "中村 五郎"
expect_eq "half-width kana folded" "$(show_key M201 kana)" "ワタナベ シロウ"
expect_eq "full-width digits" "$(show_key M201 phone)" "03-1234-5678"
expect_eq "ISO time with Z is a Tokyo date" "$(show_key M207 joined_on)" "2026-02-20"
expect_eq "status word 休会" "$(show_key M002 status)" "suspended"
sk check >/dev/null || fail "check after the corpus"

# Every error named as FILE:LINE:FIELD, all of them, nothing written.
fresh_db
expect_fail members-bad $C/members-bad.expected in_data sk import members-bad.csv
expect_eq "nothing from a bad file" "$(sk export members | wc -l)" 1

# References: unknown member and event, a record twice, a zero-stripped ID.
sk import $C/members-basic.csv $C/events.csv >/dev/null || fail "refs setup"
sk add member --member-id 00123 --name ゼロ >/dev/null || fail "add 00123"
expect_fail attendance-bad $C/attendance-bad.expected in_data sk import attendance-bad.csv
expect_eq "no record from a bad file" "$(sk export attendance | wc -l)" 1

# Events by name and date: found, or created with a stable code.
sk import $C/attendance-byname.csv >"$W/sum" || fail "by name"
has_line "created events" "$W/sum" "$C/attendance-byname.csv: events: 2 added, 0 updated, 0 unchanged; created from name and date: E20260315-1 交流会 (2026-03-15), E20260315-2 懇親会 (2026-03-15)"
has_line "by name" "$W/sum" "$C/attendance-byname.csv: attendance: 6 added, 0 updated, 0 unchanged"
sk import $C/attendance-byname.csv >"$W/sum" || fail "by name again"
has_line "by name again" "$W/sum" "$C/attendance-byname.csv: attendance: 0 added, 0 updated, 6 unchanged"
sk export attendance --event E001 | grep -q '^E001,新年会,2026-01-10,M002,.*,absent,' || fail "新年会 found by name"

# CP932 with NEC/IBM extensions (① 髙 﨑 ～ and a backslash).
fresh_db
iconv -f UTF-8 -t CP932 $C/members-cp932.utf8 >"$W/cp932.csv" || fail iconv
sk import "$W/cp932.csv" >"$W/sum" || fail "cp932 import"
has_line cp932 "$W/sum" "$W/cp932.csv: members: 2 added, 0 updated, 0 unchanged; $W/cp932.csv read as CP932"
expect_eq "NEC ①" "$(show_key M301 name)" "髙橋 ①子"
expect_eq "IBM 﨑" "$(show_key M302 name)" "山﨑 太郎"
expect_eq "0x5C is a backslash" "$(show_key M302 address)" 'C:\path\to'
sk import --encoding cp932 "$W/cp932.csv" >/dev/null || fail "--encoding cp932"
expect_fail "cp932 as utf-8" /dev/stdin sk import --encoding utf-8 "$W/cp932.csv" <<EOT
$W/cp932.csv:1: invalid UTF-8: byte 0x89 at byte offset 0
nothing was imported
EOT

# Refused with the reason: UTF-16, tab-separated, invalid bytes.
iconv -f UTF-8 -t UTF-16 $C/members-basic.csv >"$W/u16.csv"
expect_fail utf16 /dev/stdin sk import "$W/u16.csv" <<EOT
$W/u16.csv:1: UTF-16 (Excel 'Unicode テキスト') is not supported; save as CSV UTF-8
nothing was imported
EOT
expect_fail tsv /dev/stdin sk import $C/members.tsv <<EOT
$C/members.tsv:1: the file is tab-separated (Excel "Unicode テキスト" or "テキスト (タブ区切り)"); save it as "CSV UTF-8 (コンマ区切り)"
nothing was imported
EOT
printf 'member_id,name\nM901,ab\377\n' >"$W/ff.csv"
expect_fail "neither encoding" /dev/stdin sk import "$W/ff.csv" <<EOT
$W/ff.csv:2: byte 0xFF at byte offset 22 is neither UTF-8 nor CP932 (Shift_JIS): the file is in another encoding or damaged
nothing was imported
EOT
printf 'member_id,name\nM901,山田太郎山田太郎山田太郎\nM902,\345\261\n' >"$W/broken.csv"
expect_fail "damaged UTF-8" /dev/stdin sk import "$W/broken.csv" <<EOT
$W/broken.csv:3: invalid UTF-8 at byte offset 62 (the rest of the file is UTF-8): fix that byte, or give --encoding cp932 if the file is Shift_JIS
nothing was imported
EOT
printf 'member_id,name\nM1,"never closed\nM2,x\n' >"$W/quote.csv"
expect_fail "unterminated quote" /dev/stdin sk import "$W/quote.csv" <<EOT
$W/quote.csv:2: a quoted cell in the row starting here is never closed
nothing was imported
EOT
printf 'member_id,name\nM1,a"b"\n' >"$W/q2.csv"
expect_fail "stray quote" /dev/stdin sk import "$W/q2.csv" <<EOT
$W/q2.csv:2: malformed quotes: a '"' inside an unquoted cell, or text after a closing quote
nothing was imported
EOT

# Missing required columns; a header that names no kind.
expect_fail "no kind" /dev/stdin sk import $C/members-noid.csv <<EOT
$C/members-noid.csv:1: cannot tell from the header whether this is a members, events or attendance file (members need member_id/会員ID and name/氏名; events event_code/イベントコード, name, date; attendance a member and an event column); give --kind
nothing was imported
EOT
expect_fail "no ID column" /dev/stdin sk import --kind members $C/members-noid.csv <<EOT
$C/members-noid.csv:1: no member ID column (the header needs member_id, 会員ID)
nothing was imported
EOT

: >"$W/empty.csv"
expect_fail "empty file" /dev/stdin sk import "$W/empty.csv" <<EOT
$W/empty.csv: the file is empty: no header row
nothing was imported
EOT

# kintone 会員マスタ: system columns ignored, the old totals warned about.
fresh_db
sk import $C/kintone-members.csv >"$W/sum" 2>"$W/err" || fail "kintone members"
has_line "old totals" "$W/err" "$C/kintone-members.csv:1:5(参加回数): warning: 参加回数/最終参加日/最終参加イベント look like the old kintone (Customine) totals: importing them as past_count would count the attendance records twice, so they are ignored; use --past-from-total to set past_count = that total - the attended records"
expect_eq "totals ignored" "$(show_key K001 past_count)" 0
# kintone table export: continuation rows are records of the same event.
sk import $C/events.csv $C/kintone-table.csv >/dev/null || fail "kintone table"
sk export attendance | grep -q '^E001,新年会,2026-01-10,K002,林 二,.*,absent,0,' || fail "continuation row inherits its event"
# --past-from-total: past_count = the old total - attended records.
fresh_db
sk import --past-from-total $C/events.csv $C/kintone-members.csv $C/kintone-table.csv >"$W/sum" || fail "past-from-total"
has_line "past total" "$W/sum" "$C/kintone-members.csv: members: 2 added, 0 updated, 0 unchanged; past_count = the old total - the attended records"
expect_eq "past_count" "$(show_key K001 past_count)" 4
expect_eq "total" "$(show_key K001 total)" 5
sk check >/dev/null || fail "check after past-from-total"
# レコード番号 as the ID when there is no other.
sk import $C/kintone-recno.csv >/dev/null || fail recno
expect_eq "レコード番号 is the ID" "$(show_key 7 name)" "森 七"
# A member table: empty cells of a continuation row are not given, custom
# columns gather one value per line.
sk import $C/kintone-member-merge.csv >/dev/null || fail "member table merge"
expect_eq "merged status" "$(show_key K010 status)" suspended
expect_eq "merged table column" "$(sk show member K010 | sed -n 's/^attr.資格: //p')" '簿記\n英検'
# A member table whose rows disagree on a member field: refused.
expect_fail "member table" /dev/stdin sk import $C/kintone-member-table.csv <<EOT
$C/kintone-member-table.csv:5:3(氏名): "森 十二" differs from "森 十一" on line 4, where this kintone record starts (レコードの開始行): a table (サブテーブル) column cannot be name; export the app without its table
nothing was imported
EOT

# Formula cells: the export guards them, the import removes the guard.
sk import $C/members-formula.csv >/dev/null || fail formula
expect_eq "guard removed" "$(show_key F003 organization)" "=kept"
expect_eq "one guard removed" "$(show_key F003 notes)" "''=x"
sk export members | grep -q "^F001,式 一,,,,,,'=1+2,,active,0,,'+81-90," || fail "export guards"

# Zero-stripped IDs: warned, naming the lines.
sk import $C/members-zeros.csv >/dev/null 2>"$W/err" || fail zeros
has_line zeros "$W/err" "$C/members-zeros.csv: warning: 2 member IDs are shorter than the 5-digit IDs with leading zeros (lines 4, 5): did Excel remove their zeros? they are imported as written"
printf 'member_id,name\n125,零 五\n' >"$W/z.csv"
sk add member --member-id 00125 --name 零 >/dev/null
sk import "$W/z.csv" >/dev/null 2>"$W/err" || fail "zero vs db"
has_line "zero vs db" "$W/err" "$W/z.csv:2:1(member_id): warning: 125 is a new member, but the database has 00125: did Excel remove the leading zeros? format the column as text"

# Likely duplicates: the same e-mail in the file and against the database.
printf 'member_id,name,kana,email\nD1,重複 一,ジュウフク イチ,Dup@Example.jp\nD2,重複 二,ジュウフク ニ,dup@example.jp\n' >"$W/d.csv"
sk import "$W/d.csv" >/dev/null 2>"$W/err" || fail dups
has_line "dup in file" "$W/err" "$W/d.csv:3:4(email): warning: member D2 has the same e-mail as D1 (line 2): the same person? (sanka merge KEEP DROP)"
printf 'member_id,name,kana\nD3,重複　一,ｼﾞｭｳﾌｸ ｲﾁ\n' >"$W/d2.csv"
sk import "$W/d2.csv" >/dev/null 2>"$W/err" || fail dups2
has_line "dup vs db" "$W/err" "$W/d2.csv:2:2(name): warning: member D3 has the same name and reading as D1 (in the database): the same person? (sanka merge KEEP DROP)"
exit 0
