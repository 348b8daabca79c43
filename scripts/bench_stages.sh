#!/usr/bin/env bash
# Per-stage benchmarks (divan): clean (text, HTML), analyze, code, consolidate, store writes,
# process (all stages but the store). Inputs: the corpus (scripts/make_corpus.py) and the
# Scrapinghub pages unpacked by ../shared/baselines/setup.sh (BASELINES_WORK, default
# /tmp/baselines-work). Pinned to one core.
#   usage: bash scripts/bench_stages.sh [divan args, e.g. a bench name filter]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[[ -s ${CHRONICLER_CORPUS:-/tmp/chronicler-bench/corpus-10000.jsonl} ]] || python3 "$ROOT/scripts/make_corpus.py"
export BASELINES_WORK=${BASELINES_WORK:-/tmp/baselines-work}
[[ -s $BASELINES_WORK/manifests/sh.tsv ]] || bash "$ROOT/../shared/baselines/setup.sh" data
CORE=${CORE:-$(( $(getconf _NPROCESSORS_ONLN) > 1 ? 1 : 0 ))}
cd "$ROOT" && taskset -c "$CORE" cargo bench --locked -p chronicler-bench --bench stages -- "$@"
