"""Charts for the briefing, drawn with matplotlib (Agg): inline SVG for HTML, PNG for PDF/MD."""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from summitry.analysis.results import Estimate

ORIGIN_COLOURS = {"curated": "#6a3d9a", "extracted": "#1f78b4", "imported": "#33a02c"}


@dataclass
class Chart:
    title: str
    svg: str
    png: bytes
    alt: str


def render_figure(fig, title: str, alt: str) -> Chart:
    # matplotlib: 0.2 s to import, only when a chart is drawn
    import matplotlib.pyplot as plt

    svg_buf, png_buf = io.StringIO(), io.BytesIO()
    fig.savefig(svg_buf, format="svg", bbox_inches="tight")
    fig.savefig(png_buf, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    svg = svg_buf.getvalue()
    svg = svg[svg.index("<svg") :]  # drop the XML prolog and DOCTYPE for inline use
    return Chart(title, svg, png_buf.getvalue(), alt)


def pyplot():
    # matplotlib: 0.2 s to import, only when a chart is drawn
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # after use("Agg"): no display needed

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
) -> Chart:
    """Relationship index (mean Goldstein and events per 1,000) with meetings and treaties."""
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(9, 3.4))
    xs = [r["period"] for r in index_rows]
    gs = [
        r["goldstein_mean"] if r["goldstein_mean"] is not None else float("nan") for r in index_rows
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
        Line2D([], [], color="#1f78b4", marker=".", label="mean Goldstein"),
        Line2D([], [], color="#e31a1c", lw=1.4, label="in-person meeting"),
        Line2D([], [], color="#fb9a99", lw=0.8, label="call"),
        Line2D([], [], color="#ff7f00", lw=1.2, ls="--", label="treaty action"),
    ]
    ax.legend(handles=handles, loc="upper left", fontsize=7, frameon=False, ncol=4)
    _date_axis(ax)
    ax.set_title("Relationship index with meetings and treaty actions")
    return render_figure(
        fig,
        "Relationship index",
        "Relationship index over time; vertical lines mark meetings, calls and treaty actions",
    )


def _date_axis(ax) -> None:
    """Real dates on the x axis, with concise labels (years, or months within a year)."""
    # matplotlib: only when a chart is drawn
    import matplotlib.dates as mdates

    loc = mdates.AutoDateLocator(minticks=4, maxticks=12)
    ax.xaxis.set_major_locator(loc)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))


