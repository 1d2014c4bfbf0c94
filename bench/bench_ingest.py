"""Benchmark: ``summitry ingest`` of a news JSONL corpus vs DuckDB's raw JSON load of it.

    python bench/bench_ingest.py [--quick] [--sizes 50000 100000] [--threshold 0.8]

Generates JSON Lines corpora of news-sized articles (2-4 KB: sentences drawn from the shared
Reuters corpus, so the vocabulary and sentence lengths are real), with 3% exact duplicates
and 3% near-duplicates (wire copies: new dateline, last sentence changed), at two sizes
(50,000 and 100,000 documents; ``--quick``: 5,000 and 10,000). For each size it measures,
each in a fresh process and store:

- ceiling: DuckDB ``read_json_auto`` of the same file into a table (``CREATE TABLE AS``);
- summitry ingest (read, map fields, date, detect language, exact + MinHash-LSH
  near-duplicate check, insert into ``documents`` + the LSH index): wall time, CPU seconds
  (main process, its DuckDB threads and the analysis workers) and peak RSS of the main
  process (VmHWM) and of the largest worker (forked: its figure includes the pages it
  shares with the main process), taken before the bench's own checking queries;
- near-duplicate quality: the record ids say which records are planted near-duplicates and
  of which story, so recall (planted near-duplicates linked to their story) and false links
  (a document linked to a different story, or a distinct story linked at all) are counted;
- a re-run of the same ingest (must skip the file: idempotence).

Prints a table; the target is at least 2,000 documents/s with memory flat as the corpus grows.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from rich.console import Console
from rich.table import Table

SHARED = Path(__file__).resolve().parents[2] / "shared"
REUTERS = SHARED / "corpora" / "reuters-2017-oct-nov.jsonl"
CITIES = ["MOSCOW", "WASHINGTON", "BEIJING", "BERLIN", "LONDON", "PARIS", "DA NANG", "KIEV"]

# the two measured scripts, run in their own processes, share this preamble
PEAK_MB = r"""
import json, resource, sys, time
def peak_mb():  # VmHWM: this process's own peak (ru_maxrss also counts, after exec, the
    # RSS of the bench process that forked it, which holds the generated corpus)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

INGEST = (
    PEAK_MB
    + r"""
from summitry.store import Store
from summitry.ingest import ingest_paths
store = Store(sys.argv[1])
t, c = time.perf_counter(), time.process_time()
s = ingest_paths(store, [sys.argv[2]], near_threshold=float(sys.argv[3]))
dt, cpu = time.perf_counter() - t, time.process_time() - c
me, kids = peak_mb(), resource.getrusage(resource.RUSAGE_CHILDREN)
n = store.count("documents")
story = lambda ext: ext.rsplit("-of", 1)[-1] if ext.startswith("near") else ext[3:]
linked = store.con.execute(
    "SELECT d.external_id, c.external_id FROM documents d JOIN documents c "
    "ON c.doc_id = d.canonical_id WHERE d.canonical_id <> d.doc_id").fetchall()
planted = store.con.execute(
    "SELECT count(*) FROM documents WHERE external_id LIKE 'near%'").fetchone()[0]
langs = dict(store.con.execute(
    "SELECT coalesce(language, '-'), count(*) FROM documents GROUP BY 1").fetchall())
store.close()
good = sum(1 for d, c in linked if d.startswith("near") and story(d) == story(c))
print(json.dumps({"seconds": dt, "records": s.records, "added": s.added, "docs": n,
                  "exact": s.exact_duplicates, "near": s.near_duplicates,
                  "near_planted_stored": planted, "near_good": good,
                  "false_links": len(linked) - good, "languages": langs,
                  "skipped": s.files_skipped, "failed": s.failed,
                  "cpu": cpu + kids.ru_utime + kids.ru_stime,
                  "rss_mb": me, "worker_rss_mb": kids.ru_maxrss / 1024}))
"""
)

BASELINE = (
    PEAK_MB
    + r"""
import duckdb
con = duckdb.connect(sys.argv[1])
t = time.perf_counter()
con.execute("CREATE TABLE docs AS SELECT * FROM read_json_auto(?, format='newline_delimited')",
            [sys.argv[2]])
n = con.execute("SELECT count(*) FROM docs").fetchone()[0]
dt = time.perf_counter() - t
con.close()
print(json.dumps({"seconds": dt, "docs": n, "rss_mb": peak_mb()}))
"""
)


def _sentences() -> list[str]:
    out = []
    with REUTERS.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            out.extend(s for s in re.split(r"(?<=[.!?])\s+", text) if 40 <= len(s) <= 400)
    return out


