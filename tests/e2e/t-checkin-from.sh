#!/bin/sh
# issue 9: `checkin EVENT --from FILE`, the replay of a scanner's log or of
# a laptop that lost its connection: duplicates, unknown IDs, blank lines
# and comments, IDs already checked in at a door, times; the exact lines,
# the exit status, the totals; a second replay is ALREADY everywhere.
. "$(dirname "$0")/lib.sh"

sk add event --code E1 --name 例会 --date 2026-02-21 >/dev/null || fail "add E1"
for i in 1 2 3 4 5; do
	sk add member --id M00$i --name "会員 $i" --past-count $i >/dev/null ||
	    fail "add M00$i"
done
sk add member --id ab-9 --name 小文字 >/dev/null || fail "add ab-9"
sk edit member M005 --status 退会 >/dev/null || fail "M005 left"
sk invite E1 M001 M002 >/dev/null || fail invite
sk mark E1 M003 absent >/dev/null || fail "mark M003"

# M002 was checked in earlier at door 受付1, at 09:58
printf 'M002\t09:58\n' >"$TMPD/first"
out=$(sk checkin E1 --from "$TMPD/first" --door 受付1)
expect_eq "first replay" "$out" "$(printf 'OK\tM002\t会員 2')"

TAB=$(printf '\t')
cat >"$TMPD/scans" <<EOF
# door 2, laptop offline from 10:00
M001${TAB}10:01

Ｍ００３${TAB}2026-02-21T10:02:30
m004
M001
M002
X999
M005
AB-9${TAB}2026-02-21T01:03:00Z
M004${TAB}25:00
   # an indented comment
EOF
out=$(sk checkin E1 --from "$TMPD/scans" --door 受付2)
expect_eq "exit status" $? 1
want=$(printf '%s\n' \
    "OK${TAB}M001${TAB}会員 1" \
    "OK${TAB}M003${TAB}会員 3" \
    "OK${TAB}M004${TAB}会員 4" \
    "ALREADY${TAB}M001${TAB}会員 1${TAB}2026-02-21T10:01:00${TAB}受付2" \
    "ALREADY${TAB}M002${TAB}会員 2${TAB}2026-02-21T09:58:00${TAB}受付1" \
    "ERROR${TAB}X999${TAB}unknown" \
    "ERROR${TAB}M005${TAB}left" \
    "OK${TAB}ab-9${TAB}小文字" \
    "ERROR${TAB}M004${TAB}invalid")
expect_eq "replay lines" "$out" "$want"

# the totals: each counted once; M003 was absent, M004 and ab-9 walk-ins
for i in 1 2 3 4; do
	expect_eq "M00$i total" "$(show_key M00$i total)" $((i + 1))
done
expect_eq "M005 total" "$(show_key M005 total)" 5
sk show event E1 >"$TMPD/ev" || fail "show event"
for kv in 'invited: 2' 'attended: 5' 'absent: 0' 'walk_in: 2'; do
	grep -qx "$kv" "$TMPD/ev" || fail "show event lacks [$kv]: $(cat "$TMPD/ev")"
done
grep -qx "M004${TAB}会員 4${TAB}none${TAB}attended${TAB}yes" "$TMPD/ev" ||
    fail "M004 is no walk-in: $(cat "$TMPD/ev")"
grep -qx "M003${TAB}会員 3${TAB}none${TAB}attended${TAB}no" "$TMPD/ev" ||
    fail "M003: $(cat "$TMPD/ev")"
expect_eq check "$(sk check)" ok

# the same scans again (the good ones): ALREADY for every line, exit 0
grep -v -e X999 -e M005 -e 25:00 "$TMPD/scans" >"$TMPD/good"
out=$(sk checkin E1 --from "$TMPD/good" --door 受付3)
expect_eq "replay again: exit" $? 0
n=$(printf '%s\n' "$out" | grep -c "^ALREADY$TAB")
expect_eq "replay again: ALREADY lines" "$n" 6
printf '%s\n' "$out" | grep -q "受付3" && fail "a replay moved a door: $out"
expect_eq "M001 total after the replays" "$(show_key M001 total)" 2

# the export carries the check-in
sk export attendance --event E1 >"$TMPD/att.csv" || fail export
head -1 "$TMPD/att.csv" | grep -q 'checked_in_at,checked_in_by' ||
    fail "export header: $(head -1 "$TMPD/att.csv")"
grep -q '^E1,.*,M003,.*2026-02-21T10:02:30,[^,]* (受付2)' "$TMPD/att.csv" ||
    fail "export row: $(cat "$TMPD/att.csv")"
# ... and an import reads it back: the same export from another database
sk export members >"$TMPD/m.csv" && sk export events >"$TMPD/e.csv" &&
    sk export attendance >"$TMPD/a.csv" || fail "export all"
"$SANKA" -d "$TMPD/db2" import "$TMPD/e.csv" "$TMPD/m.csv" "$TMPD/a.csv" \
    >/dev/null 2>&1 || fail "import into a new database"
"$SANKA" -d "$TMPD/db2" export attendance >"$TMPD/a2.csv" || fail "export 2"
cmp -s "$TMPD/a.csv" "$TMPD/a2.csv" ||
    fail "check-ins changed on the way: $(diff "$TMPD/a.csv" "$TMPD/a2.csv")"

# the usage and the errors
printf 'M001\n' | sk checkin E1 --from - >/dev/null || fail "stdin"
sk checkin --from "$TMPD/good" >/dev/null 2>&1
expect_eq "--from without EVENT" $? 2
sk checkin NOPE --from "$TMPD/good" >/dev/null 2>&1
expect_eq "unknown event" $? 1
sk checkin E1 --from "$TMPD/missing" >/dev/null 2>&1
expect_eq "missing file" $? 1
exit 0
