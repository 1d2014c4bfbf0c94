"""Importing GDELT (canonical and re-exported), mentions, GKG, ICEWS and POLECAT files into a
real store, with bad input, filters, re-runs and report grouping."""

from __future__ import annotations

import random
import zipfile
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summitry.cli import app
from summitry.codes import cameo_country
from summitry.eventdata.columns import ICEWS_20, POLECAT_40
from summitry.eventdata.importer import Importer, ImportOptions, iter_inputs
from summitry.eventdata.lookups import actor_code_to_id, cameo_code
from summitry.eventdata.sql import gdelt_prefilter
from summitry.eventdata.synthetic import gdelt_row, write_gdelt
from summitry.events import group_reports
from summitry.store import Store


def _import(store, paths, hint=None, **opts):
    imp = Importer(store, ImportOptions(**opts))
    return imp, imp.import_files(iter_inputs([Path(p) for p in paths]), hint=hint)


def _one(store, sql, params=()):
    return store.con.execute(sql, list(params)).fetchone()


# --- GDELT as people re-export it (../shared/gdelt-samples) ---------------------------------


def test_eventdata_reads_reexported_gdelt1_samples(store, shared_dir: Path) -> None:
    aug = shared_dir / "gdelt-samples" / "georgia-aug2012.csv"
    dec = shared_dir / "gdelt-samples" / "georgia-december12.csv"
    n_aug = sum(1 for _ in aug.open(encoding="utf-8")) - 1
    n_dec = sum(1 for _ in dec.open(encoding="utf-8")) - 1
    _, results = _import(store, [aug, dec], hint="gdelt")
    assert [r.kind for r in results] == ["gdelt1", "gdelt1"]
    assert [(r.n_loaded, r.n_rejected) for r in results] == [(n_aug, 0), (n_dec, 0)]
    assert _one(store, "SELECT count(*) FROM events WHERE dataset = 'gdelt1'")[0] == n_aug + n_dec
    row = _one(
        store,
        "SELECT event_date, target_text, target_code, target_iso3, target_actor_id, "
        "cameo_code, cameo_root, quad_class, goldstein, location_name, location_iso3, "
        "lat, lon, num_mentions, origin, rule, source_actor_id, source_text "
        "FROM events WHERE event_id = 'gdelt1:212050843'",
    )
    assert row[:9] == (date(2012, 8, 1), "AFGHAN", "AFG", "AFG", "AFG", "130", "13", 3, -4.4)
    assert row[9:14] == ("Tbilisi, Georgia (general), Georgia", "GEO", 41.725, 44.7908, 1)
    assert row[14:] == ("imported", "import-gdelt1:1", None, None)  # NA actor 1 stays empty
    # the December file has an unnamed leading row-number column (R's write.csv)
    dec_row = _one(
        store,
        "SELECT cameo_code, plover_type, source_url FROM events "
        "WHERE event_id = 'gdelt1:224661030'",
    )
    assert dec_row == ("036", "AGREE", None)


def test_eventdata_rerun_does_not_duplicate(store, shared_dir: Path) -> None:
    aug = shared_dir / "gdelt-samples" / "georgia-aug2012.csv"
    _import(store, [aug])
    before = _one(store, "SELECT count(*) FROM events")[0]
    _, again = _import(store, [aug])
    assert again[0].status == "skipped"
    _, forced = _import(store, [aug], force=True)
    assert forced[0].status == "loaded"
    assert _one(store, "SELECT count(*) FROM events")[0] == before
    assert _one(store, "SELECT count(*) FROM import_files")[0] == 1


