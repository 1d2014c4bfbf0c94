"""Readers: one generator per format, turning a unit's bytes into :class:`Record` objects.

A reader yields a :class:`Failure` for a bad record (the file goes on) and raises
:class:`IngestError` when the file as a whole cannot be read. Libraries do the parsing:
trafilatura (HTML main text and metadata), feedparser (RSS/Atom), PyYAML (Markdown front
matter), the standard json and csv modules, charset-normalizer (non-UTF-8 text).

Memory is bounded by the document limit (``unit.limits.max_document``), never by the file:
JSON Lines and CSV are read line by line, and a line longer than the limit is skipped and
reported; text, Markdown, HTML and feeds are read whole and a file larger than the limit is
refused; a JSON file (parsed whole) may be ``JSON_FILE_FACTOR`` times the limit, a bigger
one is refused with the advice to use JSON Lines. A document over the limit is refused, never
truncated.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, BinaryIO

import yaml
from charset_normalizer import from_bytes

from summitry.ingest.dates import parse_date
from summitry.ingest.model import DEFAULT_FIELDS, Failure, IngestError, Record
from summitry.ingest.sources import Unit, decode
from summitry.limits import LimitExceeded, LineCappedReader, bounded_lines, human, read_at_most

Item = Record | Failure
JSON_FILE_FACTOR = 8  # a .json file is parsed whole: up to 8 documents' worth of bytes
_CONTAINER_KEYS = ("documents", "articles", "items", "records", "data", "entries", "results")


def read_unit(unit: Unit, fields: dict[str, str], warnings: list[str]) -> Iterator[Item]:
    """Records of ``unit`` in file order."""
    reader = _READERS[unit.fmt]
    with unit.open() as stream:
        yield from reader(stream, unit, fields, warnings)


# --- mapped records (JSON Lines, JSON, CSV) -----------------------------------------------
def map_record(obj: dict[str, Any], fields: dict[str, str], source: str, ref: str) -> Item:
    """A :class:`Record` from a JSON object / CSV row using ``fields`` then the defaults."""
    values: dict[str, tuple[str, Any]] = {}
    for key, defaults in DEFAULT_FIELDS.items():
        if key in fields:
            column = fields[key]
            if column in obj and obj[column] not in (None, ""):
                values[key] = (column, obj[column])
            elif key == "text":
                return Failure(source, f"no value in field {column!r} (from --field text=)", ref)
            continue
        for column in defaults:
            if obj.get(column) not in (None, ""):
                values[key] = (column, obj[column])
                break
    if "text" not in values:
        tried = ", ".join(DEFAULT_FIELDS["text"])
        return Failure(source, f"no text field (tried {tried}; use --field text=COLUMN)", ref)
    column, text = values["text"]
    if isinstance(text, list) and all(isinstance(p, str) for p in text):
        text = "\n\n".join(text)
    if not isinstance(text, str):
        return Failure(
            source, f"field {column!r}: expected a string, got {type(text).__name__}", ref
        )
    if not text.strip():
        return Failure(source, f"field {column!r} is empty", ref)
    record = Record(text=text, record_ref=ref)
    for key, attr in (("title", "title"), ("url", "url"), ("id", "external_id")):
        if key in values:
            setattr(record, attr, _scalar(values[key][1]))
    if "language" in values:
        record.language = _scalar(values["language"][1])
    if "published" in values:
        record.field_name, raw = values["published"]
        record.field_value = _scalar(raw)
    return record


def _scalar(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value).strip() or None


def _jsonl(stream: BinaryIO, unit: Unit, fields: dict[str, str], warnings: list[str]):
    limit = unit.limits.max_document
    for n, line in bounded_lines(stream, 2 * limit):  # JSON escapes may double the text
        ref = f"line {n}"
        if line is None:
            yield Failure(unit.source, _too_long(2 * limit), ref)
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except UnicodeDecodeError as exc:
            yield Failure(unit.source, f"not UTF-8 (byte {exc.start}); JSON must be UTF-8", ref)
            continue
        except json.JSONDecodeError as exc:
            yield Failure(unit.source, f"not valid JSON: {exc.msg} (column {exc.colno})", ref)
            continue
        except RecursionError:
            yield Failure(unit.source, "JSON nested too deeply to read", ref)
            continue
        if not isinstance(obj, dict):
            yield Failure(unit.source, f"expected a JSON object, got {type(obj).__name__}", ref)
            continue
        yield map_checked(obj, fields, unit.source, ref)


def map_checked(obj: dict[str, Any], fields: dict[str, str], source: str, ref: str) -> Item:
    """:func:`map_record`, with a value nested too deeply to print made a failure."""
    try:
        return map_record(obj, fields, source, ref)
    except RecursionError:
        return Failure(source, "a field is nested too deeply to read", ref)


def _too_long(limit: int) -> str:
    return f"line longer than {human(limit)} (twice max_document_size): skipped"


def _json(stream: BinaryIO, unit: Unit, fields: dict[str, str], warnings: list[str]):
    limit = JSON_FILE_FACTOR * unit.limits.max_document
    try:
        raw = read_at_most(stream, limit, "the JSON file")
    except LimitExceeded as exc:
        raise IngestError(f"{exc}; a JSON file is read whole: give JSON Lines instead") from None
    text = decode(raw, warnings, unit.source)
    del raw
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(
            f"line {exc.lineno}: not valid JSON: {exc.msg} (column {exc.colno})"
        ) from None
    except RecursionError:
        raise IngestError("JSON nested too deeply to read") from None
    if isinstance(data, dict):
        inner = next((data[k] for k in _CONTAINER_KEYS if isinstance(data.get(k), list)), None)
        data = inner if inner is not None else [data]
    if not isinstance(data, list):
        raise IngestError(
            f"expected a JSON array of objects (or an object), got {type(data).__name__}"
        )
    for n, obj in enumerate(data, start=1):
        ref = f"item {n}"
        if not isinstance(obj, dict):
            yield Failure(unit.source, f"expected a JSON object, got {type(obj).__name__}", ref)
            continue
        yield map_checked(obj, fields, unit.source, ref)


def _csv(stream: BinaryIO, unit: Unit, fields: dict[str, str], warnings: list[str]):
    limit = 2 * unit.limits.max_document
    csv.field_size_limit(min(sys.maxsize, limit))
    stream = io.BufferedReader(LineCappedReader(stream, limit, "CSV"))  # type: ignore[arg-type]
    head = stream.read(1 << 16)
    encoding = "utf-8-sig"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the sample's end
            best = from_bytes(head).best()
            if best is None:
                raise IngestError("not UTF-8 and no other encoding fits") from None
            encoding = best.encoding
            warnings.append(f"{unit.source}: not UTF-8; read as {encoding} (charset-normalizer)")
    rest = io.BufferedReader(_Concat(head, stream))  # type: ignore[arg-type]
    text = io.TextIOWrapper(rest, encoding=encoding, newline="")
    delimiter = "\t" if unit.name.lower().removesuffix(".gz").endswith(".tsv") else ","
    reader = csv.reader(text, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise IngestError("empty CSV file (no header row)") from None
    header = [h.strip() for h in header]
    for row in reader:
        ref = f"line {reader.line_num}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield Failure(unit.source, f"{len(row)} fields, but the header has {len(header)}", ref)
            continue
        yield map_record(dict(zip(header, row, strict=True)), fields, unit.source, ref)


class _Concat(io.RawIOBase):
    """A raw stream of ``head`` followed by the rest of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO):
        self._head, self._stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        if self._head:
            n = min(len(buf), len(self._head))
            buf[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(buf))
        buf[: len(data)] = data
        return len(data)


