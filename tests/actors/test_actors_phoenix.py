"""PETRARCH/Phoenix actor dictionaries as actor files: format detection, the bulk load of the
real Phoenix files (read in place from ../shared/petrarch2), provenance, CLI and coder use."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summitry.actors import ActorFileError, ActorKB
from summitry.actors.files import detect_format
from summitry.cli import app

D = date.fromisoformat
USER_FILE = """\
# a user's Phoenix-format additions
KIRILL_DMITRIEV_  # head of the Russian Direct Investment Fund
+KIRILL_ALEXANDROVICH_DMITRIEV
\t[RUSBUS >110601]
VALDAI_DISCUSSION_CLUB [RUSEDU]
"""


@pytest.fixture(scope="module")
def petr(shared_dir: Path) -> Path:
    d = shared_dir / "petrarch2"
    assert (d / "Phoenix.Countries.actors.txt").is_file(), f"{d} is missing"
    return d


@pytest.fixture(scope="module")
def phoenix_kb(petr: Path) -> ActorKB:
    return ActorKB.load(
        [petr / "Phoenix.Countries.actors.txt", petr / "Phoenix.International.actors.txt"],
        strict=False,
    )


def test_format_detection(petr: Path, tmp_path: Path) -> None:
    assert detect_format(petr / "Phoenix.Countries.actors.txt") == "phoenix"
    assert detect_format(petr / "PETR.Validate.actors.txt") == "phoenix"  # <!-- --> header
    for name, kind in [("Phoenix.agents.txt", "agents"), ("CAMEO.2.0.txt", "verbs")]:
        with pytest.raises(ActorFileError, match=f"looks like a PETRARCH {kind} dictionary"):
            detect_format(petr / name)
    csv_txt = tmp_path / "people.txt"
    csv_txt.write_text("actor_id,name\nperson:x-y,X Y\n", encoding="utf-8")
    assert detect_format(csv_txt) == "csv"
    odd = tmp_path / "mine.dict"
    odd.write_text(USER_FILE, encoding="utf-8")
    assert detect_format(odd) == "phoenix"
    assert detect_format(csv_txt, "phoenix") == "phoenix"  # an explicit format wins
    with pytest.raises(ActorFileError, match="format must be one of csv, yaml, phoenix"):
        detect_format(csv_txt, "xml")


def test_bulk_load_of_the_real_phoenix_files(phoenix_kb: ActorKB, petr: Path) -> None:
    kb = phoenix_kb
    countries = str((petr / "Phoenix.Countries.actors.txt").resolve())
    assert len(kb) > len(ActorKB.load()) + 10_000
    # the published files have a few malformed lines: skipped and listed as file:line
    assert len(kb.problems) == 9
    assert kb.problems[0].startswith(f"{petr / 'Phoenix.Countries.actors.txt'}:2039: bad date")
    # a Phoenix person with dated codes merges into the KB's person and gains dated roles
    hits = kb.resolve("Russian Prime Minister Vladimir Putin")
    assert [(m.actor_id, m.rule) for m in hits] == [("person:vladimir-putin", "name")]
    assert hits[0].extra["source"] == f"{countries}:39559"
    putin = kb.get("person:vladimir-putin")
    assert putin.origin == "kb" and putin.source_url.startswith("https://")
    gov = [
        (r.role, r.iso3, r.start, r.end)
        for r in kb.roles("person:vladimir-putin")
        if r.origin == "dictionary"
    ]
    assert ("cameo:GOV", "RUS", D("1999-12-31"), D("2008-05-08")) in gov
    # an IGO entry merges into the KB's UN, not a new organisation
    assert [m.actor_id for m in kb.resolve("UN Secretary General")] == ["UN"]
    assert kb.get("org:the-united-nations") is None and kb.get("org:un") is None
    # a country synonym resolves to its ISO3; a capital keeps its date-aware rule
    assert kb.country_of("Afghanestan") == "AFG"
    assert [(m.actor_id, m.rule) for m in kb.resolve("Moscow", on=D("1985-01-01"))] == [
        ("SUN", "capital")
    ]
    # a Phoenix-only person: origin 'dictionary', source file:line, roles from dated codes
    lev = kb.get("person:levon-ter-petrosyan")
    assert lev.origin == "dictionary" and lev.source_url == f"{countries}:2041"
    assert [r.role for r in kb.roles(lev.actor_id, on=D("1995-01-01"))] == ["cameo:GOV"]
    # open-ended Phoenix codes do not outvote curated tenures when a date decides
    assert [m.actor_id for m in kb.resolve("Kim", on=D("2018-07-16"))] == ["person:kim-jong-un"]
    assert [m.actor_id for m in kb.resolve("Bush", on=D("2003-01-01"))] == ["person:george-w-bush"]
    assert kb.resolve("May") == []  # a surname that is an everyday word stays unresolved
    # Phoenix title-like names ("U.S._PRESIDENT" under [USAGOV]) leave the dated title rule be
    assert [(m.actor_id, m.rule) for m in kb.resolve("the U.S. president", D("2018-07-16"))] == [
        ("person:donald-trump", "title:head_of_state")
    ]
    # Phoenix city names of a country ("VLADIMIR" [RUS]) are not stripped off person names
    assert kb.country_of("Vladimir") == "RUS"
    for text, rule in [("Russian Vladimir Putin", "titled-name"), ("Vladimir Puttin", "fuzzy")]:
        assert [(m.actor_id, m.rule) for m in kb.resolve(text)] == [("person:vladimir-putin", rule)]


def test_malformed_phoenix_line_is_a_file_line_error(tmp_path: Path, petr: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("RUSSIA_ [RUS]\nPUTIN_ [RUSGOV 000507-0805]\n", encoding="utf-8")
    with pytest.raises(ActorFileError, match=r"bad\.txt:2: bad date '0805'"):
        ActorKB.load([bad])
    runner = CliRunner()
    r = runner.invoke(app, ["actors", "--actors", str(bad), "who", "Putin"])
    assert r.exit_code == 1
    assert f"{bad}:2: bad date '0805' in actor code" in r.output
    real = petr / "Phoenix.Countries.actors.txt"
    r = runner.invoke(app, ["actors", "who", "Putin", "--actors", str(real)])
    assert r.exit_code == 1 and f"{real}:2039: bad date '9008223'" in r.output


def test_cli_who_finds_a_phoenix_only_actor(petr: Path) -> None:
    intl = petr / "Phoenix.International.actors.txt"
    runner = CliRunner()
    args = ["who", "Gladwyn Jebb", "--on", "1945-12-01", "--format", "json"]
    r = runner.invoke(app, ["actors", *args])
    assert r.exit_code == 1  # not in the shipped KB
    r = runner.invoke(app, ["actors", "--actors", str(intl), "--lenient", *args])
    assert r.exit_code == 0, r.output
    got = json.loads(r.stdout)
    assert [(g["actor_id"], g["rule"], g["origin"]) for g in got] == [
        ("person:gladwyn-jebb", "name", "dictionary")
    ]
    assert got[0]["source"].endswith("Phoenix.International.actors.txt:70")
    assert "Phoenix.International.actors.txt:40: bad date" in r.stderr  # listed, skipped


def test_user_phoenix_file_through_the_csv_yaml_loader_and_the_coder(tmp_path: Path) -> None:
    p = tmp_path / "mine.actors"
    p.write_text(USER_FILE, encoding="utf-8")
    kb = ActorKB.load([p])
    dm = kb.get("person:kirill-dmitriev")
    assert dm.origin == "dictionary" and dm.source_url == f"{p.resolve()}:2"
    assert [(m.actor_id, m.rule) for m in kb.resolve("Kirill Alexandrovich Dmitriev")] == [
        ("person:kirill-dmitriev", "name")
    ]
    club = [a for a in kb.actors("organisation") if a.cameo_code == "RUSEDU"]
    assert [(a.name, a.iso3, a.source_url) for a in club] == [
        ("Valdai Discussion Club", "RUS", f"{p.resolve()}:5")
    ]
    from summitry.coding.people import load_people

    people = load_people((str(p),))
    hit = people.lookup("kirill dmitriev", D("2018-07-16"))
    assert hit is not None and hit.actor_id == "person:kirill-dmitriev"
