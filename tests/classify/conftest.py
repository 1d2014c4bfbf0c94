"""Classifier fixtures: one rules-only coder and the shipped model per session."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="session")
def rules_coder():
    from summitry.coding.coder import Coder

    return Coder(model=None)


@pytest.fixture(scope="session")
def model_coder():
    from summitry.coding.coder import Coder

    return Coder()


@pytest.fixture(scope="session")
def model():
    from summitry.classify import load_model

    return load_model()


@pytest.fixture(scope="session")
def code_text():
    """``code_text(coder, text)``: the events the coder extracts from one text."""

    def run(coder, text: str, published: date = date(2017, 11, 15)) -> list:
        d = coder.prepare("t", text, published, None, "en", False)
        out = []
        for i in sorted(d.candidates):
            s, e = d.sentences[i]
            out.extend(coder.extract(d, i, coder.parse_sentence(text[s:e]))[1])
        return out

    return run
