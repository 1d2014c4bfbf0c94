"""Each input format goes in with its text, title, url, id and publication date."""

from __future__ import annotations

import csv
import gzip
import json
import zipfile
from datetime import date
from pathlib import Path

from summitry.ingest import ingest_paths


def _docs(store) -> list[dict]:
    cur = store.con.execute(
        "SELECT source, source_format, record_ref, external_id, url, title, published, "
        "published_source, published_evidence, text, canonical_id = doc_id AS canonical "
        "FROM documents ORDER BY source, record_ref"
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def test_jsonl_default_fields(store, tmp_path: Path, texts):
    path = tmp_path / "a.jsonl"
    rows = [
        {"id": "r1", "headline": "One", "date": "2017-11-11T08:00:00Z", "link": "http://x/1",
         "body": texts[0]},
        {"id": 2, "title": "Two", "pubdate": "Nov 21, 2017", "content": texts[1]},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    summary = ingest_paths(store, [path])
    assert summary.ok and summary.added == 2 and summary.files_read == 1
    a, b = _docs(store)
    assert (a["external_id"], a["title"], a["url"], a["published"]) == (
        "r1",
        "One",
        "http://x/1",
        date(2017, 11, 11),
    )
    assert (a["published_source"], a["published_evidence"], a["record_ref"]) == (
        "field",
        "date",
        "line 1",
    )
    assert (b["external_id"], b["published"], b["published_evidence"]) == (
        "2",
        date(2017, 11, 21),
        "pubdate",
    )
    assert a["source_format"] == "jsonl" and a["text"] == texts[0]


def test_field_mapping_csv_and_json(store, tmp_path: Path, texts):
    path = tmp_path / "t.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["story", "when", "name"])
        w.writerow([texts[0], "21/11/2017", "A"])
        w.writerow([texts[1], "2017-10-30", "B"])
    jpath = tmp_path / "t.json"
    jpath.write_text(json.dumps({"articles": [{"story": texts[2], "when": "2017-10-01"}]}))
    summary = ingest_paths(
        store, [path, jpath], fields=["text=story", "published=when", "title=name"]
    )
    assert summary.ok and summary.added == 3
    docs = {d["text"]: d for d in _docs(store)}
    assert docs[texts[0]]["published"] == date(2017, 11, 21)
    assert docs[texts[0]]["title"] == "A" and docs[texts[0]]["record_ref"] == "line 2"
    assert docs[texts[2]]["source_format"] == "json" and docs[texts[2]]["record_ref"] == "item 1"
    assert docs[texts[2]]["published_evidence"] == "when"


def test_text_markdown_and_dateline(store, tmp_path: Path, texts):
    (tmp_path / "dated.txt").write_text(
        "Putin and Trump talk\n\nMOSCOW, Nov. 21, 2017 (Reuters) - " + texts[0]
    )
    (tmp_path / "undated.txt").write_text("Nothing says when. " + texts[1])
    (tmp_path / "post.md").write_text(
        "---\ntitle: Front matter title\ndate: 2017-11-10\nurl: https://e.org/p\n---\n"
        "# Heading\n\n" + texts[2]
    )
    summary = ingest_paths(store, [tmp_path])
    assert summary.ok and summary.added == 3 and summary.undated == 1
    docs = {Path(d["source"]).name: d for d in _docs(store)}
    dated = docs["dated.txt"]
    assert (dated["published"], dated["published_source"]) == (date(2017, 11, 21), "text")
    assert dated["published_evidence"] == "Nov. 21, 2017"
    assert dated["title"] == "Putin and Trump talk"
    undated = docs["undated.txt"]
    assert undated["published"] is None and undated["published_source"] == "none"
    post = docs["post.md"]
    assert (post["title"], post["url"], post["published"]) == (
        "Front matter title",
        "https://e.org/p",
        date(2017, 11, 10),
    )
    assert post["published_source"] == "metadata" and not post["text"].startswith("---")


def test_html_main_text_and_metadata(store, tmp_path: Path, texts):
    html = f"""<html lang="en"><head><title>Leaders meet | Site</title>
    <meta property="og:title" content="Leaders meet in Da Nang">
    <meta property="article:published_time" content="2017-11-11T09:00:00+07:00">
    <link rel="canonical" href="https://news.example/leaders"></head>
    <body><nav><a href="/">Home</a> | <a href="/w">World</a> | Subscribe now</nav>
    <article><h1>Leaders meet in Da Nang</h1><p>{texts[0][:600]}</p><p>{texts[0][600:]}</p>
    </article><footer>Copyright footer text</footer></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    summary = ingest_paths(store, [tmp_path / "page.html"])
    assert summary.ok and summary.added == 1
    (doc,) = _docs(store)
    assert doc["title"] == "Leaders meet in Da Nang"
    assert doc["url"] == "https://news.example/leaders"
    assert (doc["published"], doc["published_source"]) == (date(2017, 11, 11), "metadata")
    assert "Subscribe now" not in doc["text"] and "Copyright footer" not in doc["text"]
    assert texts[0][:200] in doc["text"] and doc["source_format"] == "html"


def test_rss_and_atom_feeds(store, tmp_path: Path, texts):
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
    <item><title>First</title><link>https://w/1</link><guid>g1</guid>
    <pubDate>Tue, 21 Nov 2017 23:30:00 -0500</pubDate>
    <description><![CDATA[<p>{texts[0]}</p>]]></description></item>
    <item><title>Second</title><link>https://w/2</link><description>{texts[1]}</description>
    </item></channel></rss>"""
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id>
    <updated>2017-11-12T00:00:00Z</updated>
    <entry><title>Atom one</title><id>urn:a:1</id><link href="https://a/1"/>
    <updated>2017-11-12T10:00:00Z</updated><content type="html">{texts[2]}</content></entry>
    </feed>"""
    (tmp_path / "wire.rss").write_text(rss)
    (tmp_path / "a.atom").write_text(atom)
    summary = ingest_paths(store, [tmp_path])
    assert summary.ok and summary.added == 3 and summary.undated == 1
    docs = {d["title"]: d for d in _docs(store)}
    first = docs["First"]
    assert (first["published"], first["published_source"]) == (date(2017, 11, 21), "metadata")
    assert first["external_id"] == "g1" and first["url"] == "https://w/1"
    assert first["record_ref"] == "entry 1" and first["source_format"] == "feed"
    assert docs["Second"]["published_source"] == "none"
    assert docs["Atom one"]["published"] == date(2017, 11, 12)


def test_gz_and_zip_archives(store, tmp_path: Path, texts):
    line = json.dumps({"text": texts[0], "published": "2017-11-01"}) + "\n"
    (tmp_path / "in.jsonl.gz").write_bytes(gzip.compress(line.encode()))
    with zipfile.ZipFile(tmp_path / "bundle.zip", "w") as zf:
        zf.writestr("dir/story.txt", texts[1])
        zf.writestr("page.html", f"<html><body><article><p>{texts[2]}</p></article></body></html>")
        zf.writestr("notes.pdf", b"%PDF")
    summary = ingest_paths(store, [tmp_path])
    assert summary.added == 3
    sources = {d["source"] for d in _docs(store)}
    assert str(tmp_path / "in.jsonl.gz") in sources
    assert f"{tmp_path / 'bundle.zip'}!dir/story.txt" in sources
    assert f"{tmp_path / 'bundle.zip'}!page.html" in sources
    # the unsupported member is named, the rest went in
    assert [str(f) for f in summary.failures] == [
        f"{tmp_path / 'bundle.zip'}!notes.pdf: unsupported file type .pdf; expected one of "
        + ", ".join(sorted({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml",
                            ".jsonl", ".ndjson", ".jsonlines", ".json", ".csv", ".tsv",
                            ".rss", ".atom", ".xml", ".gz", ".zip"}))
        + " (or use --format)"
    ]  # fmt: skip
