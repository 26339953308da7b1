#!/bin/sh
# t-import-dryrun: --dry-run reports what an import would do and writes nothing.
. "$(dirname "$0")/lib.sh"
export SANKA_LANG=en	# the English summaries and messages
C=tests/data

# No database yet: checked against an empty one, none created.
sk import --dry-run $C/members-basic.csv $C/events.csv >"$TMPD/sum" ||
    fail "dry run on no database"
grep -qxF "$C/members-basic.csv: members: 3 added, 0 updated, 0 unchanged; attributes: 血液型, 趣味" "$TMPD/sum" ||
    fail "dry-run summary"
grep -qxF "dry run: nothing was written" "$TMPD/sum" || fail "dry-run notice"
[ ! -e "$DB" ] || fail "dry run created the database"

# An existing database: the data file does not change by one byte.
sk import $C/members-basic.csv >/dev/null || fail seed
sum1=$(md5sum <"$DB/data.mdb")
log1=$(sk log | wc -l)
sk import --dry-run $C/members-ja.csv $C/events.csv $C/attendance-words.csv \
    >"$TMPD/sum" || fail "dry run"
grep -qxF "$C/attendance-words.csv: attendance: 12 added, 0 updated, 0 unchanged" "$TMPD/sum" ||
    fail "dry-run counts"
expect_eq "data.mdb unchanged" "$(md5sum <"$DB/data.mdb")" "$sum1"
expect_eq "no audit record" "$(sk log | wc -l)" "$log1"
expect_eq "no member added" "$(sk export members | grep -c "^M")" 3
# A dry run with a bad row fails like the import would.
sk import --dry-run $C/members-bad.csv >/dev/null 2>&1 && fail "bad dry run succeeded"
exit 0
