"""Choose the training weight of the hand-labelled Reuters sentences (``reuters-labelled``).

Usage: python bench/tune_labelled_weight.py [--weights 0,1,2,3,5] [--cache feats.pkl]

Every training example is featurized once (``--cache`` keeps the features for re-runs); for
each weight the shipped recipe (``train.train_from_shared``'s sources and weights, the verb
dictionary) is fitted and scored two ways, on data the issue allows for tuning only:

- 2-fold cross-validation inside the labelled sentences (each fold trained on everything
  else plus the other fold): accuracy and, for the types the model emits at the artifact's
  threshold, precision and recall of "an event of the right type";
- the recall set's dev split (items 0-139, ``bench/eval_recall.py --split dev``), coder
  with the fitted model: recall and precision.

Never the recall set's held-out 60, never the even halves of the PLOVER and PETR2 gold.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "classify" / "data" / "reuters_recall.csv"
REUTERS = REPO.parent / "shared" / "corpora" / "reuters-2017-oct-nov.jsonl"


def _arg(name: str, default: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def _features(coder, cache: Path | None):
    from summitry.classify.dictionary import dictionary_examples
    from summitry.classify.examples import training_examples
    from summitry.classify.gold import shared_dir
    from summitry.classify.train import featurize

    if cache and cache.is_file():
        return pickle.loads(cache.read_bytes())
    examples = training_examples(shared_dir())
    data = (examples, featurize(coder, examples), dictionary_examples(shared_dir()))
    if cache:
        cache.write_bytes(pickle.dumps(data))
    return data


def _fit(examples, feats, dct, weight: float, keep=None, c: float = 0.3):
    from summitry.classify import train

    rows = [k for k in range(len(examples)) if keep is None or keep(k)]
    w = [
        (weight if examples[k].origin == "reuters-labelled" else train.example_weight(examples[k]))
        * (train.SYNTHETIC_WEIGHT if examples[k].origin == "synthetic" else 1.0)
        for k in rows
    ]
    model = train.fit(
        [feats[k] for k in rows] + [f for f, _ in dct],
        [examples[k].label for k in rows] + [lab for _, lab in dct],
        w + [train.DICT_WEIGHT] * len(dct),
        c=c,
    )
    model.meta["threshold"] = 0.75
    return model


def _cv(examples, feats, dct, weight: float) -> str:
    from summitry.coding.combine import _best_event

    lab = [k for k, e in enumerate(examples) if e.origin == "reuters-labelled"]
    right = emitted = good = events = 0
    for fold in (0, 1):
        test = {k for j, k in enumerate(lab) if j % 2 == fold}
        model = _fit(examples, feats, dct, weight, keep=lambda k, t=test: k not in t)
        ks = sorted(test)
        probs = model.scores([feats[k] for k in ks])
        for k, p in zip(ks, probs, strict=True):
            gold = examples[k].label
            right += model.classes[int(p.argmax())] == gold
            events += gold != "NONE"
            best = _best_event(model.classes, p)
            label = model.classes[best]
            if p[best] >= 0.75:
                emitted += 1
                good += label == gold
    n = len(lab)
    return (
        f"cv accuracy {right}/{n} = {right / n:.1%}; events emitted {emitted}, right {good} "
        f"({good / max(1, emitted):.0%}), recall {good}/{events}"
    )


def _dev(coder, model) -> str:
    from summitry.classify.recall import load_recall, score_recall
    from summitry.coding.checked import code_articles

    items = load_recall(GOLD, "dev")
    coder.model = model
    rows = code_articles(REUTERS, coder, {it.article_id for it in items})
    events: dict = {}
    for ev in rows.events:
        events.setdefault((ev["doc_id"], ev["start_char"]), []).append(ev)
    sc = score_recall(items, events)
    g = sum(v[0] for v in sc.by_type.values())
    f = sum(v[1] for v in sc.by_type.values())
    c = sum(v[2] for v in sc.by_type.values())
    r = sum(v[3] for v in sc.by_type.values())
    return f"dev recall {f}/{g}, precision {r}/{c}; wrong: {'; '.join(sc.wrong)}"


def main() -> None:
    from summitry.coding import Coder

    coder = Coder(model=None)
    cache = Path(_arg("--cache", "")) if "--cache" in sys.argv else None
    examples, feats, dct = _features(coder, cache)
    for weight in [float(w) for w in _arg("--weights", "0,1,2,3,5").split(",")]:
        print(f"weight {weight:g}: {_cv(examples, feats, dct, weight)}")
        print(f"  {_dev(coder, _fit(examples, feats, dct, weight))}", flush=True)


if __name__ == "__main__":
    main()
