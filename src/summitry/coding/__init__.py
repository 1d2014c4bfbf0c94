"""The event coder: sentences, actor mentions, CAMEO/PLOVER events and topics from text.

import summitry
store = summitry.open_store("summitry.duckdb")
summary = summitry.code(store)          # incremental: only documents not yet coded
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from summitry.coding.coder import CODER_VERSION, Coder, CodeSummary, pending_documents

__all__ = ["CODER_VERSION", "CodeSummary", "Coder", "code"]


def code(
    store,
    *,
    actors: Sequence[str | Path] = (),
    recode: bool = False,
    n_process: int = 1,
    limit: int | None = None,
    topics: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> CodeSummary:
    """Code every document of ``store`` not yet coded by this coder version."""
    coder = Coder(people_paths=tuple(str(p) for p in actors), taxonomy_path=topics)
    ids = pending_documents(store, recode=recode)
    if limit is not None:
        ids = ids[:limit]
    return coder.run(store, ids, n_process=n_process, on_progress=on_progress)
