"""The briefing on a pair of leaders or countries: HTML, Markdown and PDF, every claim cited.

>>> from summitry.report import build_briefing, write_briefing
>>> b = build_briefing(store, leaders("Donald Trump", "Vladimir Putin"))
>>> write_briefing(b, Path("briefing.html"), ["html", "pdf"])
"""

from summitry.report.build import Briefing, build_briefing
from summitry.report.render import (
    FORMATS,
    SECTIONS,
    default_out,
    render_html,
    render_md,
    render_pdf,
    write_briefing,
)

__all__ = [
    "FORMATS",
    "SECTIONS",
    "Briefing",
    "build_briefing",
    "default_out",
    "render_html",
    "render_md",
    "render_pdf",
    "write_briefing",
]
