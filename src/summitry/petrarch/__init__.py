"""PETRARCH / Phoenix dictionaries and a PETRARCH-compatible pattern coder."""

from summitry.petrarch.coder import (
    CodingResult,
    Dictionaries,
    Event,
    Options,
    PetrarchCoder,
    code_phrase,
)
from summitry.petrarch.dictionaries import (
    ActorDictionary,
    AgentDictionary,
    DictionaryError,
    DiscardList,
    VerbDictionary,
    read_actors,
    read_agents,
    read_discards,
    read_verbs,
)

__all__ = [
    "ActorDictionary",
    "AgentDictionary",
    "CodingResult",
    "Dictionaries",
    "DictionaryError",
    "DiscardList",
    "Event",
    "Options",
    "PetrarchCoder",
    "VerbDictionary",
    "code_phrase",
    "read_actors",
    "read_agents",
    "read_discards",
    "read_verbs",
]
