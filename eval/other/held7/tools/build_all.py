"""Regenerate every gold file of the batch from the per-article scripts."""
import glob, os, runpy, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
for script in sorted(glob.glob(os.path.join(HERE, "gold_*.py"))):
    if os.path.basename(script) != "gold_lib.py":
        runpy.run_path(script, run_name="__main__")
