"""Invariants of the shipped actor data and spot checks of dated roles."""

from __future__ import annotations

import re
from datetime import date
from itertools import combinations

import pytest

from summitry.actors import SINGLE_HOLDER_ROLES, ActorKB, person_id

D = date.fromisoformat


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def test_every_row_has_a_source_url(kb):
    missing = [a.actor_id for a in kb.actors() if not (a.source_url or "").startswith("https://")]
    missing += [
        f"{r.actor_id}:{r.role}:{r.start}"
        for r in kb.all_roles()
        if not (r.source_url or "").startswith("https://")
    ]
    assert missing == []


def test_person_ids_follow_the_convention(kb):
    people = list(kb.actors("person"))
    assert len(people) > 250
    bad = [
        a.actor_id
        for a in people
        if a.actor_id != person_id(a.name)
        or not re.fullmatch(r"person:[a-z0-9]+(-[a-z0-9]+)*", a.actor_id)
    ]
    assert bad == []


def test_roles_have_known_actors_and_ordered_dates(kb):
    for r in kb.all_roles():
        assert kb.get(r.actor_id) is not None
        assert r.start is not None, r
        assert r.end is None or r.start < r.end, r
        assert r.iso3 and (kb.get(r.iso3) is not None), r


def test_no_overlapping_single_holder_tenures_except_acting(kb):
    offices: dict[tuple[str, str], list] = {}
    for r in kb.all_roles():
        if r.role in SINGLE_HOLDER_ROLES:
            offices.setdefault((r.role, r.iso3), []).append(r)
    overlaps = []
    for key, rs in offices.items():
        for a, b in combinations(rs, 2):
            if a.acting or b.acting:  # documented acting overlaps (suspensions, coups)
                continue
            a_end, b_end = a.end or date.max, b.end or date.max
            if a.start < b_end and b.start < a_end:
                overlaps.append((key, a.actor_id, str(a.start), b.actor_id, str(b.start)))
    assert overlaps == []


def test_countries_cover_iso_and_ussr(kb):
    import pycountry

    iso = {c.alpha_3 for c in pycountry.countries}
    have = {a.actor_id for a in kb.actors("country")}
    assert iso <= have
    assert {"SUN", "XKX"} <= have
    assert kb.get("XKX").cameo_code == "KSV"
    for code in (
        "UN",
        "UNSC",
        "NATO",
        "EU",
        "OSCE",
        "G7",
        "G20",
        "APEC",
        "BRICS",
        "ASEAN",
        "AU",
        "OPEC",
        "IAEA",
        "WTO",
        "IMF",
        "SCO",
        "CIS",
        "CSTO",
        "EAEU",
        "ARAB_LEAGUE",
        "OAS",
    ):
        assert kb.get(code) is not None, code
    assert kb.get("NATO").cameo_code == "IGOWSTNAT"


