"""Benchmark: the briefing (``summitry brief``), from the knowledge pack alone and with a store
of imported synthetic event data, beside a baseline measured in the same run.

    python bench/bench_brief.py [--rows-per-day 100] [--start 2016-06-01] [--end 2026-06-30]
    python bench/bench_brief.py --quick      # 25 rows a day

Each step runs in a fresh Python process (so its peak RSS is its own) and is timed from the
outside (interpreter start included):

- baseline: load the knowledge pack into a fresh store (``summitry knowledge load``);
- brief --between "Donald Trump" "Vladimir Putin" on a fresh store (pack only; HTML, Markdown
  and PDF), and ``--countries USA RUS``;
- setup, not a target: import synthetic GDELT 2.0 rows (``summitry.eventdata.synthetic``,
  random actors among 12 countries, about 1.4% of rows between the USA and Russia) covering
  the date span;
- the same two briefings on that store (index, impact with 1,000 bootstrap draws and 200
  placebo dates per window, third-party impact, charts).

Target (issue 6): a briefing from the pack alone in under a minute.
"""

from __future__ import annotations

import argparse
import random
import re
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from steps import run  # bench/steps.py: the script's folder is on sys.path

CHILD = r"""
import json, resource, sys
from summitry.cli import app
try:
    app(sys.argv[1:], standalone_mode=False)
finally:
    print("@@" + json.dumps({"rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

IMPORT = r"""
import json, resource, sys
from pathlib import Path
from summitry.eventdata.importer import Importer, ImportOptions
from summitry.store import Store
store = Store(sys.argv[1])
files = sorted(Path(sys.argv[2]).glob("*.export.CSV"))
imp = Importer(store, ImportOptions())
imp.import_files([(f, str(f)) for f in files], hint="gdelt")
n = store.con.execute("SELECT count(*) FROM events WHERE origin = 'imported'").fetchone()[0]
d = store.con.execute(
    "SELECT count(*) FROM events WHERE origin = 'imported' AND ((source_iso3 = 'USA' AND "
    "target_iso3 = 'RUS') OR (source_iso3 = 'RUS' AND target_iso3 = 'USA'))").fetchone()[0]
store.close()
print("@@" + json.dumps({"rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                         "rows": n, "dyad": d}))
"""


def write_events(folder: Path, start: date, end: date, per_day: int, seed: int = 7) -> int:
    """Synthetic GDELT 2.0 export files, one per month."""
    from summitry.eventdata.synthetic import gdelt_row, write_gdelt

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    event_id, month, rows, n = 900_000_000, None, [], 0

    def flush() -> None:
        if rows:
            write_gdelt(folder / f"{month:%Y%m}01000000.export.CSV", rows)

    d = start
    while d <= end:
        if month is None or (d.year, d.month) != (month.year, month.month):
            flush()
            month, rows = d, []
        for _ in range(per_day):
            event_id += 1
            rows.append(gdelt_row(rng, event_id, d))
            n += 1
        d += timedelta(days=1)
    flush()
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows-per-day", type=int, default=100)
    parser.add_argument("--start", type=date.fromisoformat, default=date(2016, 6, 1))
    parser.add_argument("--end", type=date.fromisoformat, default=date(2026, 6, 30))
    parser.add_argument("--quick", action="store_true", help="25 synthetic rows a day")
    args = parser.parse_args()
    if args.quick:
        args.rows_per_day = 25

    between = ["brief", "--between", "Donald Trump", "Vladimir Putin"]
    countries = ["brief", "--countries", "USA", "RUS"]
    rows: list[tuple[str, float, float, str]] = []
    with tempfile.TemporaryDirectory(prefix="bench-brief-") as tmp:
        tmp_path = Path(tmp)

        def step(label: str, db: str, argv: list[str], note: str = "") -> None:
            dt, info, out = run(CHILD, "--db", str(tmp_path / db), *argv, cwd=tmp_path)
            if not note and argv[0] == "brief":
                flat = " ".join(out.split("@@")[0].split())
                m = re.search(r"(\d+ meetings \([^)]*\)).*?(\d+ references)", flat)
                note = f"{m.group(1)}, {m.group(2)}" if m else ""
                m = re.search(r"relationship index over ([\d,]+) events.*?: (\d+ of \d+)", flat)
                note += (
                    f"; index over {m.group(1)} events, {m.group(2)} impact estimates"
                    if m
                    else "; measured parts: insufficient data"
                )
            rows.append((label, dt, info["rss_mb"], note))

        step(
            "baseline: summitry knowledge load (fresh store)",
            "base.duckdb",
            ["knowledge", "load"],
            "reads and loads the pack",
        )
        step("brief --between, pack only (fresh store)", "pack.duckdb", between)
        step("brief --countries USA RUS, pack only", "pack.duckdb", countries)

        t = time.perf_counter()
        n_rows = write_events(tmp_path / "gdelt", args.start, args.end, args.rows_per_day)
        gen_s = time.perf_counter() - t
        dt, info, _ = run(
            IMPORT, str(tmp_path / "events.duckdb"), str(tmp_path / "gdelt"), cwd=tmp_path
        )
        rows.append(
            (
                "setup: import synthetic GDELT rows",
                dt,
                info["rss_mb"],
                f"{info['rows']:,} events, {info['dyad']:,} USA-RUS; generated in {gen_s:.1f} s",
            )
        )
        step("brief --between, pack + imported events", "events.duckdb", between)
        step("brief --countries USA RUS, pack + imported events", "events.duckdb", countries)

    print(
        f"\nbriefing benchmark: {n_rows:,} synthetic GDELT rows "
        f"({args.rows_per_day}/day, {args.start} to {args.end}); formats html, md, pdf\n"
    )
    print(f"{'step':52} {'wall s':>7} {'peak RSS MB':>12}  note")
    print("-" * 110)
    base = rows[0][1]
    for label, dt, rss, note in rows:
        ratio = f" ({dt / base:.1f}x baseline)" if label.startswith("brief") else ""
        print(f"{label:52} {dt:>7.2f} {rss:>12.0f}  {note}{ratio}")


if __name__ == "__main__":
    main()
