#!/bin/sh
# run.sh -- `make bench`: sanka's figures next to their peers on this
# machine (plain LMDB, sqlite3), the systems run in turn and the ratios
# taken pair by pair (median), then a summary of the targets met and missed.
#
#   BENCH_N=1000000      members (and attendance rows) of the import bench
#   BENCH_EVENTS=200     events the attendance rows refer to
#   BENCH_ROUNDS=3       interleaved rounds of the import bench
#   BENCH_SEED=42        generator seed
#   BENCH_MARKS=4000     durable marks per system, in 20 interleaved blocks
#                        (10,000 members, 50 events, 100,000 records; then
#                        a batch of 100,000 marks in one txn, 3 rounds)
#   BENCH_DOOR_N=100000  members of the door bench (and rows of each
#                        import it runs beside the door)
#   BENCH_DOOR_SCANS=300 paced scans (each after the last one's
#                        confirmation), then 10x as many back to back
#   BENCH_PRINT=10000    members of the print and mail parts: labels and
#                        letters; messages handed to the local MTA (exim4
#                        with a private configuration, queued only)
#   BENCH_ONLY=mark,import,screens,reports,door,roles,print,mail   run some parts only
#                        (screens reuses the import's databases when both
#                        run)
#   BENCH_REPORT_MEMBERS=1000000, BENCH_REPORT_RECORDS=5000000: reports.sh
#
# Generated CSVs are kept in build/bench/data/ (by N and seed); databases
# go to build/bench/work/, removed at the end.  Exit 1 when something
# failed to run; a missed target is reported, not an error.
set -u
cd "$(dirname "$0")/../.." || exit 2
export LC_ALL=C.UTF-8 TZ=Asia/Tokyo SANKA_TODAY=2026-11-20
unset SANKA_DB SANKA_USER SANKA_LANG SANKA_MAP_SIZE SANKA_TRACE

N=${BENCH_N:-1000000}
NEV=${BENCH_EVENTS:-200}
ROUNDS=${BENCH_ROUNDS:-3}
SEED=${BENCH_SEED:-42}
MARKS=${BENCH_MARKS:-4000}
ONLY=${BENCH_ONLY:-mark,import,screens,reports,door,roles,print,mail}
DOOR_N=${BENCH_DOOR_N:-100000}
DOOR_SCANS=${BENCH_DOOR_SCANS:-300}
NPRINT=${BENCH_PRINT:-10000}
B=build/bench
DATA=$B/data
WORK=$B/work
SUMMARY=$WORK/summary

rm -rf "$WORK"
mkdir -p "$DATA" "$WORK" || exit 1
trap 'rm -rf "$WORK"' EXIT
: >"$SUMMARY"

