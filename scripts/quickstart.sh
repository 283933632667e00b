#!/usr/bin/env bash
# First command of the README: installs dependencies, builds naviny, indexes the bundled corpus
# into ./naviny-db and runs an example search.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
build/cli/naviny index --db naviny-db corpus
echo
echo "\$ build/cli/naviny search --db naviny-db '\"regime change\"' Lukashenka --limit 3"
build/cli/naviny search --db naviny-db '"regime change"' Lukashenka --limit 3