def test_eventdata_repeated_ids_keep_the_first_copy(store, tmp_path: Path) -> None:
    """Rows are loaded with a plain INSERT; a key already stored, or repeated within a file
    or across the files of a batch, makes the batch fall back to INSERT OR IGNORE."""
    rows = _gdelt2_rows(6, seed=21, start=7000)
    first = write_gdelt(tmp_path / "20180716000000.export.CSV", rows[:3])
    _, (r1,) = _import(store, [first], hint="gdelt")
    assert (r1.status, r1.n_loaded) == ("loaded", 3)
    changed = [list(r) for r in rows[1:3]]
    for r in changed:
        r[31] = "99"  # a different NumMentions in the repeat
    again = write_gdelt(
        tmp_path / "20180716001500.export.CSV", changed + rows[3:5] + [rows[3]]
    )  # stored ids + a repeat
    later = write_gdelt(tmp_path / "20180716003000.export.CSV", rows[5:] + rows[4:5])
    imp, results = _import(store, [again, later], hint="gdelt")
    assert [(r.status, r.n_rejected) for r in results] == [("loaded", 0), ("loaded", 0)]
    assert _one(store, "SELECT count(*), count(DISTINCT event_id) FROM events") == (6, 6)
    kept = dict(store.con.execute("SELECT dataset_row_id, num_mentions FROM events").fetchall())
    assert all(kept[r[0]] != 99 for r in changed)  # the stored copy stays
    assert _one(store, "SELECT count(*) FROM import_files")[0] == 3


# --- canonical GDELT 2.0 with bad input ------------------------------------------------------


def _gdelt2_rows(n: int, seed: int = 3, start: int = 1000) -> list[list[str]]:
    rng = random.Random(seed)
    return [gdelt_row(rng, start + i, date(2018, 7, 16)) for i in range(n)]


def test_eventdata_bad_rows_are_rejected_with_file_and_line(store, tmp_path: Path) -> None:
    rows = _gdelt2_rows(10)
    rows[2] = rows[2][:40]  # line 3: wrong number of columns
    rows[4][30] = "abc"  # line 5: GoldsteinScale not a number
    rows[6][26] = "999"  # line 7: unknown CAMEO code
    rows[8][1] = "2018-13-45"  # line 9: bad SQLDATE
    path = write_gdelt(tmp_path / "20180716000000.export.CSV", rows)
    _, (result,) = _import(store, [path], hint="gdelt")
    assert result.kind == "gdelt2" and result.n_rows == 10
    assert result.n_loaded == 6 and result.n_rejected == 4
    lines = dict(result.rejects)
    assert sorted(lines) == [3, 5, 7, 9]
    assert "Expected Number of Columns: 61 Found: 40" in lines[3]
    assert "GoldsteinScale" in lines[5] and "abc" in lines[5]
    assert lines[7] == "EventCode: expected a CAMEO event code, got '999'"
    assert lines[9].startswith("SQLDATE: expected a date YYYYMMDD")
    stored = store.con.execute(
        "SELECT line FROM import_rejects WHERE source = ? ORDER BY line", [str(path.resolve())]
    ).fetchall()
    assert [r[0] for r in stored] == [3, 5, 7, 9]
    assert _one(store, "SELECT n_rejected, n_loaded FROM import_files")[0:2] == (4, 6)


