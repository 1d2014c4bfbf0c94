"""Training examples from the open data the issue names (read from ``../shared``):

- synthetic stories: each story's lead sentence with its PLOVER type;
- the odd halves of the PLOVER GSR and the PETR2 validation set (never the even halves);
- PETRARCH2's unit-test records, their CAMEO codes mapped through CAMEO2PLOVER;
- the hand-checked Reuters events of ``tests/coding/data`` (``reuters_checked.csv`` and the
  ``dev-v1`` sample; the ``heldout-v2`` sample is never trained on), statements and appeals
  and events judged not to exist being "no PLOVER event";
- sentences written for training by this project (``data/classify/written.yaml``);
- real Reuters sentences labelled by hand (``labelled_examples``:
  ``tests/classify/data/reuters_train_2016.csv`` and ``reuters_train_sample_b.csv``, offsets
  into ``corpora/reuters-2016-2017-sample.jsonl``, a corpus disjoint from the one the recall
  set and the checked samples are drawn from).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

import yaml

from summitry.classify.gold import (
    NONE,
    half,
    petr2_records,
    petr_unit_records,
    plover_records,
    shared_dir,
    synthetic_stories,
)
from summitry.codes import plover_for
from summitry.nlp.split import split_sentences

REPO = Path(__file__).resolve().parents[3]
CHECKED = [("reuters_checked.csv", None), ("reuters_checked_v2.csv", "dev-v1")]


@dataclass
class Example:
    text: str
    label: str  # PLOVER type or NONE
    origin: str  # synthetic | plover-odd | petr2-odd | petr-unit | reuters-checked | written
    # | reuters-labelled
    src_text: str | None = None
    tgt_text: str | None = None
    published: date | None = None


def synthetic_examples(shared: Path) -> list[Example]:
    out = []
    for row in synthetic_stories(shared):
        text = (row.get("text") or "").strip()
        sents = split_sentences(text)
        if sents and row.get("label"):
            s, e = sents[0]
            out.append(Example(text[s:e], row["label"], "synthetic"))
    return out


def gold_examples(shared: Path) -> list[Example]:
    out = [
        Example(
            r.text, next(iter(r.types)), "plover-odd", r.source_text, r.target_text, r.published
        )
        for r in half(plover_records(shared), "odd")
    ]
    for origin, recs in (
        ("petr2-odd", half(petr2_records(shared), "odd")),
        ("petr-unit", petr_unit_records(shared)),
    ):
        for r in recs:
            label = sorted(r.types - {NONE})[0] if r.types - {NONE} else NONE
            out.append(Example(r.text, label, origin, published=r.published))
    return out


def checked_examples(shared: Path, data_dir: Path | None = None) -> list[Example]:
    data_dir = data_dir or REPO / "tests" / "coding" / "data"
    if not (data_dir / CHECKED[0][0]).is_file():
        return []
    texts = {}
    with (shared / "corpora" / "reuters-2017-oct-nov.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            texts[a["id"]] = (a["text"], date.fromisoformat(a["published"]))
    out, seen = [], set()
    for name, sample in CHECKED:
        for it in csv.DictReader((data_dir / name).open(encoding="utf-8")):
            if sample and it.get("sample") != sample:
                continue
            key = (it["article_id"], it["sent_start"], it["expected_cameo"])
            if key in seen or it["article_id"] not in texts:
                continue
            seen.add(key)
            text, pub = texts[it["article_id"]]
            p = plover_for(it["expected_cameo"]) if it["expected_cameo"] != "none" else None
            sent = text[int(it["sent_start"]) : int(it["sent_end"])]
            out.append(Example(sent, p.event_type if p else NONE, "reuters-checked", published=pub))
    return out


def written_examples() -> list[Example]:
    path = resources.files("summitry") / "data" / "classify" / "written.yaml"
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [
        Example(i["text"], i["type"], "written", i.get("source"), i.get("target")) for i in items
    ]


LABELLED = "reuters_train_2016.csv"
LABELLED_FILES = (LABELLED, "reuters_train_sample_b.csv")


def labelled_examples(
    shared: Path, data_dir: Path | None = None, names: tuple[str, ...] = LABELLED_FILES
) -> list[Example]:
    """Sentences of the 2016-2017 Reuters sample labelled by hand (PLOVER type or NONE, the
    source and target as they are written in the sentence), from each of the files ``names``
    of ``data_dir`` that exists."""
    folder = data_dir or REPO / "tests" / "classify" / "data"
    corpus = shared / "corpora" / "reuters-2016-2017-sample.jsonl"
    wanted = [
        r
        for name in names
        if (folder / name).is_file()
        for r in csv.DictReader((folder / name).open(encoding="utf-8"))
    ]
    if not wanted or not corpus.is_file():
        return []
    ids = {r["article_id"] for r in wanted}
    texts = {}
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if a["id"] in ids:
                texts[a["id"]] = (a["text"], date.fromisoformat(a["published"]))
    out = []
    for r in wanted:
        text, pub = texts[r["article_id"]]
        sent = text[int(r["sent_start"]) : int(r["sent_end"])]
        src, tgt = r["source_text"] or None, r["target_text"] or None
        out.append(Example(sent, r["plover_type"], "reuters-labelled", src, tgt, pub))
    return out


def training_examples(shared: Path | None = None) -> list[Example]:
    shared = shared or shared_dir()
    return [
        *synthetic_examples(shared),
        *gold_examples(shared),
        *checked_examples(shared),
        *written_examples(),
        *labelled_examples(shared),
    ]
