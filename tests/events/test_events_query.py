"""The events API on a real store: filters, cursor pages, files, units and grouping."""

from __future__ import annotations

from datetime import date, datetime

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from summitry import events
from summitry.events import EventFilter, FilterError, Order

NOW = datetime(2026, 1, 1)


def add_events(store, rows: list[dict]) -> None:
    """Insert events; each row gives at least event_id, and defaults fill the rest."""
    base = {
        "origin": "imported",
        "dataset": "gdelt2",
        "modality": "asserted",
        "rule": "test",
        "created_at": NOW,
    }
    full = [{**base, **r} for r in rows]
    cols = sorted({k for r in full for k in r})
    table = pa.Table.from_pylist([{c: r.get(c) for c in cols} for r in full])
    with store.transaction() as con:
        con.register("new_events", table)
        con.execute(
            f"INSERT INTO events ({', '.join(cols)}) SELECT {', '.join(cols)} FROM new_events"
        )
        con.unregister("new_events")


ROWS = [
    # a leader (person id + country) to a country, and back, in several datasets and origins
    dict(
        event_id="e1",
        event_date=date(2018, 7, 16),
        source_actor_id="person:donald-trump",
        source_iso3="USA",
        target_actor_id="RUS",
        cameo_code="042",
        cameo_root="04",
        plover_type="CONSULT",
        goldstein=1.9,
        quad_class=1,
        topics=["syria"],
    ),
    dict(
        event_id="e2",
        event_date=date(2018, 7, 17),
        source_actor_id="RUS",
        target_actor_id="USA",
        cameo_code="112",
        cameo_root="11",
        plover_type="ACCUSE",
        goldstein=-2.0,
        quad_class=3,
        origin="extracted",
        dataset="summitry-coder",
    ),
    dict(
        event_id="e3",
        event_date=None,
        source_actor_id="UKR",
        target_actor_id="RUS",
        cameo_code="0431",
        cameo_root="04",
        plover_type="CONSULT",
        goldstein=2.8,
        quad_class=1,
    ),
    dict(
        event_id="e4",
        event_date=date(2018, 7, 16),
        source_actor_id="USA",
        target_actor_id="person:vladimir-putin",
        target_iso3="RUS",
        cameo_code="036",
        cameo_root="03",
        modality="planned",
        dataset="icews",
        quote="We will meet.",
    ),
    dict(
        event_id="e5",
        event_date=date(2017, 11, 11),
        source_actor_id="CHN",
        target_actor_id="NATO",
        cameo_code="010",
        cameo_root="01",
        origin="curated",
        dataset="knowledge-pack",
        speaker_actor_id="person:xi-jinping",
        quote="Words.",
    ),
]


@pytest.fixture
def filled(store):
    add_events(store, ROWS)
    return store


def ids(store, f: EventFilter) -> list[str]:
    return [r["event_id"] for r in events.select(store, f).dicts()]


def test_sides_match_actor_ids_and_countries_in_either_direction(filled):
    assert ids(filled, EventFilter(dyad=("USA", "RUS"))) == ["e1", "e4", "e2"]
    assert ids(filled, EventFilter(dyad=("RUS", "person:donald-trump"))) == ["e1"]
    assert ids(filled, EventFilter(actor="RUS")) == ["e1", "e4", "e2", "e3"]
    assert ids(filled, EventFilter(actor=("CHN", "UKR"))) == ["e5", "e3"]
    assert ids(filled, EventFilter(source="USA")) == ["e1", "e4"]
    assert ids(filled, EventFilter(target="RUS", not_source=("USA", "RUS"))) == ["e3"]


