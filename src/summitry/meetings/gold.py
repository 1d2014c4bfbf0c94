"""Gold lists of encounters and how found episodes are scored against them (evaluation only).

A gold file is a CSV with one row per real encounter: ``gold_id, set (leaders|ministers),
kind (bilateral|multiparty|multilateral), participants (";"-separated names, or
``role:<role>:<ISO3>`` for a person the text does not name, or ``group:<label>`` for
leaders named as a group), start_date, end_date, city, country, format
(summit|sideline|informal|call, empty = not known), occasion, status (held|planned|
cancelled), when (news|past|vague), evidence (space-separated ``doc@start-end`` spans or
document ids; ``!planned`` after a span that only announces the encounter), note``.
Rows of kind ``multilateral`` (a summit of many, an occasion) and ``when = vague`` (no
usable date) are neutral: an episode matching them is neither right nor wrong. The
extraction never reads these files.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from unidecode import unidecode

SETS = ("leaders", "ministers")
KINDS = ("bilateral", "multiparty", "multilateral")
FORMATS = ("", "summit", "sideline", "informal", "call")
STATUSES = ("held", "planned", "cancelled", "postponed")
WHENS = ("news", "past", "vague")
DATE_TOLERANCE = timedelta(days=1)
_PARTICLES = {"bin", "ibn", "al", "el", "de", "da", "van", "von", "der", "jr", "sheikh", "of"}


class GoldError(ValueError):
    """A gold file is malformed (file:line: what)."""


@dataclass
class GoldRow:
    gold_id: str
    set: str
    kind: str
    participants: list[str]
    start: date | None
    end: date | None
    city: str
    country: str
    format: str
    status: str
    when: str
    docs: list[str]
    countries: list[str] = field(default_factory=list)
    announcing: set[str] = field(default_factory=set)  # docs whose evidence only announces

    @property
    def neutral(self) -> bool:
        return self.kind == "multilateral" or self.when == "vague"

    @property
    def mode(self) -> str:
        return "call" if self.format == "call" else ("" if not self.format else "in_person")


def _date(value: str, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise GoldError(f"{where}: expected an ISO date, got {value!r}") from exc


def _check(row: dict, where: str) -> None:
    for key, allowed in (
        ("set", SETS),
        ("kind", KINDS),
        ("format", FORMATS),
        ("status", STATUSES),
        ("when", WHENS),
    ):
        if row.get(key, "") not in allowed:
            raise GoldError(f"{where}: {key} {row.get(key)!r}: expected one of {allowed}")


def read_gold(path: Path) -> list[GoldRow]:
    """All rows of a gold CSV (validated)."""
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            where = f"{path}:{n}"
            _check(row, where)
            start, end = _date(row["start_date"], where), _date(row["end_date"], where)
            if (start is None) != (end is None) or (start and end and end < start):
                raise GoldError(f"{where}: start_date/end_date: give both, start <= end")
            if row["when"] != "vague" and start is None:
                raise GoldError(f"{where}: a dated row needs start_date (or when=vague)")
            evidence = row["evidence"].split()
            docs = [e.split("@")[0].split("!")[0] for e in evidence]
            announcing = {d for d, e in zip(docs, evidence, strict=True) if e.endswith("!planned")}
            announcing -= {d for d, e in zip(docs, evidence, strict=True) if "!" not in e}
            rows.append(
                GoldRow(
                    row["gold_id"],
                    row["set"],
                    row["kind"],
                    [p.strip() for p in row["participants"].split(";") if p.strip()],
                    start,
                    end,
                    row.get("city", ""),
                    row.get("country", ""),
                    row["format"],
                    row["status"],
                    row["when"],
                    docs,
                    [c for c in row.get("countries", "").split(";")],
                    announcing,
                )
            )
    return rows


def part_of(doc_id: str) -> str:
    """The fixed part of a document: a third of documents (by SHA-1 of the corpus id) are
    held out, scored only at the end."""
    return "heldout" if int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def rows_of_part(rows: list[GoldRow], part: str) -> list[GoldRow]:
    """The rows reported by the part's documents; a held encounter that those documents only
    announce is a planned one there."""
    if part == "all":
        return rows
    out = []
    for r in rows:
        docs = {d for d in r.docs if part_of(d) == part}
        if not docs:
            continue
        if r.status == "held" and docs <= r.announcing:
            r = replace(r, status="planned")
        out.append(r)
    return out


# --- matching ----------------------------------------------------------------------------
def _tokens(name: str) -> list[str]:
    text = unidecode(name).lower().replace("-", " ").replace(".", " ")
    text = re.sub(r"\b(?:al|el)\s+(?=\w)", "", text)
    return [t for t in re.findall(r"[a-z]+", text) if t not in _PARTICLES]


def names_match(a: str, b: str) -> bool:
    """Two names denote the same person: one's words are all among the other's, or each
    one's last name word is among the other's words ("Kishida" ~ "Fumio Kishida" ~ "Kishida
    Fumio"; "Rodrigo Chaves" ~ "Rodrigo Chaves Robles"; "Abdel Fattah Al Sisi" ~ "Abdel
    Fattah el-Sisi"; "Mohammed bin Salman" is not "Salman bin Abdulaziz")."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return False
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) == 1:  # a surname alone ("Kishida" ~ "Kishida Fumio")
        return short[0] in long_
    if set(short) <= set(long_):  # "Rodrigo Chaves" ~ "Rodrigo Chaves Robles"
        return True
    return ta[-1] in tb and tb[-1] in ta


