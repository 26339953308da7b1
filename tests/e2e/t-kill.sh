#!/bin/sh
# kill -9 during a stream of writes: the loop and the running sanka die at a
# random moment; afterwards the database opens, `check` is clean and every
# write that returned success is there.
. "$(dirname "$0")/lib.sh"

for e in 1 2 3; do
	sk add event --code E$e --name "イベント$e" --date 2026-01-1$e \
	    >/dev/null || fail "add E$e"
done
sk add member --id M0 --name 会員0 >/dev/null || fail "add M0"

# The writer: add a member, then mark it at the three events; each command
# that exits 0 is appended to $TMPD/done.  $TMPD/cur holds the running pid.
(
	i=1
	while :; do
		"$SANKA" -d "$DB" add member --id M$i --name "会員$i" \
		    --past-count 1 >/dev/null 2>&1 &
		echo $! >"$TMPD/cur"; wait $! && echo "add M$i" >>"$TMPD/done"
		for e in 1 2 3; do
			"$SANKA" -d "$DB" mark E$e M$i attended >/dev/null 2>&1 &
			echo $! >"$TMPD/cur"
			wait $! && echo "mark E$e M$i" >>"$TMPD/done"
		done
		i=$((i + 1))
	done
) &
loop=$!
# a random moment after at least a few writes: wait for N of them, then a
# random 0-19 ms more so the kill lands anywhere in a command's life (this
# sleep is the randomness, not a wait for a condition)
set -- $(awk 'BEGIN { srand(); print 5 + int(rand() * 40), int(rand() * 20) }')
n=$1 ms=$2
poll 20 "[ \$(cat '$TMPD/done' 2>/dev/null | wc -l) -ge $n ]" ||
    fail "the writer made no progress"
sleep "0.$(printf '%03d' "$ms")"
kill -9 $loop $(cat "$TMPD/cur") 2>/dev/null
wait $loop 2>/dev/null
kill -9 "$(cat "$TMPD/cur")" 2>/dev/null
echo "killed after $(wc -l <"$TMPD/done") successful writes"

out=$(sk check) || fail "check after kill -9: $out"
expect_eq check "$out" ok
while read -r what a b; do
	case $what in
	add)	sk show member $a >/dev/null || fail "member $a lost" ;;
	mark)	sk history $b | grep -q "	$a	.*	attended\$" ||
		    fail "mark $a $b lost: $(sk history $b)" ;;
	esac
done <"$TMPD/done"
# and it still takes writes
sk add member --id M-after --name 後 >/dev/null || fail "write after kill"
sk mark E1 M-after attended >/dev/null || fail "mark after kill"
out=$(sk check) || fail "check: $out"
echo ok
