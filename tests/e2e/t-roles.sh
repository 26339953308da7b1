#!/bin/sh
# Roles on a shared server (issue 11), as real Unix users made here (and
# removed on exit): a setgid sanka installed into a temporary prefix, the
# shared database made by `sanka init`; a viewer reads and cannot write, a
# volunteer never sees a row or value its role hides, a user with no role
# is refused, no staff member opens data.mdb directly, $SANKA_USER changes
# no rights, refusals are audited, and the group privilege is gone while
# the screens run and during an import.
. "$(dirname "$0")/lib.sh"

export SANKA_LANG=en
SHARED=/var/lib/sanka
[ "$(id -u)" = 0 ] || fail "t-roles needs root (it makes Unix users)"
grep -q '^NoNewPrivs:[[:space:]]*0$' /proc/self/status ||
    fail "NoNewPrivs is set: a setgid program cannot run here"
[ -e "$SHARED" ] && fail "$SHARED exists: t-roles makes and removes its own"
PFX=$TMPD/prefix
mkdir -p "$PFX/bin"
chmod 755 "$TMPD" "$PFX"
findmnt -n -o OPTIONS -T "$PFX" | grep -qw nosuid &&
    fail "$PFX is on a nosuid filesystem: setgid cannot work there"

tag=$$
AD=skad$tag ST=skst$tag VW=skvw$tag VO=skvo$tag NR=sknr$tag
made_group=
cleanup() {
	$T kill-server 2>/dev/null
	for u in $AD $ST $VW $VO $NR; do userdel "$u" 2>/dev/null; done
	[ -n "$made_group" ] && groupdel sanka 2>/dev/null
	rm -rf "$SHARED" "$TMPD"
}
trap cleanup EXIT
getent group sanka >/dev/null || { groupadd --system sanka; made_group=1; }
for u in $AD $ST $VW $VO $NR; do
	useradd -M -N -g users -s /bin/sh "$u" || fail "useradd $u"
done
install -o root -g sanka -m 2755 "$SANKA" "$PFX/bin/sanka"
BIN=$PFX/bin/sanka
[ "$(stat -c %a:%G "$BIN")" = 2755:sanka ] || fail "install: $(stat -c %a:%G "$BIN")"
# as USER ARGS: sanka as USER (group users, not in group sanka)
as() { _u=$1; shift; setpriv --reuid="$_u" --regid=users --init-groups -- \
    env -u SANKA_DB HOME=/nonexistent "$BIN" "$@"; }

# root creates the shared database
mkdir -m 2770 "$SHARED" && chown root:sanka "$SHARED"
"$BIN" init --admin "$AD" >"$TMPD/out" 2>&1 || fail "init: $(cat "$TMPD/out")"
expect_eq "data.mdb" "$(stat -c %a:%U:%G "$SHARED/data.mdb")" 660:root:sanka
expect_eq "lock.mdb" "$(stat -c %a:%U:%G "$SHARED/lock.mdb")" 660:root:sanka
expect_eq "directory" "$(stat -c %a:%U:%G "$SHARED")" 2770:root:sanka

as $AD add member --id M001 --name 山田太郎 --email taro@example.jp \
    --phone 03-1111-2222 --segment 正会員 >/dev/null || fail "admin add M001"
as $AD add member --id M002 --name 鈴木花子 --email hanako@example.jp \
    --phone 03-3333-4444 --segment ボランティア >/dev/null || fail "add M002"
as $AD add event --code E001 --name 総会 --date 2026-02-20 >/dev/null ||
    fail "add event"
as $AD invite E001 M001 M002 >/dev/null || fail "invite"
as $AD user set $ST staff || fail "user set staff"
as $AD user set $VW viewer || fail "user set viewer"
as $AD role add volunteer --from viewer || fail "role add"
as $AD role set volunteer \
    --allow members:view,events:view,attendance:view,export:view,reports:view \
    --rows segment=ボランティア --hide email,phone || fail "role set"
as $AD user set $VO volunteer || fail "user set volunteer"
as $AD user list >"$TMPD/users"
grep -qx "$VO: volunteer" "$TMPD/users" || fail "user list: $(cat "$TMPD/users")"
as $AD role show volunteer | grep -qx 'hide: email,phone' || fail "role show"

