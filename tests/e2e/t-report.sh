#!/bin/sh
# t-report: every report as CSV on a hand-made dataset (tests/data/report-*,
# figures derived below), filters and --year, the range chart against
# `export members`, text bars fitting $COLUMNS (ASCII with
# SANKA_AMBIGUOUS=2), the left-out lines and the exit codes.
. "$(dirname "$0")/lib.sh"
export SANKA_LANG=en
C=tests/data
sk import $C/report-members.csv $C/report-events.csv \
    $C/report-attendance.csv >/dev/null || fail seed

# csv WHAT WANT -- ARGS: `report ARGS --format csv` without CRs is WANT
csv() {
	_what=$1 _want=$2; shift 3
	_got=$(sk report "$@" --format csv 2>"$TMPD/err" | tr -d '\r')
	expect_eq "$_what" "$_got" "$_want"
}

# Totals: M1 2 (E1 E2), M2 3 past + 2 = 5, M3 1 (E2; E1 no-show), M4 1
# (left), M5 0, M6 0 (suspended): every member counts in the range chart.
csv range "bucket,members,share,cumulative_share,attendances
0,2,33.3,33.3,0
1,2,33.3,66.7,2
2,1,16.7,83.3,2
3-5,1,16.7,100.0,5
6-9,0,0.0,100.0,0
10-19,0,0.0,100.0,0
20+,0,0.0,100.0,0" -- range
sk report range --format csv | head -n 1 | od -An -c | grep -q '\\r  \\n' ||
    fail "CRLF line ends"
# ... and agrees with export members (total is the third column from the
# end; an address holds a comma): 6 members, 9 attendances
expect_eq "export header" "$(sk export members | head -n 1 | tr -d '\r' |
    awk -F, '{ print $(NF - 2) }')" total
expect_eq "export total" "$(sk export members | tr -d '\r' |
    awk -F, 'NR > 1 { n++; s += $(NF - 2) } END { print n, s }')" "6 9"
csv "range segment=A" "bucket,members,share,cumulative_share,attendances
0,0,0.0,0.0,0
1,0,0.0,0.0,0
2,1,50.0,50.0,2
3-5,1,50.0,100.0,5
6-9,0,0.0,100.0,0
10-19,0,0.0,100.0,0
20+,0,0.0,100.0,0" -- range 会員種別＝Ａ

# FY2024 = E1: invited 4, accepted 2, attended 3 (M1 M2 M4), no-show 1 (M3):
# 1/4 = 25.0; first time M1 M4 (M2 has a past count).  FY2025 = E2 (M5's
# record is pending, E3 is in the future): invited M1 M3, accepted M3 and M2
# (a record without invitation), attended 3; repeat M1 M2, lapsed M4, first
# time M3; change 0.0.  Calendar 2026: no past event, lapsed M1 M2 M3,
# change (0 - 3) / 3, no rate without a denominator.
csv yearly "year,events,invited,accepted,attended,attendees,first_time,repeat,lapsed,no_show_rate,change
FY2024,1,4,2,3,3,2,0,0,25.0,
FY2025,1,2,2,3,3,1,2,1,0.0,0.0" -- yearly
csv "yearly --calendar" "year,events,invited,accepted,attended,attendees,first_time,repeat,lapsed,no_show_rate,change
2024,1,4,2,3,3,2,0,0,25.0,
2025,1,2,2,3,3,1,2,1,0.0,0.0
2026,0,0,0,0,0,0,0,3,,-100.0" -- yearly --calendar
csv "yearly --year" "year,events,invited,accepted,attended,attendees,first_time,repeat,lapsed,no_show_rate,change
2025,1,2,2,3,3,1,2,1,0.0,0.0" -- yearly --calendar --year ２０２５

