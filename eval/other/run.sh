#!/usr/bin/env bash
# Scores chronicler on the other-conflict gold set (eval/other/gold):
#   eval/other/run.sh [--verbose|--json]     (from the repository root or anywhere)
# Uses $CHRONICLER (default: target/release/chronicler, built if missing).
# The real articles are taken from ../shared/data/extraction-eval (their gold
# text, not redistributed here); the written ones from eval/other/articles.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="${CHRONICLER_SHARED:-$root/../shared}"
bin="${CHRONICLER:-$root/target/release/chronicler}"
[ -x "$bin" ] || (cd "$root" && cargo build --release --locked --bin chronicler >&2)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/articles"
cp "$here"/articles/*.txt "$here"/articles/*.meta.json "$work/articles/"
python3 - "$shared" "$work/articles" <<'PY'
import json, sys, os
shared, out = sys.argv[1], sys.argv[2]
gt = json.load(open(os.path.join(shared, "data/extraction-eval/scrapinghub-article-extraction-benchmark/ground-truth.json")))
real = {
    "nypost-taliban-hostage-swap": ("a1fca19b884e0e946ad3fbe2a7f5031e5e3b23372702a76db302b6143c77cb31", "2019-11-19", "New York Post"),
    "aljazeera-afghanistan-helicopter": ("7916ecca969ffdd8f6fc32d171fbe0dd63db40fe4c1d2ade02b1dec5929a162f", "2019-11-20", "Al Jazeera"),
}
for stem, (key, day, outlet) in real.items():
    rec = gt[key]
    with open(os.path.join(out, stem + ".txt"), "w") as f:
        f.write(rec["articleBody"].replace("\u00ad", "") + "\n")
    with open(os.path.join(out, stem + ".meta.json"), "w") as f:
        json.dump({"url": rec["url"], "outlet": outlet, "published": day}, f)
PY
"$bin" --db "$work/other.db" ingest "$work/articles" >&2
"$bin" --db "$work/other.db" export --format jsonl > "$work/events.jsonl"
if [ -n "${KEEP_EVENTS:-}" ]; then cp "$work/events.jsonl" "$KEEP_EVENTS"; fi
python3 "$root/eval/score.py" --pred "$work/events.jsonl" --gold "$here/gold" "$@"
