#!/usr/bin/env python3
"""Builds the syndication benchmark input: one article copied K times.

Each copy has its own id, URL and closing line (so no two are the same
text), and all share one publication day, as a wire story picked up by
many outlets on the day it runs. See BENCHMARKS.md, "Syndication".

    python3 scripts/make_syndicated.py --n 3000 > /tmp/synd-3000.jsonl
"""

import argparse
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=3000, help="copies (default 3000)")
    ap.add_argument(
        "--article",
        default=str(ROOT / "examples/articles/mbn360-zelenskyy-challenges-putin.txt"),
        help="the text to copy",
    )
    args = ap.parse_args()
    text = pathlib.Path(args.article).read_text(encoding="utf-8")
    out = sys.stdout
    for i in range(args.n):
        copy = f"{text}\n\nThis copy was published by outlet number {i} in city {i * 7 % 101}."
        out.write(
            json.dumps(
                {
                    "id": f"syn-{i:05d}",
                    "url": f"https://outlet{i}.example/story",
                    "title": "Zelenskyy invites Putin",
                    "published": "2026-01-30",
                    "text": copy,
                }
            )
            + "\n"
        )


if __name__ == "__main__":
    main()
