#!/bin/sh
# A full map is exit 3 with a clear message, not a crash: add members to a
# tiny map until a command fails; the failed member is absent, the database
# still opens and `check` is clean.
. "$(dirname "$0")/lib.sh"

export SANKA_MAP_SIZE=262144 SANKA_LANG=en	# the English message
notes=$(awk 'BEGIN { for (i = 0; i < 40; i++) printf "備考の行 %02d です。", i }')
i=1 rc=0
while [ $i -le 2000 ]; do
	id=$(printf 'M%04d' $i)
	sk add member --id $id --name "会員 $i" --kana "カイイン $i" \
	    --notes "$notes" >/dev/null 2>"$TMPD/err"
	rc=$?
	[ $rc -eq 0 ] || break
	i=$((i + 1))
done
[ $i -gt 1 ] || fail "the first add failed: $(cat "$TMPD/err")"
expect_eq "exit status of the failing add ($id)" $rc 3
grep -qi 'full' "$TMPD/err" || fail "message does not say full: $(cat "$TMPD/err")"
grep -qi 'database\|データベース' "$TMPD/err" ||
    fail "message does not name the database: $(cat "$TMPD/err")"
echo "map full after $((i - 1)) members: $(cat "$TMPD/err")"

sk show member $id >/dev/null 2>&1
expect_eq "show of the failed member" $? 1
last=$(printf 'M%04d' $((i - 1)))
expect_eq "the last good member" "$(show_key $last name)" "会員 $((i - 1))"
out=$(sk check) || fail "check: $out"
expect_eq check "$out" ok
# a full database still takes reads and refuses the same write again
sk add member --id $id --name "会員 $i" --notes "$notes" >/dev/null 2>&1
expect_eq "the same add again" $? 3
# with the normal map size it opens and grows
unset SANKA_MAP_SIZE
sk add member --id X1 --name x >/dev/null || fail "add with a normal map"
out=$(sk check) || fail "check: $out"
echo ok
