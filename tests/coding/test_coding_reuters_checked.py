"""Regression test: the hand-checked Reuters sample (references only; text read from ../shared)."""

from __future__ import annotations

from pathlib import Path

from summitry.coding.checked import score_checked

SAMPLE = Path(__file__).parent / "data" / "reuters_checked.csv"


def test_hand_checked_sample_precision(coder, reuters_path):
    sc = score_checked(SAMPLE, reuters_path, coder)
    assert sc.n >= 100
    detail = "\n".join(sc.failures)
    # the judged-correct answers: event type, source and target must each stay >= 90 %
    assert sc.type_ok / sc.n >= 0.90, detail
    assert sc.source_ok / sc.n >= 0.90, detail
    assert sc.target_ok / sc.n >= 0.90, detail
