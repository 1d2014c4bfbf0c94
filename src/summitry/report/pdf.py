"""The briefing as PDF (fpdf2, DejaVu fonts shipped with matplotlib): the same sections, tables
and charts as the HTML."""

from __future__ import annotations

import io
from pathlib import Path

from summitry.report import view
from summitry.report.build import ref_groups
from summitry.report.labels import stance_word
from summitry.report.model import Briefing, Claim, MeetingCard
from summitry.report.safe import safe_url

ACCENT = (36, 82, 122)
MUTED = (91, 101, 115)


def _font_dir() -> Path:
    # matplotlib: 0.2 s to import, only to find its bundled fonts for the PDF
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def _refs(c: Claim) -> str:
    return "".join(f" [{label}]" for label, _ in ref_groups(c.refs))


def cited(c: Claim) -> str:
    origin = f" ({c.origin})" if c.origin in ("extracted", "imported") else ""
    return c.text + _refs(c) + origin


class BriefingPDF:
    """A4 document writer with the few building blocks the briefing needs."""

    def __init__(self, title: str) -> None:
        from fpdf import FPDF  # heavy import, only when a PDF is written

        self.pdf = pdf = FPDF(format="A4")
        pdf.set_auto_page_break(True, margin=15)
        fonts = _font_dir()
        for style, name in (
            ("", "DejaVuSans"),
            ("B", "DejaVuSans-Bold"),
            ("I", "DejaVuSans-Oblique"),
        ):
            pdf.add_font("DejaVu", style, str(fonts / f"{name}.ttf"))
        pdf.set_title(f"Briefing: {title}")
        pdf.add_page()
        self.width = pdf.w - pdf.l_margin - pdf.r_margin

    def para(
        self,
        text: str,
        size: float = 9.5,
        style: str = "",
        indent: float = 0,
        colour: tuple[int, int, int] = (29, 36, 48),
    ) -> None:
        pdf = self.pdf
        pdf.set_font("DejaVu", style, size)
        pdf.set_text_color(*colour)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(
            self.width - indent, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT"
        )
        pdf.ln(1)

    def heading(self, text: str, level: int = 1) -> None:
        if level == 1 and self.pdf.get_y() > self.pdf.h - 45:
            self.pdf.add_page()
        self.pdf.ln(3 if level == 1 else 1.5)
        self.para(
            text, 14 if level == 1 else 11, "B", colour=ACCENT if level == 1 else (29, 36, 48)
        )

    def bullets(self, items: list[str], indent: float = 3) -> None:
        for x in items:
            self.para("• " + x, indent=indent)

    def image(self, b: Briefing, name: str) -> None:
        ch = b.charts.get(name)
        if ch is None:
            return
        if self.pdf.get_y() > self.pdf.h - 85:
            self.pdf.add_page()
        self.pdf.image(io.BytesIO(ch.png), w=self.width)
        self.para(ch.alt + ".", 8, "I", colour=MUTED)

    def table(
        self, head: list[str], rows: list[list[str]], widths: tuple[int, ...], size: float = 7.5
    ) -> None:
        pdf = self.pdf
        pdf.set_font("DejaVu", "", size)
        pdf.set_text_color(29, 36, 48)
        with pdf.table(
            col_widths=widths,
            text_align="LEFT",
            line_height=size * 0.5,
            first_row_as_headings=True,
            borders_layout="HORIZONTAL_LINES",
            headings_style=_heading_style(),
            padding=1,
        ) as t:
            for row in [head, *rows]:
                r = t.row()
                for cell in row:
                    r.cell(cell)
        pdf.ln(2)


def _heading_style():
    # fpdf: 0.6 s to import, only when a PDF is written
    from fpdf.fonts import FontFace

    return FontFace(emphasis="BOLD", fill_color=(240, 243, 246))


def render_pdf(b: Briefing) -> bytes:
    doc = BriefingPDF(b.dyad.title)
    doc.para(f"Briefing: {b.dyad.title}", 18, "B")
    doc.para(
        f"Generated {b.generated} by summitry from {', '.join(b.sources)} sources. Every factual "
        "sentence cites numbered references (see References).",
        8.5,
        "I",
        colour=MUTED,
    )
    if b.empty:
        _empty(doc, b)
    else:
        for part in (_top, _context, _meetings, _discussions, _outcomes, _positions, _impact):
            part(doc, b)
    _method(doc, b)
    return bytes(doc.pdf.output())


