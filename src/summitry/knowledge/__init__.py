"""The curated knowledge pack: leader summits and calls (U.S.-Soviet/Russian since 1943),
Trump-Putin and Biden-Putin calls, each side's positions, impact facts (UN votes, sanctions,
expulsions, exchanges, ceasefires, NATO) and arms-control treaties, each row with a source
URL listed in ``sources.csv`` and of no refused domain.

    >>> from summitry.knowledge import ensure_knowledge_pack
    >>> ensure_knowledge_pack(store)      # loads the shipped pack once; cheap afterwards
"""

from summitry.knowledge.facts import ImpactFact, Position
from summitry.knowledge.loader import (
    LoadSummary,
    ensure_knowledge_pack,
    load_knowledge_pack,
    pack_status,
)
from summitry.knowledge.pack import KnowledgePack, KnowledgePackError, read_pack
from summitry.knowledge.query import (
    CuratedMeetingRow,
    curated_meetings,
    meetings_by_source,
    resolve_person,
    treaty_timeline,
)

__all__ = [
    "CuratedMeetingRow",
    "ImpactFact",
    "KnowledgePack",
    "KnowledgePackError",
    "LoadSummary",
    "Position",
    "curated_meetings",
    "ensure_knowledge_pack",
    "load_knowledge_pack",
    "meetings_by_source",
    "pack_status",
    "read_pack",
    "resolve_person",
    "treaty_timeline",
]
