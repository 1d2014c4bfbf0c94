"""Training is reproducible: the same fixed sample gives the same model and the same scores."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from summitry.classify.examples import Example
from summitry.classify.gold import half, plover_records
from summitry.classify.train import featurize, train_from_shared


@pytest.mark.slow
def test_retraining_a_fixed_sample_reproduces_its_scores(rules_coder, shared_dir, tmp_path):
    first = train_from_shared(rules_coder, shared_dir, sample=300)
    second = train_from_shared(rules_coder, shared_dir, sample=300)
    assert first.counts == second.counts and sum(first.counts.values()) == 300
    assert first.model.classes == second.model.classes
    assert first.model.vocab == second.model.vocab
    assert np.array_equal(first.model.weights, second.model.weights)
    assert first.train_accuracy == second.train_accuracy
    # the scores on a fixed development set (PLOVER odd half, never the even half) agree
    dev = [
        Example(r.text, next(iter(r.types)), "dev", published=r.published)
        for r in half(plover_records(shared_dir), "odd")[:40]
    ]
    feats = featurize(rules_coder, dev)
    assert np.array_equal(first.model.scores(feats), second.model.scores(feats))
    pred = first.model.predict(feats)
    acc = sum(p == e.label for (p, _), e in zip(pred, dev, strict=True)) / len(dev)
    assert acc > 0.2  # a model trained on 300 examples already beats chance (1/17)
    # and the saved artifact scores exactly as the trained model (float16 weights)
    first.model.save(tmp_path / "m.npz")
    from summitry.classify.model import load_model

    again = load_model(tmp_path / "m.npz")
    assert [p for p, _ in again.predict(feats)] == [p for p, _ in first.model.predict(feats)]


# sentences written for this test: a person the actors KB does not know, introduced with a
# title and a country, then named by surname alone in a later text
INTRODUCES = [
    "Kenya's foreign minister, Amina Wanjiru Odhiambo, arrived in Addis Ababa on Monday.",
    "The Ghanaian trade minister, Kwabena Asante Mensah, flew to Lagos for the talks.",
]
BY_SURNAME = [
    "Odhiambo accused Somalia of sheltering the militants.",
    "Mensah praised Nigeria for reopening the border.",
]


def test_featurize_forgets_the_people_earlier_texts_introduced(rules_coder):
    day = date(2017, 3, 1)
    later = [Example(t, "NONE", "test", published=day) for t in BY_SURNAME]
    alone = featurize(rules_coder, later)
    earlier = [Example(t, "NONE", "test", published=day) for t in INTRODUCES]
    # within one call the introduced people are known to the later texts ...
    together = featurize(rules_coder, earlier + later)[len(earlier) :]
    assert together != alone
    # ... but a second call (a second training in the same process) starts afresh
    assert featurize(rules_coder, later) == alone
    assert not rules_coder.people.text_people  # and training leaves the index empty
