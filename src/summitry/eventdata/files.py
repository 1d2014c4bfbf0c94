"""Turn an input file (plain, .gz, or .zip as GDELT ships them) into a plain file DuckDB reads.

A .zip is extracted by streaming to a temporary file (constant memory). A truncated or
corrupt archive is salvaged: every complete line that can still be decompressed is kept,
and the loss is reported as a reject on the first line that could not be read.
"""

from __future__ import annotations

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


def _salvage_zip(path: Path, out: Path) -> tuple[str, int]:
    """Decompress what can be read of the first member; keep whole lines only.

    Returns (reason, number of complete lines kept).
    """
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
    path: Path, source: str | None = None, sha1: str | None = None
) -> Iterator[LocalFile]:
    """Yield a :class:`LocalFile` for ``path``; temporary files are removed afterwards."""
    source = source or str(path)
    if not path.is_file():
        raise FileNotFoundError(f"{source}: no such file")
    sha1 = sha1 or sha1_of(path)
    if path.suffix.lower() != ".zip":
        yield LocalFile(source, path, sha1)
        return
    with tempfile.TemporaryDirectory(prefix="summitry-unzip-") as tmp:
        out = Path(tmp) / (path.stem or "member")
        damage = damage_line = None
        try:
            with zipfile.ZipFile(path) as zf:
                members = [m for m in zf.infolist() if not m.is_dir()]
                if not members:
                    raise zipfile.BadZipFile("archive is empty")
                with zf.open(members[0]) as src, out.open("wb") as dst:
                    shutil.copyfileobj(src, dst, CHUNK)
        except (zipfile.BadZipFile, EOFError, zlib.error, OSError) as exc:
            reason, kept = _salvage_zip(path, out)
            damage = f"{reason}: {exc}" if str(exc) not in reason else reason
            damage_line = kept + 1
        yield LocalFile(source, out, sha1, damage, damage_line)
