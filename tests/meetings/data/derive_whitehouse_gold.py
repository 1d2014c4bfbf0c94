"""Derive a gold list of leader encounters from the readout titles of the White House corpus.

    python tests/meetings/data/derive_whitehouse_gold.py [--corpus PATH] [-o CSV]

A readout title such as "Readout of President Biden's Call with Prime Minister Kishida of
Japan" names the encounter, its format (call or in person) and the participants; the
readout is published the day of the encounter or the day after, so the gold date is that
two-day range. Only facts are written (document id, participants, countries, format,
dates), never the corpus text. Rows of set ``leaders`` are the president's encounters
with heads of state or government; set ``ministers`` the vice president's; kind
``multiparty`` when the title names three or more leaders or a group ("G7 Leaders"),
``multilateral`` for the president's participation in a summit of many (an occasion,
neutral when scoring). The extraction never reads this file; the evaluator does.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2].parent / "shared" / "corpora" / "whitehouse-2021-2026.jsonl.gz"
OUT = HERE / "gold_whitehouse.csv"

PRESIDENTS = [  # (name, start, end) of the US presidency in the corpus years
    ("Joe Biden", date(2021, 1, 20), date(2025, 1, 20)),
    ("Donald Trump", date(2025, 1, 20), date(2029, 1, 20)),
]
VICE_PRESIDENTS = [
    ("Kamala Harris", date(2021, 1, 20), date(2025, 1, 20)),
    ("JD Vance", date(2025, 1, 20), date(2029, 1, 20)),
]
_PRES = (
    r"President(?: Joe| Joseph R\.)? Biden(?:,)?(?: Jr\.?)?|President(?: Donald J\.)? Trump|"
    r"the President|Joseph R\. Biden, Jr\."
)
PRINCIPAL = re.compile(rf"(?<!Vice )(?:{_PRES})", re.I)
VICE = re.compile(
    r"Vice President(?: Kamala)?(?: D\.)? Harris|Vice President(?: JD)? Vance|the Vice President",
    re.I,
)
CALL = re.compile(
    r"\b(?:calls?|video ?calls?|phone|conversations?|videoconference|virtual)\b", re.I
)
IN_PERSON = re.compile(
    r"\b(?:meetings?|trilateral|bilateral|dinner|lunch|breakfast|visit|audience|engagement|"
    r"pull aside)\b",
    re.I,
)
MULTILATERAL = re.compile(r"\bParticipation in\b|\bSummit\b|\bForum\b|\bRetreat\b", re.I)
LEADER_TITLES = (
    r"President|Prime Minister|Chancellor|King|Queen|Emir|Amir|Crown Prince|Sultan|Taoiseach|"
    r"Premier|General Secretary|Chief Adviser|His Majesty|His Holiness|His Highness|Pope|"
    r"Sheikh|State Counsellor|Grand Duke|Prince"
)
NOT_LEADER = re.compile(
    r"President-Elect|Vice President|Opposition Leader|Secretary[- ]General|Senator|Governor|"
    r"Speaker|Leader Schumer|Cardinal|Director|Commission|Council|Administrator|Mayor|"
    r"Commissioner|Chairman|Minister of (?:Foreign|Defen[cs]e|State)|Foreign Minister|"
    r"Defen[cs]e Minister|Deputy|Advisor|Adviser to|Congress|Caucus|Members|Former|Member of|"
    r"Interim|Abu Dhabi|World Bank",
    re.I,
)
# a group of foreign leaders named as a whole ("G7 Leaders", "European Allies")
GROUP = re.compile(
    r"\b(?:G-?7|G-?20|Quad|C5\+1|NATO|Bucharest Nine|CARICOM|Caribbean|European|"
    r"Transatlantic|Nordic|Baltic|Pacific Islands?|ASEAN|Allies and Partners|Presidents of|"
    r"Heads of State)\b",
    re.I,
)
ITEM = re.compile(
    rf"^(?:the |His Majesty |His Holiness |His Highness )?"
    rf"(?:(?P<adj>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+| of){{0,3}}) )?"
    rf"(?P<title>{LEADER_TITLES})"
    rf"(?: of (?P<c1>[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+)*))?\s+(?P<name>.+?)"
    r"(?:,? [Oo]f (?:the )?(?P<c2>.+?))?$"
)
NAME_TITLE = re.compile(rf"^(?P<name>.+?), the (?P<title>{LEADER_TITLES}) of (?P<c2>.+)$")


@dataclass
class Row:
    gold_id: str
    set: str
    kind: str
    participants: list[str]
    countries: list[str]
    start: date
    end: date
    format: str
    docs: list[str] = field(default_factory=list)
    note: str = ""


def _holder(table: list[tuple[str, date, date]], on: date) -> str | None:
    return next((n for n, a, b in table if a <= on < b), None)


def _counterpart_text(title: str) -> str | None:
    """The part of the title that names the other side."""
    t = re.sub(r"^(?:Joint )?Readout(?: of| from|:)?\s+", "", title.strip(), flags=re.I)
    m = re.search(r"\b(?:with|Between|Meeting(?= President))\s+(.+)$", t, re.I)
    if m:
        return m.group(1)
    m = re.search(r"\bMeeting of\s+(.+)$", t, re.I)
    return m.group(1) if m else None


def _split_items(text: str) -> list[str]:
    text = re.sub(rf"([^,]+), the ({LEADER_TITLES}) of ", r"\2 \1 of ", text)
    text = re.sub(r"\s+(?:on|at|in|ahead of|following|to discuss)\s+[A-Z]?[\w ,’'-]*$", "", text)
    parts = re.split(r",\s+and\s+|,\s+|\s+and\s+", text)
    return [p.strip() for p in parts if p.strip()]


MINISTER_ITEM = re.compile(
    r"^(?:(?P<adj>[A-Z][\w’'-]+) )?(?:Foreign|Defen[cs]e) Minister (?P<name>[A-Z].+?)"
    r"(?:,? of (?:the )?(?P<c2>.+?))?$|"
    r"^Vice President (?P<vname>[A-Z].+?) of (?:the )?(?P<vc>.+)$"
)


def _parse_item(item: str) -> tuple[str, str | None, str] | None:
    """(name, country text, 'leader' | 'minister') of one person named in a title."""
    m = MINISTER_ITEM.match(item)
    if m is not None:
        g = m.groupdict()
        return (
            (g["name"] or g["vname"]).strip(),
            g.get("c2") or g.get("vc") or g.get("adj"),
            "minister",
        )
    if NOT_LEADER.search(item) or PRINCIPAL.fullmatch(item.strip()):
        return None
    m = NAME_TITLE.match(item) or ITEM.match(item)
    if m is None:
        return None
    g = m.groupdict()
    name = re.sub(r"\s+\(.*?\)$", "", g["name"]).strip()
    country = g.get("c1") or g.get("c2") or g.get("adj")
    if re.search(r"\b(?:Biden|Trump)\b", name):
        return None
    return name, country, "leader"


def parse_title(title: str, published: date) -> tuple[str, str, str, list[tuple[str, str | None]]]:
    """(set, kind, format, counterparts) of a readout title; set '' when not a leader
    encounter of the president or vice president. A president's meeting with a foreign or
    defence minister, and the vice president's encounters, are set ``ministers``."""
    if "readout" not in title.lower():
        return "", "", "", []
    pres = PRINCIPAL.search(title)
    vice = VICE.search(title)
    head = title.split(" with ")[0].split(" Between ")[0]
    if pres and (not vice or pres.start() < vice.start() or PRINCIPAL.search(head)):
        who = "leaders"
    elif vice:
        who = "ministers"
    elif re.search(r"Meeting (?:Between|of)\b", title) and PRINCIPAL.search(title):
        who = "leaders"
    else:
        return "", "", "", []
    fmt = "call" if CALL.search(head) else ("in_person" if IN_PERSON.search(head) else "")
    if not fmt and MULTILATERAL.search(head):
        return who, "multilateral", "in_person", []
    if not fmt:
        return "", "", "", []
    text = _counterpart_text(title)
    if text is None:
        if MULTILATERAL.search(title):
            return who, "multilateral", fmt, []
        return "", "", "", []
    parsed = [p for p in (_parse_item(i) for i in _split_items(text)) if p]
    leaders = [(n, c) for n, c, k in parsed if k == "leader"]
    items = leaders or [(n, c) for n, c, _ in parsed]
    if parsed and not leaders:
        who = "ministers"  # the president with a foreign or defence minister
    if not items:
        if GROUP.search(text) and not NOT_LEADER.search(text):
            return who, "multiparty", fmt, [(f"group:{text.strip()}", None)]
        return "", "", "", []
    kind = "multiparty" if len(items) >= 2 or GROUP.search(text) else "bilateral"
    return who, kind, fmt, items


