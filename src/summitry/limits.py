"""What one input may cost: its decompressed size, its compression ratio, one document's size.

Ingest and event-data import read compressed input through :class:`BoundedReader`, which
counts the bytes it hands out and refuses to go past ``Limits.decompressed_cap`` (the smaller
of ``max_decompressed`` and ``max_ratio`` times the compressed size, but never below
``ratio_floor``): a decompression bomb is refused with one line, after reading at most that
much, in constant memory. Settings ``max_document_size``, ``max_decompressed_size`` and
``max_compression_ratio`` (``SUMMITRY_*``) change the limits.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any, BinaryIO

from summitry.config import load_settings

_UNITS = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9, "TB": 10**12,
          "KIB": 2**10, "MIB": 2**20, "GIB": 2**30, "TIB": 2**40}  # fmt: skip


class LimitExceeded(ValueError):
    """An input is larger than a limit allows (the message names the limit)."""


def parse_size(text: str | int) -> int:
    """Bytes of ``"8MB"``, ``"16 GiB"``, ``"512"``."""
    if isinstance(text, int):
        return text
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?I?B?)\s*", str(text).upper())
    if not m or m.group(2) not in _UNITS:
        raise ValueError(f"expected a size such as 8MB or 2GiB, got {text!r}")
    return int(float(m.group(1)) * _UNITS[m.group(2)])


def human(n: int) -> str:
    for unit, size in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if n >= size:
            return f"{n / size:.4g} {unit}"
    return f"{n} bytes"


@dataclass(frozen=True)
class Limits:
    max_document: int = 8 * 10**6  # one document's text (a bigger one is refused)
    max_decompressed: int = 16 * 10**9  # one compressed input, decompressed
    max_ratio: float = 100.0  # decompressed / compressed size
    ratio_floor: int = 64 * 10**6  # below this much output the ratio is not checked

    @classmethod
    def from_settings(cls, settings: Any | None = None) -> Limits:
        if settings is None:
            settings = load_settings()
        return cls(
            max_document=parse_size(settings.max_document_size),
            max_decompressed=parse_size(settings.max_decompressed_size),
            max_ratio=float(settings.max_compression_ratio),
        )

    def decompressed_cap(self, compressed: int) -> tuple[int, str]:
        """The most bytes ``compressed`` bytes may decompress to, and which limit that is."""
        by_ratio = max(self.ratio_floor, int(self.max_ratio * max(compressed, 1)))
        if by_ratio < self.max_decompressed:
            return by_ratio, (
                f"decompresses to more than {self.max_ratio:g} times its {human(compressed)} "
                "(max_compression_ratio): refused as a likely decompression bomb"
            )
        return self.max_decompressed, (
            f"decompresses to more than {human(self.max_decompressed)} (max_decompressed_size)"
        )


class BoundedReader(io.RawIOBase):
    """A raw stream over ``inner`` that raises :class:`LimitExceeded` (with ``why``) once
    more than ``cap`` bytes have been read from it."""

    def __init__(self, inner: BinaryIO, cap: int, why: str):
        self.inner, self.cap, self.why, self.count = inner, cap, why, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        want = min(len(buf), self.cap + 1 - self.count)
        if want <= 0:
            raise LimitExceeded(self.why)
        data = self.inner.read(want)
        n = len(data)
        buf[:n] = data
        self.count += n
        if self.count > self.cap:
            raise LimitExceeded(self.why)
        return n

    def close(self) -> None:
        try:
            self.inner.close()
        finally:
            super().close()


def bounded(inner: BinaryIO, compressed: int, limits: Limits) -> BinaryIO:
    """``inner`` (a decompressing stream of ``compressed`` input bytes) within ``limits``."""
    cap, why = limits.decompressed_cap(compressed)
    return io.BufferedReader(BoundedReader(inner, cap, why), buffer_size=1 << 16)


def read_at_most(stream: BinaryIO, limit: int, what: str = "the file") -> bytes:
    """All of ``stream`` if it holds at most ``limit`` bytes; else :class:`LimitExceeded`
    (after reading ``limit + 1`` bytes, never more)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise LimitExceeded(
            f"{what} is larger than the document limit of {human(limit)} "
            "(max_document_size): refused, not truncated"
        )
    return data


def bounded_lines(stream: BinaryIO, limit: int):
    """``(line_number, line)`` of ``stream``; a line longer than ``limit`` bytes comes as
    ``(line_number, None)`` after being skipped in chunks (memory stays under ``limit``)."""
    n = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) <= limit or line.endswith(b"\n"):
            yield n, line
            continue
        while line and not line.endswith(b"\n"):  # skip the rest of the long line
            line = stream.readline(1 << 20)
        yield n, None


class LineCappedReader(io.RawIOBase):
    """Bytes of ``inner`` unchanged, but :class:`LimitExceeded` as soon as one line (bytes
    between newlines) grows past ``limit`` — for readers that cannot skip a line."""

    def __init__(self, inner: BinaryIO, limit: int, what: str):
        self.inner, self.limit, self.what = inner, limit, what
        self.run = 0  # bytes since the last newline
        self.line = 1

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        data = self.inner.read(len(buf))
        n = len(data)
        buf[:n] = data
        last = data.rfind(b"\n")
        if last < 0:
            self.run += n
        else:
            self.line += data.count(b"\n")
            self.run = n - last - 1
        if self.run > self.limit:
            raise LimitExceeded(
                f"{self.what} line {self.line} is longer than {human(self.limit)} "
                "(twice max_document_size): refused"
            )
        return n
