"""Load benchmark of ``summitry serve``: latency and throughput of the meetings list, a
meeting page and an events page at 1, 10 and 50 concurrent clients, on a store with 50,000
documents and 100,000 imported GDELT-shaped events, beside the same queries run through the
DuckDB Python API directly (same store, same number of threads, one cursor each).

    python bench/bench_serve.py                  # full size, wrk when installed, 10 s a cell
    python bench/bench_serve.py --quick          # 5,000 documents, 10,000 events, 3 s a cell
    python bench/bench_serve.py --client httpx   # the Python client (slower than the server)

Bounded: a fixed time per cell (``--seconds``), to 127.0.0.1 only; the baseline runs a fixed
number of calls (``--requests``). The load generator (bench/loadgen.py: ``wrk`` with a
generated Lua script, or httpx) cycles the same request paths with either client and counts
every non-2xx response as an error. Target: p99 under 200 ms at 50 clients for the list
endpoints (meetings list, events page). The load generator runs on the same two cores as the
server, as a client on the same machine would.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

import httpx
from rich.console import Console
from rich.table import Table

import loadgen
from bench_ingest import generate
from loadgen import Cell
from summitry import events
from summitry.eventdata.synthetic import gdelt_row, write_gdelt
from summitry.events import EventFilter, Order
from summitry.meetings import get_meeting, list_meetings
from summitry.store import Store

CLIENTS = (1, 10, 50)
DYADS = [("USA", "RUS"), ("RUS", "UKR"), ("CHN", "USA"), ("FRA", "DEU"), ("IRN", "ISR")]
PAIRS = [("Donald Trump", "Vladimir Putin"), ("USA", "RUS"), ("Joe Biden", "Vladimir Putin")]


def cli(db: Path, *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "summitry", "--db", str(db), *args], check=True,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip


def build_store(folder: Path, n_docs: int, n_events: int) -> Path:
    """Documents (generated news JSONL), GDELT 2.0 rows, the knowledge pack, meetings."""
    db = folder / "bench.duckdb"
    corpus = folder / "news.jsonl"
    generate(corpus, n_docs)
    cli(db, "ingest", str(corpus))
    rng = random.Random(5)
    rows, d, per_day = [], date(2016, 1, 1), max(1, n_events // 3650)
    while len(rows) < n_events:
        for _ in range(min(per_day, n_events - len(rows))):
            rows.append(gdelt_row(rng, 600_000_000 + len(rows), d))
        d += timedelta(days=1)
    gdelt = folder / "20160101000000.export.CSV"
    write_gdelt(gdelt, rows)
    cli(db, "import", "gdelt", str(gdelt))
    cli(db, "knowledge", "load")
    cli(db, "meetings", "build")
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, cache: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "summitry", "--db", str(db), "serve", "--port", str(port),
         "--cache", str(cache)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(url + "/api/health", timeout=2).raise_for_status()
            return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    sys.exit("summitry serve did not start")


# --- the workload: the same request list for the server and the baseline ------------------
def workload(db: Path, n: int) -> dict[str, list[dict]]:
    """Per endpoint, ``n`` requests (params), varied: filters, pages deep in a listing."""
    rng = random.Random(1)
    store = Store(db, read_only=True)
    try:
        ids = [m["id"] for m in list_meetings(store)]
        cursors: list[tuple[dict, str | None]] = []
        for a, b in DYADS:
            f = {"dyad": [a, b]}
            cur = None
            for _ in range(4):  # pages 1-4 of each dyad
                cursors.append((f, cur))
                p = events.page(store.con, _filter(f), limit=100, after=cur)
                cur = p.next_cursor
                if cur is None:
                    break
    finally:
        store.close()
    lists = []
    for i in range(n):
        a, b = PAIRS[i % len(PAIRS)]
        lists.append({"between": [a, b], "limit": 100} if i % 4 else {"limit": 100})
    pages = [{"id": rng.choice(ids)} for _ in range(n)]
    evs = []
    for i in range(n):
        f, cur = cursors[i % len(cursors)]
        evs.append({**f, "limit": 100, **({"cursor": cur} if cur else {})})
    return {"meetings list": lists, "meeting page": pages, "events page": evs}


def _filter(params: dict) -> EventFilter:
    d = params.get("dyad")
    return EventFilter(dyad=(d[0], d[1]) if d else None)


def http_path(endpoint: str, params: dict) -> str:
    """The request path (with its query string) both load generators send."""
    if endpoint == "meeting page":
        return f"/api/meetings/{params['id']}"
    base = "/api/meetings" if endpoint == "meetings list" else "/api/events"
    return f"{base}?{urlencode(params, doseq=True)}"


def direct_call(endpoint: str) -> Callable[[Store, dict], object]:
    """The same query through the Python API on a DuckDB cursor, without HTTP."""
    if endpoint == "meetings list":
        return lambda s, p: list_meetings(s, between=p.get("between"))[: p["limit"]]
    if endpoint == "meeting page":
        return lambda s, p: get_meeting(s, p["id"])
    return lambda s, p: events.page(
        s.con, _filter(p), order=Order(), limit=p["limit"], after=p.get("cursor")
    )


def run_direct(db: Path, endpoint: str, reqs: list[dict], clients: int) -> Cell:
    store = Store(db, read_only=True)
    call = direct_call(endpoint)
    queue = list(reqs)
    times: list[float] = []

    def worker() -> None:
        view = store.view()
        while queue:
            try:
                params = queue.pop()
            except IndexError:
                return
            t = time.perf_counter()
            call(view, params)
            times.append(time.perf_counter() - t)
        view.close()

    t0 = time.perf_counter()
    try:
        with ThreadPoolExecutor(clients) as pool:
            for f in [pool.submit(worker) for _ in range(clients)]:
                f.result()
    finally:
        store.close()
    return loadgen.times_cell(times, time.perf_counter() - t0, {})


COLUMNS = (
    "endpoint",
    "clients",
    "p50 ms",
    "p99 ms",
    "req/s",
    "no cache p50",
    "no cache p99",
    "no cache req/s",
    "errors",
    "direct p50",
    "direct p99",
    "direct q/s",
    "p99 < 200",
)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=50_000)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, help="seconds per HTTP cell (10; --quick 3)")
    parser.add_argument(
        "--requests",
        type=int,
        default=500,
        help="distinct requests per endpoint, and the baseline's calls per cell",
    )
    parser.add_argument(
        "--client",
        choices=("wrk", "httpx"),
        default=loadgen.default_client(),
        help="load generator (default: wrk when installed, else httpx)",
    )
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.docs, args.events, args.requests = 5_000, 10_000, 100
    if args.seconds is None:
        args.seconds = 3.0 if args.quick else 10.0
    return args


def serve_cells(
    db: Path, work: dict[str, list[dict]], args: argparse.Namespace, cache: int
) -> dict[tuple[str, int], Cell]:
    """Every (endpoint, clients) cell against one server started with ``--cache cache``."""
    proc, url = start_server(db, cache)
    try:
        return {
            (endpoint, clients): loadgen.run(
                args.client, url, [http_path(endpoint, p) for p in reqs], clients, args.seconds
            )
            for endpoint, reqs in work.items()
            for clients in CLIENTS
        }
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def errors_text(cached: Cell, uncached: Cell) -> str:
    """Both servers' errors, in red when there are any: a failing cell must show."""
    text = f"{cached.error_text()} / {uncached.error_text()}"
    return f"[bold red]{text}[/]" if cached.n_errors or uncached.n_errors else text


