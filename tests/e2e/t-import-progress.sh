#!/bin/sh
# t-import-progress: a progress bar on a terminal (rows, rows/s, ETA),
# cleared at the end; nothing of it when stderr is not a terminal.
. "$(dirname "$0")/lib.sh"
W=$TMPD/w; mkdir -p "$W"
awk 'BEGIN {
	print "member_id,name,kana";
	for (i = 1; i <= 150000; i++)
		printf "P%06d,会員 %d,カイイン %d\n", i, i, i;
}' >"$W/big.csv"
$T new-session -d -s app -x 120 -y 10 -e LC_ALL=C.UTF-8 \
    "$SANKA -d $DB import $W/big.csv; echo DONE; sleep 30"
poll 30 "screen | grep -q 'rows/s  ETA'" || fail "no progress bar"
screen | grep -q '^big.csv \[[#.]*\] *[0-9]*%  [0-9,]* rows  [0-9,]* rows/s  ETA [0-9:-]*' ||
    fail "progress bar format"
poll 60 "screen | grep -q DONE" || fail "the import never ended"
screen | grep -q 'rows/s' && fail "the bar was not cleared"
screen | grep -qF "$W/big.csv: members: 150000 added, 0 updated, 0 unchanged" ||
    fail "summary"
# Not a terminal: silent.
rm -rf "$DB"
sk import "$W/big.csv" >/dev/null 2>"$W/err" || fail "import to a file"
[ -s "$W/err" ] && { cat "$W/err"; fail "stderr not silent"; }
exit 0
