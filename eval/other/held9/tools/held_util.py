"""Helper for the held9 gold scripts: evidence given as a start fragment is extended to the whole sentence."""
import re
from gold_lib import Gold

ABBR = ("p.m.", "a.m.", "Gen.", "Lt.", "Col.", "Dr.", "Mr.", "Mrs.", "Ms.", "St.", "No.")


def sentence(text, start):
    i = text.find(start)
    if i < 0 or text.find(start, i + 1) >= 0:
        raise SystemExit(f"start fragment not unique/found: {start!r}")
    for m in re.finditer(r"[.?!:][\"'”’)]?(?=\s|$)", text[i:]):
        j = i + m.end()
        chunk = text[i:j]
        if any(chunk.endswith(a) for a in ABBR):
            continue
        if m.group(0)[0] == ":" and text[j:j + 1] != "\n":
            continue
        return chunk
    raise SystemExit(f"no sentence end after {start!r}")


class HGold(Gold):
    def ev(self, frag):
        if isinstance(frag, str):
            return sentence(self.text, frag)
        return super().ev(frag)
