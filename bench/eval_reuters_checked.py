"""Precision on the hand-checked Reuters samples, re-scored with the current coder.

Usage: python bench/eval_reuters_checked.py [-v]

Samples (references only; the text is read from ../shared):
  reuters_checked.csv      170 events checked against an older coder (meetings, statements)
  reuters_checked_v2.csv   dev-v1: 120 random events (seed 20261201) before the precision
                           fixes, used to write them; heldout-v2: 100 random events (seed 7)
                           of the fixed coder, not used for development (the headline figure)
  reuters_checked_v3.csv   coder 0.3 (rules + event classifier): random-v3, 60 random events of
                           the whole corpus (seed 3); model-v3, 30 random events whose type came
                           from the model alone (seed 4); judged by reading each sentence
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "coding" / "data"
SAMPLES = [
    (DATA / "reuters_checked.csv", None),
    (DATA / "reuters_checked_v2.csv", "dev-v1"),
    (DATA / "reuters_checked_v2.csv", "heldout-v2"),
    (DATA / "reuters_checked_v3.csv", "random-v3"),
    (DATA / "reuters_checked_v3.csv", "model-v3"),
]
REUTERS = REPO.parent / "shared" / "corpora" / "reuters-2017-oct-nov.jsonl"


def _pct(k: int, n: int) -> str:
    return f"{k}/{n} = {k / n:.1%}"


def main() -> None:
    from summitry.coding import Coder
    from summitry.coding.checked import score_checked

    coder = Coder()
    print(f"{'sample':<44} {'n':>4}  {'type':>16} {'source':>16} {'target':>16}")
    for path, sample in SAMPLES:
        items = list(csv.DictReader(path.open(encoding="utf-8")))
        if sample is not None:
            items = [i for i in items if i["sample"] == sample]
        n = len(items)
        j = {k: sum(int(i[k]) for i in items) for k in ("type_ok", "source_ok", "target_ok")}
        name = path.name + (f" {sample}" if sample else "")
        print(
            f"{name + ' (as judged)':<44} {n:>4}  {_pct(j['type_ok'], n):>16} "
            f"{_pct(j['source_ok'], n):>16} {_pct(j['target_ok'], n):>16}"
        )
        sc = score_checked(path, REUTERS, coder, sample=sample)
        print(
            f"{'  current coder vs answers':<44} {n:>4}  {_pct(sc.type_ok, n):>16} "
            f"{_pct(sc.source_ok, n):>16} {_pct(sc.target_ok, n):>16}"
            f"  regressions {len(sc.regressions)}"
        )
        if "-v" in sys.argv:
            for f in [*sc.regressions, *sc.failures]:
                print("     ", f)
    print(
        "as judged: the coder's output when the sample was drawn, judged by reading each "
        "sentence;\ncurrent coder vs answers: today's coder against the judged-correct "
        "answers (an event that should not exist counts wrong in all three fields; '?' marks "
        "a right actor the KB cannot name)"
    )


if __name__ == "__main__":
    main()
