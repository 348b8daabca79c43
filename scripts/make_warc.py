#!/usr/bin/env python3
"""Packs the pages of an extraction-evaluation manifest into a WARC file the
way Common Crawl News writes them (one gzip member per record, `response`
records with their HTTP headers), to try and time `chronicler ingest` on
archives.

Usage::

    python3 scripts/make_warc.py /tmp/baselines-work/manifests/sh.tsv /tmp/chronicler-bench/sh.warc.gz
    chronicler ingest --db /tmp/warc.db /tmp/chronicler-bench/sh.warc.gz

The manifest (``id \\t url \\t path``, a header line) is written by
``../shared/baselines/setup.sh``. The capture date is fixed (2019-11-20).
"""
import gzip
import sys
import uuid


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    manifest, out = sys.argv[1], sys.argv[2]
    with open(manifest, encoding="utf-8") as f:
        lines = f.read().splitlines()[1:]
    with open(out, "wb") as w:
        for line in lines:
            _, url, path = line.split("\t", 2)
            with open(path, "rb") as p:
                body = p.read()
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body) + body
            head = (
                "WARC/1.0\r\nWARC-Type: response\r\n"
                f"WARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, url)}>\r\n"
                "WARC-Date: 2019-11-20T10:00:00Z\r\n"
                f"WARC-Target-URI: {url}\r\n"
                "Content-Type: application/http; msgtype=response\r\n"
                f"Content-Length: {len(http)}\r\n\r\n"
            ).encode()
            w.write(gzip.compress(head + http + b"\r\n\r\n", 1))
    print(f"{out}: {len(lines)} response records", file=sys.stderr)


if __name__ == "__main__":
    main()