# --- whole-document formats -----------------------------------------------------------------
def _whole(stream: BinaryIO, unit: Unit) -> bytes:
    """The file's bytes, if it is within the document limit (else the file is refused)."""
    try:
        return read_at_most(stream, unit.limits.max_document)
    except LimitExceeded as exc:
        raise IngestError(str(exc)) from None


def _text(stream: BinaryIO, unit: Unit, fields: dict[str, str], warnings: list[str]):
    text = decode(_whole(stream, unit), warnings, unit.source).replace("\r\n", "\n")
    if not text.strip():
        raise IngestError("the file is empty")
    first, _, rest = text.strip().partition("\n")
    title = first.strip() if len(first) <= 200 and rest.startswith("\n") else None
    yield Record(text=text.strip(), title=title)


def _markdown(stream: BinaryIO, unit: Unit, fields: dict[str, str], warnings: list[str]):
    text = decode(_whole(stream, unit), warnings, unit.source).replace("\r\n", "\n")
    meta: dict[str, Any] = {}
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            try:
                loaded = yaml.safe_load(text[4:end])
            except yaml.YAMLError as exc:
                raise IngestError(f"front matter is not valid YAML: {exc}") from None
            except RecursionError:
                raise IngestError("front matter nested too deeply to read") from None
            # plain values only: a list or mapping (YAML aliases can make a small file
            # expand enormously when printed) is not a title, URL or date
            meta = (
                {k: v for k, v in loaded.items() if isinstance(v, str | int | float | date)}
                if isinstance(loaded, dict)
                else {}
            )
            text = text[end + 4 :].lstrip("-\n")
    body = text.strip()
    if not body:
        raise IngestError("the file is empty")
    record = Record(text=body, title=_scalar(meta.get("title")), url=_scalar(meta.get("url")))
    if record.title is None:
        heading = next((ln for ln in body.splitlines() if ln.startswith("# ")), None)
        record.title = heading[2:].strip() if heading else None
    for key in ("published", "date", "pubdate", "publish_date"):
        value = meta.get(key)
        found = _as_date(value)
        if found is not None:
            record.meta_date, record.meta_evidence = found, f"front matter {key}: {value}"
            break
    yield record


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_date(value)
    return None


