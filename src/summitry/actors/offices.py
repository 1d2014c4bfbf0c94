"""Titles and offices: which role a title names, and which office leads a country on a date.

Two shipped tables (``data/actors/``), read and checked once per process:

- ``titles.csv`` (title, role, iso3, note): "foreign secretary" -> ``foreign_minister``;
  a title of one body carries its iso3 ("commission president" -> ``commission_president``
  of the EU). The title ``leader`` has the role ``leader``: the office in ``leaders.csv``.
- ``leaders.csv`` (iso3, role, start_date, end_date, source_url, note): the office "the
  <country> leader" means, by date: the head of government in parliamentary systems, the
  party's general secretary in the USSR until the presidency was created on 1990-03-15,
  the supreme leader in Iran. A country or date not listed: the head of state.

A bad row stops the load with ``file:line: what was wrong`` (:class:`ActorFileError`).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

from summitry.actors.files import ActorFileError
from summitry.actors.normalise import normalise

TITLES_FILE = "titles.csv"
LEADERS_FILE = "leaders.csv"
LEADER = "leader"  # the pseudo-role of the title "leader"
DEFAULT_LEADER_ROLE = "head_of_state"
# Offices that lead a country: "the X leader" is one of them, and so is a meeting's leader.
LEADER_ROLES = ("head_of_state", "head_of_government", "party_leader", "supreme_leader")


@dataclass(frozen=True)
class Title:
    """A title as written in titles.csv (lower case) and the role it names."""

    title: str
    role: str
    iso3: str | None = None  # the one body the title belongs to, if any
    note: str | None = None


@dataclass(frozen=True)
class LeaderOffice:
    """The office that leads ``iso3`` from ``start`` (inclusive) to ``end`` (exclusive)."""

    iso3: str
    role: str
    start: date | None
    end: date | None
    source_url: str
    note: str | None = None

    def held_on(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True)
class Offices:
    """The titles and leader offices of one data folder."""

    titles: dict[str, Title]  # normalised title -> Title
    leaders: dict[str, tuple[LeaderOffice, ...]]  # iso3 -> its leader offices by date

    @cached_property
    def _title_search(self) -> re.Pattern[str]:
        alt = "|".join(sorted((re.escape(k) for k in self.titles), key=len, reverse=True))
        return re.compile(rf"(?<![a-z0-9])(?:{alt})(?![a-z0-9])")

    def named_in(self, text: str) -> Title | None:
        """The longest title anywhere in ``text`` ("RUSSIAN VICE PRESIDENT" -> vice
        president), or None."""
        hits = self._title_search.findall(normalise(text))
        return self.titles[max(hits, key=len)] if hits else None

    def title(self, text: str) -> Title | None:
        """The title ``text`` names exactly ("Foreign Secretary", "the U.N. ambassador")."""
        key = normalise(text)
        return self.titles.get(key[4:] if key.startswith("the ") else key)

    def country_titles(self) -> dict[str, str]:
        """Title (as written) -> role, for titles that take a country ("the Russian
        president"); titles of one body ("commission president") are left out."""
        return {t.title: t.role for t in self.titles.values() if t.iso3 is None}

    def leader_role(self, iso3: str, on: date | None) -> str:
        """The office "the <iso3> leader" means on ``on`` (head of state if none listed)."""
        for office in self.leaders.get(iso3, ()):
            if on is None or office.held_on(on):
                return office.role
        return DEFAULT_LEADER_ROLE

    def role_for(self, title: str, iso3: str, on: date | None) -> str | None:
        """The role a title names for a country on a date ("leader" by leaders.csv)."""
        t = self.title(title)
        if t is None:
            return None
        return self.leader_role(iso3, on) if t.role == LEADER else t.role


def load_offices(data_dir: Path) -> Offices:
    """The titles and leader offices shipped in ``data_dir`` (parsed once per process)."""
    titles, leaders = data_dir / TITLES_FILE, data_dir / LEADERS_FILE
    return _cached(str(titles), _mtime(titles), str(leaders), _mtime(leaders))


def _mtime(path: Path) -> float:
    return path.stat().st_mtime if path.is_file() else 0.0


@lru_cache(maxsize=4)
def _cached(titles: str, _t: float, leaders: str, _l: float) -> Offices:
    return Offices(_read_titles(Path(titles)), _read_leaders(Path(leaders)))


def _rows(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    if not path.is_file():
        return []
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in required if c not in (reader.fieldnames or ())]
        if missing:
            raise ActorFileError(f"{path}:1: missing column(s) {', '.join(missing)}")
        rows = []
        for n, row in enumerate(reader, start=2):
            for c in required:
                if not (row.get(c) or "").strip():
                    raise ActorFileError(f"{path}:{n}: empty {c!r}")
            rows.append((n, {k: (v or "").strip() for k, v in row.items() if k}))
        return rows


def _read_titles(path: Path) -> dict[str, Title]:
    out: dict[str, Title] = {}
    for n, row in _rows(path, ("title", "role")):
        key = normalise(row["title"])
        if key in out:
            raise ActorFileError(f"{path}:{n}: title {row['title']!r} is listed twice")
        out[key] = Title(
            row["title"].lower(), row["role"], row.get("iso3") or None, row.get("note")
        )
    return out


def _read_leaders(path: Path) -> dict[str, tuple[LeaderOffice, ...]]:
    by_iso: dict[str, list[LeaderOffice]] = {}
    for n, row in _rows(path, ("iso3", "role", "source_url")):
        start, end = _date(row, "start_date", path, n), _date(row, "end_date", path, n)
        if start and end and end <= start:
            raise ActorFileError(f"{path}:{n}: end_date {end} is not after start_date {start}")
        office = LeaderOffice(
            row["iso3"], row["role"], start, end, row["source_url"], row.get("note")
        )
        have = by_iso.setdefault(office.iso3, [])
        if any(_overlap(office, o) for o in have):
            raise ActorFileError(f"{path}:{n}: {office.iso3} has two leader offices at once")
        have.append(office)
    return {iso: tuple(sorted(v, key=lambda o: o.start or date.min)) for iso, v in by_iso.items()}


def _date(row: dict[str, str], col: str, path: Path, n: int) -> date | None:
    value = row.get(col) or ""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise ActorFileError(f"{path}:{n}: {col} {value!r} is not an ISO date") from None


def _overlap(a: LeaderOffice, b: LeaderOffice) -> bool:
    return (a.start is None or b.end is None or a.start < b.end) and (
        b.start is None or a.end is None or b.start < a.end
    )
