#!/usr/bin/env bash
# Facet search latency (issue 22) of two builds of naviny_bench_query on one index, in alternating
# rounds (before, after, after, before, ...), each with plain Xapian measured in the same run:
#
#   bash bench/facet_latency.sh BEFORE_BENCH AFTER_BENCH NAVINY_DB PLAIN_DB [ROUNDS] [ITERATIONS]
#
# BEFORE_BENCH and AFTER_BENCH are naviny_bench_query binaries (copy them somewhere first if a
# build may replace them). Prints each run's facets row (p50 and p99 in microseconds, naviny/plain)
# and the medians over the runs of each binary, with the load average when each run started.
set -euo pipefail
before=${1:?usage: bench/facet_latency.sh BEFORE_BENCH AFTER_BENCH NAVINY_DB PLAIN_DB [ROUNDS] [ITERATIONS]}
after=${2:?missing AFTER_BENCH}
naviny_db=${3:?missing NAVINY_DB}
plain_db=${4:?missing PLAIN_DB}
rounds=${5:-4}
iterations=${6:-30}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() {  # run NAME BINARY
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  "$2" --db "$naviny_db" --plain-db "$plain_db" --iterations "$iterations" \
    --benchmark_filter='^facets/' --summary "$work/summary.txt" >/dev/null 2>"$work/err.txt" || {
    cat "$work/err.txt" >&2
    exit 1
  }
  # class naviny_p50 naviny_p99 plain_p50 plain_p99 fts5_p50 fts5_p99 n/plain n/fts5
  awk -v name="$1" -v load="$load" '$1 == "facets" {
    printf "%-7s %10.1f %10.1f %10.1f %10.1f %8.2f %6s\n", name, $2 / 1000, $3 / 1000,
      $4 / 1000, $5 / 1000, $8, load }' "$work/summary.txt" | tee -a "$work/rows.txt"
}

printf "%-7s %10s %10s %10s %10s %8s %6s\n" run naviny_p50 naviny_p99 plain_p50 plain_p99 \
  n/plain load
for ((round = 1; round <= rounds; ++round)); do
  if ((round % 2)); then
    run before "$before"
    run after "$after"
  else
    run after "$after"
    run before "$before"
  fi
done

echo "medians over the runs of each binary (ms; ratio: median of the runs' naviny/plain):"
for name in before after; do
  for column in 2 3 4 5 6; do
    awk -v name="$name" -v column="$column" '$1 == name { print $column }' "$work/rows.txt" |
      sort -g | awk '{ v[NR] = $1 } END { printf "%s ", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
  done | awk -v name="$name" '{ printf "%-7s p50 %s  p99 %s  plain p50 %s  plain p99 %s  naviny/plain %s\n", name, $1, $2, $3, $4, $5 }'
done
