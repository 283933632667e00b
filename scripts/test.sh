#!/usr/bin/env bash
# Second command of the README, and what CI runs: installs dependencies, builds everything with
# warnings as errors, and runs the whole test suite with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
ctest --test-dir "${NAVINY_BUILD_DIR:-build}" --output-on-failure -j "$(nproc)"
