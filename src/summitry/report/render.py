"""Write a briefing as self-contained HTML (inline SVG charts), Markdown (PNG data URIs) or
PDF (fpdf2, DejaVu fonts shipped with matplotlib). Files are written atomically."""

from __future__ import annotations

import base64
import io
import os
import tempfile
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from summitry.actors import slug
from summitry.report.build import Briefing, ref_groups
from summitry.report.references import Claim

FORMATS = ("html", "md", "pdf")
SECTIONS = (
    "Summary",
    "Historical context",
    "The meetings",
    "Key discussions across meetings",
    "Outcomes and agreements",
    "Each side's stated positions",
    "Global impact (measured)",
    "Method and sources",
)


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("summitry.report", "templates"),
        autoescape=lambda name: bool(name and name.endswith(".html.j2")),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.globals["ref_groups"] = ref_groups
    return env


def render_html(b: Briefing) -> str:
    return _env().get_template("briefing.html.j2").render(b=b)


def render_md(b: Briefing) -> str:
    def img(name: str) -> str:
        return "data:image/png;base64," + base64.b64encode(b.charts[name].png).decode("ascii")

    return _env().get_template("briefing.md.j2").render(b=b, img=img)


def _font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def render_pdf(b: Briefing) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    fonts = _font_dir()
    pdf.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    pdf.add_font("DejaVu", "I", str(fonts / "DejaVuSans-Oblique.ttf"))
    pdf.set_title(f"Briefing: {b.dyad.title}")
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def para(text: str, size: float = 9.5, style: str = "", indent: float = 0) -> None:
        pdf.set_font("DejaVu", style, size)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(width - indent, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)

    def claim(c: Claim, indent: float = 0) -> None:
        refs = "".join(f" [{label}]" for label, _ in ref_groups(c.refs))
        origin = f" ({c.origin})" if c.origin and c.origin != "analysis" else ""
        para(c.text + refs + origin, indent=indent)

    def heading(text: str, level: int = 1) -> None:
        pdf.ln(2)
        para(text, 15 if level == 1 else 11.5, "B")

    def chart(name: str) -> None:
        ch = b.charts.get(name)
        if ch is None:
            return
        if pdf.get_y() > pdf.h - 80:
            pdf.add_page()
        pdf.image(io.BytesIO(ch.png), w=width)
        para(ch.alt + ".", 8, "I")

    def card_items(c, indent: float = 0) -> None:
        for label, lst in (
            ("Topics", c.topics),
            ("Outcomes", c.outcomes),
            ("Statements", c.statements),
            ("Reactions", c.reactions),
            ("Status history", c.status),
        ):
            if lst:
                para(label, 9.5, "B", indent=indent)
                for x in lst:
                    claim(x, indent + 4)

    def gap(text: str) -> None:
        para("Not supported by the data: " + text, 9, "I")

    para(f"Briefing: {b.dyad.title}", 18, "B")
    para(
        f"Generated {b.generated} by summitry from the sources: {', '.join(b.sources)}. "
        "Every factual sentence cites its evidence in brackets (see References).",
        8.5,
        "I",
    )
    heading(SECTIONS[0])
    for c in b.summary:
        claim(c)
    heading(SECTIONS[1])
    for c in b.context:
        claim(c)
    chart("history")
    chart("index")
    if b.index.insufficient:
        gap(f"relationship index — {b.index.insufficient.reason}.")
    if b.treaty_claims:
        heading("Treaty actions", 2)
        for c in b.treaty_claims:
            claim(c, 4)
    heading(SECTIONS[2])
    if not b.cards:
        gap("no meetings of the pair in the selected sources.")
    for c in b.cards:
        heading(f"{c.meeting.title or c.format_text} — {c.date_text}", 2)
        claim(
            Claim(
                f"{c.format_text.capitalize()}, {c.place}; participants: {c.participants}; "
                f"status: {c.meeting.status}.",
                [c.ref],
                c.meeting.origin,
            )
        )
        if c.notes:
            claim(c.notes)
        card_items(c)
        for x in c.linked:
            para(
                f"Also recorded by the {x.meeting.origin} source ({x.meeting.meeting_id})",
                9.5,
                "B",
                indent=4,
            )
            claim(
                Claim(
                    f"{x.format_text.capitalize()}, {x.place}, {x.date_text}; participants: "
                    f"{x.participants}; status: {x.meeting.status}.",
                    [x.ref],
                    x.meeting.origin,
                ),
                4,
            )
            if x.notes:
                claim(x.notes, 4)
            card_items(x, 4)
        for d in c.differences:
            claim(d, 4)
    heading(SECTIONS[3])
    for d in b.discussions:
        claim(d["claim"])
    if not b.discussions:
        gap("no topics are recorded for these meetings.")
    chart("topics")
    heading(SECTIONS[4])
    for c in b.outcomes:
        claim(c)
    if not b.outcomes:
        gap("no outcomes are recorded for these meetings.")
    for c in b.treaty_claims_period:
        claim(c, 4)
    heading(SECTIONS[5])
    for side, lst in b.positions.items():
        heading(side, 2)
        for c in lst:
            claim(c)
        if not lst:
            gap(f"no statements by {side} are in the selected sources.")
    heading(SECTIONS[6])
    for c in b.impact_claims:
        claim(c)
    chart("impact")
    for c in b.third_party_claims:
        claim(c)
    heading("What the data cannot support", 2)
    for g in b.gaps:
        gap(g)
    heading(SECTIONS[7])
    for name, text in b.methods.items():
        heading(name, 2)
        para(text, 8.5)
    counts = ", ".join(f"{o}: {n}" for o, n in b.source_counts.items()) or "none"
    para(f"Events in the store by origin (selected sources): {counts}.", 8.5)
    heading("References", 2)
    for r in b.refs.refs:
        para(f"{r.n}. ({r.origin}) {r.label}" + (f" — {r.url}" if r.url else ""), 7.5)
    return bytes(pdf.output())


def atomic_write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; give the usual file mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
        atomic_write(path, data)
        written.append(path)
    return written
