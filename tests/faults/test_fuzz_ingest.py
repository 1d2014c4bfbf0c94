"""Property-based fuzzing (Hypothesis) of every ingest format and the GDELT, ICEWS and POLECAT
readers: random bytes, truncations, other encodings, deep nesting and huge fields never raise
out of a run, never leave half a file behind, and a re-run changes nothing."""

from __future__ import annotations

import gzip
import io
import itertools
import json
import random
import zipfile
from datetime import date
from pathlib import Path

import pytest
from faultlib import tally
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summitry.eventdata.columns import ICEWS_20, POLECAT_40
from summitry.eventdata.importer import Importer, iter_inputs
from summitry.eventdata.synthetic import gdelt_row
from summitry.ingest import ingest_paths
from summitry.limits import Limits
from summitry.store import Store

FUZZ = settings(
    max_examples=40,
    deadline=None,
    database=None,  # nothing written into the repository
    derandomize=True,  # the same examples on every run (CI and here)
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SMALL = Limits(max_document=200_000, max_decompressed=5_000_000, max_ratio=50, ratio_floor=10_000)
_n = itertools.count()

SAMPLES = {  # a valid file of each format, to truncate and mutate
    "txt": b"Talks in Geneva\n\nThe ministers met in Geneva on 16 July 2018 and agreed on trade.",
    "md": b"---\ntitle: Talks\ndate: 2018-07-16\n---\n# Talks\n\nThe ministers agreed on trade.\n",
    "html": b"<html><head><title>Talks</title><meta name='date' content='2018-07-16'></head>"
    b"<body><article><p>The ministers met in Geneva and agreed on trade and energy.</p>"
    b"<p>They will meet again in the autumn.</p></article></body></html>",
    "jsonl": b'{"id": 1, "text": "The ministers met.", "published": "2018-07-16"}\n'
    b'{"id": 2, "text": "The envoys agreed.", "published": 1531699200}\n',
    "json": b'{"documents": [{"text": "The ministers met.", "date": "2018-07-16"},'
    b' {"text": "The envoys agreed.", "title": "Envoys"}]}',
    "csv": b'id,title,text,date\n1,Talks,The ministers met.,2018-07-16\n2,More,"Envoys, too.",x\n',
    "rss": b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><item>"
    b"<title>Talks</title><link>https://example.org/a</link><pubDate>Mon, 16 Jul 2018 "
    b"10:00:00 GMT</pubDate><description>The ministers met in Geneva.</description></item>"
    b"</channel></rss>",
}


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory):
    s = Store(tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb")
    yield s
    s.close()


def _ingest_checked(store: Store, folder: Path, name: str, data: bytes) -> None:
    """Ingest one file: no exception; the summary adds up; the store holds whole files
    only; a second run adds nothing."""
    path = folder / f"{next(_n)}-{name}"
    path.write_bytes(data)
    before = store.count("documents")
    summary = ingest_paths(store, [path], workers=0, limits=SMALL)
    after = store.count("documents")
    assert after - before == summary.added
    assert summary.files_read + summary.files_skipped + len(summary.failures) >= 1
    again = ingest_paths(store, [path], workers=0, limits=SMALL)
    assert again.added == 0 and store.count("documents") == after
    tally(inputs=1)


def _mutate(data: bytes, cut: int, flips: list[tuple[int, int]]) -> bytes:
    out = bytearray(data[: max(0, min(cut, len(data)))])
    for pos, byte in flips:
        if out:
            out[pos % len(out)] = byte
    return bytes(out)


@pytest.mark.parametrize("ext", sorted(SAMPLES))
@FUZZ
@given(data=st.binary(max_size=3000))
def test_random_bytes(fuzz_store, tmp_path, ext, data):
    _ingest_checked(fuzz_store, tmp_path, f"random.{ext}", data)


@pytest.mark.parametrize("ext", sorted(SAMPLES))
@FUZZ
@given(
    cut=st.integers(0, 2000),
    flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=6),
)
def test_truncated_and_mutated(fuzz_store, tmp_path, ext, cut, flips):
    _ingest_checked(fuzz_store, tmp_path, f"cut.{ext}", _mutate(SAMPLES[ext], cut, flips))


@pytest.mark.parametrize("ext", ["txt", "md", "csv", "jsonl", "html"])
@FUZZ
@given(
    text=st.text(min_size=1, max_size=400),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252", "koi8-r"]),
)
def test_encodings(fuzz_store, tmp_path, ext, text, encoding):
    body = {
        "txt": text,
        "md": f"---\ntitle: {text[:20]}\n---\n{text}",
        "csv": "text,date\n" + json.dumps(text) + ",2018-07-16\n",
        "jsonl": json.dumps({"text": text}, ensure_ascii=False) + "\n",
        "html": f"<html><body><p>{text}</p></body></html>",
    }[ext]
    data = body.encode(encoding, errors="replace")
    _ingest_checked(fuzz_store, tmp_path, f"enc.{ext}", data)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=30,
)


