"""A group's sides and root come from one of its reports, whatever the order of the rows.

``event_groups`` once took a column-wise ``mode()`` of the reports' sides: it could give a
source id of one report with the source code of another, and with ties it depended on the
order DuckDB read the rows in (an interrupted-then-resumed ``code`` run differed from a
clean one). The rule now: the report of the most frequent (source, target) pair, ties
broken by the smallest event id.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from summitry.events import group_reports
from summitry.store import Store

DAY = date(2024, 3, 5)
SIDES = ("source_actor_id", "source_code", "target_actor_id", "target_code")


def _report(event_id: str, sides: tuple, root: str = "04", dataset: str = "summitry-coder"):
    origin = "extracted" if dataset == "summitry-coder" else "imported"
    return (event_id, DAY, *sides, root + "2", root, dataset, origin)


# one consult (unordered actors) between A and B: B->A is reported twice, A->B once with
# codes and once without; a column-wise mode could give (A, RUS, ...), a side of no report
MEETING = [
    _report("e1", ("person:a", "USA", "person:b", "RUS")),
    _report("e2", ("person:b", "RUS", "person:a", "USA")),
    _report("e3", ("person:b", "RUS", "person:a", "USA")),
    _report("e4", ("person:a", None, "person:b", None)),
]
# a tie: C->D and D->C once each; the smallest event id (e5) gives the sides
TIE = [
    _report("e6", ("person:c", "FRA", "person:d", "DEU")),
    _report("e5", ("person:d", "DEU", "person:c", "FRA")),
]
# imported rows of one event (same source and target ids), their codes differing
IMPORTED = [
    _report("g1", ("USA", "USAGOV", "RUS", "RUS"), "03", "gdelt2"),
    _report("g2", ("USA", "USA", "RUS", "RUSGOV"), "03", "gdelt2"),
    _report("g3", ("USA", "USA", "RUS", "RUSGOV"), "03", "gdelt2"),
    _report("g4", ("USA", "USAGOV", "RUS", None), "03", "gdelt2"),
]


def _groups(db: Path, rows: list[tuple]) -> list[tuple]:
    """The event_groups rows after grouping ``rows`` inserted in the given order."""
    with Store(db) as store:
        with store.transaction() as con:
            for row in rows:
                con.execute(
                    "INSERT INTO events (event_id, event_date, source_actor_id, source_code, "
                    "target_actor_id, target_code, cameo_code, cameo_root, dataset, origin, "
                    "modality, rule, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "'asserted', 'test', ?)",
                    [*row, datetime(2026, 1, 1)],
                )
        group_reports(store)
        group_reports(store, "gdelt2")
        return store.con.execute(
            f"SELECT {', '.join(SIDES)}, cameo_root, report_count, first_date, last_date "
            "FROM event_groups ORDER BY report_count DESC, source_actor_id"
        ).fetchall()


@pytest.mark.parametrize("order", ["as listed", "reversed", "shuffled"])
def test_group_sides_are_one_reports_whatever_the_order(tmp_path: Path, order: str):
    rows = MEETING + TIE + IMPORTED
    if order == "reversed":
        rows = rows[::-1]
    elif order == "shuffled":
        rows = [rows[k] for k in (4, 1, 7, 0, 9, 3, 6, 2, 8, 5)]
    got = _groups(tmp_path / "s.duckdb", rows)
    assert got == [
        ("USA", "USA", "RUS", "RUSGOV", "03", 4, DAY, DAY),  # g2/g3: the most frequent pair
        ("person:b", "RUS", "person:a", "USA", "04", 4, DAY, DAY),  # e2/e3
        ("person:d", "DEU", "person:c", "FRA", "04", 2, DAY, DAY),  # the tie: e5's sides
    ]


def test_group_sides_are_those_of_a_report(tmp_path: Path):
    """Every group's sides are the sides of one of its own reports."""
    _groups(tmp_path / "s.duckdb", MEETING + TIE + IMPORTED)
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        mixed = store.con.execute(
            "SELECT count(*) FROM event_groups g WHERE NOT EXISTS (SELECT 1 FROM events e "
            "WHERE e.group_id = g.group_id AND "
            + " AND ".join(f"e.{c} IS NOT DISTINCT FROM g.{c}" for c in SIDES)
            + ")"
        ).fetchone()[0]
    assert mixed == 0
