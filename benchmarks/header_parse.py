"""How long a C++ file that uses teamgraph takes to parse, by the header it includes.

    python benchmarks/header_parse.py [--repeat 7] [--cxx g++]

Each file reads an org and assesses it (or, for errors.hpp, names one type); the compiler runs
with -std=c++20 -fsyntax-only, so only the headers' cost is timed. Prints the median wall time of
the runs and the preprocessed size. Run it on a quiet machine: it times one compiler process.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FILES = {
    "<teamgraph/errors.hpp>": "#include <teamgraph/errors.hpp>\nteamgraph::Problem p;\n",
    "<teamgraph/teamgraph.hpp>": (
        "#include <teamgraph/teamgraph.hpp>\n"
        "int main() { return teamgraph::assess(teamgraph::read_org(\"team\")).scores.empty(); }\n"
    ),
    "<teamgraph/teamgraph.hpp> + <teamgraph/org_parts.hpp>": (
        "#include <teamgraph/org_parts.hpp>\n#include <teamgraph/teamgraph.hpp>\n"
        "int main() { auto org = teamgraph::read_org(\"team\"); return org.hierarchy().layers; }\n"
    ),
}


def include_dirs(build: Path) -> list[str]:
    eigen = next((p for p in (Path("/usr/include/eigen3"), Path("/usr/local/include/eigen3")) if p.exists()), None)
    dirs = [ROOT / "include", build / "include"] + ([eigen] if eigen else [])
    return [f"-I{d}" for d in dirs]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--cxx", default="g++")
    parser.add_argument("--build", default=str(ROOT / "build" / "py"), help="a configured build (for version.hpp)")
    args = parser.parse_args()
    flags = [args.cxx, "-std=c++20", *include_dirs(Path(args.build))]
    print(f"| file includes | parse, median of {args.repeat} (s) | preprocessed lines |")
    print("|---|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in FILES.items():
            source = Path(tmp) / "use.cpp"
            source.write_text(text)
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                subprocess.run([*flags, "-fsyntax-only", str(source)], check=True)
                times.append(time.perf_counter() - start)
            lines = subprocess.run([*flags, "-E", str(source)], check=True, capture_output=True, text=True).stdout
            print(f"| {name} | {statistics.median(times):.2f} | {lines.count(chr(10)):,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
