#!/usr/bin/env bash
# Query latency (issue 7) of one corpus indexed as 1 database, as 4 local shards, and as 2 shards
# served by xapian-tcpsrv on 127.0.0.1. Prints one table per layout (bench/shard_bench.cc).
#
#   bash bench/shard_latency.sh CORPUS_DIR [GAZETTEER] [REPEAT]
#
# Builds into $NAVINY_BUILD_DIR (default build); indexes into a temporary folder it removes.
set -euo pipefail
corpus=${1:?usage: bench/shard_latency.sh CORPUS_DIR [GAZETTEER] [REPEAT]}
root=$(cd "$(dirname "$0")/.." && pwd)
gazetteer=${2:-$root/corpus/entities.tsv}
repeat=${3:-50}
build=${NAVINY_BUILD_DIR:-$root/build}
naviny=$build/cli/naviny
bench=$build/bench/naviny_shard_bench

work=$(mktemp -d)
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# serve DB VAR: starts xapian-tcpsrv on a free port and sets VAR to the port once it accepts.
# (Not called in $(...): the server's pid must reach `servers` in this shell, for cleanup.)
serve() {
  local port
  port=$(free_port)
  xapian-tcpsrv --interface 127.0.0.1 --port "$port" --quiet "$1" >/dev/null 2>&1 &
  servers+=($!)
  for _ in $(seq 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      printf -v "$2" '%s' "$port"
      return
    fi
    sleep 0.05
  done
  echo "xapian-tcpsrv did not start on port $port" >&2
  exit 1
}

"$naviny" index -q --gazetteer "$gazetteer" --db "$work/one" "$corpus"
"$naviny" index -q --gazetteer "$gazetteer" --shards 4 --db "$work/four" "$corpus"
"$naviny" index -q --gazetteer "$gazetteer" --shards 2 --db "$work/two" "$corpus"
serve "$work/two/shard-0" port0
serve "$work/two/shard-1" port1
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$port0" "$port1" >"$work/remote.stub"

"$bench" --repeat "$repeat" --label "1 database" --db "$work/one"
"$bench" --repeat "$repeat" --label "4 local shards" --db "$work/four"
"$bench" --repeat "$repeat" --label "2 remote shards (xapian-tcpsrv, loopback)" --db "$work/remote.stub"
