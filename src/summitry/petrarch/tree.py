"""Penn Treebank trees: a small reader and the node type the PETRARCH-style coder works on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


class TreeError(ValueError):
    """An unbalanced or empty parse tree."""


@dataclass(eq=False)
class Node:
    """A tree node. Preterminals have ``word``; ``NE`` leaves carry an :class:`NE`."""

    label: str
    children: list[Node] = field(default_factory=list)
    word: str | None = None
    ne: object | None = None  # coder.NE for NE leaves

    @property
    def is_leaf(self) -> bool:
        return self.word is not None or self.ne is not None

    def words(self) -> list[str]:
        if self.word is not None:
            return [self.word]
        if self.ne is not None:
            return list(self.ne.words)  # type: ignore[attr-defined]
        out: list[str] = []
        for c in self.children:
            out.extend(c.words())
        return out

    def iter(self):
        yield self
        for c in self.children:
            yield from c.iter()

    def has_desc(self, prefix: str) -> bool:
        """True if a proper descendant's label starts with ``prefix``."""
        return any(n.label.startswith(prefix) for c in self.children for n in c.iter())

    def __repr__(self) -> str:  # compact bracketed form, handy in failures
        if self.word is not None:
            return f"({self.label} {self.word})"
        if self.ne is not None:
            return f"(NE {self.ne!r})"
        return f"({self.label} " + " ".join(repr(c) for c in self.children) + ")"


_TOKEN = re.compile(r"\(|\)|[^\s()]+")


def parse_tree(text: str) -> Node:
    """Parse ``(ROOT (S (NP (NNP Arnor)) ...))``; words are upper-cased like PETRARCH's."""
    toks = _TOKEN.findall(text)
    if not toks:
        raise TreeError("empty parse tree")
    if toks.count("(") != toks.count(")"):
        raise TreeError("unbalanced parentheses in parse tree")
    pos = 0

    def node() -> Node:
        nonlocal pos
        if toks[pos] != "(":
            raise TreeError(f"expected '(' at token {pos}")
        pos += 1
        label = "" if toks[pos] in "()" else toks[pos]
        if label:
            pos += 1
        kids: list[Node] = []
        word: str | None = None
        while toks[pos] != ")":
            if toks[pos] == "(":
                kids.append(node())
            else:
                word = toks[pos].upper() if word is None else word + " " + toks[pos].upper()
                pos += 1
        pos += 1
        if word is not None and not kids:
            return Node(label, [], word)
        return Node(label, kids)

    root = node()
    if not root.label and len(root.children) == 1:
        root = Node("ROOT", root.children)
    return root
