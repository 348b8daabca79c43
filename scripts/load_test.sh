#!/usr/bin/env bash
# Load test of `chronicler serve` (issue 9): N connections for D seconds against the events
# route over loopback, WHILE a `chronicler ingest` writes more articles into the same store.
# Reports requests/s, errors (socket errors, non-2xx answers, timeouts) and latency p50/p90/p99,
# and fails when there are errors or fewer requests/s than the target.
#
#   usage: bash scripts/load_test.sh                 # 64 connections, 30 s, target 2000 req/s
#          DURATION=5 TARGET=0 bash scripts/load_test.sh   # a short smoke run (CI)
#
# Environment: CONNECTIONS (64), DURATION (30, seconds), THREADS (wrk threads, 2), TARGET
# (2000 req/s; 0: report only), ROUTE (/api/events), BASE (articles in the store before the
# run, 2000), EXTRA (articles the concurrent ingest adds, 2000), OUT (/tmp/chronicler-load),
# BIN (a built chronicler; default: builds release).
# Needs wrk (installed from Debian's packages if missing, when run as root) and python3.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-30}
THREADS=${THREADS:-2}
TARGET=${TARGET:-2000}
ROUTE=${ROUTE:-/api/events}
BASE=${BASE:-2000}
EXTRA=${EXTRA:-2000}
OUT=${OUT:-/tmp/chronicler-load}
mkdir -p "$OUT"

if ! command -v wrk >/dev/null; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "load_test: needs wrk (apt-get install wrk)" >&2
    exit 2
  fi
fi

if [[ -z ${BIN:-} ]]; then
  cargo build --release --locked --quiet --manifest-path "$ROOT/Cargo.toml" -p chronicler
  BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release/chronicler
fi

# The store: the example articles plus BASE corpus articles; a second, disjoint slice of
# the corpus is what the concurrent ingest adds.
CORPUS=$OUT/corpus-$((BASE + EXTRA)).jsonl
[[ -s $CORPUS ]] || python3 "$ROOT/scripts/make_corpus.py" --n $((BASE + EXTRA)) --out "$CORPUS" >/dev/null
head -n "$BASE" "$CORPUS" > "$OUT/base.jsonl"
tail -n +"$((BASE + 1))" "$CORPUS" > "$OUT/extra.jsonl"
DB=$OUT/load.db
rm -f "$DB" "$DB-wal" "$DB-shm"
"$BIN" ingest --quiet --db "$DB" "$ROOT/examples/articles" "$OUT/base.jsonl"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --db "$DB" --bind "127.0.0.1:$PORT" 2> "$OUT/serve.log" &
SERVER=$!
INGEST=
cleanup() {
  [[ -n $INGEST ]] && kill "$INGEST" 2>/dev/null || true
  kill "$SERVER" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT
URL="http://127.0.0.1:$PORT$ROUTE"
for _ in $(seq 100); do
  curl -fsS -o /dev/null "$URL" 2>/dev/null && break
  sleep 0.1
done
curl -fsS -o /dev/null "$URL"
# Warm the merged-events cache, as any first visitor would.
curl -fsS -o /dev/null "$URL"

docs_before=$(curl -fsS "http://127.0.0.1:$PORT/api/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')
"$BIN" ingest --quiet --db "$DB" "$OUT/extra.jsonl" 2> "$OUT/ingest.log" &
INGEST=$!
wrk -t "$THREADS" -c "$CONNECTIONS" -d "${DURATION}s" --timeout 5s --latency "$URL" > "$OUT/wrk.txt"
ingest_running=no
kill -0 "$INGEST" 2>/dev/null && ingest_running=yes
docs_after=$(curl -fsS "http://127.0.0.1:$PORT/api/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')
cat "$OUT/wrk.txt"

python3 - "$OUT/wrk.txt" "$TARGET" "$CONNECTIONS" "$DURATION" "$docs_before" "$docs_after" "$ingest_running" "$ROUTE" <<'EOF'
import re, sys
text, target, conns, secs, before, after, running, route = open(sys.argv[1]).read(), float(sys.argv[2]), *sys.argv[3:]
def pct(p):
    m = re.search(rf"^\s*{p}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    if not m:
        return None
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
total = int(re.search(r"(\d+) requests in", text).group(1))
errors = 0
m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
if m:
    errors += sum(int(x) for x in m.groups())
m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if m:
    errors += int(m.group(1))
p50, p90, p99 = pct(50), pct(90), pct(99)
print(f"\nload test: GET {route}, {conns} connections, {secs} s, while an ingest added "
      f"{int(after) - int(before)} documents ({before} -> {after}{', still running at the end' if running == 'yes' else ''})")
print(f"  {rps:.0f} requests/s, {total} requests, {errors} errors, "
      f"latency p50 {p50:.2f} ms, p90 {p90:.2f} ms, p99 {p99:.2f} ms")
bad = []
if errors:
    bad.append(f"{errors} errors")
if rps < target:
    bad.append(f"{rps:.0f} requests/s is under the target of {target:.0f}")
if int(after) <= int(before):
    bad.append("the ingest stored nothing during the run")
if bad:
    print("load test FAILED: " + "; ".join(bad))
    sys.exit(1)
print("load test ok" + (f" (target {target:.0f} requests/s)" if target else ""))
EOF
