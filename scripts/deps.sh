#!/usr/bin/env bash
# Installs the Debian 12 packages naviny needs to build, test and benchmark. Safe to re-run:
# it asks apt only when something is missing. With --fuzz, also clang and libFuzzer, which only
# scripts/fuzz.sh needs (the normal build uses g++).
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libxapian-dev xapian-tools libicu-dev libcli11-dev nlohmann-json3-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-xapian python3-icu sqlite3 libsqlite3-dev time
  xapian-omega        # omindex, a peer in bench/compare.sh
  man-db              # man -l checks the man page (tests/package_test.sh)
  libcpp-httplib-dev  # naviny serve
  chromium            # the browser test of naviny serve's page (tests/serve_page_test.cc)
)
if [ "${1:-}" = "--fuzz" ]; then
  packages+=(clang libclang-rt-14-dev)  # clang is clang-14 on Debian 12
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "deps.sh: run as root or install sudo; missing: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "deps.sh: installing ${missing[*]}" >&2
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
