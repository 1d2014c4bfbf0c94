"""Run every benchmark and evaluation in ``bench/`` one after another.

    python bench/run.py                 # all of them, full size
    python bench/run.py --quick         # short runs where a benchmark has a quick mode
    python bench/run.py ingest coder    # only the ones whose file name contains a word

Each script prints its own table (with its baseline measured in the same run); this runner
adds a closing table of what ran, how long it took and whether it succeeded.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

HERE = Path(__file__).resolve().parent

# script -> extra arguments for a quick run (scripts without a quick mode run as they are)
QUICK_ARGS: dict[str, list[str]] = {
    "bench_ingest.py": ["--quick"],
    "bench_coder.py": ["--repeat", "1"],
    "bench_eventdata.py": ["--files", "12"],
    "bench_actors.py": ["--queries", "2000"],
    "bench_brief.py": ["--quick"],
    "bench_serve.py": ["--quick"],
}


def scripts(words: list[str]) -> list[Path]:
    """The benchmark and evaluation scripts, filtered by ``words`` when given."""
    found = sorted(p for p in HERE.glob("*.py") if p.name.startswith(("bench_", "eval_")))
    if words:
        found = [p for p in found if any(w in p.stem for w in words)]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("only", nargs="*", help="run only scripts whose name contains these")
    parser.add_argument("--quick", action="store_true", help="short runs")
    args = parser.parse_args()
    console = Console()
    summary = Table(title="bench/run.py")
    for col in ("script", "exit", "seconds"):
        summary.add_column(col)
    failed = 0
    for script in scripts(args.only):
        extra = QUICK_ARGS.get(script.name, []) if args.quick else []
        console.rule(f"{script.name} {' '.join(extra)}")
        t0 = time.perf_counter()
        rc = subprocess.call([sys.executable, str(script), *extra])
        failed += rc != 0
        summary.add_row(script.name, str(rc), f"{time.perf_counter() - t0:.1f}")
    console.print(summary)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