# a viewer reads and cannot write; $SANKA_USER changes nothing
as $VW show member M001 | grep -qx 'email: taro@example.jp' || fail "viewer show"
SANKA_USER=$AD as $VW edit member M001 --name 別人 2>"$TMPD/err"
expect_eq "viewer edit: exit status" $? 3
grep -q 'viewer' "$TMPD/err" && grep -q 'members:edit' "$TMPD/err" ||
    fail "viewer edit: $(cat "$TMPD/err")"
as $ST edit member M001 --notes 確認済み >/dev/null || fail "staff edit"
as $ST role list 2>/dev/null
expect_eq "staff role list: exit status" $? 3

# the volunteer: one row, no e-mail or phone anywhere
as $VO show member M001 >/dev/null 2>&1
expect_eq "volunteer show M001: exit status" $? 1
as $VO show member M002 >"$TMPD/show" || fail "volunteer show M002"
grep -q '^name: 鈴木花子$' "$TMPD/show" || fail "show: $(cat "$TMPD/show")"
grep -qE '^(email|phone):' "$TMPD/show" && fail "show prints a hidden line"
as $VO export members >"$TMPD/csv" || fail "volunteer export"
head -1 "$TMPD/csv" | grep -qE 'email|phone' && fail "export header: hidden column"
grep -qE 'M001|hanako|taro|03-' "$TMPD/csv" && fail "export leaks: $(cat "$TMPD/csv")"
as $VO show event E001 >"$TMPD/ev" || fail "volunteer show event"
grep -q 'M001' "$TMPD/ev" && fail "show event lists M001"
# the counts leave the rows outside the role out too (two invited, one seen)
grep -qx 'invited: 1' "$TMPD/ev" || fail "show event counts: $(cat "$TMPD/ev")"
as $AD show event E001 | grep -qx 'invited: 2' || fail "admin's count"
as $VO log >"$TMPD/log" 2>/dev/null
grep -qE 'M001|hanako|03-3333' "$TMPD/log" && fail "log leaks: $(cat "$TMPD/log")"
grep -q 'email=(hidden)' "$TMPD/log" || fail "log: no (hidden): $(cat "$TMPD/log")"
as $VO select segment!=x >"$TMPD/sel" || fail "volunteer select"
expect_eq "volunteer select" "$(cat "$TMPD/sel")" M002
as $VO select email=hanako@example.jp >/dev/null 2>&1
expect_eq "volunteer select on a hidden field: exit status" $? 3
as $VO report top --format csv >"$TMPD/rep" || fail "volunteer report"
grep -q M001 "$TMPD/rep" && fail "report top lists M001"

# an import may not reach a member outside the importer's rows (the whole
# file is refused, nothing written)
as $AD role add rowsonly --from staff || fail "role add rowsonly"
as $AD role set rowsonly --rows segment=ボランティア || fail "role set rowsonly"
as $AD user set $ST rowsonly || fail "user set rowsonly"
printf 'event_code,member_id,status\nE001,M002,参加\nE001,M001,参加\n' \
    >"$TMPD/att.csv"
chmod 644 "$TMPD/att.csv"
as $ST import "$TMPD/att.csv" >"$TMPD/out" 2>&1
expect_eq "import reaching outside the rows: exit status" $? 1
grep -q 'M001' "$TMPD/out" || fail "import: $(cat "$TMPD/out")"
as $AD show member M002 | grep -qx 'total: 0' || fail "the import wrote M002"
as $AD user set $ST staff || fail "user set staff again"
as $AD role delete rowsonly || fail "role delete rowsonly"

# no role: refused, naming the admin; the database files stay closed
as $NR show member M001 >/dev/null 2>"$TMPD/err"
expect_eq "no role: exit status" $? 3
grep -q "$AD" "$TMPD/err" || fail "no role: $(cat "$TMPD/err")"
setpriv --reuid=$ST --regid=users --init-groups -- cat "$SHARED/data.mdb" \
    >/dev/null 2>&1 && fail "staff read data.mdb directly"
as $ST -d "$SHARED" show member M001 >/dev/null 2>&1
expect_eq "staff -d $SHARED: exit status" $? 3

# print and mail are rights of their own: a viewer has neither
printf 'Subject: test\n\n{{name}}\n' >"$TMPD/mail.txt"
chmod 644 "$TMPD/mail.txt"
mkdir -m 777 "$TMPD/prints" || fail "mkdir prints"
as $VW print labels -o "$TMPD/prints/l.pdf" >/dev/null 2>"$TMPD/err"
expect_eq "viewer print: exit status" $? 3
grep -q 'print:view' "$TMPD/err" || fail "viewer print: $(cat "$TMPD/err")"
[ -e "$TMPD/prints/l.pdf" ] && fail "a refused print wrote a file"
as $VW mail --template "$TMPD/mail.txt" --dry-run "$TMPD/prints/m" \
    >/dev/null 2>"$TMPD/err"
