"""Loading a folder of CSVs: `teamgraph.read_org` (parse, validate, resolve every id, build the
graphs) against pandas and pyarrow only reading the same files into tables, each in a fresh
process, on the synthetic orgs of `synthetic_org.py`: the lean shape (people.csv and sharing.csv)
and, with `--rich`, the rich one (every table: competencies, successors, incentives, meetings,
attendance and goals too; 354 MB of CSV at 1M people).

    python benchmarks/loading.py --sizes 100000 1000000 --repeat 3
    python benchmarks/loading.py --sizes 100000 1000000 --repeat 3 --rich

pandas is timed three ways: with its defaults (pandas 3 reads text columns as Arrow strings); with
the options that keep every cell as written (dtype=str, keep_default_na=False), which is what ids
like "007" need; and doing the rest of the job teamgraph does on top of reading, the least an
analyst writes to get an org out of the tables: its defaults, then every person id checked for
repeats and every manager and link end resolved to a person (pandas.Index.get_indexer; on the
rich org also every person column of the other tables). Every tool reads the same files.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fresh_process import best_of

HERE = Path(__file__).resolve().parent
# The person columns of each table, resolved by "ids resolved" (people's own are id and manager_id).
PERSON_COLUMNS = {"sharing.csv": ("person_a", "person_b"), "competencies.csv": ("person_id",),
                  "successors.csv": ("incumbent_id", "successor_id"), "incentives.csv": ("person_id",),
                  "attendance.csv": ("person_id",), "meetings.csv": ("presenter_id",),
                  "goals.csv": ("owner_id",)}


def files(folder: Path) -> list:
    """The CSV tables of a folder: people and sharing for the lean shape, every table for the rich."""
    return sorted(p.name for p in folder.glob("*.csv"))


def run_teamgraph(folder: Path) -> None:
    import teamgraph

    teamgraph.read_org(folder)


def run_pandas(folder: Path) -> None:
    import pandas as pd

    for name in files(folder):
        pd.read_csv(folder / name)


def run_pandas_text(folder: Path) -> None:
    import pandas as pd

    for name in files(folder):
        pd.read_csv(folder / name, dtype=str, keep_default_na=False)


def run_pandas_resolved(folder: Path) -> None:
    import pandas as pd

    people = pd.read_csv(folder / "people.csv")
    ids = pd.Index(people["id"])
    if ids.has_duplicates:
        raise ValueError("repeated person ids")
    references = [people["manager_id"]]
    for name in files(folder):
        if name in PERSON_COLUMNS:
            table = pd.read_csv(folder / name)
            references += [table[column] for column in PERSON_COLUMNS[name]]
    unknown = sum(((ids.get_indexer(r) < 0) & r.notna()).sum() for r in references)
    if unknown:
        raise ValueError("unknown person ids")


def run_pyarrow(folder: Path) -> None:
    import pyarrow.csv as pc

    for name in files(folder):
        pc.read_csv(folder / name)


TOOLS = {"teamgraph.read_org": run_teamgraph, "pandas.read_csv": run_pandas,
         "pandas.read_csv (text kept)": run_pandas_text, "pandas.read_csv, ids resolved": run_pandas_resolved,
         "pyarrow.csv": run_pyarrow}


def worker(tool: str, folder: str) -> None:
    TOOLS[tool](Path(folder))  # imports and a warm page cache before timing
    start = time.perf_counter()
    TOOLS[tool](Path(folder))
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def measure(tool: str, folder: Path, repeat: int) -> dict:
    return best_of(__file__, [tool, str(folder)], repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per tool and size; the best is kept")
    parser.add_argument("--rich", action="store_true", help="the rich org (every table) instead of the lean one")
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    shape = "rich" if args.rich else "lean"
    print("| people | shape | tool | seconds | MB/s | peak MB | x teamgraph |")
    print("|---:|---|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            folder = Path(tmp) / str(n)
            # Written by another process: a worker forked from a big parent would inherit its peak.
            subprocess.run([sys.executable, str(HERE / "synthetic_org.py"), str(n), str(folder)]
                           + (["--rich"] if args.rich else []), check=True)
            size_mb = sum((folder / f).stat().st_size for f in files(folder)) / 1e6
            results = {tool: measure(tool, folder, args.repeat) for tool in TOOLS}
            base = results["teamgraph.read_org"]["seconds"]
            for tool, r in results.items():
                print(f"| {n:,} | {shape} | {tool} | {r['seconds']:.3f} | {size_mb / r['seconds']:.0f} | {r['peak_mb']:.0f} | "
                      f"{r['seconds'] / base:.2f} |", flush=True)


if __name__ == "__main__":
    main()
