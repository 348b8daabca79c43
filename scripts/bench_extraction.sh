#!/usr/bin/env bash
# HTML extraction, side by side in one sitting: chronicler (chronicler_clean on Body::Html)
# against trafilatura 2.3.1 (default extract()), dom_smoothie 0.19 and rs-trafilatura 0.2.2,
# on both sets of ../shared/data/extraction-eval, one core each (taskset), scored by
# ../shared/baselines/score_external.py (each set's own scoring).
#   usage: bash scripts/bench_extraction.sh        (~12 minutes; setup.sh first run ~2 min more)
# Work dir: $BASELINES_WORK (default /tmp/baselines-work, outside the checkout).
# Results: $BASELINES_WORK/$RESULTS/*.json (default results-extraction) and a markdown table.
# Then the ratio itself, measured in the same minutes: chronicler and trafilatura in turn on
# the same core, ROUNDS rounds (default 3; 0 skips them) per set, each round timed as above;
# prints chronicler's pages/s over trafilatura's, round by round, and their median. On a VM
# whose speed drifts by half within minutes, this is the ratio to report: the side-by-side
# table runs chronicler and trafilatura minutes apart. Results in $RESULTS-alternated/.
# ALTERNATED_ONLY=1 runs only the rounds (about 4 minutes with the default three).
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
RESULTS_FIRST=$RESULTS
if [[ ${ALTERNATED_ONLY:-0} != 1 ]]; then
  # chronicler gets the UTF-8 copies of trafilatura's pages, as dom_smoothie does.
  chronicler sh sh 3
  chronicler traf traf-utf8 2
  CORE=$CORE bash "$KIT/run_rust_peers.sh"
  CORE=$CORE bash "$KIT/run_extraction.sh" sh trafilatura
  CORE=$CORE bash "$KIT/run_extraction.sh" traf trafilatura
  # chronicler again at the end, so drift across the sitting shows
  export RESULTS=$RESULTS_FIRST-again
  mkdir -p "$RESULTS"
  chronicler sh sh 3
  chronicler traf traf-utf8 2
  python3 "$KIT/summarize.py" "$RESULTS_FIRST" | tee "$RESULTS_FIRST/summary.md"
fi
ROUNDS=${ROUNDS:-3}
(( ROUNDS > 0 )) || exit 0
ALT=$RESULTS_FIRST-alternated
rm -rf "$ALT"
mkdir -p "$ALT"
for ((r = 1; r <= ROUNDS; r++)); do
  for ds in sh traf; do
    man=$ds; [[ $ds == traf ]] && man=traf-utf8
    reps=3; [[ $ds == traf ]] && reps=2
    export RESULTS=$ALT/r$r
    mkdir -p "$RESULTS"
    chronicler "$ds" "$man" "$reps"
    CORE=$CORE bash "$KIT/run_extraction.sh" "$ds" trafilatura
  done
done
python3 - "$ALT" "$ROUNDS" <<'PY' | tee "$ALT/ratios.md"
import json, statistics, sys
alt, rounds = sys.argv[1], int(sys.argv[2])
def speed(r, ds, algo):
    return json.load(open(f"{alt}/r{r}/{ds}-{algo}.json"))["docs_per_s_best"]
print("| set | round | chronicler pages/s | trafilatura pages/s | ratio |")
print("|---|---|---|---|---|")
for ds in ("sh", "traf"):
    ratios = []
    for r in range(1, rounds + 1):
        c, t = speed(r, ds, "chronicler"), speed(r, ds, "trafilatura")
        ratios.append(c / t)
        print(f"| {ds} | {r} | {c:.1f} | {t:.1f} | {c / t:.1f}x |")
    print(f"| {ds} | median | | | **{statistics.median(ratios):.1f}x** |")
PY