def generate(path: Path, n: int, seed: int = 7) -> dict[str, int]:
    """Write ``n`` JSON lines; return how many are exact and near duplicates."""
    rng = random.Random(seed)
    sentences = _sentences()
    made: list[tuple[int, str]] = []  # (record number, text) of distinct stories
    exact = near = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            roll = rng.random()
            if made and roll < 0.03:
                j, text = rng.choice(made[-5000:])
                ident = f"dup{i}-of{j}"
                exact += 1
            elif made and roll < 0.06:
                j, base = rng.choice(made[-5000:])
                body = base.split(" - ", 1)[-1].rsplit(" ", 25)[0]
                text = f"{rng.choice(CITIES)} (Wire) - {body} {rng.choice(sentences)}"
                ident = f"near{i}-of{j}"
                near += 1
            else:
                target = rng.randint(2000, 4000)
                parts = [f"{rng.choice(CITIES)} (Reuters) -"]
                size = len(parts[0])
                while size < target:
                    s = rng.choice(sentences)
                    parts.append(s)
                    size += len(s) + 1
                text = " ".join(parts)
                ident = f"doc{i}"
                made.append((i, text))
            day = rng.randint(1, 28)
            rec = {"id": ident, "title": f"Story {i}", "published": f"2017-11-{day:02d}",
                   "section": "politics", "text": text}  # fmt: skip
            fh.write(json.dumps(rec) + "\n")
    return {"exact": exact, "near": near}


def _run(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True,
                         text=True)  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 and 10,000 documents")
    parser.add_argument("--sizes", type=int, nargs=2, default=None)
    parser.add_argument("--threshold", type=float, default=None,
                        help="near-duplicate threshold (default: summitry's)")  # fmt: skip
    args = parser.parse_args()
    from summitry.ingest import DEFAULT_THRESHOLD

    threshold = str(args.threshold or DEFAULT_THRESHOLD)
    sizes = args.sizes or ([5_000, 10_000] if args.quick else [50_000, 100_000])
    console = Console(width=160)
    table = Table(
        title=f"ingest: JSONL news corpus (one file), fresh process and store per row; "
        f"near-duplicate threshold {threshold}; {os.cpu_count()} CPUs, load average "
        f"{os.getloadavg()[0]:.1f} at start"
    )
    for col in ("documents", "MB", "step", "seconds", "docs/s", "CPU s", "peak RSS MB",
                "result"):  # fmt: skip
        table.add_column(col, justify="right" if col not in ("step", "result") else "left")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            corpus = Path(tmp) / f"news{n}.jsonl"
            planted = generate(corpus, n)
            mb = f"{corpus.stat().st_size / 1e6:,.0f}"
            base = _run(BASELINE, str(Path(tmp) / f"base{n}.duckdb"), str(corpus))
            table.add_row(f"{n:,}", mb, "DuckDB read_json_auto (ceiling)", f"{base['seconds']:.2f}",
                          f"{n / base['seconds']:,.0f}", "", f"{base['rss_mb']:,.0f}",
                          f"{base['docs']:,} rows")  # fmt: skip
            db = str(Path(tmp) / f"ingest{n}.duckdb")
            res = _run(INGEST, db, str(corpus), threshold)
            langs = ", ".join(f"{k} {v:,}" for k, v in sorted(res["languages"].items()))
            table.add_row(
                "", "", "summitry ingest", f"{res['seconds']:.2f}",
                f"{res['records'] / res['seconds']:,.0f}", f"{res['cpu']:.1f}",
                f"{res['rss_mb']:,.0f} (+ worker {res['worker_rss_mb']:,.0f})",
                f"{res['added']:,} stored, {res['exact']:,} exact dups "
                f"(planted {planted['exact']:,}); near-dups: {res['near_good']:,} of "
                f"{res['near_planted_stored']:,} planted linked to their story "
                f"(recall {res['near_good'] / max(res['near_planted_stored'], 1):.1%}), "
                f"{res['false_links']} false links; language {langs}; {res['failed']} failed",
            )  # fmt: skip
            again = _run(INGEST, db, str(corpus), threshold)
            table.add_row(
                "", "", "re-run (idempotent)", f"{again['seconds']:.2f}", "", "",
                f"{again['rss_mb']:,.0f}",
                f"{again['skipped']} file skipped, {again['docs']:,} documents",
            )  # fmt: skip
            console.print(f"[dim]{n:,} documents done[/]")
    console.print(table)


if __name__ == "__main__":
    main()
