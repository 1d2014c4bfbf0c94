"""The gold lists the evaluator scores against: well-formed, their evidence spans point at
text of the shared corpora that names the encounter's people, the White House gold is what
its derivation script gives, and the scorer counts what it says it counts."""

from __future__ import annotations

import csv
import gzip
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from summitry.meetings.evaluate import GOLD_DIR, load_specs
from summitry.meetings.gold import Found, GoldRow, names_match, part_of, rows_of_part, score


@pytest.fixture(scope="module")
def specs(shared_dir: Path):
    return load_specs(GOLD_DIR, shared_dir)


def _texts(path: Path) -> dict[str, str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return {r["id"]: r["text"] for r in map(json.loads, fh)}


def test_golds_are_well_formed(specs) -> None:
    for spec in specs:
        rows = spec.rows()  # validates every field
        ids = [r.gold_id for r in rows]
        assert len(ids) == len(set(ids)), spec.name
        assert all(r.docs for r in rows), spec.name
        assert sum(r.status == "held" and not r.neutral for r in rows) >= 20, spec.name


def test_reuters_evidence_spans_name_the_people(specs) -> None:
    for spec in specs:
        if spec.name == "whitehouse":
            continue
        texts = _texts(spec.corpus)
        with next(p for p in spec.gold).open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                names = [
                    w for p in row["participants"].split(";") if ":" not in p for w in p.split()
                ]
                for ev in row["evidence"].split():
                    doc, span = ev.split("!")[0].split("@")
                    start, end = (int(x) for x in span.split("-"))
                    text = texts[doc]
                    assert 0 <= start < end <= len(text), (row["gold_id"], ev)
                    sentence = text[start:end]
                    # a span is one sentence and names someone (or says who by office, or
                    # "they" after the sentence that names them)
                    assert len(sentence) < 1200, (row["gold_id"], ev)
                    assert any(
                        len(n) > 1 and n.split("-")[0][:4] in sentence for n in names
                    ) or any(
                        w in sentence.lower()
                        for w in (
                            "leader",
                            "president",
                            "minister",
                            "king",
                            "emir",
                            " they ",
                            "the two",
                        )
                    ), (row["gold_id"], ev, sentence[:80])


def test_whitehouse_gold_is_what_the_titles_give(tmp_path: Path, shared_dir: Path) -> None:
    sys.path.insert(0, str(GOLD_DIR))
    try:
        import derive_whitehouse_gold as derive
    finally:
        sys.path.pop(0)
    out = tmp_path / "wh.csv"
    derive.write(derive.derive(shared_dir / "corpora" / "whitehouse-2021-2026.jsonl.gz"), out)
    assert out.read_text(encoding="utf-8") == (GOLD_DIR / "gold_whitehouse.csv").read_text(
        encoding="utf-8"
    )
    ids = {r["gold_id"] for r in csv.DictReader(out.open(encoding="utf-8"))}
    checked = list(csv.DictReader((GOLD_DIR / "gold_whitehouse_checked.csv").open()))
    assert len(checked) >= 40 and {r["gold_id"] for r in checked} <= ids
    assert all(r["verdict"] in ("ok", "wrong") for r in checked)


def test_a_third_of_documents_is_held_out() -> None:
    parts = [part_of(f"doc-{n}") for n in range(3000)]
    assert 900 < parts.count("heldout") < 1100
    assert part_of("doc-1") == part_of("doc-1")  # fixed, not random per run


def test_names_match_across_forms() -> None:
    assert names_match("Kishida", "Fumio Kishida")
    assert names_match("Kishida Fumio", "Fumio Kishida")
    assert names_match("Abdel Fattah Al Sisi", "Abdel Fattah el-Sisi")
    assert names_match("Rodrigo Chaves", "Rodrigo Chaves Robles")
    assert not names_match("Mohammed bin Salman", "Salman bin Abdulaziz al-Saud")
    assert not names_match("Boris Johnson", "Lyndon B. Johnson Jr. Smith")


def _row(gid, people, start, end, fmt="summit", status="held", kind="bilateral", when="news"):
    return GoldRow(gid, "leaders", kind, people, start, end, "", "", fmt, status, when, ["d"])


def _found(fid, people, day, fmt="summit", status="held"):
    return Found(fid, [(f"person:{p.lower()}", p, "head_of_state", None) for p in people], day,
                 day, fmt, status, None, None)  # fmt: skip


def test_the_scorer_counts_duplicates_formats_statuses_and_neutral_rows() -> None:
    d = date(2019, 3, 8)
    gold = [
        _row("g1", ["Ann Bee", "Cy Dee"], d, d, fmt="call"),
        _row("g2", ["Ann Bee", "Eve Fox"], d, d, status="planned"),
        _row("g3", ["Ann Bee", "Gus Hay", "Ike Jo"], d, d, kind="multilateral"),
        _row("g4", ["Kay Lu", "Mo Ng"], d, d),
    ]
    found = [
        _found("f1", ["Ann Bee", "Cy Dee"], d, fmt="call"),  # right
        _found("f2", ["Ann Bee", "Cy Dee"], d, fmt="summit"),  # the call again, as a summit
        _found("f3", ["Ann Bee", "Eve Fox"], d),  # held, but it was only planned
        _found("f4", ["Gus Hay", "Ike Jo"], d),  # at the summit of many: neutral
        _found("f5", ["Oz Pi", "Qi Ra"], d),  # nobody's
    ]
    s = score(gold, rows_of_part(gold, "all"), found)
    assert (s.found, s.correct, s.duplicates, s.neutral, s.wrong_status) == (4, 1, 1, 1, 1)
    assert s.false_positives == ["f5"] and s.missed == ["g4"]
    assert (s.gold, s.matched, round(s.precision, 2), s.recall) == (2, 1, 0.25, 0.5)
