"""Regression test: the second hand-checked Reuters sample (references only; text from ../shared).

``reuters_checked_v2.csv`` holds two uniform random samples of the coder's events on the
Reuters corpus, each judged by reading its sentence: ``dev-v1`` (120 events, seed 20261201,
drawn before the precision fixes and used to write them) and ``heldout-v2`` (100 events,
seed 7, drawn from the fixed coder and not used for development).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from summitry.coding.checked import score_checked

SAMPLE = Path(__file__).parent / "data" / "reuters_checked_v2.csv"


@pytest.mark.parametrize("sample,n", [("dev-v1", 120), ("heldout-v2", 100)])
def test_checked_sample_v2(coder, reuters_path, sample, n):
    sc = score_checked(SAMPLE, reuters_path, coder, sample=sample)
    assert sc.n == n
    # every field judged right when the sample was checked still comes out the same
    assert not sc.regressions, "\n".join(sc.regressions)
    detail = "\n".join(sc.failures)
    # and against the judged-correct answers, each field stays at 90 % or better
    assert sc.type_ok / sc.n >= 0.90, detail
    assert sc.source_ok / sc.n >= 0.90, detail
    assert sc.target_ok / sc.n >= 0.90, detail
