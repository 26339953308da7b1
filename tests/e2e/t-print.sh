#!/bin/sh
# t-print: sanka print labels|letters|badges|list read back from the PDFs
# (pdftotext, pdfinfo, zbarimg): who is left out and the stderr line, the
# filter naming status, --sort, --event's participants whatever their
# status, the door list in 五十音順, the QR codes, and template, glyph,
# layout and filter errors before any file is made.
. "$(dirname "$0")/lib.sh"
export SANKA_LANG=en
W=$TMPD/w; mkdir -p "$W"

cat >"$W/m.csv" <<'EOF'
member_id,name,kana,email,postal_code,address,organization,status,mail_opt_out
M001,山田 太郎,ヤマダ タロウ,taro@example.jp,100-0001,東京都千代田区千代田1-1,,active,0
M002,髙橋 花子,タカハシ ハナコ,,1500001,東京都渋谷区神宮前1-1 﨑ビル①,髙橋商店,active,0
M003,NPO法人みどり,ミドリ,,9000001,沖縄県那覇市1-1,NPO法人みどり,active,0
M004,𠮷田 一,ヨシダ ハジメ,,0600001,北海道札幌市1-1,,active,0
M005,佐藤 次郎,サトウ ジロウ,,1000002,東京都,,left,0
M006,鈴木 三郎,スズキ サブロウ,,1000003,東京都,,suspended,0
M007,伊藤 四郎,イトウ シロウ,,1000004,東京都,,active,1
M008,渡辺 五郎,ワタナベ ゴロウ,,,,,active,0
EOF
cat >"$W/e.csv" <<'EOF'
event_code,name,date,venue
E1,総会,2026-02-20,本部
EOF
sk import "$W/m.csv" "$W/e.csv" >/dev/null || fail seed
sk invite E1 M001 M002 M006 M008 >/dev/null || fail invite

# Labels: 4 reached, 4 left out and said so.
sk print labels -o "$W/l.pdf" >"$W/out" 2>"$W/err" || fail "labels"
expect_eq "left-out line" "$(cat "$W/err")" \
    "sanka: left out 4 members: 1 left, 1 suspended, 1 mail_opt_out, 1 without address"
expect_eq "labels summary" "$(cat "$W/out")" "$W/l.pdf: 4 members, 1 pages"
expect_eq "pages" "$(pdfinfo "$W/l.pdf" | sed -n 's/^Pages: *//p')" 1
pdftotext "$W/l.pdf" "$W/l.txt"
for n in "山田 太郎 様" "髙橋 花子 様" "NPO法人みどり 御中" "𠮷田 一 様" \
    "〒150-0001" "﨑ビル①" "髙橋商店"; do
	grep -qF "$n" "$W/l.txt" || fail "labels lack [$n]"
done
grep -qF "佐藤 次郎" "$W/l.txt" && fail "a member who left got a label"
expect_eq "様 count" "$(grep -o 様 "$W/l.txt" | wc -l)" 3
# --sort postal: 060 (M004) first, 900 (M003) last.
sk print labels --sort postal -o "$W/p.pdf" >/dev/null 2>&1 || fail sort
expect_eq "postal order" "$(pdftotext "$W/p.pdf" - | grep -o '〒[0-9-]*' |
    paste -sd' ')" "〒060-0001 〒100-0001 〒150-0001 〒900-0001"
# A filter naming status keeps those who left.
sk print labels status=left -o "$W/s.pdf" >/dev/null 2>"$W/err" ||
    fail "status=left"
pdftotext "$W/s.pdf" - | grep -qF "佐藤 次郎 様" || fail "status=left label"
[ -s "$W/err" ] && fail "nothing was left out by status=left"

# Letters: one page each, 和暦 from the event, the QR decodes to the ID.
printf '{{atena}}\n\n{{event.name}}（{{event.date_wareki}}）のご案内\n' \
    >"$W/t.txt"
sk print letters --template "$W/t.txt" --event E1 -o "$W/t.pdf" \
    >/dev/null 2>&1 || fail letters
expect_eq "letter pages" "$(pdfinfo "$W/t.pdf" | sed -n 's/^Pages: *//p')" 4
pdftotext -f 2 -l 2 "$W/t.pdf" - | grep -qF "総会（令和8年2月20日）のご案内" ||
    fail "letter text"
