#!/usr/bin/env bash
# Load on `naviny serve` (issue 24): requests per second and latency of /api/search with 8
# concurrent clients on loopback, against `naviny search --json` run as a new process for each of
# the same queries (one at a time, and 8 at once). Read-only on DB.
#
#   bash bench/serve_load.sh DB [REQUESTS] [SECONDS]
#
# REQUESTS (default 800) bounds the server's round, SECONDS (default 120) bounds each round's time;
# the one-client and CLI rounds run a quarter as many searches. Uses $NAVINY_BUILD_DIR (default build).
set -euo pipefail
db=${1:?usage: bench/serve_load.sh DB [REQUESTS] [SECONDS]}
requests=${2:-800}
seconds=${3:-120}
root=$(cd "$(dirname "$0")/.." && pwd)
naviny=${NAVINY_BUILD_DIR:-$root/build}/cli/naviny

log=$(mktemp)
"$naviny" serve --db "$db" --listen 127.0.0.1:0 --threads 8 >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 600); do
  grep -q 'http://' "$log" && break
  kill -0 $server 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
port=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | grep -o '[0-9]*$')

python3 - "$naviny" "$db" "$port" "$requests" "$seconds" <<'PYTHON'
import concurrent.futures, http.client, json, statistics, subprocess, sys, threading, time
from urllib.parse import urlencode

naviny, db, port, requests, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
# The query classes of bench/query_bench.cc, one or two of each.
queries = ["sanctions", "economy", "economic sanctions regime", "russia belarus relations",
           '"Vladimir Putin"', '"European Union"', "person:Putin", "place:Minsk",
           "person:Putin sanctions", "Лукашенко", "Тихановская", "Lukashenko", "Navalny", "EU"]
CLIENTS = 8

def percentile(values, fraction):
    values = sorted(values)
    return values[min(int(fraction * (len(values) - 1) + 0.5), len(values) - 1)]

def summary(label, latencies, wall):
    print(f"| {label} | {len(latencies)} | {len(latencies) / wall:.1f} | "
          f"{percentile(latencies, 0.5) * 1000:.1f} | {percentile(latencies, 0.99) * 1000:.1f} |")

local = threading.local()
def api_search(query):
    if not hasattr(local, "connection"):
        local.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    started = time.perf_counter()
    local.connection.request("GET", "/api/search?" + urlencode({"q": query}))
    response = local.connection.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - started
    if response.status != 200 or "hits" not in json.loads(body):
        raise SystemExit(f"/api/search?q={query}: HTTP {response.status}: {body[:200]!r}")
    return elapsed

def cli_search(query):
    started = time.perf_counter()
    subprocess.run([naviny, "search", "--db", db, "--json", query], check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - started

def round_of(search, count, clients):
    deadline = time.monotonic() + seconds
    latencies, lock, issued = [], threading.Lock(), [0]
    def client():
        while time.monotonic() < deadline:
            with lock:
                if issued[0] >= count:
                    return
                query = queries[issued[0] % len(queries)]
                issued[0] += 1
            elapsed = search(query)
            with lock:
                latencies.append(elapsed)
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(clients) as pool:
        for future in [pool.submit(client) for _ in range(clients)]:
            future.result()
    return latencies, time.perf_counter() - started

for query in queries:  # warm the page cache for both, untimed
    api_search(query)
print("| round | searches | searches/s | p50 ms | p99 ms |")
print("|---|---:|---:|---:|---:|")
summary(f"/api/search, {CLIENTS} clients", *round_of(api_search, requests, CLIENTS))
summary("/api/search, one client", *round_of(api_search, requests // 4, 1))
summary("naviny search --json, one at a time", *round_of(cli_search, requests // 4, 1))
summary(f"naviny search --json, {CLIENTS} at once", *round_of(cli_search, requests // 4, CLIENTS))
PYTHON
kill -TERM $server
wait $server
