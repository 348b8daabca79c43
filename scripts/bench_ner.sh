#!/usr/bin/env bash
# chronicler's whole pipeline (clean + analyze + code, one core, in memory) against spaCy
# en_core_web_sm doing NER alone, on the same texts (the baselines' sh-gold and traf-en
# corpora), in one sitting. Needs ../shared/baselines/setup.sh (BASELINES_WORK).
#   usage: bash scripts/bench_ner.sh      (~8 minutes)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KIT=$(cd "$ROOT/../shared/baselines" && pwd)
export BASELINES_WORK=${BASELINES_WORK:-/tmp/baselines-work}
[[ -x $BASELINES_WORK/venv-nlp/bin/python ]] || bash "$KIT/setup.sh"
cargo build --release --manifest-path "$ROOT/Cargo.toml" -p chronicler-bench --bin pipeline_bench
BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release/pipeline_bench
CORE=${CORE:-$(( $(getconf _NPROCESSORS_ONLN) > 1 ? 1 : 0 ))}
cd "$BASELINES_WORK"
[[ -s corpora/sh-gold.jsonl ]] || python3 "$KIT/make_corpora.py" "$BASELINES_WORK"
mkdir -p results-ner
for c in sh-gold traf-en; do
  [[ -s corpora/$c.jsonl ]] || continue
  taskset -c "$CORE" "$BIN" "corpora/$c.jsonl" --repeat 3 | tee "results-ner/chronicler-$c.json"
  OMP_NUM_THREADS=1 taskset -c "$CORE" venv-nlp/bin/python "$KIT/ner_bench.py" --corpus "corpora/$c.jsonl" \
    --config ner_only --repeat 3 --out "results-ner/ner-$c-ner_only.json"
  taskset -c "$CORE" "$BIN" "corpora/$c.jsonl" --repeat 3 | tee "results-ner/chronicler-$c-again.json"
done
