#!/bin/sh
# t-tui-lang.sh -- Japanese by default (also with no LANG at all, as over
# SSH), English with SANKA_LANG=en or an English locale; ? lists every key
# of the screen from the key table; NO_COLOR draws without colour.
. "$(dirname "$0")/lib.sh"
export XDG_STATE_HOME=$TMPD/state
# A session that outlives "app": its restarts never race a tmux server
# that is exiting with its last session.
$T new-session -d -s keep -x 20 -y 5 "sleep 600"

sk add member --id M001 --name '山田 史郎' --kana 'ヤマダ シロウ' >/dev/null
sk add event --event-code E006 --name イベント6 --date 2026-02-20 >/dev/null
sk invite E006 M001 >/dev/null
restart() { $T kill-session -t app 2>/dev/null; start_tui "$@"; }

start_tui
wait_for '[1] 会員 [2] イベント [3] 未確定 [4] 集計'
wait_for '並び順: ID順'
keys 3
wait_for '回答'
keys '?'
wait_for 'キー一覧 (Esc で閉じる)'
wait_for 'u/Ctrl-Z'
wait_for '元に戻す'
wait_for '不参加の表示切替'
wait_for 'Ctrl-L'
keys Escape
poll 5 "! screen | grep -qF 'Esc で閉じる'" || fail "? did not close"

# No LANG, no LC_ALL: a warning (not UTF-8) and still Japanese.
restart LC_ALL= LANG= LC_CTYPE=
wait_for '[1] 会員'
wait_for 'UTF-8 ではない'
# LC_CTYPE UTF-8 but messages "C" (macOS clients): Japanese, no warning.
restart LC_ALL= LANG= LC_CTYPE=C.UTF-8
wait_for '[1] 会員'
screen | grep -qF '警告' && fail "a warning with a UTF-8 LC_CTYPE"

restart SANKA_LANG=en
wait_for '[1] Members [2] Events [3] Pending [4] Reports'
wait_for 'order: by ID'
keys 3
wait_for 'Response'
keys a
wait_for 'The event attendance count will be updated. Continue?'
wait_for '[Update]'
keys Escape
restart LC_ALL= LANG=en_US.UTF-8
wait_for '[1] Members'
restart LC_ALL= LANG=en_US.UTF-8 SANKA_LANG=ja
wait_for '[1] 会員'

# NO_COLOR: no colour escapes at all; the current panel still shows.
restart NO_COLOR=1
wait_for '[1] 会員'
esc=$(printf '\033')
$T capture-pane -p -e -t app | grep -q "$esc\[[34][0-7]m" &&
    fail "colour with NO_COLOR"
$T capture-pane -p -e -t app | head -1 | grep -q "$esc\[[0-9;]*4[;m]" ||
    fail "the current panel is not underlined"
# Without NO_COLOR the same frame has colour (so the check above can fail).
restart
wait_for '[1] 会員'
$T capture-pane -p -e -t app | grep -q "$esc\[[34][0-7]m" ||
    fail "no colour without NO_COLOR"
echo "ok lang"
