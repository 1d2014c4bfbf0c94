"""Input units: files found under the given paths, ``.gz`` files and ``.zip`` members.

A unit is what ``ingest_files`` records: a file, or ``archive.zip!member.html``. Each unit
knows its format (from the name, or forced), its size, the SHA-1 of its bytes (re-runs skip
units whose content is already ingested) and how to open it as a byte stream: compressed
data is decompressed as it is read, within the unit's :class:`~summitry.limits.Limits`.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from summitry.ingest.model import Failure, IngestError
from summitry.limits import Limits, bounded

EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "csv",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
ARCHIVES = (".gz", ".zip")


def detect_format(name: str) -> str | None:
    """The format of a file called ``name`` (``x.jsonl.gz`` -> jsonl), or None."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return EXTENSIONS.get(os.path.splitext(lower)[1])


@dataclass
class Unit:
    """One file or archive member to ingest."""

    source: str  # as recorded: the path, or ``archive.zip!member``
    name: str  # base name: gives the CSV delimiter
    fmt: str
    size: int  # bytes on disk (compressed size for archive members)
    path: Path
    archive: zipfile.ZipFile | None = None
    member: zipfile.ZipInfo | None = None
    limits: Limits = field(default_factory=Limits)
    _sha1: str | None = None
    _raw: BinaryIO | None = None

    def _member(self) -> BinaryIO:
        """The archive member's bytes, decompressed as read, within the limits."""
        assert self.archive is not None and self.member is not None
        return bounded(self.archive.open(self.member), self.member.compress_size, self.limits)

    def sha1(self) -> str:
        """SHA-1 of the unit's bytes as stored (compressed for ``.gz``; a zip member's
        content as extracted), read in chunks."""
        if self._sha1 is None:
            h = hashlib.sha1()
            with self._member() if self.archive is not None else open(self.path, "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    h.update(chunk)
            self._sha1 = h.hexdigest()
        return self._sha1

    def open(self) -> BinaryIO:
        """The unit's (decompressed) bytes as a stream, within the limits."""
        gz = self.name.lower().endswith(".gz")
        if self.archive is not None:
            member = self._member()
            if not gz:
                return member
            return bounded(gzip.GzipFile(fileobj=member, mode="rb"), self.size, self.limits)
        self._raw = open(self.path, "rb")  # noqa: SIM115 - closed by the caller via the stream
        if not gz:
            return self._raw  # type: ignore[return-value]
        return bounded(gzip.GzipFile(fileobj=self._raw, mode="rb"), self.size, self.limits)

    def consumed(self) -> int:
        """Bytes of ``size`` read so far (for the progress bar)."""
        raw = self._raw
        if raw is None or raw.closed:
            return 0
        return raw.tell()


def _file_unit(path: Path, fmt: str) -> Unit:
    return Unit(str(path), path.name, fmt, path.stat().st_size, path)


def _zip_units(path: Path, forced: str | None) -> Iterator[Unit | Failure]:
    source = str(path)
    try:
        zf = zipfile.ZipFile(source)
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        yield Failure(source, f"not a readable zip archive (truncated or corrupt?): {exc}")
        return
    for info in infos:
        base = info.filename.rsplit("/", 1)[-1]
        if info.is_dir() or not base or base.startswith(".") or "__MACOSX" in info.filename:
            continue
        member = f"{source}!{info.filename}"
        fmt = forced or detect_format(base)
        if fmt is None:
            if base.lower().endswith(".zip"):
                yield Failure(member, "zip archives inside zip archives are not read")
            else:
                yield Failure(member, _unsupported(base))
            continue
        yield Unit(member, base, fmt, info.compress_size, path, zf, info)


def _unsupported(name: str) -> str:
    ext = os.path.splitext(name)[1] or "(no extension)"
    known = ", ".join(sorted({*EXTENSIONS, *ARCHIVES}))
    return f"unsupported file type {ext}; expected one of {known} (or use --format)"


def expand(paths: list[str | Path], forced: str | None = None) -> Iterator[Unit | Failure]:
    """Units for ``paths`` (directories recursively, in name order); failures for the rest.

    Inside directories, hidden entries and files of unknown type are passed over silently;
    a path named explicitly that cannot be read is a failure.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    child = Path(root) / name
                    if name.lower().endswith(".zip") or forced or detect_format(name):
                        yield from _one(child, forced)
        elif not path.exists():
            yield Failure(str(path), "no such file or directory")
        else:
            yield from _one(path, forced)


def _one(path: Path, forced: str | None) -> Iterator[Unit | Failure]:
    if path.name.lower().endswith(".zip"):
        yield from _zip_units(path, forced)
        return
    fmt = forced or detect_format(path.name)
    if fmt is None:
        yield Failure(str(path), _unsupported(path.name))
        return
    try:
        yield _file_unit(path, fmt)
    except OSError as exc:
        yield Failure(str(path), f"cannot read: {exc.strerror or exc}")


def decode(data: bytes, warnings: list[str] | None = None, source: str = "") -> str:
    """Text from bytes: UTF-8 (with or without BOM), else the charset detected by
    charset-normalizer (noted in ``warnings``); binary data is an :class:`IngestError`."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if b"\x00" in data[:4096]:
        raise IngestError("binary data, not text")
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise IngestError(
            f"not UTF-8 (invalid byte at offset {first_bad}) and no other encoding fits"
        )
    if warnings is not None:
        warnings.append(f"{source}: not UTF-8; decoded as {best.encoding} (charset-normalizer)")
    return str(best)
