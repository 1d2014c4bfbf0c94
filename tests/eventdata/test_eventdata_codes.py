"""The shipped CAMEO / PLOVER / country tables: regenerated from ../shared they are identical,
and they agree with the references and with real GDELT rows."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest

from summitry.codes import (
    all_cameo_codes,
    cameo_country,
    cameo_info,
    fips_country,
    normalise_cameo_code,
    plover_for,
)
from summitry.codes.build_tables import build


def test_codes_shipped_tables_equal_a_fresh_build(shared_dir: Path) -> None:
    shipped = resources.files("summitry").joinpath("data/codes")
    for name, text in build(shared_dir).items():
        assert shipped.joinpath(name).read_text(encoding="utf-8") == text, (
            f"{name} is stale: run python -m summitry.codes.build_tables --shared ../shared"
        )


def test_codes_every_reference_code_has_name_and_goldstein(shared_dir: Path) -> None:
    lines = (shared_dir / "cameo" / "CAMEO.goldsteinscale.txt").read_text().splitlines()[1:]
    gold = {c: float(v) for c, v in (ln.split("\t") for ln in lines if ln.strip())}
    assert set(gold) == set(all_cameo_codes())
    for code, value in gold.items():
        info = cameo_info(code)
        assert info is not None and info.goldstein == value and info.name
        assert info.root == code[:2]


def test_codes_known_values() -> None:
    visit = cameo_info("042")
    assert (visit.name, visit.root, visit.quad_class, visit.goldstein) == (
        "Make a visit",
        "04",
        1,
        1.9,
    )
    assert cameo_info("190").quad_class == 4
    assert cameo_info("999") is None and cameo_info("abc") is None and cameo_info(None) is None
    assert normalise_cameo_code(42) == "042" and normalise_cameo_code("4") == "04"
    assert cameo_info("106").name  # in the Goldstein table only; named from CAMEO2PLOVER


def test_codes_plover_meeting_rules() -> None:
    assert plover_for("036").event_type == "AGREE"  # announced meeting: AGREE, not CONSULT
    assert plover_for("040").event_type == "CONSULT"
    assert plover_for("041").mode == "phone"
    assert plover_for("042").mode == "visit" and plover_for("043").mode == "visit"
    assert plover_for("044").mode == "third-party"
    assert plover_for("04").event_type == "CONSULT"
    assert plover_for("010") is None and plover_for("02") is None
    assert plover_for("163").event_type == "COERCE"


def test_codes_plover_agrees_with_conversion_table(shared_dir: Path) -> None:
    import re

    text = (shared_dir / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    seen: set[str] = set()
    for line in text.splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,", line)
        if m and m.group(1) not in seen:
            seen.add(m.group(1))
            assert plover_for(m.group(1)).event_type == m.group(2), line


def test_codes_quad_class_matches_real_gdelt_rows(shared_dir: Path) -> None:
    path = shared_dir / "gdelt-samples" / "georgia-aug2012.csv"
    checked = 0
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code, quad = row["EventCode"], row["QuadClass"]
            if len(quad) == 1 and code.isdigit() and cameo_info(code):
                assert cameo_info(code).quad_class == int(quad), row["GLOBALEVENTID"]
                checked += 1
    assert checked > 500


@pytest.mark.parametrize(
    ("code", "iso3"),
    [
        ("RUS", "RUS"),
        ("USA", "USA"),
        ("RUSGOV", "RUS"),
        ("ROM", "ROU"),
        ("SUN", "SUN"),
        ("KSV", "XKX"),
        ("ZAR", "COD"),
        ("AFR", None),
        ("IGO", None),
        ("", None),
        (None, None),
    ],
)
def test_codes_cameo_country(code: str | None, iso3: str | None) -> None:
    assert cameo_country(code) == iso3


def test_codes_fips_country() -> None:
    assert fips_country("RS") == "RUS" and fips_country("GG") == "GEO"
    assert fips_country("US") == "USA" and fips_country("XX") is None


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("RUS", "RUS"),
        ("RUSGOV", "RUS"),
        ("USAMED", None),  # media are not the state
        ("IGOUNO", "UN"),
        ("IGOWSTNAT", "NATO"),
        ("IGOUNOKBZ", "UN"),  # a UN body: the longest known prefix
        ("IGOXYZ", None),  # an organisation the KB does not know stays unmapped
    ],
)
def test_actor_codes_map_to_kb_actors(code: str, expected: str | None) -> None:
    from summitry.eventdata.lookups import actor_code_to_id

    assert actor_code_to_id(code) == expected
