#!/bin/sh
# The command line's contract: exit codes 0/1/2/3, usage on usage errors,
# the exact `show member` keys in order, LF shown as \n, Japanese words,
# and validation messages that name the field.  The rule: 2 when the
# command line is wrong (it prints the usage), 1 when the store refuses.
. "$(dirname "$0")/lib.sh"
# The messages below are the English ones; the language has its own part.
export SANKA_LANG=en

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
# the words listed are every word mark takes (参加 too)
for w in attended 参加 出席 absent 欠席 no_show no-show 無断欠席 cancelled \
    canceled キャンセル pending 未確定; do
	err_has "$w"
done
run 2 -d "$DB" respond E002 M002 maybe
err_has "usage: sanka [-d DIR] respond EVENT MEMBER RESPONSE"
for w in accepted 参加予定 出席予定 declined 不参加 tentative 未定 none 未回答; do
	err_has "$w"
done
run 2 -d "$DB" add member --id M003 --name x --status retired
for w in active 有効 suspended 休会 left 退会; do err_has "$w"; done
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

# a required option missing is a usage error, before the store sees it
run 2 -d "$DB" add event --code E010 --name 誤り
err_has "--date is required"; err_has "usage: sanka [-d DIR] add event"
run 2 -d "$DB" add event --code E010 --date 2026-02-20
err_has "--name is required"
run 2 -d "$DB" add event --name 誤り --date 2026-02-20
err_has "--event-code is required"
run 2 -d "$DB" add member --id M010
err_has "--name is required"; err_has "usage: sanka [-d DIR] add member"
run 2 -d "$DB" add member --name 誰
err_has "--member-id is required"
# a value the command line cannot read: a number, yes/no, a date, a word
run 2 -d "$DB" add member --id M010 --name x --past-count abc
err_has '--past-count: "abc" is not a number'
err_has "usage: sanka [-d DIR] add member"
run 2 -d "$DB" add member --id M010 --name x --past-count -1
err_has "--past-count"
run 2 -d "$DB" add member --id M010 --name x --mail-opt-out maybe
err_has '--mail-opt-out: "maybe"'; err_has "usage: sanka [-d DIR] add member"
run 2 -d "$DB" add event --code E003 --name x --date 2026-01-01 --capacity many
err_has "--capacity"; err_has "usage: sanka [-d DIR] add event"
run 2 -d "$DB" add member --id M010 --name x --joined-on 2026/13/01
err_has '--joined-on: "2026/13/01" is not a date'
err_has "usage: sanka [-d DIR] add member"
# the message shows each form CSV import reads
for f in 2026-02-20 2026/2/20 2026年2月20日 令和8年2月20日 R8.2.20; do
	err_has "$f"
done
run 2 -d "$DB" add member --id M010 --name x --past-last-date 2026-02-30
err_has "--past-last-date"
run 2 -d "$DB" edit event E001 --date yesterday
err_has "--date"; err_has "usage: sanka [-d DIR] edit event"
run 2 -d "$DB" log --limit ten
err_has "--limit"; err_has "usage: sanka [-d DIR] log"
run 1 -d "$DB" show member M010		# none of the above wrote anything

# --- 1: data errors name what is wrong -------------------------------------
run 1 -d "$DB" show member M999
err_has M999
run 1 -d "$DB" show event E999
err_has E999
run 1 -d "$DB" mark E999 M001 attended
err_has E999
run 1 -d "$DB" add member --id M001 --name again
err_has M001
# an empty value is given: the store refuses it
run 1 -d "$DB" add event --code E003 --name x --date ''
err_has "date"
run 1 -d "$DB" add member --id M003 --name ''
err_has "name"
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

# --- dates: exactly what CSV import reads ----------------------------------
run 0 -d "$DB" add event --code E020 --name 令和 --date R8.2.20
run 0 -d "$DB" show event E020
printf '%s\n' "$out" | grep -qx 'date: 2026-02-20' || fail "R8.2.20: $out"
run 0 -d "$DB" edit event E020 --date 令和8年3月1日
run 0 -d "$DB" show event E020
printf '%s\n' "$out" | grep -qx 'date: 2026-03-01' || fail "令和8年3月1日: $out"
run 0 -d "$DB" add member --id M020 --name 日付 --joined-on '2019/5/1 0:00' \
    --past-last-date 'H31.4.30' --past-count 3回 --mail-opt-out 配信停止
run 0 -d "$DB" show member M020
for l in 'joined_on: 2019-05-01' 'past_last_date: 2019-04-30' \
    'past_count: 3' 'mail_opt_out: yes'; do
	printf '%s\n' "$out" | grep -qx "$l" || fail "M020 lacks [$l]: $out"
done

# --- IDs: NFKC-folded, case-sensitive --------------------------------------
run 0 -d "$DB" show member Ｍ０２０
printf '%s\n' "$out" | grep -qx 'id: M020' || fail "Ｍ０２０: $out"
run 1 -d "$DB" show member m020

# --- log: nothing recorded is said on stderr, exit 0 ----------------------
run 0 -d "$DB" log --member M999
expect_eq "log of M999" "$out" ""
err_has "no audit records for M999"
run 0 -d "$DB" log --member M020
[ -n "$out" ] || fail "log of M020 is empty"
expect_eq "log of M020 stderr" "$err" ""

# --- backup, and a restore as README says ---------------------------------
run 0 -d "$DB" backup "$TMPD/b.mdb"
run 1 -d "$DB" backup "$TMPD/b.mdb"
err_has "$TMPD/b.mdb"
mkdir "$TMPD/restored" && cp "$TMPD/b.mdb" "$TMPD/restored/data.mdb"
[ ! -e "$TMPD/restored/lock.mdb" ] || fail "lock.mdb in the restore"
run 0 -d "$TMPD/restored" check
expect_eq "check of the restore" "$out" ok
run 0 -d "$TMPD/restored" show member M020
printf '%s\n' "$out" | grep -qx 'past_count: 3' || fail "restored M020: $out"
run 0 -d "$TMPD/restored" edit member M020 --past-count 4

# --- the language: Japanese unless SANKA_LANG=en or an English locale -----
unset SANKA_LANG
run 2 -d "$DB" add member --id M030
err_has "--name は必須です"
run 3 -d "$TMPD/none" show member M001
err_has "データベースがありません"
LC_ALL= LANG=en_US.UTF-8 run 2 -d "$DB" add member --id M030
err_has "--name is required"
SANKA_LANG=en run 2 -d "$DB" add member --id M030
err_has "--name is required"
# what scripts read stays English
run 0 -d "$DB" show member M020
printf '%s\n' "$out" | grep -qx 'status: active' || fail "ja show: $out"
run 0 -d "$DB" check
expect_eq "ja check" "$out" ok
echo ok
