"""Charts for the briefing, drawn with matplotlib (Agg): inline SVG for HTML, PNG for PDF/MD."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta

ORIGIN_COLOURS = {"curated": "#6a3d9a", "extracted": "#1f78b4", "imported": "#33a02c"}


@dataclass
class Chart:
    title: str
    svg: str
    png: bytes
    alt: str


def _render(fig, title: str, alt: str) -> Chart:
    import matplotlib.pyplot as plt

    svg_buf, png_buf = io.StringIO(), io.BytesIO()
    fig.savefig(svg_buf, format="svg", bbox_inches="tight")
    fig.savefig(png_buf, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    svg = svg_buf.getvalue()
    svg = svg[svg.index("<svg") :]  # drop the XML prolog and DOCTYPE for inline use
    return Chart(title, svg, png_buf.getvalue(), alt)


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "svg.fonttype": "none",
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
    return plt


def index_chart(
    index_rows: list[dict],
    meetings: list[tuple[date, str, str]],
    treaties: list[tuple[date, str]],
    insufficient: str | None,
) -> Chart:
    """Relationship index (mean Goldstein and events per 1,000) with meetings and treaties."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(9, 3.4))
    if index_rows:
        xs = [r["period"] for r in index_rows]
        gs = [
            r["goldstein_mean"] if r["goldstein_mean"] is not None else float("nan")
            for r in index_rows
        ]
        ax.plot(xs, gs, color="#1f78b4", marker=".", lw=1.2, label="mean Goldstein score")
        ax.axhline(0, color="#999", lw=0.6)
        ax.set_ylabel("mean Goldstein (−10 … +10)")
        ax2 = ax.twinx()
        width = 0.8 * (xs[1] - xs[0]).days if len(xs) > 1 else 20
        ax2.bar(
            xs,
            [r["per_1000"] or 0 for r in index_rows],
            width=width,
            color="#a6cee3",
            alpha=0.5,
            label="dyad events per 1,000 events",
        )
        ax2.set_ylabel("events per 1,000")
        ax2.spines["top"].set_visible(False)
        ax.set_zorder(ax2.get_zorder() + 1)
        ax.patch.set_visible(False)
        lo, hi = min(xs), max(xs)
    else:
        import textwrap

        ax.set_yticks([])
        ax.text(
            0.5,
            0.5,
            textwrap.fill("No event data: " + (insufficient or ""), 70),
            transform=ax.transAxes,
            ha="center",
            va="center",
            color="#b15928",
            zorder=5,
            bbox={"facecolor": "white", "edgecolor": "#f0c090", "boxstyle": "round,pad=0.4"},
        )
        dates = [d for d, _, _ in meetings] or [d for d, _ in treaties]
        lo, hi = (min(dates), max(dates)) if dates else (date(2017, 1, 1), date(2026, 1, 1))
        lo, hi = lo - timedelta(days=120), hi + timedelta(days=120)
        ax.set_xlim(lo, hi)
    for d, _label, fmt in meetings:
        if lo <= d <= hi:
            ax.axvline(
                d,
                color="#e31a1c" if fmt != "call" else "#fb9a99",
                lw=1.4 if fmt != "call" else 0.6,
                alpha=0.8,
            )
    for d, _label in treaties:
        if lo <= d <= hi:
            ax.axvline(d, color="#ff7f00", lw=1.2, ls="--")
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], color="#e31a1c", lw=1.4, label="in-person meeting"),
        Line2D([], [], color="#fb9a99", lw=0.8, label="call"),
        Line2D([], [], color="#ff7f00", lw=1.2, ls="--", label="treaty action"),
    ]
    if index_rows:
        handles.insert(0, Line2D([], [], color="#1f78b4", marker=".", label="mean Goldstein"))
    ax.legend(handles=handles, loc="upper left", fontsize=7, frameon=False, ncol=4)
    ax.set_title("Relationship index with meetings and treaty actions")
    return _render(
        fig,
        "Relationship index",
        "Relationship index over time; vertical lines mark meetings, calls and treaty actions",
    )


