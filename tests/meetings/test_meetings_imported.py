"""The episode builder on imported (GDELT-shaped) event rows written through the store."""

from __future__ import annotations

from datetime import date, datetime

from summitry.meetings import build, get_meeting, list_meetings

# Offices from Wikipedia (facts): Trump head of state 2017-01-20..2021-01-20,
# Putin head of state since 2012-05-07.
ROLES = [
    (
        "person:donald-trump",
        "Donald Trump",
        "USA",
        "2017-01-20",
        "2021-01-20",
        "https://en.wikipedia.org/wiki/Donald_Trump",
    ),
    (
        "person:vladimir-putin",
        "Vladimir Putin",
        "RUS",
        "2012-05-07",
        None,
        "https://en.wikipedia.org/wiki/Vladimir_Putin",
    ),
]


def _seed_roles(store) -> None:
    for aid, name, iso3, start, end, url in ROLES:
        store.con.execute(
            "INSERT INTO actors (actor_id, name, kind, iso3, origin, source_url) "
            "VALUES (?, ?, 'person', ?, 'kb', ?)",
            [aid, name, iso3, url],
        )
        store.con.execute(
            "INSERT INTO actor_roles (actor_id, role, iso3, start_date, end_date, origin, "
            "source_url) VALUES (?, 'head_of_state', ?, ?, ?, 'kb', ?)",
            [aid, iso3, start, end, url],
        )


def _gdelt(
    store,
    row_id: str,
    day: str,
    a: tuple[str, str, str],
    b: tuple[str, str, str],
    cameo: str,
    place: tuple[str, str, float, float] | None = None,
) -> None:
    loc = place or (None, None, None, None)
    store.con.execute(
        "INSERT INTO events (event_id, origin, dataset, dataset_row_id, event_date, "
        "source_actor_id, source_code, source_text, target_actor_id, target_code, target_text, "
        "cameo_code, cameo_root, modality, location_name, location_iso3, lat, lon, rule, "
        "created_at) VALUES (?, 'imported', 'gdelt1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'asserted', "
        "?, ?, ?, ?, 'test-rows', ?)",
        [f"gdelt1:{row_id}", row_id, day, *a, *b, cameo, cameo[:2], *loc, datetime(2020, 1, 1)],
    )


def _seed_events(store) -> None:
    usa_pres = ("USA", "USAGOV", "PRESIDENT")
    rus_pres = ("RUS", "RUSGOV", "PRESIDENT")
    putin = ("RUS", "RUSGOV", "VLADIMIR PUTIN")
    helsinki = ("Helsinki", "FIN", 60.17, 24.94)
    _gdelt(store, "770001", "2018-07-16", usa_pres, putin, "042", helsinki)
    _gdelt(store, "770002", "2018-07-16", rus_pres, usa_pres, "044", helsinki)
    _gdelt(store, "770003", "2018-07-17", usa_pres, rus_pres, "040", helsinki)
    _gdelt(store, "760001", "2018-03-20", rus_pres, usa_pres, "041")
    # not leaders: a country without an office named; a candidate before taking office
    _gdelt(store, "770004", "2018-07-16", ("USA", "USA", "UNITED STATES"), putin, "040")
    _gdelt(store, "700001", "2016-03-31", ("USA", "USA", "DONALD TRUMP"), putin, "040")
    # not a consult event
    _gdelt(store, "770005", "2018-07-16", usa_pres, rus_pres, "112", helsinki)


