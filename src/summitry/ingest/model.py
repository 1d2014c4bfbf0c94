"""Typed boundary of the ingest stage: records read from files, failures, the run summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

FORMATS = ("text", "markdown", "html", "jsonl", "json", "csv", "feed")

# Default column names, tried in order, for JSON Lines / JSON / CSV records.
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article"),
    "title": ("title", "headline"),
    "published": ("published", "date", "pubdate", "publish_date"),
    "url": ("url", "link"),
    "id": ("id",),
    "language": ("language", "lang"),
}


class IngestError(Exception):
    """A file or record cannot be ingested; the message names the file (and line or field)."""


class FieldMapError(ValueError):
    """A ``--field`` mapping is malformed."""


def parse_field_map(specs: list[str] | dict[str, str] | None) -> dict[str, str]:
    """Turn ``["text=body", "published=date"]`` (or a dict) into ``{"text": "body", ...}``."""
    if not specs:
        return {}
    items = specs.items() if isinstance(specs, dict) else (_split(s) for s in specs)
    out: dict[str, str] = {}
    for key, column in items:
        if key not in DEFAULT_FIELDS:
            raise FieldMapError(
                f"--field {key}={column}: unknown field {key!r}; "
                f"expected one of {', '.join(DEFAULT_FIELDS)}"
            )
        if not column:
            raise FieldMapError(f"--field {key}=: the column name is empty")
        out[key] = column
    return out


def _split(spec: str) -> tuple[str, str]:
    if "=" not in spec:
        raise FieldMapError(f"--field {spec!r}: expected FIELD=COLUMN, e.g. text=body")
    key, column = spec.split("=", 1)
    return key.strip(), column.strip()


@dataclass
class Record:
    """One document as read from a source, before dating and de-duplication."""

    text: str
    record_ref: str | None = None
    title: str | None = None
    url: str | None = None
    external_id: str | None = None
    language: str | None = None
    meta_date: date | None = None  # from document metadata (HTML meta, feed, front matter)
    meta_evidence: str | None = None
    field_value: str | None = None  # the raw published field of a JSON / CSV record
    field_name: str | None = None


@dataclass
class Failure:
    """A file or record that could not be ingested."""

    source: str
    message: str
    where: str | None = None  # "line 12", "row 4", "entry 3", field name

    def __str__(self) -> str:
        return (
            f"{self.source}:{self.where}: {self.message}"
            if self.where
            else (f"{self.source}: {self.message}")
        )


@dataclass
class IngestSummary:
    """What one ingest run did."""

    files_read: int = 0
    files_skipped: int = 0  # already ingested with the same content
    records: int = 0
    added: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0  # added, and linked to a canonical document
    already_stored: int = 0  # records stored by an earlier, interrupted run
    undated: int = 0  # added without a publication date
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def ok(self) -> bool:
        return not self.failures
