#!/usr/bin/env bash
# The end-of-run consolidation update alone, on a large store: what a day of news costs to
# regroup once its articles are stored. A copy of STORE is given the articles of DAY
# (`chronicler ingest`), then, REPS times for each binary: the day's documents lose their
# event groups and stories (deleted in SQL, the kept merged-event rows left marked current, as
# they were before the day's update), and `chronicler ingest` of an empty folder runs the
# update on them. Each run prints scripts/measure.py's line (wall, CPU, peak private memory)
# and the update's own debug line (blocks and events regrouped, merged events rebuilt, time
# spent regrouping, reading the blocks and regrouping the stories). With several binaries the
# runs alternate (one of each, REPS times), so that a shared machine's drift falls on both.
# After the last run the store's kept groups, stories and merged-event rows are printed as
# md5 sums (every column of the rows but the rank): equal sums, equal results.
# Binaries of different schema versions: a binary refuses a store a newer one has migrated, so
# with RESET_VERSION=1 the store's schema version is set back, before each run, to the one it
# had when copied, and each binary migrates it again. Only for migrations that can run twice
# (`CREATE INDEX IF NOT EXISTS`, as 0026's): the thirty-third sitting compared 0025 and 0026 so.
#
#   usage: bash scripts/bench_update.sh STORE DAY.jsonl [BINARY...]
#   (default binary: target/release/chronicler; REPS=2, WORK=/tmp/chronicler-bench/update)
#
# The store needs room for a copy (a million-article store: 16 GB). Make one with
# `python3 scripts/make_corpus.py --n 1000000 --mix --gzip` and `chronicler ingest`; a day with
# `make_corpus.py --n 20000 --mix --days 1 --seed 12 --start 2026-12-02` (the ids must not be
# in the store: rename them, e.g. with `sed 's/"corpus-/"day-/'`).
set -euo pipefail
command -v sqlite3 >/dev/null || { echo "bench_update.sh: needs the sqlite3 command (apt-get install sqlite3)" >&2; exit 2; }
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STORE=${1:?usage: bench_update.sh STORE DAY.jsonl [BINARY...]}
DAY=${2:?usage: bench_update.sh STORE DAY.jsonl [BINARY...]}
shift 2
BINS=("$@")
if [[ ${#BINS[@]} -eq 0 ]]; then
  cargo build --release --manifest-path "$ROOT/Cargo.toml" -p chronicler
  BINS=("${CARGO_TARGET_DIR:-$ROOT/target}/release/chronicler")
fi
REPS=${REPS:-2}
WORK=${WORK:-/tmp/chronicler-bench/update}
mkdir -p "$WORK/empty"
DB=$WORK/store.db
rm -f "$DB" "$DB-wal" "$DB-shm"
cp "$STORE" "$DB"
VERSION=$(sqlite3 "$DB" "PRAGMA user_version")
FIRST=$(sqlite3 "$DB" "SELECT coalesce(max(doc_key), 0) + 1 FROM documents")
"${BINS[0]}" --db "$DB" ingest --quiet "$DAY" 2>"$WORK/ingest.log" || true
echo "day: $(sqlite3 "$DB" "SELECT count(*) FROM documents WHERE doc_key >= $FIRST") documents," \
  "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE doc >= $FIRST") coded events," \
  "store: $(sqlite3 "$DB" "SELECT count(*) FROM documents") documents"
for rep in $(seq "$REPS"); do
  for bin in "${BINS[@]}"; do
    sqlite3 "$DB" "BEGIN; DELETE FROM event_groups WHERE doc >= $FIRST;
      DELETE FROM doc_stories WHERE doc >= $FIRST;
      UPDATE kept_events_state SET current = 1; COMMIT;"
    [[ ${RESET_VERSION:-0} == 1 ]] && sqlite3 "$DB" "PRAGMA user_version = $VERSION"
    echo "== $bin (run $rep)"
    CHRONICLER_LOG=chronicler_query=debug python3 "$ROOT/scripts/measure.py" -- \
      "$bin" --db "$DB" ingest "$WORK/empty" 2>&1 |
      grep -E 'consolidation update|wall_s' | sed 's/.*consolidation update//'
  done
done
sqlite3 "$DB" "SELECT doc, ordinal, block, grp FROM event_groups ORDER BY 1, 2" | md5sum |
  sed 's/-$/event groups/'
sqlite3 "$DB" "SELECT * FROM doc_stories ORDER BY 1" | md5sum | sed 's/-$/stories/'
sqlite3 "$DB" "SELECT block, grp, undated, day, end_day, cameo, base_id, id, first_doc,
  first_start, status, source, target, members, first_report, undated_report
  FROM kept_events ORDER BY block, grp" | md5sum | sed 's/-$/merged-event rows/'
