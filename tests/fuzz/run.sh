#!/bin/sh
# Run every build/fuzz/fuzz-* for SECONDS (default 60) each, seeded from
# tests/data; a crash or a leak fails.  Findings go to build/fuzz/NAME.out/.
cd "$(dirname "$0")/../.." || exit 2
secs=${1:-60}
rc=0
for f in build/fuzz/fuzz-*; do
	[ -f "$f" ] && [ -x "$f" ] || continue
	case $f in *.*) continue ;; esac
	name=${f##*/}
	corpus=build/fuzz/$name.corpus
	mkdir -p "$corpus" "build/fuzz/$name.out"
	cp tests/data/*.csv tests/data/*.tsv tests/data/*.utf8 "$corpus"/ 2>/dev/null
	iconv -f UTF-8 -t CP932 tests/data/members-cp932.utf8 \
	    >"$corpus/cp932.csv" 2>/dev/null
	echo "$name: ${secs}s"
	if ! "$f" -max_total_time="$secs" -max_len=65536 -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix="build/fuzz/$name.out/" "$corpus" \
	    >"build/fuzz/$name.log" 2>&1; then
		echo "FAIL $name (log: build/fuzz/$name.log)"
		tail -n 30 "build/fuzz/$name.log"
		rc=1
	else
		grep -E '^stat::number_of_executed_units|^Done' \
		    "build/fuzz/$name.log" | tail -n 2
	fi
done
exit $rc
