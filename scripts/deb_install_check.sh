#!/usr/bin/env bash
# Installs a naviny .deb on a clean Debian 12 (a debootstrap chroot, since no container engine
# runs on the machines here) and runs it there: `naviny --version`, an index and a search.
# Needs root and the Debian mirror; takes a few minutes, so it is run by hand, not by ctest
# (tests/package_test.sh checks the package's contents on every test run).
# Usage: scripts/deb_install_check.sh NAVINY_DEB [CHROOT_DIR]
set -euo pipefail
deb=$(realpath "$1")
root=${2:-$(mktemp -d "${TMPDIR:-/tmp}/naviny-debian12.XXXXXX")}
[ -f "$deb" ] || { echo "deb_install_check: no package at $1" >&2; exit 2; }
command -v debootstrap >/dev/null || apt-get install -y debootstrap >/dev/null

if [ ! -x "$root/usr/bin/apt-get" ]; then
  echo "deb_install_check: debootstrap bookworm into $root"
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
fi
cp "$deb" "$root/tmp/"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root "$@"; }
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "/tmp/$(basename "$deb")" \
  >/dev/null
echo "deb_install_check: installed $(basename "$deb") on $(cat "$root/etc/debian_version")"
in_root naviny --version
mkdir -p "$root/tmp/corpus"
printf 'Talks in Minsk\n\nAlexander Lukashenko met Vladimir Putin in Minsk.\n' \
  >"$root/tmp/corpus/talks.txt"
in_root naviny index --db /tmp/db /tmp/corpus
in_root naviny search --db /tmp/db Лукашэнка
