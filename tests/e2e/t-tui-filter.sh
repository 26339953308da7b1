#!/bin/sh
# t-tui-filter: f on the members panel narrows the list as the filter is
# typed, with a live count; a bad word is named, the typed text and the
# last good list kept; S saves it by name for `select @NAME`; Esc clears.
. "$(dirname "$0")/lib.sh"
export SANKA_LANG=en
C=tests/data
sk import $C/report-members.csv $C/report-events.csv \
    $C/report-attendance.csv >/dev/null || fail seed

start_tui SANKA_LANG=en --
wait_for '[1] Members'
keys f
text '会員種別＝B'
wait_for '4 members (1 left, 1 on leave)'
poll 5 "! screen | grep -q ' M1 '" || fail "M1 is still listed"
screen | grep -q ' M6 ' || fail "M6 (segment B) is not listed"
text ' total>=1'
wait_for '2 members (1 left, 0 on leave)'
text ' bogus'
wait_for 'word 3 "bogus"'
screen | grep -qF 'total>=1 bogus' || fail "the typed words were not kept"
screen | grep -q ' M3 ' || fail "the last good list was not kept"
keys BSpace BSpace BSpace BSpace BSpace BSpace Enter S
wait_for 'Save this filter'
text vip
keys Enter
wait_for 'Saved as @vip'
expect_eq "select @vip" "$(sk select @vip 2>/dev/null | paste -sd' ')" M3
keys f Escape Escape
wait_for 'Members: 6'
screen | grep -q ' M1 ' || fail "the whole list is back"
echo ok
