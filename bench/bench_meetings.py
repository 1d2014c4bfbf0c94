"""Benchmark: meeting episodes (``summitry meetings build`` and ``summitry meetings``) over a
store of generated news documents and imported GDELT-shaped events, beside a plain DuckDB
GROUP BY over the same consult events measured in the same run.

    python bench/bench_meetings.py          # 25,000 docs + 50,000 events, then 50,000 + 100,000
    python bench/bench_meetings.py --quick  # 2,500 + 5,000, then 5,000 + 10,000

Setup (not a target): documents are generated as in ``bench_ingest.py`` (Reuters sentences
rearranged, 2-4 KB each, published over November 2017) and ingested; events are synthetic
GDELT 2.0 rows (``summitry.eventdata.synthetic``) over June 2017 - May 2018, a third of them
consult events (CAMEO 040-046) whose actors name leaders ("VLADIMIR PUTIN", "PRESIDENT" of
the United States, ...), imported with ``summitry import gdelt``. Each measured step runs in
a fresh Python process (its peak RSS is its own) and is timed from the outside:

- baseline: one DuckDB ``GROUP BY`` of the consult events by country pair and day;
- ``summitry meetings build``: every episode rebuilt (reports, roles on the date, episodes,
  evidence read from the stored articles of the same days, written to the store);
- ``summitry meetings --format csv`` (every leaders' episode) and ``--between`` one pair.

Target (issue 12): ``summitry meetings`` under 30 s at 50,000 documents and 100,000
events, with peak memory flat as the store doubles.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from steps import run  # bench/steps.py: the script's folder is on sys.path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_ingest import generate  # noqa: E402  (the ingest benchmark's corpus generator)

CHILD = r"""
import json, resource, sys
from summitry.cli import app
try:
    app(sys.argv[1:], standalone_mode=False)
