#!/usr/bin/env bash
# Whole pipeline, end to end through the `chronicler` binary: the benchmark corpus ingested
# into a fresh store at 1 and 2 threads; wall time, CPU time (user + sys), articles/s and MB/s
# (per wall second and per CPU second, i.e. per core busy), peak private memory and peak RSS
# (scripts/measure.py: the RSS counts the store's pages read through its memory map); then
# consolidation (`export --format jsonl`: read every coded event, merge, write) on that store;
# then the ingest confined to N cores (taskset) at --threads N, for the scaling in cores.
# Then the in-memory, one-core run (pipeline_bench: clean + analyze + code, with and without
# store writes) used for the spaCy comparison, and the in-memory thread scaling: pipeline_bench
# --threads N for each N in $THREADS, pinned to the first N cores (articles/s per wall second
# and per CPU second; the events' fingerprint must be the same at every N). Measure scaling on
# an idle machine: on a loaded one the second core is not free.
#   usage: bash scripts/bench_pipeline.sh [CORPUS.jsonl]   (make it with scripts/make_corpus.py)
#   THREADS="1 2" REPS=2 INMEM=1 override what is run.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CORPUS=${1:-/tmp/chronicler-bench/corpus-10000.jsonl}
OUT=${OUT:-/tmp/chronicler-bench}
THREADS=${THREADS:-1 2}; REPS=${REPS:-2}; INMEM=${INMEM:-1}
mkdir -p "$OUT"
[[ -s $CORPUS ]] || python3 "$ROOT/scripts/make_corpus.py" --out "$CORPUS"
cargo build --release --manifest-path "$ROOT/Cargo.toml" -p chronicler -p chronicler-bench --bins
BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release
N=$(wc -l < "$CORPUS"); BYTES=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])))' "$CORPUS")
# One ingest into a fresh store: ingest_run LABEL THREADS [taskset CPU list].
ingest_run() {
  local label=$1 t=$2 cpus=${3:-} db=$OUT/pipeline-t$2.db pin=()
  [[ -n $cpus ]] && pin=(taskset -c "$cpus")
  rm -f "$db" "$db-wal" "$db-shm"
  python3 "$ROOT/scripts/measure.py" -o "$OUT/time-t$t.txt" -- "${pin[@]}" "$BIN/chronicler" --db "$db" ingest --quiet --threads "$t" "$CORPUS" 2>/dev/null || true
  python3 - "$N" "$BYTES" "$OUT/time-t$t.txt" "$label" <<'PY'
import sys
n, b, label = int(sys.argv[1]), int(sys.argv[2]), sys.argv[4]
m = dict(kv.split("=") for kv in open(sys.argv[3]).read().split())
w, c = float(m["wall_s"]), float(m["user_s"]) + float(m["sys_s"])
print(f"ingest {label} articles={n} wall={w:.2f}s cpu={c:.2f}s {n/w:.0f} articles/s ({b/1e6/w:.2f} MB/s) "
      f"per wall second, {n/c:.0f} articles/s ({b/1e6/c:.2f} MB/s) per CPU second, "
      f"peak_private={int(m['peak_private_kib'])/1024:.0f}MiB peak_rss={int(m['peak_rss_kib'])/1024:.0f}MiB")
PY
}
for t in $THREADS; do
  for rep in $(seq "$REPS"); do
    ingest_run "threads=$t" "$t"
  done
  /usr/bin/time -f "consolidation (export --format jsonl) threads=$t: %e s wall, %U s user, %M KiB peak" \
    "$BIN/chronicler" --db "$OUT/pipeline-t$t.db" export --format jsonl > "$OUT/export-t$t.jsonl"
  echo "merged events: $(wc -l < "$OUT/export-t$t.jsonl")"
done
# Scaling in cores: the whole ingest (workers, reader and store writer) confined to the
# first N cores with N worker threads. `--threads 1` unpinned already has a second core
# for the writer, so this, not threads 1 against 2, is what a second core buys.
for t in $THREADS; do
  for rep in $(seq "$REPS"); do
    ingest_run "cores=$t threads=$t" "$t" "0-$((t - 1))"
  done
done
if [[ $INMEM == 1 ]]; then
  taskset -c 1 "$BIN/pipeline_bench" "$CORPUS" --repeat 3
  taskset -c 1 "$BIN/pipeline_bench" "$CORPUS" --repeat 2 --store "$OUT"
  for t in $THREADS; do
    taskset -c "0-$((t - 1))" "$BIN/pipeline_bench" "$CORPUS" --repeat 3 --threads "$t"
  done
fi
