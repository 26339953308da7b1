#!/bin/sh
# Invisible characters in IDs and codes (issue 8): zero-width spaces,
# BOMs and direction marks are refused with their position by the command
# line and by import (a BOM at the start of a line inside a file too);
# nothing is written.
. "$(dirname "$0")/lib.sh"

export SANKA_LANG=en
zwsp=$(printf '\342\200\213') bom=$(printf '\357\273\277')
rlm=$(printf '\342\200\217')
sk add member --id M001 --name 山田 >/dev/null || fail "add M001"

sk add member --id "M${zwsp}001" --name 偽物 2>"$TMPD/err"
expect_eq "add with a zero-width space: exit" $? 1
grep -q 'invisible character U+200B at character 2' "$TMPD/err" ||
    fail "message: $(cat "$TMPD/err")"
sk add event --code "E1${rlm}" --name 総会 --date 2026-03-01 2>"$TMPD/err"
expect_eq "add event with a direction mark: exit" $? 1
grep -q 'U+200F at character 3' "$TMPD/err" || fail "message: $(cat "$TMPD/err")"

printf 'member_id,name\nM002,佐藤\n%sM001,上書き\nM%s003,鈴木\n' \
    "$bom" "$zwsp" >"$TMPD/m.csv"
sk import "$TMPD/m.csv" >"$TMPD/out" 2>"$TMPD/err"
expect_eq "import: exit" $? 1
grep -q "m.csv:3:1(member_id): .*U+FEFF at character 1" "$TMPD/err" ||
    fail "line 3: $(cat "$TMPD/err")"
grep -q "m.csv:4:1(member_id): .*U+200B at character 2" "$TMPD/err" ||
    fail "line 4: $(cat "$TMPD/err")"
expect_eq "M001 untouched" "$(show_key M001 name)" 山田
sk show member M002 >/dev/null 2>&1
expect_eq "nothing imported (M002)" $? 1

# \uXXXX escapes reach a stored ID; a bad escape is a usage error
sk delete member 'M\u0030' 2>"$TMPD/err"
expect_eq "delete of M0 (absent): exit" $? 1
sk delete member 'M\u20' 2>"$TMPD/err"
expect_eq "a short escape: exit" $? 2
sk delete member 'M\u0030\u0030\u0031' >/dev/null || fail "delete M001 by escapes"
sk show member M001 >/dev/null 2>&1
expect_eq "M001 deleted" $? 1
echo ok
