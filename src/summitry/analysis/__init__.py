"""Analysis of a pair of leaders or countries, usable from notebooks.

Results are :class:`TableResult` objects (``.rows`` as dicts, ``.to_arrow()`` a pyarrow Table,
``.method`` the method in words, ``.insufficient`` the reason when no number can be given).

    >>> d = leaders("Donald Trump", "Vladimir Putin")          # or countries("USA", "RUS")
    >>> relationship_index(store, d, freq="month").to_arrow().to_pandas()
    >>> meeting_impact(store, d, [MeetingDates(...)], windows=(7, 30, 90))
"""

from summitry.analysis.dyad import Dyad, DyadError, Side, countries, leaders
from summitry.analysis.impact import MeetingDates, meeting_impact
from summitry.analysis.index import relationship_index
from summitry.analysis.record import dyad_meetings, statements, timeline, treaty_actions
from summitry.analysis.results import Estimate, Insufficient, TableResult
from summitry.analysis.third_party import third_party_impact

__all__ = [
    "Dyad",
    "DyadError",
    "Estimate",
    "Insufficient",
    "MeetingDates",
    "Side",
    "TableResult",
    "countries",
    "dyad_meetings",
    "leaders",
    "meeting_impact",
    "relationship_index",
    "statements",
    "third_party_impact",
    "timeline",
    "treaty_actions",
]
