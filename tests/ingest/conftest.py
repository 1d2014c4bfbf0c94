"""Helpers for the ingest tests: story texts long enough to be near-duplicate candidates."""

from __future__ import annotations

import random

import pytest

WORDS = [
    "minister", "summit", "talks", "agreed", "sanctions", "border", "trade", "envoy",
    "security", "council", "treaty", "missile", "pipeline", "election", "vote", "parliament",
    "coalition", "ceasefire", "delegation", "spokesman", "embassy", "official", "statement",
    "visit", "bilateral", "economic", "energy", "nuclear", "agreement",
]  # fmt: skip


def story(seed: int, n_words: int = 220) -> str:
    """A deterministic news-like text, different for each seed."""
    rng = random.Random(seed)
    sentences = []
    while sum(len(s.split()) for s in sentences) < n_words:
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
        sentences.append(" ".join(words).capitalize() + ".")
    return " ".join(sentences)


@pytest.fixture(name="story")
def story_fixture():
    """The :func:`story` function (test modules here are not a package)."""
    return story


@pytest.fixture
def texts() -> list[str]:
    return [story(i) for i in range(6)]
