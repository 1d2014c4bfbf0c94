"""Everything the briefing needs from the store, read once through :mod:`summitry.analysis`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from summitry import events
from summitry.analysis.dyad import Dyad
from summitry.analysis.events import EventArrays
from summitry.analysis.facts import ImpactFact, SourceRow, impact_facts, knowledge_sources
from summitry.analysis.index import dyad_events
from summitry.analysis.record import (
    Encounter,
    Item,
    dyad_meetings,
    link_encounters,
    statements,
    treaty_actions,
)
from summitry.events import EventFilter


@dataclass
class Inputs:
    """The store's records about a pair, each read once."""

    encounters: list[Encounter]
    history: list[Encounter]  # all leaders of the two countries (and predecessor states)
    treaties: list[dict[str, Any]]
    statements: dict[str, list[Item]]
    facts: list[ImpactFact]
    sources: dict[str, SourceRow]
    events: EventArrays
    event_rows: list[tuple[str, str, int]] = field(default_factory=list)  # origin, dataset, n
    pack: dict[str, Any] = field(default_factory=dict)  # knowledge_packs row, if loaded

    @property
    def has_events(self) -> bool:
        return any(o in ("extracted", "imported") for o, _, _ in self.event_rows)


def gather(store, dyad: Dyad, sources: tuple[str, ...]) -> Inputs:
    meetings = dyad_meetings(store, dyad, sources)
    history = (
        dyad_meetings(store, dyad, sources, history=True) if dyad.is_leaders else list(meetings)
    )
    curated = "curated" in sources
    return Inputs(
        encounters=link_encounters(meetings, dyad),
        history=link_encounters(history, dyad),
        treaties=treaty_actions(store, dyad) if curated else [],
        statements=statements(store, dyad, sources),
        facts=impact_facts(store, dyad) if curated else [],
        sources={s.url: s for s in knowledge_sources(store)},
        events=dyad_events(store, dyad, sources),
        event_rows=_event_rows(store, sources),
        pack=_pack_row(store),
    )


def _event_rows(store, sources: tuple[str, ...]) -> list[tuple[str, str, int]]:
    rows = events.count_by(store, ("origin", "dataset"), EventFilter(origins=sources))
    return [(o, d or "unknown", int(n)) for o, d, n in rows]


def _pack_row(store) -> dict[str, Any]:
    if "knowledge_packs" not in store.tables():
        return {}
    cur = store.con.execute("SELECT * FROM knowledge_packs ORDER BY pack LIMIT 1")
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row, strict=True)) if row else {}
