#!/bin/sh
# t-import-safety: issue 8 items 1, 2, 3, 7, 11 -- a re-import keeps what an
# empty cell does not say and lists what it takes away; a NUL byte, a
# formula column name and a 10 MB cell are refused where they are; header
# cells are guarded on export.
. "$(dirname "$0")/lib.sh"
export SANKA_LANG=en SANKA_TODAY=2026-03-01
C=tests/data
W=$TMPD/w; mkdir -p "$W"
in_data() { (cd $C && "$@"); }
# expect_out WHAT WANT-RC EXPECTED-FILE COMMAND...: exit and output exactly.
expect_out() {
	_what=$1 _want=$2 _exp=$3; shift 3
	"$@" >"$W/out" 2>&1; _rc=$?
	[ "$_rc" = "$_want" ] || { cat "$W/out"; fail "$_what: exit $_rc, want $_want"; }
	diff "$_exp" "$W/out" || fail "$_what: messages differ"
}
sk import $C/reimport-members.csv $C/reimport-events.csv \
    $C/reimport-attendance.csv >/dev/null 2>&1 || fail "setup import"
expect_eq "no entry per addition into an empty database" \
    "$(sk log | grep -c 'import	attendance')" 0

# Item 1: an empty cell keeps the stored value; 未確定 clears one status.
expect_out "dry run lists the status taken" 0 $C/reimport-old.expected \
    in_data sk import --dry-run reimport-old.csv
expect_eq "dry run wrote nothing" "$(show_key 1002 total)" 2
sk import $C/reimport-old.csv $C/reimport-old-members.csv >"$W/sum" ||
    fail "re-import"
grep -qxF '  1002 EV05: attended → pending (total 2 → 1)' "$W/sum" ||
    { cat "$W/sum"; fail "summary lists the reverted status"; }
expect_eq "empty final kept" "$(sk export attendance --event EV04 |
    grep -c ',1002,.*,attended,')" 1
expect_eq "empty final kept (1001)" "$(show_key 1001 total)" 1
expect_eq "pending clears" "$(show_key 1002 total)" 1
expect_eq "empty phone kept" "$(show_key 1001 phone)" 090-1111-2222
expect_eq "empty attribute kept" "$(show_key 1001 attr.趣味)" 囲碁
sk log --member 1002 >"$W/log"
grep -q '	import	attendance	EV05/1002	final=attended -> final=$' \
    "$W/log" || { cat "$W/log"; fail "log --member shows the import's change"; }
grep -q '	import	import		 -> what=.*changes: 1 ' "$W/log" &&
    fail "the import's own record names no member"
sk log --limit 1 | grep -q 'changes: 1 (the entries just before)' ||
    fail "the import's record counts its entries"
# ... and the member page's change log
start_tui SANKA_LANG=ja
wait_for '1002'
keys Down Enter
wait_for '取り込み 参加記録 EV05: 最終ステータス=参加 → 最終ステータス=未確定'
$T kill-server
# --blank clear: the empty cells empty the stored values.
sk import --blank clear $C/reimport-old-members.csv >/dev/null ||
    fail "--blank clear"
expect_eq "--blank clear empties the phone" "$(show_key 1001 phone)" ""
sk log --member 1001 | grep -q '	import	member	1001	phone=090-1111-2222; attr.趣味=囲碁 -> phone=; attr.趣味=$' ||
    { sk log --member 1001; fail "log --member shows the member's change"; }
expect_eq "--blank clear drops the attribute" \
    "$(sk show member 1001 | grep -c '^attr.趣味')" 0
sk import --blank maybe $C/reimport-old.csv >/dev/null 2>&1 &&
    fail "--blank maybe accepted"
# a member whose last date moves is listed by itself
printf 'event_code,member_id,final\nEV04,1002,欠席\n' >"$W/a3.csv"
sk import "$W/a3.csv" >"$W/sum" || fail "a3"
grep -qxF '  1002 EV04: attended → absent (total 1 → 0)' "$W/sum" ||
    { cat "$W/sum"; fail "a3 summary"; }
