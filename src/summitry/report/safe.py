"""Safe output of untrusted text: links only to http(s) URLs, Markdown with HTML escaped.

Document text, titles and URLs come from ingested pages and event data; none of it may turn
into markup or a live link of another scheme (``javascript:``, ``data:``, ``file:``) in a
briefing.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from markupsafe import Markup, escape

_MD_SPECIAL = re.compile(r"([\\`*\[\]|])")


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http or https URL with a host, else None."""
    if not url:
        return None
    url = url.strip()
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def md_escape(value: object) -> str:
    """Text for Markdown: HTML escaped (``<script>`` shows as text) and Markdown's own
    characters backslash-escaped, so that no link, image or emphasis can be injected."""
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    text = str(escape(str(value)))
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def md_link(url: str | None) -> Markup:
    """An autolink for a safe URL; anything else as escaped plain text."""
    ok = safe_url(url)
    if ok is None:
        return Markup(md_escape(url or ""))
    return Markup(f"<{ok.replace('>', '%3E').replace('<', '%3C')}>")
