#!/usr/bin/env bash
# Instructions, not seconds: `chronicler ingest --threads 1` under callgrind on the first N
# articles of the benchmark corpus, for each N given, and on no input at all (what every run
# pays once: the dictionaries, the store's schema). Instruction counts repeat exactly for the
# same binary, input and environment, whatever else the machine is doing, so two builds can
# be compared to a tenth of a per cent on a shared, drifting VM where times move by 20 %.
# Prints, per input: the total, the part above the no-input run per article and per KB of
# text, and the share of the main stages (inclusive instructions of their entry functions).
# Caveat: valgrind runs the AVX2 path of the MinHash signature (it has no AVX-512), which
# takes several times the instructions of the AVX-512 path most servers run.
#   usage: bash scripts/bench_instructions.sh [BIN] [N ...]   (defaults: target/release/chronicler, 1 500 2000)
#   CORPUS=... sets the corpus (default: the 10k corpus of scripts/make_corpus.py); about
#   25 s for 500 articles, 7 min for 2,000.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${1:-$ROOT/target/release/chronicler}
shift || true
if (( $# )); then SIZES=("$@"); else SIZES=(1 500 2000); fi
CORPUS=${CORPUS:-/tmp/chronicler-bench/corpus-10000.jsonl}
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 2; }
[[ -x $BIN ]] || { echo "no binary at $BIN: cargo build --release" >&2; exit 2; }
[[ -s $CORPUS ]] || python3 "$ROOT/scripts/make_corpus.py" --out "$CORPUS"
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
mkdir "$WORK/empty"
# Inclusive instructions of each stage's entry point (the pipeline's own functions).
STAGES=(
  "dictionaries:chronicler_dict::Dictionaries::load"
  "clean:chronicler_clean::clean"
  "analyze:chronicler_analyze::Analyzer::analyze"
  "code:chronicler_code::Coder::code"
  "sign:chronicler_consolidate::minhash::Signature::of"
  "store writes:chronicler_pipeline::write_batch"
  "full-text index:chronicler_store::write::index_pending"
  "consolidation:chronicler_query::keep::update_walking"
)
run() { # name input
  local out="$WORK/cg.$1" db="$WORK/s.db"
  rm -f "$db" "$db"-*
  valgrind --tool=callgrind --callgrind-out-file="$out" "$BIN" --db "$db" ingest --quiet --threads 1 "$2" \
    > /dev/null 2> "$WORK/log.$1" || true
  local total
  total=$(grep -o 'refs: *[0-9,]*' "$WORK/log.$1" | tr -d ', ' | cut -d: -f2)
  [[ -n $total ]] || { cat "$WORK/log.$1" >&2; exit 1; }
  echo "$total"
}
base=$(run none "$WORK/empty")
python3 -c 'import sys; print(f"    no input {int(sys.argv[1]):>16,} instructions")' "$base"
for n in "${SIZES[@]}"; do
  head -n "$n" "$CORPUS" > "$WORK/in.jsonl"
  bytes=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])))' "$WORK/in.jsonl")
  total=$(run "$n" "$WORK/in.jsonl")
  python3 - "$n" "$bytes" "$total" "$base" <<'PY'
import sys
n, b, t, base = (int(x) for x in sys.argv[1:])
print(f"{n:>6} articles {t:>16,} instructions; above no input: {(t - base) / n:,.0f} per article, {(t - base) / (b / 1000):,.0f} per KB of text")
PY
  annotated=$(callgrind_annotate --inclusive=yes "$WORK/cg.$n" 2>/dev/null)
  for s in "${STAGES[@]}"; do
    name=${s%%:*}; fn=${s#*:}
    # The function's own line (`file:function`, with or without ` [binary]`): the largest of
    # its lines, which callgrind splits by the file its inlined code comes from.
    ir=$(grep -E ":${fn}( \[[^]]*\])?\$" <<< "$annotated" | head -1 | awk '{print $1}' | tr -d ',' || true)
    [[ -n $ir ]] && python3 -c 'import sys; n, i, t = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]); print(f"         {n:<16} {i:>16,}  {100 * i / t:5.1f} %")' "$name" "$ir" "$total"
  done
done