die() { echo "bench: $*" >&2; exit 1; }
want() { case ",$ONLY," in *",$1,"*) return 0 ;; esac; return 1; }
# calc EXPR: floating-point arithmetic.
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }
# median VALUE...
median() {
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
		if (NR % 2) print v[(NR + 1) / 2];
		else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# target NAME VALUE OP LIMIT UNIT: record a target as met or missed.
target() {
	if awk "BEGIN { exit !($2 $3 $4) }"; then r=met; else r=MISSED; fi
	printf '  %-6s %-44s %10s %s %s %s\n' "$r" "$1" "$2" "$3" "$4" "$5" \
	    >>"$SUMMARY"
}
# timed LOG CMD...: run CMD under proc-usage; wall seconds in $T, max RSS
# (KiB) in $RSS, and proc-usage's other figures (user_s sys_s minflt
# maxrss_kib anon_kib file_kib) as shell variables.
timed() {
	_log=$1; shift
	$B/proc-usage "$WORK/usage" "$@" >"$_log" 2>&1 ||
	    { tail -n 20 "$_log" >&2; die "failed: $* (log above)"; }
	eval "$(cat "$WORK/usage")"
	T=$wall_s RSS=$maxrss_kib
}
# usage_keep NAME: append this run's proc-usage figures to the lists
# u_NAME_user, u_NAME_sys, ... (one value a round; medians printed).
usage_keep() {
	for _f in user_s sys_s minflt maxrss_kib anon_kib; do
		eval "u_$1_$_f=\"\${u_$1_$_f:-} \$$_f\""
	done
}
# usage_row LABEL NAME: the medians of NAME's kept figures, one row.
usage_row() {
	eval "_u=\$u_$2_user_s _s=\$u_$2_sys_s _m=\$u_$2_minflt \
	    _r=\$u_$2_maxrss_kib _a=\$u_$2_anon_kib"
	printf '    %-24s %8.2fs %8.2fs %10.0f %11s %12s\n' "$1" \
	    "$(median $_u)" "$(median $_s)" "$(median $_m)" \
	    "$(calc "$(median $_r) / 1024" 0)" \
	    "$(calc "$(median $_a) / 1024" 0)"
}
# gen FILE CMD...: make a cached generated CSV.
gen() {
	_out=$1; shift
	[ -s "$_out" ] && return 0
	echo "generating $_out"
	"$@" >"$_out.tmp" || die "generator failed: $*"
	mv "$_out.tmp" "$_out"
}
mib() { calc "$1 / 1048576" 0; }

# The sqlite3 peer's table has every column of the members file (else
# .import warns on each row): a PRIMARY KEY on member_id, then one index
# on kana, as sanka keeps one reading index.
cat >"$WORK/schema.sql" <<'EOF'
CREATE TABLE members(member_id TEXT PRIMARY KEY, name TEXT, kana TEXT,
  email TEXT, phone TEXT, postal_code TEXT, address TEXT,
  organization TEXT, segment TEXT, status TEXT, mail_opt_out TEXT,
  joined_on TEXT, notes TEXT, past_count INTEGER, past_last_date TEXT,
  past_last_event TEXT);
EOF

# The machine: figures from different CPUs or hypervisors are not
# comparable, nor are timings taken while other work runs.
hyper=no
grep -qw hypervisor /proc/cpuinfo && hyper=yes
vm=$(systemd-detect-virt --vm 2>/dev/null) || vm=${vm:-none}
ct=$(systemd-detect-virt --container 2>/dev/null) || ct=${ct:-none}
load1=$(cut -d ' ' -f 1 /proc/loadavg)
echo "sanka bench, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs," \
    "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)," \
    "load average $(cut -d ' ' -f 1-3 /proc/loadavg) at the start"
echo "under a hypervisor: $hyper (the cpuinfo flag); systemd-detect-virt:" \
    "vm $vm, container $ct"
awk "BEGIN { exit !($load1 > 0.5) }" &&
    echo "WARNING: load average $load1 > 0.5 at the start: other work is" \
	"running, the times and time ratios are not comparable (page faults," \
	"RSS and file sizes still are)"

# Room for the generated CSVs and the databases of the largest round
# (measured: about 1.4 KiB a member with its attendance row; twice that),
# and for part 4's (a member as above, half a KiB a record).
need_kib=$((N * 3 + 262144))
want reports && need_kib=$((need_kib + ${BENCH_REPORT_MEMBERS:-1000000} * 3 +
    ${BENCH_REPORT_RECORDS:-5000000} / 2))
avail_kib=$(df -Pk "$B" | awk 'NR == 2 { print $4 }')
[ "$avail_kib" -ge "$need_kib" ] ||
    die "not enough free disk space in $B: $((avail_kib / 1024)) MiB free," \
	"BENCH_N=$N (and part 4's sizes when run) needs about" \
	"$((need_kib / 1024)) MiB"

# --- 1. durable marks -----------------------------------------------------
if want mark; then
	echo
	$B/durable-mark -n "$MARKS" -r 20 -s "$SEED" "$WORK/mark" \
	    >"$WORK/mark.out" 2>"$WORK/mark.err" ||
	    { cat "$WORK/mark.err" >&2; die "durable-mark failed"; }
	grep -v '^RESULT' "$WORK/mark.out"
	eval "$(sed -n 's/^RESULT //p' "$WORK/mark.out")"
	target "durable mark store/plain LMDB (paired)" "$mark_ratio" "<=" \
	    1.3 ""
	target "batched mark store/plain LMDB (paired)" "$batch_ratio" "<=" \
	    2.0 ""
	rm -rf "$WORK/mark"
fi

# --- 2. import --------------------------------------------------------------
if want import; then
	MEM=$DATA/members-$N-$SEED.csv
	EVT=$DATA/events-$NEV-$SEED.csv
	ATT=$DATA/attendance-$N-$NEV-$N-$SEED.csv
	gen "$MEM" $B/gen-members "$N" "$SEED"
	gen "$EVT" $B/gen-events "$NEV" "$SEED"
	gen "$ATT" $B/gen-attendance "$N" "$NEV" "$N" "$SEED"
	echo
	echo "import: $N members ($(mib "$(stat -c %s "$MEM")") MiB)," \
	    "$NEV events, $N attendance rows; $ROUNDS rounds, the three" \
	    "loads in rotating order"
	printf '  %5s %9s %9s %9s %12s %12s %9s %9s\n' round sanka sqlite3 \
	    floor sanka/sqlite sanka/floor attend. "rows/s"
	rs= rf= ts= tq= tf= ta=
	r=1
	while [ "$r" -le "$ROUNDS" ]; do
		case $((r % 3)) in
		1) order="sanka sqlite floor" ;;
		2) order="sqlite floor sanka" ;;
		0) order="floor sanka sqlite" ;;
		esac
		for s in $order; do
			case $s in
			sanka)
				rm -rf "$WORK/sdb"
				timed "$WORK/sanka.log" ./sanka -d "$WORK/sdb" \
				    import "$MEM"
				t_s=$T rss_s=$RSS anon_s=$anon_kib
				usage_keep sanka
				size_s=$(stat -c %s "$WORK/sdb/data.mdb") ;;
			sqlite)
				rm -f "$WORK/s.db"
				timed "$WORK/sqlite.log" sqlite3 \
				    -cmd ".read $WORK/schema.sql" "$WORK/s.db" \
				    ".import --csv --skip 1 $MEM members" \
				    "CREATE INDEX members_kana ON members(kana);"
				[ -s "$WORK/sqlite.log" ] &&
				    { head "$WORK/sqlite.log" >&2;
				    die "sqlite3 .import complained"; }
				t_q=$T rss_q=$RSS
				usage_keep sqlite
				size_q=$(stat -c %s "$WORK/s.db") ;;
			floor)
				rm -rf "$WORK/fdb"
				timed "$WORK/floor.log" $B/floor-load "$MEM" \
				    "$WORK/fdb"
				t_f=$T rss_f=$RSS
				usage_keep floor
				size_f=$(stat -c %s "$WORK/fdb/data.mdb") ;;
			esac
		done
		# Events, then the attendance rows into the 1 M-member base.
		./sanka -d "$WORK/sdb" import "$EVT" >"$WORK/events.log" 2>&1 ||
		    { cat "$WORK/events.log" >&2; die "event import failed"; }
		timed "$WORK/att.log" ./sanka -d "$WORK/sdb" import "$ATT"
		t_a=$T rss_a=$RSS anon_a=$anon_kib
		usage_keep attend
		size_a=$(stat -c %s "$WORK/sdb/data.mdb")
		x=$(calc "$t_s / $t_q") y=$(calc "$t_s / $t_f")
		rs="$rs $x" rf="$rf $y"
		ts="$ts $t_s" tq="$tq $t_q" tf="$tf $t_f" ta="$ta $t_a"
		printf '  %5s %8.2fs %8.2fs %8.2fs %12s %12s %8.2fs %9s\n' \
		    "$r" "$t_s" "$t_q" "$t_f" "$x" "$y" "$t_a" \
		    "$(calc "$N / $t_a" 0)"
		r=$((r + 1))
	done
	rs=$(median $rs) rf=$(median $rf)
	ts=$(median $ts) tq=$(median $tq) tf=$(median $tf) ta=$(median $ta)
	printf '  %5s %8.2fs %8.2fs %8.2fs %12.2f %12.2f %8.2fs %9s\n' \
	    median "$ts" "$tq" "$tf" "$rs" "$rf" "$ta" \
	    "$(calc "$N / $ta" 0)"
	echo "  members/s: sanka $(calc "$N / $ts" 0)," \
	    "sqlite3 $(calc "$N / $tq" 0), floor $(calc "$N / $tf" 0)"
	echo "  CPU time, minor page faults and memory (medians of the rounds;" \
	    "RssAnon: peak sampled every ms):"
	printf '    %-24s %9s %9s %10s %11s %12s\n' "" user system minflt \
	    "maxRSS MiB" "RssAnon MiB"
	usage_row "sanka import members" sanka
	usage_row "sanka import attendance" attend
	usage_row "sqlite3 .import + index" sqlite
	usage_row "floor-load" floor
	echo "  peak RSS vs file (last round):"
	echo "    sanka import members    $(mib $((rss_s * 1024))) MiB," \
	    "data.mdb $(mib "$size_s") MiB: $(calc "$rss_s * 1024 / $size_s")x"
	echo "    sanka import attendance $(mib $((rss_a * 1024))) MiB," \
	    "data.mdb $(mib "$size_a") MiB: $(calc "$rss_a * 1024 / $size_a")x"
	echo "    sqlite3                 $(mib $((rss_q * 1024))) MiB," \
	    "s.db $(mib "$size_q") MiB"
	echo "    floor-load              $(mib $((rss_f * 1024))) MiB," \
	    "data.mdb $(mib "$size_f") MiB"
	timed "$WORK/check.log" ./sanka -d "$WORK/sdb" check
	echo "  sanka check on the result: clean, $T s"
	target "import sanka/sqlite3 (paired; aim 0.67)" "$rs" "<=" 0.8 ""
	target "import sanka/floor (paired)" "$rf" "<=" 1.5 ""
	target "attendance import rows/s" "$(calc "$N / $ta" 0)" ">" 300000 ""
	target "members import peak RssAnon / data.mdb" \
	    "$(calc "$anon_s * 1024 / $size_s")" "<=" 1.0 ""
	target "attendance import peak RssAnon / data.mdb" \
	    "$(calc "$anon_a * 1024 / $size_a")" "<=" 1.0 ""
	target "members import peak RSS / data.mdb" \
	    "$(calc "$rss_s * 1024 / $size_s")" "<=" 1.5 ""
	target "attendance import peak RSS / data.mdb" \
	    "$(calc "$rss_a * 1024 / $size_a")" "<=" 1.5 ""
