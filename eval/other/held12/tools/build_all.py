#!/usr/bin/env python3
"""Run every tools/gold_*.py script (each writes gold/STEM.jsonl)."""
import glob, os, subprocess, sys
here = os.path.dirname(os.path.abspath(__file__))
os.makedirs(os.path.join(os.path.dirname(here), "gold"), exist_ok=True)
rc = 0
for p in sorted(glob.glob(os.path.join(here, "gold_*.py"))):
    if os.path.basename(p) == "gold_lib.py":
        continue
    r = subprocess.run([sys.executable, p], cwd=here)
    rc |= r.returncode
sys.exit(rc)
