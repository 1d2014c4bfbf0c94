"""Assign issue topics by matching the taxonomy's terms (explainable: terms are kept).

The taxonomy is ``summitry/data/topics/topics_v1.yaml`` (or a user file with the same
shape). Each topic compiles to one regex; a text gets every topic with at least one
match, scored by the number of distinct matched terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from summitry.nlp.alternation import trie_alternation

RULE = "terms:v1"


@dataclass(frozen=True)
class TopicMatch:
    topic: str
    score: float
    matched_terms: tuple[str, ...]


def _term_regex(term: str) -> str:
    return rf"\b{''.join(_term_pieces(term))}"


def _term_pieces(term: str) -> list[str]:
    """A term as regex pieces: a space matches spaces or hyphens, a final ``*`` any ending."""
    star = term.endswith("*")
    pieces = [r"[\s-]+" if ch == " " else re.escape(ch) for ch in term.rstrip("*")]
    return [*pieces, r"\w*" if star else r"\b"]


class Taxonomy:
    """Compiled topic rules."""

    def __init__(self, spec: dict):
        self.labels: dict[str, str] = {}
        self._rules: list[tuple[str, re.Pattern[str], re.Pattern[str] | None]] = []
        for topic, body in spec.items():
            if not isinstance(body, dict) or not body.get("terms"):
                raise ValueError(
                    f"topic {topic!r}: expected a mapping with a non-empty 'terms' list"
                )
            self.labels[topic] = body.get("label", topic)
            terms = sorted((str(t) for t in body["terms"]), key=len, reverse=True)
            ci = re.compile("|".join(_term_regex(t) for t in terms), re.I)
            exact = body.get("exact") or []
            cs = re.compile("|".join(rf"\b{re.escape(str(t))}\b" for t in exact)) if exact else None
            self._rules.append((topic, ci, cs))
        # one scan of all terms as a trie decides whether any topic can match (most
        # sentences have none)
        every = {str(t).lower() for body in spec.values() for t in body["terms"]}
        self._any_ci = re.compile(r"\b" + trie_alternation(map(_term_pieces, every)), re.I)
        exact_parts = [f"(?:{r[2].pattern})" for r in self._rules if r[2] is not None]
        self._any_cs = re.compile("|".join(exact_parts)) if exact_parts else None

    def assign(self, text: str) -> list[TopicMatch]:
        out: list[TopicMatch] = []
        if not self._any_ci.search(text) and not (self._any_cs and self._any_cs.search(text)):
            return out
        for topic, ci, cs in self._rules:
            hits = {m.group(0) for m in ci.finditer(text)}
            if cs is not None:
                hits |= {m.group(0) for m in cs.finditer(text)}
            if hits:
                terms = tuple(sorted({h.lower() if not h.isupper() else h for h in hits}))
                out.append(TopicMatch(topic, float(len(terms)), terms))
        return out


@lru_cache(maxsize=4)
def load_taxonomy(path: str | None = None) -> Taxonomy:
    """The packaged taxonomy, or the YAML file at ``path``."""
    if path:
        text = Path(path).read_text(encoding="utf-8")
    else:
        text = (
            resources.files("summitry.data")
            .joinpath("topics")
            .joinpath("topics_v1.yaml")
            .read_text(encoding="utf-8")
        )
    return Taxonomy(yaml.safe_load(text))