def test_types_dates_origins_datasets_modality_topics_and_statements(filled):
    assert ids(filled, EventFilter(types=("04",))) == ["e1", "e3"]
    assert ids(filled, EventFilter(types=("accuse", "036"))) == ["e4", "e2"]
    assert ids(filled, EventFilter(date_from=date(2018, 7, 16), date_to=date(2018, 7, 16))) == [
        "e1",
        "e4",
    ]
    assert ids(filled, EventFilter(dated=True, origins=("imported",))) == ["e1", "e4"]
    assert ids(filled, EventFilter(datasets=("icews", "knowledge-pack"))) == ["e5", "e4"]
    assert ids(filled, EventFilter(modality="planned")) == ["e4"]
    assert ids(filled, EventFilter(topic="syria")) == ["e1"]
    assert ids(filled, EventFilter(quoted=True, speaker=("person:xi-jinping",))) == ["e5"]
    assert ids(filled, EventFilter(ids=("e3", "e2"))) == ["e2", "e3"]
    assert events.count(filled, EventFilter(origins=("imported",))) == 3
    assert events.count_by(filled, ("origin",)) == [
        ("curated", 1),
        ("extracted", 1),
        ("imported", 3),
    ]


def test_bad_values_name_the_filter():
    with pytest.raises(FilterError) as exc:
        EventFilter(origins=("bogus",))
    assert exc.value.field == "source"
    with pytest.raises(FilterError) as exc:
        EventFilter(date_from=date(2019, 1, 1), date_to=date(2018, 1, 1))
    assert exc.value.field == "from"
    with pytest.raises(FilterError) as exc:
        Order("text")
    assert exc.value.field == "sort"


@pytest.mark.parametrize(
    "order",
    [
        Order(),
        Order("event_date", True),
        Order("goldstein"),
        Order("event_id", True),
        Order("quad_class"),
    ],
)
def test_cursor_pages_visit_every_row_once_in_order(store, order):
    rows = [
        dict(
            event_id=f"p{i:03d}",
            event_date=None if i % 7 == 0 else date(2018, 1, 1 + i % 5),
            goldstein=None if i % 3 == 0 else float(i % 4),
            quad_class=i % 4 or None,
        )
        for i in range(53)
    ]
    add_events(store, rows)
    whole = [r["event_id"] for r in events.select(store, order=order).dicts()]
    seen, cursor, pages = [], None, 0
    while True:
        p = events.page(store.con, EventFilter(), order=order, limit=10, after=cursor)
        seen += [r["event_id"] for r in p.rows]
        pages += 1
        cursor = p.next_cursor
        if cursor is None:
            break
    assert seen == whole and len(seen) == 53 and pages == 6


def test_a_cursor_from_another_order_or_garbage_is_refused(filled):
    p = events.page(filled.con, EventFilter(), limit=2)
    assert p.next_cursor and len(p.rows) == 2 and "_key" not in p.rows[0]
    for bad in (p.next_cursor, "not-a-cursor", "W10"):
        with pytest.raises(FilterError) as exc:
            events.page(filled.con, EventFilter(), order=Order("goldstein"), after=bad)
        assert exc.value.field == "cursor"


def test_gdelt_columns_document_columns_and_files(filled, tmp_path):
    sel = events.select(filled, EventFilter(ids=("e1",)), gdelt=True)
    row = sel.dicts()[0]
    assert row["GLOBALEVENTID"] == "e1" and row["SQLDATE"] == "20180716"
    assert row["EventCode"] == "042" and row["IsRootEvent"] == 1
    sel = events.select(filled, EventFilter(ids=("e1",)), ("event_id", "doc_title"))
    assert sel.columns == ["event_id", "doc_title"] and sel.rows == [("e1", None)]
    with pytest.raises(FilterError):
        events.select(filled, EventFilter(), ("event_id", "1; DROP TABLE events"))
    with pytest.raises(FilterError) as exc:
        events.select(filled, EventFilter(), ("event_id", "no_such_column"))
    assert exc.value.field == "columns" and "no_such_column" in str(exc.value)
    n = events.write(filled, EventFilter(types=("04",)), tmp_path / "x.parquet", "parquet")
    assert n == 2 and pq.read_table(tmp_path / "x.parquet").column("event_id").to_pylist() == [
        "e1",
        "e3",
    ]
    n = events.write(filled, EventFilter(), tmp_path / "x.csv", "csv", gdelt=True)
    assert n == 5 and (tmp_path / "x.csv").read_text().startswith("GLOBALEVENTID,SQLDATE,")


