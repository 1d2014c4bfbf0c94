"""Write a briefing as self-contained HTML (inline SVG charts), Markdown (PNG data URIs) or
PDF (:mod:`summitry.report.pdf`). Files are written atomically.

Untrusted text never becomes markup: HTML is autoescaped and links only http(s) URLs;
Markdown escapes every value (HTML and Markdown syntax) unless the template marks it safe.
"""

from __future__ import annotations

import base64
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from summitry.actors import slug
from summitry.report import view
from summitry.report.build import ref_groups
from summitry.report.labels import stance_word
from summitry.report.model import Briefing, Claim, MeetingCard
from summitry.report.pdf import render_pdf
from summitry.report.safe import md_escape, md_link, safe_url
from summitry.store import write_bytes

FORMATS = ("html", "md", "pdf")
SECTIONS = view.SECTIONS


def _globals(env: Environment) -> Environment:
    env.globals.update(
        ref_groups=ref_groups,
        safe_url=safe_url,
        stance_word=stance_word,
        outcome_word=view.outcome_word,
        topic_names=view.topic_names,
        position_rows=view.position_rows,
        sections=view.SECTION_LIST,
    )
    env.filters["short_date"] = view.fmt_short
    return env


def _context(b: Briefing) -> dict:
    return {
        "b": b,
        "keyfacts": view.keyfacts(b),
        "window_spans": view.window_spans(b.impact.windows),
        "window_heads": view.window_heads(b.impact.windows),
    }


def render_html(b: Briefing) -> str:
    env = Environment(
        loader=PackageLoader("summitry.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    return _globals(env).get_template("briefing.html.j2").render(**_context(b))


def md_refs(refs: list[int]) -> Markup:
    return Markup(" ".join(f"\\[{label}\\]" for label, _ in ref_groups(refs)))


def md_cite(c: Claim) -> Markup:
    origin = f" *({c.origin})*" if c.origin in ("extracted", "imported") else ""
    refs = md_refs(c.refs)
    return Markup(f"{md_escape(c.text)}{' ' + refs if refs else ''}{origin}")


def md_record(c: MeetingCard) -> Markup:
    """A card's facts and its non-empty item lists, as Markdown."""
    m = c.meeting
    status = f" **Status: {md_escape(m.status)}.**" if m.status != "held" else ""
    lines = [
        f"{md_escape(c.format_text.capitalize())}, {md_escape(c.place)}. Participants: "
        f"{md_escape(c.participants)}.{status} {md_refs([c.ref])} *({md_escape(m.origin)})*"
    ]
    if c.notes:
        lines += ["", md_escape(c.notes.text)]
    if c.sections:
        lines.append("")
    for label, lst in c.sections:
        lines.append(f"- **{label}:** " + " ".join(md_cite(x) for x in lst))
    return Markup("\n".join(lines))


def render_md(b: Briefing) -> str:
    def img(name: str) -> Markup:
        data = base64.b64encode(b.charts[name].png).decode("ascii")
        return Markup(f"![{md_escape(b.charts[name].alt)}](data:image/png;base64,{data})")

    env = Environment(
        loader=PackageLoader("summitry.report", "templates"),
        autoescape=False,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        finalize=md_escape,  # every {{ value }} is escaped unless it is Markup
    )
    env.globals.update(img=img, md_link=md_link, cite=md_cite, ref_list=md_refs, record=md_record)
    return _globals(env).get_template("briefing.md.j2").render(**_context(b))


def default_out(dyad) -> Path:
    """``briefing-<a>-<b>.html`` in the current directory (e.g. briefing-usa-rus.html)."""

    def side_slug(side) -> str:
        return slug(side.person_id.removeprefix("person:") if side.person_id else side.iso3)

    return Path(f"briefing-{side_slug(dyad.a)}-{side_slug(dyad.b)}.html")


def write_briefing(b: Briefing, out: Path, formats: list[str]) -> list[Path]:
    """Write each format next to ``out`` (its suffix replaced per format); return the paths."""
    written = []
    for fmt in dict.fromkeys(formats):
        path = out if out.suffix.lstrip(".") == fmt else out.with_suffix(f".{fmt}")
        data = {"html": render_html, "md": render_md, "pdf": render_pdf}[fmt](b)
        write_bytes(path, data.encode("utf-8") if isinstance(data, str) else data)
        written.append(path)
    return written
