"""Helper added for held10: Gold whose evidence fragments are expanded to the whole sentence containing them.

A fragment must occur once in the article. The sentence starts at the beginning of the line, after a wire or
broadcaster dateline, or after [.?!] (optionally followed by a closing quote) and whitespace; it ends at the first
[.?!] (optionally + closing quote) followed by whitespace or the end of the text, skipping common abbreviations.
"""
import re
from gold_lib import Gold

ABBR = ("U.S.", "U.N.", "Mr.", "Mrs.", "Dr.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "St.", "No.", "Sgt.", "Jr.",
        "a.m.", "p.m.", "Jan.", "Feb.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "Brig.", "Rep.", "Sen.", "Gov.", "Prof.", "Adm.", "Cdr.")
END = re.compile(r"[.?!][\"'”’)]?(?=\s|$)")


class SGold(Gold):
    def ev(self, frag):
        if not isinstance(frag, str):
            return super().ev(frag)
        t = self.text
        i = t.find(frag)
        if i < 0 or t.find(frag, i + 1) >= 0:
            raise SystemExit(f"{self.stem}: fragment not unique/found: {frag!r}")
        # start
        line_start = t.rfind("\n", 0, i) + 1
        s = line_start
        m = re.match(r"[A-Z][A-Za-z .'-]*, [A-Z][a-z]+ \d+ \(\w+\) - |[A-Z][A-Z .'-]+ [-—] ", t[line_start:])
        if m and line_start + m.end() <= i:
            s = line_start + m.end()
        for mm in END.finditer(t, s, i):
            k = mm.end()
            if any(t[:k].endswith(a) for a in ABBR):
                continue
            while k < len(t) and t[k] in " \t":
                k += 1
            if k <= i:
                s = k
        # end
        pos = i + len(frag) - 1
        while True:
            mm = END.search(t, max(pos, i))
            if mm is None or "\n" in t[i:mm.start()]:
                raise SystemExit(f"{self.stem}: no sentence end after {frag!r}")
            if any(t[:mm.end()].endswith(a) for a in ABBR):
                pos = mm.end()
                continue
            e = mm.end()
            break
        if e < i + len(frag):
            raise SystemExit(f"{self.stem}: fragment crosses sentence end: {frag!r}")
        return t[s:e]