def test_meetings_gdelt_rows_become_episodes(store) -> None:
    _seed_roles(store)
    _seed_events(store)
    summary = build(store)
    assert summary.n_meetings == 2
    got = list_meetings(store, between=("Donald Trump", "Vladimir Putin"))
    assert [(m["start_date"], m["end_date"], m["format"], m["status"]) for m in got] == [
        ("2018-03-20", "2018-03-20", "call", "held"),
        ("2018-07-16", "2018-07-17", "summit", "held"),
    ]
    helsinki = got[1]
    assert (helsinki["city"], helsinki["country"], helsinki["origin"]) == (
        "Helsinki",
        "FIN",
        "imported",
    )
    assert helsinki["sources"] == ["gdelt1:770001", "gdelt1:770002", "gdelt1:770003"]
    assert sorted(helsinki["participants"]) == ["Donald Trump", "Vladimir Putin"]
    assert got[0]["city"] is None
    # actors as countries or ids; filters by date and origin
    assert len(list_meetings(store, between=("USA", "Russia"))) == 2
    assert len(list_meetings(store, between=("person:vladimir-putin", "USA"))) == 2
    assert list_meetings(store, between=("Donald Trump", "China")) == []
    later = list_meetings(store, date_from=date(2018, 7, 1))
    assert [m["start_date"] for m in later] == ["2018-07-16"]
    assert list_meetings(store, sources=["extracted", "curated"]) == []
    detail = get_meeting(store, helsinki["id"])
    statuses = [i for i in detail["items"] if i["kind"] == "status"]
    assert {i["dataset_row_id"] for i in statuses} == {"770001", "770002", "770003"}


def test_meetings_build_is_idempotent_and_keeps_curated(store) -> None:
    _seed_roles(store)
    _seed_events(store)
    store.con.execute(
        "INSERT INTO meetings (meeting_id, origin, start_date, end_date, city, country, format, "
        "status, source_url, rule) VALUES ('curated-helsinki-2018', 'curated', '2018-07-16', "
        "'2018-07-16', 'Helsinki', 'FIN', 'summit', 'held', 'https://example.org/src', 'pack')"
    )
    store.con.execute(
        "INSERT INTO meeting_participants VALUES ('curated-helsinki-2018', "
        "'person:donald-trump', 'Donald Trump', 'head_of_state', 'USA')"
    )
    store.con.execute(
        "INSERT INTO meeting_participants VALUES ('curated-helsinki-2018', "
        "'person:vladimir-putin', 'Vladimir Putin', 'head_of_state', 'RUS')"
    )
    first = build(store)
    ids = [m["id"] for m in list_meetings(store)]
    second = build(store)
    assert first == second
    assert [m["id"] for m in list_meetings(store)] == ids
    curated = list_meetings(store, sources=["curated"], between=("Trump", "Putin"))
    assert [m["id"] for m in curated] == ["curated-helsinki-2018"]
    assert curated[0]["sources"] == ["https://example.org/src"]
    assert len(list_meetings(store, sources=["imported", "curated"])) == 3


GDELT_HEADER = (
    "GLOBALEVENTID,SQLDATE,Actor1Code,Actor1Name,Actor1CountryCode,Actor2Code,"
    "Actor2Name,Actor2CountryCode,IsRootEvent,EventCode,EventBaseCode,EventRootCode,"
    "ActionGeo_Type,ActionGeo_FullName,ActionGeo_CountryCode,ActionGeo_Lat,"
    "ActionGeo_Long,SOURCEURL"
)


