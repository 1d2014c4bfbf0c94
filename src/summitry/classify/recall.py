"""Recall and precision of the coder on the hand-annotated random Reuters sentences
(``tests/classify/data/reuters_recall.csv``: article id, sentence offsets, and every PLOVER
event of the sentence as type / source / target codes; no corpus text).

Gold fields: ``type`` may list alternatives (``AGREE|CONSULT``); ``source``/``target`` are
country codes (ISO3, or an organisation's id), ``?`` = any actor (the sentence does not name
it), ``-`` = none; alternatives with ``|``. A coded event is right when its PLOVER type and
its source (country or actor id) match a gold event of its sentence; the gold events of a
sentence are a set: a coded event is right when it matches one (several coded events may
match the same gold event, e.g. both directions of a meeting; recall counts each gold event
once); coded events with the same type, source and target count once. Targets are scored
separately, on matched events.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class GoldEvent:
    types: set[str]
    sources: set[str]
    targets: set[str]


@dataclass
class RecallItem:
    item: int
    article_id: str
    start: int
    end: int
    split: str
    events: list[GoldEvent] = field(default_factory=list)


def load_recall(path: Path, split: str | None = None) -> list[RecallItem]:
    items: dict[int, RecallItem] = {}
    for r in csv.DictReader(path.open(encoding="utf-8")):
        if split and r["split"] != split:
            continue
        k = int(r["item"])
        it = items.setdefault(
            k, RecallItem(k, r["article_id"], int(r["sent_start"]), int(r["sent_end"]), r["split"])
        )
        if r["plover_type"] != "-":
            it.events.append(
                GoldEvent(
                    set(r["plover_type"].split("|")),
                    set(r["source"].split("|")),
                    set(r["target"].split("|")),
                )
            )
    return list(items.values())


def _actor_ok(gold: set[str], actor_id: str | None, iso3: str | None) -> bool:
    if "?" in gold:
        return True
    if "-" in gold:
        return actor_id is None
    return bool({actor_id, iso3} & gold)


@dataclass
class RecallScore:
    by_type: dict[str, list[int]]  # type -> [gold, found, coded, coded right]
    target_ok: int = 0
    target_n: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    missed: list[tuple[int, int]] = field(default_factory=list)  # (item, gold event index)


def score_recall(items: list[RecallItem], events: dict[tuple[str, int], list[dict]]) -> RecallScore:
    """``events``: coded event rows (plover_type, source/target actor id and iso3) keyed by
    (article id, sentence start)."""
    sc = RecallScore(defaultdict(lambda: [0, 0, 0, 0]))
    for it in items:
        coded, keys = [], set()
        for e in events.get((it.article_id, it.start), []):
            key = (e["plover_type"], e["source_actor_id"], e["target_actor_id"])
            if e["plover_type"] and key not in keys:  # one report of the same event counts once
                keys.add(key)
                coded.append(e)
        used: set[int] = set()
        for ev in coded:
            t = ev["plover_type"]
            sc.by_type[t][2] += 1
            good = [
                k
                for k, g in enumerate(it.events)
                if t in g.types and _actor_ok(g.sources, ev["source_actor_id"], ev["source_iso3"])
            ]
            if not good:
                sc.wrong.append(f"item {it.item}: {t} {ev['source_actor_id']}")
                continue
            sc.by_type[t][3] += 1
            k = next((k for k in good if k not in used), None)
            if k is None:
                continue  # another event of the same gold event (e.g. both directions)
            used.add(k)
            g = it.events[k]
            if "?" not in g.targets:
                sc.target_n += 1
                sc.target_ok += _actor_ok(g.targets, ev["target_actor_id"], ev["target_iso3"])
        for k, g in enumerate(it.events):
            first = sorted(g.types)[0]
            sc.by_type[first][0] += 1
            if k in used:
                sc.by_type[first][1] += 1
            else:
                sc.misses.append(f"item {it.item}: {'|'.join(sorted(g.types))} {g.sources}")
                sc.missed.append((it.item, k))
    return sc
