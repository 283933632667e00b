#!/usr/bin/env bash
# Builds naviny's libFuzzer targets (fuzz/) with clang, ASan and UBSan into ./build-fuzz (or
# $NAVINY_FUZZ_BUILD_DIR) and runs each for SECONDS (default 600), one after another, starting
# from the seed corpora in fuzz/corpus/<target>/. Inputs that find new coverage are kept in
# build-fuzz/corpus/<target>/ and reused by the next run. Inputs that crash, leak, time out or run
# out of memory are copied to fuzz-findings/<target>/ (or $NAVINY_FUZZ_FINDINGS); the script
# exits 1 if any target failed. Set NAVINY_FUZZ_TARGETS to run only some targets, e.g.
# NAVINY_FUZZ_TARGETS="search article" scripts/fuzz.sh 60. Reproduce a finding with
# build-fuzz/fuzz/<target>_fuzzer FILE.
#   usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
[[ $seconds =~ ^[1-9][0-9]*$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 2; }
build_dir=${NAVINY_FUZZ_BUILD_DIR:-build-fuzz}
findings=${NAVINY_FUZZ_FINDINGS:-fuzz-findings}
targets=(${NAVINY_FUZZ_TARGETS:-analyze search article gazetteer})

# Longest input per target: a few paragraphs of text, a long query (naviny refuses queries over
# 4096 bytes, so longer ones only test the refusal), an article, a few gazetteer rows.
declare -A max_len=([analyze]=4096 [search]=1024 [article]=16384 [gazetteer]=4096)

scripts/deps.sh --fuzz
CC=clang CXX=clang++ cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DNAVINY_FUZZ=ON -DNAVINY_BUILD_TESTS=OFF -DNAVINY_BUILD_BENCH=OFF \
  -DNAVINY_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build "$build_dir" -j "$(nproc)" --target "${targets[@]/%/_fuzzer}"

# Leaks are findings too; UBSan reports stop the run with a stack trace.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

failed=()
for target in "${targets[@]}"; do
  [ -n "${max_len[$target]:-}" ] || { echo "fuzz.sh: no target '$target'" >&2; exit 2; }
  corpus="$build_dir/corpus/$target"
  artifacts="$build_dir/artifacts/$target"
  log="$build_dir/logs/$target.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  rm -f "$artifacts"/*
  echo "fuzz.sh: $target for ${seconds}s (log: $log)" >&2
  status=0
  "$build_dir/fuzz/${target}_fuzzer" -max_total_time="$seconds" -max_len="${max_len[$target]}" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" \
    "$corpus" "fuzz/corpus/$target" >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  coverage=$(grep -o 'cov: [0-9]* ft: [0-9]* corp: [0-9]*/[0-9]*[a-zA-Z]*' "$log" | tail -1)
  echo "fuzz.sh: $target: ${execs:-?} executions; $coverage; exit code $status" >&2
  new=("$artifacts"/*)
  if [ "$status" -ne 0 ] || [ -e "${new[0]}" ]; then
    failed+=("$target")
    mkdir -p "$findings/$target"
    for file in "${new[@]}"; do
      [ -e "$file" ] || continue
      cp "$file" "$findings/$target/"
      echo "fuzz.sh: $target: finding $findings/$target/$(basename "$file")" >&2
    done
    grep -m1 -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" >&2 || tail -5 "$log" >&2
  fi
done

if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz.sh: findings in: ${failed[*]} (see $findings/ and $build_dir/logs/)" >&2
  exit 1
fi
echo "fuzz.sh: no findings in ${targets[*]} (${seconds}s each)" >&2
