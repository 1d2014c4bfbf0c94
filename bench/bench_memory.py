"""Benchmark: peak memory of ``summitry ingest`` on big and hostile inputs.

    python bench/bench_memory.py [--quick] [--sizes 10 100 1000] [--keep]

For each size (MB of input: 10, 100 and 1,000; ``--quick``: 10 only) the inputs are
generated under /tmp and deleted after their run:

- one line: a ``.txt`` that is one line, and a ``.jsonl`` that is one record on one line;
- many short lines: a ``.txt`` of short lines (one document), and a ``.jsonl`` of short
  records (every one is ingested: this is the large-corpus case);
- gz: the short-lines ``.txt`` gzipped, and a ``.jsonl.gz`` of zeros (a decompression bomb).

Each runs as ``summitry ingest FILE`` in a fresh process and store, printing what the command
did (documents added, or the one-line refusal) and its memory: the peak, sampled every 20 ms,
of the proportional set size (PSS) summed over the command's process and its analysis
workers (they start for inputs of 16 MB or more; PSS counts a page the forked workers share
with the main process once, where adding up their RSS would count it in each), and the main
process's own peak RSS (VmHWM). Baseline, same run: the same command on a one-record file.
Target: under 600 MB for every input.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.table import Table

MB = 10**6
TARGET_MB = 600
WORDS = [
    "minister",
    "summit",
    "talks",
    "agreed",
    "sanctions",
    "border",
    "trade",
    "envoy",
    "security",
    "council",
    "treaty",
    "missile",
    "pipeline",
    "election",
    "vote",
    "parliament",
    "coalition",
    "ceasefire",
    "delegation",
    "spokesman",
    "embassy",
    "official",
    "statement",
    "visit",
    "bilateral",
    "economic",
    "energy",
    "nuclear",
    "agreement",
]

# runs the command in this process and reports its own peak (VmHWM) and its children's
CHILD = r"""
import atexit, json, resource, sys
OUT = sys.argv[1]
def report():
    hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(OUT, "w") as fh:
        json.dump({"main_mb": hwm / 1024, "worker_mb": kids / 1024}, fh)
