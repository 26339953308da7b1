#!/bin/sh
# The command line's contract: exit codes 0/1/2/3, usage on usage errors,
# the exact `show member` keys in order, LF shown as \n, Japanese words,
# and validation messages that name the field.
. "$(dirname "$0")/lib.sh"

# run WANT_RC ARGS...: run sanka, keep stdout in $out and stderr in $err.
run() {
	_want=$1; shift
	"$SANKA" "$@" >"$TMPD/out" 2>"$TMPD/err"
	_rc=$?
	out=$(cat "$TMPD/out"); err=$(cat "$TMPD/err")
	[ "$_rc" = "$_want" ] ||
	    fail "sanka $*: exit $_rc, want $_want; stdout [$out] stderr [$err]"
}
# err_has TEXT: stderr of the last run contains TEXT.
err_has() { printf '%s' "$err" | grep -qF -- "$1" || fail "stderr [$err] lacks [$1]"; }

# --- 0: help, version ------------------------------------------------------
run 0 --help
for c in "add member" "add event" "edit member" "edit event" "delete member" \
    "delete event" merge "show member" "show event" invite respond mark \
    history explain log check backup; do
	printf '%s\n' "$out" | grep -q "^  $c" || fail "--help lacks $c"
done
run 0 --version; expect_eq version "$out" "sanka 0.1.0"
run 0 mark --help
printf '%s\n' "$out" | grep -qx 'usage: sanka \[-d DIR\] mark EVENT MEMBER STATUS' ||
    fail "mark --help: $out"
printf '%s\n' "$out" | grep -q 無断欠席 || fail "mark --help lacks the words"
run 0 add member --help
printf '%s\n' "$out" | grep -q -- '--past-count N' || fail "add member --help: $out"

# --- 3: a reading command never creates a database ------------------------
run 3 -d "$TMPD/none" show member M001
err_has "no database in $TMPD/none"
[ ! -e "$TMPD/none" ] || fail "show created $TMPD/none"
run 3 -d "$TMPD/none" check
SANKA_DB=$TMPD/none run 3 history M001
[ ! -e "$TMPD/none" ] || fail "history created $TMPD/none"
# an unusable directory: a regular file where the database should be
: >"$TMPD/file"
run 3 -d "$TMPD/file" add member --id M001 --name x

# --- the default location: $XDG_DATA_HOME/sanka, else ~/.local/share/sanka
if [ ! -d /var/lib/sanka ]; then	# a server install would win
	HOME=$TMPD/home XDG_DATA_HOME= run 0 add member --id H1 --name 家
	[ -f "$TMPD/home/.local/share/sanka/data.mdb" ] ||
	    fail "no database in ~/.local/share/sanka"
	HOME=$TMPD/home run 0 show member H1
	XDG_DATA_HOME=$TMPD/xdg HOME=$TMPD/home run 3 show member H1
	err_has "no database in $TMPD/xdg/sanka"
	XDG_DATA_HOME=$TMPD/xdg HOME=$TMPD/home SANKA_DB=$TMPD/home/.local/share/sanka \
	    run 0 show member H1
fi

# --- writers create it; -d before or after the command; $SANKA_DB --------
run 0 -d "$DB" add member --member-id M001 --name '山田 史郎' \
    --kana 'ヤマダ シロウ' --email shiro@example.jp --phone 090-1234-5678 \
    --postal-code 150-0001 --address '東京都渋谷区神宮前1-2-3' \
    --organization 'NPO法人 みらい' --segment 正会員 --status 休会 \
    --mail-opt-out はい --joined-on 2019/4/1 --past-count 3 \
    --past-last-date 2024-03-10 --past-last-event 旧総会 \
    --attr 支部=関西 --attr 'メモ=一行目
二行目' --notes 'line one
line two'
expect_eq "add output" "$out" "added member M001 山田 史郎"
run 0 add event --event-code E001 --name 総会 --date 2026/2/20 \
    --venue 本部 --capacity 40 -d "$DB"
SANKA_DB=$DB run 0 show event E001
printf '%s\n' "$out" | grep -qx 'date: 2026-02-20' || fail "date not normalised: $out"

# --- the exact show member keys -------------------------------------------
SANKA_USER=受付 run 0 -d "$DB" mark E001 M001 出席
expect_eq "mark output" "$out" "M001 総会: attended (total 3 -> 4)"
run 0 show member M001 -d "$DB"
printf '%s\n' "$out" | grep -v '^updated_' >"$TMPD/show"
cat >"$TMPD/want" <<'WANT'
id: M001
name: 山田 史郎
kana: ヤマダ シロウ
email: shiro@example.jp
phone: 090-1234-5678
postal_code: 150-0001
address: 東京都渋谷区神宮前1-2-3
organization: NPO法人 みらい
segment: 正会員
status: suspended
mail_opt_out: yes
joined_on: 2019-04-01
past_count: 3
past_last_date: 2024-03-10
past_last_event: 旧総会
attended: 1
total: 4
last_date: 2026-02-20
last_event: E001 総会
attr.メモ: 一行目\n二行目
attr.支部: 関西
notes: line one\nline two
version: 1
accepted: 0
absent: 0
no_show: 0
cancelled: 0
WANT
diff "$TMPD/want" "$TMPD/show" || fail "show member keys differ (diff above)"
printf '%s\n' "$out" | grep -q '^updated_at: 20[0-9][0-9]-[01][0-9]-[0-3][0-9]T' ||
    fail "updated_at: $out"
