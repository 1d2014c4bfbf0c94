"""The briefing for a pair, generated on request by :mod:`summitry.report` and cached until
the store changes (the key holds the store's generation)."""

from __future__ import annotations

import threading
from collections import OrderedDict

from summitry.analysis import Dyad
from summitry.report import build_briefing, render_html, render_md, render_pdf

CACHE_SIZE = 16
_RENDER = {"html": render_html, "md": render_md, "pdf": render_pdf}

_cache: OrderedDict[tuple, bytes] = OrderedDict()
_cache_lock = threading.Lock()
_build_locks: dict[tuple, threading.Lock] = {}


def briefing(generation: str, store, dyad: Dyad, sources: tuple[str, ...], fmt: str) -> bytes:
    """The briefing as bytes in ``fmt`` (html, md or pdf); built once per store state."""
    key = (generation, dyad, tuple(sources), fmt)
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
        build_lock = _build_locks.setdefault(key, threading.Lock())
    with build_lock:  # concurrent requests for the same briefing build it once
        with _cache_lock:
            if key in _cache:
                return _cache[key]
        b = build_briefing(store, dyad, list(sources) or None)
        out = _RENDER[fmt](b)
        body = out.encode("utf-8") if isinstance(out, str) else bytes(out)
        with _cache_lock:
            _cache[key] = body
            _build_locks.pop(key, None)
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
    return body
