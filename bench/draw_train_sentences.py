"""Draw Reuters sentences at random for hand-labelling as classifier training data.

Usage: python bench/draw_train_sentences.py [--n 400] [--seed 20261203] [--share 0.75]
       [--tsv]

Draws from ``../shared/corpora/reuters-2016-2017-sample.jsonl`` (never the Oct-Nov 2017
file the recall set comes from): about ``--share`` of the sentences from those that name two
resolved actors (where the event classifier runs), the rest from any sentence of four words
or more. Sentences come from the project's own splitter (``summitry.nlp.split``) and actor
finder (``Coder.prepare``: the whole corpus prepared in publication order, as ``summitry
code`` does, so a surname introduced earlier is known). Excluded: every article of
``tests/classify/data/reuters_train_2016.csv`` (the first sample), every article dated
October or November 2017, and every article whose id or title is also in
``reuters-2017-oct-nov.jsonl``.

Prints each drawn sentence as ``number, article id, start, end, pool`` with its candidate
actors (mention text, actor id) and the sentence, for a person to label; ``--tsv`` prints
one tab-separated line each instead. The output is for reading only: the repository keeps
offsets and labels (``tests/classify/data/reuters_train_sample_b.csv``), never the text.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = SHARED / "corpora" / "reuters-2016-2017-sample.jsonl"
OCT_NOV = SHARED / "corpora" / "reuters-2017-oct-nov.jsonl"
FIRST = REPO / "tests" / "classify" / "data" / "reuters_train_2016.csv"
SEED = 20261203
MIN_WORDS = 4


@dataclass(frozen=True)
class Drawn:
    article_id: str
    start: int
    end: int
    pool: str  # two-actors | any
    actors: tuple[tuple[str, str | None], ...]  # (mention text, actor id)


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def excluded_ids(articles: list[dict], first: Path = FIRST, oct_nov: Path = OCT_NOV) -> set[str]:
    """Articles never to be drawn: the first sample's, those dated Oct-Nov 2017, and those
    whose id or title is also in the Oct-Nov 2017 corpus."""
    out = {r["article_id"] for r in csv.DictReader(first.open(encoding="utf-8"))}
    held = read_jsonl(oct_nov)
    held_ids = {a["id"] for a in held}
    held_titles = {a["title"].strip().lower() for a in held}
    for a in articles:
        if (
            a["published"][:7] in ("2017-10", "2017-11")
            or a["id"] in held_ids
            or a["title"].strip().lower() in held_titles
        ):
            out.add(a["id"])
    return out


def sentence_pools(articles: list[dict]) -> tuple[list[Drawn], list[Drawn]]:
    """(sentences naming two resolved actors, all sentences of MIN_WORDS words or more)."""
    from summitry.coding import Coder
    from summitry.coding.checked import _store_doc_id
    from summitry.coding.mentions import DocContext
    from summitry.nlp.split import split_sentences

    coder = Coder(model=None)
    coder.people.reset_text()
    two, every = [], []
    for a in sorted(articles, key=lambda a: (a["published"], _store_doc_id(a["text"]))):
        text, ctx = a["text"], DocContext(date.fromisoformat(a["published"]))
        for s, e in split_sentences(text):  # as Coder.prepare reads them, in order
            st = text[s:e]
            mentions = coder.finder.find(st, s, ctx) if coder.finder.has_candidate(st) else []
            if len(st.split()) < MIN_WORDS:
                continue
            actors = tuple((m.text, m.actor_id) for m in mentions)
            resolved = {m.actor_id for m in mentions if m.actor_id}
            every.append(Drawn(a["id"], s, e, "any", actors))
            if len(resolved) > 1:
                two.append(Drawn(a["id"], s, e, "two-actors", actors))
    return two, every


def draw(n: int, seed: int = SEED, share: float = 0.75) -> list[Drawn]:
    articles = read_jsonl(SAMPLE)
    skip = excluded_ids(articles)
    two, every = sentence_pools([a for a in articles if a["id"] not in skip])
    print(
        f"{len(articles) - len(skip)} of {len(articles)} articles eligible; "
        f"{len(two)} two-actor sentences, {len(every)} sentences",
        file=sys.stderr,
    )
    rng = random.Random(seed)
    n_two = round(n * share)
    picked = rng.sample(two, min(n_two, len(two)))
    taken = {(p.article_id, p.start) for p in picked}
    rest = [s for s in every if (s.article_id, s.start) not in taken]
    picked += rng.sample(rest, min(n - len(picked), len(rest)))
    rng.shuffle(picked)
    return picked


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--share", type=float, default=0.75, help="share drawn from two-actor ones")
    ap.add_argument("--tsv", action="store_true")
    args = ap.parse_args()
    texts = {a["id"]: a["text"] for a in read_jsonl(SAMPLE)}
    for k, p in enumerate(draw(args.n, args.seed, args.share)):
        sent = texts[p.article_id][p.start : p.end]
        actors = "; ".join(f"{t}={i or '?'}" for t, i in p.actors)
        if args.tsv:
            print("\t".join([str(k), p.article_id, str(p.start), str(p.end), p.pool, actors, sent]))
        else:
            print(f"#{k} {p.article_id} {p.start} {p.end} [{p.pool}] actors: {actors or '-'}")
            print(f"    {sent}")


if __name__ == "__main__":
    main()
