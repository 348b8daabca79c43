#!/usr/bin/env python3
"""Check the held12 batch: article metadata, article length, gold schema, verbatim sentence evidence, and that
the gold scores 1.0 against itself with the shared score.py (gold converted to an export-style prediction file).

Usage: python3 check.py [--score PATH_TO_score.py]
Exit status 0 when every check passes.
"""
import argparse, datetime as dt, glob, json, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED_CANDIDATES = ["/work/shared", "/work/main/../shared"]

STATUSES = {"occurred", "scheduled", "proposed", "rejected", "ongoing", "expired"}
PRECISIONS = {"day", "week", "month", "year", "unknown"}
FIELDS = ["event_id", "source_actor", "target_actor", "action", "cameo", "cameo_root", "date",
          "date_precision", "location", "quantities", "status", "evidence"]
OPTIONAL = {"symmetric", "group", "background", "cameo_uncertain", "notes"}
EXTRA_ISO = {"AFU", "ROU"}  # AFU: African Union code named in README.upstream.md; ROU: ISO code of Romania (CAMEO table: ROM)
BODY_WORDS = (450, 650)  # article body length (see body_words)
WINDOW_DAYS = 10      # a required (non-background) act must end within this many days before publication

errors, warnings = [], []


def err(msg):
    errors.append(msg)


def shared_dir():
    for d in SHARED_CANDIDATES:
        if os.path.exists(os.path.join(d, "eval", "score.py")):
            return os.path.normpath(d)
    sys.exit("cannot find shared/eval/score.py")


