#!/bin/sh
# t-import-kill: kill -9 during a large import (while it parses, and while
# its one write transaction runs) leaves the database exactly as before.
. "$(dirname "$0")/lib.sh"
export SANKA_LANG=en	# the English summaries and messages
C=tests/data
W=$TMPD/w; mkdir -p "$W"

sk import $C/members-basic.csv $C/events.csv $C/attendance-words.csv \
    >/dev/null || fail seed
# 150,000 new members and a change to an existing one: the upsert path.
awk 'BEGIN {
	print "member_id,name,kana,email,past_count";
	print "M001,山田 太郎,ヤマダ タロウ,changed@example.jp,9";
	for (i = 1; i <= 150000; i++)
		printf "K%06d,会員 %d,カイイン %d,k%d@example.jp,%d\n", i, i, i, i, i % 7;
}' >"$W/big.csv"
for k in members events attendance; do sk export $k >"$W/$k.before"; done
sum=$(md5sum <"$DB/data.mdb")

# rss PID: the resident set in MiB (0 once the process is gone).
rss() { awk '/^VmRSS/ { print int($2 / 1024) }' /proc/$1/status 2>/dev/null || echo 0; }
# kill_at MIB: start the import, kill -9 it once its resident set passes
# MIB (the parse stays far below it; the write transaction grows past it).
kill_at() {
	"$SANKA" -d "$DB" import "$W/big.csv" >/dev/null 2>&1 &
	pid=$!
	poll 60 "[ \$(rss $pid) -ge $1 ] || ! kill -0 $pid 2>/dev/null" ||
	    fail "the import never reached $1 MiB"
	kill -0 $pid 2>/dev/null || fail "the import ended before the kill at $1 MiB (make the file bigger)"
	kill -9 $pid
	wait $pid 2>/dev/null
	for k in members events attendance; do
		sk export $k >"$W/$k.after" || fail "export after kill at $1"
		cmp -s "$W/$k.before" "$W/$k.after" ||
		    fail "kill at $1 MiB changed the $k"
	done
	sk check >/dev/null || fail "check after kill at $1 MiB"
}
kill_at 8	# reading the file
kill_at 60	# inside store_import's transaction
expect_eq "data.mdb after the kills" "$(md5sum <"$DB/data.mdb")" "$sum"
# The database works: the same import now goes through whole.
sk import "$W/big.csv" >"$W/sum" || fail "import after the kills"
grep -qxF "$W/big.csv: members: 150000 added, 1 updated, 0 unchanged" "$W/sum" ||
    { cat "$W/sum"; fail "summary after the kills"; }
expect_eq "M001 updated" "$(show_key M001 email)" "changed@example.jp"
sk check >/dev/null || fail "check at the end"
exit 0
