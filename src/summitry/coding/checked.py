"""Score the coder against a hand-checked sample (tests/coding/data/reuters_checked.csv).

The sample holds references only (article id, sentence and trigger offsets into the shared
Reuters file) and the judged-correct codes and actors; the text is read from the shared
corpus at run time. For each item the coder's event at that trigger must have the expected
CAMEO code (and modality, where given), source and target; an expected ``none`` passes when
the coder no longer emits an event there.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass
class CheckedScore:
    n: int
    type_ok: int
    source_ok: int
    target_ok: int
    failures: list[str]


def _matches(expected: str, actor_id: str | None, iso3: str | None) -> bool:
    if expected == "-":
        return actor_id is None
    return expected in (actor_id, iso3)


def score_checked(sample_csv: Path, reuters_jsonl: Path, coder) -> CheckedScore:
    items = list(csv.DictReader(sample_csv.open(encoding="utf-8")))
    wanted = {it["article_id"] for it in items}
    with reuters_jsonl.open(encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh]
    # the whole corpus is prepared in publication order, as ``summitry code`` does, so people
    # introduced in earlier articles are known; only the checked articles are parsed
    articles.sort(key=lambda a: (a["published"], a["id"]))
    coder.people.reset_text()
    docs = [
        coder.prepare(a["id"], a["text"], date.fromisoformat(a["published"]), None, "en", False)
        for a in articles
    ]
    rows = coder.build_rows([d for d in docs if d.doc_id in wanted])
    by_trigger: dict[tuple[str, int], list[dict]] = {}
    for ev in rows.events:
        by_trigger.setdefault((ev["doc_id"], ev["trigger_start"]), []).append(ev)
    t_ok = s_ok = g_ok = 0
    failures: list[str] = []
    for it in items:
        evs = by_trigger.get((it["article_id"], int(it["trigger_start"])), [])
        exp = it["expected_cameo"]
        if exp == "none":
            ok = not evs
            t_ok, s_ok, g_ok = t_ok + ok, s_ok + ok, g_ok + ok
            if not ok:
                failures.append(f"item {it['item']}: expected no event, got {evs[0]['cameo_code']}")
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
        if not (t and s and g):
            got = (
                f"{ev['cameo_code']}/{ev['modality']} "
                f"{ev['source_actor_id']} -> {ev['target_actor_id']}"
                if ev
                else "no event"
            )
            failures.append(
                f"item {it['item']}: expected {exp} {it['expected_source']} -> "
                f"{it['expected_target']}, got {got}"
            )
    return CheckedScore(len(items), t_ok, s_ok, g_ok, failures)
