"""Turn an input file (plain, .gz, or .zip as GDELT ships them) into a plain file DuckDB reads.

A .zip or .gz is extracted by streaming to a temporary file (constant memory), within the
decompression limits of :mod:`summitry.limits`. A truncated or
corrupt archive is salvaged: every complete line that can still be decompressed is kept,
and the loss is reported as a reject on the first line that could not be read.
"""

from __future__ import annotations

import gzip
import hashlib
import shutil
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from summitry.limits import LimitExceeded, Limits, bounded

CHUNK = 1 << 20


@dataclass
class LocalFile:
    source: str  # what the user gave (path or URL), used in messages and keys
    path: Path  # plain or .gz text file for DuckDB
    sha1: str
    damage: str | None = None  # why the tail of the file could not be read (salvaged archive)
    damage_line: int | None = None


def sha1_of(path: Path) -> str:
    digest = hashlib.sha1()
    with path.open("rb") as fh:
        while block := fh.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _salvage_zip(path: Path, out: Path, limits: Limits) -> tuple[str, int]:
    """Decompress what can be read of the first member; keep whole lines only.

    Returns (reason, number of complete lines kept).
    """
    cap, why = limits.decompressed_cap(path.stat().st_size)
    size = 0
    data_written = 0
    tail = b""
    with path.open("rb") as fh, out.open("wb") as dst:
        header = fh.read(30)
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            dst.write(b"")
            return "not a zip archive (no local file header)", 0
        method = struct.unpack("<H", header[8:10])[0]
        name_len, extra_len = struct.unpack("<HH", header[26:30])
        fh.read(name_len + extra_len)
        inflater = zlib.decompressobj(-zlib.MAX_WBITS) if method == 8 else None
        try:
            while block := fh.read(CHUNK):
                chunk = inflater.decompress(block) if inflater else block
                size += len(chunk)
                if size > cap:
                    raise LimitExceeded(why)
                chunk = tail + chunk
                cut = chunk.rfind(b"\n") + 1
                dst.write(chunk[:cut])
                data_written += chunk[:cut].count(b"\n")
                tail = chunk[cut:]
                if inflater and inflater.eof:
                    break
        except zlib.error as exc:
            return f"corrupt compressed data ({exc})", data_written
    if inflater is not None and not inflater.eof:
        return "truncated zip archive", data_written
    return "damaged zip archive (central directory unreadable)", data_written


@contextmanager
def local_text(
    path: Path, source: str | None = None, sha1: str | None = None, limits: Limits | None = None
) -> Iterator[LocalFile]:
    """Yield a :class:`LocalFile` for ``path``; temporary files are removed afterwards. A
    .zip or .gz is decompressed within ``limits`` (a bomb raises ``LimitExceeded``)."""
    source = source or str(path)
    if not path.is_file():
        raise FileNotFoundError(f"{source}: no such file")
    sha1 = sha1 or sha1_of(path)
    kind = path.suffix.lower()
    if kind not in (".zip", ".gz"):
        yield LocalFile(source, path, sha1)
        return
    limits = limits or Limits.from_settings()
    with tempfile.TemporaryDirectory(prefix="summitry-unzip-") as tmp:
        out = Path(tmp) / (path.stem or "member")
        damage = damage_line = None
        try:
            with _decompressed(path, kind, limits) as src, out.open("wb") as dst:
                shutil.copyfileobj(src, dst, CHUNK)
        except (zipfile.BadZipFile, EOFError, zlib.error, OSError) as exc:
            if kind == ".zip":
                reason, kept = _salvage_zip(path, out, limits)
            else:
                reason, kept = "truncated or corrupt gzip data", _whole_lines(out)
            damage = f"{reason}: {exc}" if str(exc) not in reason else reason
            damage_line = kept + 1
        yield LocalFile(source, out, sha1, damage, damage_line)


@contextmanager
def _decompressed(path: Path, kind: str, limits: Limits) -> Iterator[BinaryIO]:
    """The decompressed bytes of a .gz, or of a .zip's first member, within ``limits``."""
    if kind == ".gz":
        with bounded(gzip.open(path, "rb"), path.stat().st_size, limits) as src:
            yield src
        return
    with zipfile.ZipFile(path) as zf:
        members = [m for m in zf.infolist() if not m.is_dir()]
        if not members:
            raise zipfile.BadZipFile("archive is empty")
        with bounded(zf.open(members[0]), members[0].compress_size, limits) as src:
            yield src


def _whole_lines(out: Path) -> int:
    """Cut ``out`` after its last complete line; the number of lines kept."""
    with out.open("r+b") as fh:
        data_end = fh.seek(0, 2)
        keep, lines, pos = 0, 0, 0
        fh.seek(0)
        while pos < data_end:
            block = fh.read(CHUNK)
            cut = block.rfind(b"\n")
            if cut >= 0:
                keep = pos + cut + 1
            lines += block.count(b"\n")
            pos += len(block)
        fh.truncate(keep)
    return lines
