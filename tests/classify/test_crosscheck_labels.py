"""bench/crosscheck_labels.py: the draw is fixed by its seed, kappa and the mention match."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "bench" / "crosscheck_labels.py"
_SPEC = importlib.util.spec_from_file_location("bench_crosscheck_labels", _PATH)
cc = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(cc)


def test_the_draw_is_fixed_by_the_seed_and_within_the_file():
    rows = [{"k": str(i)} for i in range(370)]
    a, b = cc.drawn(rows, 80, 7), cc.drawn(rows, 80, 7)
    assert a == b and len(set(a)) == 80 and a == sorted(a)
    assert all(0 <= i < 370 for i in a)
    assert cc.drawn(rows, 80, 8) != a
    assert cc.drawn(rows[:5], 80, 7) == [0, 1, 2, 3, 4]  # never more rows than there are


def test_kappa_of_full_chance_and_worked_agreement():
    assert cc.cohen_kappa(["A", "B", "A"], ["A", "B", "A"]) == 1.0
    assert cc.cohen_kappa(["X", "X"], ["X", "X"]) == 1.0  # one label throughout
    # two readers who each say "yes" half the time and agree on half the items: chance
    assert cc.cohen_kappa(["y", "y", "n", "n"], ["y", "n", "y", "n"]) == pytest.approx(0.0)
    # 6 of 10 alike, each reader 6 "e" and 4 "n": chance 0.6 * 0.6 + 0.4 * 0.4 = 0.52
    first = list("eeeeeennnn")
    second = list("eeeenneenn")
    assert cc.cohen_kappa(first, second) == pytest.approx((0.6 - 0.52) / 0.48)


@pytest.mark.parametrize(
    ("x", "y", "same"),
    [
        ("Donald Trump", "Trump", True),
        ("the bank", "Bank", True),
        ("", "", True),
        ("Mexico", "", False),
        ("China", "Mexico", False),
    ],
)
def test_same_mention(x, y, same):
    assert cc.same_mention(x, y) is same
