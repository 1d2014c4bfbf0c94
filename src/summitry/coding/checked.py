"""Score the coder against a hand-checked sample (tests/coding/data/reuters_checked*.csv).

The sample holds references only (article id, sentence and trigger offsets into the shared
Reuters file) and the judged-correct codes and actors; the text is read from the shared
corpus at run time. For each item the coder's event at that trigger must have the expected
CAMEO code (and modality, where given), source and target; an expected ``none`` passes when
the coder no longer emits an event there; an expected ``?`` (a right answer the KB cannot
name) never passes. ``regressions`` lists the fields judged right at check time
(``type_ok``/``source_ok``/``target_ok`` = 1) that the coder no longer gets right. Files with
a ``sample`` column (``reuters_checked_v2.csv``: a development and a held-out sample) can
be scored one sample at a time.
"""

from __future__ import annotations

import csv
import hashlib
import json
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass
class CheckedScore:
    n: int
    type_ok: int
    source_ok: int
    target_ok: int
    failures: list[str]
    regressions: list[str] = field(default_factory=list)


def _matches(expected: str, actor_id: str | None, iso3: str | None) -> bool:
    if expected == "-":
        return actor_id is None
    return expected in (actor_id, iso3)


def _store_doc_id(text: str) -> str:
    """The id ``summitry ingest`` gives a document (sha1 of its NFKC, space-collapsed text):
    ``summitry code`` works in (published, doc_id) order, and so must the re-scoring, since
    people introduced in one article are recognised in the next."""
    norm = " ".join(unicodedata.normalize("NFKC", text).split())
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


def prepared_articles(reuters_jsonl: Path, coder, wanted: set[str]) -> list:
    """The ``wanted`` articles prepared by the coder (doc id = article id). The whole corpus
    is prepared in publication order, as ``summitry code`` does, so people introduced in
    earlier articles are known."""
    with reuters_jsonl.open(encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh]
    articles.sort(key=lambda a: (a["published"], _store_doc_id(a["text"])))
    coder.people.reset_text()
    docs = [
        coder.prepare(a["id"], a["text"], date.fromisoformat(a["published"]), None, "en", False)
        for a in articles
    ]
    return [d for d in docs if d.doc_id in wanted]


def code_articles(reuters_jsonl: Path, coder, wanted: set[str]):
    """The coder's rows for the ``wanted`` articles; only they are parsed."""
    return coder.build_rows(prepared_articles(reuters_jsonl, coder, wanted))


def score_checked(
    sample_csv: Path, reuters_jsonl: Path, coder, sample: str | None = None
) -> CheckedScore:
    items = list(csv.DictReader(sample_csv.open(encoding="utf-8")))
    if sample is not None:
        items = [it for it in items if it.get("sample") == sample]
    rows = code_articles(reuters_jsonl, coder, {it["article_id"] for it in items})
    by_trigger: dict[tuple[str, int], list[dict]] = {}
    for ev in rows.events:
        by_trigger.setdefault((ev["doc_id"], ev["trigger_start"]), []).append(ev)
    t_ok = s_ok = g_ok = 0
    failures: list[str] = []
    regressions: list[str] = []
    for it in items:
        evs = by_trigger.get((it["article_id"], int(it["trigger_start"])), [])
        exp = it["expected_cameo"]
        name = f"{it.get('sample') + ' ' if it.get('sample') else ''}item {it['item']}"
        if exp == "none":
            ok = not evs
            t_ok, s_ok, g_ok = t_ok + ok, s_ok + ok, g_ok + ok
            if not ok:
                failures.append(f"{name}: expected no event, got {evs[0]['cameo_code']}")
            continue
        good = [
            e
            for e in evs
            if e["cameo_code"] == exp
            and (not it["expected_modality"] or e["modality"] == it["expected_modality"])
        ]
        ev = good[0] if good else (evs[0] if evs else None)
        t = bool(good)
        s = ev is not None and _matches(
            it["expected_source"], ev["source_actor_id"], ev["source_iso3"]
        )
        g = ev is not None and _matches(
            it["expected_target"], ev["target_actor_id"], ev["target_iso3"]
        )
        t_ok, s_ok, g_ok = t_ok + t, s_ok + s, g_ok + g
        # an event judged partly wrong may go (precision first); one that stays, or one judged
        # right in every field, must keep the fields judged right
        if ev is not None or it["type_ok"] == it["source_ok"] == it["target_ok"] == "1":
            for judged, now, what in (
                (it["type_ok"], t, "type"),
                (it["source_ok"], s, "source"),
                (it["target_ok"], g, "target"),
            ):
                if judged == "1" and not now:
                    regressions.append(f"{name}: {what} judged right, now wrong")
        if not (t and s and g):
            got = (
                f"{ev['cameo_code']}/{ev['modality']} "
                f"{ev['source_actor_id']} -> {ev['target_actor_id']}"
                if ev
                else "no event"
            )
            failures.append(
                f"{name}: expected {exp} {it['expected_source']} -> "
                f"{it['expected_target']}, got {got}"
            )
    return CheckedScore(len(items), t_ok, s_ok, g_ok, failures, regressions)
