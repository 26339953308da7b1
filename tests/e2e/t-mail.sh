#!/bin/sh
# t-mail: sanka mail through the real MTA (exim4, a private configuration
# delivering every address into one local mbox; messages are queued, -odq,
# and the queue is run before the mailbox is read, which is about twice
# as fast as delivering each at once), the mailbox parsed back: the subject decodes to
# the Japanese text, opt-outs and members without e-mail never receive,
# an address field holding two addresses is refused, a dry run writes
# files only, and a run killed half-way and resumed sends no one twice
# and reports the uncertain ones.
. "$(dirname "$0")/lib.sh"
export SANKA_LANG=en
W=$TMPD/w; M=$TMPD/mta
mkdir -p "$W" "$M/spool" "$M/log" "$M/mail"
chmod 0755 "$TMPD" "$M"
chmod 0777 "$M/mail"	# exim delivers as nobody
[ -x /usr/sbin/exim4 ] || fail "no exim4: run make deps"
cat >"$M/exim.conf" <<EOF
primary_hostname = sanka.test
spool_directory = $M/spool
log_file_path = $M/log/%slog
domainlist local_domains = *
keep_environment =
# Run as the caller (root): a -C configuration drops exim's own user.
exim_user = root
exim_group = root
begin routers
mailbox:
  driver = accept
  transport = mailbox
begin transports
mailbox:
  driver = appendfile
  file = $M/mail/mbox
  user = nobody
  group = nogroup
  mode = 0644
  envelope_to_add
EOF
# sendmail as sanka calls it, into the private configuration; KILL_AT
# kills sanka after delivering to that address (a crash mid-run).
cat >"$M/sendmail" <<EOF
#!/bin/sh
/usr/sbin/exim4 -C "$M/exim.conf" -odq "\$@" || exit \$?
eval "to=\\\${\$#}"
[ "\$to" = "\${KILL_AT:-}" ] && kill -9 \$PPID
exit 0
EOF
chmod 0755 "$M/sendmail"
export SANKA_SENDMAIL=$M/sendmail
# deliver: run exim's queue (the messages sanka handed off) into the mbox.
deliver() { /usr/sbin/exim4 -C "$M/exim.conf" -qff || fail "exim -qff"; }
# recipients: every Envelope-to of the mbox, one per line.
recipients() {
	deliver
	[ -e "$M/mail/mbox" ] || return 0
	/usr/bin/python3 - "$M/mail/mbox" <<'EOF'
import mailbox, sys
for m in mailbox.mbox(sys.argv[1]):
    print(m["Envelope-to"])
EOF
}
# subjects: each message's decoded subject.
subjects() {
	deliver
	/usr/bin/python3 - "$M/mail/mbox" <<'EOF'
import mailbox, sys
from email.header import decode_header, make_header
for m in mailbox.mbox(sys.argv[1]):
    print(str(make_header(decode_header(m["Subject"]))))
EOF
}

cat >"$W/m.csv" <<'EOF'
member_id,name,kana,email,status,mail_opt_out
M001,山田 太郎,ヤマダ タロウ,taro@example.jp,active,0
M002,髙橋 花子,タカハシ ハナコ,"hanako@example.jp, other@example.jp",active,0
M003,佐藤 一,サトウ ハジメ,sato@example.jp,active,1
M004,鈴木 二郎,スズキ ジロウ,,active,0
M005,伊藤 三郎,イトウ サブロウ,ito@example.jp,left,0
EOF
printf 'event_code,name,date\nE1,新年会,2026-01-10\n' >"$W/e.csv"
sk import "$W/m.csv" "$W/e.csv" >/dev/null || fail seed
cat >"$W/t.txt" <<'EOF'
Subject: 【ご案内】{{event.name}}（{{event.date_wareki}}）のお知らせ
From: NPO法人 サンプル <info@example.jp>

{{atena}}

{{event.name}}を開催します。
EOF

# Two addresses in one field: refused, nothing sent, nothing recorded.
sk mail --template "$W/t.txt" --event E1 >"$W/out" 2>"$W/err"
expect_eq "two addresses exit" $? 1
grep -qF 'member M002: "hanako@example.jp, other@example.jp" holds more than one address' \
    "$W/err" || { cat "$W/err"; fail "two addresses message"; }
[ -z "$(ls "$M/spool/input" 2>/dev/null)" ] || fail "mail was queued"
sk log | grep -q 'mail' && fail "a mailing was recorded despite the refusal"
sk edit member M002 --email hanako@example.jp >/dev/null || fail edit

# A dry run: the files, nothing sent, nothing recorded.
sk mail --template "$W/t.txt" --event E1 --dry-run "$W/dry" >/dev/null \
    2>&1 || fail "dry run"