# E1: attendance 3 invited attended / 4; E2: 2 / 2, 3 attended > capacity 1.
csv events "code,name,date,capacity,invited,accepted,attended,walk_in,no_show,cancelled,acceptance_rate,attendance_rate,no_show_rate,cancellation_rate,over_capacity
E1,総会,2024-05-10,3,4,2,3,0,1,0,50.0,75.0,25.0,0.0,no
E2,例会,2025-06-01,1,2,2,3,0,0,0,100.0,100.0,0.0,0.0,yes" -- events
csv "events --sort" "code,name,date,capacity,invited,accepted,attended,walk_in,no_show,cancelled,acceptance_rate,attendance_rate,no_show_rate,cancellation_rate,over_capacity
E2,例会,2025-06-01,1,2,2,3,0,0,0,100.0,100.0,0.0,0.0,yes
E1,総会,2024-05-10,3,4,2,3,0,1,0,50.0,75.0,25.0,0.0,no" -- events --sort attendance_rate
csv "events FY2024" "code,name,date,capacity,invited,accepted,attended,walk_in,no_show,cancelled,acceptance_rate,attendance_rate,no_show_rate,cancellation_rate,over_capacity
E1,総会,2024-05-10,3,4,2,3,0,1,0,50.0,75.0,25.0,0.0,no" -- events --year FY2024

# Member lists leave out M4 (left) and M6 (suspended), and say so.
H=id,name,kana,segment,total,last_date,last_event
csv top "$H
M2,佐藤花子,サトウハナコ,A,5,2025-06-01,E2 例会
M1,山田太郎,ヤマダタロウ,A,2,2025-06-01,E2 例会
M3,鈴木一郎,スズキイチロウ,B,1,2025-06-01,E2 例会" -- top
expect_eq "top left out" "$(cat "$TMPD/err")" "sanka: left out 1 member: 1 left"
csv "top --limit" "$H
M2,佐藤花子,サトウハナコ,A,5,2025-06-01,E2 例会" -- top --limit 1
csv "top 2024" "$H
M1,山田太郎,ヤマダタロウ,A,1,2025-06-01,E2 例会
M2,佐藤花子,サトウハナコ,A,1,2025-06-01,E2 例会" -- top --calendar --year 2024
csv "top naming status" "$H
M4,田中次郎,タナカジロウ,B,1,2024-05-10,E1 総会" -- top status=退会
# lapsed: nobody since 2025-02-21 but M4; since 2025-08-21 everyone
csv lapsed "$H" -- lapsed
csv "lapsed 6" "$H
M1,山田太郎,ヤマダタロウ,A,2,2025-06-01,E2 例会
M2,佐藤花子,サトウハナコ,A,5,2025-06-01,E2 例会
M3,鈴木一郎,スズキイチロウ,B,1,2025-06-01,E2 例会" -- lapsed --months 6
csv noshow "$H" -- noshow		# M3 has one
csv never "$H
M5,髙橋三郎,タカハシサブロウ,B,0,," -- never
expect_eq "never left out" "$(cat "$TMPD/err")" \
    "sanka: left out 1 member: 1 suspended"

# Text: bars of blocks within the width, what was left out at the end.
for w in 80 200; do
	COLUMNS=$w sk report range >"$TMPD/t" || fail "text $w"
	expect_eq "range lines" "$(wc -l <"$TMPD/t")" 8
	[ "$(wc -L <"$TMPD/t")" -le $w ] || fail "wider than $w: $(cat "$TMPD/t")"
	grep -q '^    0 .*██' "$TMPD/t" || fail "no bar at $w: $(cat "$TMPD/t")"
	COLUMNS=$w sk report events >"$TMPD/t" || fail "events text $w"
	[ "$(wc -L <"$TMPD/t")" -le $w ] || fail "events wider than $w"
done
grep -qx 'left out: 1 future event, 1 pending record' "$TMPD/t" ||
    fail "left-out line: $(cat "$TMPD/t")"
COLUMNS=80 SANKA_AMBIGUOUS=2 sk report range >"$TMPD/t"
grep -q '##' "$TMPD/t" && ! grep -q '█' "$TMPD/t" ||
    fail "ASCII bars: $(cat "$TMPD/t")"

# Exit codes: a bad report, option or filter word 2, an unknown event 1,
# no database 3.
sk report bogus 2>/dev/null; expect_eq "unknown report" $? 2
sk report yearly --calendar --year FY2025 2>/dev/null
expect_eq "FY with --calendar" $? 2
sk report top bogus=1 2>"$TMPD/err"; expect_eq "bad word" $? 2
grep -q 'bogus=1' "$TMPD/err" || fail "the bad word is not named"
sk report top attended=E9 2>/dev/null; expect_eq "unknown event" $? 1
"$SANKA" -d "$TMPD/none" report range 2>/dev/null; expect_eq "no db" $? 3
[ ! -e "$TMPD/none" ] || fail "report created a database"
echo ok