expect_eq "viewer mail: exit status" $? 3
grep -q 'mail:view' "$TMPD/err" || fail "viewer mail: $(cat "$TMPD/err")"

# a command that only reads is refused and audited too
as $VW export members >/dev/null 2>"$TMPD/err"
expect_eq "viewer export: exit status" $? 3
grep -q 'export:view' "$TMPD/err" || fail "viewer export: $(cat "$TMPD/err")"

# refusals are audited, under the real user
as $AD log >"$TMPD/log"
grep 'refused' "$TMPD/log" | grep -q 'export:view' ||
    fail "the read-only refusal is not audited: $(grep refused "$TMPD/log")"
grep -q "	$VW ($AD)	refused	access" "$TMPD/log" ||
    fail "no refusal of $VW: $(grep refused "$TMPD/log")"

# the privilege is gone while the screens run
gid=$(getent group users | cut -d: -f3)
$T new-session -d -s app -x 120 -y 40 -e LC_ALL=C.UTF-8 -e TERM=xterm \
    "setpriv --reuid=$VO --regid=users --init-groups -- $BIN; sleep 30"
wait_for "鈴木花子" 10
screen | grep -q '山田' && fail "the volunteer's list shows M001"
keys Enter
wait_for "-- Profile --" 10
screen | grep -qE 'hanako|03-3333' && fail "the member page shows a hidden value"
pid=$(pgrep -u "$VO" -x sanka | head -1)
[ -n "$pid" ] || fail "no sanka process of $VO"
expect_eq "Gid while the screens run" \
    "$(sed -n 's/^Gid:[[:space:]]*//p' /proc/$pid/status | tr -s '\t ' ' ')" \
    "$gid $gid $gid $gid"
keys U
wait_for "lacks the right admin:view"
$T kill-session -t app 2>/dev/null

# the admin's page of roles and users
$T new-session -d -s adm -x 120 -y 40 -e LC_ALL=C.UTF-8 -e TERM=xterm \
    "setpriv --reuid=$AD --regid=users --init-groups -- $BIN; sleep 30"
poll 10 '$T capture-pane -p -t adm | grep -qF "[1]"' || fail "admin screens"
$T send-keys -t adm U
poll 10 '$T capture-pane -p -t adm | grep -qF "$VO: volunteer"' ||
    fail "U: $($T capture-pane -p -t adm)"
$T capture-pane -p -t adm | grep -qF "rows: segment=ボランティア" ||
    fail "U: no rows line"
$T kill-session -t adm 2>/dev/null

# ... and during an import: the terminal's output is stopped (^S), so the
# import waits on its first write there while we look
printf 'member_id,name\nM010,新人\n' >"$TMPD/in.csv"
chmod 644 "$TMPD/in.csv"
$T new-session -d -s imp -x 120 -y 40 -e LC_ALL=C.UTF-8 "read go; \
    setpriv --reuid=$ST --regid=users --init-groups -- $BIN import \
    $TMPD/in.csv; echo done=\$?; sleep 30"
keys_imp() { $T send-keys -t imp "$@"; }
keys_imp C-s
keys_imp go Enter
poll 10 'pgrep -u "$ST" -x sanka >/dev/null' || fail "no import process"
pid=$(pgrep -u "$ST" -x sanka | head -1)
# sampled once it is inside write(2) on the stopped terminal (syscall 1 on
# x86-64): a process only just started may not have opened the database yet
poll 20 '[ "$(cut -d " " -f 1 /proc/$pid/syscall 2>/dev/null)" = 1 ]' ||
    fail "the import never blocked on its first write"
expect_eq "Gid during an import" \
    "$(sed -n 's/^Gid:[[:space:]]*//p' /proc/$pid/status | tr -s '\t ' ' ')" \
    "$gid $gid $gid $gid"
keys_imp C-q
poll 10 '$T capture-pane -p -t imp | grep -q done=0' ||
    fail "import: $($T capture-pane -p -t imp)"
as $ST show member M010 | grep -q '^name: 新人$' || fail "imported M010"
echo ok