fi

# --- 3. screens -------------------------------------------------------------
# sanka in tmux with $SANKA_TRACE (tui/trace.h: "T_US KIND DUR_US" a line;
# "start" ends at the first full frame, a key's DUR_US runs from get_wch to
# doupdate).  Each key is sent after the previous one's line arrived.
SEARCHES="ヤマダ サトウ タカハシ スズキ イトウ ワタナベ ナカムラ コバヤシ \
カトウ ヨシダ ヤマグチ マツモト"
# lines FILE: lines in FILE so far.
lines() { if [ -f "$1" ]; then wc -l <"$1"; else echo 0; fi; }
# wait_lines FILE N [SECONDS]: until FILE has N lines; 1 on time-out.
wait_lines() {
	_end=$(( $(date +%s%N) / 1000000 + ${3:-10} * 1000 ))
	while [ "$(lines "$1")" -lt "$2" ]; do
		[ $(( $(date +%s%N) / 1000000 )) -lt $_end ] || return 1
		sleep 0.005
	done
}
# keystat KIND FILE: "n p50 p99" of DUR_US (µs) of KIND lines.
keystat() {
	awk -v k="$1" '$2 == k { print $3 }' "$2" | sort -n | awk '
		{ v[NR] = $1 } END { if (NR == 0) { print "0 0 0"; exit }
		k = int(0.99 * NR + 0.999999); print NR, v[int((NR + 1) / 2)],
		v[k] }'
}
if want screens; then
	echo
	if ! grep -q SANKA_TRACE tui/*.c 2>/dev/null; then
		echo "screens: not run: this sanka has no \$SANKA_TRACE timing"
		echo "  MISSED screens benchmark (no trace in tui/)" >>"$SUMMARY"
	else
		MEM=$DATA/members-$N-$SEED.csv
		gen "$MEM" $B/gen-members "$N" "$SEED"
		if [ ! -f "$WORK/sdb/data.mdb" ]; then
			./sanka -d "$WORK/sdb" import "$MEM" >"$WORK/sanka.log" \
			    2>&1 || { cat "$WORK/sanka.log" >&2;
			    die "sanka import failed"; }
		fi
		if [ ! -f "$WORK/s.db" ]; then
			sqlite3 -cmd ".read $WORK/schema.sql" "$WORK/s.db" \
			    ".import --csv --skip 1 $MEM members" \
			    "CREATE INDEX members_kana ON members(kana);" \
			    >"$WORK/sqlite.log" 2>&1 || die "sqlite3 failed"
		fi
		TM="tmux -L sanka-bench-$$ -f /dev/null"
		TR=$WORK/trace
		trap '$TM kill-server 2>/dev/null; rm -rf "$WORK"' EXIT
		starts= own=
		i=1
		while [ "$i" -le 7 ]; do
			rm -f "$TR"
			$TM new-session -d -s app -x 120 -y 40 \
			    -e LC_ALL=C.UTF-8 -e TZ=Asia/Tokyo \
			    -e SANKA_TODAY="$SANKA_TODAY" -e SANKA_TRACE="$TR" \
			    "$B/exec-stamp $WORK/stamp ./sanka -d $WORK/sdb" ||
			    die "tmux failed"
			wait_lines "$TR" 1 120 || die "no first frame in 120 s"
			t0=$(cat "$WORK/stamp")
			starts="$starts $(awk -v t0="$t0" '$2 == "start" {
			    print ($1 - t0) / 1000; exit }' "$TR")"
			own="$own $(awk '$2 == "start" { print $3 / 1000;
			    exit }' "$TR")"
			[ "$i" -eq 7 ] && break
			$TM send-keys -t app q
			j=0
			while $TM has-session -t app 2>/dev/null; do
				j=$((j + 1))
				[ "$j" -lt 1000 ] || die "sanka did not quit on q"
				sleep 0.01
			done
			i=$((i + 1))
		done
		# Incremental search: each character of each reading, then
		# Esc clears the field; twice over.
		n=$(lines "$TR")
		$TM send-keys -t app /
		wait_lines "$TR" $((n + 1)) 5 || die "no redraw after /"
		for pass in 1 2; do
			for q in $SEARCHES; do
				for c in $(printf '%s' "$q" | sed 's/./& /g'); do
					n=$(lines "$TR")
					$TM send-keys -t app -l "$c"
					wait_lines "$TR" $((n + 1)) 5 ||
					    die "no redraw after typing $c"
				done
				n=$(lines "$TR")
				$TM send-keys -t app Escape
				wait_lines "$TR" $((n + 1)) 5 ||
				    die "no redraw after Esc"
			done
		done
		n=$(lines "$TR")
		$TM send-keys -t app Escape
		wait_lines "$TR" $((n + 1)) 5
		for i in $(seq 1 200); do
			n=$(lines "$TR")
			$TM send-keys -t app NPage
			wait_lines "$TR" $((n + 1)) 5 || die "no redraw after PgDn"
		done
		$TM send-keys -t app q
		$B/sqlite-search "$WORK/s.db" 3 $SEARCHES >"$WORK/peer.out" ||
		    die "sqlite-search failed"
		eval "$(sed -n 's/^RESULT //p' "$WORK/peer.out")"
		first=$(median $starts)
		set -- $(keystat search "$TR"); sn=$1 s50=$2 s99=$3
		set -- $(keystat pgdn "$TR"); pn=$1 p50=$2 p99=$3
		echo "screens: $N members, 120x40 tmux; sanka's own trace," \
		    "sqlite3 in-process peer"
		printf '  %-40s %10s %10s\n' "" "median" "p99"
		printf '  %-40s %8.1fms %10s\n' \
		    "first full frame from exec (n=7)" "$first" ""
		printf '  %-40s %8.1fms %10s\n' \
		    "  the same from main's constructor" "$(median $own)" ""
		printf '  %-40s %8.2fms %8.2fms\n' \
		    "search keystroke -> redraw (n=$sn)" \
		    "$(calc "$s50 / 1000")" "$(calc "$s99 / 1000")"
		printf '  %-40s %8.2fms %8.2fms\n' \
		    "  sqlite3 kana range query, 50 rows" \
		    "$(calc "$sqlite_search_p50_us / 1000")" \
		    "$(calc "$sqlite_search_p99_us / 1000")"
		printf '  %-40s %8.2fms %8.2fms\n' \
		    "PgDn -> redraw (n=$pn)" \
		    "$(calc "$p50 / 1000")" "$(calc "$p99 / 1000")"
		printf '  %-40s %8.2fms %8.2fms\n' \
		    "  sqlite3 next 50 by member_id" \
		    "$(calc "$sqlite_page_p50_us / 1000")" \
		    "$(calc "$sqlite_page_p99_us / 1000")"
		echo "  ratio search p50 sanka/sqlite3:" \
		    "$(calc "$s50 / $sqlite_search_p50_us")"
		target "first frame from exec (ms, median)" "$first" "<=" 20 ""
		target "search keystroke p99 (ms)" "$(calc "$s99 / 1000")" \
		    "<=" 5 ""
		target "PgDn p99 (ms)" "$(calc "$p99 / 1000")" "<=" 2 ""
	fi
fi

# --- 4. reports -------------------------------------------------------------
if want reports; then
	. tests/bench/reports.sh
fi

# --- 5. the door ------------------------------------------------------------
# `sanka checkin` in tmux with $SANKA_TRACE: a scan is an ID and a CR sent
# at once, as a USB scanner types it; "checkin" lines time its Enter to the
# redraw that shows the committed outcome.  Paced scans (each sent after
# the last confirmation), then back to back, then paced again while
# 100,000-row imports run in another process.  The peer: a plain LMDB
# program doing one durable read-modify-write (durable-mark).
# ncheckin FILE: the "checkin" lines in FILE so far.
ncheckin() { if [ -f "$1" ]; then grep -c ' checkin ' "$1"; else echo 0; fi; }
# wait_checkin FILE N SECONDS: until FILE has N checkin lines.
wait_checkin() {
	_end=$(( $(date +%s%N) / 1000000 + $3 * 1000 ))
	while [ "$(ncheckin "$1")" -lt "$2" ]; do
		[ $(( $(date +%s%N) / 1000000 )) -lt $_end ] || return 1
		sleep 0.002
	done
}
# door_id I: the member ID of the Ith scan (distinct for I < DOOR_N).
door_id() { printf 'M%07d' $(( ($1 * 7919) % DOOR_N + 1 )); }
# door_stat FROM TO FILE: "n p50 p99 max" (µs) of checkin lines FROM..TO.
door_stat() {
	awk '$2 == "checkin" { print $3 }' "$3" | sed -n "$1,$2p" | sort -n |
	    awk '{ v[NR] = $1 } END { if (NR == 0) { print "0 0 0 0"; exit }
		k = int(0.99 * NR + 0.999999)
		print NR, v[int((NR + 1) / 2)], v[k], v[NR] }'
}
if want door; then
	echo
	DDB=$WORK/door
	DMEM=$DATA/members-$DOOR_N-$SEED.csv
	DEVT=$DATA/events-$NEV-$SEED.csv
	gen "$DMEM" $B/gen-members "$DOOR_N" "$SEED"
	gen "$DEVT" $B/gen-events "$NEV" "$SEED"
	for k in 1 2 3; do
		gen "$DATA/attendance-$DOOR_N-$NEV-$DOOR_N-$((SEED + k)).csv" \
		    $B/gen-attendance "$DOOR_N" "$NEV" "$DOOR_N" $((SEED + k))
	done
	./sanka -d "$DDB" import "$DEVT" "$DMEM" >"$WORK/door-import.log" \
	    2>&1 || { cat "$WORK/door-import.log" >&2; die "door import"; }
	./sanka -d "$DDB" add event --code DOOR --name 受付ベンチ \
	    --date "$SANKA_TODAY" >/dev/null || die "door event"
	if [ -z "${mark_plain_us:-}" ]; then
		$B/durable-mark -n 400 -r 4 -b 2000 -R 1 -s "$SEED" \
		    "$WORK/dmark" >"$WORK/dmark.out" 2>"$WORK/dmark.err" ||
		    { cat "$WORK/dmark.err" >&2; die "durable-mark failed"; }
		eval "$(sed -n 's/^RESULT //p' "$WORK/dmark.out" | head -n 1)"
		rm -rf "$WORK/dmark"
	fi
	TD="tmux -L sanka-bench-door-$$ -f /dev/null"
	TRD=$WORK/door-trace
	trap '$TD kill-server 2>/dev/null; rm -rf "$WORK"' EXIT
	$TD new-session -d -s door -x 120 -y 40 -e LC_ALL=C.UTF-8 \
	    -e TZ=Asia/Tokyo -e SANKA_TODAY="$SANKA_TODAY" \
	    -e SANKA_TRACE="$TRD" \
	    "./sanka -d $DDB checkin DOOR --door bench --no-bell" ||
	    die "tmux failed"
	wait_lines "$TRD" 1 60 || die "the door drew no first frame"
	P=$DOOR_SCANS BB=$((DOOR_SCANS * 10))
	# (a) paced
	i=1
	while [ "$i" -le "$P" ]; do
		$TD send-keys -t door -l "$(door_id "$i")$(printf '\r')"
		wait_checkin "$TRD" "$i" 30 || die "no confirmation of scan $i"
		i=$((i + 1))
	done
	# (b) back to back, 100 scans a burst
	awk -v p=$P -v b=$BB -v n=$DOOR_N 'BEGIN { for (i = p + 1; i <= p + b;
	    i++) printf "M%07d\r%s", (i * 7919) % n + 1,
	    (i - p) % 100 == 0 ? "\n" : "" }' >"$WORK/door-burst"
	while IFS= read -r line; do
		$TD send-keys -t door -l "$line"
	done <"$WORK/door-burst"
	wait_checkin "$TRD" $((P + BB)) 300 || die "back-to-back scans lost"
	rate=$(awk -v p=$P '$2 == "checkin" { n++; if (n == p + 1)
	    first = $1 - $3; last = $1 } END {
	    printf "%.0f", (n - p) / ((last - first) / 1e6) }' "$TRD")
	# (c) paced while imports of 100,000 rows run one after another
	( for k in 1 2 3; do
		t0=$(date +%s%N)
		./sanka -d "$DDB" import \
		    "$DATA/attendance-$DOOR_N-$NEV-$DOOR_N-$((SEED + k)).csv" \
		    >>"$WORK/door-imp.log" 2>&1 || echo failed >>"$WORK/door-imp.log"
		echo $(( ($(date +%s%N) - t0) / 1000000 )) >>"$WORK/door-imp.ms"
	  done; touch "$WORK/door-imp.done" ) &
	c0=$((P + BB)) i=$((P + BB + 1))
	while [ ! -f "$WORK/door-imp.done" ]; do
		$TD send-keys -t door -l "$(door_id "$i")$(printf '\r')"
		wait_checkin "$TRD" "$((i - 0))" 60 ||
		    die "no confirmation of scan $i during the imports"
		i=$((i + 1))
	done
	wait
	grep -q failed "$WORK/door-imp.log" && die "an import beside the door failed"
	./sanka -d "$DDB" check >/dev/null || die "check after the door bench"
	$TD kill-server
	set -- $(door_stat 1 "$P" "$TRD"); dn=$1 d50=$2 d99=$3 dmax=$4
	set -- $(door_stat $((c0 + 1)) $((i - 1)) "$TRD")
	in=$1 i50=$2 i99=$3 imax=$4
	imps=$(tr '\n' ' ' <"$WORK/door-imp.ms")
	echo "door: $DOOR_N members, scans as a scanner types them (ID + CR" \
	    "in one write), 120x40 tmux, durable commits"
	printf '  %-46s %9s %9s %9s\n' "" p50 p99 max
	printf '  %-46s %7.2fms %7.2fms %7.2fms\n' \
	    "Enter -> confirmation drawn (n=$dn, paced)" \
	    "$(calc "$d50 / 1000")" "$(calc "$d99 / 1000")" \
	    "$(calc "$dmax / 1000")"
	printf '  %-46s %7.2fms %9s %9s\n' \
	    "  plain LMDB durable read-modify-write, mean" \
	    "$(calc "$mark_plain_us / 1000")" "" ""
	printf '  %-46s %7.2fms %7.2fms %7.2fms\n' \
	    "the same during 100,000-row imports (n=$in)" \
	    "$(calc "$i50 / 1000")" "$(calc "$i99 / 1000")" \
	    "$(calc "$imax / 1000")"
	echo "  back to back: $BB scans at $rate check-ins/s (a run of" \
	    "queued scans shares one transaction)"
	echo "  the imports beside the door took $imps ms; the door waited" \
	    "only for each one's write transaction (待機中 after 200 ms)," \
	    "its longest wait above"
	echo "  ratio door p50 / plain LMDB mean: $(calc "$d50 / $mark_plain_us")"
	target "door Enter -> confirmation p99, no import (ms)" \
	    "$(calc "$d99 / 1000")" "<=" 10 ""
fi

# --- 6. roles (as root: it acts as two uids) ----------------------------------
if want roles && [ "$(id -u)" = 0 ]; then
	$B/roles >"$WORK/roles.log" || die "failed: $B/roles"
	cat "$WORK/roles.log"
	target "durable mark, role/admin" "$(sed -n 's/.*durable mark.*: \([0-9.]*\) .*/\1/p' \
	    "$WORK/roles.log")" "<=" 1.10 ""
	target "member-list paging, role/admin" "$(sed -n \
	    's/.*paging.*: \([0-9.]*\) .*/\1/p' "$WORK/roles.log")" "<=" 1.10 ""
