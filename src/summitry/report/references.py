"""Numbered references: one per source URL, document or data set row, labelled for a reader
(publisher, type, date, title) rather than by the pack file and line it came from."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

from summitry.analysis.facts import SourceRow
from summitry.analysis.record import Evidence
from summitry.report.labels import labels
from summitry.report.model import Reference


def domain(url: str | None) -> str | None:
    """The host of ``url`` without ``www.`` (None when there is none)."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _type_word(source_type: str | None) -> str:
    return labels()["source_types"].get(source_type or "unclassified", source_type or "")


def _label(publisher: str | None, kind: str | None, when: date | None, title: str | None) -> str:
    head = publisher or "source"
    if kind:
        head += f" ({_type_word(kind)})"
    parts = [head]
    if when:
        parts.append(f"{when:%d %B %Y}")
    text = ", ".join(parts)
    return f"{text}: {title}" if title else text


class References:
    """Hands out reference numbers; the same source always gets the same number."""

    def __init__(self, sources: dict[str, SourceRow] | None = None) -> None:
        self.refs: list[Reference] = []
        self._by_key: dict[tuple, int] = {}
        self._sources = sources or {}

    def cite(self, ev: Evidence) -> int:
        """The number of the reference for ``ev`` (added on first use)."""
        if ev.doc_id:
            return self._document(ev)
        if ev.dataset and ev.dataset != "knowledge-pack" and ev.dataset_row_id:
            return self._row(ev)
        return self.cite_url(ev.url, ev.origin, fallback=ev.title)

    def cite_url(
        self, url: str | None, origin: str = "curated", fallback: str | None = None
    ) -> int:
        """A curated source by its URL, labelled from the pack's source list."""
        key = ("url", (url or "").strip() or fallback)
        if key in self._by_key:
            return self._by_key[key]
        info = self._sources.get((url or "").strip())
        if info is not None:
            label = _label(info.publisher, info.source_type, info.published, info.title)
            return self._add(
                key,
                Reference(0, origin, label, url, info.publisher, info.published, info.source_type),
            )
        host = domain(url)
        label = _label(host, "unclassified" if host else None, None, None if host else fallback)
        return self._add(key, Reference(0, origin, label, url, host, None, "unclassified"))

    def cite_source(self, key: str, origin: str, label: str, url: str | None = None) -> int:
        """A source that is not a URL or document (an analysis of the store's data)."""
        k = ("src", key)
        if k in self._by_key:
            return self._by_key[k]
        return self._add(k, Reference(0, origin, label, url, source_type=origin))

    def _document(self, ev: Evidence) -> int:
        key = ("doc", ev.doc_id)
        where = f"sentence {ev.sent_idx}" if ev.sent_idx is not None else "document"
        if ev.start_char is not None:
            where += f", characters {ev.start_char}–{ev.end_char}"
        if key not in self._by_key:
            host = domain(ev.url)
            title = ev.title or f"document {ev.doc_id}"
            label = _label(host or "document in the store", "document", ev.published, title)
            self._add(key, Reference(0, ev.origin, label, ev.url, host, ev.published, "document"))
        ref = self.refs[self._by_key[key] - 1]
        if where not in ref.locators:
            ref.locators.append(where)
        return ref.n

    def _row(self, ev: Evidence) -> int:
        key = ("row", ev.dataset, ev.dataset_row_id)
        if key in self._by_key:
            return self._by_key[key]
        label = f"{ev.dataset} (event data set), row {ev.dataset_row_id}"
        return self._add(key, Reference(0, ev.origin, label, ev.url, ev.dataset, None, "dataset"))

    def _add(self, key: tuple, ref: Reference) -> int:
        ref.n = len(self.refs) + 1
        self.refs.append(ref)
        self._by_key[key] = ref.n
        return ref.n
