"""Relationship index, meeting impact, placebo, third parties and "insufficient data", on
events written into a real store."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np
import pyarrow as pa
import pytest

from summitry.analysis import (
    Estimate,
    Insufficient,
    MeetingDates,
    countries,
    meeting_impact,
    relationship_index,
    third_party_impact,
)

COLS = (
    "event_id",
    "origin",
    "dataset",
    "dataset_row_id",
    "event_date",
    "source_actor_id",
    "source_iso3",
    "target_actor_id",
    "target_iso3",
    "cameo_code",
    "cameo_root",
    "quad_class",
    "goldstein",
    "plover_type",
    "modality",
    "group_id",
    "rule",
    "created_at",
)


def write_events(store, rows: list[dict]) -> None:
    now = datetime(2026, 1, 1)
    values = []
    for i, r in enumerate(rows):
        g = r["goldstein"]
        coop = g >= 0
        row = {
            "event_id": r.get("event_id", f"t{i}"),
            "origin": r.get("origin", "imported"),
            "dataset": "test",
            "dataset_row_id": str(i),
            "event_date": r["date"],
            "source_actor_id": r["src"],
            "source_iso3": r["src"],
            "target_actor_id": r["tgt"],
            "target_iso3": r["tgt"],
            "cameo_code": "042" if coop else "112",
            "cameo_root": "04" if coop else "11",
            "quad_class": 1 if coop else 3,
            "goldstein": g,
            "plover_type": "CONSULT" if coop else "ACCUSE",
            "modality": r.get("modality", "asserted"),
            "group_id": r.get("group"),
            "rule": "test",
            "created_at": now,
        }
        values.append(row)
    with store.transaction() as con:
        con.register("new_events", pa.Table.from_pylist(values))
        con.execute(
            f"INSERT INTO events ({', '.join(COLS)}) SELECT {', '.join(COLS)} FROM new_events"
        )
        con.unregister("new_events")


USRU = countries("USA", "RUS")
MEETING = date(2018, 7, 16)


def synthetic(seed: int = 1) -> list[dict]:
    """A year of USA-RUS events (mean Goldstein -1), +4 in the 30 days after MEETING; FRA->RUS
    events that turn cooperative after it; background FRA-DEU events for news volume."""
    rng = np.random.default_rng(seed)
    rows = []
    d = date(2018, 1, 1)
    while d <= date(2018, 12, 31):
        after = timedelta(0) < d - MEETING <= timedelta(30)
        for k in range(3):
            rows.append(
                {
                    "date": d,
                    "src": ("USA", "RUS")[k % 2],
                    "tgt": ("RUS", "USA")[k % 2],
                    "goldstein": float(np.clip(rng.normal(3.0 if after else -1.0, 2.0), -10, 10)),
                }
            )
        rows.append(
            {
                "date": d,
                "src": "FRA",
                "tgt": "RUS",
                "goldstein": float(rng.normal(4.0 if after else -2.0, 1.0)),
            }
        )
        for _ in range(6):
            rows.append({"date": d, "src": "FRA", "tgt": "DEU", "goldstein": 1.0})
        d += timedelta(days=1)
    return rows


def test_index_counts_events_not_reports_and_normalises(store):
    rows = (
        [
            # one real-world event reported three times (one group), two single reports
            {
                "date": date(2020, 3, 2),
                "src": "USA",
                "tgt": "RUS",
                "goldstein": -4.0,
                "group": "g1",
            },
            {
                "date": date(2020, 3, 3),
                "src": "USA",
                "tgt": "RUS",
                "goldstein": -6.0,
                "group": "g1",
            },
            {
                "date": date(2020, 3, 4),
                "src": "USA",
                "tgt": "RUS",
                "goldstein": -5.0,
                "group": "g1",
            },
            {"date": date(2020, 3, 10), "src": "RUS", "tgt": "USA", "goldstein": 3.0},
            {"date": date(2020, 3, 11), "src": "RUS", "tgt": "USA", "goldstein": 4.0},
            # not asserted: does not count
            {
                "date": date(2020, 3, 12),
                "src": "RUS",
                "tgt": "USA",
                "goldstein": 9.0,
                "modality": "planned",
            },
            # curated events (the meetings themselves) are not counted
            {
                "date": date(2020, 3, 13),
                "src": "RUS",
                "tgt": "USA",
                "goldstein": 9.0,
                "origin": "curated",
            },
        ]
        + [{"date": date(2020, 3, 5), "src": "FRA", "tgt": "DEU", "goldstein": 1.0}] * 17
        + [{"date": date(2020, 5, 5), "src": "FRA", "tgt": "DEU", "goldstein": 1.0}]
    )
    write_events(store, rows)
    res = relationship_index(store, USRU, freq="month")
    assert res.insufficient is None
    by = {r["period"]: r for r in res.rows}
    march = by[date(2020, 3, 1)]
    assert (march["n_events"], march["n_reports"], march["all_events"]) == (3, 5, 20)
    assert march["per_1000"] == pytest.approx(150.0)
    assert march["goldstein_mean"] == pytest.approx((-5.0 + 3.0 + 4.0) / 3, abs=1e-3)
    assert (march["quad1"], march["quad3"]) == (2, 1)
    assert (march["plover_cooperation"], march["plover_conflict"]) == (2, 1)
    # April has no event data at all; May has events but none of the pair
    assert by[date(2020, 4, 1)]["note"] == "no event data for this period"
    assert by[date(2020, 4, 1)]["per_1000"] is None
    assert by[date(2020, 5, 1)]["n_events"] == 0 and by[date(2020, 5, 1)]["per_1000"] == 0
    table = res.to_arrow()
    assert table.num_rows == 3 and "goldstein_mean" in table.column_names
    # source filter: only extracted -> nothing of the pair
    assert relationship_index(store, USRU, sources=["extracted"]).insufficient is not None


def test_impact_interval_and_placebo_detect_a_real_shift(store):
    write_events(store, synthetic())
    meetings = [
        MeetingDates("m1", "Helsinki", MEETING, MEETING),
        MeetingDates("m0", "No-effect date", date(2018, 3, 15), date(2018, 3, 15)),
    ]
    res = meeting_impact(store, USRU, meetings, windows=(7, 30), n_boot=400, n_placebo=150)
    rows = {(r["meeting_id"], r["window_days"], r["statistic"]): r for r in res.rows}
    shift = rows[("m1", 30, "goldstein")]
    est = shift["change"]
    assert isinstance(est, Estimate)
    assert 3.0 < est.value < 5.0 and est.lo > 2.5 and est.hi < 5.5
    assert (est.n_before, est.n_after) == (90, 90)
    assert shift["placebo_n"] >= 20 and est.value > shift["placebo_p95"]
    assert shift["placebo_p"] < 0.05 and shift["verdict"] == "larger than usual"
    coop = rows[("m1", 30, "cooperation_share")]["change"]
    assert coop.value > 0.4 and coop.lo > 0
    calm = rows[("m0", 30, "goldstein")]
    assert calm["change"].lo < 0 < calm["change"].hi
    assert calm["verdict"] == "no clear change"
    assert res.to_arrow().num_rows == len(res.rows) == 2 * 2 * 4


def test_placebo_dates_are_drawn_near_the_meeting(store):
    """Placebo dates come from within ``placebo_span`` days of the meeting: a narrow span
    leaves too few comparable dates, and the report says so instead of giving a p-value."""
    write_events(store, synthetic())
    m = [MeetingDates("m1", "Helsinki", MEETING, MEETING)]
    wide = meeting_impact(store, USRU, m, windows=(7,), n_boot=50, n_placebo=100)
    narrow = meeting_impact(store, USRU, m, windows=(7,), n_boot=50, n_placebo=100, placebo_span=12)
    g_wide = next(r for r in wide.rows if r["statistic"] == "goldstein")
    g_narrow = next(r for r in narrow.rows if r["statistic"] == "goldstein")
    assert g_wide["placebo_n"] == 100
    # 12 days either side, minus the 7 days around the meeting itself: 10 candidate days
    assert g_narrow["placebo_p"] is None
    assert "within 12 days of the meeting" in g_narrow["placebo"].reason
    assert g_narrow["change"] == g_wide["change"]


def test_insufficient_data_is_explicit(store):
    assert (
        "no extracted or imported events"
        in meeting_impact(
            store, USRU, [MeetingDates("m", "x", MEETING, MEETING)]
        ).insufficient.reason
    )
    write_events(
        store,
        [
            {"date": date(2018, 7, 10), "src": "USA", "tgt": "RUS", "goldstein": 1.0},
            {"date": date(2018, 7, 12), "src": "USA", "tgt": "RUS", "goldstein": 2.0},
            {"date": date(2018, 7, 20), "src": "USA", "tgt": "RUS", "goldstein": 2.0},
        ],
    )
    res = meeting_impact(
        store,
        USRU,
        [
            MeetingDates("m", "Helsinki", MEETING, MEETING),
            MeetingDates("far", "2030", date(2030, 1, 1), None),
        ],
        windows=(7,),
        n_boot=50,
    )
    rows = {(r["meeting_id"], r["statistic"]): r for r in res.rows}
    few = rows[("m", "goldstein")]
    assert isinstance(few["change"], Insufficient)
    assert "too few events for an interval (2 before, 1 after" in few["change"].reason
    assert few["verdict"] == "insufficient data"
    assert isinstance(few["placebo"], Insufficient)
    none = rows[("far", "goldstein")]["change"]
    assert isinstance(none, Insufficient) and none.reason.startswith("no events in the 7 days")
    assert rows[("far", "per_1000")]["change"].reason.startswith("no event data of any actor")


def test_third_party_change_toward_a_side(store):
    write_events(store, synthetic())
    res = third_party_impact(
        store,
        USRU,
        [MeetingDates("m1", "Helsinki", MEETING, MEETING)],
        topics={"m1": ["ukraine"]},
        n_boot=300,
    )
    rows = {(r["toward"], r["group"]): r["goldstein_change"] for r in res.rows}
    toward_russia = rows[("Russia", "all other actors")]
    assert isinstance(toward_russia, Estimate) and toward_russia.lo > 4.0
    assert isinstance(rows[("Russia", "allies of Russia")], Insufficient)
    assert isinstance(rows[("United States", "all other actors")], Insufficient)
    assert ("Russia", "countries discussed") in rows  # Ukraine: no events -> insufficient
    assert isinstance(rows[("Russia", "countries discussed")], Insufficient)
