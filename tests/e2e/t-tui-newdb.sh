#!/bin/sh
# Where am I (issue 8): the screens never create a database unseen; they
# ask, naming the path, and the title line shows the open database.
. "$(dirname "$0")/lib.sh"
$T new-session -d -s keep -x 20 -y 5 "sleep 600"

start_tui -- ""
wait_for "$DB"
screen | grep -q '\[y/N\]' || fail "no question"
keys n Enter
poll 5 '[ "$($T display -p -t app "#{pane_current_command}")" = sleep ]' ||
    fail "n did not leave"
[ -e "$DB" ] && fail "a database was created after n"
$T kill-session -t app

start_tui -- ""
wait_for "$DB"
keys y Enter
wait_for '[1] 会員'
screen | head -1 | grep -qF "$DB" || fail "the title line does not show $DB"
[ -e "$DB/data.mdb" ] || fail "no database after y"
keys q
poll 5 '[ "$($T display -p -t app "#{pane_current_command}")" = sleep ]' ||
    fail "q did not quit"
$T kill-session -t app

# an existing database opens without a question
start_tui -- ""
wait_for '[1] 会員'
screen | grep -q '\[y/N\]' && fail "asked about an existing database"
echo ok
