#!/usr/bin/env bash
# Index lifecycle costs (issue 5): the first `naviny index` of a generated corpus of N articles,
# a re-run on the unchanged corpus (content hashes only), and `naviny add` of one new article,
# each timed end to end as a user runs them (median of REPEAT runs for the last two).
#
# usage: bench/lifecycle_bench.sh N [WORK_DIR] [REPEAT]
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:?usage: bench/lifecycle_bench.sh N [WORK_DIR] [REPEAT]}
work=${2:-$(mktemp -d)}
repeat=${3:-5}
build=${NAVINY_BUILD_DIR:-build}
naviny="$build/cli/naviny"

# Wall time of a command in milliseconds.
millis() { local start; start=$(date +%s%N); "$@" >/dev/null; echo $((($(date +%s%N) - start) / 1000000)); }
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

"$build/bench/naviny_gen_corpus" --articles "$articles" --out "$work/corpus" >/dev/null
first=$(millis "$naviny" index --quiet --db "$work/db" "$work/corpus")
rerun=$(for _ in $(seq "$repeat"); do millis "$naviny" index --quiet --db "$work/db" "$work/corpus"; done | median)
printf 'One more article\n\nLukashenko met Putin in Sochi to discuss the potash loan and sanctions.\n' >"$work/new.txt"
add=$(for i in $(seq "$repeat"); do millis "$naviny" add --db "$work/db" --id "new-$i.txt" "$work/new.txt"; done | median)
printf '| articles | first index ms | unchanged re-run ms (median of %s) | re-run / first | add one article ms (median of %s) |\n' "$repeat" "$repeat"
printf '|---|---|---|---|---|\n'
awk -v n="$articles" -v f="$first" -v r="$rerun" -v a="$add" 'BEGIN {printf "| %d | %d | %d | %.3f | %d |\n", n, f, r, r / f, a}'

