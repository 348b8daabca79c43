#!/usr/bin/env bash
# HTML extraction, side by side in one sitting: chronicler (chronicler_clean on Body::Html)
# against trafilatura 2.3.1 (default extract()), dom_smoothie 0.19 and rs-trafilatura 0.2.2,
# on both sets of ../shared/data/extraction-eval, one core each (taskset), scored by
# ../shared/baselines/score_external.py (each set's own scoring).
#   usage: bash scripts/bench_extraction.sh        (~12 minutes; setup.sh first run ~2 min more)
# Work dir: $BASELINES_WORK (default /tmp/baselines-work, outside the checkout).
# Results: $BASELINES_WORK/$RESULTS/*.json (default results-extraction) and a markdown table.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KIT=$(cd "$ROOT/../shared/baselines" && pwd)
export BASELINES_WORK=${BASELINES_WORK:-/tmp/baselines-work}
export RESULTS=${RESULTS:-results-extraction}
CORE=${CORE:-$(( $(getconf _NPROCESSORS_ONLN) > 1 ? 1 : 0 ))}
[[ -s $BASELINES_WORK/manifests/sh.tsv && -x $BASELINES_WORK/venv-extract/bin/python ]] || bash "$KIT/setup.sh"
cargo build --release -p chronicler-bench --bin extract_eval --manifest-path "$ROOT/Cargo.toml"
BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release/extract_eval
cd "$BASELINES_WORK"
mkdir -p "$RESULTS" outputs
chronicler() { # dataset manifest repeat
  local ds=$1 man=$2 rep=$3
  echo "+ taskset -c $CORE extract_eval manifests/$man.tsv $rep"
  taskset -c "$CORE" "$BIN" "manifests/$man.tsv" "$rep" "outputs/$ds-chronicler.jsonl" "outputs/$ds-chronicler.timing.json"
  python3 "$KIT/score_external.py" --dataset "$ds" --algo chronicler --library chronicler --version "$(git -C "$ROOT" rev-parse --short HEAD)" \
    --language rust --outputs "outputs/$ds-chronicler.jsonl" --timing "outputs/$ds-chronicler.timing.json" \
    --out "$RESULTS/$ds-chronicler.json" --per-page "outputs/$ds-chronicler.pages.tsv"
}
# chronicler gets the UTF-8 copies of trafilatura's pages, as dom_smoothie does.
chronicler sh sh 3
chronicler traf traf-utf8 2
CORE=$CORE bash "$KIT/run_rust_peers.sh"
CORE=$CORE bash "$KIT/run_extraction.sh" sh trafilatura
CORE=$CORE bash "$KIT/run_extraction.sh" traf trafilatura
# chronicler again at the end, so drift across the sitting shows
RESULTS_FIRST=$RESULTS
export RESULTS=$RESULTS_FIRST-again
mkdir -p "$RESULTS"
chronicler sh sh 3
chronicler traf traf-utf8 2
python3 "$KIT/summarize.py" "$RESULTS_FIRST" | tee "$RESULTS_FIRST/summary.md"
