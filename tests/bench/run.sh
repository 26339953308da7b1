#!/bin/sh
# run.sh -- `make bench`: sanka's figures next to their peers on this
# machine (plain LMDB, sqlite3), the systems run in turn and the ratios
# taken pair by pair (median), then a summary of the targets met and missed.
#
#   BENCH_N=1000000      members (and attendance rows) of the import bench
#   BENCH_EVENTS=200     events the attendance rows refer to
#   BENCH_ROUNDS=5       interleaved rounds of the import bench
#   BENCH_SEED=42        generator seed
#   BENCH_MARKS=4000     durable marks per system, in 20 interleaved blocks
#                        (10,000 members, 50 events, 100,000 records; then
#                        a batch of 100,000 marks in one txn, 3 rounds)
#   BENCH_ONLY=mark,import,screens   run some parts only
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
ROUNDS=${BENCH_ROUNDS:-5}
SEED=${BENCH_SEED:-42}
MARKS=${BENCH_MARKS:-4000}
ONLY=${BENCH_ONLY:-mark,import,screens}
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
# timed LOG CMD...: run CMD; wall seconds in $T, peak RSS (KiB) in $RSS.
timed() {
	_log=$1; shift
	_t0=$(date +%s%N)
	/usr/bin/time -f %M -o "$WORK/rss" "$@" >"$_log" 2>&1 ||
	    { tail -n 20 "$_log" >&2; die "failed: $* (log above)"; }
	_t1=$(date +%s%N)
	T=$(calc "($_t1 - $_t0) / 1e9" 3)
	RSS=$(tail -n 1 "$WORK/rss")
}
# gen FILE CMD...: make a cached generated CSV.
gen() {
	[ -s "$1" ] && return 0
	echo "generating $1"
	"$@" >"$1.tmp" 2>/dev/null || die "generator failed: $*"
	mv "$1.tmp" "$1"
}
mib() { calc "$1 / 1048576" 0; }

echo "sanka bench, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs," \
    "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)"

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
	# The members table has every column of the file (else .import
	# warns on each row); PERF-NOTES c1/c2 otherwise.
	cat >"$WORK/schema.sql" <<-'EOF'
	CREATE TABLE members(member_id TEXT PRIMARY KEY, name TEXT, kana TEXT,
	  email TEXT, phone TEXT, postal_code TEXT, address TEXT,
	  organization TEXT, segment TEXT, status TEXT, mail_opt_out TEXT,
	  joined_on TEXT, notes TEXT, past_count INTEGER, past_last_date TEXT,
	  past_last_event TEXT);
	EOF
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
				t_s=$T rss_s=$RSS
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
				size_q=$(stat -c %s "$WORK/s.db") ;;
			floor)
				rm -rf "$WORK/fdb"
				timed "$WORK/floor.log" $B/floor-load "$MEM" \
				    "$WORK/fdb"
				t_f=$T rss_f=$RSS
				size_f=$(stat -c %s "$WORK/fdb/data.mdb") ;;
			esac
		done
		# Events, then the attendance rows into the 1 M-member base.
		./sanka -d "$WORK/sdb" import "$EVT" >"$WORK/events.log" 2>&1 ||
		    { cat "$WORK/events.log" >&2; die "event import failed"; }
		timed "$WORK/att.log" ./sanka -d "$WORK/sdb" import "$ATT"
		t_a=$T rss_a=$RSS
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
	target "import sanka/sqlite3 (paired; aim 0.67)" "$rs" "<" 1.0 ""
	target "import sanka/floor (paired)" "$rf" "<=" 2.0 ""
	target "attendance import rows/s" "$(calc "$N / $ta" 0)" ">" 300000 ""
	target "members import peak RSS / data.mdb" \
	    "$(calc "$rss_s * 1024 / $size_s")" "<=" 1.5 ""
	target "attendance import peak RSS / data.mdb" \
	    "$(calc "$rss_a * 1024 / $size_a")" "<=" 1.5 ""
fi

echo
echo "targets:"
cat "$SUMMARY"
met=$(grep -c '^  met' "$SUMMARY")
missed=$(grep -c '^  MISSED' "$SUMMARY")
echo "$met met, $missed missed"
exit 0
