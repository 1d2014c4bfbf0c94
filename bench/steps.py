"""Shared by the benchmarks: run one timed step in a fresh Python process."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path


def run(code: str, *args: str, cwd: Path, marker: str = "stdout") -> tuple[float, dict, str]:
    """Run ``python -c code args`` in ``cwd``: (seconds, the JSON after the last ``@@`` line
    of ``marker`` (stdout or stderr), stdout). A failed step ends the benchmark with its
    output's tail."""
    t = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True
    )
    dt = time.perf_counter() - t
    if out.returncode != 0:
        sys.exit(f"step failed ({' '.join(args)}):\n{out.stdout[-2000:]}\n{out.stderr[-4000:]}")
    text = out.stdout if marker == "stdout" else out.stderr
    line = next(ln for ln in reversed(text.splitlines()) if ln.startswith("@@"))
    return dt, json.loads(line[2:]), out.stdout
