#!/usr/bin/env python3
"""Print body word counts (same rule as check.py) for every article."""
import glob, os, re
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
def body_words(text):
    n = 0
    for line in text.splitlines():
        if len(line.split()) >= 12 and not re.match(r"(Image caption|Photo|Image|Read more|READ|Cookies|We use cookies|We value|This website uses cookies)", line):
            n += len(line.split())
    return n
for p in sorted(glob.glob(os.path.join(HERE, "articles", "*.txt"))):
    t = open(p, encoding="utf-8").read()
    print(f"{os.path.basename(p):55} body {body_words(t):4d} all {len(t.split()):4d}")
