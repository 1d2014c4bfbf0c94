"""Recall and precision by PLOVER type on the hand-annotated random Reuters sentences.

Usage: python bench/eval_recall.py [--split dev|heldout] [--rules-only] [--held] [-v]

``--held`` scores only the events the coder holds happened or announced (modality asserted,
reported or planned): a negated, refused, denied or hypothetical event ("Congress has not
agreed") is stored with its modality, and by default it counts as a coded event.

The set (tests/classify/data/reuters_recall.csv) is 200 sentences drawn uniformly at random
(seed 11) from the sentences of at least 4 words of ../shared/corpora/reuters-2017-oct-nov.jsonl,
not by trigger word; every PLOVER event in them was annotated by hand. ``dev`` (items 0-139)
was used to set the model's threshold; ``heldout`` (items 140-199) is scored only at the end.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "classify" / "data" / "reuters_recall.csv"
REUTERS = REPO.parent / "shared" / "corpora" / "reuters-2017-oct-nov.jsonl"


def _pct(k: int, n: int) -> str:
    return f"{k}/{n} = {k / n:.0%}" if n else "-"


def main() -> None:
    from summitry.classify.recall import load_recall, score_recall
    from summitry.coding import Coder
    from summitry.coding.checked import code_articles

    split = sys.argv[sys.argv.index("--split") + 1] if "--split" in sys.argv else None
    items = load_recall(GOLD, split)
    coder = Coder(model=None) if "--rules-only" in sys.argv else Coder()
    rows = code_articles(REUTERS, coder, {it.article_id for it in items})
    events: dict = {}
    for ev in rows.events:
        if "--held" in sys.argv and ev["modality"] not in ("asserted", "reported", "planned"):
            continue
        events.setdefault((ev["doc_id"], ev["start_char"]), []).append(ev)
    sc = score_recall(items, events)
    name = "rules only" if "--rules-only" in sys.argv else "rules + model"
    name += ", held events only" if "--held" in sys.argv else ""
    print(f"recall set [{split or 'all'}], {len(items)} sentences, {name}")
    print(f"{'type':<10} {'recall':>14} {'precision':>14}")
    tot = [0, 0, 0, 0]
    for t, (g, f, c, r) in sorted(sc.by_type.items()):
        print(f"{t:<10} {_pct(f, g):>14} {_pct(r, c):>14}")
        tot = [a + b for a, b in zip(tot, (g, f, c, r), strict=True)]
    print(f"{'ALL':<10} {_pct(tot[1], tot[0]):>14} {_pct(tot[3], tot[2]):>14}")
    print(f"target right on matched events: {_pct(sc.target_ok, sc.target_n)}")
    if "-v" in sys.argv:
        for line in sc.misses:
            print("  MISS ", line)
        for line in sc.wrong:
            print("  WRONG", line)


if __name__ == "__main__":
    main()