pdftoppm -r 150 -gray -png -f 2 -l 2 "$W/t.pdf" "$W/q"
expect_eq "QR" "$(zbarimg -q "$W"/q*.png 2>/dev/null)" "QR-Code:M002"
printf '{{nmae}}\n' >"$W/bad.txt"
sk print letters --template "$W/bad.txt" -o "$W/bad.pdf" 2>"$W/err"
expect_eq "unknown placeholder exit" $? 1
grep -qF "$W/bad.txt:1: unknown placeholder {{nmae}}" "$W/err" ||
    fail "unknown placeholder message"
[ -e "$W/bad.pdf" ] && fail "a PDF despite a template error"

# A character no installed font draws: the member and the character named.
sk edit member M001 --address '東京都𫠝町' >/dev/null || fail edit
sk print labels -o "$W/g.pdf" 2>"$W/err"
expect_eq "glyph exit" $? 1
grep -qF 'member M001: address: no installed font can draw "𫠝" (U+2B81D)' \
    "$W/err" || fail "glyph message"
[ -e "$W/g.pdf" ] && fail "a PDF despite a glyph error"
ls "$W" | grep -q 'g.pdf.' && fail "a temporary file was left"
sk edit member M001 --address '東京都千代田区千代田1-1' >/dev/null

# Badges and the list of an event: its participants, the suspended too.
sk print badges --event E1 --layout a4-4 -o "$W/b.pdf" >/dev/null 2>&1 ||
    fail badges
expect_eq "badge pages" "$(pdfinfo "$W/b.pdf" | sed -n 's/^Pages: *//p')" 1
pdftoppm -r 150 -gray -png "$W/b.pdf" "$W/b"
expect_eq "badge QRs" "$(zbarimg -q "$W"/b*.png 2>/dev/null | sort | paste -sd' ')" \
    "QR-Code:M001 QR-Code:M002 QR-Code:M006 QR-Code:M008"
sk print list --event E1 -o "$W/d.pdf" >/dev/null 2>&1 || fail list
expect_eq "五十音順" "$(pdftotext "$W/d.pdf" - | grep -E '^M00[0-9]$' |
    paste -sd' ')" "M006 M002 M001 M008"

# Usage and data errors: nothing made.
sk print labels --layout a4-99 -o "$W/x.pdf" 2>/dev/null
expect_eq "bad layout exit" $? 2
sk print labels nmae=x -o "$W/x.pdf" 2>/dev/null
expect_eq "bad filter exit" $? 2
sk print list --event E404 -o "$W/x.pdf" 2>/dev/null
expect_eq "unknown event exit" $? 1
sk print list -o "$W/x.pdf" 2>/dev/null
expect_eq "list without --event" $? 2
[ -e "$W/x.pdf" ] && fail "a PDF despite an error"

# From the screens: P on an event's page makes the door's list, P on the
# member list labels for a filter; the status line says where it went.
start_tui
wait_for '[1] Members'
keys 2
wait_for '総会'
keys Enter
wait_for 'Venue: 本部'
keys P
wait_for 'Print or mail'
keys 4
wait_for 'Write the PDF to:'
keys Escape
text "$W/door.pdf"
keys Enter
wait_for "door.pdf: 4 members, 1 pages"
expect_eq "screen list" "$(pdftotext "$W/door.pdf" - | grep -E '^M00[0-9]$' |
    paste -sd' ')" "M006 M002 M001 M008"
keys Escape
keys 1
wait_for 'Sort order'
keys P
wait_for 'Print or mail'
keys 1
wait_for 'Layout (a4-12'
keys Enter
wait_for 'Members matching'
text '所属=髙橋商店'
keys Enter
wait_for 'Write the PDF to:'
keys Escape
text "$W/screen.pdf"
keys Enter
wait_for "screen.pdf: 1 members, 1 pages"
pdftotext "$W/screen.pdf" - | grep -qF "髙橋 花子 様" || fail "screen labels"
# A filtered member list: P offers the list's own filter.
keys f
text 'id=M004'
keys Enter
wait_for '𠮷田 一'
keys P
wait_for 'Print or mail'
keys 3
wait_for 'Layout (a6'
keys Enter
wait_for 'id=M004'
keys Enter
wait_for 'Write the PDF to:'
keys Escape
text "$W/filtered.pdf"
keys Enter
wait_for "filtered.pdf: 1 members, 1 pages"
pdftotext "$W/filtered.pdf" - | grep -qF "𠮷田 一" || fail "filtered badges"
echo ok
