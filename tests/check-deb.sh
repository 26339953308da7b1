#!/bin/sh
# make check-deb: install the package built by make deb, check what its
# maintainer scripts set up, run a smoke test as a staff user, then purge
# it and remove the group, the directory and the users this made, so the
# machine is left as it was.  Needs root and no sanka installed already.
set -u
cd "$(dirname "$0")/.." || exit 2
fail() { echo "check-deb: FAIL: $*"; exit 1; }
[ "$(id -u)" = 0 ] || fail "needs root"
dpkg-query -W -f='${Status}' sanka 2>/dev/null | grep -q 'ok installed' &&
    fail "sanka is installed already: check-deb would remove it"
[ -e /var/lib/sanka ] && fail "/var/lib/sanka exists: check-deb makes its own"
deb=$(ls build/deb/sanka_*.deb | head -1)
[ -f "$deb" ] || fail "no package: run make deb"
tag=$$ made_group=
AD=sdad$tag ST=sdst$tag
getent group sanka >/dev/null || made_group=1
cleanup() {
	dpkg --purge sanka >/dev/null 2>&1
	userdel "$AD" 2>/dev/null; userdel "$ST" 2>/dev/null
	[ -n "$made_group" ] && groupdel sanka 2>/dev/null
	rm -rf /var/lib/sanka
}
trap cleanup EXIT

dpkg -i "$deb" >/dev/null || fail "dpkg -i $deb"
[ "$(stat -c %a:%U:%G /usr/bin/sanka)" = 2755:root:sanka ] ||
    fail "/usr/bin/sanka: $(stat -c %a:%U:%G /usr/bin/sanka)"
[ "$(stat -c %a:%U:%G /var/lib/sanka)" = 2770:root:sanka ] ||
    fail "/var/lib/sanka: $(stat -c %a:%U:%G /var/lib/sanka)"
man -l /usr/share/man/man1/sanka.1* >/dev/null 2>&1 || fail "man page"
[ -f /usr/share/bash-completion/completions/sanka ] || fail "completion"

useradd -M -N -g users -s /bin/sh "$AD" && useradd -M -N -g users \
    -s /bin/sh "$ST" || fail "useradd"
sanka init --admin "$AD" >/dev/null || fail "sanka init"
as() { _u=$1; shift; setpriv --reuid="$_u" --regid=users --init-groups -- \
    env -u SANKA_DB HOME=/nonexistent SANKA_LANG=en sanka "$@"; }
as "$AD" user set "$ST" staff || fail "user set"
as "$ST" add member --id M001 --name 山田太郎 >/dev/null || fail "staff add"
as "$ST" show member M001 | grep -q '^name: 山田太郎$' || fail "staff show"
as "$ST" backup /tmp/never-$tag.mdb 2>/dev/null
[ $? -eq 3 ] || fail "staff backup was not refused"
setpriv --reuid="$ST" --regid=users --init-groups -- cat \
    /var/lib/sanka/data.mdb >/dev/null 2>&1 && fail "staff read data.mdb"
dpkg --purge sanka >/dev/null || fail "dpkg --purge"
dpkg-statoverride --list /usr/bin/sanka >/dev/null &&
    fail "the statoverride outlived the purge"
echo "check-deb: ok"