expect_eq "dry-run files" "$(ls "$W/dry" | paste -sd' ')" "M001.eml M002.eml"
grep -q '^To: taro@example.jp$' "$W/dry/M001.eml" || fail "dry-run To"
[ -z "$(ls "$M/spool/input" 2>/dev/null)" ] || fail "a dry run sent mail"
sk mail --template "$W/t.txt" --event E1 --dry-run "$W/dry" 2>/dev/null
expect_eq "dry run into a full directory" $? 3

# The mailing: M001 and M002 only; the left-out line; the subject.
sk mail --template "$W/t.txt" --event E1 >"$W/out" 2>"$W/err" ||
    { cat "$W/err"; fail mail; }
expect_eq "left-out line" "$(cat "$W/err")" \
    "sanka: left out 3 members: 1 left, 1 mail_opt_out, 1 without address"
id=$(sed -n 's/^mailing \([^:]*\): 2 recipients$/\1/p' "$W/out")
[ -n "$id" ] || fail "no mailing ID printed: $(cat "$W/out")"
grep -qxF "mailing $id: 2 sent, 0 failed" "$W/out" || fail "summary"
expect_eq "recipients" "$(recipients | sort | paste -sd' ')" \
    "hanako@example.jp taro@example.jp"
expect_eq "subject" "$(subjects | sort -u)" \
    "【ご案内】新年会（令和8年1月10日）のお知らせ"
sk log | grep -qF "mailing=$id; recipients=2" || fail "log lacks the mailing"

# 110 members; sanka is killed after the 5th hand-off: the first batch
# (100 recipients) was recorded as being sent, the second still queued.
rm -f "$M/mail/mbox"
{ echo member_id,name,kana,email
  i=100; while [ $i -lt 210 ]; do
	echo "B$i,会員 $i,カイイン,b$i@example.jp"; i=$((i + 1)); done
} >"$W/b.csv"
sk import "$W/b.csv" >/dev/null || fail "bulk seed"
printf 'Subject: お知らせ\nFrom: info@example.jp\n\n{{name}}\n' >"$W/b.txt"
KILL_AT=b104@example.jp sk mail --template "$W/b.txt" kana=カイイン \
    >"$W/out" 2>"$W/err"
expect_eq "killed" $? 137
id=$(sed -n 's/^mailing \([^:]*\): 110 recipients$/\1/p' "$W/out")
[ -n "$id" ] || fail "no mailing ID before the kill"
expect_eq "delivered before the kill" "$(recipients | wc -l)" 5
sk mail --resume "$id" >"$W/out" 2>"$W/err" || { cat "$W/err"; fail resume; }
grep -qxF "mailing $id: 10 sent, 0 failed" "$W/out" || fail "resume summary"
grep -qxF "sanka: mailing $id: 100 uncertain, not sent again" "$W/err" ||
    fail "uncertain not reported"
grep -qF "sanka: uncertain: B104 b104@example.jp" "$W/err" ||
    fail "uncertain member not named"
recipients >"$W/got"
expect_eq "no one twice" "$(sort "$W/got" | uniq -d | wc -l)" 0
expect_eq "after resume" "$(wc -l <"$W/got")" 15
# --resend-uncertain: the 100 once more; a second time sends nothing.
sk mail --resume "$id" --resend-uncertain >"$W/out" 2>&1 ||
    fail "resend-uncertain"
grep -qxF "mailing $id: 100 sent, 0 failed" "$W/out" || fail "resend summary"
sk mail --resume "$id" --resend-uncertain >"$W/out" 2>&1 ||
    fail "second resend"
grep -qxF "mailing $id: 0 sent, 0 failed" "$W/out" || fail "sent twice again"
expect_eq "twice only those cut off" "$(recipients | sort | uniq -d | wc -l)" 5
sk mail --resume 20990101-9 2>/dev/null
expect_eq "unknown mailing" $? 1

# The member page lists the member's mailings and what became of each.
start_tui
wait_for '[1] Members'
keys /
text 'B104'
wait_for '会員 104'
keys Enter
wait_for 'Mailings'
wait_for "$id"
wait_for "sent b104@example.jp: お知らせ"

# Mail from the screens: P on the member list, the last item, a template,
# a filter, one question, then the status line names the mailing.
rm -f "$M/mail/mbox"
keys Escape 1
wait_for 'Sort order'
keys P
wait_for 'Print or mail'
keys Down Down Down Down Enter
wait_for 'Mail template file'
text "$W/b.txt"
keys Enter
wait_for 'Members matching'
text 'id=M001'
keys Enter
wait_for 'Send e-mail from'
keys Enter
wait_for ': 1 sent, 0 failed'
expect_eq "screen mail" "$(recipients)" "taro@example.jp"
echo ok
