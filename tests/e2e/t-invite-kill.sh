#!/bin/sh
# t-invite-kill: kill -9 during `select --invite` of 2,000 of 4,000
# members: the invitation is one transaction, so afterwards either every
# member kept by the filter is invited or none is, and `check` is clean;
# then the same for `select --uninvite`.
. "$(dirname "$0")/lib.sh"
export SANKA_LANG=en
N=4000
{ echo member_id,name,segment
  awk -v n=$N 'BEGIN { for (i = 1; i <= n; i++)
	printf "K%05d,会員%d,%s\n", i, i, i % 2 ? "A" : "B" }'; } >"$TMPD/m.csv"
printf 'event_code,name,date\nE1,会,2026-03-01\n' >"$TMPD/e.csv"
sk import "$TMPD/m.csv" "$TMPD/e.csv" >/dev/null || fail seed

invited() { sk show event E1 | sed -n 's/^invited: //p'; }

# run_killed ARGS...: start `select ARGS`, kill -9 it after a random
# 0-399 ms (the sleep is the randomness, not a wait for a condition)
run_killed() {
	"$SANKA" -d "$DB" select "$@" >/dev/null 2>&1 &
	_pid=$!
	sleep "0.$(awk 'BEGIN { srand(); printf "%03d", int(rand() * 400) }')"
	kill -9 $_pid 2>/dev/null
	wait $_pid 2>/dev/null
}

for round in 1 2; do
	run_killed segment=A --invite E1
	n=$(invited)
	case $n in
	0|$((N / 2))) ;;
	*) fail "round $round: $n invited after kill -9, want 0 or $((N / 2))" ;;
	esac
	out=$(sk check) || fail "check after the invite: $out"
	sk select segment=A --invite E1 >/dev/null 2>&1 || fail "invite"
	expect_eq "all invited" "$(invited)" $((N / 2))
	run_killed segment=A --uninvite E1
	n=$(invited)
	case $n in
	0|$((N / 2))) ;;
	*) fail "round $round: $n invited after a killed uninvite" ;;
	esac
	out=$(sk check) || fail "check after the uninvite: $out"
	sk select segment=A --uninvite E1 >/dev/null 2>&1
	expect_eq "none invited" "$(invited)" 0
done
echo ok
