#!/bin/sh
# A damaged data.mdb (issue 8 item 9): seeded byte flips over a generated
# database, each on a fresh copy.  Every command ends with exit 0, 1 or 3,
# a message on stderr when not 0, never a signal or a hang; every flip that
# lands inside a stored key or value is reported by `check`.
# DAMAGE_FLIPS (default 24; 6 under ASan) flips of each kind;
# DAMAGE_SEED picks them.
. "$(dirname "$0")/lib.sh"

export SANKA_LANG=en
case "$SANKA" in *asan*) flips=${DAMAGE_FLIPS:-6} ;; *) flips=${DAMAGE_FLIPS:-24} ;; esac
seed=${DAMAGE_SEED:-8009}

# A few hundred members, events and records.
awk 'BEGIN { print "member_id,name,kana,email,phone,notes";
	for (i = 1; i <= 300; i++)
		printf "M%04d,会員 %d,カイイン,dmg%04d@example.org,090-%04d-%04d,備考dmgnote%04d\n",
		    i, i, i, i, i * 7 % 10000, i }' >"$TMPD/m.csv"
awk 'BEGIN { print "event_code,name,date";
	for (e = 1; e <= 8; e++) printf "E%02d,集い%d,2025-%02d-10\n", e, e, e }' \
    >"$TMPD/e.csv"
awk 'BEGIN { print "event_code,member_id,response,status";
	for (i = 1; i <= 300; i++) for (e = 1 + i % 3; e <= 8; e += 3)
		printf "E%02d,M%04d,参加予定,参加\n", e, i }' >"$TMPD/a.csv"
sk import "$TMPD/m.csv" "$TMPD/e.csv" "$TMPD/a.csv" >/dev/null 2>&1 ||
    fail "import"
# the compacted copy holds no free pages: every known byte found is live
sk backup "$TMPD/base.mdb" >/dev/null || fail "backup"
size=$(wc -c <"$TMPD/base.mdb")

# Offsets of the known values (e-mail addresses and notes of members).
grep -obUaE 'dmg[0-9]{4}@example\.org|dmgnote[0-9]{4}' "$TMPD/base.mdb" |
    awk -F: '{ print $1, length($2) }' >"$TMPD/known"
nknown=$(wc -l <"$TMPD/known")
[ "$nknown" -ge 600 ] || fail "known values found: $nknown"

# rand N: the next pseudo-random number below N (an LCG on $seed).
rand() {
	seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
	r=$(( seed / 16 % $1 ))
}

# flip OFFSET BIT: a fresh copy in $TMPD/d with that bit of that byte
# flipped.
flip() {
	rm -rf "$TMPD/d" "$TMPD/bak"
	mkdir "$TMPD/d" && cp "$TMPD/base.mdb" "$TMPD/d/data.mdb"
	byte=$(od -An -tu1 -j "$1" -N1 "$TMPD/d/data.mdb" | tr -d ' ')
	new=$(( byte ^ (1 << $2) ))
	printf "\\$(printf %03o "$new")" |
	    dd of="$TMPD/d/data.mdb" bs=1 seek="$1" conv=notrunc 2>/dev/null
}

# run WHAT ARGS...: sanka on the damaged copy under `timeout 20`; $rc.
run() {
	what=$1; shift
	timeout 20 "$SANKA" -d "$TMPD/d" "$@" >"$TMPD/out" 2>"$TMPD/err"
	rc=$?
	case $rc in
	0|1|3) ;;
	124) fail "$what hangs at offset $off" ;;
	*) fail "$what ends with $rc at offset $off: $(cat "$TMPD/err")" ;;
	esac
	[ $rc -eq 0 ] || [ -s "$TMPD/err" ] ||
	    fail "$what: exit $rc without a message at offset $off"
}

every_command() {
	run check check; check_rc=$rc
	run export export members
	run show show member M0150
	run backup backup "$TMPD/bak"
	run mark mark E02 M0150 欠席
}

# Flips inside known values: check must see each.
i=0
while [ $i -lt "$flips" ]; do
	rand "$nknown"
	line=$(sed -n "$((r + 1))p" "$TMPD/known")
	base=${line% *}; len=${line#* }
	rand "$len"; off=$((base + r))
	rand 8; flip "$off" "$r"
	every_command
	[ "$check_rc" -ne 0 ] ||
	    fail "a flip at $off (in a value) passed check unnoticed"
	i=$((i + 1))
done

# Flips anywhere in the file: no signal, no hang, a message.
i=0
while [ $i -lt "$flips" ]; do
	rand "$size"; off=$r
	rand 8; flip "$off" "$r"
	every_command
	i=$((i + 1))
done
echo ok
