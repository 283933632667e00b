#!/usr/bin/env bash
# The install rules and the Debian package: `cmake --install` puts the binary, the man page and
# both completions in place, and cpack makes naviny_VERSION_ARCH.deb holding them, with the
# shared libraries it needs as dependencies. Usage: package_test.sh BUILD_DIR
set -euo pipefail
build=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/naviny-test-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "package_test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/prefix" >/dev/null
for file in bin/naviny share/man/man1/naviny.1 share/bash-completion/completions/naviny \
            share/zsh/vendor-completions/_naviny; do
  [ -f "$work/prefix/$file" ] || fail "cmake --install did not install $file"
done
"$work/prefix/bin/naviny" --version | grep -q '^naviny ' || fail "the installed naviny does not run"
MANWIDTH=80 man -l "$work/prefix/share/man/man1/naviny.1" 2>&1 | grep -q 'EXIT STATUS' ||
  fail "man -l does not render the installed man page"

(cd "$work" && cpack --config "$build/CPackConfig.cmake" -B "$work/deb" >/dev/null) ||
  fail "cpack failed"
deb=$(ls "$work"/deb/naviny_*_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "cpack made no naviny_VERSION_ARCH.deb"
contents=$(dpkg-deb --contents "$deb")
for file in ./usr/bin/naviny ./usr/share/man/man1/naviny.1 \
            ./usr/share/bash-completion/completions/naviny ./usr/share/zsh/vendor-completions/_naviny; do
  grep -q " $file\$" <<<"$contents" || fail "$(basename "$deb") lacks $file"
done
info=$(dpkg -I "$deb")
grep -q '^ Package: naviny$' <<<"$info" || fail "the package is not called naviny"
grep -q '^ Depends:.*libxapian' <<<"$info" || fail "the package does not depend on libxapian"
grep -q '^ Depends:.*libicu' <<<"$info" || fail "the package does not depend on libicu"
echo "package_test: $(basename "$deb") holds the binary, the man page and both completions"
