#!/bin/sh
# Run each cmocka test binary given; print its summary and a final
# "N passed, N failed" over the binaries.  Exit 1 when any failed.
pass=0 fail=0 failed=
for t in "$@"; do
	if "$t"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); failed="$failed ${t##*/}"
	fi
done
[ -n "$failed" ] && echo "FAILED:$failed"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