finally:
    sys.stdout.flush()
    print("@@" + json.dumps({"rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}),
          file=sys.stderr)
"""

BASELINE = r"""
import json, resource, sys, time
import duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
t = time.perf_counter()
rows = con.execute(
    "SELECT least(source_iso3, target_iso3) a, greatest(source_iso3, target_iso3) b, "
    "event_date, count(*) n FROM events WHERE substr(cameo_code, 1, 2) = '04' "
    "AND source_iso3 IS NOT NULL AND target_iso3 IS NOT NULL AND source_iso3 <> target_iso3 "
    "GROUP BY ALL ORDER BY ALL").fetchall()
n = con.execute("SELECT count(*) FROM events WHERE substr(cameo_code, 1, 2) = '04'").fetchone()[0]
print("@@" + json.dumps({"rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                         "groups": len(rows), "consult": n, "seconds": time.perf_counter() - t}),
      file=sys.stderr)
"""

IMPORT = r"""
import json, resource, sys
from pathlib import Path
from summitry.eventdata.importer import Importer, ImportOptions
from summitry.store import Store
store = Store(sys.argv[1])
files = sorted(Path(sys.argv[2]).glob("*.export.CSV"))
Importer(store, ImportOptions()).import_files([(f, str(f)) for f in files], hint="gdelt")
n = store.con.execute("SELECT count(*) FROM events WHERE origin = 'imported'").fetchone()[0]
store.close()
print("@@" + json.dumps({"rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                         "rows": n}), file=sys.stderr)
"""

INGEST = r"""
import json, resource, sys
from summitry.ingest import ingest_paths
from summitry.store import Store
store = Store(sys.argv[1])
s = ingest_paths(store, [sys.argv[2]], workers=0)
store.close()
print("@@" + json.dumps({"rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                         "added": s.added}), file=sys.stderr)
"""

# (GDELT actor code, name, country) of people the actors KB knows as leaders in 2017-18
LEADERS = [
    ("USAGOV", "PRESIDENT", "USA"),
    ("USAGOV", "DONALD TRUMP", "USA"),
    ("RUSGOV", "VLADIMIR PUTIN", "RUS"),
    ("CHNGOV", "XI JINPING", "CHN"),
    ("JPNGOV", "SHINZO ABE", "JPN"),
    ("DEUGOV", "ANGELA MERKEL", "DEU"),
    ("FRAGOV", "EMMANUEL MACRON", "FRA"),
    ("GBRGOV", "THERESA MAY", "GBR"),
    ("TURGOV", "RECEP TAYYIP ERDOGAN", "TUR"),
    ("INDGOV", "NARENDRA MODI", "IND"),
    ("KORGOV", "MOON JAE-IN", "KOR"),
    ("CANGOV", "JUSTIN TRUDEAU", "CAN"),
]
CONSULT = ["040", "041", "042", "043", "044", "045", "046"]


def _leader(fields: list[str], who: tuple[str, str, str]) -> None:
    code, name, iso3 = who
    fields[0], fields[1], fields[2] = code, name, iso3


def write_events(folder: Path, n: int, seed: int = 11) -> int:
    """``n`` synthetic GDELT 2.0 rows over a year, one file per month; a third are consult
    events between two leaders."""
    from summitry.eventdata.synthetic import gdelt_row, write_gdelt

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    start, days = date(2017, 6, 1), 365
    by_month: dict[str, list[list[str]]] = {}
    for i in range(n):
        day = start + timedelta(days=rng.randrange(days))
        if rng.random() < 1 / 3:
            row = gdelt_row(rng, 900_000_000 + i, day, code=rng.choice(CONSULT))
            a, b = rng.sample(LEADERS, 2)
            actor1, actor2 = row[5:15], row[15:25]
            _leader(actor1, a)
            _leader(actor2, b)
            row[5:15], row[15:25] = actor1, actor2
        else:
            row = gdelt_row(rng, 900_000_000 + i, day)
        by_month.setdefault(f"{day:%Y%m}", []).append(row)
    for month, rows in sorted(by_month.items()):
        write_gdelt(folder / f"{month}01000000.export.CSV", rows)
    return n


def measure(tmp: Path, n_docs: int, n_events: int) -> list[tuple[str, float, float, str]]:
    rows: list[tuple[str, float, float, str]] = []
    db = str(tmp / f"m{n_docs}.duckdb")
    corpus = tmp / f"news{n_docs}.jsonl"
    generate(corpus, n_docs)
    dt, info, _ = run(INGEST, db, str(corpus), cwd=tmp, marker="stderr")
    rows.append(("setup: ingest documents", dt, info["rss_mb"], f"{info['added']:,} documents"))
    write_events(tmp / f"gdelt{n_docs}", n_events)
    dt, info, _ = run(IMPORT, db, str(tmp / f"gdelt{n_docs}"), cwd=tmp, marker="stderr")
    rows.append(("setup: import events", dt, info["rss_mb"], f"{info['rows']:,} events"))
    dt, info, _ = run(BASELINE, db, cwd=tmp, marker="stderr")
    rows.append(
        (
            "baseline: DuckDB GROUP BY of consult events",
            dt,
            info["rss_mb"],
            f"{info['consult']:,} consult events -> {info['groups']:,} pair-days "
            f"(query {info['seconds']:.2f} s)",
        )
    )
    dt, info, out = run(CHILD, "--db", db, "meetings", "build", cwd=tmp, marker="stderr")
    rows.append(("summitry meetings build", dt, info["rss_mb"], " ".join(out.split())[-80:]))
    dt, info, out = run(CHILD, "--db", db, "meetings", "--format", "csv", cwd=tmp, marker="stderr")
    n = max(len(out.splitlines()) - 1, 0)
    rows.append(("summitry meetings --format csv", dt, info["rss_mb"], f"{n:,} episodes listed"))
    pair = ["--between", "Donald Trump", "Vladimir Putin"]
    dt, info, out = run(
        CHILD, "--db", db, "meetings", *pair, "--format", "csv", cwd=tmp, marker="stderr"
    )
    n = max(len(out.splitlines()) - 1, 0)
    rows.append(("summitry meetings --between (one pair)", dt, info["rss_mb"], f"{n:,} episodes"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    args = parser.parse_args()
    sizes = (
        [(2_500, 5_000), (5_000, 10_000)] if args.quick else [(25_000, 50_000), (50_000, 100_000)]
    )
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-meetings-") as tmp:
        for n_docs, n_events in sizes:
            results.append((n_docs, n_events, measure(Path(tmp), n_docs, n_events)))
    print(
        f"\nmeetings benchmark; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} "
        "at the end; target: summitry meetings under 30 s at 50,000 documents + 100,000 events\n"
    )
    print(f"{'documents':>9} {'events':>8}  {'step':44} {'wall s':>7} {'peak RSS MB':>11}  note")
    print("-" * 130)
    for n_docs, n_events, rows in results:
        for i, (label, dt, rss, note) in enumerate(rows):
            lead = f"{n_docs:>9,} {n_events:>8,}" if i == 0 else " " * 18
            print(f"{lead}  {label:44} {dt:>7.2f} {rss:>11.0f}  {note}")


if __name__ == "__main__":
    main()
