#!/bin/sh
# One set of limits and one normalisation for every way a value arrives
# (issue 8): the command line refuses what import would refuse, folds what
# import folds, and random members typed on the command line survive
# export -> import -> export byte for byte.
. "$(dirname "$0")/lib.sh"

export SANKA_LANG=en
long=$(awk 'BEGIN { for (i = 0; i < 700; i++) printf "長" }')	# 2,100 bytes
sk add member --id L1 --name "$long" 2>"$TMPD/err"
expect_eq "a 2,100-byte name: exit" $? 1
grep -q 'name is longer than 1024 bytes' "$TMPD/err" || fail "$(cat "$TMPD/err")"
notes=$(awk 'BEGIN { for (i = 0; i < 22000; i++) printf "備" }')
sk add member --id L2 --name x --notes "$notes" 2>"$TMPD/err"
expect_eq "notes over 64 KiB: exit" $? 1
grep -q 'notes is longer than 65536 bytes' "$TMPD/err" || fail "$(cat "$TMPD/err")"
sk add member --id L3 --name x --attr "$(printf 'a%.0s' $(seq 70))=v" 2>"$TMPD/err"
expect_eq "a 70-byte attribute name: exit" $? 1
sk add member --id L4 --name x --attr '@SUM(A1)=v' 2>"$TMPD/err"
expect_eq "a formula attribute name: exit" $? 1
grep -q 'formula' "$TMPD/err" || fail "$(cat "$TMPD/err")"
sk show member L1 >/dev/null 2>&1 && fail "L1 was written"

# what import folds, the command line and edit fold the same way
sk add member --id F1 --name '  山田 太郎　' --kana 'ﾔﾏﾀﾞ ﾀﾛｳ' \
    --phone '０９０－１２１２－３４３４' --postal-code '１００－０００１' >/dev/null ||
    fail "add F1"
expect_eq "name trimmed, as written" "$(show_key F1 name)" "山田 太郎"
expect_eq "kana NFKC" "$(show_key F1 kana)" "ヤマダ タロウ"
expect_eq "phone NFKC" "$(show_key F1 phone)" "090-1212-3434"
sk edit member F1 --postal-code '１０２－００８２' >/dev/null || fail "edit F1"
expect_eq "postal code NFKC by edit" "$(show_key F1 postal_code)" "102-0082"
sk export members -o "$TMPD/f.csv" || fail "export F1"
out=$(sk import "$TMPD/f.csv")
echo "$out" | grep -q '0 added, 0 updated, 1 unchanged' ||
    fail "an untouched export changed on import: $out"

# random members through the command line: the round trip is exact
awk -v seed=8 'BEGIN {
	srand(seed);
	split("山 田 髙 﨑 ア イ ｱ ｲ ﾞ Ａ １ , \" = + - @ ① 𠮷 a b 1 2 ' "'" '", c, " ");
	for (i = 1; i <= 120; i++) {
		n = ""; k = ""; o = "";
		for (j = 0; j < 1 + int(rand() * 12); j++)
			n = n c[1 + int(rand() * 24)];
		for (j = 0; j < int(rand() * 8); j++)
			k = k c[1 + int(rand() * 24)];
		for (j = 0; j < int(rand() * 30); j++)
			o = o c[1 + int(rand() * 24)] (rand() < 0.1 ? "\\n" : "");
		printf "R%03d\t%s\t%s\t%s\n", i, n, k, o;
	}
}' >"$TMPD/rand.tsv"
while IFS='	' read -r id name kana notes; do
	sk add member --id "$id" --name "x$name" --kana "$kana" \
	    --notes "$(printf '%b' "$notes")" --attr "属性=$kana" >/dev/null ||
	    fail "add $id"
done <"$TMPD/rand.tsv"
for enc in utf-8 utf-8-bom cp932; do
	rm -rf "$TMPD/db2"
	if ! sk export members --encoding $enc -o "$TMPD/a.csv" 2>"$TMPD/err"; then
		[ $enc = cp932 ] && grep -q 'no CP932 form' "$TMPD/err" && continue
		fail "export $enc: $(cat "$TMPD/err")"
	fi
	"$SANKA" -d "$TMPD/db2" import "$TMPD/a.csv" >/dev/null 2>"$TMPD/err" ||
	    fail "import $enc: $(cat "$TMPD/err")"
	"$SANKA" -d "$TMPD/db2" export members --encoding $enc -o "$TMPD/b.csv" ||
	    fail "export again $enc"
	cmp "$TMPD/a.csv" "$TMPD/b.csv" || fail "round trip $enc differs"
done
echo ok
