"""The second hand-labelled Reuters training sample (data/reuters_train_sample_b.csv).

Rows hold an article id of ``reuters-2016-2017-sample.jsonl``, a sentence's offsets, its PLOVER
type (or NONE) and the source and target as they are written in the sentence; never the text.
Checked: the offsets are a sentence of the project's splitter, the actor texts stand in it as
whole words, the types are PLOVER's, and no article is one of the first sample's or of
October-November 2017 (the recall set's corpus, never trained on).
"""

from __future__ import annotations

import csv
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from summitry.classify.examples import LABELLED, labelled_examples
from summitry.eventdata.sql import PLOVER_TYPES
from summitry.nlp.split import split_sentences

DATA = Path(__file__).parent / "data"
SAMPLE_B = DATA / "reuters_train_sample_b.csv"
FIRST = DATA / "reuters_train_2016.csv"
LABELS = set(PLOVER_TYPES) | {"NONE"}


@dataclass
class Corpora:
    texts: dict[str, str]  # article id -> text (the 2016-2017 sample)
    published: dict[str, str]
    titles: dict[str, str]
    held_ids: set[str]  # the Oct-Nov 2017 corpus
    held_titles: set[str]


@pytest.fixture(scope="module")
def corpora(shared_dir: Path) -> Corpora:
    def read(name: str) -> list[dict]:
        with (shared_dir / "corpora" / name).open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh]

    sample, held = read("reuters-2016-2017-sample.jsonl"), read("reuters-2017-oct-nov.jsonl")
    return Corpora(
        {a["id"]: a["text"] for a in sample},
        {a["id"]: a["published"] for a in sample},
        {a["id"]: a["title"].strip().lower() for a in sample},
        {a["id"] for a in held},
        {a["title"].strip().lower() for a in held},
    )


def read_rows(path: Path) -> list[dict]:
    return list(csv.DictReader(path.open(encoding="utf-8")))


def _whole_word(sent: str, text: str) -> bool:
    """``text`` occurs in ``sent``, and its first occurrence (the one a loader finds) is not
    part of a longer word."""
    i = sent.find(text)
    if i < 0:
        return False
    j = i + len(text)
    return not (i > 0 and sent[i - 1].isalnum()) and not (j < len(sent) and sent[j].isalnum())


def problems(rows: list[dict], c: Corpora, first_ids: set[str]) -> list[str]:
    """Every reason a row is not a valid training row (empty: all valid)."""
    out = []
    bounds: dict[str, set[tuple[int, int]]] = {}
    for k, r in enumerate(rows):
        aid = r["article_id"]
        if aid not in c.texts:
            out.append(f"row {k}: {aid} is not an article of the 2016-2017 sample")
            continue
        if aid in first_ids:
            out.append(f"row {k}: {aid} is in {FIRST.name}")
        if c.published[aid][:7] in ("2017-10", "2017-11"):
            out.append(f"row {k}: {aid} is dated {c.published[aid]}")
        if aid in c.held_ids or c.titles[aid] in c.held_titles:
            out.append(f"row {k}: {aid} is also in the Oct-Nov 2017 corpus")
        if aid not in bounds:
            bounds[aid] = set(split_sentences(c.texts[aid]))
        start, end = int(r["sent_start"]), int(r["sent_end"])
        if (start, end) not in bounds[aid]:
            out.append(f"row {k}: {aid} {start}-{end} is not a sentence of the splitter")
            continue
        sent = c.texts[aid][start:end]
        if r["plover_type"] not in LABELS:
            out.append(f"row {k}: {r['plover_type']!r} is not a PLOVER type or NONE")
        for col in ("source_text", "target_text"):
            if r[col] and not _whole_word(sent, r[col]):
                out.append(f"row {k}: {col} {r[col]!r} is not a word of the sentence")
        if r["target_text"] and not r["source_text"]:
            out.append(f"row {k}: a target without a source")
    keys = [(r["article_id"], r["sent_start"], r["source_text"], r["target_text"]) for r in rows]
    if len(set(keys)) != len(keys):
        out.append("a sentence has two rows for the same source and target")
    return out


def test_sample_b_has_the_first_samples_columns_and_enough_rows():
    with SAMPLE_B.open(encoding="utf-8") as fh, FIRST.open(encoding="utf-8") as gh:
        assert fh.readline() == gh.readline()
    rows = read_rows(SAMPLE_B)
    assert len(rows) >= 250
    assert len({r["plover_type"] for r in rows}) >= 10  # not one label throughout


def test_every_row_of_sample_b_is_valid(corpora):
    first_ids = {r["article_id"] for r in read_rows(FIRST)}
    assert problems(read_rows(SAMPLE_B), corpora, first_ids) == []


def test_the_checks_catch_bad_rows(corpora):
    rows = read_rows(SAMPLE_B)
    first_ids = {r["article_id"] for r in read_rows(FIRST)}
    ev = next(r for r in rows if r["source_text"] and r["target_text"])
    shifted = {**ev, "sent_start": str(int(ev["sent_start"]) + 1)}
    other_actor = {**ev, "source_text": "Zorblatt of Quux"}
    part_word = {**ev, "target_text": ev["target_text"][:-1]}
    bad_type = {**ev, "plover_type": "MEET"}
    held_ids = sorted(corpora.held_ids)
    unknown = {**ev, "article_id": held_ids[0]}  # the Oct-Nov corpus: not in the sample
    reused = {**ev, "article_id": sorted(first_ids)[0]}
    for bad in (shifted, other_actor, part_word, bad_type, unknown):
        assert len(problems([bad], corpora, first_ids)) == 1, bad
    assert any("reuters_train_2016" in p for p in problems([reused], corpora, first_ids))
    assert problems([ev, ev], corpora, first_ids) == [
        "a sentence has two rows for the same source and target"
    ]
    october = next(a for a, p in corpora.published.items() if p.startswith("2017-10"))
    assert any("dated" in p for p in problems([{**ev, "article_id": october}], corpora, set()))


def test_the_labelled_loader_reads_sample_b(shared_dir, tmp_path):
    # the loader of the first sample (classify.examples.labelled_examples), pointed at a
    # folder where sample B stands under the file name it reads
    shutil.copy(SAMPLE_B, tmp_path / LABELLED)
    examples = labelled_examples(shared_dir, tmp_path)
    rows = read_rows(SAMPLE_B)
    assert len(examples) == len(rows)
    for ex, r in zip(examples, rows, strict=True):
        assert ex.label == r["plover_type"] and ex.origin == "reuters-labelled"
        assert ex.src_text == (r["source_text"] or None)
        assert (r["source_text"] or "") in ex.text and ex.published is not None
