"""Python threads calling teamgraph.assess on the same org: the throughput of T threads against one.

assess releases the GIL while the core scores, and the result crosses as typed objects and
columns, so threads overlap; the findings DataFrame is part of each call (the clock runs until it
is in hand). The org is synthetic_org.py's rich org. Each call scores on two threads of its own
(assess's default for a big org) or, with `--per-call 1`, on its calling thread only: the latter
measures how well Python threads overlap, the former what a program gets by default.

    python benchmarks/threads.py --people 200000 --threads 1 8 --calls 8 --per-call auto 1
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import teamgraph  # noqa: E402
from synthetic_org import rich_frames  # noqa: E402


def run(org: teamgraph.Org, threads: int, calls: int, per_call: int | None) -> float:
    """Seconds for `calls` assessments (with their findings frames) spread over `threads` threads."""
    todo = list(range(calls))
    lock = threading.Lock()

    def work() -> None:
        while True:
            with lock:
                if not todo:
                    return
                todo.pop()
            teamgraph.assess(org, threads=per_call).findings_frame()

    workers = [threading.Thread(target=work) for _ in range(threads)]
    start = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=200_000)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--calls", type=int, default=8, help="assessments per measurement")
    parser.add_argument("--per-call", nargs="+", default=["auto", "1"], choices=["auto", "1"],
                        help="threads of each assess call: auto (two for a big org) or 1")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    org = teamgraph.Org.from_frames(**rich_frames(args.people))
    if args.worker:  # one measurement, in a process of its own (the heap of one does not slow the next)
        per_call = None if args.per_call[0] == "auto" else 1
        run(org, 1, 1, per_call)  # warm
        print(run(org, args.worker, args.calls, per_call))
        return
    report = teamgraph.assess(org)
    print(f"rich org of {args.people:,} people, {len(report.findings):,} findings; {os.cpu_count()} cores; "
          f"{args.calls} calls a measurement, each in a fresh process")
    print("| per call | threads | seconds | calls/s | x one thread |")
    print("|---|---:|---:|---:|---:|")
    for per_call in args.per_call:
        base = None
        for t in args.threads:
            out = subprocess.run([sys.executable, __file__, "--people", str(args.people), "--calls", str(args.calls),
                                  "--per-call", per_call, "--worker", str(t)],
                                 check=True, capture_output=True, text=True).stdout
            seconds = float(out.split()[-1])
            rate = args.calls / seconds
            base = base or rate
            print(f"| {per_call} | {t} | {seconds:.2f} | {rate:.2f} | {rate / base:.2f} |", flush=True)

if __name__ == "__main__":
    main()