fi

# --- 7. print and mail ------------------------------------------------------
# cputime LOG CMD...: run CMD; wall, sanka's own CPU and its children's
# CPU (seconds) in $WALL $CPU $CHILD.
cputime() {
	_log=$1; shift
	$B/cpu-time "$@" >"$_log" 2>&1 ||
	    { tail -n 20 "$_log" >&2; die "failed: $* (log above)"; }
	set -- $(tail -n 1 "$_log")
	WALL=$1 CPU=$2 CHILD=$3
}

if want print || want mail; then
	echo
	echo "print and mail: $NPRINT members (wall, sanka's own CPU)"
	P=$PWD/$WORK/print
	mkdir -p "$P/mta/spool" "$P/mta/log" || die "print bench: mkdir"
	awk -v n="$NPRINT" 'BEGIN {
		print "member_id,name,kana,email,postal_code,address,organization"
		for (i = 1; i <= n; i++)
			printf "P%05d,会員 %d郎,カイイン %d,p%d@example.jp,%03d-%04d," \
			    "東京都千代田区千代田%d丁目%d番地 サンプルビル%d階," \
			    "サンプル協会\n", i, i, i, i, i % 1000, i % 10000,
			    i % 9 + 1, i % 50 + 1, i % 12 + 1 }' >"$P/m.csv"
	./sanka -d "$P/db" import "$P/m.csv" >/dev/null 2>&1 ||
	    die "print bench: import"
	{ echo '{{atena}}'; echo; echo '{{address}}'; echo
	  echo '拝啓 平素より格別のご高配を賜り厚く御礼申し上げます。'
	  echo '{{today_wareki}}'; } >"$P/letter.txt"
