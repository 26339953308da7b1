#!/bin/sh
# t-import-multi: several files are one transaction: events and members
# before the attendance that refers to them; one bad file writes nothing.
. "$(dirname "$0")/lib.sh"
export SANKA_LANG=en	# the English summaries and messages
C=tests/data
W=$TMPD/w; mkdir -p "$W"

# Attendance first on the command line: still imported after its members.
sk import $C/attendance-words.csv $C/events.csv $C/members-basic.csv \
    >"$W/sum" || fail "multi import"
grep -qxF "$C/attendance-words.csv: attendance: 12 added, 0 updated, 0 unchanged" "$W/sum" ||
    fail "records"
expect_eq "one audit record for the import" "$(sk log | grep -c import)" 1
expect_eq total "$(show_key M001 total)" 4
sk check >/dev/null || fail check

# A new member, its event and records, plus one bad row in another file:
# nothing at all is written.
printf 'member_id,name\nM050,新人\n' >"$W/m.csv"
printf 'event_code,name,date\nE050,新しい会,2026-05-05\n' >"$W/e.csv"
printf 'event_code,member_id,status\nE050,M050,参加\nE050,M001,たぶん\n' >"$W/a.csv"
before=$(md5sum <"$DB/data.mdb")
sk import "$W/m.csv" "$W/e.csv" "$W/a.csv" >"$W/out" 2>&1 && fail "bad multi import"
grep -qxF "$W/a.csv:3:3(status): unknown status \"たぶん\" (attended, absent, no_show, cancelled or empty; 参加, 欠席, 無断欠席, キャンセル)" "$W/out" ||
    { cat "$W/out"; fail "error line"; }
expect_eq "nothing written" "$(md5sum <"$DB/data.mdb")" "$before"
sk show member M050 >/dev/null 2>&1 && fail "M050 was written"

# Fixed, the three go in together.
printf 'event_code,member_id,status\nE050,M050,参加\nE050,M001,欠席\n' >"$W/a.csv"
sk import "$W/m.csv" "$W/e.csv" "$W/a.csv" >/dev/null || fail "fixed multi"
expect_eq "M050 attended" "$(show_key M050 attended)" 1
# The same member in two files: both places named.
printf 'member_id,name\nM050,別人\n' >"$W/m2.csv"
sk import "$W/m.csv" "$W/m2.csv" >"$W/out" 2>&1 && fail "dup across files"
grep -qxF "$W/m2.csv:2:1(member_id): member M050 appears twice: also on $W/m.csv:2" "$W/out" ||
    { cat "$W/out"; fail "dup across files message"; }
exit 0
