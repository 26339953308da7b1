#!/bin/sh
# Links planted where sanka writes (issue 8): `backup FILE` and `export -o`
# never follow one; a link in place of lock.mdb is refused, its target
# untouched.
. "$(dirname "$0")/lib.sh"

export SANKA_LANG=en
sk add member --id M1 --name 山田 >/dev/null || fail "add"
printf 'precious\n' >"$TMPD/victim"
ln -s "$TMPD/victim" "$TMPD/backup.mdb"
sk backup "$TMPD/backup.mdb" 2>"$TMPD/err"
expect_eq "backup onto a link: exit status" $? 1
expect_eq "backup: the link's target" "$(cat "$TMPD/victim")" precious

ln -s "$TMPD/victim" "$TMPD/out.csv"
sk export members -o "$TMPD/out.csv" || fail "export -o onto a link"
expect_eq "export: the link's target" "$(cat "$TMPD/victim")" precious
[ -L "$TMPD/out.csv" ] && fail "export -o left the link in place"
grep -q '^M1,' "$TMPD/out.csv" || fail "export -o: no M1 in the file"

mv "$DB/lock.mdb" "$TMPD/lock.keep"
ln -s "$TMPD/victim" "$DB/lock.mdb"
sk check >"$TMPD/out" 2>"$TMPD/err"
expect_eq "check with a linked lock.mdb: exit status" $? 3
grep -q 'not a regular file' "$TMPD/err" || fail "message: $(cat "$TMPD/err")"
expect_eq "lock link's target" "$(cat "$TMPD/victim")" precious
rm "$DB/lock.mdb"
out=$(sk check) || fail "check after the link is gone: $out"
echo ok
