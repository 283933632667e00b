#!/usr/bin/env bash
# Configures and builds naviny in ./build (or $NAVINY_BUILD_DIR). Extra arguments go to cmake.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${NAVINY_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNAVINY_WARNINGS_AS_ERRORS=ON "$@" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
