"""The briefing for a pair, generated on request by :mod:`summitry.report` and cached until
the store changes (the key holds the store's generation)."""

from __future__ import annotations

import threading

from summitry.analysis import Dyad
from summitry.report import build_briefing, render_html, render_md, render_pdf
from summitry.serve.cache import LRU

_RENDER = {"html": render_html, "md": render_md, "pdf": render_pdf}
_cache = LRU(max_items=16, max_bytes=256 * 2**20)
_building: dict[tuple, threading.Lock] = {}
_building_lock = threading.Lock()


def briefing(generation: str, store, dyad: Dyad, sources: tuple[str, ...], fmt: str) -> bytes:
    """The briefing as bytes in ``fmt`` (html, md or pdf); built once per store state, also
    when several requests for it come at the same time."""
    key = (generation, dyad, tuple(sources), fmt)
    body = _cache.get(key)
    if body is not None:
        return body
    with _building_lock:
        lock = _building.setdefault(key, threading.Lock())
    with lock:
        body = _cache.get(key)
        if body is None:
            out = _RENDER[fmt](build_briefing(store, dyad, list(sources) or None))
            body = out.encode("utf-8") if isinstance(out, str) else bytes(out)
            _cache.put(key, body)
    with _building_lock:
        _building.pop(key, None)
    return body
