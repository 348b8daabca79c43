#!/usr/bin/env bash
# Whole pipeline, end to end through the `chronicler` binary: the benchmark corpus ingested
# into a fresh store at 1 and 2 threads; wall time, articles/s, MB/s and peak RSS
# (/usr/bin/time -v). Then the in-memory, one-core run (pipeline_bench: clean + analyze + code,
# with and without store writes) used for the spaCy comparison.
#   usage: bash scripts/bench_pipeline.sh [CORPUS.jsonl]   (make it with scripts/make_corpus.py)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CORPUS=${1:-/tmp/chronicler-bench/corpus-10000.jsonl}
OUT=${OUT:-/tmp/chronicler-bench}
[[ -s $CORPUS ]] || python3 "$ROOT/scripts/make_corpus.py" --out "$CORPUS"
cargo build --release --manifest-path "$ROOT/Cargo.toml" -p chronicler -p chronicler-bench --bins
BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release
N=$(wc -l < "$CORPUS"); BYTES=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])))' "$CORPUS")
for t in 1 2; do
  for rep in 1 2; do
    db=$OUT/pipeline-t$t.db; rm -f "$db" "$db-wal" "$db-shm"
    /usr/bin/time -v "$BIN/chronicler" ingest --quiet --threads "$t" --db "$db" "$CORPUS" 2> "$OUT/time-t$t.txt" || true
    wall=$(grep 'Elapsed (wall' "$OUT/time-t$t.txt" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    rss=$(grep 'Maximum resident' "$OUT/time-t$t.txt" | awk '{print $NF}')
    python3 -c "import sys; n,b,w,r,t=int(sys.argv[1]),int(sys.argv[2]),float(sys.argv[3]),int(sys.argv[4]),sys.argv[5]; print(f'threads={t} articles={n} wall={w:.2f}s {n/w:.0f} articles/s {b/1e6/w:.2f} MB/s peak_rss={r/1024:.0f}MiB')" "$N" "$BYTES" "$wall" "$rss" "$t"
  done
done
taskset -c 1 "$BIN/pipeline_bench" "$CORPUS" --repeat 3
taskset -c 1 "$BIN/pipeline_bench" "$CORPUS" --repeat 2 --store "$OUT"
