#!/bin/sh
# Eight processes of the real binary mark overlapping records at once (8 x 50
# marks over 20 members x 5 events, random statuses).  Afterwards `check` is
# clean, every member's total is past_count + its attended records, the
# events' counts agree with the records, and records only one process wrote
# end in that process's last status: no lost update.
. "$(dirname "$0")/lib.sh"

W=8 N=50
i=1
while [ $i -le 20 ]; do
	id=$(printf 'M%02d' $i)
	sk add member --id "$id" --name "会員 $i" --past-count $((i % 4)) \
	    >/dev/null || fail "add $id"
	i=$((i + 1))
done
for e in 1 2 3 4 5; do
	sk add event --code E0$e --name "イベント$e" --date 2026-0$e-1$e \
	    >/dev/null || fail "add E0$e"
done

# Worker w's plan: even steps mark a shared member (M01..M12), odd steps the
# worker's own member M(13+w), at a random event with a random status.
w=0
while [ $w -lt $W ]; do
	awk -v w=$w -v n=$N 'BEGIN {
		srand(1000 + w)
		split("attended absent no_show cancelled pending 出席 欠席", s, " ")
		for (i = 0; i < n; i++) {
			m = (i % 2 == 0) ? 1 + int(rand() * 12) : 13 + w
			printf "E0%d M%02d %s\n", 1 + int(rand() * 5), m,
			    s[1 + int(rand() * 7)]
		}
	}' >"$TMPD/plan$w"
	w=$((w + 1))
done

w=0
while [ $w -lt $W ]; do
	(
		while read -r ev m st; do
			"$SANKA" -d "$DB" mark "$ev" "$m" "$st" >/dev/null \
			    2>>"$TMPD/errors" || echo "$ev $m $st" >>"$TMPD/failed"
		done <"$TMPD/plan$w"
	) &
	w=$((w + 1))
done
wait
[ ! -s "$TMPD/failed" ] || fail "marks failed: $(head "$TMPD/failed" "$TMPD/errors")"

out=$(sk check) || fail "check: $out"
expect_eq check "$out" ok

# total = past_count + attended records, for every member
i=1
while [ $i -le 20 ]; do
	id=$(printf 'M%02d' $i)
	past=$(show_key $id past_count)
	att=$(sk history $id | awk -F '\t' '$5 == "attended"' | wc -l)
	expect_eq "$id total" "$(show_key $id total)" $((past + att))
	expect_eq "$id attended" "$(show_key $id attended)" $att
	i=$((i + 1))
done

# the events' counts agree with their participant lines
for e in 1 2 3 4 5; do
	sk show event E0$e >"$TMPD/ev"
	for f in attended absent no_show cancelled pending; do
		n=$(awk -F '\t' -v f=$f 'NF == 5 && $4 == f' "$TMPD/ev" | wc -l)
		expect_eq "E0$e $f" "$(sed -n "s/^$f: //p" "$TMPD/ev")" $n
	done
done

# a record only worker w wrote ends in w's last status for it
w=0
while [ $w -lt $W ]; do
	m=$(printf 'M%02d' $((13 + w)))
	awk -v m=$m '$2 == m { last[$1] = $3 }
	    END { for (e in last) print e, last[e] }' "$TMPD/plan$w" |
	while read -r ev st; do
		case $st in 出席) st=attended ;; 欠席) st=absent ;; esac
		got=$(sk history $m | awk -F '\t' -v e=$ev '$2 == e { print $5 }')
		[ "$got" = "$st" ] || { echo "FAIL: $m $ev: got $got, want $st"; exit 1; }
	done || fail "lost update"
	w=$((w + 1))
done
echo ok
