#!/bin/sh
# t-select: the filter language on the command line (operators, Japanese
# labels, full-width input, quoting, OR, event words, never, @NAME), the
# action rule and its left-out line, --count, --save, the mail-merge
# export (header, encodings), --invite and --uninvite and `uninvite`.
. "$(dirname "$0")/lib.sh"
export SANKA_LANG=en
C=tests/data
sk import $C/report-members.csv $C/report-events.csv \
    $C/report-attendance.csv >/dev/null || fail seed

# sel WANT ARGS...: `select ARGS` prints the IDs WANT (space-separated)
sel() {
	_want=$1; shift
	_got=$(sk select "$@" 2>"$TMPD/err" | paste -sd' ')
	expect_eq "select $*" "$_got" "$_want"
}

# M4 left and M6 is suspended: out unless the filter names status
sel "M1 M2 M3 M5"
expect_eq "left-out line" "$(cat "$TMPD/err")" \
    "sanka: left out 2 members: 1 left, 1 suspended"
sel "M4 M6" 状態!=active
[ -s "$TMPD/err" ] && fail "nothing is left out when status is named"
sel "M1 M2" 会員種別=A
sel "M1 M2" 'segment＝Ａ,Ｂ' 'total＞＝2'
sel "M3 M5" segment!=A
sel "M1 M3" total\<3 total\>0
sel "M5" '"name=髙橋 三郎"'
sel "M5" 'name=高橋三郎'		# search folding: 髙 = 高
sel "M3" 'address="大阪府大阪市北区3-3, 2F"'
sel "M3 M5" email= segment=B
sel "M2" past_last_date\<2024/1/1
sel "M1 M2" attended=E1
sel "M5" not-attended=E2
sel "M1 M3 M5" invited=E2
sel "M5" never
expect_eq "count" "$(sk select --count total\>=1 2>/dev/null)" 3

# Bad words are exit 2 naming the word; an unknown event exit 1.
sk select total\>\>1 2>"$TMPD/err"; expect_eq "bad operator" $? 2
grep -q 'total>>1' "$TMPD/err" || fail "bad word not named"
sk select 血液型=A 2>"$TMPD/err"; expect_eq "unknown field" $? 2
sk select attended=E9 2>"$TMPD/err"; expect_eq "unknown event" $? 1
sk select --count --export x 2>/dev/null; expect_eq "two actions" $? 2

# Saved filters are shared through the database.
expect_eq save "$(sk select 会員種別=A --save a)" "saved @a: 1 words"
expect_eq "@a" "$(sk select @a --count)" 2
sel "M2" ＠a total=5
sk select @zz 2>"$TMPD/err"; expect_eq "unknown @NAME" $? 1
grep -q '@zz' "$TMPD/err" || fail "unknown @NAME not named"

# The mail-merge list leaves out mail_opt_out (M2) too.
sk select @a --export "$TMPD/mm.csv" 2>"$TMPD/err" || fail export
expect_eq "export left out" "$(cat "$TMPD/err")" \
    "sanka: left out 1 member: 1 mail_opt_out"
expect_eq "mail-merge list" "$(tr -d '\r' <"$TMPD/mm.csv")" \
"member_id,atena,name,kana,email,postal_code,address,organization,segment,total,last_event
M1,山田太郎様,山田太郎,ヤマダタロウ,yamada@example.jp,100-0001,東京都千代田区1-1,,A,2,E2 例会"
expect_eq "mode 0640" "$(stat -c %a "$TMPD/mm.csv")" 640
sk select segment=B --export "$TMPD/cp.csv" --encoding cp932 2>/dev/null ||
    fail "cp932 export"
iconv -f CP932 -t UTF-8 "$TMPD/cp.csv" | tr -d '\r' | sed -n 2p |
    grep -qx 'M3,鈴木一郎様,鈴木一郎,スズキイチロウ,,530-0001,"大阪府大阪市北区3-3, 2F",,B,1,E2 例会' ||
    fail "cp932 row: $(iconv -f CP932 -t UTF-8 "$TMPD/cp.csv")"
sk select @a --export "$TMPD/bom.csv" --encoding utf-8-bom 2>/dev/null
expect_eq BOM "$(head -c 3 "$TMPD/bom.csv" | od -An -tx1 | tr -d ' ')" efbbbf

# Invite from a filter: M1 already has a record at E3 (skipped, counted),
# M2 is invited although mail_opt_out (counted); then segment B.
expect_eq "invite A" "$(sk select @a --invite E3 2>/dev/null)" \
    "E3 夏祭り: 1 invited (1 with mail_opt_out); 1 already invited, skipped"
expect_eq "invite B" "$(sk select segment=B --invite E3 2>"$TMPD/err")" \
    "E3 夏祭り: 2 invited (0 with mail_opt_out); 0 already invited, skipped"
expect_eq "invite left out" "$(cat "$TMPD/err")" \
    "sanka: left out 2 members: 1 left, 1 suspended"
expect_eq invited "$(sk show event E3 | sed -n 's/^invited: //p')" 4
# ... and take segment B's back: the counts are as before
expect_eq "uninvite B" "$(sk select segment=B --uninvite E3 2>/dev/null)" \
    "E3 夏祭り: 2 uninvited"
expect_eq "invited after" "$(sk show event E3 | sed -n 's/^invited: //p')" 2
sk respond E3 M2 accepted >/dev/null || fail respond
sk select @a --uninvite E3 2>"$TMPD/err"; expect_eq "uninvite refused" $? 1
grep -q 'M2 (accepted)' "$TMPD/err" || fail "refusal: $(cat "$TMPD/err")"
expect_eq "nothing removed" "$(sk show event E3 | sed -n 's/^invited: //p')" 2
sk uninvite E3 M1 M9 2>"$TMPD/err"; expect_eq "uninvite M9" $? 1
grep -q 'M9' "$TMPD/err" || fail "M9 not named"
expect_eq "uninvite M1" "$(sk uninvite Ｅ3 M1)" "E3 夏祭り: 1 uninvited: M1"
expect_eq "M1 total" "$(sk show member M1 | sed -n 's/^total: //p')" 2
out=$(sk check) || fail "check: $out"
echo ok
