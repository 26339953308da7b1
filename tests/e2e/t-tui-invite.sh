#!/bin/sh
# t-tui-invite: I on an event's page invites by filter: a bad word is
# named and the typed text kept; the preview lists who and counts who is
# left out and why; one transaction; u undoes marks and the whole
# invitation, one step at a time, from one stack.
. "$(dirname "$0")/lib.sh"
export SANKA_LANG=en
C=tests/data
sk import $C/report-members.csv $C/report-events.csv \
    $C/report-attendance.csv >/dev/null || fail seed
invited() { sk show event E3 | sed -n "s/^$1: //p"; }

start_tui SANKA_LANG=en --
wait_for '[1] Members'
keys 2 Enter			# E3, the newest event
wait_for 'E3  夏祭り'
keys I
wait_for 'Invite every member matching'
text 'bogus=1'
keys Enter
wait_for 'Filter word 1 "bogus=1"'
wait_for 'Invite every member matching'
screen | grep -qF 'bogus=1' || fail "the typed filter was not kept"
keys C-u
text 'segment=B'
keys Enter
# M3 and M5; M4 left, M6 on leave
wait_for 'Invite 2 members to E3 夏祭り?'
wait_for 'M3 鈴木一郎'
wait_for 'M5 髙橋三郎'
wait_for 'Left out: 1 left, 1 on leave'
expect_eq "nothing before yes" "$(invited invited)" 1
keys Enter
wait_for 'Invited 2 members to E3'
expect_eq "invited" "$(invited invited)" 3
# a mark on top: M3 (the first row, by reading) absent
keys x
poll 5 '[ "$(invited absent)" = 1 ]' || fail "x did not mark"
keys u
poll 5 '[ "$(invited absent)" = 0 ]' || fail "u did not undo the mark"
expect_eq "still invited" "$(invited invited)" 3
keys u
wait_for 'Undone: 2 invitation(s) taken back.'
expect_eq "invitation undone" "$(invited invited)" 1
out=$(sk check) || fail "check: $out"
echo ok
