"""Download GDELT files listed in GDELT's file lists, check them, filter and load them.

GDELT 2.0: ``<base>/masterfilelist.txt``, one ``size md5 url`` line per file
(``YYYYMMDDHHMMSS.export.CSV.zip``, ``.mentions.CSV.zip``, ``.gkg.csv.zip``; 15-minute files).
GDELT 1.0 (``--v1``): ``<base>/md5sums`` (``md5  name``) and ``<base>/filesizes``
(``size name``) beside the daily ``YYYYMMDD.export.CSV.zip`` files (a ``masterfilelist.txt``
there is used first if it exists).

Each file is downloaded (bounded parallelism, retries with exponential backoff on network
errors and HTTP 5xx/429), its size and MD5 are checked against the list, it is imported with
the user's filters, and ``fetch_log`` records the outcome; a re-run fetches only what is not
``loaded`` yet, so an interrupted fetch resumes where it stopped.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import httpx

from summitry.eventdata.importer import FileResult, Importer, ImportOptions

KIND_OF_SUFFIX = {"export": "gdelt", "mentions": "gdelt-mentions", "gkg": "gkg"}
_NAME = re.compile(
    r"(?P<stamp>\d{4,14})\.(?P<tr>translation\.)?(?P<kind>export|mentions|gkg)"
    r"\.csv\.zip$",
    re.IGNORECASE,
)


class FetchError(RuntimeError):
    """The fetch cannot start (file list unreachable or unreadable)."""


@dataclass(frozen=True)
class RemoteFile:
    url: str
    size: int
    md5: str
    kind: str  # export|mentions|gkg
    first: date  # first day the file covers
    last: date


@dataclass
class FetchSummary:
    listed: int = 0
    selected: int = 0
    already: int = 0
    loaded: int = 0
    failed: int = 0
    rows_loaded: int = 0
    rejected: int = 0
    errors: list[str] = field(default_factory=list)
    results: list[FileResult] = field(default_factory=list)


def _period(stamp: str) -> tuple[date, date] | None:
    try:
        if len(stamp) >= 8:
            d = date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]))
            return d, d
        if len(stamp) == 6:  # GDELT 1.0 monthly backfile
            y, m = int(stamp[:4]), int(stamp[4:6])
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return date(y, m, 1), date.fromordinal(nxt.toordinal() - 1)
        if len(stamp) == 4:  # GDELT 1.0 yearly backfile
            return date(int(stamp), 1, 1), date(int(stamp), 12, 31)
    except ValueError:
        return None
    return None


def parse_file_list(text: str, base_url: str) -> tuple[list[RemoteFile], int]:
    """Parse ``size md5 url`` lines; returns (files, number of unreadable lines)."""
    files, bad = [], 0
    for line in text.splitlines():
        parts = line.split()
        if not parts:
            continue
        if (
            len(parts) != 3
            or not parts[0].isdigit()
            or not re.fullmatch(r"[0-9a-fA-F]{32}", parts[1])
        ):
            bad += 1
            continue
        url = parts[2] if "://" in parts[2] else base_url.rstrip("/") + "/" + parts[2]
        m = _NAME.search(url)
        if not m or m.group("tr"):
            continue
        period = _period(m.group("stamp"))
        if period is None:
            bad += 1
            continue
        files.append(
            RemoteFile(url, int(parts[0]), parts[1].lower(), m.group("kind").lower(), *period)
        )
    return files, bad


def _get_text(
    client: httpx.Client, url: str, attempts: int = 3, backoff: float = 0.5
) -> str | None:
    """GET a file list (retrying network errors and HTTP 5xx); None on 404."""
    for attempt in range(attempts):
        if attempt:
            time.sleep(backoff * 2 ** (attempt - 1))
        try:
            resp = client.get(url)
        except httpx.TransportError as exc:
            if attempt + 1 < attempts and not isinstance(exc, httpx.ConnectError):
                continue
            raise FetchError(
                f"cannot reach {url} ({type(exc).__name__}: {exc}); are you offline? "
                "Set --base-url (or the gdelt_base_url setting) to a reachable mirror"
            ) from exc
        if resp.status_code == 404:
            return None
        if resp.status_code >= 500 and attempt + 1 < attempts:
            continue
        if resp.status_code >= 400:
            raise FetchError(f"{url}: HTTP {resp.status_code}")
        return resp.text
    raise FetchError(f"{url}: no answer after {attempts} attempts")


def list_files(client: httpx.Client, base_url: str, v1: bool) -> tuple[list[RemoteFile], int]:
    base = base_url.rstrip("/") + "/"
    text = _get_text(client, base + "masterfilelist.txt")
    if text is not None:
        return parse_file_list(text, base)
    if not v1:
        raise FetchError(f"{base}masterfilelist.txt: not found (HTTP 404)")
    md5s = _get_text(client, base + "md5sums")
    sizes = _get_text(client, base + "filesizes")
    if md5s is None or sizes is None:
        raise FetchError(f"{base}: neither masterfilelist.txt nor md5sums + filesizes found")
    size_of = {}
    for line in sizes.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0].isdigit():
            size_of[parts[1]] = parts[0]
    lines = []
    for line in md5s.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1] in size_of:
            lines.append(f"{size_of[parts[1]]} {parts[0]} {base}{parts[1]}")
    return parse_file_list("\n".join(lines), base)


def download(
    client: httpx.Client, rf: RemoteFile, dest: Path, *, attempts: int = 4, backoff: float = 0.5
) -> Path:
    """Download ``rf`` to ``dest`` checking size and MD5; raises RuntimeError on failure."""
    last = ""
    for attempt in range(attempts):
        if attempt:
            time.sleep(backoff * 2 ** (attempt - 1))
        digest, size = hashlib.md5(), 0
        try:
            with client.stream("GET", rf.url) as resp:
                if resp.status_code == 404:
                    raise RuntimeError(f"{rf.url}: not found (HTTP 404)")
                if resp.status_code in (429,) or resp.status_code >= 500:
                    last = f"HTTP {resp.status_code}"
                    continue
                if resp.status_code >= 400:
                    raise RuntimeError(f"{rf.url}: HTTP {resp.status_code}")
                with dest.open("wb") as fh:
                    for chunk in resp.iter_bytes(1 << 16):
                        digest.update(chunk)
                        size += len(chunk)
                        fh.write(chunk)
        except httpx.TransportError as exc:
            last = f"{type(exc).__name__}: {exc}"
            continue
        if size != rf.size:
            last = f"size mismatch: the file list says {rf.size} bytes, got {size}"
            continue
        if digest.hexdigest() != rf.md5:
            last = f"checksum mismatch: the file list says md5 {rf.md5}, got {digest.hexdigest()}"
            continue
        return dest
    raise RuntimeError(f"{rf.url}: {last} (after {attempts} attempts)")


def fetch(
    store,
    *,
    base_url: str,
    date_from: date,
    date_to: date,
    v1: bool = False,
    kinds: tuple[str, ...] = ("export",),
    options: ImportOptions | None = None,
    workers: int = 2,
    attempts: int = 4,
    backoff: float = 0.5,
    timeout: float = 60.0,
    on_start: Callable[[int], None] | None = None,
    on_file: Callable[[str, str], None] | None = None,
) -> tuple[FetchSummary, Importer]:
    """Fetch and load the selected files; ``on_file(url, status)`` reports progress."""
    summary = FetchSummary()
    importer = Importer(store, options or ImportOptions())
    with httpx.Client(timeout=timeout, follow_redirects=True) as client:
        listed, bad = list_files(client, base_url, v1)
        summary.listed = len(listed)
        if bad:
            summary.errors.append(f"file list: {bad} unreadable lines skipped")
        selected = [
            f for f in listed if f.kind in kinds and f.last >= date_from and f.first <= date_to
        ]
        done = {
            r[0]
            for r in store.con.execute(
                "SELECT url FROM fetch_log WHERE status = 'loaded'"
            ).fetchall()
        }
        todo = [f for f in selected if f.url not in done]
        summary.selected, summary.already = len(selected), len(selected) - len(todo)
        if on_start:
            on_start(len(todo))
        with (
            tempfile.TemporaryDirectory(prefix="summitry-gdelt-") as tmp,
            ThreadPoolExecutor(max_workers=max(1, workers)) as pool,
        ):
            # Downloads run in parallel; files are loaded in list order (an export file
            # before the mentions and GKG files of the same 15 minutes).
            queue = list(reversed(todo))
            running: deque[tuple[Future, RemoteFile]] = deque()

            def submit() -> None:
                while queue and len(running) < max(1, workers) * 2:
                    rf = queue.pop()
                    dest = Path(tmp) / rf.url.rsplit("/", 1)[-1]
                    running.append(
                        (
                            pool.submit(
                                download, client, rf, dest, attempts=attempts, backoff=backoff
                            ),
                            rf,
                        )
                    )

            submit()
            while running:
                fut, rf = running.popleft()
                status = _load_one(store, importer, rf, fut, summary)
                if on_file:
                    on_file(rf.url, status)
                submit()
    return summary, importer


def _load_one(store, importer: Importer, rf: RemoteFile, fut: Future, summary: FetchSummary) -> str:
    try:
        path = fut.result()
    except RuntimeError as exc:
        _log(store, rf, "failed", None, str(exc))
        summary.failed += 1
        summary.errors.append(str(exc))
        return "failed"
    try:
        results = importer.import_files([(path, rf.url)], hint=KIND_OF_SUFFIX[rf.kind])
    finally:
        path.unlink(missing_ok=True)
    result = results[0]
    summary.results.append(result)
    if result.status == "failed":
        _log(store, rf, "failed", None, result.message)
        summary.failed += 1
        summary.errors.append(result.message)
        return "failed"
    summary.loaded += 1
    summary.rows_loaded += result.n_loaded
    summary.rejected += result.n_rejected
    _log(store, rf, "loaded", result.n_loaded, None)
    return "loaded"


def _log(store, rf: RemoteFile, status: str, rows: int | None, error: str | None) -> None:
    store.con.execute(
        "INSERT OR REPLACE INTO fetch_log VALUES (?, ?, ?, ?, ?, ?, now())",
        [rf.url, rf.md5, rf.size, status, rows, error],
    )