def test_meetings_from_gdelt_file_through_importer(store, tmp_path) -> None:
    """A GDELT 1.0 re-export (header, quotes, NA) loaded by the real importer."""
    import pytest

    eventdata = pytest.importorskip("summitry.eventdata")
    _seed_roles(store)
    rows = [
        '780001,20180716,"USAGOV","PRESIDENT","USA","RUSGOV","VLADIMIR PUTIN","RUS",1,"042",'
        '"042","04",4,"Helsinki, Southern Finland, Finland","FI",60.1756,24.9342,"http://a"',
        '780002,20180716,"RUSGOV","VLADIMIR PUTIN","RUS","USAGOV","DONALD TRUMP","USA",1,"040",'
        '"040","04",4,"Helsinki, Southern Finland, Finland","FI",60.1756,24.9342,"http://b"',
        '780003,20180716,"USA","UNITED STATES","USA","RUS","RUSSIA","RUS",1,"040","040","04",'
        'NA,NA,NA,NA,NA,"http://c"',
    ]
    path = tmp_path / "gdelt-helsinki.csv"
    path.write_text(GDELT_HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    results = eventdata.Importer(store).import_files(eventdata.iter_inputs([path]), hint="gdelt")
    assert sum(r.n_loaded for r in results) == 3, results
    build(store)
    got = list_meetings(store, between=("Donald Trump", "Vladimir Putin"), sources=["imported"])
    assert [(m["start_date"], m["format"], m["status"], m["city"], m["country"]) for m in got] == [
        ("2018-07-16", "summit", "held", "Helsinki", "FIN")
    ]
    assert sorted(got[0]["sources"]) == ["gdelt1:780001", "gdelt1:780002"]


def test_meetings_ministers_only_with_flag(store) -> None:
    # Offices from Wikipedia: Lavrov foreign minister since 2004-03-09, Tillerson secretary
    # of state 2017-02-01..2018-03-31.
    for aid, name, iso3, start, end in [
        ("person:sergei-lavrov", "Sergei Lavrov", "RUS", "2004-03-09", None),
        ("person:rex-tillerson", "Rex Tillerson", "USA", "2017-02-01", "2018-03-31"),
    ]:
        store.con.execute(
            "INSERT INTO actors (actor_id, name, kind, iso3, origin) "
            "VALUES (?, ?, 'person', ?, 'kb')",
            [aid, name, iso3],
        )
        store.con.execute(
            "INSERT INTO actor_roles (actor_id, role, iso3, start_date, end_date, "
            "origin) VALUES (?, 'foreign_minister', ?, ?, ?, 'kb')",
            [aid, iso3, start, end],
        )
    _gdelt(
        store,
        "790001",
        "2017-04-12",
        ("RUS", "RUSGOV", "SERGEI LAVROV"),
        ("USA", "USAGOV", "REX TILLERSON"),
        "043",
        ("Moscow", "RUS", 55.75, 37.62),
    )
    build(store)
    assert list_meetings(store) == []  # not a leaders' encounter
    got = list_meetings(store, between=("Sergei Lavrov", "Rex Tillerson"), ministers=True)
    assert [(m["start_date"], m["city"], m["roles"]["Rex Tillerson"]) for m in got] == [
        ("2017-04-12", "Moscow", "foreign_minister")
    ]


def test_meetings_imported_rows_read_stored_articles(store, reuters_path, load_documents) -> None:
    """Imported rows carry no text: topics, outcomes, statements and reactions come from the
    stored Reuters articles of the following days, each with its document, sentence and span.
    The rows are GDELT-shaped test rows for the two encounters of the corpus period."""
    load_documents(store, reuters_path)  # documents only: the coder does not run
    usa_pres = ("USA", "USAGOV", "PRESIDENT")
    putin = ("RUS", "RUSGOV", "VLADIMIR PUTIN")
    _gdelt(
        store,
        "810001",
        "2017-11-11",
        usa_pres,
        putin,
        "044",
        ("Da Nang, Vietnam", "VNM", 16.07, 108.22),
    )
    _gdelt(store, "810002", "2017-11-21", putin, usa_pres, "041")
    build(store)
    got = list_meetings(store, between=("Donald Trump", "Vladimir Putin"))
    assert [(m["start_date"], m["format"], m["status"], m["city"], m["origin"]) for m in got] == [
        ("2017-11-11", "informal", "held", "Da Nang", "imported"),
        ("2017-11-21", "call", "held", None, "imported"),
    ]
    texts = dict(store.con.execute("SELECT doc_id, text FROM documents").fetchall())
    danang, call = (get_meeting(store, m["id"]) for m in got)
    for d in (danang, call):
        for it in d["items"]:
            if it["kind"] == "status":  # the imported rows themselves
                assert it["dataset_row_id"] in ("810001", "810002") and it["doc_id"] is None
                continue
            assert it["doc_id"] in texts, it
            assert it["rule"].endswith((":related-article", ":reaction")), it
            assert texts[it["doc_id"]][it["start_char"] : it["end_char"]] == it["text"] or (
                it["kind"] == "duration"
            )
    assert "Syria" in danang["topics"]
    kinds = {(i["kind"], i["value"], i["topic"]) for i in danang["items"]}
    assert ("outcome", "joint_statement", "Syria") in kinds
    assert any(
        i["kind"] == "statement"
        and i["actor_id"] == "person:vladimir-putin"
        and "Peskov" in (i["actor_name"] or "")
        for i in danang["items"]
    )
    assert any(
        i["kind"] == "reaction" and i["actor_name"] == "James Clapper" for i in danang["items"]
    )
    assert {"Syria", "Ukraine", "North Korea"} <= set(call["topics"])
    assert call["duration_minutes"] == 60
