#!/bin/sh
# Duplicate events (issue 8): attendance imported by event name + date
# finds the event whatever its spaces and width; `merge event KEEP DROP`
# repairs an event that was split before.
. "$(dirname "$0")/lib.sh"

export SANKA_LANG=en
sk add event --code E1 --name "2024年度 定時総会" --date 2024-06-20 >/dev/null ||
    fail "add E1"
for id in M1 M2 M3; do
	sk add member --id $id --name "会員 $id" >/dev/null || fail "add $id"
done
printf 'event_name,event_date,member_id,status\n%s\n%s\n' \
    "2024年度　定時総会,2024/6/20,M1,参加" \
    "2024年度定時総会,2024-06-20,M2,参加" >"$TMPD/a.csv"
sk import "$TMPD/a.csv" >"$TMPD/out" 2>&1 || fail "import: $(cat "$TMPD/out")"
out=$(sk export events | wc -l)
expect_eq "events after the import (header + E1)" "$out" 2
expect_eq "M1 total" "$(show_key M1 total)" 1
expect_eq "M2 last_event" "$(show_key M2 last_event)" "E1 2024年度 定時総会"

# a database split before: E2 holds M2 (again) and M3
sk add event --code E2 --name "2024年度  定時総会" --date 2024-06-20 >/dev/null
sk mark E2 M2 absent >/dev/null && sk mark E2 M3 attended >/dev/null ||
    fail "marks at E2"
sk merge event E1 E2 >"$TMPD/out" || fail "merge event: $(cat "$TMPD/out")"
grep -q 'merged event E2 into E1' "$TMPD/out" || fail "says: $(cat "$TMPD/out")"
sk show event E2 >/dev/null 2>&1
expect_eq "E2 is gone" $? 1
expect_eq "M2 still attended once" "$(show_key M2 total)" 1
expect_eq "M3 moved to E1" "$(show_key M3 last_event)" "E1 2024年度 定時総会"
sk show event E1 | grep -q '^attended: 3$' || fail "E1: $(sk show event E1)"
out=$(sk check) || fail "check: $out"
sk merge event E1 E1 2>/dev/null
expect_eq "merge into itself" $? 1
sk merge place E1 E2 2>/dev/null
expect_eq "an unknown kind" $? 2
echo ok
