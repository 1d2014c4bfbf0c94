"""Load benchmark of ``summitry serve``: latency and throughput of the meetings list, a
meeting page and an events page at 1, 10 and 50 concurrent clients, on a store with 50,000
documents and 100,000 imported GDELT-shaped events, beside the same queries run through the
DuckDB Python API directly (same store, same number of threads, one cursor each).

    python bench/bench_serve.py            # full size
    python bench/bench_serve.py --quick    # 5,000 documents, 10,000 events, fewer requests

Bounded: a fixed number of requests per cell, to 127.0.0.1 only. Target: p99 under 200 ms at
50 clients for the list endpoints (meetings list, events page). The load generator runs on
the same two cores as the server, as a client on the same machine would.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table

from bench_ingest import generate
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


def http_call(endpoint: str, params: dict) -> tuple[str, dict]:
    if endpoint == "meeting page":
        return f"/api/meetings/{params['id']}", {}
    return ("/api/meetings" if endpoint == "meetings list" else "/api/events"), params


def direct_call(endpoint: str) -> Callable[[Store, dict], object]:
    """The same query through the Python API on a DuckDB cursor, without HTTP."""
    if endpoint == "meetings list":
        return lambda s, p: list_meetings(s, between=p.get("between"))[: p["limit"]]
    if endpoint == "meeting page":
        return lambda s, p: get_meeting(s, p["id"])
    return lambda s, p: events.page(
        s.con, _filter(p), order=Order(), limit=p["limit"], after=p.get("cursor")
    )


async def run_http(url: str, endpoint: str, reqs: list[dict], clients: int) -> list[float]:
    times: list[float] = []
    queue = list(reqs)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:

        async def worker() -> None:
            while queue:
                path, params = http_call(endpoint, queue.pop())
                t = time.perf_counter()
                r = await client.get(path, params=params)
                times.append(time.perf_counter() - t)
                if r.status_code != 200:
                    raise SystemExit(f"{endpoint}: HTTP {r.status_code} {r.text[:200]}")

        await asyncio.gather(*(worker() for _ in range(clients)))
    return times


def run_direct(db: Path, endpoint: str, reqs: list[dict], clients: int) -> list[float]:
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

    try:
        with ThreadPoolExecutor(clients) as pool:
            for f in [pool.submit(worker) for _ in range(clients)]:
                f.result()
    finally:
        store.close()
    return times


def cell(times: list[float], wall: float) -> tuple[str, str, str]:
    ms = sorted(t * 1000 for t in times)
    p99 = ms[min(len(ms) - 1, int(round(0.99 * (len(ms) - 1))))]
    return f"{statistics.median(ms):.1f}", f"{p99:.1f}", f"{len(ms) / wall:,.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=50_000)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=500, help="requests per cell")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.docs, args.events, args.requests = 5_000, 10_000, 100
    console = Console()
    table = Table(title=f"summitry serve: {args.docs:,} documents, {args.events:,} events, "
                  f"{args.requests} requests per cell")  # fmt: skip
    for col in ("endpoint", "clients", "p50 ms", "p99 ms", "req/s", "no cache p50",
                "no cache p99", "no cache req/s", "direct p50", "direct p99", "direct q/s",
                "p99 < 200"):  # fmt: skip
        table.add_column(col, justify="left" if col in ("endpoint", "p99 < 200") else "right")
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        t0 = time.perf_counter()
        db = build_store(Path(tmp), args.docs, args.events)
        console.print(
            f"store built in {time.perf_counter() - t0:.0f} s ({os.path.getsize(db):,} B)"
        )
        work = workload(db, args.requests)
        results: dict[tuple[str, int], list[tuple[str, str, str]]] = {}
        for cache in (256, 0):  # the server as started by default, then without its cache
            proc, url = start_server(db, cache)
            try:
                for endpoint, reqs in work.items():
                    for clients in CLIENTS:
                        t = time.perf_counter()
                        h = asyncio.run(run_http(url, endpoint, reqs, clients))
                        results.setdefault((endpoint, clients), []).append(
                            cell(h, time.perf_counter() - t)
                        )
            finally:
                proc.terminate()
                proc.wait(timeout=10)
        for (endpoint, clients), (cached, uncached) in results.items():
            t = time.perf_counter()
            d = run_direct(db, endpoint, work[endpoint], clients)
            direct = cell(d, time.perf_counter() - t)
            listing = endpoint != "meeting page"
            ok = ("yes" if float(cached[1]) < 200 else "NO") if listing else "-"
            table.add_row(endpoint, str(clients), *cached, *uncached, *direct, ok)
    console.print(table)
    console.print(
        "p50/p99/req/s: summitry serve as started by default (responses cached per store "
        "state; the workload repeats its queries); no cache: `--cache 0`; direct: the same "
        "calls (summitry.meetings / summitry.events) on DuckDB cursors in threads, no HTTP."
    )


if __name__ == "__main__":
    main()