printf '%s\n' "$out" | grep -q '^updated_by: ' || fail "updated_by: $out"

# empty values print "key:" alone
run 0 -d "$DB" add member --id M002 --name '佐藤 花子'
run 0 -d "$DB" show member M002
printf '%s\n' "$out" | grep -qx 'email:' || fail "empty email: $out"
printf '%s\n' "$out" | grep -qx 'mail_opt_out: no' || fail "mail_opt_out: $out"
printf '%s\n' "$out" | grep -qx 'status: active' || fail "status: $out"
printf '%s\n' "$out" | grep -qx 'last_event:' || fail "last_event: $out"

# edit changes only the named fields; '' clears one
run 0 -d "$DB" edit member M001 --email '' --status active --attr 支部=
run 0 -d "$DB" show member M001
printf '%s\n' "$out" | grep -qx 'email:' || fail "email not cleared: $out"
printf '%s\n' "$out" | grep -qx 'status: active' || fail "status: $out"
printf '%s\n' "$out" | grep -q '^attr.支部' && fail "attr not removed: $out"
printf '%s\n' "$out" | grep -qx 'phone: 090-1234-5678' || fail "phone lost: $out"

# --- Japanese status words -------------------------------------------------
run 0 -d "$DB" add event --code E002 --name 例会 --date 2026-01-10
for w in 無断欠席:no_show キャンセル:cancelled 欠席:absent 参加:attended \
    no-show:no_show canceled:cancelled 未確定:pending; do
	run 0 -d "$DB" mark E002 M002 "${w%%:*}"
	printf '%s\n' "$(sk history M002)" | grep -q "	${w#*:}\$" ||
	    fail "mark ${w%%:*}: $(sk history M002)"
done
run 0 -d "$DB" respond E002 M002 参加予定
expect_eq "respond" "$out" "M002 例会: accepted"

# --- 2: usage errors print the usage of that command ----------------------
run 2 -d "$DB" frobnicate
err_has "unknown command frobnicate"; err_has "usage: sanka"
run 2 -d "$DB" mark E002 M002 maybe
err_has 'unknown status "maybe"'
err_has "usage: sanka [-d DIR] mark EVENT MEMBER STATUS"
run 2 -d "$DB" respond E002 M002 maybe
err_has "usage: sanka [-d DIR] respond EVENT MEMBER RESPONSE"
run 2 -d "$DB" mark E002 M002
err_has "missing argument"; err_has "usage: sanka [-d DIR] mark"
run 2 -d "$DB" show member
err_has "usage: sanka [-d DIR] show member ID"
run 2 -d "$DB" add member --id M003 --name x --colour red
err_has "unknown option --colour"; err_has "usage: sanka [-d DIR] add member"
run 2 -d "$DB" add member --id M003 --name
err_has "option --name needs a value"
run 2 -d "$DB" add member --id M003 --name x --status retired
err_has "--status"
run 2 -d "$DB" add member --id M003 --name x --attr novalue
err_has "--attr"
run 2 -d "$DB" add
err_has "usage: sanka [-d DIR] add member"; err_has "usage: sanka [-d DIR] add event"
run 2 -d "$DB" add person
err_has "unknown kind person"
run 2 -d "$DB" edit member M001
err_has "nothing to change"
run 2 -d "$DB" show member M001 M002
err_has "too many arguments"
run 2 --bogus
run 2 -d

# --- 1: data errors name what is wrong -------------------------------------
run 1 -d "$DB" show member M999
err_has M999
run 1 -d "$DB" show event E999
err_has E999
run 1 -d "$DB" mark E999 M001 attended
err_has E999
run 1 -d "$DB" add member --id M001 --name again
err_has M001
run 1 -d "$DB" add member --id M003 --name x --joined-on 2026/13/01
err_has "--joined-on"; err_has "2026/13/01"
run 1 -d "$DB" add member --id M003 --name x --past-last-date 2026-02-30
err_has "--past-last-date"
run 1 -d "$DB" add member --id M003 --name x --past-count -1
err_has "--past-count"
run 1 -d "$DB" add event --code E003 --name x --date 2026-01-01 --capacity many
err_has "--capacity"
run 1 -d "$DB" add member --id M003 --name "$(printf 'a\tb')"
err_has "name"
run 1 -d "$DB" add member --id "$(printf 'M%070d' 3)" --name x
err_has "--member-id"; err_has "64 bytes"
run 1 -d "$DB" edit member M002 --email "$(printf 'a\nb@example.jp')"
err_has "email"
run 1 -d "$DB" show member M003
run 1 -d "$DB" delete member M001
err_has "1 attendance record"; err_has "--force"
run 0 -d "$DB" show member M001
run 1 -d "$DB" delete event E002
err_has "--force"
run 0 -d "$DB" delete member M001 --force
run 1 -d "$DB" show member M001
run 0 -d "$DB" check
expect_eq "check" "$out" ok
echo ok