def load_codes(shared):
    cameo = set()
    with open(os.path.join(shared, "data", "cameo", "cameo-1.1b3-codes.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            cameo.add(line.split("\t")[0].strip())
    countries = set(EXTRA_ISO)
    for name in ("CAMEO.country.tsv", "CAMEO.knowngroup.tsv"):
        with open(os.path.join(shared, "data", "cameo", name), encoding="utf-8") as f:
            next(f)
            countries |= {line.split("\t")[0].strip() for line in f if line.strip()}
    roles = set()
    with open(os.path.join(shared, "data", "cameo", "CAMEO.type.tsv"), encoding="utf-8") as f:
        next(f)
        roles = {line.split("\t")[0].strip() for line in f if line.strip()}
    return cameo, countries, roles


def day(s):
    return dt.date.fromisoformat(s)


def interval(date):
    if date is None:
        return None, None
    if isinstance(date, str):
        return day(date), day(date)
    s, e = date.get("start"), date.get("end")
    return (day(s) if s else None), (day(e) if e else None)


def is_sentence(text, ev):
    """evidence starts at a sentence/line start and ends at sentence end"""
    i = text.find(ev)
    before = text[:i]
    start_ok = (i == 0 or before.endswith("\n") or re.search(r"[.?!][\"'”’)]?\s+$", before)
                or re.search(r"\(\w+\) - $", before)                       # wire dateline: "CITY, Jan 14 (XYZ) - "
                or re.search(r"(?:^|\n)[A-Z][A-Z .'-]+ [-—] $", before))     # broadcaster dateline: "MANILA - "
    after = text[i + len(ev): i + len(ev) + 1]
    end_ok = re.search(r"[.?!:][\"'”’)]?$", ev) is not None and (after == "" or after.isspace())
    return bool(start_ok), bool(end_ok)


def words(text):
    return len(text.split())


def body_words(text):
    """rough article-body count: paragraphs (lines) of 12 words or more, minus captions and link lines"""
    n = 0
    for line in text.splitlines():
        if len(line.split()) >= 12 and not re.match(r"(Image caption|Photo|Image|Read more|READ|Cookies|We use cookies|We value|This website uses cookies)", line):
            n += len(line.split())
    return n


def check_actor(where, actor, countries, roles):
    if actor is None:
        return
    if not isinstance(actor, dict) or not actor.get("name"):
        err(f"{where}: actor without name: {actor}")
        return
    if actor.get("country") not in countries:
        err(f"{where}: unknown country/organisation code {actor.get('country')!r}")
    if actor.get("role") is not None and actor["role"] not in roles:
        err(f"{where}: unknown role {actor['role']!r}")


def to_prediction(stem, url, g):
    """export-style prediction: source/target, cameo, date(+date_end), status, location, mentions"""
    p = {"event_id": "self:" + g["event_id"], "source": g["source_actor"], "target": g["target_actor"],
         "cameo": g["cameo"], "status": g["status"], "location": g["location"],
         "mentions": [{"doc": stem, "path": f"articles/{stem}.txt", "url": url, "sentence": g["evidence"]}]}
    d = g["date"]
    if isinstance(d, dict) and d.get("start") and d.get("end"):
        p["date"], p["date_end"] = d["start"], d["end"]  # closed ranges flattened, open ones kept as objects
    else:
        p["date"] = d
    return p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--score", help="path to score.py (default: shared/eval/score.py)")
    args = ap.parse_args()
    shared = shared_dir()
    score = args.score or os.path.join(shared, "eval", "score.py")
    cameo_codes, countries, roles = load_codes(shared)

    golds = sorted(glob.glob(os.path.join(HERE, "gold", "*.jsonl")))
    arts = sorted(glob.glob(os.path.join(HERE, "articles", "*.txt")))
    if {os.path.basename(p)[:-6] for p in golds} != {os.path.basename(p)[:-4] for p in arts}:
        err("articles and gold files do not pair up")
    preds, table = [], []
    for gpath in golds:
        stem = os.path.basename(gpath)[:-6]
        text = open(os.path.join(HERE, "articles", stem + ".txt"), encoding="utf-8").read()
        meta = json.load(open(os.path.join(HERE, "articles", stem + ".meta.json"), encoding="utf-8"))
        if set(meta) != {"url", "outlet", "published"}:
            err(f"{stem}: meta keys {sorted(meta)}")
        if not re.match(r"https://www\.[a-z0-9-]+\.example-outlet\.test/", meta["url"]) or stem not in meta["url"]:
            err(f"{stem}: url {meta['url']} (must be on example-outlet.test and contain the stem)")
        pub = day(meta["published"])
        bw = body_words(text)
        if not BODY_WORDS[0] <= bw <= BODY_WORDS[1]:
            err(f"{stem}: body has {bw} words, outside {BODY_WORDS}")
        recs = [json.loads(l) for l in open(gpath, encoding="utf-8") if l.strip()]
        ids, groups = set(), {}
        for r in recs:
            w = f"{stem} {r.get('event_id')}"
            missing = [k for k in FIELDS if k not in r]
            if missing:
                err(f"{w}: missing {missing}")
                continue
            if set(r) - set(FIELDS) - OPTIONAL:
                err(f"{w}: unexpected fields {sorted(set(r) - set(FIELDS) - OPTIONAL)}")
            if r["event_id"] in ids:
                err(f"{w}: duplicate id")
            ids.add(r["event_id"])
            if r["cameo"] not in cameo_codes:
                err(f"{w}: CAMEO code {r['cameo']} not in the code table")
            if r["cameo_root"] != r["cameo"][:2]:
                err(f"{w}: cameo_root {r['cameo_root']} != {r['cameo'][:2]}")
            if r["status"] not in STATUSES:
                err(f"{w}: status {r['status']}")
            if r["date_precision"] not in PRECISIONS:
                err(f"{w}: date_precision {r['date_precision']}")
            if r["status"] == "rejected" and not r["cameo"].startswith("12"):
                err(f"{w}: status rejected on a non-12x code")
            check_actor(w + " source", r["source_actor"], countries, roles)
            check_actor(w + " target", r["target_actor"], countries, roles)
            loc = r["location"]
            if loc is not None and (set(loc) != {"name", "country"} or loc["country"] not in countries):
                err(f"{w}: bad location {loc}")
            try:
                s, e = interval(r["date"])
            except (ValueError, AttributeError, TypeError):
                err(f"{w}: bad date {r['date']!r}")
                s = e = None
            if s and e and s > e:
                err(f"{w}: date start after end")
            if r["status"] == "scheduled":
                if s is not None and s < pub:
                    err(f"{w}: scheduled act starts before publication")
            elif s is not None and s > pub:
                err(f"{w}: past act dated after publication")
            if not r.get("background") and e is not None and r["status"] != "scheduled" and (pub - e).days > WINDOW_DAYS:
                err(f"{w}: required act ends {e}, more than {WINDOW_DAYS} days before publication: background?")
            if r.get("background") and r["status"] == "scheduled":
                err(f"{w}: scheduled background record")
            ev = r["evidence"]
            if ev not in text:
                err(f"{w}: evidence not verbatim in article: {ev[:80]!r}")
            else:
                st, en = is_sentence(text, ev)
                if not (st and en):
                    err(f"{w}: evidence is not a whole sentence (start ok={st}, end ok={en}): {ev[:80]!r}")
            if r.get("group"):
                groups.setdefault(r["group"], []).append(r)
            preds.append(to_prediction(stem, meta["url"], r))
        for gname, members in groups.items():
            if len(members) < 2:
                err(f"{stem}: group {gname} has one member")
            if len({bool(m.get("background")) for m in members}) > 1:
                err(f"{stem}: group {gname} mixes background and required records")
        units = {r.get("group") or r["event_id"] for r in recs if not r.get("background")}
        table.append((stem, meta["outlet"], str(pub), words(text), body_words(text), len(recs), len(units),
                      sum(1 for r in recs if r.get("background"))))

    print(f"{'article':52} {'outlet':24} {'published':10} {'words':>5} {'body':>5} {'recs':>4} {'units':>5} {'bg':>3}")
    for row in table:
        print(f"{row[0]:52} {row[1]:24} {row[2]:10} {row[3]:5d} {row[4]:5d} {row[5]:4d} {row[6]:5d} {row[7]:3d}")
    print(f"total: {sum(r[5] for r in table)} records, {sum(r[6] for r in table)} required units, {sum(r[7] for r in table)} background")

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
        pred_path = f.name
    out = subprocess.run([sys.executable, score, "--pred", pred_path, "--gold", os.path.join(HERE, "gold"), "--json"],
                         capture_output=True, text=True)
    if out.returncode != 0:
        err(f"score.py failed: {out.stderr.strip()}")
    else:
        res = json.loads(out.stdout)
        print("self-score:", json.dumps(res))
        for k in ("precision", "recall", "f1"):
            if res[k] != 1.0:
                err(f"self-score {k} = {res[k]}, expected 1.0")
        if res["unattributed_predictions"]:
            err("some self-predictions were not attributed to an article")
        for k, v in res["agreement_of_matched"].items():
            if v != 1.0:
                warnings.append(f"agreement {k} = {v} (matcher paired indistinguishable gold records crosswise)")
    os.unlink(pred_path)

    # Records the matcher cannot tell apart (same root, agreeing actors, overlapping dates): score.py may pair
    # them crosswise, which is why agreement figures on a self-score can fall below 1.0 while F1 stays 1.0.
    import importlib.util
    spec = importlib.util.spec_from_file_location("score", score)
    sc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sc)
    confusable = {}
    for gpath in golds:
        stem = os.path.basename(gpath)[:-6]
        recs = [json.loads(l) for l in open(gpath, encoding="utf-8") if l.strip()]
        selfp = [to_prediction(stem, "", r) for r in recs]
        pairs = [(a["event_id"].split("#")[1], b["event_id"].split("#")[1]) for i, a in enumerate(recs)
                 for j, b in enumerate(recs) if i < j and (sc.matches(a, selfp[j]) or sc.matches(b, selfp[i]))]
        confusable[stem] = pairs
    print("confusable record pairs per article (matcher cannot tell them apart):")
    for stem, pairs in confusable.items():
        print(f"  {stem}: {len(pairs)}" + (f"  e.g. {', '.join(a + '~' + b for a, b in pairs[:6])}" if pairs else ""))

    for w in warnings:
        print("WARNING", w)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"FAILED: {len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
