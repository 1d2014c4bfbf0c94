"""Score extracted episodes against a reference list of known meetings (evaluation only).

    python -m summitry.meetings.evaluate --db STORE --reference trump_putin_meetings.csv \
        --between "Donald Trump" "Vladimir Putin"

The reference is restricted to the period the store's documents cover (publication dates;
``--from``/``--to`` override it), and only confirmed rows count. A found held episode
matches a reference row when their date ranges overlap (one day of tolerance). Prints
precision, recall and, per match, whether dates, place, format and the reference's topics
agree. The extraction never reads this file.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from summitry.geo import lookup_place

_FORMATS = [
    ("phone", "call"),
    ("call", "call"),
    ("video", "call"),
    ("informal", "informal"),
    ("brief", "informal"),
    ("sidelines", "sideline"),
    ("standalone", "summit"),
    ("summit", "summit"),
]


@dataclass
class RefMeeting:
    start: date
    end: date
    city: str
    country_iso3: str | None
    format: str
    topics: list[str]
    line: int


def read_reference(path: Path) -> list[RefMeeting]:
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        for n, raw in enumerate(reader, start=2):
            if len(raw) > len(header):  # an unquoted comma in the source column: merge it
                k = header.index("source") if "source" in header else len(header) - 1
                extra = len(raw) - len(header)
                raw = raw[:k] + [",".join(raw[k : k + extra + 1])] + raw[k + extra + 1 :]
            row = dict(zip(header, raw, strict=False))
            if row.get("confirmed", "yes").strip().lower() != "yes":
                continue
            try:
                start = date.fromisoformat(row["start_date"])
                end = date.fromisoformat(row["end_date"] or row["start_date"])
            except (KeyError, ValueError) as exc:
                raise ValueError(
                    f"{path}:{n}: start_date/end_date: expected ISO dates ({exc})"
                ) from exc
            text = f"{row.get('format', '')} {row.get('occasion', '')}".lower()
            fmt = next((f for word, f in _FORMATS if word in text), "summit")
            country = lookup_place(row["country"]) if row.get("country") else None
            m = re.search(r"topics?:\s*([^\"]+)", row.get("notes", ""))
            topics = [t.strip() for t in re.split(r",| and ", m.group(1))] if m else []
            out.append(
                RefMeeting(
                    start,
                    end,
                    row.get("city", ""),
                    country.iso3 if country else None,
                    fmt,
                    topics,
                    n,
                )
            )
    return out


def evaluate(
    store, reference: Path, between: tuple[str, str], period: tuple[date, date] | None = None
) -> dict:
    from summitry.meetings import list_meetings

    if period is None:
        lo, hi = store.con.execute(
            "SELECT min(published), max(published) FROM documents"
        ).fetchone()
        period = (lo, hi)
    if period[0] is None or period[1] is None:
        raise ValueError("the store has no dated documents: give --from and --to")
    refs = [r for r in read_reference(reference) if r.end >= period[0] and r.start <= period[1]]
    found = [
        m
        for m in list_meetings(
            store,
            between=between,
            sources=["extracted", "imported"],
            date_from=period[0],
            date_to=period[1],
        )
        if m["status"] == "held"
    ]
    matches = []
    used: set[int] = set()
    for m in found:
        s, e = date.fromisoformat(m["start_date"]), date.fromisoformat(m["end_date"])
        for i, r in enumerate(refs):
            if i in used or s > r.end + timedelta(days=1) or e < r.start - timedelta(days=1):
                continue
            used.add(i)
            topics = {t.lower() for t in m["topics"]}
            matches.append(
                {
                    "meeting": m["id"],
                    "reference_line": r.line,
                    "dates": f"{m['start_date']}..{m['end_date']} vs {r.start}..{r.end}",
                    "dates_ok": r.start <= s and e <= r.end,
                    "place_ok": (m["country"] == r.country_iso3)
                    and (
                        not r.city
                        or (m["city"] or "").lower().replace(" ", "")
                        == r.city.lower().replace(" ", "")
                    ),
                    "format_ok": m["format"] == r.format,
                    "topics_ok": all(t.lower() in topics for t in r.topics),
                }
            )
            break
    n_found, n_ref = len(found), len(refs)
    return {
        "period": [str(period[0]), str(period[1])],
        "found": n_found,
        "reference": n_ref,
        "matched": len(matches),
        "precision": len(matches) / n_found if n_found else (1.0 if not n_ref else 0.0),
        "recall": len(matches) / n_ref if n_ref else 1.0,
        "matches": matches,
        "unmatched_found": [
            m["id"] for m in found if m["id"] not in {x["meeting"] for x in matches}
        ],
        "missed_reference_lines": [r.line for i, r in enumerate(refs) if i not in used],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, type=Path)
    ap.add_argument("--reference", required=True, type=Path)
    ap.add_argument("--between", nargs=2, default=["Donald Trump", "Vladimir Putin"])
    ap.add_argument(
        "--from",
        dest="date_from",
        type=date.fromisoformat,
        default=None,
        help="window start (default: the earliest publication date in the store)",
    )
    ap.add_argument(
        "--to",
        dest="date_to",
        type=date.fromisoformat,
        default=None,
        help="window end (default: the latest publication date in the store)",
    )
    args = ap.parse_args(argv)
    from summitry.store import open_store

    if not args.reference.is_file():
        print(f"error: {args.reference}: reference file not found", file=sys.stderr)
        return 1
    store = open_store(args.db, read_only=True)
    try:
        period = None
        if args.date_from or args.date_to:
            lo, hi = store.con.execute(
                "SELECT min(published), max(published) FROM documents"
            ).fetchone()
            period = (args.date_from or lo, args.date_to or hi)
        res = evaluate(store, args.reference, tuple(args.between), period)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    print(
        f"period {res['period'][0]} .. {res['period'][1]}: {res['found']} found, "
        f"{res['reference']} in reference, {res['matched']} matched"
    )
    print(f"precision {res['precision']:.3f}  recall {res['recall']:.3f}")
    for m in res["matches"]:
        flags = " ".join(
            f"{k[:-3]}={'ok' if m[k] else 'WRONG'}"
            for k in ("dates_ok", "place_ok", "format_ok", "topics_ok")
        )
        print(f"  {m['meeting']} ~ reference line {m['reference_line']} ({m['dates']}): {flags}")
    for mid in res["unmatched_found"]:
        print(f"  false positive: {mid}")
    for line in res["missed_reference_lines"]:
        print(f"  missed: reference line {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
