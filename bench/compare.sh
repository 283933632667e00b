#!/usr/bin/env bash
# Compares naviny with plain Xapian, Omega's omindex and SQLite FTS5 on one generated corpus, in
# one run:
#   bench/compare.sh N [WORK_DIR]
# generates N articles (naviny_gen_corpus, seed 1), indexes them with each engine (articles/s,
# MB/s, peak RSS, index size, and for the Xapian indexes their size after xapian-compact), runs naviny_bench_query (in-process latency per query class) and
# times whole CLI searches (process start to exit, median of several runs), then prints one
# table with ratios. WORK_DIR (default: a new folder under $TMPDIR) keeps the corpus and the
# indexes; it is emptied first. Build first: NAVINY_BUILD_DIR=build bash scripts/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."

articles=${1:?usage: bench/compare.sh N [WORK_DIR]}
work=${2:-$(mktemp -d "${TMPDIR:-/tmp}/naviny-compare.XXXXXX")}
build=${NAVINY_BUILD_DIR:-build}
eval_data=${NAVINY_EVAL_DATA:-../shared/eval-data}
iterations=${NAVINY_BENCH_ITERATIONS:-300}
cli_runs=${NAVINY_CLI_RUNS:-11}

naviny=$build/cli/naviny
for program in "$naviny" "$build/bench/naviny_gen_corpus" "$build/bench/naviny_bench_peer_index" \
  "$build/bench/naviny_bench_query"; do
  [ -x "$program" ] || { echo "compare.sh: $program is missing; build first" >&2; exit 1; }
done
for tool in /usr/bin/time sqlite3 quest omindex xapian-compact; do
  command -v "$tool" >/dev/null || { echo "compare.sh: $tool is missing; run scripts/deps.sh" >&2; exit 1; }
done

rm -rf "${work:?}"/{corpus,naviny-db,plain-db,omindex-db,fts5.db,*-compact,*.log,*.txt}
mkdir -p "$work"
echo "compare.sh: $articles articles in $work ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ))" >&2

# Seconds as a decimal, from bash's microsecond clock.
now() { echo "$EPOCHREALTIME"; }
seconds_between() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

start=$(now)
"$build/bench/naviny_gen_corpus" --articles "$articles" --seed 1 --out "$work/corpus" \
  --eval-data "$eval_data"
generate_seconds=$(seconds_between "$start" "$(now)")
corpus_bytes=$(find "$work/corpus" -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s }')
echo "compare.sh: generated in $generate_seconds s, $corpus_bytes bytes" >&2

# Runs an indexer under /usr/bin/time -v; records wall seconds and peak RSS (KiB) as
# <name>_seconds and <name>_rss.
declare -A seconds rss size
timed_index() {
  local name=$1
  shift
  /usr/bin/time -v -o "$work/$name-time.log" "$@" >"$work/$name-index.log" 2>&1
  local wall
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/$name-time.log")
  seconds[$name]=$(awk -v t="$wall" 'BEGIN { n = split(t, p, ":"); s = 0;
    for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }')
  rss[$name]=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/$name-time.log")
  echo "compare.sh: $name indexed in ${seconds[$name]} s" >&2
}
timed_index naviny "$naviny" index --quiet --db "$work/naviny-db" "$work/corpus"
timed_index plain "$build/bench/naviny_bench_peer_index" xapian --db "$work/plain-db" "$work/corpus"
# omindex, Omega's indexer: every file below the corpus as text/plain, no libmagic guessing.
timed_index omindex omindex --db "$work/omindex-db" --url / --mime-type txt:text/plain \
  "$work/corpus"
timed_index fts5 "$build/bench/naviny_bench_peer_index" fts5 --db "$work/fts5.db" "$work/corpus"
engines=(naviny plain omindex fts5)
declare -A compacted
for engine in "${engines[@]}"; do
  [ "$engine" = fts5 ] && size[$engine]=$(du -sb "$work/fts5.db" | cut -f1) && continue
  size[$engine]=$(du -sb "$work/$engine-db" | cut -f1)
  # Compacted copies: the queries below run on the indexes as built.
  xapian-compact "$work/$engine-db" "$work/$engine-compact" >"$work/$engine-compact.log" 2>&1
  compacted[$engine]=$(du -sb "$work/$engine-compact" | cut -f1)
