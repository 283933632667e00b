#!/usr/bin/env bash
# ctest: naviny_gen_corpus writes the same bytes for the same seed, other bytes for another seed,
# and copies the gazetteer next to the articles. Usage: gen_corpus_determinism_test.sh GENERATOR
set -euo pipefail
generator=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$generator" --articles 40 --seed 7 --out "$work/a"
"$generator" --articles 40 --seed 7 --out "$work/b"
"$generator" --articles 40 --seed 8 --out "$work/c"
diff -r "$work/a" "$work/b" >/dev/null || { echo "same seed, different corpus" >&2; exit 1; }
if diff -r "$work/a" "$work/c" >/dev/null; then echo "another seed, same corpus" >&2; exit 1; fi
[ "$(find "$work/a" -name '*.txt' | wc -l)" -eq 40 ] || { echo "not 40 articles" >&2; exit 1; }
[ -s "$work/a/entities.tsv" ] || { echo "no entities.tsv" >&2; exit 1; }
