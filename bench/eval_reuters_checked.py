"""Precision on the hand-checked Reuters sample, re-scored with the current coder.

Usage: python bench/eval_reuters_checked.py [-v]
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "tests" / "coding" / "data" / "reuters_checked.csv"
REUTERS = REPO.parent / "shared" / "corpora" / "reuters-2017-oct-nov.jsonl"


def main() -> None:
    from summitry.coding import Coder
    from summitry.coding.checked import score_checked

    items = list(csv.DictReader(SAMPLE.open(encoding="utf-8")))
    n = len(items)
    judged = {k: sum(int(i[k]) for i in items) for k in ("type_ok", "source_ok", "target_ok")}
    print(
        f"hand-checked sample: {n} events "
        "(coder output at check time, judged by reading each sentence)"
    )
    print(
        f"  as judged:   type {judged['type_ok']}/{n} = {judged['type_ok'] / n:.1%}; "
        f"source {judged['source_ok']}/{n} = {judged['source_ok'] / n:.1%}; "
        f"target {judged['target_ok']}/{n} = {judged['target_ok'] / n:.1%}"
    )
    sc = score_checked(SAMPLE, REUTERS, Coder())
    print(
        f"  current coder vs the judged-correct answers: type {sc.type_ok}/{n} = "
        f"{sc.type_ok / n:.1%}; source {sc.source_ok}/{n} = {sc.source_ok / n:.1%}; "
        f"target {sc.target_ok}/{n} = {sc.target_ok / n:.1%}"
    )
    if "-v" in sys.argv:
        for f in sc.failures:
            print("   ", f)


if __name__ == "__main__":
    main()
