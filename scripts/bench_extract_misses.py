#!/usr/bin/env python3
"""Where chronicler's HTML extraction loses F1, layer by layer.

Reads the dump written by `cargo run --release -p chronicler-clean --example
extract_dump MANIFEST OUT.jsonl` (per page: clean text, main content before
noise removal, dropped lines with reasons) and the gold data of
../shared/data/extraction-eval, and prints:
  * per noise-removal reason: dropped lines that are gold text (recall lost)
    and dropped lines that are not (precision gained);
  * the worst pages by the set's own measure.
usage: bench_extract_misses.py sh|traf DUMP.jsonl [N_WORST]
"""
import collections, json, re, sys, os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", "extraction-eval")
W = re.compile(r"\w+")


def toks(s):
    return W.findall(s or "")


def shingles(t, n=4):
    return collections.Counter(tuple(t[i:i + n]) for i in range(max(1, len(t) - n + 1)))


def prf(pred, gold):
    p, g = shingles(toks(pred)), shingles(toks(gold))
    tp = sum((p & g).values()); fp = sum((p - g).values()); fn = sum((g - p).values())
    P = tp / (tp + fp) if tp + fp else 1.0
    R = tp / (tp + fn) if tp + fn else 1.0
    return P, R, (2 * P * R / (P + R) if P + R else 0.0)


def main():
    ds, dump = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    rows = [json.loads(l) for l in open(dump)]
    by_reason = collections.defaultdict(lambda: [0, 0, []])  # gold, noise, examples of gold
    worst = []
    if ds == "sh":
        gt = json.load(open(os.path.join(ROOT, "scrapinghub-article-extraction-benchmark", "ground-truth.json")))
        for r in rows:
            gold = gt[r["id"]]["articleBody"]
            gj = " " + " ".join(toks(gold)) + " "
            for text, reason in r.get("removed", []):
                t = " ".join(toks(text))
                if not t:
                    continue
                k = 0 if (" " + t + " ") in gj else 1
                by_reason[reason][k] += 1
                if k == 0 and len(by_reason[reason][2]) < 6:
                    by_reason[reason][2].append(text[:100])
            P, R, F = prf(r["text"], gold)
            Pe, Re, Fe = prf(r["extracted"], gold)
            worst.append((F, Fe, P, R, r["id"], gt[r["id"]]["url"]))
    else:
        ev = json.load(open(os.path.join(ROOT, "trafilatura-evaldata", "evaldata.json")))
        byfile = {v["file"]: v for v in ev.values()}
        norm = lambda s: re.sub(r"\s+", " ", s or "").strip()
        for r in rows:
            e = byfile[r["id"]]
            text, ext = norm(r["text"]), norm(r["extracted"])
            for line, reason in r.get("removed", []):
                l = norm(line)
                g = any(norm(w) in l or (len(l) > 20 and l in norm(w)) for w in e["with"])
                b = any(norm(w) in l for w in e["without"])
                if g:
                    by_reason[reason][0] += 1
                    if len(by_reason[reason][2]) < 6:
                        by_reason[reason][2].append(line[:100])
                elif b:
                    by_reason[reason][1] += 1
            tp = sum(norm(w) in text for w in e["with"]); fn = len(e["with"]) - tp
            fp = sum(norm(w) in text for w in e["without"])
            tpe = sum(norm(w) in ext for w in e["with"]); fpe = sum(norm(w) in ext for w in e["without"])
            worst.append((-(fn + fp), -(len(e["with"]) - tpe + fpe), tp, fp, r["id"], fn))
    print("reason: dropped gold lines / dropped noise lines" + (" (traf: lines holding a with/without snippet)" if ds == "traf" else ""))
    for reason, (g, b, ex) in sorted(by_reason.items(), key=lambda kv: -kv[1][0]):
        print(f"  {reason:18} gold {g:5}  noise {b:5}   e.g. {ex[:3]}")
    worst.sort()
    print(f"worst {n} pages (score after noise removal, before, ...):")
    for w in worst[:n]:
        print("  " + "  ".join(f"{x:.3f}" if isinstance(x, float) else str(x) for x in w))


main()
