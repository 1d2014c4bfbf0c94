"""The event coder: sentences, actor mentions, CAMEO/PLOVER events and topics from text.

import summitry
store = summitry.open_store("summitry.duckdb")
summary = summitry.code(store)          # incremental: only documents not yet coded

The coder (spaCy, lexicons) loads on first use of ``code``, ``Coder``, ``CODER_VERSION``,
``CodeSummary`` or ``pending_documents`` (PEP 562), so importing ``summitry.coding`` (or a
light module of it) does not load spaCy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from summitry.coding.coder import CODER_VERSION, Coder, CodeSummary, pending_documents

__all__ = ["CODER_VERSION", "CodeSummary", "Coder", "code", "pending_documents"]
_LAZY = {"CODER_VERSION", "CodeSummary", "Coder", "pending_documents"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from summitry.coding import coder  # loads spaCy and the model: only on first use

        value = getattr(coder, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


def code(
    store,
    *,
    actors: Sequence[str | Path] = (),
    recode: bool = False,
    n_process: int = 1,
    limit: int | None = None,
    topics: str | None = None,
    lenient_actors: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
    strict: bool = False,
) -> CodeSummary:
    """Code every document of ``store`` not yet coded by this coder version.

    ``lenient_actors`` skips malformed lines of user actor dictionaries (listed by the KB)
    instead of failing on the first one. A document the coder fails on is skipped and listed
    in ``summary.failures``; ``strict`` raises ``CodingError`` at the first instead."""
    # the coder loads spaCy: imported on first use, so that importing coding stays light
    from summitry.coding.coder import Coder, pending_documents
    from summitry.coding.people import load_people

    paths = tuple(str(p) for p in actors)
    coder = Coder(
        people=load_people(paths, strict=not lenient_actors),
        people_paths=paths,
        taxonomy_path=topics,
        lenient_actors=lenient_actors,
    )
    ids = pending_documents(store, recode=recode)
    if limit is not None:
        ids = ids[:limit]
    return coder.run(store, ids, n_process=n_process, on_progress=on_progress, strict=strict)
