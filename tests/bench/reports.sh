# reports.sh -- part 4 of `make bench`, sourced by run.sh (its helpers:
# gen, timed, calc, median, target): each report of `sanka report` and a
# filter over the members, warm, paired with sqlite3 computing the same
# figures with GROUP BY from the same CSVs (words normalised once at load,
# as sanka's import does), then the two results compared where they must
# agree (range, yearly).
#
#   BENCH_REPORT_MEMBERS=1000000   members
#   BENCH_REPORT_RECORDS=5000000   attendance records (BENCH_EVENTS events)

RM=${BENCH_REPORT_MEMBERS:-1000000}
RR=${BENCH_REPORT_RECORDS:-5000000}
RMEM=$DATA/members-$RM-$SEED.csv
REVT=$DATA/events-$NEV-$SEED.csv
RATT=$DATA/attendance-$RR-$NEV-$RM-$SEED.csv
gen "$RMEM" $B/gen-members "$RM" "$SEED"
gen "$REVT" $B/gen-events "$NEV" "$SEED"
gen "$RATT" $B/gen-attendance "$RR" "$NEV" "$RM" "$SEED"
RDB=$WORK/rdb
RQ=$WORK/r.db
echo
echo "reports: $RM members, $NEV events, $RR attendance records;" \
    "$ROUNDS rounds each, sanka and sqlite3 in turn"
rm -rf "$RDB" "$RQ"
./sanka -d "$RDB" import "$RMEM" "$REVT" "$RATT" >"$WORK/rimport.log" 2>&1 ||
    { tail "$WORK/rimport.log" >&2; die "report data import failed"; }

# The same rows in sqlite3, the words read once into plain values.
cat >"$WORK/rload.sql" <<EOF
CREATE TABLE m0(member_id TEXT, name TEXT, kana TEXT, email TEXT,
  phone TEXT, postal_code TEXT, address TEXT, organization TEXT,
  segment TEXT, status TEXT, mail_opt_out TEXT, joined_on TEXT, notes TEXT,
  past_count TEXT, past_last_date TEXT, past_last_event TEXT);
CREATE TABLE ev(event_code TEXT PRIMARY KEY, name TEXT, date TEXT,
  venue TEXT, capacity TEXT, notes TEXT);
CREATE TABLE a0(event_code TEXT, member_id TEXT, invited_on TEXT,
  response TEXT, status TEXT);
.import --csv --skip 1 $RMEM m0
.import --csv --skip 1 $REVT ev
.import --csv --skip 1 $RATT a0
CREATE TABLE mem(member_id TEXT PRIMARY KEY, name TEXT, kana TEXT,
  segment TEXT, status TEXT, past INTEGER, past_date TEXT);
INSERT INTO mem SELECT member_id, name, kana, segment,
  CASE WHEN status IN ('休会', 'suspended') THEN 'suspended'
       WHEN status IN ('退会', 'left') THEN 'left' ELSE 'active' END,
  coalesce(nullif(past_count, ''), 0) + 0, past_last_date FROM m0;
CREATE TABLE att(event_code TEXT, member_id TEXT, invited INTEGER,
  resp TEXT, fin TEXT, PRIMARY KEY (event_code, member_id));
INSERT INTO att SELECT event_code, member_id, invited_on <> '',
  CASE WHEN response IN ('参加予定', 'accepted') THEN 'accepted' ELSE '' END,
  CASE WHEN status IN ('参加', 'attended') THEN 'attended'
       WHEN status IN ('無断欠席', 'no_show') THEN 'no_show'
       WHEN status IN ('キャンセル', 'cancelled') THEN 'cancelled'
       WHEN status IN ('欠席', 'absent') THEN 'absent' ELSE '' END FROM a0;
CREATE INDEX att_member ON att(member_id, fin);
DROP TABLE m0;
DROP TABLE a0;
EOF
sqlite3 "$RQ" <"$WORK/rload.sql" >"$WORK/rload.log" 2>&1 ||
    { cat "$WORK/rload.log" >&2; die "sqlite3 load failed"; }

