#!/usr/bin/env python3
"""Runs a command and prints what it cost: wall time, CPU time (user and
system, from the kernel's accounting of that process alone, read by
``wait4``), peak resident memory, and peak private memory.

The two memories differ because chronicler reads its store through a memory
map (``STORE_MMAP_BYTES`` in crates/store/src/lib.rs): the store's pages it
reads count in its resident size (``ru_maxrss``, what ``/usr/bin/time``
reports as "Maximum resident set size") though they are the kernel's file
cache, shared and dropped under memory pressure like any cached file. Its
private memory (``RssAnon`` in ``/proc/PID/status``: heap, stacks, SQLite's
own page cache) is what a run really holds; it is sampled every 50 ms, so a
peak shorter than that can be missed.

    python3 scripts/measure.py [-o FILE] -- COMMAND [ARGS...]

prints one line (to FILE when given, else to standard error), with the
command's output left alone:

    wall_s=3.12 user_s=4.01 sys_s=0.52 peak_rss_kib=1234567 peak_private_kib=223344 exit=0

and exits with the command's exit code. Linux only (``/proc``).
"""

import os
import subprocess
import sys
import time


def private_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("RssAnon:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def main(argv):
    out = None
    if argv[:1] == ["-o"] and len(argv) > 1:
        out, argv = argv[1], argv[2:]
    if argv[:1] == ["--"]:
        argv = argv[1:]
    if not argv or argv[0] in ("-h", "--help"):
        sys.exit("usage: measure.py [-o FILE] -- COMMAND [ARGS...]")
    if argv[0].startswith("-"):
        sys.exit(f"measure.py: unknown option {argv[0]} (put the command after --)")
    start = time.monotonic()
    child = subprocess.Popen(argv)
    peak = 0
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        peak = max(peak, private_kib(child.pid))
        time.sleep(0.05)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    line = (
        f"wall_s={wall:.2f} user_s={usage.ru_utime:.2f} sys_s={usage.ru_stime:.2f} "
        f"peak_rss_kib={usage.ru_maxrss} peak_private_kib={peak} exit={code}"
    )
    if out:
        with open(out, "w") as f:
            f.write(line + "\n")
    else:
        print(line, file=sys.stderr)
    sys.exit(code if code >= 0 else 128 - code)


if __name__ == "__main__":
    main(sys.argv[1:])
