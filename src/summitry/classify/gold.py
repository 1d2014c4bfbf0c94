"""Readers for the open gold and training sets in ``../shared`` (read in place, never copied).

- PLOVER GSR (``plover/PLOVER_GSR_CAMEO.txt``): PLOVER 0.5b1 names mapped to current ones.
- PETR2 validation (``universalpetrarch/PETR2_GSR_validation.xml``): CAMEO codes.
- PETRARCH2 unit-test records (``petrarch2/PETR.UnitTest.records.xml``): CAMEO codes.
- Synthetic stories (``plover-synthetic/*.csv.zip``): one PLOVER type and mode per story.

Halves: ``odd`` = records 0, 2, 4 ... (training and development), ``even`` = 1, 3, 5 ...
(held out, never trained or tuned on).
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from summitry.codes import cameo_country, plover_for

RENAME = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
OLD_CAMEO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
NONE = "NONE"  # the "no PLOVER event" label


@dataclass
class GoldRecord:
    """One sentence with its gold PLOVER types (and CAMEO code, where the set has one)."""

    rec_id: str
    text: str
    published: date | None
    types: set[str]
    sources: set[str | None] = field(default_factory=set)  # country part or IGO
    targets: set[str | None] = field(default_factory=set)
    source_text: str | None = None
    target_text: str | None = None
    cameo: str = ""
    mode: str | None = None
    roots: set[str] = field(default_factory=set)  # CAMEO roots of every coding


def shared_dir() -> Path:
    """``../shared`` beside the repository (or the working directory's parent)."""
    here = Path(__file__).resolve()
    for p in (here.parents[3] / "shared", Path.cwd().parent / "shared", Path.cwd() / "shared"):
        if p.is_dir():
            return p
    return here.parents[3] / "shared"


def half(rows: list, which: str | None) -> list:
    if which == "odd":
        return rows[0::2]
    if which == "even":
        return rows[1::2]
    return rows


def country_key(code: str | None) -> str | None:
    """Country part of a CAMEO actor code (ISO3), ``IGO`` for organisations."""
    if not code:
        return None
    c = OLD_CAMEO.get(code[:3].upper(), code[:3].upper())
    if c == "NGO":
        return "IGO"
    try:
        return cameo_country(c) or c
    except Exception:  # an unknown code is kept as written
        return c


def _as_list(v) -> list:
    if v is None or v == "":
        return []
    return v if isinstance(v, list) else [v]


def _actor_texts(v) -> str | None:
    texts = [a.get("actorText") for a in _as_list(v) if isinstance(a, dict) and a.get("actorText")]
    return texts[0] if texts else None


def plover_records(shared: Path | None = None) -> list[GoldRecord]:
    path = (shared or shared_dir()) / "plover" / "PLOVER_GSR_CAMEO.txt"
    out = []
    for r in json.loads(path.read_text(encoding="utf-8")):
        if r.get("event") in (None, "DOCUMENT") or not r.get("text"):
            continue
        codes = lambda v: {country_key(a.get("code") if isinstance(a, dict) else a) for a in v}  # noqa: E731
        out.append(
            GoldRecord(
                r["id"],
                r["text"],
                date.fromisoformat(r["date"]) if r.get("date") else None,
                {RENAME.get(r["event"], r["event"])},
                codes(_as_list(r.get("source"))),
                codes(_as_list(r.get("target"))),
                _actor_texts(r.get("source")),
                _actor_texts(r.get("target")),
                mode=(r.get("mode") or None),
            )
        )
    return out


_SENT = re.compile(
    r"<Sentence ([^>]*)>(.*?)</Sentence>|<Sentence ([^>]*)/>(.*?)(?=<Sentence |</Sentences>)", re.S
)


def _sentences_xml(path: Path, with_empty: bool) -> list[GoldRecord]:
    xml = path.read_text(encoding="utf-8")
    out = []
    for m in _SENT.finditer(xml):
        attrs, body = m.group(1) or m.group(3), m.group(2) or m.group(4)
        if 'evaluate="true"' not in attrs and "evaluate" in attrs:
            continue
        text_m = re.search(r"<Text>\s*(.*?)\s*</Text>", body, re.S)
        if not text_m:
            continue
        text = re.sub(r"\s+", " ", text_m.group(1)).strip()
        dm = re.search(r'date="(\d{8})"', attrs)
        idm = re.search(r'id="([^"]*)"', attrs)
        pub = (
            date(int(dm.group(1)[:4]), int(dm.group(1)[4:6]), int(dm.group(1)[6:])) if dm else None
        )
        rec = GoldRecord(idm.group(1) if idm else str(len(out)), text, pub, set())
        for c in re.findall(r"<EventCoding ([^>]*)>", body):
            ec = re.search(r'eventcode="(\d+)"', c)
            if not ec:
                continue
            rec.cameo = rec.cameo or ec.group(1)
            rec.roots.add(ec.group(1)[:2])
            p = plover_for(ec.group(1))
            rec.types.add(p.event_type if p else NONE)
            for attr, dest in (("sourcecode", rec.sources), ("targetcode", rec.targets)):
                a = re.search(attr + r'="([^"]*)"', c)
                if a:
                    dest.add(country_key(a.group(1)))
        if rec.cameo or with_empty:
            rec.types = rec.types or {NONE}
            out.append(rec)
    return out


def petr2_records(shared: Path | None = None, with_empty: bool = False) -> list[GoldRecord]:
    """PETR2 validation sentences with codes (``with_empty``: also those coded no event).
    Without ``with_empty`` the order (and so the halves) is that of ``bench/eval_coder_gold``."""
    path = (shared or shared_dir()) / "universalpetrarch" / "PETR2_GSR_validation.xml"
    return _sentences_xml(path, with_empty)


def petr_unit_records(shared: Path | None = None) -> list[GoldRecord]:
    path = (shared or shared_dir()) / "petrarch2" / "PETR.UnitTest.records.xml"
    return _sentences_xml(path, with_empty=True)


def synthetic_stories(shared: Path | None = None) -> list[dict]:
    """The synthetic stories (text, label, mode), in file order."""
    folder = (shared or shared_dir()) / "plover-synthetic"
    zpath = next(iter(sorted(folder.glob("*.csv.zip"))))
    with zipfile.ZipFile(zpath) as z:
        name = next(n for n in z.namelist() if n.endswith(".csv"))
        raw = z.read(name).decode("utf-8")
    csv.field_size_limit(1 << 30)
    return list(csv.DictReader(io.StringIO(raw)))
