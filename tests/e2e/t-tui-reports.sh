#!/bin/sh
# t-tui-reports: panel [4] draws each report as `sanka report` prints it,
# bars fitting 80 and then 200 columns; Right walks the reports, Enter on a
# member of a list opens the member's page; f filters (a bad word is
# named and kept); x exports the report as CSV.
. "$(dirname "$0")/lib.sh"
export SANKA_LANG=en
C=tests/data
sk import $C/report-members.csv $C/report-events.csv \
    $C/report-attendance.csv >/dev/null || fail seed

size() {
	_size="$1x$2"
	$T resize-window -t app -x "$1" -y "$2"
	poll 5 '[ "$($T display -p -t app "#{window_width}x#{window_height}")" = "$_size" ]' ||
	    fail "tmux did not resize to $_size"
}
# table WIDTH: the range chart on the screen is the CLI's text at WIDTH
table() {
	COLUMNS=$1 sk report range | head -n 8 >"$TMPD/want"
	poll 5 "screen | sed -n '5,12p' | sed 's/ *\$//' | cmp -s - '$TMPD/want'" ||
	    fail "range at $1 columns: $(screen | sed -n '5,12p'; cat "$TMPD/want")"
}

start_tui SANKA_LANG=en --
wait_for '[1] Members'
size 80 30
keys 4
wait_for '[Range]'
table 80
grep -q '^    0 .*████' "$TMPD/want" || fail "no bars at 80"
size 200 30
table 200
bar80=$(COLUMNS=80 sk report range | sed -n 2p | tr -cd '█' | wc -c)
bar200=$(COLUMNS=200 sk report range | sed -n 2p | tr -cd '█' | wc -c)
[ "$bar200" -gt "$bar80" ] || fail "the bars did not grow: $bar80 $bar200"

# Top: M2 first; Enter on its row opens M2's page, Esc comes back.
size 80 30
keys Right Right Right Right
wait_for '[Top]'
keys Down Down Down Down Enter
wait_for 'M2  佐藤花子'
wait_for 'Attendance count'
keys Escape
wait_for '[Top]'

# f: a filter (segment A: M1 M2), then a bad word, named and kept.
keys Left Left Left Left f
wait_for 'Filter'
text 'segment=A'
keys Enter
poll 5 "screen | grep -q '^    2        1   50.0'" || fail "filtered range"
keys f
keys C-u
text 'bogus=1'
keys Enter
wait_for 'bogus=1'
screen | grep -q 'not read' || fail "the bad filter is not flagged"
keys f
poll 5 "screen | grep -qF 'bogus=1'" || fail "the typed filter was not kept"
keys C-u Enter

# x: the report as CSV (UTF-8 with BOM) where asked.
keys x
wait_for 'Export this report'
keys C-u
text "$TMPD/range.csv"
keys Enter
wait_for 'Wrote 7 rows'
expect_eq "exported" "$(tail -c +4 "$TMPD/range.csv" | tr -d '\r')" \
    "$(sk report range --format csv | tr -d '\r')"
expect_eq BOM "$(head -c 3 "$TMPD/range.csv" | od -An -tx1 | tr -d ' ')" \
    efbbbf
echo ok
