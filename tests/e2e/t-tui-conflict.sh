#!/bin/sh
# t-tui-conflict.sh -- two screens edit the same member: the second save is
# refused with who and when, the form shows the fresh state, nothing of the
# first save is overwritten; a status change made elsewhere meanwhile is
# refused the same way.
. "$(dirname "$0")/lib.sh"
export XDG_STATE_HOME=$TMPD/state

sk add member --id M001 --name '山田 史郎' --kana 'ヤマダ シロウ' \
    --phone 03-0000 >/dev/null
sk add event --event-code E006 --name イベント6 --date 2026-02-20 >/dev/null
sk invite E006 M001 >/dev/null

start_tui SANKA_USER=受付B
$T new-session -d -s app2 -x 120 -y 40 -e LC_ALL=C.UTF-8 \
    -e SANKA_TODAY="$SANKA_TODAY" -e TZ=Asia/Tokyo -e SANKA_USER=受付A \
    "$SANKA -d $DB; sleep 30"
screen2() { $T capture-pane -p -t app2; }
wait_for '[1] 会員'
poll 5 "screen2 | grep -qF 'M001'" || fail "no second screen"

# Both open the edit form of M001 and change the phone.
keys e
wait_for '会員 M001 の編集'
$T send-keys -t app2 e
poll 5 "screen2 | grep -qF '会員 M001 の編集'" || fail "no second form"
keys Tab Tab Tab C-u
text '090-1111-1111'
$T send-keys -t app2 Tab Tab Tab C-u
$T send-keys -t app2 -l '080-2222-2222'
# The second screen saves first.
$T send-keys -t app2 C-s
poll 5 '[ "$(show_key M001 phone)" = 080-2222-2222 ]' || fail "first save"
# The first one is refused, naming who.
keys C-s
wait_for '受付A'
wait_for '保存していません'
screen | grep -F '電話番号' | grep -qF '080-2222-2222' ||
    fail "the form does not show the fresh phone"
screen | grep -qF '入力していた値: 090-1111-1111' ||
    fail "what was typed is not shown"
expect_eq "not overwritten" "$(show_key M001 phone)" 080-2222-2222
# Saving again now is a deliberate choice on the fresh version: the form
# holds the fresh record, so Esc leaves it without asking.
keys Escape
poll 5 "! screen | grep -qF '会員 M001 の編集'" || fail "Esc did not leave"
wait_for 'M001'

# A status: the dialog is open here when someone marks the record absent;
# confirming is refused (the version moved) and the fresh state shows.
keys 3
wait_for 'ヤマダ シロウ'
keys a
wait_for '[更新する]'
SANKA_USER=受付A sk mark E006 M001 absent >/dev/null
keys Enter
wait_for '受付A'
wait_for '保存していません'
poll 5 "! screen | grep -qF 'ヤマダ シロウ'" || fail "fresh state not shown"
expect_eq "absent kept" "$(show_key M001 absent)" 1
expect_eq "not attended" "$(show_key M001 attended)" 0
sk check >/dev/null || fail "check"
echo "ok conflict"
