"""Each measurement in a fresh process, so that its peak memory is its own; the best of several runs."""

from __future__ import annotations

import json
import subprocess
import sys


def best_of(script: str, worker_args: list[str], repeat: int) -> dict:
    """Runs `script --worker *worker_args` `repeat` times; each run prints a JSON object with
    "seconds" on its last line. Returns the fastest run's object."""
    best = None
    for _ in range(repeat):
        out = subprocess.run([sys.executable, script, "--worker", *worker_args], capture_output=True, text=True,
                             check=True)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        if best is None or result["seconds"] < best["seconds"]:
            best = result
    return best
