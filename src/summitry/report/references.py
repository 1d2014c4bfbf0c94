"""Numbered references: every claim in the briefing points to one or more of these."""

from __future__ import annotations

from dataclasses import dataclass, field

from summitry.analysis.record import Evidence


@dataclass
class Ref:
    n: int
    origin: str
    label: str
    url: str | None


@dataclass
class Claim:
    """One factual sentence and the numbers of the references that support it."""

    text: str
    refs: list[int] = field(default_factory=list)
    origin: str | None = None


class References:
    def __init__(self) -> None:
        self.refs: list[Ref] = []
        self._by_key: dict[tuple, int] = {}

    def cite(self, ev: Evidence) -> int:
        key = (ev.origin, *ev.key)
        if key in self._by_key:
            return self._by_key[key]
        if ev.doc_id:
            label = f"document {ev.doc_id}, sentence {ev.sent_idx}"
            if ev.start_char is not None:
                label += f", characters {ev.start_char}–{ev.end_char}"
            if ev.title:
                label += f" ({ev.title})"
        elif ev.dataset == "knowledge-pack":
            label = f"knowledge pack, {ev.dataset_row_id}"
            if ev.title:
                label += f" ({ev.title})"
        elif ev.dataset:
            label = f"{ev.dataset} row {ev.dataset_row_id}"
        else:
            label = ev.title or "source"
        return self._add(key, ev.origin, label, ev.url)

    def cite_source(self, key: str, origin: str, label: str, url: str | None = None) -> int:
        return self._add(("src", key), origin, label, url)

    def _add(self, key: tuple, origin: str, label: str, url: str | None) -> int:
        n = len(self.refs) + 1
        self.refs.append(Ref(n, origin, label, url))
        self._by_key[key] = n
        return n