def _iso3(country: str | None) -> str:
    if not country:
        return ""
    from summitry.geo import lookup_place

    c = re.sub(r"^the ", "", country.strip(), flags=re.I)
    c = {"Türkiye": "Turkey", "People’s Republic of China": "China"}.get(c, c)
    p = lookup_place(c)
    if p is not None and p.kind == "country" and p.iso3:
        return p.iso3
    from summitry.actors import ActorKB

    return ActorKB.load().country_of(c) or ""


def derive(corpus: Path) -> list[Row]:
    rows: list[Row] = []
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    records.sort(key=lambda r: (r["published"], r["id"]))
    for rec in records:
        pub = date.fromisoformat(rec["published"][:10])
        who, kind, fmt, items = parse_title(rec["title"], pub)
        if not who:
            continue
        vice = VICE.search(rec["title"]) and not PRINCIPAL.search(rec["title"])
        us = _holder(VICE_PRESIDENTS if vice else PRESIDENTS, pub)
        names = [us] + [n for n, _ in items]
        countries = ["USA"] + [_iso3(c) for _, c in items]
        row = Row("", who, kind, names, countries, pub - timedelta(days=1), pub, fmt, [rec["id"]])
        dup = next(
            (
                r
                for r in rows
                if r.set == row.set
                and r.format == row.format
                and [p.lower() for p in r.participants] == [p.lower() for p in row.participants]
                and r.end == row.end
            ),
            None,
        )
        if dup is not None:  # the same readout twice, or a joint readout of the same encounter
            dup.docs.append(rec["id"])
            dup.start = min(dup.start, row.start)
            continue
        rows.append(row)
    for r in rows:  # stable ids: from the first readout of the encounter
        r.gold_id = "wh-" + hashlib.sha1(r.docs[0].encode()).hexdigest()[:8]
    return rows


COLUMNS = [
    "gold_id",
    "set",
    "kind",
    "participants",
    "countries",
    "start_date",
    "end_date",
    "city",
    "country",
    "format",
    "occasion",
    "status",
    "when",
    "evidence",
    "note",
]


def write(rows: list[Row], out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(COLUMNS)
        for r in rows:
            w.writerow(
                [
                    r.gold_id,
                    r.set,
                    r.kind,
                    ";".join(r.participants),
                    ";".join(r.countries),
                    r.start.isoformat(),
                    r.end.isoformat(),
                    "",
                    "",
                    "call" if r.format == "call" else "",
                    "",
                    "held",
                    "news",
                    " ".join(r.docs),
                    r.note,
                ]
            )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    rows = derive(args.corpus)
    write(rows, args.out)
    by = {}
    for r in rows:
        by[(r.set, r.kind)] = by.get((r.set, r.kind), 0) + 1
    print(f"{len(rows)} encounters -> {args.out}: {by}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