def test_units_count_a_group_once_on_its_first_report(store):
    add_events(
        store,
        [
            dict(
                event_id="a",
                event_date=date(2018, 7, 16),
                source_actor_id="USA",
                target_actor_id="RUS",
                goldstein=1.0,
                group_id="g",
            ),
            dict(
                event_id="b",
                event_date=date(2018, 7, 15),
                source_actor_id="USA",
                target_actor_id="RUS",
                goldstein=3.0,
                group_id="g",
                modality="planned",
            ),
            dict(
                event_id="c",
                event_date=date(2018, 7, 17),
                source_actor_id="USA",
                target_actor_id="RUS",
                goldstein=2.0,
                group_id="g",
            ),
            dict(
                event_id="d",
                event_date=date(2018, 7, 20),
                source_actor_id="FRA",
                target_actor_id="DEU",
                goldstein=-1.0,
            ),
        ],
    )
    f = EventFilter(origins=("imported",), modality="asserted", dated=True)
    got = events.units(store, EventFilter(dyad=("USA", "RUS"), **_fields(f)))
    assert [(u.day, u.n_reports, u.goldstein, u.ref) for u in got] == [
        (date(2018, 7, 16), 2, 1.5, "a")
    ]
    assert events.daily_units(store, f) == [(date(2018, 7, 16), 1), (date(2018, 7, 20), 1)]


def _fields(f: EventFilter) -> dict:
    return {"origins": f.origins, "modality": f.modality, "dated": f.dated}


def test_group_reports_same_day_for_text_and_adjacent_days_for_datasets(store):
    pair = dict(source_actor_id="USA", target_actor_id="RUS", cameo_code="042", cameo_root="04")
    add_events(
        store,
        [
            # coder: same day both directions -> one group; next day -> another
            dict(
                event_id="c1",
                event_date=date(2018, 7, 16),
                **pair,
                origin="extracted",
                dataset="summitry-coder",
            ),
            dict(
                event_id="c2",
                event_date=date(2018, 7, 16),
                origin="extracted",
                dataset="summitry-coder",
                source_actor_id="RUS",
                target_actor_id="USA",
                cameo_code="040",
                cameo_root="04",
            ),
            dict(
                event_id="c3",
                event_date=date(2018, 7, 17),
                **pair,
                origin="extracted",
                dataset="summitry-coder",
            ),
            # dataset rows: adjacent days chain into one group, a gap of two days does not
            dict(event_id="gdelt2:g1", event_date=date(2018, 7, 15), **pair),
            dict(event_id="gdelt2:g2", event_date=date(2018, 7, 16), **pair),
            dict(event_id="gdelt2:g3", event_date=date(2018, 7, 19), **pair),
        ],
    )
    assert events.group_reports(store) == (3, 2)
    assert events.group_reports(store, "gdelt2") == (3, 2)
    assert events.group_reports(store, "gdelt2") == (3, 2)  # idempotent
    groups = dict(store.con.execute("SELECT event_id, group_id FROM events").fetchall())
    assert groups["c1"] == groups["c2"] != groups["c3"]
    assert (
        groups["gdelt2:g1"] == groups["gdelt2:g2"] == "grp:gdelt2:g1"
        and groups["gdelt2:g3"] == "grp:gdelt2:g3"
    )
    rules = store.con.execute(
        "SELECT rule, origin, count(*), sum(report_count) FROM event_groups "
        "GROUP BY 1, 2 ORDER BY 1"
    ).fetchall()
    assert rules == [
        (events.ADJACENT_DAYS_RULE, "imported", 2, 3),
        (events.SAME_DAY_RULE, "extracted", 2, 3),
    ]
    assert events.fingerprint(store.con).startswith("6|")
