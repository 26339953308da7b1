#!/bin/sh
# Run every tests/e2e/t-*.sh against ./sanka ($SANKA_BIN when set); PASS/FAIL
# per script, the log of a failing one kept in $E2E_LOGS/NAME.log (default
# build/e2e); "N passed, N failed".  E2E_ONLY=pattern runs the matching ones.
cd "$(dirname "$0")/../.." || exit 2
logs=${E2E_LOGS:-build/e2e}
mkdir -p "$logs"
pass=0 fail=0
for t in tests/e2e/t-*.sh; do
	name=${t##*/}; name=${name%.sh}
	case "$name" in *${E2E_ONLY:-}*) ;; *) continue ;; esac
	log=$logs/$name.log
	start=$(date +%s)
	if sh "$t" >"$log" 2>&1; then
		echo "PASS $name ($(( $(date +%s) - start ))s)"
		pass=$((pass + 1)); rm -f "$log"
	else
		echo "FAIL $name (log: $log)"; tail -n 30 "$log" | sed 's/^/    /'
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