def history_chart(rows: list[dict]) -> Chart:
    """Meetings per decade since 1945 by format, plus treaty actions."""
    plt = _plt()
    from collections import Counter

    meet = Counter(
        (r["date"].year // 5 * 5, r["format"])
        for r in rows
        if r["kind"] == "meeting" and r["status"] == "held"
    )
    treat = Counter(r["date"].year // 5 * 5 for r in rows if r["kind"] == "treaty")
    years = sorted({y for y, _ in meet} | set(treat)) or [2020]
    fig, ax = plt.subplots(figsize=(9, 2.8))
    bottom = [0] * len(years)
    for fmt, col in (
        ("summit", "#e31a1c"),
        ("sideline", "#fb9a99"),
        ("informal", "#fdbf6f"),
        ("call", "#cab2d6"),
    ):
        vals = [meet.get((y, fmt), 0) for y in years]
        ax.bar(years, vals, width=4, bottom=bottom, color=col, label=fmt)
        bottom = [b + v for b, v in zip(bottom, vals, strict=True)]
    ax.plot(years, [treat.get(y, 0) for y in years], "D", color="#ff7f00", label="treaty actions")
    ax.set_ylabel("per 5 years")
    ax.legend(fontsize=7, frameon=False, ncol=5, loc="upper left")
    ax.set_title("Leader meetings and treaty actions since 1945 (held meetings, by format)")
    return _render(fig, "History", "Meetings per five years by format, and treaty actions")


def topics_chart(cards: list, topic_names: dict[str, str]) -> Chart | None:
    """Meeting x topic matrix: one column per encounter (briefing card), a dot per topic,
    coloured by the source of the record that names it (offset when two sources do)."""
    cols = []
    for c in cards:
        marks = [(t, r.meeting.origin) for r in c.records for t in r.meeting.topics]
        if marks:
            cols.append((c.meeting, list(dict.fromkeys(marks))))
    if not cols:
        return None
    plt = _plt()
    topics = sorted({t for _, marks in cols for t, _ in marks})
    fig, ax = plt.subplots(figsize=(9, 0.35 * len(topics) + 1.6))
    seen_origins = set()
    for i, (_, marks) in enumerate(cols):
        origins = list(dict.fromkeys(o for _, o in marks))
        for t, o in marks:
            dx = 0.0 if len(origins) == 1 else (origins.index(o) - 0.5) * 0.3
            ax.scatter(
                i + dx,
                topics.index(t),
                s=60,
                color=ORIGIN_COLOURS.get(o, "#333"),
                label=o if o not in seen_origins else None,
            )
            seen_origins.add(o)
    ax.set_yticks(range(len(topics)), [topic_names.get(t, t) for t in topics])
    ax.set_xticks(
        range(len(cols)),
        [f"{m.start:%Y-%m-%d}" if m.start else m.meeting_id for m, _ in cols],
        rotation=60,
        ha="right",
        fontsize=7,
    )
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.set_title("Topics by meeting (colour: source of the topic)")
    return _render(fig, "Topics by meeting", "Which topics were discussed at which meeting")


def impact_chart(rows: list[dict], window: int) -> Chart | None:
    """Change in mean Goldstein after vs before each meeting, with 95% interval and the
    placebo 5-95% band."""
    from summitry.analysis.results import Estimate

    sel = [r for r in rows if r["statistic"] == "goldstein" and r["window_days"] == window]
    if not sel:
        return None
    plt = _plt()
    fig, ax = plt.subplots(figsize=(9, 0.32 * len(sel) + 1.4))
    for i, r in enumerate(sel):
        est = r["change"]
        if isinstance(est, Estimate):
            ax.errorbar(
                est.value,
                i,
                xerr=[[est.value - est.lo], [est.hi - est.value]],
                fmt="o",
                color="#1f78b4",
                capsize=3,
            )
            if r.get("placebo_p05") is not None:
                ax.plot(
                    [r["placebo_p05"], r["placebo_p95"]],
                    [i, i],
                    color="#bbb",
                    lw=6,
                    alpha=0.5,
                    zorder=0,
                    solid_capstyle="butt",
                )
        else:
            ax.text(
                0, i, "insufficient data", va="center", ha="center", fontsize=7, color="#b15928"
            )
    ax.axvline(0, color="#666", lw=0.8)
    ax.set_yticks(
        range(len(sel)),
        [
            f"{r['date']:%Y-%m-%d} "
            + (r["meeting"] if len(r["meeting"]) <= 40 else r["meeting"][:39] + "…")
            for r in sel
        ],
        fontsize=7,
    )
    ax.invert_yaxis()
    ax.set_xlabel(
        f"change in mean Goldstein, {window} days after minus before "
        "(dot: estimate, bar: 95% interval, grey: placebo 5–95%)"
    )
    ax.set_title(f"Impact of each meeting ({window}-day windows)")
    return _render(fig, "Impact", "Before/after change of each meeting with its interval")
