#!/usr/bin/env bash
# First command of the README: installs dependencies, builds naviny, indexes the bundled corpus
# into ./naviny-db and runs an example search. With --serve, then serves the search page on
# http://127.0.0.1:8080/ until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
build/cli/naviny index --db naviny-db corpus
echo
echo "\$ build/cli/naviny search --db naviny-db '\"regime change\"' Lukashenka --limit 3"
build/cli/naviny search --db naviny-db '"regime change"' Lukashenka --limit 3
if [ "${1:-}" = "--serve" ]; then
  echo
  echo "\$ build/cli/naviny serve --db naviny-db"
  exec build/cli/naviny serve --db naviny-db
fi