@dataclass
class Found:
    """A found episode as the scorer sees it."""

    id: str
    participants: list[tuple[str, str, str | None, str | None]]  # id, name, role, iso3
    start: date
    end: date
    format: str
    status: str
    city: str | None
    country: str | None

    @property
    def mode(self) -> str:
        return "call" if self.format == "call" else "in_person"


def _person_matches(gold: str, p: tuple[str, str, str | None, str | None]) -> bool:
    aid, name, role, iso3 = p
    if gold.startswith("role:"):
        _, role_want, iso_want = gold.split(":")
        return role == role_want and iso3 == iso_want
    return names_match(gold, name) or aid.split(":")[-1] == "-".join(_tokens(gold))


def participants_match(g: GoldRow, f: Found) -> bool:
    """Every found participant is one of the gold row's (or the row names a group), and at
    least two are matched by name."""
    named = [p for p in g.participants if not p.startswith("group:")]
    group = len(named) < len(g.participants)
    hits = [any(_person_matches(n, p) for n in named) for p in f.participants]
    return sum(hits) >= min(2, len(named)) and (all(hits) or group) and len(f.participants) >= 2


def dates_overlap(g: GoldRow, f: Found) -> bool:
    if g.start is None:
        return True
    return f.start <= g.end + DATE_TOLERANCE and f.end >= g.start - DATE_TOLERANCE


def _score(g: GoldRow, f: Found) -> tuple:
    inside = g.start is not None and g.start <= f.start and f.end <= g.end
    return (g.mode in ("", f.mode), g.status == f.status or f.status == "held", inside)


@dataclass
class Scores:
    found: int = 0  # held episodes, not neutral
    gold: int = 0  # held rows of the part, not neutral
    gold_news: int = 0
    matched: int = 0  # gold rows of the part found held
    matched_news: int = 0
    correct: int = 0  # found held episodes that match a held gold row (any part)
    duplicates: int = 0
    neutral: int = 0
    wrong_format: int = 0
    wrong_status: int = 0
    wrong_date: int = 0
    wrong_place: int = 0
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def recall_news(self) -> float:
        return self.matched_news / self.gold_news if self.gold_news else 1.0


