"""The pair under study: two leaders (each with their country) or two countries."""

from __future__ import annotations

from dataclasses import dataclass

import pycountry

# Predecessor states counted as the same side in the long-run history (conventions: USSR = SUN).
PREDECESSORS = {"RUS": ("SUN",), "DEU": ("DDR",), "CZE": ("CSK",), "SRB": ("YUG", "SCG")}
ORIGINS = ("extracted", "imported", "curated")


class DyadError(ValueError):
    """A leader or country cannot be resolved."""


@dataclass(frozen=True)
class Side:
    label: str  # "Donald Trump" or "United States"
    iso3: str  # the country
    person_id: str | None = None

    @property
    def countries(self) -> tuple[str, ...]:
        """The country and its predecessor states (for the historical context)."""
        return (self.iso3, *PREDECESSORS.get(self.iso3, ()))


@dataclass(frozen=True)
class Dyad:
    a: Side
    b: Side

    @property
    def is_leaders(self) -> bool:
        return self.a.person_id is not None and self.b.person_id is not None

    @property
    def title(self) -> str:
        return f"{self.a.label} – {self.b.label}"


SHORT_NAMES = {
    "USA": "the United States",
    "RUS": "Russia",
    "SUN": "the USSR",
    "GBR": "the United Kingdom",
    "PRK": "North Korea",
    "KOR": "South Korea",
}


def country_name(iso3: str) -> str:
    if iso3 in SHORT_NAMES:
        return SHORT_NAMES[iso3].removeprefix("the ")
    c = pycountry.countries.get(alpha_3=iso3) or pycountry.historic_countries.get(alpha_3=iso3)
    if c is None:
        return iso3
    return (getattr(c, "common_name", None) or c.name).split(",")[0]


def leaders(name_a: str, name_b: str) -> Dyad:
    """Resolve two leader names (or person ids) through the knowledge pack's leader list."""
    from summitry.knowledge import read_pack, resolve_person

    pack = read_pack()
    sides = []
    for name in (name_a, name_b):
        pid = resolve_person(name, pack)
        iso3 = pack.leader_iso3(pid) if pid else None
        if pid is None or iso3 is None:
            known = ", ".join(sorted({t.name for t in pack.leaders})[:8])
            raise DyadError(
                f"leader {name!r} is not in the knowledge pack's leader list "
                f"(expected a full name or person id such as {known}, ...)"
            )
        sides.append(Side(pack.leader_name(pid), iso3, pid))
    return Dyad(*sides)


def countries(code_a: str, code_b: str) -> Dyad:
    """Resolve two ISO 3166 alpha-3 codes (e.g. USA RUS)."""
    sides = []
    for code in (code_a, code_b):
        iso3 = code.strip().upper()
        if len(iso3) != 3 or country_name(iso3) == iso3:
            raise DyadError(
                f"country {code!r}: expected an ISO 3166 alpha-3 code such as USA or RUS"
            )
        sides.append(Side(country_name(iso3), iso3))
    return Dyad(*sides)


def check_sources(sources: list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """Validate ``--source`` values; None means all origins."""
    if not sources:
        return ORIGINS
    bad = [s for s in sources if s not in ORIGINS]
    if bad:
        raise DyadError(f"--source {bad[0]!r}: expected one of {', '.join(ORIGINS)}")
    return tuple(dict.fromkeys(sources))
