"""PETRARCH2 unit-test suite: share of the 284 records our PETRARCH-compatible coder codes
exactly right with the PETR.Validate dictionaries (read from ../shared/petrarch2).

    python bench/eval_petrarch.py [--show-failures] [--shared PATH]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from summitry.petrarch.coder import Dictionaries
from summitry.petrarch.validation import read_records, run_suite, summarise

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "petrarch2"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--shared",
        type=Path,
        default=DEFAULT_SHARED,
        help="folder with PETR.UnitTest.records.xml and PETR.Validate.*.txt",
    )
    ap.add_argument("--show-failures", action="store_true", help="list every failing record")
    a = ap.parse_args(argv)
    base = a.shared
    xml = base / "PETR.UnitTest.records.xml"
    if not xml.is_file():
        print(f"error: {xml}: not found (give --shared)", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    dicts = Dictionaries.load(
        base / "PETR.Validate.actors.txt",
        base / "PETR.Validate.agents.txt",
        base / "PETR.Validate.verbs.txt",
        base / "PETR.Validate.discards.txt",
    )
    records = read_records(xml)
    t1 = time.perf_counter()
    outcomes = run_suite(records, dicts)
    t2 = time.perf_counter()
    s = summarise(outcomes)
    errors = sum(1 for r in records if r.enabled and r.expect_error)
    none_expected = sum(1 for r in records if r.enabled and not r.expected)

    def row(label: str, value: str) -> None:
        print(f"{label:<56}{value:>10}")

    print("PETRARCH unit-test records, PETR.Validate dictionaries")
    row("records in file", str(s["records"]))
    row('  marked sentence="false" by PETRARCH (reported apart)', str(s["skipped"]))
    row("scored records", str(s["scored"]))
    row("  of which expect no events (noevents / error=...)", str(none_expected))
    row("  of which expect an error (dateline, discard, bad parse)", str(errors))
    row("exactly right (all expected triples, no extra)", str(s["exact"]))
    row("share exactly right", f"{s['share']:.1%}")
    print("failure kinds (scored records):")
    for kind, n in s["kinds"].most_common():
        row(f"  {kind}", str(n))
    row(
        'sentence="false" records coded as PETRARCH expects',
        f"{s['skipped_exact']} of {s['skipped']}",
    )
    row("time: load dictionaries + records", f"{t1 - t0:.2f}s")
    row("time: code all records", f"{t2 - t1:.2f}s")
    if a.show_failures:
        print("\nfailures (id, kind, expected -> produced):")
        for o in outcomes:
            if o.kind != "exact":
                flag = "" if o.record.enabled else " [sentence=false]"
                print(
                    f"  {o.record.id}{flag}: {o.kind}\n    expected {sorted(o.record.expected)}"
                    f"\n    produced {sorted(o.produced)}  ({o.status})"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