done

"$build/bench/naviny_bench_query" --db "$work/naviny-db" --plain-db "$work/plain-db" \
  --fts5-db "$work/fts5.db" --iterations "$iterations" --summary "$work/query.txt" \
  --benchmark_out="$work/query.json" --benchmark_out_format=json >"$work/query.log" 2>&1

# Median wall time (ms) of `cli_runs` runs of a command, output discarded.
median_ms() {
  local times=() start
  for _ in $(seq "$cli_runs"); do
    start=$(now)
    "$@" >/dev/null 2>&1
    times+=("$(seconds_between "$start" "$(now)")")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { printf "%.1f", 1000 * a[int((NR + 1) / 2)] }'
}
fts5_sql() {
  echo "SELECT id, title, snippet(articles, 2, '[', ']', '...', 40) FROM articles WHERE articles MATCH '$1' ORDER BY rank LIMIT 10"
}
declare -A cli
for query in sanctions 'person:Putin' Лукашенко; do
  plain_query=${query#person:}
  cli["$query/naviny"]=$(median_ms "$naviny" search --db "$work/naviny-db" "$query")
  cli["$query/plain"]=$(median_ms quest -d "$work/plain-db" -s english -m 10 "$plain_query")
  cli["$query/fts5"]=$(median_ms sqlite3 "$work/fts5.db" "$(fts5_sql "$plain_query")")
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "-" && b > 0) printf "%.2f", a / b; else print "-" }'; }
mb=$(awk -v b="$corpus_bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
{
  echo "## compare.sh $articles: $(date -u +%Y-%m-%d), $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB"
  echo
  echo "corpus: $articles articles, $mb MB, generated in $generate_seconds s"
  echo
  echo "| indexing | naviny | plain Xapian | omindex | FTS5 | naviny/plain | naviny/omindex | naviny/FTS5 |"
  echo "|---|---|---|---|---|---|---|---|"
  for metric in "articles/s" "MB/s" "wall s" "peak RSS MiB" "index MB" "compacted MB"; do
    row=()
    for engine in "${engines[@]}"; do
      case $metric in
        articles/s) row+=("$(awk -v n="$articles" -v s="${seconds[$engine]}" 'BEGIN { printf "%.0f", n / s }')") ;;
        MB/s) row+=("$(awk -v m="$mb" -v s="${seconds[$engine]}" 'BEGIN { printf "%.2f", m / s }')") ;;
        "wall s") row+=("${seconds[$engine]}") ;;
        "peak RSS MiB") row+=("$(awk -v k="${rss[$engine]}" 'BEGIN { printf "%.0f", k / 1024 }')") ;;
        "index MB") row+=("$(awk -v b="${size[$engine]}" 'BEGIN { printf "%.0f", b / 1e6 }')") ;;
        "compacted MB")  # xapian-compact; FTS5 is no Xapian index
          row+=("$(awk -v b="${compacted[$engine]:-}" 'BEGIN { if (b == "") print "-"; else printf "%.0f", b / 1e6 }')") ;;
      esac
    done
    echo "| $metric | ${row[0]} | ${row[1]} | ${row[2]} | ${row[3]} | $(ratio "${row[0]}" "${row[1]}") | $(ratio "${row[0]}" "${row[2]}") | $(ratio "${row[0]}" "${row[3]}") |"
  done
  echo
  echo "in-process query latency, µs (naviny_bench_query, $iterations queries per class and engine):"
  echo
  echo '```'
  cat "$work/query.txt"
  echo '```'
  echo
  echo "| CLI search, median of $cli_runs, ms | naviny | quest (plain) | sqlite3 (FTS5) | naviny/plain | naviny/FTS5 |"
  echo "|---|---|---|---|---|---|"
  for query in sanctions 'person:Putin' Лукашенко; do
    n=${cli["$query/naviny"]} p=${cli["$query/plain"]} f=${cli["$query/fts5"]}
    echo "| \`$query\` | $n | $p | $f | $(ratio "$n" "$p") | $(ratio "$n" "$f") |"
  done
} | tee "$work/report.md"
echo "compare.sh: report in $work/report.md; indexes kept in $work" >&2
