"""CAMEO and PLOVER lookup tables, and CAMEO / FIPS country codes -> ISO 3166 alpha-3.

The tables ship as CSV files in ``summitry/data/codes`` (each row names its ``source``);
``summitry.codes.build_tables`` regenerates them from the references they come from.

    >>> cameo_info("042").name, cameo_info("042").quad_class, cameo_info("042").goldstein
    ('Make a visit', 1, 1.9)
    >>> plover_for("036")          # an announced future meeting is AGREE, not CONSULT
    PloverInfo(event_type='AGREE', mode=None, context='diplomatic')
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = [
    "CameoInfo",
    "PloverInfo",
    "cameo_info",
    "plover_for",
    "cameo_country",
    "fips_country",
    "all_cameo_codes",
    "normalise_cameo_code",
]


@dataclass(frozen=True)
class CameoInfo:
    code: str  # codebook string: "042", "0411", "1056"; roots are 2 digits
    name: str
    root: str  # 2 digits
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float | None


@dataclass(frozen=True)
class PloverInfo:
    event_type: str  # upper case, e.g. CONSULT
    mode: str | None  # lower case as in the PLOVER codebook, e.g. "visit"
    context: str | None = None  # e.g. "diplomatic" ("; " between several)


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("summitry").joinpath("data/codes/" + name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def _cameo() -> dict[str, CameoInfo]:
    return {
        r["code"]: CameoInfo(
            r["code"],
            r["name"],
            r["root"],
            int(r["quad_class"]),
            float(r["goldstein"]) if r["goldstein"] else None,
        )
        for r in _rows("cameo_events.csv")
    }


@cache
def _plover() -> dict[str, PloverInfo]:
    return {
        r["cameo_code"]: PloverInfo(
            r["plover_type"], r["plover_mode"] or None, r["plover_context"] or None
        )
        for r in _rows("cameo_plover.csv")
    }


@cache
def _countries() -> dict[str, str]:
    return {r["cameo_code"]: r["iso3"] for r in _rows("cameo_countries.csv")}


@cache
def _fips() -> dict[str, str]:
    return {r["fips"]: r["iso3"] for r in _rows("fips_countries.csv")}


def normalise_cameo_code(code: object) -> str | None:
    """Return the codebook string for a code as datasets write it, or None.

    Restores leading zeros lost by numeric exports (``42`` -> ``"042"``, ``4`` -> ``"04"``)
    only when that gives a known code.
    """
    if code is None:
        return None
    text = str(code).strip().strip('"')
    if text.endswith(".0"):
        text = text[:-2]
    if not text or not text.isdigit():
        return None
    table = _cameo()
    if text in table:
        return text
    padded = "0" + text
    return padded if padded in table else None


def cameo_info(code: object) -> CameoInfo | None:
    """The CAMEO event code's name, root, QuadClass and Goldstein score, or None if unknown."""
    norm = normalise_cameo_code(code)
    return _cameo()[norm] if norm else None


def plover_for(cameo_code: object) -> PloverInfo | None:
    """PLOVER event type (and mode, context) for a CAMEO code, or None if PLOVER has none.

    A code without its own row falls back to its parent (``0411`` -> ``041``); statements
    (01) and appeals (02) have no PLOVER event in the conversion table.
    """
    table = _plover()
    raw = str(cameo_code).strip() if cameo_code is not None else ""
    norm = raw if raw in table else normalise_cameo_code(cameo_code)
    if norm is None:
        return None
    while norm:
        if norm in table:
            return table[norm]
        norm = norm[:-1] if len(norm) > 2 else ""
    return None


def cameo_country(code: object) -> str | None:
    """ISO 3166 alpha-3 for a CAMEO / Phoenix 3-letter country code (``ROM`` -> ``ROU``).

    Accepts a full CAMEO actor code too (``RUSGOV`` -> ``RUS``). Regions and non-country
    codes (``AFR``, ``EUR``, ``IGO``...) give None.
    """
    if code is None:
        return None
    text = str(code).strip().upper()[:3]
    return _countries().get(text)


def fips_country(code: object) -> str | None:
    """ISO 3166 alpha-3 for a FIPS 10-4 country code (GDELT ``*Geo_CountryCode``: RS -> RUS)."""
    if code is None:
        return None
    return _fips().get(str(code).strip().upper())


def all_cameo_codes() -> list[str]:
    """Every CAMEO event code in the table (roots included), in codebook order."""
    return list(_cameo())
