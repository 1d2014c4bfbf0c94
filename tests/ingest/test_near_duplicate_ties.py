"""The canonical of a near-duplicate does not depend on the order candidates arrive in
(DuckDB's join order changes with its threads and the machine's load)."""

from __future__ import annotations

import itertools

from summitry.ingest.pipeline import _better


def _pick(cands: list[tuple[str, float]]) -> str | None:
    best_id, best = None, -1.0
    for doc_id, s in cands:
        if _better(s, doc_id, best, best_id):
            best_id, best = doc_id, s
    return best_id


def test_equal_similarity_goes_to_the_smallest_id_in_any_order() -> None:
    cands = [("b7", 0.9), ("a1", 0.9), ("c3", 0.8)]
    assert {_pick(list(p)) for p in itertools.permutations(cands)} == {"a1"}


def test_higher_similarity_wins_over_a_smaller_id() -> None:
    assert _pick([("a1", 0.85), ("z9", 0.95)]) == "z9"
    assert _pick([("z9", 0.95), ("a1", 0.85)]) == "z9"