# The report year of events.date, fiscal (April).
FY="(CAST(substr(e.date, 1, 4) AS INTEGER) - (substr(e.date, 6, 2) < '04'))"
TOTALS="SELECT m.*, m.past + coalesce(a.n, 0) AS total FROM mem m
  LEFT JOIN (SELECT member_id, count(*) n FROM att WHERE fin = 'attended'
  GROUP BY member_id) a USING (member_id)"
LAST="SELECT m.*, max(m.past_date, coalesce(l.d, '')) AS last FROM mem m
  LEFT JOIN (SELECT a.member_id, max(e.date) d FROM att a JOIN ev e
  USING (event_code) WHERE a.fin = 'attended' GROUP BY a.member_id) l
  USING (member_id)"
# sqlite_report KIND: the query computing what `sanka report KIND` does.
sqlite_report() {
	case $1 in
	range) echo "WITH t AS ($TOTALS) SELECT CASE WHEN total = 0 THEN 0
	    WHEN total = 1 THEN 1 WHEN total = 2 THEN 2 WHEN total <= 5 THEN 3
	    WHEN total <= 9 THEN 6 WHEN total <= 19 THEN 10 ELSE 20 END b,
	    count(*), sum(total) FROM t GROUP BY b ORDER BY b;" ;;
	yearly) echo "WITH e AS (SELECT event_code, $FY y FROM ev e
	    WHERE date <= '$SANKA_TODAY'),
	  r AS (SELECT a.*, e.y FROM att a JOIN e USING (event_code)
	    WHERE a.fin <> ''),
	  per AS (SELECT y, sum(invited) inv, sum(resp = 'accepted') acc,
	    sum(fin = 'attended') att, sum(fin = 'no_show') ns FROM r
	    GROUP BY y),
	  my AS (SELECT DISTINCT member_id, y FROM r WHERE fin = 'attended'),
	  ay AS (SELECT y, count(*) n FROM my GROUP BY y),
	  ft AS (SELECT f.y, count(*) n FROM (SELECT member_id, min(y) y
	    FROM my GROUP BY member_id) f JOIN mem USING (member_id)
	    WHERE mem.past = 0 GROUP BY f.y),
	  rep AS (SELECT a.y, count(*) n FROM my a JOIN my b
	    ON a.member_id = b.member_id AND b.y = a.y - 1 GROUP BY a.y),
	  lap AS (SELECT a.y + 1 y, count(*) n FROM my a LEFT JOIN my b
	    ON a.member_id = b.member_id AND b.y = a.y + 1
	    WHERE b.member_id IS NULL GROUP BY a.y + 1),
	  ne AS (SELECT y, count(*) n FROM e GROUP BY y)
	SELECT ne.y, ne.n, per.inv, per.acc, per.att, coalesce(ay.n, 0),
	  coalesce(ft.n, 0), coalesce(rep.n, 0), coalesce(lap.n, 0)
	  FROM ne LEFT JOIN per USING (y) LEFT JOIN ay USING (y)
	  LEFT JOIN ft USING (y) LEFT JOIN rep USING (y)
	  LEFT JOIN lap USING (y) ORDER BY ne.y;" ;;
	events) echo "SELECT e.event_code, e.name, e.date, e.capacity,
	    sum(a.invited), sum(a.resp = 'accepted'),
	    sum(a.fin = 'attended'), sum(a.fin = 'attended' AND a.invited),
	    sum(a.fin = 'no_show'), sum(a.fin = 'cancelled')
	  FROM ev e LEFT JOIN att a ON a.event_code = e.event_code
	    AND a.fin <> '' WHERE e.date <= '$SANKA_TODAY'
	  GROUP BY e.event_code ORDER BY e.date, e.event_code;" ;;
	lapsed) echo "WITH l AS ($LAST) SELECT member_id, name, kana,
	    segment, last FROM l WHERE status = 'active' AND last <> ''
	    AND last < date('$SANKA_TODAY', '-12 months')
	    ORDER BY last DESC, member_id;" ;;
	top) echo "WITH t AS ($TOTALS) SELECT member_id, name, kana, segment,
	    total FROM t WHERE status = 'active' AND total > 0
	    ORDER BY total DESC, member_id LIMIT 10;" ;;
	noshow) echo "SELECT m.member_id, m.name, m.kana, m.segment, n.n
	    FROM mem m JOIN (SELECT member_id, count(*) n FROM att
	    WHERE fin = 'no_show' GROUP BY member_id HAVING n >= 2) n
	    USING (member_id) WHERE m.status = 'active'
	    ORDER BY n.n DESC, m.member_id;" ;;
	never) echo "WITH t AS ($TOTALS) SELECT member_id, name, kana,
	    segment FROM t WHERE status = 'active' AND total = 0
	    ORDER BY member_id;" ;;
	filter) echo "WITH t AS ($TOTALS) SELECT count(*) FROM t
	    WHERE status = 'active' AND segment = '正会員' AND total >= 3;" ;;
	esac
}
# sanka_timed KIND: `sanka report KIND` (filter: `select --count`) timed
# into $T, its output in $WORK/rs.out.
sanka_timed() {
	if [ "$1" = filter ]; then
		timed "$WORK/rs.out" ./sanka -d "$RDB" select --count \
		    会員種別=正会員 'total>=3'
	else
		timed "$WORK/rs.out" ./sanka -d "$RDB" report "$1" --format csv
	fi
}

