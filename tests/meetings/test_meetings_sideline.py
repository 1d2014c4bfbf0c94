"""A meeting of two leaders "on the sidelines / margins of" a summit is its own encounter: it
is not folded into the summit of three or more on the same day and place, while a plain
report of two of the summit's leaders still is. Sentences written for this test, through
the real ingest stage, the real coder and the meetings build."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitry.meetings import list_meetings
from summitry.store import Store

SUMMIT = (
    "President Joe Biden met today with Prime Minister Justin Trudeau of Canada and President "
    "Andres Manuel Lopez Obrador of Mexico at the North American Leaders' Summit in Mexico City."
)
DOCS = [
    ("summit", "2023-01-10", SUMMIT),
    (
        "margins",
        "2023-01-10",
        "President Joe Biden met today with Prime Minister Justin Trudeau of Canada in Mexico "
        "City on the margins of the North American Leaders' Summit to discuss energy.",
    ),
    ("summit2", "2022-06-28", SUMMIT.replace("North American Leaders'", "Americas")),
    (
        "plain",
        "2022-06-28",
        "President Joe Biden and President Andres Manuel Lopez Obrador of Mexico met today in "
        "Mexico City and discussed migration.",
    ),
    (
        "sidelines",
        "2022-06-28",
        "On the sidelines of the summit in Mexico City, President Joe Biden met today with "
        "Prime Minister Justin Trudeau of Canada.",
    ),
]


@pytest.fixture(scope="module")
def coded(code_documents) -> Path:
    return code_documents("sideline", DOCS)


def _episodes(path: Path, a: str, b: str, day: str) -> list[tuple[int, str]]:
    store = Store(path, read_only=True)
    try:
        got = list_meetings(store, between=(a, b), date_from=day, date_to=day)
    finally:
        store.close()
    return sorted((len(m["participants"]), m["status"]) for m in got)


@pytest.mark.parametrize("day", ["2023-01-10", "2022-06-28"])
def test_a_sideline_meeting_is_its_own_episode(coded: Path, day: str) -> None:
    assert _episodes(coded, "Joe Biden", "Justin Trudeau", day) == [(2, "held"), (3, "held")]


def test_a_plain_report_of_two_summit_leaders_joins_the_summit(coded: Path) -> None:
    day = "2022-06-28"
    assert _episodes(coded, "Joe Biden", "Andres Manuel Lopez Obrador", day) == [(3, "held")]
