"""Second, blind reading of a hand-labelled Reuters training sample, and its agreement.

Usage: python bench/crosscheck_labels.py show [--n 80] [--seed 20261204] [--csv FILE]
       python bench/crosscheck_labels.py compare MINE [--n 80] [--seed 20261204] [--csv FILE]

``show`` draws ``--n`` rows of the sample (default
``tests/classify/data/reuters_train_sample_b.csv``) at random with a fixed seed and prints
each one's sentence from ``../shared/corpora/reuters-2016-2017-sample.jsonl`` by its offsets,
without the first annotator's type, source or target, so that a second annotator labels
blind. (The target is hidden too: the first annotator leaves it empty for almost every NONE,
so it would give the label away.) Only where a sentence has more than one row is the row's
source printed, to say which of its events the row is.

``compare`` reads the second annotator's labels, a CSV kept outside the repository with the
columns ``k,plover_type,source_text,target_text`` (``k`` the number ``show`` printed), and
prints the agreement with the file: type (raw and Cohen's kappa), event vs NONE (raw and
kappa), source and target (the same mention: equal, or one inside the other, ignoring
case), and every disagreement. Nothing is written; the repository keeps offsets and labels,
never the text.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO.parent / "shared" / "corpora" / "reuters-2016-2017-sample.jsonl"
LABELS = REPO / "tests" / "classify" / "data" / "reuters_train_sample_b.csv"
SEED = 20261204
N = 80


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def drawn(rows: list[dict], n: int = N, seed: int = SEED) -> list[int]:
    """Indices of ``n`` rows drawn at random with ``seed``, in file order."""
    return sorted(random.Random(seed).sample(range(len(rows)), min(n, len(rows))))


def texts() -> dict[str, str]:
    with SAMPLE.open(encoding="utf-8") as fh:
        return {a["id"]: a["text"] for a in map(json.loads, fh)}


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's kappa of two labellings of the same items."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def same_mention(x: str, y: str) -> bool:
    """Both empty, or the same mention written more or less fully ("Trump", "Donald Trump")."""
    x, y = x.strip().lower(), y.strip().lower()
    if not x or not y:
        return x == y
    return x in y or y in x


def show(rows: list[dict], picked: list[int]) -> None:
    corpus = texts()
    per_sentence = Counter((r["article_id"], r["sent_start"]) for r in rows)
    for k, i in enumerate(picked):
        r = rows[i]
        sent = corpus[r["article_id"]][int(r["sent_start"]) : int(r["sent_end"])]
        several = per_sentence[(r["article_id"], r["sent_start"])] > 1
        hint = f" (one of several rows; source: {r['source_text']})" if several else ""
        print(f"#{k} row {i} {r['article_id']}{hint}")
        print(f"    {sent}")


def compare(rows: list[dict], picked: list[int], mine_path: Path) -> None:
    mine = {int(m["k"]): m for m in read_rows(mine_path)}
    pairs = [(rows[i], mine[k]) for k, i in enumerate(picked) if k in mine]
    n = len(pairs)
    first = [r["plover_type"] for r, _ in pairs]
    second = [m["plover_type"] for _, m in pairs]
    ev1 = ["event" if t != "NONE" else "NONE" for t in first]
    ev2 = ["event" if t != "NONE" else "NONE" for t in second]
    both_event = [(r, m) for r, m in pairs if "NONE" not in (r["plover_type"], m["plover_type"])]
    both_typed = [(r, m) for r, m in both_event if r["plover_type"] == m["plover_type"]]

    def agree(xs: Sequence[str], ys: Sequence[str]) -> str:
        same = sum(x == y for x, y in zip(xs, ys, strict=True))
        return f"{same}/{len(xs)} = {same / len(xs):.1%}, kappa {cohen_kappa(xs, ys):.3f}"

    def mentions(ps: list[tuple[dict, dict]], col: str) -> str:
        same = sum(same_mention(r[col], m[col]) for r, m in ps)
        return f"{same}/{len(ps)}"

    print(f"{n} of {len(picked)} drawn rows compared")
    print(f"type: {agree(first, second)}")
    print(f"event vs NONE: {agree(ev1, ev2)}")
    print(f"type where both say event: {len(both_typed)}/{len(both_event)}")
    print(f"source, all rows (a NONE's speaker included): {mentions(pairs, 'source_text')}")
    print(f"source, rows both call an event: {mentions(both_event, 'source_text')}")
    print(f"target, rows both call an event: {mentions(both_event, 'target_text')}")
    print(f"first: {dict(Counter(first).most_common())}")
    print(f"second: {dict(Counter(second).most_common())}")
    print("disagreements (k, row, first -> second):")
    for k, i in enumerate(picked):
        if k not in mine:
            continue
        r, m = rows[i], mine[k]
        cols = ("plover_type", "source_text", "target_text")
        if r["plover_type"] == m["plover_type"] == "NONE":
            cols = ("plover_type",)  # a NONE's source is only its speaker
        diff = [c for c in cols if not same_mention(r[c], m[c])]
        if diff:
            a = " | ".join(r[c] for c in cols)
            b = " | ".join(m[c] for c in cols)
            print(f"  #{k} row {i} {r['article_id']} [{', '.join(diff)}]: {a}  ->  {b}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("show", "compare"))
    ap.add_argument("mine", nargs="?", type=Path, help="the second labels (compare)")
    ap.add_argument("--n", type=int, default=N)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--csv", type=Path, default=LABELS, help="the labelled sample")
    args = ap.parse_args()
    rows = read_rows(args.csv)
    picked = drawn(rows, args.n, args.seed)
    if args.mode == "show":
        show(rows, picked)
    elif args.mine is None:
        ap.error("compare needs the file of second labels")
    else:
        compare(rows, picked, args.mine)


if __name__ == "__main__":
    main()
