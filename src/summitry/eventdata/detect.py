"""Recognise which dataset and layout a file holds, from its name and its first lines.

Canonical GDELT files (tab-separated, no header) are told apart by their column count
(57/58 = GDELT 1.0, 61 = GDELT 2.0 events, 16 = mentions, 27 = GKG 2.1). Re-exports with a
header row (comma or tab, quoted, ``NA`` for empty) are read by their header names; an
unnamed leading column (R's ``write.csv`` row names) is detected and skipped. A GDELT
re-export holding only some columns (at least GLOBALEVENTID, SQLDATE, EventCode; e.g. a
BigQuery result) is read too; the absent columns are empty. It counts as GDELT 2.0 when it
has an ADM2Code column or a 14-digit DATEADDED, else as GDELT 1.0.
"""

from __future__ import annotations

import csv
import gzip
import re
from dataclasses import dataclass, field
from pathlib import Path

from summitry.eventdata.columns import (
    GDELT1_57,
    GDELT1_58,
    GDELT2_61,
    GKG_27,
    ICEWS_20,
    MENTIONS_16,
    POLECAT_40,
    POLECAT_ALIASES,
    Spec,
)

KINDS = ("gdelt", "gdelt-mentions", "gkg", "icews", "polecat")
NULLS = ["", "NA", "None"]


class FormatError(ValueError):
    """The file is not in a layout the importer knows."""


@dataclass
class FileFormat:
    kind: str  # gdelt1|gdelt2|gdelt-mentions|gkg|icews|polecat
    columns: Spec  # (canonical name, type) for every column, in file order
    delim: str = "\t"
    header: bool = False
    quote: str = ""
    nullstr: list[str] = field(default_factory=lambda: [""])
    missing: Spec = field(default_factory=list)  # canonical columns absent from the file

    @property
    def key(self) -> tuple:
        return (
            self.kind,
            tuple(self.columns),
            self.delim,
            self.header,
            self.quote,
            tuple(self.nullstr),
            tuple(self.missing),
        )

    @property
    def all_columns(self) -> Spec:
        return self.columns + self.missing


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _first_lines(path: Path, n: int = 2) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace", newline="") as fh:
        lines = []
        for line in fh:
            lines.append(line.rstrip("\r\n"))
            if len(lines) >= n:
                break
    return lines


def _split(line: str, delim: str) -> list[str]:
    return next(csv.reader([line], delimiter=delim)) if line else []


def _by_header(names: list[str], specs: list[tuple[str, Spec]]) -> tuple[str, Spec] | None:
    wanted = {_norm(POLECAT_ALIASES.get(n.strip().lower(), n)) for n in names}
    best = None
    for kind, spec in specs:
        have = {_norm(n) for n, _ in spec}
        if have <= wanted and (best is None or len(spec) > len(best[1])):
            best = (kind, spec)
    return best


GDELT_REQUIRED = {"globaleventid", "sqldate", "eventcode"}


def _partial_gdelt(names: list[str], lines: list[str]) -> tuple[str, Spec] | None:
    """A GDELT re-export with only some columns (e.g. a BigQuery query result)."""
    have = {_norm(n) for n in names}
    if not have >= GDELT_REQUIRED or not have <= {_norm(n) for n, _ in GDELT2_61} | {""}:
        return None
    v2 = any("adm2code" in n for n in have)
    if "dateadded" in have and len(lines) > 1:
        delim = "\t" if lines[0].count("\t") >= lines[0].count(",") else ","
        values = dict(zip([_norm(n) for n in names], _split(lines[1], delim), strict=False))
        v2 = v2 or len(values.get("dateadded", "").strip('"')) == 14
    return ("gdelt2", GDELT2_61) if v2 else ("gdelt1", GDELT1_58)


def detect(path: Path, source: str, hint: str | None = None) -> FileFormat:
    """Work out the layout of ``path`` (plain text); ``hint`` is the kind the user asked for."""
    lines = _first_lines(path)
    if not lines:
        raise FormatError(f"{source}: the file is empty")
    first = lines[0]
    delim = "\t" if first.count("\t") >= first.count(",") else ","
    names = _split(first, delim)
    header_specs = [
        ("gdelt2", GDELT2_61),
        ("gdelt1", GDELT1_58),
        ("gdelt1", GDELT1_57),
        ("gdelt-mentions", MENTIONS_16),
        ("gkg", GKG_27),
        ("icews", ICEWS_20),
        ("polecat", POLECAT_40),
    ]
    normed = {_norm(n) for n in names}
    if normed & {"globaleventid", "eventid", "gkgrecordid", "sqldate"}:
        match = _by_header(names, header_specs) or _partial_gdelt(names, lines)
        if match is not None:
            kind, spec = match
            by_norm = {_norm(n): (n, t) for n, t in spec}
            columns = []
            for i, raw in enumerate(names):
                raw = POLECAT_ALIASES.get(raw.strip().lower(), raw)
                columns.append(by_norm.get(_norm(raw), (f"_extra{i}", "VARCHAR")))
            if len(lines) > 1 and len(_split(lines[1], delim)) == len(names) + 1:
                columns.insert(0, ("_rowname", "VARCHAR"))  # R write.csv row names
            have = {n for n, _ in columns}
            missing = [(n, t) for n, t in spec if n not in have]
            fmt = FileFormat(
                kind, columns, delim, header=True, quote='"', nullstr=NULLS, missing=missing
            )
            _check_hint(fmt, hint, source)
            return fmt
    n = len(first.split("\t"))
    by_count = {
        57: ("gdelt1", GDELT1_57),
        58: ("gdelt1", GDELT1_58),
        61: ("gdelt2", GDELT2_61),
        16: ("gdelt-mentions", MENTIONS_16),
        27: ("gkg", GKG_27),
    }
    if n not in by_count:
        raise FormatError(
            f"{source}: line 1 has {n} tab-separated fields and no known header; expected "
            "GDELT 1.0 events (57 or 58), GDELT 2.0 events (61), mentions (16), GKG 2.1 (27), "
            "or a header row (ICEWS, POLECAT, re-exported GDELT)"
        )
    kind, spec = by_count[n]
    fmt = FileFormat(kind, list(spec))
    _check_hint(fmt, hint, source)
    return fmt


def _check_hint(fmt: FileFormat, hint: str | None, source: str) -> None:
    if hint is None:
        return
    ok = fmt.kind == hint or (hint == "gdelt" and fmt.kind in ("gdelt1", "gdelt2"))
    if not ok:
        raise FormatError(f"{source}: asked to import it as {hint}, but it looks like {fmt.kind}")
