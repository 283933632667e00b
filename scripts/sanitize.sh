#!/usr/bin/env bash
# Builds naviny and its whole test suite with AddressSanitizer and UndefinedBehaviorSanitizer
# (-DNAVINY_SANITIZE=ON) into ./build-asan (or $NAVINY_SANITIZE_BUILD_DIR), then runs ctest there.
# Any memory error, leak or undefined behaviour aborts the test that hit it, so a green run means
# none was seen. Benchmarks are left out: they add build time and no checks.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${NAVINY_SANITIZE_BUILD_DIR:-build-asan}
scripts/deps.sh
NAVINY_BUILD_DIR="$build_dir" scripts/build.sh -DNAVINY_SANITIZE=ON -DNAVINY_BUILD_BENCH=OFF "$@"
# Leak checking and UBSan stack traces on; halt at the first error so ctest reports it.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)"