def row(endpoint: str, clients: int, cached: Cell, uncached: Cell, direct: Cell) -> list[str]:
    ok = "-"
    if endpoint != "meeting page":
        ok = "yes" if cached.p99_ms < 200 and not cached.n_errors else "NO"
    return [
        endpoint,
        str(clients),
        *cached.columns(),
        *uncached.columns(),
        errors_text(cached, uncached),
        *direct.columns(),
        ok,
    ]


def main() -> None:
    args = parse_args()
    console = Console()
    if not console.is_terminal:  # a log (tee): keep the table's columns on one line
        console = Console(width=200)
    table = Table(
        title=f"summitry serve: {args.docs:,} documents, {args.events:,} events, "
        f"{args.client}, {args.seconds:g} s per cell"
    )
    for col in COLUMNS:
        table.add_column(col, justify="left" if col in ("endpoint", "p99 < 200") else "right")
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        t0 = time.perf_counter()
        db = build_store(Path(tmp), args.docs, args.events)
        console.print(
            f"store built in {time.perf_counter() - t0:.0f} s ({os.path.getsize(db):,} B)"
        )
        work = workload(db, args.requests)
        cached = serve_cells(db, work, args, 256)  # the server as started by default
        uncached = serve_cells(db, work, args, 0)  # and without its response cache
        for endpoint, clients in cached:
            direct = run_direct(db, endpoint, work[endpoint], clients)
            table.add_row(
                *row(
                    endpoint,
                    clients,
                    cached[endpoint, clients],
                    uncached[endpoint, clients],
                    direct,
                )
            )
    console.print(table)
    console.print(
        f"p50/p99/req/s: summitry serve as started by default (responses cached per store "
        f"state; the workload cycles {args.requests} requests per endpoint), load from "
        f"{args.client}; no cache: `--cache 0`; errors: cached / no cache (connect, read, "
        f"write, timeout, non-2xx); direct: the same calls (summitry.meetings / "
        f"summitry.events) on DuckDB cursors in threads, no HTTP, {args.requests} calls."
    )


if __name__ == "__main__":
    main()
