"""The briefing on a pair of leaders or countries: HTML, Markdown and PDF, every claim cited.

>>> from summitry.report import build_briefing, write_briefing
>>> b = build_briefing(store, leaders("Donald Trump", "Vladimir Putin"))
>>> write_briefing(b, Path("briefing.html"), ["html", "pdf"])

:func:`build_briefing` reads the store once and returns a typed
:class:`~summitry.report.model.Briefing`; the renderers only read that model.
"""

from summitry.report.build import build_briefing
from summitry.report.model import Briefing
from summitry.report.pdf import render_pdf
from summitry.report.render import (
    FORMATS,
    SECTIONS,
    default_out,
    render_html,
    render_md,
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
