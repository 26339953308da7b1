#!/bin/sh
# A full disk (issue 8): creating a database on it is exit 3 "disk full"
# with exactly what was created removed, never SIGBUS; an import that
# fills it says "disk full" and writes nothing.  Needs root to mount a
# 1 MiB tmpfs; fails with a message when it cannot.
. "$(dirname "$0")/lib.sh"

export SANKA_LANG=en
MNT=$TMPD/full
mkdir "$MNT" || fail "mkdir $MNT"
[ "$(id -u)" = 0 ] || fail "this test mounts a tmpfs: run it as root"
mount -t tmpfs -o size=1m,mode=0700 sanka-full "$MNT" ||
    fail "cannot mount a 1 MiB tmpfs on $MNT (no mount privilege?)"
trap 'umount "$MNT" 2>/dev/null; $T kill-server 2>/dev/null; rm -rf "$TMPD"' EXIT

# Fill the disk but for FREE kilobytes.
fill() {
	rm -f "$MNT/ballast"
	avail=$(df -k --output=avail "$MNT" | tail -1)
	dd if=/dev/zero of="$MNT/ballast" bs=1k count=$((avail - $1)) \
	    2>/dev/null
}

# 1. no room for the lock file
fill 8
"$SANKA" -d "$MNT/new/db" add member --id M1 --name x >"$TMPD/out" 2>"$TMPD/err"
expect_eq "exit status, no room for the lock" $? 3
grep -q 'disk full' "$TMPD/err" || fail "no 'disk full': $(cat "$TMPD/err")"
[ ! -e "$MNT/new" ] || fail "left behind: $(find "$MNT/new")"

# 2. less and less room for the data: every try is exit 3 "disk full", and
# leaves either nothing or a whole, empty database
for free in 48 52 56 60 64 72 80; do
	rm -rf "$MNT/db2"
	fill $free
	"$SANKA" -d "$MNT/db2" add member --id M1 --name x >"$TMPD/out" \
	    2>"$TMPD/err"
	expect_eq "exit status with $free KiB free" $? 3
	grep -q 'disk full' "$TMPD/err" ||
	    fail "$free KiB free: no 'disk full': $(cat "$TMPD/err")"
	[ -e "$MNT/db2" ] || continue
	rm -f "$MNT/ballast"
	out=$("$SANKA" -d "$MNT/db2" check) ||
	    fail "$free KiB free: check of what was left: $out"
	n=$("$SANKA" -d "$MNT/db2" export members | wc -l)
	expect_eq "$free KiB free: members left" "$n" 1
done

# 3. an import that fills the disk: disk full, nothing written
rm -f "$MNT/ballast"
"$SANKA" -d "$MNT/db3" add member --id M0 --name first >/dev/null 2>&1 ||
    fail "a database fits on an empty 1 MiB disk"
awk 'BEGIN { print "member_id,name,notes";
	for (i = 1; i <= 3000; i++)
		printf "M%05d,名前 %d,%0500d\n", i, i, i }' >"$TMPD/big.csv"
"$SANKA" -d "$MNT/db3" import "$TMPD/big.csv" >"$TMPD/out" 2>"$TMPD/err"
expect_eq "exit status of the import" $? 3
grep -q 'disk full' "$TMPD/err" || fail "import: no 'disk full': $(cat "$TMPD/err")"
out=$("$SANKA" -d "$MNT/db3" export members | wc -l)
expect_eq "members after the failed import (header + M0)" "$out" 2
out=$("$SANKA" -d "$MNT/db3" check) || fail "check: $out"
echo ok
