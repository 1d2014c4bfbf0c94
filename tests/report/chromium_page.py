"""Open a file in Debian's headless Chromium through Playwright (never a downloaded browser)
and take screenshots; decide whether a screenshot shows anything."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"
)


@dataclass
class Page:
    errors: list[str]
    h2: list[str]
    facts: dict
    shots: dict[str, bytes] = field(default_factory=dict)


def open_page(path: Path, shots: dict[str, str], facts_js: str = "({})") -> Page:
    """Load ``path``; screenshot each element of ``shots`` (name -> CSS selector; 'top' is
    the top of the page); collect console errors, page errors and failed requests."""
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 1000})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(f"Uncaught {e}"))
            page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
            page.goto(path.resolve().as_uri(), wait_until="load")
            out = Page(errors, page.locator("h2").all_inner_texts(), page.evaluate(facts_js))
            for name, sel in shots.items():
                if name == "top":
                    out.shots[name] = page.screenshot(
                        clip={"x": 0, "y": 0, "width": 1200, "height": 1000}
                    )
                else:
                    out.shots[name] = page.locator(sel).first.screenshot()
        finally:
            browser.close()
    return out


def non_blank(png: bytes, min_ink: float = 0.02) -> bool:
    """True when at least ``min_ink`` of the pixels differ clearly from the background
    colour (the most common one) and the image has more than a handful of colours."""
    from PIL import Image

    img = Image.open(io.BytesIO(png)).convert("RGB")
    img.thumbnail((400, 400))
    pixels = (
        list(img.get_flattened_data())
        if hasattr(img, "get_flattened_data")
        else list(img.getdata())
    )
    bg = max(set(pixels), key=pixels.count)
    ink = sum(1 for p in pixels if sum(abs(a - b) for a, b in zip(p, bg, strict=True)) > 60)
    return ink / len(pixels) >= min_ink and len(set(pixels)) > 16
