"""One convention for every listing command (``events``, ``meetings``, ``actors``, ``actors
who``, ``knowledge show``, ``info``, ``documents``):

- ``--format table|csv|json|jsonl|parquet``; the rows go to standard output, or with
  ``-o/--out FILE`` to that file, written atomically (parquet needs ``-o``);
- a table fits the terminal (80 columns and up): the least important columns are left out
  (named under the table) and long cells wrap, so no cell is cut to "perso…".
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from summitry.cli.common import console, fail

FORMATS = ("table", "csv", "json", "jsonl", "parquet")
FILE_FORMATS = FORMATS[1:]
FORMAT_HELP = "table|csv|json|jsonl|parquet (parquet needs -o)."
FormatOpt = Annotated[str, typer.Option("--format", help=FORMAT_HELP)]
OutOpt = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="Write the rows to this file (atomic) instead of printing."),
]
MIN_WRAPPED = 8  # narrowest a wrapped column gets before columns are left out


@dataclass(frozen=True)
class Column:
    """A table column: ``key`` in the rows; a lower ``rank`` stays longer on a narrow
    terminal; ``no_wrap`` for ids and dates (copied into other commands); a wrapped column
    gets at least ``min_width`` (or its header); ``show`` turns the value into the cell."""

    key: str
    header: str | None = None
    rank: int = 0
    no_wrap: bool = False
    min_width: int = MIN_WRAPPED
    show: Callable[[Any], str] | None = None

    @property
    def title(self) -> str:
        return self.header or self.key

    def text(self, row: dict) -> str:
        value = row.get(self.key)
        if self.show is not None:
            return self.show(value)
        return "" if value is None else str(value)


def check(fmt: str, out: Path | None) -> None:
    """Fail cleanly on an unknown format, parquet without a file, or a table to a file."""
    if fmt not in FORMATS:
        fail(f"--format {fmt!r}: expected table, csv, json, jsonl or parquet")
    if fmt == "parquet" and out is None:
        fail("--format parquet needs -o/--out FILE")
    if fmt == "table" and out is not None:
        fail("-o/--out writes csv, json, jsonl or parquet: add --format")


def emit(
    rows: Sequence[dict],
    fmt: str,
    out: Path | None,
    columns: Sequence[Column],
    *,
    title: str | None = None,
    fields: Sequence[str] | None = None,
    what: str = "rows",
) -> None:
    """Print ``rows`` as a table of ``columns``, or write them as ``fmt`` (to ``out`` or
    standard output). ``fields``: the flat columns of csv and parquet (default: the keys of
    the first row); json and jsonl keep every key."""
    if fmt == "table":
        print_table(rows, columns, title=title)
        return
    keys = list(fields) if fields is not None else (list(rows[0]) if rows else [columns[0].key])
    if out is None:
        sys.stdout.write(render(rows, fmt, keys))
        return
    write_file(rows, fmt, keys, out)
    console.print(f"wrote {len(rows)} {what} to {out}", highlight=False)


def _flat(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in value)
    return value


def render(rows: Sequence[dict], fmt: str, keys: Sequence[str]) -> str:
    """``rows`` as csv (``keys``; lists joined with ``;``), a json array or json lines."""
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(keys), extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerows({k: _flat(r.get(k)) for k in keys} for r in rows)
        return buf.getvalue()
    if fmt == "json":
        return json.dumps(list(rows), default=str, ensure_ascii=False, indent=1) + "\n"
    return "".join(json.dumps(r, default=str, ensure_ascii=False) + "\n" for r in rows)


def write_file(rows: Sequence[dict], fmt: str, keys: Sequence[str], out: Path) -> None:
    """Write ``rows`` to ``out`` atomically; a file error is one clean line."""
    from summitry.store import OutputError, StoreError, atomic_output, write_text

    try:
        if fmt != "parquet":
            write_text(out, render(rows, fmt, keys))
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.table({k: [_cell(r.get(k)) for r in rows] for k in keys})
        with atomic_output(out) as tmp:
            pq.write_table(table, tmp)
    except (OutputError, StoreError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror or exc}")


def _cell(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dict):
        return json.dumps(value, default=str, ensure_ascii=False)
    return value


def _needs(columns: Sequence[Column], texts: list[list[str]]) -> list[tuple[int, int]]:
    """(least, widest) width of each column: a no_wrap column needs its widest cell, a
    wrapped one ``min_width`` (or its header, or its widest cell if narrower)."""
    out = []
    for i, c in enumerate(columns):
        widest = max([len(c.title), *(len(row[i]) for row in texts)])
        out.append((widest if c.no_wrap else min(widest, max(c.min_width, len(c.title))), widest))
    return out


def fit(columns: Sequence[Column], texts: list[list[str]], width: int) -> dict[int, int]:
    """Index -> width of the columns shown in ``width`` characters: the highest ``rank``
    is left out first (the last of equals first) until the least widths fit; the room left
    goes to the wrapped columns, up to their widest cell."""
    needs = _needs(columns, texts)
    kept = list(range(len(columns)))

    def total(idx: list[int]) -> int:
        return sum(needs[i][0] for i in idx) + 3 * len(idx) + 1

    while len(kept) > 1 and total(kept) > width:
        kept.remove(max(reversed(kept), key=lambda i: columns[i].rank))
    widths = {i: needs[i][0] for i in kept}
    room = width - total(kept)
    while room > 0:
        short = [i for i in kept if widths[i] < needs[i][1]]
        if not short:
            break
        for i in short[:room]:
            widths[i] += 1
        room -= min(room, len(short))
    return widths


def print_table(rows: Sequence[dict], columns: Sequence[Column], *, title: str | None = None):
    """``rows`` as a table fitted to the console's width (see :func:`fit`); cells wrap."""
    texts = [[c.text(r) for c in columns] for r in rows]
    widths = fit(columns, texts, console.width)
    table = Table(title=title, show_lines=False)
    for i, w in widths.items():
        c = columns[i]
        table.add_column(c.title, no_wrap=c.no_wrap, overflow="fold", width=w)
    for row in texts:
        table.add_row(*(escape(row[i]) for i in widths))
    console.print(table)
    left = [c.title for i, c in enumerate(columns) if i not in widths]
    if left:
        console.print(
            f"left out for the width: {', '.join(left)} (a wider terminal or --format csv "
            "shows them)",
            highlight=False,
        )