def test_eventdata_truncated_zip_keeps_complete_lines(store, tmp_path: Path) -> None:
    rows = _gdelt2_rows(3000, seed=5)
    full = write_gdelt(tmp_path / "full.export.CSV.zip", rows)
    data = full.read_bytes()
    cut = tmp_path / "20180716001500.export.CSV.zip"
    cut.write_bytes(data[: len(data) // 2])
    _, (result,) = _import(store, [cut], hint="gdelt")
    assert result.status == "loaded"
    assert 0 < result.n_loaded < 3000 and result.n_rejected == 1
    ((line, reason),) = result.rejects
    assert line == result.n_loaded + 1 and "truncated zip archive" in reason
    loaded = {r[0] for r in store.con.execute("SELECT dataset_row_id FROM events").fetchall()}
    assert loaded == {rows[i][0] for i in range(result.n_loaded)}


def test_eventdata_gdelt1_57_and_58_columns_and_zip(store, tmp_path: Path) -> None:
    rng = random.Random(9)
    old = [gdelt_row(rng, 10 + i, date(2012, 5, 1), version=1, with_url=False) for i in range(5)]
    new = [gdelt_row(rng, 20 + i, date(2014, 5, 1), version=1) for i in range(5)]
    assert len(old[0]) == 57 and len(new[0]) == 58
    p_old = write_gdelt(tmp_path / "201205.zip", old)
    p_new = write_gdelt(tmp_path / "20140501.export.CSV.zip", new)
    _, results = _import(store, [p_old, p_new], hint="gdelt")
    assert [(r.kind, r.n_loaded) for r in results] == [("gdelt1", 5), ("gdelt1", 5)]
    urls = store.con.execute("SELECT count(source_url) FROM events").fetchone()[0]
    assert urls == 5


def test_eventdata_filters(store, tmp_path: Path) -> None:
    rng = random.Random(11)
    rows = []
    for i, (a1, a2, code) in enumerate(
        [
            ("USAGOV", "RUSGOV", "042"),
            ("USA", "CHN", "042"),
            ("FRA", "DEU", "040"),
            ("RUSMIL", "UKR", "190"),
        ]
    ):
        row = gdelt_row(rng, 500 + i, date(2018, 7, 16), code=code)
        row[5], row[7], row[15], row[17] = a1, a1[:3], a2, a2[:3]
        rows.append(row)
    path = write_gdelt(tmp_path / "f.export.CSV", rows)
    _, (r,) = _import(store, [path], actors=frozenset({"RUS"}), codes=("04",))
    assert (r.n_loaded, r.n_filtered) == (1, 3)
    got = _one(
        store,
        "SELECT source_actor_id, target_actor_id, target_iso3, plover_type, "
        "plover_mode FROM events",
    )
    assert got == ("USA", "RUS", "RUS", "CONSULT", "visit")


def _filter_rows(rng, start: int, spec) -> list[list[str]]:
    rows = []
    for i, (a1, a2, code) in enumerate(spec):
        row = gdelt_row(rng, start + i, date(2018, 7, 16), code=code)
        row[5], row[7], row[15], row[17] = a1, a1, a2, a2
        rows.append(row)
    return rows


def test_eventdata_filtered_import_reports_bad_lines_of_the_file(store, tmp_path: Path) -> None:
    """With filters the typed scan stages only rows that may match; rejects keep file lines,
    and a bad value counts only in a row that passes the filter (else the row is filtered)."""
    rng = random.Random(12)
    match, other = ("USA", "RUS", "042"), ("FRA", "DEU", "040")
    rows = _filter_rows(
        rng,
        800,
        [match, match, other, match, other, ("RUS", "USA", "043"), ("CHN", "JPN", "040"), match],
    )
    rows[1] = rows[1][:30]  # line 2: wrong number of columns
    rows[2][30] = "abc"  # line 3: bad GoldsteinScale, filtered out anyway
    rows[3][31] = "many"  # line 4: bad NumMentions in a matching row
    rows[4][1] = "nope"  # line 5: bad SQLDATE in a row filtered out
    rows[7][0] = "x9"  # line 8: bad GLOBALEVENTID
    path = write_gdelt(tmp_path / "20180716000000.export.CSV", rows)
    filters = {"actors": frozenset({"RUS"}), "codes": ("04",)}
    _, (r,) = _import(store, [path], **filters)
    assert (r.n_rows, r.n_loaded, r.n_filtered, r.n_rejected) == (8, 2, 2, 4)
    lines = dict(r.rejects)
    assert sorted(lines) == [2, 3, 4, 8]
    assert "Expected Number of Columns: 61 Found: 30" in lines[2]
    assert "GoldsteinScale" in lines[3] and "NumMentions" in lines[4]
    assert "GLOBALEVENTID" in lines[8]
    ids = {x[0] for x in store.con.execute("SELECT dataset_row_id FROM events").fetchall()}
    assert ids == {"800", "805"}
    # A matching row with a bad value needs its line: that batch stages every row instead,
    # with the same results for the first file.
    bad = _filter_rows(rng, 900, [match, other, match])
    bad[2][1] = "2018-13-45"  # line 3: bad SQLDATE in a matching row
    second = write_gdelt(tmp_path / "20180716001500.export.CSV", bad)
    other_store = Store(tmp_path / "both.duckdb")
    try:
        _, (r1, r2) = _import(other_store, [path, second], **filters)
        assert (r1.n_rows, r1.n_loaded, r1.n_filtered, r1.rejects) == (8, 2, 2, r.rejects)
        assert (r2.n_rows, r2.n_loaded, r2.n_filtered) == (3, 1, 1)
        assert [line for line, _ in r2.rejects] == [3]
        assert r2.rejects[0][1].startswith("SQLDATE: expected a date YYYYMMDD")
    finally:
        other_store.close()
    # without filters, the bad date of line 5 is a reject too
    all_store = Store(tmp_path / "all.duckdb")
    try:
        _, (everything,) = _import(all_store, [path])
        assert sorted(dict(everything.rejects)) == [2, 3, 4, 5, 8]
    finally:
        all_store.close()


def test_eventdata_read_prefilter_keeps_every_row_the_filter_keeps(store) -> None:
    """The condition pushed into the read is checked against the real mappings over raw
    values as re-exports spell them (case, spaces, quotes, lost zeros, CAMEO aliases)."""
    codes_raw = ["042", "42", " 042", "42.0", '"042"', "04", "4", "043", "190", "x", None]
    actors_raw = [
        "USA",
        "usa",
        " USAGOV",
        "RUS",
        "rusmil",
        "ROM",
        "ROMGOV",
        "IGOWSTNAT",
        "CHN",
        "",
        None,
    ]
    cases = [
        ({"RUS"}, ("04",)),
        ({"ROU"}, ("043",)),
        ({"USA", "RUS"}, ("04", "19")),
        (set(), ("19",)),
        ({"NATO"}, ()),
    ]
    con = store.con
    values = [[ec, a1, a2] for ec in codes_raw for a1 in actors_raw for a2 in actors_raw]
    for actors, codes in cases:
        pre = gdelt_prefilter(frozenset(actors), codes)
        wanted = {a.upper() for a in actors}
        kept = passed = 0
        for ec, a1, a2 in values:
            code = cameo_code(ec)
            found = {
                cameo_country(a1),
                cameo_country(a2),
                a1,
                a2,
                (a1 or "")[:3],
                (a2 or "")[:3],
                actor_code_to_id(a1),
                actor_code_to_id(a2),
            }
            if (not actors or found & wanted) and (
                not codes or (code is not None and any(code.startswith(c) for c in codes))
            ):
                kept += 1
                passed += con.execute(
                    f"SELECT {pre} FROM (SELECT ?::VARCHAR AS EventCode, ?::VARCHAR AS "
                    "Actor1Code, ?::VARCHAR AS Actor2Code, ?::VARCHAR AS Actor1CountryCode, "
                    "?::VARCHAR AS Actor2CountryCode)",
                    [ec, a1, a2, a1, a2],
                ).fetchone()[0]
        assert kept > 0 and passed == kept, (actors, codes)
    # and it does drop rows: only the condition on codes here
    assert gdelt_prefilter(frozenset(), ("04",)) == "regexp_matches(EventCode, '^[^0-9]*(?:04|4)')"


def test_eventdata_mentions_and_gkg_link_to_events(store, tmp_path: Path) -> None:
    rows = _gdelt2_rows(3, seed=2, start=777)
    url = rows[0][-1]
    events = write_gdelt(tmp_path / "20180716000000.export.CSV", rows)
    mention = [
        "777",
        "20180716000000",
        "20180716001500",
        "1",
        "example.com",
        url,
        "2",
        "10",
        "40",
        "25",
        "1",
        "80",
        "3000",
        "-2.5",
        "",
        "",
    ]
    mentions = write_gdelt(tmp_path / "20180716000000.mentions.CSV.zip", [mention, mention])
    gkg = [
        "20180716000000-1",
        "20180716000000",
        "1",
        "example.com",
        url,
        "",
        "",
        "TAX_FNCACT;LEADER;",
        "",
        "",
        "",
        "vladimir putin;donald trump",
        "",
        "united nations",
        "",
        "-2.5,1.2,3.7,4.9,20.1,0,600",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
    ]
    assert len(gkg) == 27
    gkg_path = write_gdelt(tmp_path / "20180716000000.gkg.csv", [gkg])
    _, results = _import(store, [events, mentions, gkg_path])
    assert [r.kind for r in results] == ["gdelt2", "gdelt-mentions", "gkg"]
    assert _one(store, "SELECT count(*) FROM gdelt_mentions")[0] == 1  # duplicate ignored
    linked = _one(
        store,
        "SELECT e.event_id, g.persons, g.themes, g.tone FROM gdelt_mentions m "
        "JOIN events e USING (event_id) JOIN gkg g ON g.document_identifier = m.url",
    )
    assert linked == (
        "gdelt2:777",
        ["vladimir putin", "donald trump"],
        ["TAX_FNCACT", "LEADER"],
        -2.5,
    )


# --- ICEWS and POLECAT ----------------------------------------------------------------------


def _tsv(path: Path, spec, rows: list[dict[str, str]]) -> Path:
    names = [n for n, _ in spec]
    lines = ["\t".join(names)] + ["\t".join(r.get(n, "") for n in names) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_eventdata_icews(store, tmp_path: Path) -> None:
    base = {
        "Event Date": "2018-07-16",
        "Source Name": "Russia",
        "Source Country": "Russian Federation",
        "Event Text": "Make a visit",
        "CAMEO Code": "42",
        "Intensity": "1.9",
        "Target Name": "Sauli Niinisto",
        "Target Sectors": "Executive,Government",
        "Target Country": "Finland",
        "Story ID": "123",
        "Sentence Number": "2",
        "Publisher": "Reuters",
        "City": "Helsinki",
        "Province": "Uusimaa",
        "Country": "Finland",
        "Latitude": "60.17",
        "Longitude": "24.94",
    }
    rows = [
        dict(base, **{"Event ID": "1"}),
        dict(base, **{"Event ID": "2", "CAMEO Code": "9x"}),
        dict(base, **{"Event ID": "3", "Intensity": "high"}),
    ]
    path = _tsv(tmp_path / "events.2018.tab", ICEWS_20, rows)
    _, (r,) = _import(store, [path], hint="icews")
    assert (r.kind, r.n_loaded, r.n_rejected) == ("icews", 1, 2)
    assert dict(r.rejects)[3] == "CAMEO Code: expected a CAMEO event code, got '9x'"
    assert "Intensity" in dict(r.rejects)[4]
    got = _one(
        store,
        "SELECT dataset, dataset_row_id, source_actor_id, source_iso3, target_text, "
        "target_iso3, cameo_code, quad_class, goldstein, plover_type, location_iso3, "
        "publisher, story_ref FROM events",
    )
    assert got == (
        "icews",
        "1",
        "RUS",
        "RUS",
        "Sauli Niinisto",
        "FIN",
        "042",
        1,
        1.9,
        "CONSULT",
        "FIN",
        "Reuters",
        "123/2",
    )
    # with filters, the unknown code of line 3 fails --codes 04: filtered, not rejected
    for actors, loaded in (({"FIN"}, 1), ({"USA"}, 0)):
        other = Store(tmp_path / f"{loaded}.duckdb")
        try:
            _, (f,) = _import(other, [path], hint="icews", actors=frozenset(actors), codes=("04",))
            assert (f.n_rows, f.n_loaded, f.n_filtered) == (3, loaded, 2 - loaded)
            assert f.rejects == r.rejects[1:]
        finally:
            other.close()


def test_eventdata_polecat(store, tmp_path: Path) -> None:
    row = {
        "Event ID": "20230105-abc",
        "Event Date": "2023-01-05",
        "Event Type": "consult",
        "Event Mode": "visit",
        "Intensity": "1",
        "Quad Code": "Verbal Cooperation",
        "Contexts": "diplomatic;economic",
        "Actor Name": "Recep Tayyip Erdogan",
        "Actor Country": "TUR",
        "Primary Actor Sector": "GOV",
        "Recipient Name": "Ukraine",
        "Recipient Country": "UKR",
        "Placename": "Kyiv",
        "Country": "Ukraine",
        "Latitude": "50.45",
        "Longitude": "30.52",
        "Source": "AFP",
        "Version": "v1",
    }
    bad = dict(row, **{"Event ID": "x2", "Event Type": "HUG"})
    path = _tsv(tmp_path / "ngecEvents.20230105.txt", POLECAT_40, [row, bad])
    _, (r,) = _import(store, [path])
    assert (r.kind, r.n_loaded, r.n_rejected) == ("polecat", 1, 1)
    got = _one(
        store,
        "SELECT source_text, source_iso3, target_actor_id, plover_type, "
        "plover_mode, quad_class, topics, location_name, location_iso3, publisher "
        "FROM events WHERE dataset = 'polecat'",
    )
    assert got == (
        "Recep Tayyip Erdogan",
        "TUR",
        "UKR",
        "CONSULT",
        "visit",
        1,
        ["diplomatic", "economic"],
        "Kyiv",
        "UKR",
        "AFP",
    )
    other = Store(tmp_path / "filtered.duckdb")
    try:
        _, (f,) = _import(other, [path], actors=frozenset({"UKR"}))
        assert (f.n_loaded, f.n_filtered, f.rejects) == (1, 0, r.rejects)
        assert _one(other, "SELECT dataset_row_id FROM events") == ("20230105-abc",)
    finally:
        other.close()


# --- grouping reports into events -----------------------------------------------------------


def test_eventdata_groups_reports_of_one_event(store, tmp_path: Path) -> None:
    rng = random.Random(4)

    def report(i: int, day: int, lat: str, url: str) -> list[str]:
        row = gdelt_row(rng, 9000 + i, date(2018, 7, day), code="042")
        row[5], row[7], row[15], row[17] = "USAGOV", "USA", "RUSGOV", "RUS"
        row[51], row[56], row[57] = "4", lat, "24.9"
        row[-1] = url
        return row

    rows = [
        report(1, 15, "60.17", "u1"),
        report(2, 16, "60.17", "u2"),
        report(3, 17, "60.17", "u3"),  # adjacent days, same place: one event
        report(4, 16, "10.00", "u2"),  # other place, but same URL as report 2
        report(5, 25, "60.17", "u5"),
    ]  # eight days later: another event
    path = write_gdelt(tmp_path / "g.export.CSV", rows)
    _import(store, [path])
    reports, groups = group_reports(store, "gdelt2")
    assert (reports, groups) == (5, 2)
    counts = store.con.execute(
        "SELECT report_count, first_date, last_date FROM event_groups ORDER BY first_date"
    ).fetchall()
    assert counts == [
        (4, date(2018, 7, 15), date(2018, 7, 17)),
        (1, date(2018, 7, 25), date(2018, 7, 25)),
    ]
    assert group_reports(store, "gdelt2") == (5, 2)  # stable on re-run
    assert _one(store, "SELECT count(DISTINCT group_id) FROM events")[0] == 2


# --- command line ---------------------------------------------------------------------------


def test_eventdata_cli_import_and_errors(tmp_path: Path, shared_dir: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "cli.duckdb"
    aug = shared_dir / "gdelt-samples" / "georgia-aug2012.csv"
    ok = runner.invoke(app, ["--db", str(db), "import", "gdelt", str(aug)])
    assert ok.exit_code == 0, ok.output
    assert "1,255" in ok.output and "grouped into" in ok.output
    missing = runner.invoke(app, ["--db", str(db), "import", "gdelt", str(tmp_path / "no.csv")])
    assert missing.exit_code == 1 and "no.csv: no such file" in " ".join(missing.output.split())
    wrong = runner.invoke(app, ["--db", str(db), "import", "icews", str(aug), "--force"])
    assert wrong.exit_code == 1 and "looks like gdelt1" in " ".join(wrong.output.split())


@pytest.mark.parametrize("bad", ["PK\x03\x04garbage", ""])
def test_eventdata_unreadable_file_fails_cleanly(store, tmp_path: Path, bad: str) -> None:
    path = tmp_path / "x.export.CSV.zip"
    path.write_bytes(bad.encode("latin-1"))
    _, (r,) = _import(store, [path])
    assert r.status == "failed" and str(path.resolve()) in r.message
    assert zipfile.is_zipfile(path) is False


def test_eventdata_reads_a_partial_reexport(store, tmp_path: Path) -> None:
    """A query result with only some GDELT columns, in another order (e.g. from BigQuery)."""
    path = tmp_path / "bq-result.csv"
    path.write_text(
        "SQLDATE,GLOBALEVENTID,Actor1Code,Actor2Code,EventCode,DATEADDED,SOURCEURL\n"
        "20180716,777000001,USAGOV,RUSGOV,42,20180716113000,https://example.com/a\n"
        "20180716,777000002,RUS,,0211,20180716113000,\n",
        encoding="utf-8",
    )
    _, (r,) = _import(store, [path], hint="gdelt")
    assert (r.kind, r.n_loaded, r.n_rejected) == ("gdelt2", 2, 0)
    got = store.con.execute(
        "SELECT event_id, source_actor_id, target_actor_id, cameo_code, "
        "quad_class, goldstein, source_url FROM events ORDER BY 1"
    ).fetchall()
    assert got == [
        ("gdelt2:777000001", "USA", "RUS", "042", 1, 1.9, "https://example.com/a"),
        ("gdelt2:777000002", "RUS", None, "0211", 1, 3.4, None),
    ]
