"""A real store (the Reuters sample ingested and coded, GDELT-shaped rows imported, the
knowledge pack loaded, meetings built, plus a document carrying HTML payloads) and a real
``summitry serve`` on 127.0.0.1 over it."""

from __future__ import annotations

import fcntl
import json
import os
import random
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest

HOSTILE_TITLE = "Payload test <script>alert('title')</script>"
HOSTILE_TEXT = (
    "WASHINGTON (Reuters) - U.S. President Donald Trump met Russian President Vladimir Putin "
    "in Helsinki on Monday, officials said. "
    "<script>document.title='pwned'</script> <img src=x onerror=\"document.title='pwned'\"> "
    "The text above is a payload that must be shown as text."
)


def cli(db: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run summitry on ``db`` (readers open it read-only beside a server)."""
    out = subprocess.run(
        [sys.executable, "-m", "summitry", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
    )
    assert out.returncode == 0, f"summitry {' '.join(args)} failed:\n{out.stdout}\n{out.stderr}"
    return out


def write_gdelt_rows(path: Path, n_per_day: int = 30) -> int:
    """GDELT 2.0 export rows for Oct-Nov 2017 (random values in the exact layout), plus a
    few USA-RUS consult rows between the two presidents around 11 Nov 2017."""
    from summitry.eventdata.synthetic import gdelt_row, write_gdelt

    rng = random.Random(11)
    rows, event_id, d = [], 700_000_000, date(2017, 10, 1)
    while d <= date(2017, 11, 30):
        for _ in range(n_per_day):
            event_id += 1
            rows.append(gdelt_row(rng, event_id, d))
        d += timedelta(days=1)
    write_gdelt(path, rows)
    return len(rows)


@pytest.fixture(scope="session")
def served_store(tmp_path_factory, worker_id: str, reuters_path: Path) -> Path:
    """The store file (read it only: servers read it). Built once for all xdist workers."""
    root = tmp_path_factory.getbasetemp()
    folder = (root if worker_id == "master" else root.parent) / "serve-store"
    folder.mkdir(exist_ok=True)
    db = folder / "serve.duckdb"
    with (folder / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "built").exists():
            build_store(folder, db, reuters_path)
            (folder / "built").touch()
    return db


def build_store(folder: Path, db: Path, reuters_path: Path) -> None:
    hostile = folder / "hostile.jsonl"
    hostile.write_text(
        json.dumps(
            {
                "id": "hostile-1",
                "title": HOSTILE_TITLE,
                "published": "2018-07-17",
                "text": HOSTILE_TEXT,
            }
        )
        + "\n",
        encoding="utf-8",
    )
    gdelt = folder / "20171001000000.export.CSV"
    write_gdelt_rows(gdelt)
    cli(db, "ingest", str(reuters_path), str(hostile))
    cli(db, "code")
    cli(db, "import", "gdelt", str(gdelt))
    cli(db, "knowledge", "load")
    cli(db, "meetings", "build")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    proc: subprocess.Popen
    db: Path

    def get(self, path: str, **kw) -> httpx.Response:
        return httpx.get(self.url + path, timeout=60, **kw)


def start_server(db: Path, *extra: str, env: dict | None = None, idle: float = 0.5) -> Server:
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "summitry",
            "--db",
            str(db),
            "serve",
            "--port",
            str(port),
            "--idle",
            str(idle),
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out = proc.stdout.read().decode() if proc.stdout else ""
            raise AssertionError(f"summitry serve exited: {out}")
        try:
            httpx.get(url + "/docs", timeout=2)
            return Server(url, proc, db)
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise AssertionError("summitry serve did not start within 60 s")


def stop_server(server: Server) -> None:
    server.proc.terminate()
    try:
        server.proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.proc.kill()


@pytest.fixture(scope="session")
def server(served_store: Path) -> Iterator[Server]:
    s = start_server(served_store)
    yield s
    stop_server(s)


@pytest.fixture(scope="session")
def tools() -> SimpleNamespace:
    """Helpers for the tests: run the CLI, start and stop servers, the payload title."""
    return SimpleNamespace(
        cli=cli, start=start_server, stop=stop_server, hostile_title=HOSTILE_TITLE
    )