atexit.register(report)
sys.argv = ["summitry", "--db", sys.argv[2], "ingest", sys.argv[3]]
from summitry.cli import main
main()
"""


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))).capitalize() + "."


def _write(path: Path, size: int, piece: Callable[[random.Random], bytes], gz: bool = False):
    rng = random.Random(size)
    opener = gzip.open if gz else open
    written = 0
    with opener(path, "wb") as fh:  # type: ignore[operator]
        while written < size:
            data = piece(rng)
            fh.write(data)
            written += len(data)


def one_line_txt(path: Path, size: int) -> None:
    _write(path, size, lambda r: (" ".join(_sentence(r) for _ in range(200)) + " ").encode())


def one_line_jsonl(path: Path, size: int) -> None:
    with path.open("wb") as fh:
        fh.write(b'{"id": "one", "text": "')
        rng = random.Random(size)
        written = 0
        while written < size:
            data = (" ".join(_sentence(rng) for _ in range(200)) + " ").encode()
            fh.write(data)
            written += len(data)
        fh.write(b'"}\n')


def short_lines_txt(path: Path, size: int, gz: bool = False) -> None:
    _write(path, size, lambda r: "".join(_sentence(r) + "\n" for _ in range(200)).encode(), gz)


def short_records_jsonl(path: Path, size: int) -> None:
    counter = iter(range(10**9))

    def piece(rng: random.Random) -> bytes:
        lines = []
        for _ in range(100):
            n = next(counter)
            text = f"Report {n}. " + " ".join(_sentence(rng) for _ in range(rng.randint(2, 6)))
            lines.append(json.dumps({"id": n, "text": text, "published": "2018-07-16"}))
        return ("\n".join(lines) + "\n").encode()

    _write(path, size, piece)


def zeros_gz(path: Path, size: int) -> None:
    _write(path, size, lambda r: bytes(1 << 20), gz=True)


CASES: list[tuple[str, str, Callable[[Path, int], None]]] = [
    ("one line", "one.txt", one_line_txt),
    ("one line", "one.jsonl", one_line_jsonl),
    ("many short lines", "lines.txt", short_lines_txt),
    ("many short lines", "records.jsonl", short_records_jsonl),
    ("gz", "lines.txt.gz", lambda p, s: short_lines_txt(p, s, gz=True)),
    ("gz", "zeros.jsonl.gz", zeros_gz),
]


def run(work: Path, name: str, size: int, make: Callable[[Path, int], None]) -> dict:
    """Generate the input, ingest it in a fresh process and store, delete both."""
    path = work / name
    make(path, size)
    on_disk = path.stat().st_size
    db, out = work / "bench.duckdb", work / "peak.json"
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(out), str(db), str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "COLUMNS": "300"},
    )
    sampler = PssSampler(proc.pid)
    sampler.start()
    stdout, stderr = proc.communicate()
    sampler.stop()
    seconds = time.perf_counter() - t0
    peak = {**json.loads(out.read_text()), "pss_mb": sampler.peak_kb / 1024}
    p = subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)
    flat = " ".join((p.stdout + " " + p.stderr).split())
    added = next((w for w in _after(flat, "documents added")), "?")
    flat = flat.replace(f"{path}:", "").replace(str(path), name)
    error = flat[flat.find("error:") + 7 :].split(" │")[0][:110] if "error:" in flat else ""
    for f in work.iterdir():
        f.unlink() if f.is_file() else shutil.rmtree(f)
    return {"bytes": on_disk, "seconds": seconds, "added": added, "error": error, **peak}


class PssSampler(threading.Thread):
    """Samples the summed PSS of a process and its descendants until stopped."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self._done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.02):
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(p) for p in _tree(self.pid)))

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except OSError:
            continue
    return out


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            return next((int(line.split()[1]) for line in fh if line.startswith("Pss:")), 0)
    except OSError:
        return 0


def _after(text: str, label: str) -> list[str]:
    i = text.find(label)
    return [w for w in text[i + len(label) :].split() if w.replace(",", "").isdigit()][:1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="10 MB inputs only")
    ap.add_argument("--sizes", type=int, nargs="+", help="input sizes in MB")
    args = ap.parse_args()
    sizes = args.sizes or ([10] if args.quick else [10, 100, 1000])
    console = Console()
    work = Path(tempfile.mkdtemp(prefix="summitry-bench-memory-", dir="/tmp"))
    try:
        base = run(work, "tiny.jsonl", 1, lambda p, s: short_records_jsonl(p, 300))
        table = Table(title=f"summitry ingest: peak RSS (target < {TARGET_MB} MB)")
        for col in ("input", "file", "MB on disk", "seconds", "documents added",
                    "peak MB (PSS, all processes)", "main VmHWM MB", "what happened"):  # fmt: skip
            table.add_column(col)
        table.add_row("baseline: one record", "tiny.jsonl", f"{base['bytes'] / MB:.3f}",
                      f"{base['seconds']:.1f}", base["added"], f"{base['pss_mb']:,.0f}",
                      f"{base['main_mb']:,.0f}", "ingested")  # fmt: skip
        worst = 0.0
        for size in sizes:
            for label, name, make in CASES:
                r = run(work, name, size * MB, make)
                worst = max(worst, r["pss_mb"])
                table.add_row(f"{label}, {size:,} MB", name, f"{r['bytes'] / MB:,.1f}",
                              f"{r['seconds']:.1f}", r["added"], f"{r['pss_mb']:,.0f}",
                              f"{r['main_mb']:,.0f}", r["error"] or "ingested")  # fmt: skip
        console.print(table)
        ok = worst < TARGET_MB
        console.print(f"worst peak {worst:,.0f} MB: {'within' if ok else 'OVER'} the target")
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
