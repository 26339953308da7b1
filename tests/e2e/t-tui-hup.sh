#!/bin/sh
# t-tui-hup.sh -- the SSH connection drops (SIGHUP) while a form is open:
# nothing is written, the database is intact, the form is kept as this
# user's draft (0600) and offered at the next start; SIGTERM the same;
# a dialog's question is not a form: no draft.
. "$(dirname "$0")/lib.sh"
export XDG_STATE_HOME=$TMPD/state
# A session that outlives "app": its restarts never race a tmux server
# that is exiting with its last session.
$T new-session -d -s keep -x 20 -y 5 "sleep 600"

sk add member --id M001 --name '山田 史郎' --kana 'ヤマダ シロウ' >/dev/null
draft() { ls "$XDG_STATE_HOME"/sanka/draft-* 2>/dev/null; }

start_tui
wait_for '[1] 会員'
keys n
wait_for '会員の追加'
text 'M020'
keys Enter
text '小林　さくら'
keys Enter
text 'コバヤシ サクラ'
wait_for 'コバヤシ サクラ'
# kill-session sends SIGHUP to the pane's processes, as sshd does.
$T kill-session -t app
poll 5 '[ -n "$(draft)" ]' || fail "no draft after SIGHUP"
[ "$(stat -c %a "$(draft)")" = 600 ] || fail "the draft is not 0600"
sk show member M020 >/dev/null 2>&1 && fail "M020 was written"
sk check >/dev/null || fail "check after SIGHUP"

# The next start offers it; restoring brings the typed text back.
start_tui
wait_for '復元しますか？'
wait_for '新しい会員'
keys Enter
wait_for '小林　さくら'
wait_for 'コバヤシ サクラ'
[ -z "$(draft)" ] || fail "the draft stayed after it was restored"
keys C-s
wait_for '会員 M020 小林　さくら を追加しました'
expect_eq "restored name" "$(show_key M020 name)" '小林　さくら'
expect_eq "restored kana" "$(show_key M020 kana)" 'コバヤシ サクラ'

# An edit form, then SIGTERM: the draft keeps the version read.
keys Escape
wait_for 'M020'
keys g e
wait_for '会員 M001 の編集'
keys Tab Tab Tab
text '03-5555'
wait_for '03-5555'
pid=$($T display -p -t app '#{pane_pid}')
pkill -TERM -P "$pid" -x sanka || fail "no sanka to signal"
poll 5 '[ -n "$(draft)" ]' || fail "no draft after SIGTERM"
grep -q '^kind member-edit' "$(draft)" || fail "not an edit draft"
expect_eq "phone unsaved" "$(show_key M001 phone)" ''
$T kill-session -t app

# Meanwhile someone changes M001: the restored form's save is refused.
SANKA_USER=受付A sk edit member M001 --email a@example.com >/dev/null
start_tui
wait_for '会員 M001 のフォーム'
keys Enter
wait_for '03-5555'
keys C-s
wait_for '受付A'
expect_eq "email kept" "$(show_key M001 email)" a@example.com
expect_eq "phone not saved" "$(show_key M001 phone)" ''

# The form now holds the fresh record; new input, then Ctrl-C asks, and
# quitting on purpose leaves no draft.
text '9'
keys C-c
wait_for '破棄して終了しますか'
keys Enter
poll 5 '[ "$($T display -p -t app "#{pane_current_command}")" = sleep ]' ||
    fail "Ctrl-C did not quit"
[ -z "$(draft)" ] || fail "a draft after a normal quit"
$T kill-session -t app

# A dialog when the line drops: no form, no draft, nothing written.
sk add event --event-code E006 --name イベント6 --date 2026-02-20 >/dev/null
sk invite E006 M001 >/dev/null
start_tui
wait_for '[1] 会員'
keys 3 a
wait_for '[更新する]'
$T kill-session -t app
poll 5 "! pgrep -f '$SANKA -d $DB' >/dev/null" || fail "sanka still runs"
[ -z "$(draft)" ] || fail "a draft without a form"
expect_eq "not marked" "$(show_key M001 attended)" 0
echo "ok hup"
