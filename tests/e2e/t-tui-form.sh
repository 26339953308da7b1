#!/bin/sh
# t-tui-form.sh -- Esc in an edit form undoes the typing in a field and
# never blanks a stored value; a second Esc leaves (asking first when
# something was changed).
. "$(dirname "$0")/lib.sh"
export XDG_STATE_HOME=$TMPD/state

sk add member --id M001 --name '山田 史郎' --kana 'ヤマダ シロウ' \
    --address '東京都千代田区1-1' --phone 03-0000 >/dev/null

start_tui
wait_for '[1] 会員'
wait_for 'M001'
keys e
wait_for '会員 M001 の編集'
# Focus on 住所 (name, kana, e-mail, phone, postal code, address).
keys Tab Tab Tab Tab Tab
# Esc on the filled field with nothing typed: nothing to undo, so it
# leaves the form (nothing changed, no question); the value stays.
keys Escape
poll 5 "! screen | grep -qF '会員 M001 の編集'" || fail "Esc did not leave"
expect_eq "address after Esc" "$(show_key M001 address)" '東京都千代田区1-1'

# Typing then Esc puts the stored value back; Ctrl-S keeps it.
keys e
wait_for '会員 M001 の編集'
keys Tab Tab Tab Tab Tab
text '二丁目'
wait_for '二丁目'
keys Escape
poll 5 "! screen | grep -qF '二丁目'" || fail "Esc did not undo the typing"
wait_for '東京都千代田区1-1'
keys C-s
poll 5 "! screen | grep -qF '会員 M001 の編集'" || fail "second save"
expect_eq "address after undo" "$(show_key M001 address)" '東京都千代田区1-1'
# The message belongs to the screen it was said on: another panel clears it.
wait_for 'を保存しました'
keys 2
poll 5 "! screen | grep -qF 'を保存しました'" || fail "the message stayed"
keys 1
wait_for 'M001'

# A changed field elsewhere: Esc on an untouched field asks before leaving.
keys e
wait_for '会員 M001 の編集'
keys Tab Tab Tab C-u
text '090-1'
keys Tab Tab Escape
wait_for '破棄して'
keys Enter
poll 5 "! screen | grep -qF '会員 M001 の編集'" || fail "discard"
expect_eq "phone kept" "$(show_key M001 phone)" 03-0000

# The change log on the member page speaks Japanese.
keys Enter
wait_for '変更履歴'
wait_for '追加 会員'
screen | grep -qF 'add member' && fail "English words in the change log"
echo ok