@FUZZ
@given(
    record=st.dictionaries(
        st.sampled_from(["text", "title", "published", "date", "url", "id", "language", "x"]),
        JSON_VALUES,
    ),
    depth=st.integers(0, 30_000),
    huge=st.sampled_from(["1e20", "-1e400", "1e308", "99999999999999999999999", "NaN", '""']),
)
def test_json_nesting_and_huge_fields(fuzz_store, tmp_path, record, depth, huge):
    nested = "[" * depth + "]" * depth
    line = json.dumps(record)[:-1] if record else "{"
    sep = ", " if record else ""
    jsonl = f'{line}{sep}"deep": {nested or "0"}, "published": {huge}}}\n'
    jsonl += '{"text": "A good record beside it.", "published": ' + huge + "}\n"
    _ingest_checked(fuzz_store, tmp_path, "nest.jsonl", jsonl.encode())
    _ingest_checked(
        fuzz_store, tmp_path, "nest.json", ("[" + jsonl.replace("\n", ",") + "0]").encode()
    )


@FUZZ
@given(
    size=st.sampled_from([199_999, 200_001, 450_000, 2_000_000]),
    kind=st.sampled_from(["txt", "jsonl", "csv", "md"]),
)
def test_huge_documents_are_refused_not_truncated(fuzz_store, tmp_path, size, kind):
    text = ("word " * (size // 5 + 1))[:size]
    data = {
        "txt": text,
        "md": "# t\n\n" + text,
        "jsonl": json.dumps({"text": text}) + "\n" + json.dumps({"text": "short one"}) + "\n",
        "csv": "text\n" + text + "\nshort one\n",
    }[kind].encode()
    before = {r[0] for r in fuzz_store.con.execute("SELECT n_chars FROM documents").fetchall()}
    _ingest_checked(fuzz_store, tmp_path, f"big.{kind}", data)
    longest = fuzz_store.con.execute("SELECT max(n_chars) FROM documents").fetchone()[0] or 0
    assert longest <= SMALL.max_document or longest in before  # nothing over the limit


def _gz(data: bytes) -> bytes:
    return gzip.compress(data)


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize("wrap", ["gz", "zip"])
@FUZZ
@given(
    ext=st.sampled_from(sorted(SAMPLES)),
    cut=st.integers(0, 3000),
    bomb=st.booleans(),
)
def test_archives_truncated_and_bombs(fuzz_store, tmp_path, wrap, ext, cut, bomb):
    inner = bytes(3_000_000) if bomb else SAMPLES[ext]
    data = _gz(inner) if wrap == "gz" else _zip({f"a.{ext}": inner, f"b/c.{ext}": SAMPLES[ext]})
    name = f"arc.{ext}.gz" if wrap == "gz" else "arc.zip"
    _ingest_checked(fuzz_store, tmp_path, name, data[:cut] if cut < len(data) else data)


# --- event data ------------------------------------------------------------------------------
def _tsv(spec, rows: list[list[str]]) -> bytes:
    lines = ["\t".join(n for n, _ in spec)] + ["\t".join(r) for r in rows]
    return ("\n".join(lines) + "\n").encode()


def _event_file(kind: str, rng: random.Random, n: int) -> tuple[str, bytes]:
    if kind == "gdelt":
        rows = [gdelt_row(rng, 10_000 + i, date(2018, 7, 16)) for i in range(n)]
        return "20180716000000.export.CSV", "".join("\t".join(r) + "\n" for r in rows).encode()
    spec = ICEWS_20 if kind == "icews" else POLECAT_40
    rows = [[f"{rng.randint(0, 10**6)}" if i % 3 else "Russia" for i in range(len(spec))]
            for _ in range(n)]  # fmt: skip
    return ("events.2018.tab" if kind == "icews" else "ngecEvents.20230105.txt"), _tsv(spec, rows)


FIELD_JUNK = st.sampled_from(
    ["", "NA", "1e400", "-99999999999999999999", "2018-13-45", "\x00", "é" * 50, '"', "x" * 5000]
)


@pytest.mark.parametrize("kind", ["gdelt", "icews", "polecat"])
@FUZZ
@given(
    seed=st.integers(0, 10**6),
    junk=st.lists(st.tuples(st.integers(0, 10**4), st.integers(0, 60), FIELD_JUNK), max_size=8),
    cut=st.integers(0, 10**5),
    zipped=st.booleans(),
    drop=st.integers(0, 70),
)
def test_event_data_readers(fuzz_store, tmp_path, kind, seed, junk, cut, zipped, drop):
    rng = random.Random(seed)
    name, data = _event_file(kind, rng, 12)
    lines = data.decode().split("\n")
    for row, col, value in junk:
        cells = lines[row % len(lines)].split("\t")
        cells[col % len(cells)] = value
        lines[row % len(lines)] = "\t".join(cells)
    k = drop % len(lines)
    lines[k] = "\t".join(lines[k].split("\t")[: drop % 7])  # wrong column count
    data = "\n".join(lines).encode()[:cut]
    path = tmp_path / f"{next(_n)}-{name}" if not zipped else tmp_path / f"{next(_n)}-{name}.zip"
    path.write_bytes(_zip({name: data})[: cut or None] if zipped else data)
    hint = "gdelt" if kind == "gdelt" else kind
    imp = Importer(fuzz_store)
    (r,) = imp.import_files(iter_inputs([path]), hint=hint)
    imp.finish()
    assert r.status in ("loaded", "failed")
    if r.status == "loaded":
        assert r.n_loaded + r.n_rejected + r.n_filtered == r.n_rows
    else:
        assert r.message
    tally(inputs=1)
