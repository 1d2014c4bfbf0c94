"""Classifier fixtures: one rules-only coder and the shipped model per session."""

from __future__ import annotations

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