def _pairs(gold: list[GoldRow], found: list[Found]) -> list[tuple[tuple, GoldRow, Found]]:
    pairs = []
    for g in gold:
        for f in found:
            if dates_overlap(g, f) and participants_match(g, f):
                pairs.append((_score(g, f), g, f))
    pairs.sort(key=lambda x: x[0], reverse=True)
    return pairs


def _place_ok(g: GoldRow, f: Found) -> bool:
    if g.mode == "call" or not g.country:
        return True
    city_ok = not g.city or unidecode(f.city or "").lower().replace(" ", "") == unidecode(
        g.city
    ).lower().replace(" ", "")
    return f.country == g.country and city_ok


def _assign(gold: list[GoldRow], found: list[Found]) -> dict[str, Found]:
    """gold_id -> its found episode, one-to-one, best pairs first."""
    used_g: dict[str, Found] = {}
    used_f: set[str] = set()
    for _, g, f in _pairs([g for g in gold if not g.neutral], found):
        if g.gold_id not in used_g and f.id not in used_f:
            used_g[g.gold_id] = f
            used_f.add(f.id)
    return used_g


def _count_found(s: Scores, gold: list[GoldRow], found: list[Found], used: dict) -> None:
    """Precision side: every held episode is correct, a duplicate, neutral or wrong."""
    owner = {f.id: g for g in gold for f in [used.get(g.gold_id)] if f is not None}
    for f in found:
        if f.status != "held":
            continue
        g = owner.get(f.id)
        if g is not None:
            s.found += 1
            if g.status == "held":
                s.correct += 1
            else:
                s.wrong_status += 1
                s.problems.append(f"status: {f.id} held, {g.gold_id} {g.status}")
            continue
        near = [x for x in gold if dates_overlap(x, f) and participants_match(x, f)]
        if near and all(x.neutral or x.gold_id not in used for x in near):
            s.neutral += 1
            continue
        s.found += 1
        if near:
            s.duplicates += 1
            s.problems.append(f"duplicate: {f.id} of {near[0].gold_id}")
        else:
            s.false_positives.append(f.id)


def _count_gold(s: Scores, part_gold: list[GoldRow], used: dict) -> None:
    """Recall side, with the checks of each match (format, status, date, place)."""
    for g in part_gold:
        if g.neutral:
            continue
        f = used.get(g.gold_id)
        if g.status == "held":
            s.gold += 1
            s.gold_news += g.when == "news"
        if f is None or f.status != g.status:
            if g.status == "held":
                s.missed.append(g.gold_id)
            if f is not None and f.status != "held":  # a held one was counted already
                s.wrong_status += 1
                s.problems.append(f"status: {f.id} {f.status}, {g.gold_id} {g.status}")
            continue
        if g.status != "held":
            continue
        s.matched += 1
        s.matched_news += g.when == "news"
        if (g.mode and g.mode != f.mode) or (g.format and g.format != f.format):
            s.wrong_format += 1
            s.problems.append(f"format: {f.id} {f.format}, {g.gold_id} {g.format}")
        if not (g.start <= f.start and f.end <= g.end):
            s.wrong_date += 1
            s.problems.append(f"date: {f.id} {f.start}..{f.end}, {g.gold_id} {g.start}..{g.end}")
        if not _place_ok(g, f):
            s.wrong_place += 1
            s.problems.append(
                f"place: {f.id} {f.city}/{f.country}, {g.gold_id} {g.city}/{g.country}"
            )


def score(all_gold: list[GoldRow], part_gold: list[GoldRow], found: list[Found]) -> Scores:
    """Match found episodes one-to-one with gold rows (best first: same call/in-person
    mode, compatible status, dates inside the gold range) and count. ``part_gold`` (the
    rows of the documents scored) is the recall denominator; an episode matching any row of
    ``all_gold`` is correct."""
    s = Scores()
    rows = {g.gold_id: g for g in all_gold} | {g.gold_id: g for g in part_gold}
    used = _assign(list(rows.values()), found)
    _count_found(s, list(rows.values()), found, used)
    _count_gold(s, part_gold, used)
    return s