fi
if want print; then
	cputime "$P/labels.log" ./sanka -d "$P/db" print labels -o "$P/l.pdf"
	printf '  %-28s %7ss wall %7ss CPU %6s MiB\n' "$NPRINT labels (a4-12)" \
	    "$WALL" "$CPU" "$(mib "$(stat -c %s "$P/l.pdf")")"
	target "$NPRINT labels: sanka CPU (s)" "$CPU" "<" 10 ""
	cputime "$P/letters.log" ./sanka -d "$P/db" print letters \
	    --template "$P/letter.txt" -o "$P/t.pdf"
	printf '  %-28s %7ss wall %7ss CPU %6s MiB\n' "$NPRINT letters" \
	    "$WALL" "$CPU" "$(mib "$(stat -c %s "$P/t.pdf")")"
fi
if want mail; then
	# The local MTA with a private configuration: messages are queued
	# (-odq), then the queue is thrown away with the work directory.
	{ echo "primary_hostname = sanka.test"
	  echo "spool_directory = $P/mta/spool"
	  echo "log_file_path = $P/mta/log/%slog"
	  echo "keep_environment ="
	  echo "exim_user = root"
	  echo "exim_group = root"; } >"$P/mta/exim.conf"
	{ echo '#!/bin/sh'
	  echo "exec /usr/sbin/exim4 -C $P/mta/exim.conf -odq \"\$@\""; } \
	    >"$P/sendmail"
	chmod 0755 "$P/sendmail"
	{ echo 'Subject: {{name}}様へのご案内'; echo 'From: info@example.jp'
	  echo; cat "$P/letter.txt"; } >"$P/mail.txt"
	SANKA_SENDMAIL=$P/sendmail cputime "$P/mail.log" ./sanka \
	    -d "$P/db" mail --template "$P/mail.txt"
	printf '  %-28s %7ss wall %7ss CPU (the MTA: %ss CPU)\n' \
	    "$NPRINT messages to exim" "$WALL" "$CPU" "$CHILD"
	target "$NPRINT messages: sanka CPU (s)" "$CPU" "<" 10 ""
fi

echo
echo "load average $(cut -d ' ' -f 1-3 /proc/loadavg) at the end"
echo "targets:"
cat "$SUMMARY"
met=$(grep -c '^  met' "$SUMMARY")
missed=$(grep -c '^  MISSED' "$SUMMARY")
echo "$met met, $missed missed"
exit 0
