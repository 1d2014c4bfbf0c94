"""PETRARCH unit-test records (``PETR.UnitTest.records.xml``) and scoring of our coder on them."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from summitry.petrarch.coder import Dictionaries, Options, PetrarchCoder

_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ITEM = re.compile(r"<Sentence\b(.*?)>(.*?)</Sentence>|<Config\b([^>]*)>", re.S)


@dataclass
class Record:
    id: str
    category: str
    date: date | None
    text: str
    parse: str
    expected: list[tuple[str, str, str]]
    expect_error: str | None = None
    enabled: bool = True  # sentence="false": PETRARCH marks the record as not to be coded
    config: list[tuple[str, str]] = field(default_factory=list)  # <Config> seen before it
    line: int = 0


def _attrs(s: str) -> dict[str, str]:
    return {
        m.group(1): (m.group(2) if m.group(2) is not None else m.group(3))
        for m in _ATTR.finditer(s)
    }


def read_records(path: str | Path) -> list[Record]:
    raw = Path(path).read_text(encoding="utf-8")
    # drop comments but keep line numbers
    raw = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), raw, flags=re.S)
    out: list[Record] = []
    pending: list[tuple[str, str]] = []
    for m in _ITEM.finditer(raw):
        if m.group(3) is not None:
            a = _attrs(m.group(3))
            if "option" in a:
                pending.append((a["option"], a.get("value", "")))
            continue
        a = _attrs(m.group(1))
        body = m.group(2)
        line = raw.count("\n", 0, m.start()) + 1
        expected: list[tuple[str, str, str]] = []
        err = None
        for ec in re.finditer(r"<EventCoding\b([^>]*)>", body):
            ea = _attrs(ec.group(1))
            if "error" in ea:
                err = ea["error"]
            elif "sourcecode" in ea:
                expected.append(
                    (ea["sourcecode"], ea.get("targetcode", ""), ea.get("eventcode", ""))
                )
        text = re.search(r"<Text>(.*?)</Text>", body, re.S)
        parse = re.search(r"<Parse>(.*?)</Parse>", body, re.S)
        ds = a.get("date", "")
        d = date(int(ds[:4]), int(ds[4:6]), int(ds[6:8])) if re.fullmatch(r"\d{8}", ds) else None
        out.append(
            Record(
                a.get("id", f"line{line}"),
                a.get("category", ""),
                d,
                " ".join((text.group(1) if text else "").split()),
                parse.group(1) if parse else "",
                expected,
                err,
                a.get("sentence", "true").lower() != "false",
                pending,
                line,
            )
        )
        pending = []
    return out


@dataclass
class Outcome:
    record: Record
    produced: list[tuple[str, str, str]]
    status: str
    kind: str  # "exact" or a failure kind from classify()


def classify(expected: set, produced: set) -> str:
    if expected == produced:
        return "exact"
    if not produced:
        return "nothing coded"
    if not expected:
        return "events where none expected"
    if produced < expected:
        return "missing event(s)"
    if expected < produced:
        return "extra event(s)"
    exp_codes = {e[2] for e in expected}
    got_codes = {p[2] for p in produced}
    if exp_codes != got_codes:
        return "wrong event code"
    return "wrong source/target"


def run_suite(records: list[Record], dicts: Dictionaries) -> list[Outcome]:
    """Code every record in order; ``<Config>`` options apply from where they appear."""
    opts = Options()
    coder = PetrarchCoder(dicts, opts)
    out = []
    for r in records:
        for k, v in r.config:
            opts.set(k, v)
        res = coder.code_tree(r.parse, r.date, r.text)
        produced = [e.triple for e in res.events]
        out.append(Outcome(r, produced, res.status, classify(set(r.expected), set(produced))))
    return out


def summarise(outcomes: list[Outcome]) -> dict:
    active = [o for o in outcomes if o.record.enabled]
    skipped = [o for o in outcomes if not o.record.enabled]
    exact = sum(1 for o in active if o.kind == "exact")
    return {
        "records": len(outcomes),
        "scored": len(active),
        "exact": exact,
        "share": exact / len(active) if active else 0.0,
        "kinds": Counter(o.kind for o in active if o.kind != "exact"),
        "skipped": len(skipped),
        "skipped_exact": sum(1 for o in skipped if o.kind == "exact"),
    }
