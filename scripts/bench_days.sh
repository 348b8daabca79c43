#!/usr/bin/env bash
# An archive ingested day after day, as a year of news would be: each file of DAYS_DIR (in name
# order, one day each: make them with `scripts/make_corpus.py --per-day DIR`) is given to one
# `chronicler ingest --threads N` into the same store, and one line per day is appended to
# OUT (tab-separated, with a header): the day, its articles, the documents stored after it,
# wall and CPU seconds (user, system), peak private memory (MiB; scripts/measure.py), the
# store's size on disk (MiB, WAL included), the writer's seconds (`store writer` debug line),
# the end-of-run update's (regroup and stories seconds, events regrouped, how the stories were
# found), and the run's exit status (1: some input skipped, as empty articles are). What grows
# with the store shows as the days go by. A run that stops on an error (exit status 2: a full
# disk, a store that cannot be written) stops the script, its line written and its message shown.
#
#   usage: bash scripts/bench_days.sh DAYS_DIR STORE [OUT]
#   (THREADS=2; BIN=target/release/chronicler, built if missing; OUT=STORE.days.tsv)
#
# A year at a thirtieth of Common Crawl News's volume (3,000 articles a day, 1.1 million in all,
# a 15 GB store; 43 minutes here, BENCHMARKS.md, thirty-second sitting):
#   python3 scripts/make_corpus.py --n 1095000 --mix --days 365 --start 2025-01-01 --seed 31 \
#       --per-day /tmp/chronicler-bench/year
#   bash scripts/bench_days.sh /tmp/chronicler-bench/year /tmp/chronicler-bench/year.db
# The run can be stopped and started again: days already in OUT are skipped.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DAYS=${1:?usage: bench_days.sh DAYS_DIR STORE [OUT]}
STORE=${2:?usage: bench_days.sh DAYS_DIR STORE [OUT]}
OUT=${3:-$STORE.days.tsv}
THREADS=${THREADS:-2}
BIN=${BIN:-${CARGO_TARGET_DIR:-$ROOT/target}/release/chronicler}
[[ -x $BIN ]] || cargo build --release --manifest-path "$ROOT/Cargo.toml" -p chronicler
LOG=$(mktemp)
trap 'rm -f "$LOG" "$LOG.m"' EXIT
[[ -s $OUT ]] || printf 'day\tarticles\tdocuments\twall_s\tuser_s\tsys_s\tpeak_private_mib\tstore_mib\twriter_s\tregroup_s\tstories_s\tevents_regrouped\tstories\texit\n' > "$OUT"
for f in "$DAYS"/*; do
  day=$(basename "$f"); day=${day%%.*}
  grep -q "^$day	" "$OUT" && continue
  articles=$( (zcat -f "$f" 2>/dev/null || cat "$f") | wc -l)
  CHRONICLER_LOG=debug python3 "$ROOT/scripts/measure.py" -o "$LOG.m" -- \
    "$BIN" --db "$STORE" ingest --quiet --threads "$THREADS" "$f" > /dev/null 2> "$LOG" || true
  python3 - "$day" "$articles" "$STORE" "$LOG.m" "$LOG" >> "$OUT" <<'PY'
import os, re, sqlite3, sys
day, articles, store, mfile, log = sys.argv[1:6]
m = dict(kv.split("=") for kv in open(mfile).read().split())
text = open(log, errors="replace").read()
def field(name, default=""):
    found = re.findall(rf"\b{name}=\"?([^\s\"]+(?: story)?)", text)
    return found[-1] if found else default
try:
    docs = sqlite3.connect(f"file:{store}?mode=ro", uri=True).execute("SELECT count(*) FROM documents").fetchone()[0]
except sqlite3.Error:
    docs = ""  # no readable store: the run's message says why
size = sum(os.path.getsize(p) for p in (store, store + "-wal") if os.path.exists(p))
print("\t".join(str(v) for v in [
    day, articles, docs, m["wall_s"], m["user_s"], m["sys_s"],
    int(m["peak_private_kib"]) // 1024, size >> 20,
    field("writing_s"), field("regroup_s"), field("stories_s"), field("events"), field("stories"),
    m["exit"],
]))
PY
  tail -n 1 "$OUT"
  if grep -q 'exit=2' "$LOG.m"; then
    grep -v '^skipped' "$LOG" | grep -v ' DEBUG ' >&2 || true
    echo "bench_days.sh: the run for $day stopped on an error; stopping here" >&2
    exit 1
  fi
done
