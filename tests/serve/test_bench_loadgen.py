"""bench/loadgen.py, the load generator of bench/bench_serve.py, against a real server: wrk's
Lua script cycles the paths and its figures come back (latency, requests, the non-2xx
responses as errors), and the httpx fallback counts the same share of errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
PATHS = ["/api/meetings?limit=5", "/api/meetings/no-such-meeting"]  # a 200, then a 404


@pytest.fixture
def loadgen(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(BENCH))
    import loadgen  # bench/ is not a package: on the path for this test only

    return loadgen


def check(cell, client: str) -> None:
    # loose counts: on the shared 2-core machine at load 14, httpx got 5 responses in 5.8 s
    assert cell.requests >= 2, f"{client}: {cell}"
    assert 0 < cell.p50_ms <= cell.p99_ms, f"{client}: {cell}"
    assert 0.5 < cell.seconds < 30, f"{client}: {cell}"
    assert "non2xx" in cell.errors and "connect" not in cell.errors, f"{client}: {cell}"
    assert 0 < cell.errors["non2xx"] < cell.requests, f"{client}: {cell}"  # 404s and 200s
    assert cell.error_text().startswith(f"{cell.n_errors} (non2xx ")


@pytest.mark.skipif(shutil.which("wrk") is None, reason="needs wrk (Debian package wrk)")
def test_wrk_cell_against_a_real_server(server, loadgen) -> None:
    cell = loadgen.run("wrk", server.url, PATHS, clients=2, seconds=1)
    check(cell, "wrk")
    assert loadgen.default_client() == "wrk"


def test_httpx_cell_counts_the_same_errors(server, loadgen) -> None:
    check(loadgen.run("httpx", server.url, PATHS, clients=2, seconds=1), "httpx")


def test_wrk_script_rejects_paths_lua_would_misread(loadgen, tmp_path: Path) -> None:
    script = loadgen.wrk_script(PATHS, tmp_path / "out.json", threads=2)
    assert '"/api/meetings/no-such-meeting"' in script
    with pytest.raises(ValueError):
        loadgen.wrk_script(["/api/actors?q=Путин"], tmp_path / "out.json", threads=1)
