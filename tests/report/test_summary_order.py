"""The bottom line's topic ranking does not depend on the order topics were counted in
(they come from sets, whose iteration order changes with PYTHONHASHSEED)."""

from __future__ import annotations

from collections import Counter

from summitry.report.summary import most_raised


def test_ties_are_broken_by_name_not_by_counting_order() -> None:
    one = Counter(["syria", "north_korea", "trade", "sanctions", "syria", "north_korea"])
    two = Counter(["north_korea", "sanctions", "syria", "trade", "north_korea", "syria"])
    assert one.most_common(3) != two.most_common(3)  # what the briefing used to rank by
    assert (
        most_raised(one, 3)
        == most_raised(two, 3)
        == [
            ("north_korea", 2),
            ("syria", 2),
            ("sanctions", 1),
        ]
    )


def test_counts_rank_before_names() -> None:
    count = Counter({"arms_control": 1, "ukraine": 4, "energy": 2})
    assert most_raised(count, 2) == [("ukraine", 4), ("energy", 2)]
