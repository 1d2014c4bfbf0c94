"""Cut a document's text into segments for display: the evidence span highlighted, actor
mentions marked. Segments are plain text; the template escapes them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    highlight: bool = False
    mention: str | None = None  # "actor_id (rule)" or "unresolved (rule)"
    first_highlight: bool = False


def segments(text: str, highlight: tuple[int, int] | None, mentions: list[dict]) -> list[Segment]:
    """``text`` split at the highlight's and the mentions' boundaries (overlapping mentions
    after the first are left unmarked)."""
    n = len(text)
    hs, he = highlight if highlight else (n + 1, n + 1)
    hs, he = max(0, min(hs, n)), max(0, min(he, n))
    marks: list[tuple[int, int, str]] = []
    end = -1
    for m in sorted(mentions, key=lambda m: (m["start_char"], m["end_char"])):
        s, e = int(m["start_char"]), int(m["end_char"])
        if s < end or not 0 <= s < e <= n:
            continue
        label = f"{m.get('actor_id') or 'unresolved'} ({m.get('rule')})"
        marks.append((s, e, label))
        end = e
    cuts = sorted({0, n, hs, he, *(s for s, _, _ in marks), *(e for _, e, _ in marks)})
    cuts = [c for c in cuts if 0 <= c <= n]
    out: list[Segment] = []
    seen_highlight = False
    for s, e in zip(cuts, cuts[1:], strict=False):
        if s == e:
            continue
        label = next((lab for ms, me, lab in marks if ms <= s and e <= me), None)
        hl = hs <= s and e <= he and hs < he
        out.append(Segment(text[s:e], hl, label, hl and not seen_highlight))
        seen_highlight = seen_highlight or hl
    return out
