#!/usr/bin/env python3
"""Packs the pages of an extraction-evaluation manifest into a WARC file the
way Common Crawl News writes them (one gzip member per record, `response`
records with their HTTP headers), to try and time `chronicler ingest` on
archives.

Usage::

    python3 scripts/make_warc.py /tmp/baselines-work/manifests/sh.tsv /tmp/chronicler-bench/sh.warc.gz
    chronicler ingest --db /tmp/warc.db /tmp/chronicler-bench/sh.warc.gz
    python3 scripts/make_warc.py --repeat 9 --crawl /tmp/baselines-work/manifests/sh.tsv \\
        /tmp/baselines-work/manifests/traf.tsv /tmp/chronicler-bench/cc-like.warc.gz

The manifest (``id \\t url \\t path``, a header line) is written by
``../shared/baselines/setup.sh``. The capture date is fixed (2019-11-20).

Several manifests may be given before the output. For archives at scale,
``--repeat K`` writes every page K times, copy k > 0 under the URL with
``?copy=k`` appended (a CC-News file holds tens of thousands of records;
the store keeps one of each set of identical texts, as it would for a
syndicated story), and ``--crawl`` writes what a crawler's file also holds:
a ``warcinfo`` record first and a ``request`` record before each response,
which the reader must pass over. Without either option the records are
the same as before they existed; every gzip member has mtime 0, so the
same pages make the same file byte for byte.
"""

import argparse
import gzip
import sys
import urllib.parse
import uuid


def record(kind, url, block, content_type, rid):
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\n"
        f"WARC-Record-ID: <urn:uuid:{rid}>\r\n"
        "WARC-Date: 2019-11-20T10:00:00Z\r\n"
        + (f"WARC-Target-URI: {url}\r\n" if url else "")
        + f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    # mtime 0: the same file from the same pages, whenever it is made.
    return gzip.compress(head + block + b"\r\n\r\n", 1, mtime=0)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", help="one or more manifests, then the output .warc.gz")
    ap.add_argument("--repeat", type=int, default=1, help="write every page K times (default 1)")
    ap.add_argument("--crawl", action="store_true", help="add a warcinfo record and a request record per response")
    a = ap.parse_args()
    if len(a.paths) < 2 or a.repeat < 1:
        ap.error("give at least one manifest and the output path; --repeat is at least 1")
    *manifests, out = a.paths
    pages = []
    for manifest in manifests:
        with open(manifest, encoding="utf-8") as f:
            for line in f.read().splitlines()[1:]:
                _, url, path = line.split("\t", 2)
                pages.append((url, path))
    n = 0
    with open(out, "wb") as w:
        if a.crawl:
            info = b"software: scripts/make_warc.py\r\nformat: WARC File Format 1.0\r\n"
            w.write(record("warcinfo", None, info, "application/warc-fields", uuid.uuid5(uuid.NAMESPACE_URL, out)))
        for k in range(a.repeat):
            for url, path in pages:
                if k:
                    url = f"{url}{'&' if '?' in url else '?'}copy={k}"
                with open(path, "rb") as p:
                    body = p.read()
                if a.crawl:
                    u = urllib.parse.urlsplit(url)
                    target = (u.path or "/") + (f"?{u.query}" if u.query else "")
                    req = f"GET {target} HTTP/1.1\r\nHost: {u.netloc}\r\nUser-Agent: CCBot\r\n\r\n".encode()
                    rid = uuid.uuid5(uuid.NAMESPACE_URL, "request " + url)
                    w.write(record("request", url, req, "application/http; msgtype=request", rid))
                http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body) + body
                rid = uuid.uuid5(uuid.NAMESPACE_URL, url)
                w.write(record("response", url, http, "application/http; msgtype=response", rid))
                n += 1
    print(f"{out}: {n} response records", file=sys.stderr)


if __name__ == "__main__":
    main()
