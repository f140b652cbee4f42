"""teamgraph.assess from Python on the rich org, with the findings in hand as a DataFrame: the
time of `assess` and of `report.findings_frame()`, best of R runs, each size in a fresh process
(the heap of one size does not slow the next). Compare with the C++ assess() of the same shape:
`teamgraph_benchmarks --benchmark_filter=BM_AssessRich`.

    python benchmarks/assess_rich.py --sizes 100000 1000000 --repeat 3
    python benchmarks/assess_rich.py --sizes 1000000 --threads 1   # assess on one thread
"""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def measure(people: int, repeat: int, threads: int | None) -> str:
    import teamgraph
    from synthetic_org import rich_frames

    org = teamgraph.Org.from_frames(**rich_frames(people))
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        report = teamgraph.assess(org, threads=threads)
        assessed = time.perf_counter()
        frame = report.findings_frame()
        done = time.perf_counter()
        row = (done - start, assessed - start, done - assessed, len(frame))
        best = row if best is None or row < best else best
        del frame, report
        gc.collect()
    total, assess, frame_s, findings = best
    return f"| {people:,} | {findings:,} | {assess:.3f} s | {frame_s:.3f} s | {total:.3f} s |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best is kept")
    parser.add_argument("--threads", type=int, help="assess's threads (default: its own choice)")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(measure(args.worker, args.repeat, args.threads))
        return
    print("| people | findings | `assess` | `findings_frame()` | total |")
    print("|---:|---:|---:|---:|---:|")
    for people in args.sizes:
        command = [sys.executable, __file__, "--worker", str(people), "--repeat", str(args.repeat)]
        if args.threads:
            command += ["--threads", str(args.threads)]
        print(subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip(), flush=True)


if __name__ == "__main__":
    main()
