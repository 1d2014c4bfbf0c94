"""The text the parser reads: a sentence with plain spaces and masked ambiguous names.

The small spaCy model reads a bare "May" as the modal ("May called Trump on Sunday" gets no
subject). Before parsing, such names (``data/nlp/parse_masks.yaml``)
are replaced by a name of the same length the model reads as a proper noun, and line breaks
and no-break spaces become spaces: one character for one, so every offset holds and only
the parse changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

# line breaks, tabs and no-break spaces become plain spaces: the parser reads
# "Scott\nMorrison" as two phrases
PLAIN_SPACES = str.maketrans({c: " " for c in "\n\r\t\f\v\xa0\u2002\u2003\u2009\u202f\u3000"})


@dataclass(frozen=True)
class _Mask:
    mask: str
    not_after: frozenset[str]


@lru_cache(maxsize=1)
def _masks() -> tuple[re.Pattern[str], dict[str, _Mask]]:
    path = resources.files("summitry") / "data" / "nlp" / "parse_masks.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))["masks"]
    masks = {}
    for name, entry in data.items():
        mask = str(entry["mask"])
        if len(mask) != len(str(name)):
            raise ValueError(f"parse_masks.yaml: {name!r} -> {mask!r}: lengths differ")
        words = frozenset(str(w).lower() for w in entry.get("not_after", []))
        masks[str(name)] = _Mask(mask, words)
    names = "|".join(re.escape(n) for n in masks)
    return re.compile(rf"(?<![\w-])({names})(?![\w-])(?! ?\d)"), masks


_PREVIOUS_WORD = re.compile(r"([\w-]+)\W*$")


def parser_text(sentence: str) -> str:
    """``sentence`` as the parser should read it (same length, same offsets)."""
    pattern, masks = _masks()
    plain = sentence.translate(PLAIN_SPACES)

    def replace(m: re.Match[str]) -> str:
        entry = masks[m.group(1)]
        before = _PREVIOUS_WORD.search(plain, 0, m.start())
        if before and before.group(1).lower() in entry.not_after:
            return m.group(1)
        return entry.mask

    return pattern.sub(replace, plain)
