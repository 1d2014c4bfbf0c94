"""The offline gazetteer: GeoNames cities and countries, curated venues."""

from __future__ import annotations

import pytest

from summitry.geo import lookup_place


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("Danang", None, ("Da Nang", "VNM", "city")),
        ("Da Nang", "Vietnam", ("Da Nang", "VNM", "city")),
        ("Hamburg", None, ("Hamburg", "DEU", "city")),
        ("Helsinki", "FI", ("Helsinki", "FIN", "city")),
        ("Vietnam", None, ("Vietnam", "VNM", "country")),
        ("Russia", None, ("Russia", "RUS", "country")),
        ("U.S.", None, ("United States", "USA", "country")),
        ("Kiev", None, ("Kyiv", "UKR", "city")),
        ("Moscow", "USA", ("Moscow", "USA", "city")),
        ("Mar-a-Lago", None, ("Mar-a-Lago", "USA", "resort")),
        ("Bocharov Ruchey", "RUS", ("Bocharov Ruchei", "RUS", "residence")),
    ],
)
def test_meetings_geo_lookup(name: str, country: str | None, expected: tuple) -> None:
    place = lookup_place(name, country)
    assert place is not None
    assert (place.name, place.iso3, place.kind) == expected
    assert place.lat is not None and place.lon is not None


def test_meetings_geo_coordinates_and_sources() -> None:
    danang = lookup_place("Danang")
    assert abs(danang.lat - 16.07) < 0.1 and abs(danang.lon - 108.22) < 0.1
    assert lookup_place("Mar-a-Lago").source.startswith("https://")
    assert lookup_place("Moscow").iso3 == "RUS"  # the most populous Moscow
    assert lookup_place("Xyzzyville") is None
    assert lookup_place("") is None
    assert lookup_place("Mar-a-Lago", "RUS") is None  # a venue outside the country
