"""CSV rows of the knowledge pack: typed field parsers whose errors name file, line, field."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from importlib.resources.abc import Traversable
from pathlib import Path


class KnowledgePackError(ValueError):
    """A pack file is missing or a row is invalid."""


@dataclass(frozen=True)
class Citation:
    """One source URL cited by one row of one pack file."""

    fname: str
    line: int
    url: str


class Row:
    """One CSV row with its file name and line number, for error messages."""

    def __init__(
        self,
        fname: str,
        line: int,
        data: dict[str, str | None],
        cites: list[Citation] | None = None,
    ):
        self.fname, self.line, self.data = fname, line, data
        self._cites = cites

    def fail(self, fld: str, expected: str) -> KnowledgePackError:
        got = self.data.get(fld)
        return KnowledgePackError(
            f"{self.fname} line {self.line}, field {fld}: expected {expected}, got {got!r}"
        )

    def text(self, fld: str, *, required: bool = True) -> str | None:
        value = (self.data.get(fld) or "").strip()
        if not value:
            if required:
                raise self.fail(fld, "a value")
            return None
        return value

    def req(self, fld: str) -> str:
        value = self.text(fld)
        assert value is not None
        return value

    def date(self, fld: str, *, required: bool = True) -> date | None:
        value = self.text(fld, required=required)
        if value is None:
            return None
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            raise self.fail(fld, "an ISO date YYYY-MM-DD") from None

    def number(self, fld: str, lo: float, hi: float) -> float | None:
        value = self.text(fld, required=False)
        if value is None:
            return None
        try:
            num = float(value)
        except ValueError:
            raise self.fail(fld, f"a number between {lo} and {hi}") from None
        if not lo <= num <= hi:
            raise self.fail(fld, f"a number between {lo} and {hi}")
        return num

    def choice(self, fld: str, allowed: frozenset[str]) -> str:
        value = self.req(fld)
        if value not in allowed:
            raise self.fail(fld, "one of " + "|".join(sorted(allowed)))
        return value

    def url(self, fld: str = "source_url") -> str:
        value = self.text(fld, required=False)
        if value is None or not re.match(r"^https?://\S+$", value):
            raise self.fail(fld, "a source URL starting with http:// or https://")
        if self._cites is not None:
            self._cites.append(Citation(self.fname, self.line, value))
        return value

    def pattern(self, fld: str, rx: re.Pattern[str], expected: str, *, required=True):
        value = self.text(fld, required=required)
        if value is not None and not rx.match(value):
            raise self.fail(fld, expected)
        return value


def read_rows(
    root: Traversable | Path, fname: str, columns: list[str], cites: list[Citation] | None = None
) -> list[Row]:
    """The rows of ``fname`` under ``root``; each URL a row cites is added to ``cites``."""
    file = root.joinpath(fname)
    try:
        text = file.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise KnowledgePackError(f"{fname}: cannot read the pack file ({exc})") from exc
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    missing = [c for c in columns if c not in header]
    if missing:
        raise KnowledgePackError(
            f"{fname} line 1: missing column(s) {', '.join(missing)}; expected {','.join(columns)}"
        )
    out = []
    for data in reader:
        line = reader.line_num
        if None in data:
            raise KnowledgePackError(
                f"{fname} line {line}: more fields than the {len(header)} columns of the header"
            )
        out.append(Row(fname, line, data, cites))
    return out
