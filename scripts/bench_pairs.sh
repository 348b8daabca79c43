#!/usr/bin/env bash
# Two builds of chronicler timed in alternation on one corpus, for a noisy or drifting machine:
# pair i runs A then B when i is odd, B then A when it is even, each on a new store, and the
# ratio of each pair's CPU times (user + system), then of their wall times, is printed with
# their median. Read the ratios, not the single times: a shared VM's speed can move by 15 %
# between two minutes.
#   usage: bash scripts/bench_pairs.sh BIN_A BIN_B [PAIRS=6] [THREADS=1] [CORPUS]
# CORPUS defaults to the 10k corpus of scripts/make_corpus.py. One line per run:
#   A|B user_s system_s wall_s peak_rss_kib peak_private_kib
# (scripts/measure.py: the resident size counts the store's pages read through its memory map,
# the private memory does not).
set -euo pipefail
A=$1; B=$2; N=${3:-6}; T=${4:-1}
C=${5:-/tmp/chronicler-bench/corpus-10000.jsonl}
[[ -s $C ]] || { echo "no corpus at $C: python3 scripts/make_corpus.py" >&2; exit 2; }
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
run() { # tag binary
  rm -f "$WORK"/s.db*
  # `|| true`: an ingest that refused some inputs exits 1 (the 10k corpus has three
  # pages with no article text); its time is still the run's.
  python3 "$(dirname "$0")/measure.py" -o "$WORK/time" -- "$2" --db "$WORK/s.db" ingest --quiet --threads "$T" "$C" >/dev/null 2>&1 || true
  python3 -c 'import sys; m = dict(kv.split("=") for kv in open(sys.argv[2]).read().split()); print(sys.argv[1], m["user_s"], m["sys_s"], m["wall_s"], m["peak_rss_kib"], m["peak_private_kib"])' "$1" "$WORK/time"
}
for i in $(seq "$N"); do
  if (( i % 2 )); then run A "$A"; run B "$B"; else run B "$B"; run A "$A"; fi
done | tee "$WORK/runs"
python3 - "$WORK/runs" <<'PY'
import statistics, sys
runs = [l.split() for l in open(sys.argv[1]) if len(l.split()) == 6]
cpu = {"A": [], "B": []}
wall = {"A": [], "B": []}
for tag, user, sys_, elapsed, *_ in runs:
    cpu[tag].append(float(user) + float(sys_))
    wall[tag].append(float(elapsed))
for name, v in (("CPU", cpu), ("wall", wall)):
    ratios = [b / a for a, b in zip(v["A"], v["B"])]
    if ratios:
        print("%s s median: A %.2f, B %.2f; B/A per pair: %s; median %.3f"
              % (name, statistics.median(v["A"]), statistics.median(v["B"]),
                 " ".join("%.3f" % r for r in ratios), statistics.median(ratios)))
PY