def _html(stream: BinaryIO, unit: Unit, fields: dict[str, str], warnings: list[str]):
    # trafilatura: 0.4 s to import, only for HTML input
    import trafilatura

    data = _whole(stream, unit)
    if not data.strip():
        raise IngestError("the file is empty")
    doc = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not (doc.text or "").strip():
        raise IngestError("no main text found in the HTML (trafilatura)")
    record = Record(text=doc.text.strip(), title=doc.title, url=doc.url, language=doc.language)
    if doc.date:
        found = parse_date(doc.date)
        if found is not None:
            record.meta_date, record.meta_evidence = found, "html metadata (trafilatura)"
    yield record


def _feed(stream: BinaryIO, unit: Unit, fields: dict[str, str], warnings: list[str]):
    # feedparser, trafilatura: only for RSS/Atom input
    import feedparser
    import trafilatura

    parsed = feedparser.parse(_whole(stream, unit))
    if not parsed.entries:
        if parsed.get("bozo"):
            raise IngestError(f"not a valid RSS/Atom feed: {parsed.get('bozo_exception')}")
        if not parsed.get("version"):
            raise IngestError("not an RSS/Atom feed (no feed element found)")
        return
    language = parsed.feed.get("language")
    for n, entry in enumerate(parsed.entries, start=1):
        ref = f"entry {n}"
        content = entry.get("content") or []
        raw = content[0].get("value") if content else entry.get("summary")
        text = trafilatura.html2txt(f"<html><body>{raw}</body></html>") if raw else ""
        if not text.strip():
            yield Failure(unit.source, "the entry has no content or summary", ref)
            continue
        record = Record(
            text=text.strip(),
            record_ref=ref,
            title=entry.get("title"),
            url=entry.get("link"),
            external_id=entry.get("id"),
            language=language,
        )
        for key in ("published", "updated"):
            # the date as written (local to the publisher); feedparser's struct is UTC
            stamp, raw_date = entry.get(f"{key}_parsed"), entry.get(key)
            found = parse_date(raw_date) if raw_date else None
            if found is None and stamp:
                found = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
            if found is not None:
                record.meta_date, record.meta_evidence = found, f"feed {key}: {raw_date}"
                break
        yield record


_READERS = {
    "text": _text,
    "markdown": _markdown,
    "html": _html,
    "jsonl": _jsonl,
    "json": _json,
    "csv": _csv,
    "feed": _feed,
}
