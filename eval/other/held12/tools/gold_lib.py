"""Helpers to write gold records in the dev gold format; evidence is cut from the article text."""
import json, os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def A(name, country, role=None, alt=None):
    a = {"name": name, "country": country, "role": role}
    if alt:
        a["country_alt"] = alt if isinstance(alt, list) else [alt]
    return a


def L(name, country):
    return {"name": name, "country": country}


def Q(value, unit):
    return {"value": value, "unit": unit}


def R(start, end, prec=None):
    """date range; None = open bound"""
    return {"start": start, "end": end}


class Gold:
    def __init__(self, stem):
        self.stem = stem
        self.text = open(os.path.join(ROOT, "articles", stem + ".txt"), encoding="utf-8").read()
        self.events = []

    def ev(self, frag):
        if isinstance(frag, str):
            start, end = frag, None
        else:
            start, end = frag
        i = self.text.find(start)
        if i < 0 or self.text.find(start, i + 1) >= 0:
            raise SystemExit(f"{self.stem}: start fragment not unique/found: {start!r}")
        if end is None:
            return start
        j = self.text.find(end, i)
        if j < 0:
            raise SystemExit(f"{self.stem}: end fragment not found: {end!r}")
        return self.text[i:j + len(end)]

    def add(self, cameo, src, tgt, action, date, ev, status="occurred", loc=None, qty=(), prec=None,
            symmetric=False, group=None, background=False, uncertain=False, notes=None):
        if prec is None:
            if date is None:
                prec = "unknown"
            elif isinstance(date, dict):
                prec = "day" if (date.get("start") and date.get("end")) else "unknown"
            else:
                prec = "day"
        rec = {
            "event_id": f"{self.stem}#{len(self.events) + 1:02d}",
            "source_actor": src, "target_actor": tgt, "action": action,
            "cameo": cameo, "cameo_root": cameo[:2], "date": date, "date_precision": prec,
            "location": loc, "quantities": list(qty), "status": status, "evidence": self.ev(ev),
        }
        if symmetric:
            rec["symmetric"] = True
        if group:
            rec["group"] = group
        if background:
            rec["background"] = True
        if uncertain:
            rec["cameo_uncertain"] = True
        if notes:
            rec["notes"] = notes
        self.events.append(rec)
        return rec

    def write(self):
        path = os.path.join(ROOT, "gold", self.stem + ".jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for e in self.events:
                f.write(json.dumps(e, ensure_ascii=False) + "\n")
        req = {e.get("group") or e["event_id"] for e in self.events if not e.get("background")}
        bg = sum(1 for e in self.events if e.get("background"))
        print(f"{self.stem}: {len(self.events)} records, {len(req)} required units, {bg} background")