# Warm both once, then the rounds.
./sanka -d "$RDB" report range >/dev/null 2>&1
sqlite3 "$RQ" "$(sqlite_report range)" >/dev/null
printf '  %-8s %9s %9s %13s\n' report sanka sqlite3 sanka/sqlite3
for k in range yearly events lapsed top noshow never filter; do
	sqlite_report "$k" >"$WORK/q.sql"
	rr= ts= tq= r=1
	while [ "$r" -le "$ROUNDS" ]; do
		if [ $((r % 2)) -eq 1 ]; then order="sanka sqlite"
		else order="sqlite sanka"; fi
		for s in $order; do
			if [ "$s" = sanka ]; then
				sanka_timed "$k"
				t_s=$T
			else
				timed "$WORK/rq.out" sqlite3 -csv "$RQ" \
				    ".read $WORK/q.sql"
				t_q=$T
			fi
		done
		rr="$rr $(calc "$t_s / $t_q" 3)" ts="$ts $t_s" tq="$tq $t_q"
		r=$((r + 1))
	done
	ts=$(median $ts) tq=$(median $tq) rr=$(median $rr)
	printf '  %-8s %8.3fs %8.3fs %13.2f\n' "$k" "$ts" "$tq" "$rr"
	target "report $k sanka (s, median)" "$ts" "<" 1.0 ""
	target "report $k sanka/sqlite3 (paired)" "$rr" "<=" 1.0 ""
	case $k in
	range)	# members and attendances per bucket agree
		a=$(tr -d '\r' <"$WORK/rs.out" | awk -F, 'NR > 1 {
		    printf "%s,%s;", $2, $5 }')
		b=$(awk -F, '{ c[$1] = $2 "," $3 } END { split("0 1 2 3 6 10 20",
		    k, " "); for (i = 1; i <= 7; i++) printf "%s;",
		    (k[i] in c) ? c[k[i]] : "0,0" }' "$WORK/rq.out")
		target "range figures agree with sqlite3" \
		    "$([ "$a" = "$b" ] && echo 1 || echo 0)" "==" 1 "" ;;
	yearly)	# events ... lapsed per year agree (rates left aside)
		a=$(tr -d '\r' <"$WORK/rs.out" | awk -F, 'NR > 1 {
		    sub(/^FY/, "", $1); printf "%s,%s,%s,%s,%s,%s,%s,%s,%s;",
		    $1, $2, $3, $4, $5, $6, $7, $8, $9 }')
		b=$(awk -F, '{ printf "%s,%s,%s,%s,%s,%s,%s,%s,%s;", $1, $2,
		    $3 + 0, $4 + 0, $5 + 0, $6, $7, $8, $9 }' "$WORK/rq.out")
		target "yearly figures agree with sqlite3" \
		    "$([ "$a" = "$b" ] && echo 1 || echo 0)" "==" 1 ""
		[ "$a" = "$b" ] || printf '    sanka  %s\n    sqlite %s\n' \
		    "$a" "$b" ;;
	esac
done
rm -rf "$RDB" "$RQ"
