#!/bin/sh
# t-import-progress: a progress bar on a terminal (rows, rows/s, ETA),
# cleared at the end; nothing of it when stderr is not a terminal.
. "$(dirname "$0")/lib.sh"
export SANKA_LANG=en	# the English summaries and messages
W=$TMPD/w; mkdir -p "$W"
# Notes make the file long (about 100 MB) so that even a fast reader
# shows the bar while reading, labelled with the file.
awk 'BEGIN {
	print "member_id,name,kana,notes";
	n = "この会員の備考は長めに書いてあります。";
	for (i = 1; i <= 600000; i++)
		printf "P%06d,会員 %d,カイイン %d,%s%s%s%d\n", i, i, i, n, n,
		    n, i;
}' >"$W/big.csv"
# The pane's whole output is recorded: the bar may live only a moment.
$T new-session -d -s app -x 120 -y 10 -e LC_ALL=C.UTF-8 \
    "sleep 0.5; $SANKA -d $DB import $W/big.csv; echo DONE; sleep 30"
$T pipe-pane -t app -o "cat >>$W/raw"
poll 60 "screen | grep -q DONE" || fail "the import never ended"
grep -aq 'rows/s  ETA' "$W/raw" || fail "no progress bar"
tr '\r' '\n' <"$W/raw" | grep -aq 'big.csv \[[#.]*\] *[0-9]*%  [0-9,]* rows  [0-9,]* rows/s  ETA [0-9:-]*' ||
    fail "progress bar format"
screen | grep -q 'rows/s' && fail "the bar was not cleared"
screen | grep -qF "$W/big.csv: members: 600000 added, 0 updated, 0 unchanged" ||
    fail "summary"
# Not a terminal: silent.
rm -rf "$DB"
sk import "$W/big.csv" >/dev/null 2>"$W/err" || fail "import to a file"
grep -q 'created a new database' "$W/err" || fail "no 'created' line"
grep -v 'created a new database' "$W/err" >"$W/err2"
[ -s "$W/err2" ] && { cat "$W/err2"; fail "stderr not silent"; }
exit 0