def _empty(doc: BriefingPDF, b: Briefing) -> None:
    doc.heading(view.EMPTY_SECTIONS[0])
    doc.para(
        f"The store holds no meetings, calls, statements or event data of {b.dyad.a.label} and "
        f"{b.dyad.b.label} from the selected sources ({', '.join(b.sources)})."
    )
    doc.heading("What to ingest or import", 2)
    doc.bullets(b.to_add)


def _top(doc: BriefingPDF, b: Briefing) -> None:
    doc.para(" · ".join(f"{v} {k}" for k, v in view.keyfacts(b)), 9, "B", colour=MUTED)
    doc.heading(view.SECTIONS[0])
    for c in b.bottom_line:
        doc.para(cited(c), 10)
    doc.heading(view.SECTIONS[1])
    doc.image(b, "timeline")
    doc.image(b, "map")


def _context(doc: BriefingPDF, b: Briefing) -> None:
    doc.heading(view.SECTIONS[2])
    for c in b.context:
        doc.para(cited(c))
    doc.image(b, "history")
    lines = [*b.earlier_treaty_claims, *b.treaty_claims]
    if lines:
        doc.heading("Treaty actions", 2)
        doc.bullets([cited(c) for c in lines])


def _meetings(doc: BriefingPDF, b: Briefing) -> None:
    doc.heading(view.SECTIONS[3])
    if not b.cards:
        doc.para("No meetings of the pair are recorded in the selected sources.")
        return
    rows = [
        [
            c.date_text,
            c.format_text,
            c.place,
            c.meeting.status,
            view.outcome_word(c),
            view.topic_names(c),
            " + ".join(f"{r.meeting.origin} [{r.ref}]" for r in c.records),
        ]
        for c in b.cards
    ]
    doc.table(
        ["Date", "Format", "Place", "Status", "Outcome", "Topics", "Source"],
        rows,
        (16, 16, 17, 9, 12, 22, 12),
    )
    for c in b.cards:
        doc.heading(f"{c.meeting.title or c.format_text.capitalize()} — {c.date_text}", 2)
        _record(doc, c)
        for x in c.linked:
            doc.para(
                f"Also recorded by the {x.meeting.origin} source ({x.meeting.meeting_id})",
                9.5,
                "B",
                indent=4,
            )
            _record(doc, x, 4)
        for d in c.differences:
            doc.para(cited(d), indent=4)


def _record(doc: BriefingPDF, c: MeetingCard, indent: float = 0) -> None:
    status = f" Status: {c.meeting.status}." if c.meeting.status != "held" else ""
    doc.para(
        f"{c.format_text.capitalize()}, {c.place}. Participants: {c.participants}.{status} "
        f"[{c.ref}] ({c.meeting.origin})",
        8.5,
        indent=indent,
        colour=MUTED,
    )
    if c.notes:
        doc.para(c.notes.text, 8.5, "I", indent=indent, colour=MUTED)
    for label, lst in c.sections:
        doc.para(label, 8.5, "B", indent=indent)
        for x in lst:
            doc.para(cited(x), 9, indent=indent + 4)


def _discussions(doc: BriefingPDF, b: Briefing) -> None:
    doc.heading(view.SECTIONS[4])
    doc.image(b, "topics")
    doc.bullets([cited(c) for c in b.discussions] or ["No topics are recorded for these meetings."])


def _outcomes(doc: BriefingPDF, b: Briefing) -> None:
    doc.heading(view.SECTIONS[5])
    if not b.outcomes:
        doc.para("No outcomes are recorded for these meetings.")
        return
    rows = [
        [
            view.fmt_short(o.when),
            o.meeting,
            o.type_text,
            cited(o.claim),
            o.implemented,
            "; ".join(cited(f) for f in o.follow_up) or "—",
        ]
        for o in b.outcomes
    ]
    doc.table(
        ["Date", "Meeting", "Type", "What was agreed or not", "Implemented", "Follow-up"],
        rows,
        (11, 16, 12, 33, 13, 19),
    )


