"""The GDELT fetcher against a real HTTP server on 127.0.0.1 serving generated files."""

from __future__ import annotations

import functools
import hashlib
import random
import socket
import threading
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summitry.cli import app
from summitry.eventdata.fetch import FetchError, fetch
from summitry.eventdata.importer import ImportOptions
from summitry.eventdata.synthetic import gdelt_row, zip_bytes

DAY = date(2018, 7, 16)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output clean
        pass


@pytest.fixture
def server(tmp_path: Path):
    root = tmp_path / "www"
    root.mkdir()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    yield root, f"http://127.0.0.1:{httpd.server_address[1]}/gdeltv2/"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def _rows(seed: int, n: int, day: date = DAY) -> list[list[str]]:
    rng = random.Random(seed)
    rows = [gdelt_row(rng, seed * 1000 + i, day) for i in range(n)]
    rows[0][5], rows[0][7], rows[0][26] = "USAGOV", "USA", "042"  # one USA consult per file
    rows[0][15], rows[0][17] = "RUSGOV", "RUS"
    return rows


def _publish(root: Path) -> dict[str, int]:
    """Write files and masterfilelist.txt; returns rows per expected outcome."""
    folder = root / "gdeltv2"
    folder.mkdir()
    lines, out = [], {"good": 0}

    def add(name: str, data: bytes, *, serve: bool = True, md5: str | None = None) -> None:
        if serve:
            (folder / name).write_bytes(data)
        lines.append(
            f"{len(data)} {md5 or hashlib.md5(data).hexdigest()} "
            f"http://data.gdeltproject.org/gdeltv2/{name}"
        )

    def text(rows: list[list[str]]) -> str:
        return "".join("\t".join(r) + "\n" for r in rows)

    for i, stamp in enumerate(["000000", "001500", "003000"]):
        rows = _rows(i + 1, 50)
        out["good"] += len(rows)
        add(f"20180716{stamp}.export.CSV.zip", zip_bytes(f"20180716{stamp}.export.CSV", text(rows)))
    big = zip_bytes("20180716004500.export.CSV", text(_rows(7, 3000)))
    add("20180716004500.export.CSV.zip", big[: len(big) // 2])  # corrupt (truncated)
    add("20180716010000.export.CSV.zip", b"never served", serve=False)  # 404
    add(
        "20180716011500.export.CSV.zip", zip_bytes("x", text(_rows(8, 5))), md5="0" * 32
    )  # wrong checksum
    add("20180718000000.export.CSV.zip", zip_bytes("y", text(_rows(9, 5, date(2018, 7, 18)))))
    mentions = [
        [
            str(eid),
            "20180716000000",
            "20180716000000",
            "1",
            "example.com",
            f"https://example.com/{eid}",
            "1",
            "1",
            "2",
            "3",
            "1",
            "100",
            "2000",
            "-1.0",
            "",
            "",
        ]
        for eid in (1000, 1001)
    ]  # 1000: the USA-RUS 042 row of file 1
    add("20180716000000.mentions.CSV.zip", zip_bytes("m", text(mentions)))
    lines.append("this line is not a file entry")
    # the list names GDELT's host; the fetcher must use the configured base URL's list as
    # given, so the test server serves files under the same names
    (folder / "masterfilelist.txt").write_text("\n".join(lines) + "\n")
    return out


def _relocate(root: Path, base: str) -> None:
    path = root / "gdeltv2" / "masterfilelist.txt"
    path.write_text(path.read_text().replace("http://data.gdeltproject.org/gdeltv2/", base))


def test_eventdata_fetch_checks_loads_and_resumes(store, server) -> None:
    root, base = server
    expected = _publish(root)
    _relocate(root, base)
    summary, importer = fetch(
        store, base_url=base, date_from=DAY, date_to=DAY, attempts=2, backoff=0.01, workers=3
    )
    assert (summary.listed, summary.selected, summary.already) == (8, 6, 0)
    assert (summary.loaded, summary.failed) == (4, 2)
    errors = " | ".join(summary.errors)
    assert "20180716010000.export.CSV.zip: not found (HTTP 404)" in errors
    assert "20180716011500.export.CSV.zip: checksum mismatch" in errors
    assert "unreadable lines skipped" in errors
    log = dict(
        store.con.execute("SELECT regexp_extract(url, '[^/]+$'), status FROM fetch_log").fetchall()
    )
    assert log == {
        "20180716000000.export.CSV.zip": "loaded",
        "20180716001500.export.CSV.zip": "loaded",
        "20180716003000.export.CSV.zip": "loaded",
        "20180716004500.export.CSV.zip": "loaded",
        "20180716010000.export.CSV.zip": "failed",
        "20180716011500.export.CSV.zip": "failed",
    }
    salvaged = store.con.execute(
        "SELECT n_loaded, n_rejected FROM import_files WHERE source LIKE '%004500%'"
    ).fetchone()
    assert 0 < salvaged[0] < 3000 and salvaged[1] == 1
    n_events = store.count("events")
    assert n_events == expected["good"] + salvaged[0]
    # re-run: only the two failed files are tried again; nothing is duplicated
    again, _ = fetch(store, base_url=base, date_from=DAY, date_to=DAY, attempts=1, backoff=0)
    assert (again.already, again.loaded, again.failed) == (4, 0, 2)
    assert store.count("events") == n_events


def test_eventdata_fetch_filters_while_loading(store, server) -> None:
    root, base = server
    _publish(root)
    _relocate(root, base)
    summary, _ = fetch(
        store,
        base_url=base,
        date_from=DAY,
        date_to=DAY,
        attempts=1,
        kinds=("export", "mentions"),
        options=ImportOptions(frozenset({"RUS"}), ("042",)),
    )
    rows = store.con.execute("SELECT source_iso3, target_iso3, cameo_code FROM events").fetchall()
    assert len(rows) >= 3 and all("RUS" in r[:2] and r[2] == "042" for r in rows)
    mentions = store.con.execute("SELECT event_id FROM gdelt_mentions").fetchall()
    assert mentions == [("gdelt2:1000",)]  # the mention of a filtered-out event is not kept
    assert summary.rows_loaded == len(rows) + 1


def test_eventdata_fetch_v1_lists(store, server) -> None:
    root, base = server
    v1 = root / "events"
    v1.mkdir()
    rng = random.Random(5)
    rows = [gdelt_row(rng, 100 + i, DAY, version=1) for i in range(4)]
    data = zip_bytes("20180716.export.CSV", "".join("\t".join(r) + "\n" for r in rows))
    (v1 / "20180716.export.CSV.zip").write_bytes(data)
    (v1 / "md5sums").write_text(f"{hashlib.md5(data).hexdigest()}  20180716.export.CSV.zip\n")
    (v1 / "filesizes").write_text(f"{len(data)} 20180716.export.CSV.zip\n")
    base1 = base.replace("gdeltv2/", "events/")
    summary, _ = fetch(store, base_url=base1, date_from=DAY, date_to=DAY, v1=True)
    assert (summary.loaded, summary.failed, summary.rows_loaded) == (1, 0, 4)
    assert store.con.execute("SELECT DISTINCT dataset FROM events").fetchall() == [("gdelt1",)]


def test_eventdata_fetch_offline_message(store) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError, match="cannot reach .*are you offline"):
        fetch(
            store,
            base_url=f"http://127.0.0.1:{port}/gdeltv2/",
            date_from=DAY,
            date_to=DAY,
            timeout=2,
        )


def test_eventdata_fetch_cli(tmp_path: Path, server) -> None:
    root, base = server
    _publish(root)
    _relocate(root, base)
    db = tmp_path / "f.duckdb"
    result = CliRunner().invoke(
        app,
        [
            "--db",
            str(db),
            "gdelt",
            "fetch",
            "--from",
            "2018-07-16",
            "--to",
            "2018-07-16",
            "--base-url",
            base,
            "--actors",
            "USA,RUS",
            "--codes",
            "04",
            "--retries",
            "1",
        ],
    )
    out = " ".join(result.output.split())
    assert result.exit_code == 1, result.output  # two files failed
    assert "fetched and loaded 4, failed 2" in out and "run the same command again" in out
    bad = CliRunner().invoke(
        app,
        [
            "--db",
            str(db),
            "gdelt",
            "fetch",
            "--from",
            "2018-07-20",
            "--to",
            "2018-07-16",
            "--base-url",
            base,
        ],
    )
    assert bad.exit_code == 1 and "is before --from" in bad.output