# a member whose total drops and last date moves back is listed by itself;
# one whose total rises and last date moves on is not
printf 'member_id,name,past_count,past_last_date\n1001,山田 一郎,5,2025-01-01\n1002,佐藤 花子,1,\n1004,高橋,0,2025-01-01\n' >"$W/p1.csv"
printf 'member_id,name,past_count,past_last_date\n1001,山田 一郎,2,2024-01-01\n1002,佐藤 花子,3,2025-05-05\n1004,高橋,0,2024-01-01\n' >"$W/p2.csv"
sk import "$W/p1.csv" >/dev/null || fail "p1"
sk import --dry-run "$W/p2.csv" >"$W/sum" || fail "p2"
expect_eq "member lines" "$(grep '^  ' "$W/sum")" "  1001: total 6 → 3
  1004: last date 2025-01-01 → 2024-01-01"
sk check >/dev/null || fail "check after the re-imports"

# Item 2: one event however the rows of one import space or widen its
# name; a near name on the same date warned of; two stored events that
# match refused, naming both; `check` lists them.
sk add member --member-id 1003 --name 鈴木 >/dev/null || fail "add 1003"
sk import $C/attendance-spaced-names.csv >"$W/sum" || fail "spaced names"
grep -qxF "$C/attendance-spaced-names.csv: events: 1 added, 0 updated, 0 unchanged; created from name and date: E20240601-1 2024年度定時総会 (2024-06-01)" "$W/sum" ||
    { cat "$W/sum"; fail "one event for three spellings"; }
expect_out "near name" 0 $C/attendance-near-name.expected \
    in_data sk import --dry-run attendance-near-name.csv
sk add event --event-code E9 --name ABC --date 2024-07-01 >/dev/null &&
    sk add event --event-code E10 --name ａｂｃ --date 2024-07-01 >/dev/null ||
    fail "add E9 E10"
expect_out "two stored events" 1 $C/attendance-two-events.expected \
    in_data sk import attendance-two-events.csv
sk check >"$W/out" 2>/dev/null && fail "check: the split event"
grep -qxF 'events E10, E9: the same name on 2024-07-01 after folding (width, case, spaces): merge them with `sanka merge event KEEP DROP`' "$W/out" ||
    { cat "$W/out"; fail "check lists the split event"; }
sk merge event E9 E10 >/dev/null || fail "merge event"
sk check >/dev/null || fail "check after the merge"

# Item 3: a NUL byte is refused with its line and cell; nothing written.
expect_out "NUL byte" 1 $C/members-nul.expected in_data sk import members-nul.csv
printf 'member_id,name,notes\nM1,"a\nb\0c",x\n' >"$W/nulq.csv"
sk import "$W/nulq.csv" >"$W/out" 2>&1 && fail "NUL in a quoted cell"
grep -q 'nulq.csv:3:2: a NUL byte' "$W/out" || { cat "$W/out"; fail "NUL in a quoted cell: where"; }

# Item 7: formula column names refused where they are; header cells
# guarded on export, unguarded on import (a round trip).
expect_out "formula header" 1 $C/members-formula-header.expected \
    in_data sk import members-formula-header.csv
sk edit member 1001 --attr "'+1=ok" >/dev/null || fail "attr '+1"
sk export members >"$W/m.csv" || fail "export"
head -1 "$W/m.csv" | grep -qF "''+1" || { head -1 "$W/m.csv"; fail "header cell guarded"; }
rm -rf "$DB"
sk import "$W/m.csv" >/dev/null 2>&1 || fail "the guarded export imports back"
expect_eq "guarded header round trip" "$(show_key 1001 "attr.'+1")" ok

# Item 11: concurrent command-line edits of different fields all succeed
# (each applies to the member as it is, in one transaction).
for n in 1 2 3 4 5 6; do
	sk edit member 1001 --attr "k$n=v$n" >"$W/edit$n" 2>&1 &
done
wait
for n in 1 2 3 4 5 6; do
	grep -q 'updated member 1001' "$W/edit$n" || { cat "$W/edit$n"; fail "edit $n"; }
	expect_eq "attr k$n kept" "$(show_key 1001 attr.k$n)" "v$n"
done

# Item 11: a 10 MB cell is read at once (libcsv's block size) and refused
# for its length.
{ printf 'member_id,name,notes\nM9,x,"'; head -c 10000000 /dev/zero | tr '\0' a
  printf '"\n'; } >"$W/big.csv"
sk import "$W/big.csv" >"$W/out" 2>&1 && fail "a 10 MB cell accepted"
grep -q 'big.csv:2:3(notes)' "$W/out" || { cat "$W/out"; fail "10 MB cell: where"; }
echo ok
