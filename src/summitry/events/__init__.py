"""The ``events`` table's owner: one query API for every reader, and report grouping.

Three stages write events (the coder: origin ``extracted``; the event-data importers:
``imported``; the knowledge pack: ``curated``); everything that reads them — ``summitry
events``, the meetings, the analysis, the briefing, ``summitry serve`` — selects them with
an :class:`EventFilter` through :mod:`summitry.events.query`::

    from summitry import events
    f = events.EventFilter(dyad=("USA", "RUS"), types=("04",), origins=("extracted",))
    events.select(store, f).dicts()                 # rows as dicts, CLI JSON field names
    events.page(store.con, f, limit=100, after=cursor)   # cursor pagination
    events.write(store, f, Path("ev.parquet"), "parquet", gdelt=True)
"""

from summitry.events.filters import (
    ORIGINS,
    SOURCE_COUNTRY,
    TARGET_COUNTRY,
    EventFilter,
    FilterError,
    parse_list,
)
from summitry.events.grouping import (
    ADJACENT_DAYS_RULE,
    CODER_DATASET,
    SAME_DAY_RULE,
    Grouped,
    group_reports,
)
from summitry.events.query import (
    DEFAULT_COLUMNS,
    DOCUMENT_COLUMNS,
    GDELT_COLUMNS,
    SORTABLE,
    TABLE_COLUMNS,
    Order,
    Page,
    Selection,
    Unit,
    count,
    count_by,
    daily_units,
    event_columns,
    fingerprint,
    page,
    select,
    select_sql,
    units,
    write,
)

__all__ = [
    "ADJACENT_DAYS_RULE",
    "CODER_DATASET",
    "DEFAULT_COLUMNS",
    "DOCUMENT_COLUMNS",
    "GDELT_COLUMNS",
    "ORIGINS",
    "SAME_DAY_RULE",
    "SORTABLE",
    "SOURCE_COUNTRY",
    "TABLE_COLUMNS",
    "TARGET_COUNTRY",
    "EventFilter",
    "FilterError",
    "Grouped",
    "Order",
    "Page",
    "Selection",
    "Unit",
    "count",
    "count_by",
    "daily_units",
    "event_columns",
    "fingerprint",
    "group_reports",
    "page",
    "parse_list",
    "select",
    "select_sql",
    "units",
    "write",
]