@pytest.mark.parametrize(
    ("role", "iso3", "on", "who"),
    [
        ("head_of_state", "USA", "2018-07-16", "person:donald-trump"),
        ("head_of_state", "USA", "2022-03-01", "person:joe-biden"),
        ("head_of_state", "USA", "2025-08-15", "person:donald-trump"),
        ("head_of_government", "USA", "2025-08-15", "person:donald-trump"),
        ("head_of_state", "USA", "2021-01-20", "person:joe-biden"),
        ("head_of_state", "USA", "2021-01-19", "person:donald-trump"),
        ("head_of_state", "RUS", "2010-01-01", "person:dmitry-medvedev"),
        ("head_of_state", "RUS", "2018-07-16", "person:vladimir-putin"),
        ("head_of_state", "RUS", "1995-01-01", "person:boris-yeltsin"),
        ("party_leader", "SUN", "1986-10-11", "person:mikhail-gorbachev"),
        ("party_leader", "SUN", "1975-01-01", "person:leonid-brezhnev"),
        ("head_of_state", "SUN", "1990-06-01", "person:mikhail-gorbachev"),
        ("head_of_government", "SUN", "1970-01-01", "person:alexei-kosygin"),
        ("foreign_minister", "SUN", "1975-01-01", "person:andrei-gromyko"),
        ("foreign_minister", "USA", "1972-05-26", "person:william-p-rogers"),
        ("foreign_minister", "USA", "2018-07-16", "person:mike-pompeo"),
        ("foreign_minister", "USA", "2025-08-15", "person:marco-rubio"),
        ("defence_minister", "USA", "2025-08-15", "person:pete-hegseth"),
        ("defence_minister", "RUS", "2025-01-01", "person:andrei-belousov"),
        ("defence_minister", "RUS", "2018-07-16", "person:sergei-shoigu"),
        ("foreign_minister", "RUS", "2018-07-16", "person:sergei-lavrov"),
        ("head_of_government", "GBR", "2019-06-28", "person:theresa-may"),
        ("head_of_government", "JPN", "2019-06-28", "person:shinzo-abe"),
        ("head_of_government", "JPN", "2026-01-01", "person:sanae-takaichi"),
        ("head_of_government", "DEU", "2025-08-01", "person:friedrich-merz"),
        ("head_of_government", "CAN", "2025-08-01", "person:mark-carney"),
        ("head_of_state", "KOR", "2025-08-01", "person:lee-jae-myung"),
        ("head_of_government", "FRA", "2025-11-01", "person:sebastien-lecornu"),
        ("head_of_state", "GBR", "2023-01-01", "person:charles-iii"),
        ("commission_president", "EU", "2020-01-01", "person:ursula-von-der-leyen"),
    ],
)
def test_holder_spot_checks(kb, role, iso3, on, who):
    holder = kb.holder(role, iso3, on=D(on))
    assert holder is not None and holder.actor_id == who


def test_acting_holder_loses_to_substantive_one(kb):
    # Rousseff was suspended 2016-05-12; Temer acted until her removal on 2016-08-31
    assert kb.holder("head_of_state", "BRA", D("2016-06-01")).actor_id == "person:dilma-rousseff"
    acting = [r for r in kb.holders("head_of_state", "BRA", D("2016-06-01")) if r.acting]
    assert [r.actor_id for r in acting] == ["person:michel-temer"]


def test_no_holder_before_the_first_known_tenure(kb):
    assert kb.holder("head_of_state", "RUS", D("1980-01-01")) is None
    assert kb.holder("head_of_state", "ATL", D("2000-01-01")) is None


def test_country_table_is_reproducible_from_its_generator():
    from importlib import resources

    from summitry.actors.build_countries import build_rows, render

    shipped = (resources.files("summitry") / "data" / "actors" / "countries.csv").read_text("utf-8")
    assert render(build_rows()) == shipped, "run: python -m summitry.actors.build_countries"


def test_country_terms_point_at_known_countries(kb):
    import csv
    from importlib import resources

    path = resources.files("summitry") / "data" / "actors" / "country_terms.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert len(rows) > 200
    for row in rows:
        kinds = {"country", "igo"} if row["type"] == "metonym" else {"country"}  # Brussels: EU
        assert kb.get(row["iso3"]) is not None and kb.get(row["iso3"]).kind in kinds, row
        assert row["type"] in {"adjective", "capital", "metonym", "name"}, row
        assert row["names_government"] in {"", "yes"}, row
        assert row["source_url"].startswith("https://"), row
    assert kb.country_of("Kyiv") == kb.country_of("Kiev") == "UKR"
    assert kb.country_of("U.S.") == kb.country_of("America") == "USA"
    assert kb.country_of("Britain") == "GBR"
    assert kb.country_of_adjective("Soviet") == "SUN"
    assert kb.country_of_adjective("Martian") is None


def test_shipped_people_ids_are_unique():
    import csv
    from importlib import resources

    path = resources.files("summitry") / "data" / "actors" / "people.csv"
    ids = [r["actor_id"] for r in csv.DictReader(path.open(encoding="utf-8"))]
    assert len(ids) == len(set(ids))