def _positions(doc: BriefingPDF, b: Briefing) -> None:
    doc.heading(view.SECTIONS[6])
    if not b.positions:
        doc.para("No stated positions are recorded for these meetings.")
    for tp in b.positions:
        doc.heading(tp.label, 2)
        rows = []
        for when, meeting, cells in view.position_rows(tp):
            row = [f"{view.fmt_short(when)}, {meeting}"]
            for cell in cells:
                row.append(
                    "; ".join(
                        f"{stance_word(e.stance).upper()}"
                        + (
                            f" (changed from {stance_word(e.changed_from)})"
                            if e.changed_from
                            else ""
                        )
                        + f": {e.text}{_refs(e.claim)}"
                        for e in cell
                    )
                    or "—"
                )
            rows.append(row)
        doc.table(["When", *tp.sides], rows, (20, 40, 40))
        doc.bullets(["Change: " + cited(c) for c in tp.changes])
    for side, lst in b.statements.items():
        if lst:
            doc.heading(f"Quoted statements: {side}", 2)
            doc.bullets([cited(c) for c in lst])


def _impact(doc: BriefingPDF, b: Briefing) -> None:
    imp = b.impact
    doc.heading(view.SECTIONS[7])
    doc.para(
        f"What followed each meeting within {' and '.join(map(str, imp.windows))} days, area by "
        "area. “Followed” is a sequence in time, not a cause."
    )
    if imp.followups:
        rows = [
            [f"{fu.label}, {view.fmt_short(fu.when)}"]
            + [
                "; ".join(
                    f"{f.area_label}: {f.claim.text} (+{f.days_after} d){_refs(f.claim)}"
                    for f in fu.facts
                    if lo <= f.days_after <= hi
                )
                or "—"
                for lo, hi in view.window_spans(imp.windows)
            ]
            for fu in imp.followups
        ]
        doc.table(["Meeting", *view.window_heads(imp.windows)], rows, (22, 39, 39))
    if imp.quiet:
        doc.para(
            f"Nothing in these areas is recorded within {max(imp.windows)} days of: "
            + "; ".join(imp.quiet)
            + ".",
            8.5,
            colour=MUTED,
        )
    m = imp.measured
    if m.available:
        _measured(doc, b)
    doc.heading("What the data cannot support", 2)
    doc.bullets(b.limits or ["No limits found."])
    if b.to_add:
        doc.para("To say more:", 9.5, "B")
        doc.bullets(b.to_add)


def _measured(doc: BriefingPDF, b: Briefing) -> None:
    m = b.impact.measured
    doc.heading("Measured change in the relationship", 2)
    for c in m.claims:
        doc.para(cited(c))
    doc.image(b, "index")
    doc.image(b, "impact")
    rows = [
        [
            f"{view.fmt_short(r.when)} {r.meeting}",
            f"{r.window} d",
            r.statistic,
            r.change,
            r.interval,
            r.n,
            r.placebo,
            r.verdict,
        ]
        for r in m.rows
    ]
    if rows:
        doc.table(
            [
                "Meeting",
                "Window",
                "Statistic",
                "Change",
                "95% interval",
                "Events b/a",
                "Placebo 5–95%",
                "Reading",
            ],
            rows,
            (20, 7, 14, 8, 13, 9, 15, 14),
            6.5,
        )
    if m.third_party_claims:
        doc.heading("Other countries", 2)
        for c in m.third_party_claims:
            doc.para(cited(c))


def _method(doc: BriefingPDF, b: Briefing) -> None:
    doc.heading(view.SECTIONS[8])
    for n in b.methods:
        doc.heading(n.title, 2)
        doc.para(n.text, 8.5)
    if b.source_counts:
        counts = ", ".join(f"{o} {n:,}" for o, n in b.source_counts.items())
        doc.para(f"Events in the store by origin (selected sources): {counts}.", 8.5)
    doc.heading("References", 2)
    for r in b.references:
        url = f" — {r.url}" if r.url else ""
        if r.url and safe_url(r.url) is None:
            url += " (not linked: not an http or https address)"
        loc = f" — cited: {'; '.join(r.locators)}" if r.locators else ""
        doc.para(f"{r.n}. ({r.origin}) {r.label}{url}{loc}", 7.5)
