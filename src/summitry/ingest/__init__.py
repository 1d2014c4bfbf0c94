"""The ingest stage: files, directories and archives -> dated, de-duplicated documents.

    from summitry.ingest import ingest_paths
    summary = ingest_paths(store, ["articles.jsonl", "feeds/"], fields=["text=body"])

The module itself is callable, so ``summitry.ingest(store, paths, **options)`` works too.
"""

from __future__ import annotations

import sys
import types

from summitry.ingest.model import (
    DEFAULT_FIELDS,
    FORMATS,
    Failure,
    FieldMapError,
    IngestError,
    IngestSummary,
    Record,
)
from summitry.ingest.pipeline import DEFAULT_THRESHOLD, ingest_paths

__all__ = [
    "DEFAULT_FIELDS",
    "DEFAULT_THRESHOLD",
    "FORMATS",
    "Failure",
    "FieldMapError",
    "IngestError",
    "IngestSummary",
    "Record",
    "ingest_paths",
]


class _CallableModule(types.ModuleType):
    def __call__(self, store, paths, **options) -> IngestSummary:
        """``summitry.ingest(store, paths, ...)`` is :func:`ingest_paths`."""
        return ingest_paths(store, paths, **options)


sys.modules[__name__].__class__ = _CallableModule