def history_chart(
    meetings: list[tuple[date, str]], treaties: list[date], note: str | None = None
) -> Chart:
    """Held meetings per five years by format (``(date, format)``), and treaty actions."""
    plt = pyplot()
    # matplotlib: only when a chart is drawn
    from matplotlib.ticker import MaxNLocator

    meet = Counter((d.year // 5 * 5, fmt) for d, fmt in meetings)
    treat = Counter(d.year // 5 * 5 for d in treaties)
    first = min([y for y, _ in meet] + list(treat) or [2020])
    last = max([y for y, _ in meet] + list(treat) or [2020])
    years = list(range(first, last + 5, 5))
    fig, ax = plt.subplots(figsize=(9, 2.8))
    bottom = [0] * len(years)
    for fmt, col in (
        ("summit", "#e31a1c"),
        ("sideline", "#fb9a99"),
        ("informal", "#fdbf6f"),
        ("call", "#cab2d6"),
    ):
        vals = [meet.get((y, fmt), 0) for y in years]
        if any(vals):
            ax.bar(years, vals, width=4, bottom=bottom, color=col, label=fmt, align="edge")
        bottom = [b + v for b, v in zip(bottom, vals, strict=True)]
    if treat:
        ax.plot(
            [y + 2 for y in years],
            [treat.get(y, 0) or float("nan") for y in years],
            "D",
            color="#ff7f00",
            label="treaty actions",
        )
    step = max(1, -(-len(years) // 9))
    ax.set_xticks(years[::step], [str(y) for y in years[::step]])
    ax.set_xlabel("five-year periods, by first year")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("per 5 years")
    ax.legend(fontsize=7, frameon=False, ncol=5, loc="upper left")
    ax.set_title("Leader meetings and treaty actions (held meetings, by format)")
    alt = "Meetings per five years by format, and treaty actions"
    return render_figure(fig, "History", alt + (f". {note}" if note else ""))


def topics_chart(cards: list, topic_names: dict[str, str]) -> Chart | None:
    """Meeting x topic matrix on a real time axis: a dot per topic raised at a meeting,
    coloured by the source of the record that names it."""
    marks = []
    for c in cards:
        for r in c.records:
            if c.meeting.start is None:
                continue
            marks += [(c.meeting.start, t, r.meeting.origin) for t in r.meeting.topics]
    if not marks:
        return None
    plt = pyplot()
    marks = list(dict.fromkeys(marks))
    topics = sorted({t for _, t, _ in marks}, key=lambda t: topic_names.get(t, t))
    fig, ax = plt.subplots(figsize=(9, 0.32 * len(topics) + 1.6))
    for origin in dict.fromkeys(o for _, _, o in marks):
        pts = [(d, topics.index(t)) for d, t, o in marks if o == origin]
        ax.scatter(
            [d for d, _ in pts],
            [y for _, y in pts],
            s=36,
            color=ORIGIN_COLOURS.get(origin, "#333"),
            label=origin,
            zorder=3,
        )
    ax.set_yticks(range(len(topics)), [topic_names.get(t, t) for t in topics])
    ax.set_ylim(-0.7, len(topics) - 0.3)
    ax.grid(alpha=0.3)
    _date_axis(ax)
    ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.set_title("Topics raised at each meeting (colour: source of the record)")
    return render_figure(
        fig, "Topics by meeting", "Which topics were raised at which meeting, by date"
    )


OUTCOME_COLOURS = {"agreement": "#1b9e77", "no_agreement": "#d95f02", "none": "#8c8c8c"}
OUTCOME_WORDS = {
    "agreement": "outcome recorded",
    "no_agreement": "no agreement recorded",
    "none": "nothing recorded",
}


def timeline_chart(entries: list) -> Chart | None:
    """Meetings (upper lane) and calls (lower lane) on a real time axis; colour: outcome;
    hollow: planned, postponed or cancelled."""
    dated = [e for e in entries if e.start]
    if not dated:
        return None
    plt = pyplot()

    # matplotlib: only when a chart is drawn
    from matplotlib.lines import Line2D

    fig, ax = plt.subplots(figsize=(9, 2.9))
    for e in dated:
        y = 1 if e.in_person else 0
        col = OUTCOME_COLOURS[e.outcome]
        held = e.status == "held"
        ax.scatter(
            [e.start],
            [y],
            s=90 if e.in_person else 38,
            marker="o" if e.in_person else "D",
            facecolors=col if held else "white",
            edgecolors=col,
            linewidths=1.4,
            zorder=3,
        )
    placed: list = []
    for e in (e for e in dated if e.in_person):
        level = sum(1 for d in placed if abs((e.start - d).days) < 200) % 3
        placed.append(e.start)
        ax.annotate(
            e.label,
            (e.start, 1),
            xytext=(0, 10 + 11 * level),
            textcoords="offset points",
            ha="center",
            fontsize=7,
            color="#333",
        )
    lo, hi = min(e.start for e in dated), max(e.end or e.start for e in dated)
    pad = timedelta(days=max(30, (hi - lo).days // 25))
    ax.set_xlim(lo - pad, hi + pad)
    ax.set_ylim(-0.6, 1.9)
    ax.set_yticks([0, 1], ["calls", "in person"])
    ax.spines["left"].set_visible(False)
    ax.grid(axis="x", alpha=0.3)
    _date_axis(ax)
    handles = [
        Line2D([], [], ls="", marker="o", color=c, label=OUTCOME_WORDS[k])
        for k, c in OUTCOME_COLOURS.items()
    ]
    handles.append(
        Line2D(
            [],
            [],
            ls="",
            marker="o",
            markerfacecolor="white",
            color="#555",
            label="planned / cancelled",
        )
    )
    ax.legend(
        handles=handles,
        fontsize=7,
        frameon=False,
        ncol=4,
        loc="lower center",
        bbox_to_anchor=(0.5, -0.42),
    )
    ax.set_title("Timeline of meetings and calls (colour: outcome)")
    n_in = sum(1 for e in dated if e.in_person)
    return render_figure(
        fig,
        "Timeline",
        f"Time-scaled timeline of {n_in} in-person meetings and {len(dated) - n_in} calls, "
        "coloured by whether an outcome is recorded",
    )


def impact_chart(rows: list[dict], window: int) -> Chart | None:
    """Change in mean Goldstein after vs before each meeting, with 95% interval and the
    placebo 5-95% band."""
    sel = [r for r in rows if r["statistic"] == "goldstein" and r["window_days"] == window]
    if not sel:
        return None
    plt = pyplot()
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
    return render_figure(fig, "Impact", "Before/after change of each meeting with its interval")
