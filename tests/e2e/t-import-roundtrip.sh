#!/bin/sh
# t-import-roundtrip: export -> import into an empty database -> export is
# byte-identical; export -> re-import into the same database changes nothing.
. "$(dirname "$0")/lib.sh"
export SANKA_LANG=en	# the English summaries and messages
C=tests/data
W=$TMPD/w; mkdir -p "$W/a" "$W/b" "$W/c"

sk import $C/members-basic.csv $C/members-bom-crlf.csv $C/members-ja.csv \
    $C/members-formula.csv $C/events.csv $C/attendance-words.csv \
    >/dev/null || fail "seed"
sk import $C/attendance-byname.csv >/dev/null || fail "seed by name"
sk edit member M001 --attr '趣味=碁, "将棋"' --attr 'メール=別の =値' >/dev/null ||
    fail "attrs"
sk mark E001 M101 attended >/dev/null || fail mark
for enc in utf-8 utf-8-bom cp932; do
	for h in en ja; do
		d=$W/$enc-$h; mkdir -p "$d"
		for k in members events attendance; do
			sk export $k --headers $h --encoding $enc -o "$d/$k.csv" ||
			    fail "export $k $h $enc"
		done
		# Into an empty database, all three in one import.
		B=$TMPD/db-$enc-$h
		"$SANKA" -d "$B" import "$d/members.csv" "$d/events.csv" \
		    "$d/attendance.csv" >/dev/null || fail "import $enc $h"
		for k in members events attendance; do
			"$SANKA" -d "$B" export $k --headers $h --encoding $enc \
			    -o "$d/$k.again.csv" || fail "export again $k"
			cmp "$d/$k.csv" "$d/$k.again.csv" ||
			    fail "round trip $k $h $enc is not byte-identical"
		done
		"$SANKA" -d "$B" check >/dev/null || fail "check $enc $h"
		# Back into the same database: nothing changes.
		"$SANKA" -d "$B" import "$d/members.csv" "$d/events.csv" \
		    "$d/attendance.csv" >"$d/sum" || fail "re-import $enc $h"
		n=$(grep -c ': 0 added, 0 updated, [0-9]* unchanged' "$d/sum")
		expect_eq "re-import $enc $h unchanged" "$n" 3
	done
done
# UTF-8 with a BOM starts with it; the Japanese headers are Japanese.
head -c 3 "$W/utf-8-bom-ja/members.csv" | od -An -tx1 | grep -q 'ef bb bf' ||
    fail "no BOM"
head -n 1 "$W/utf-8-ja/events.csv" | grep -q '^イベントコード,イベント名,開催日,会場,定員,備考' ||
    fail "Japanese headers"
# Re-importing the original database's own export changes nothing.
sk import "$W/utf-8-en/members.csv" "$W/utf-8-en/events.csv" \
    "$W/utf-8-en/attendance.csv" >"$W/sum" || fail "self re-import"
expect_eq "self re-import" "$(grep -c ': 0 added, 0 updated, [0-9]* unchanged' "$W/sum")" 3
sk check >/dev/null || fail check
exit 0
