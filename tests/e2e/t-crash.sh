#!/bin/sh
# A fatal signal (issue 8: a damaged data.mdb read through the map) ends
# sanka with a message and exit 3, the terminal given back, never a bare
# signal: in the screens and in a command.
. "$(dirname "$0")/lib.sh"

export SANKA_LANG=en
sk add member --id M1 --name 山田 >/dev/null 2>&1 || fail "add"

# The screens: SIGSEGV while they run.
$T new-session -d -s app -x 120 -y 40 -e LC_ALL=C.UTF-8 -e SANKA_LANG=en \
    "$SANKA -d $DB; echo EXIT=\$?; sleep 30"
wait_for 山田
pid=$(pgrep -f "^$SANKA -d $DB\$" | head -1)
[ -n "$pid" ] || fail "no sanka process"
kill -SEGV "$pid"
wait_for EXIT=3
screen | grep -q 'damaged database' || fail "no message on the screen"
screen | grep -q 'SIGSEGV' || fail "the signal is not named"
# the terminal left the alternate screen: the list is gone
screen | grep -q '山田' && fail "the screens were not taken down"

# A command: SIGBUS during a long import; nothing of it was written.
awk 'BEGIN { print "member_id,name";
	for (i = 1; i <= 400000; i++) printf "X%06d,名前 %d\n", i, i }' \
    >"$TMPD/big.csv"
sk import "$TMPD/big.csv" >"$TMPD/out" 2>"$TMPD/err" &
job=$!
poll 10 "pgrep -f 'import $TMPD/big.csv' >/dev/null" || fail "import not running"
sleep 0.3
pkill -BUS -f "import $TMPD/big.csv"
wait $job
expect_eq "exit status after SIGBUS" $? 3
grep -q 'SIGBUS' "$TMPD/err" || fail "stderr: $(cat "$TMPD/err")"
out=$(sk check) || fail "check: $out"
sk show member X000001 >/dev/null 2>&1
expect_eq "nothing of the import" $? 1
echo ok
