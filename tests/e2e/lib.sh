# lib.sh -- helpers for the end-to-end scripts, sourced by each.
# Every script gets a private database in $DB, a private tmux server in $T,
# "today" pinned, the C.UTF-8 locale, and cleanup on exit.
set -u
cd "$(dirname "$0")/../.." || exit 2
export LC_ALL=C.UTF-8 TZ=Asia/Tokyo SANKA_TODAY=${SANKA_TODAY:-2026-02-21}
unset SANKA_DB SANKA_USER SANKA_LANG SANKA_MAP_SIZE
SANKA=${SANKA_BIN:-$PWD/sanka}	# e2e-asan runs the sanitizer build
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/sanka-e2e.XXXXXX")
DB=$TMPD/db
T="tmux -L sanka-e2e-$$ -f /dev/null"
trap '$T kill-server 2>/dev/null; rm -rf "$TMPD"' EXIT

fail() { echo "FAIL: $*"; [ -n "${SCREEN_SHOWN:-}" ] || screen_dump; exit 1; }
# screen_dump: print the tmux pane, if one is running, for the log.
screen_dump() { $T capture-pane -p -t app 2>/dev/null | sed 's/^/| /'; }
# sk ARGS: run sanka on $DB.
sk() { "$SANKA" -d "$DB" "$@"; }
# expect_eq WHAT GOT WANT
expect_eq() { [ "$2" = "$3" ] || fail "$1: got [$2], want [$3]"; }
# show_key ID KEY: the value of KEY in `show member ID`.
show_key() { sk show member "$1" | sed -n "s/^$2: \{0,1\}//p"; }
# poll SECONDS COMMAND: re-run COMMAND every 50 ms until it succeeds.
poll() {
	_end=$(( $(date +%s%N) / 1000000 + $1 * 1000 )); shift
	while ! eval "$@"; do
		[ $(( $(date +%s%N) / 1000000 )) -lt $_end ] || return 1
		sleep 0.05
	done
}
# start_tui [ENV=VALUE...] -- ARGS: sanka in a 120x40 tmux session "app".
start_tui() {
	_env=
	while [ $# -gt 0 ] && [ "$1" != -- ]; do _env="$_env -e $1"; shift; done
	[ "${1:-}" = -- ] && shift
	$T new-session -d -s app -x 120 -y 40 -e LC_ALL=C.UTF-8 \
	    -e SANKA_TODAY="$SANKA_TODAY" -e TZ=Asia/Tokyo $_env \
	    "$SANKA -d $DB $*; sleep 30"
}
screen() { $T capture-pane -p -t app; }
# wait_for TEXT [SECONDS]: poll the screen until TEXT (a fixed string) shows.
wait_for() {
	_wait_text=$1	# poll's eval sees its own $1, not ours
	poll "${2:-5}" 'screen | grep -qF -- "$_wait_text"' ||
	    fail "screen never showed [$1]"
}
keys() { $T send-keys -t app "$@"; }
text() { $T send-keys -t app -l "$1"; }
