"""Score extracted episodes against gold lists of encounters (evaluation only).

    python -m summitry.meetings.evaluate [--gold NAME ...] [--part dev|heldout|all]
                                         [--work DIR] [--rebuild] [--show]
    python -m summitry.meetings.evaluate --db STORE --reference trump_putin_meetings.csv

The first form builds, for each gold of ``tests/meetings/data/golds.yaml``, a store from the
part's documents of its corpus (ingest, code, meetings build; kept in ``--work`` and
reused), then scores every held episode against the gold, for all leaders, with
``--ministers`` for the ministers' set, and for Trump–Putin alone: precision, recall (all
rows and news only), duplicate episodes, wrong format / status / date / place. The held-out
third of each gold's documents (:func:`summitry.meetings.gold.part_of`) is scored only
with ``--part heldout``.

The second form scores a store against a reference CSV of known meetings, restricted to
the period of the store's documents: a found held episode matches a reference row when
their date ranges overlap (one day of tolerance). The extraction never reads either file.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

from summitry import coding
from summitry.geo import lookup_place
from summitry.ingest import ingest_paths
from summitry.meetings import build
from summitry.meetings.gold import Found, GoldRow, Scores, part_of, read_gold, rows_of_part, score
from summitry.meetings.query import list_meetings
from summitry.store import Store, open_store

REPO = Path(__file__).resolve().parents[3]
GOLD_DIR = REPO / "tests" / "meetings" / "data"
SHARED = REPO.parent / "shared"
TRUMP_PUTIN = ("Donald Trump", "Vladimir Putin")

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


# --- the reference CSV (known meetings of one pair) -------------------------------------
@dataclass
class RefMeeting:
    start: date
    end: date
    city: str
    country_iso3: str | None
    format: str
    topics: list[str]
    line: int


def _ref_row(row: dict, path: Path, n: int) -> RefMeeting:
    try:
        start = date.fromisoformat(row["start_date"])
        end = date.fromisoformat(row["end_date"] or row["start_date"])
    except (KeyError, ValueError) as exc:
        raise ValueError(f"{path}:{n}: start_date/end_date: expected ISO dates ({exc})") from exc
    text = f"{row.get('format', '')} {row.get('occasion', '')}".lower()
    fmt = next((f for word, f in _FORMATS if word in text), "summit")
    country = lookup_place(row["country"]) if row.get("country") else None
    m = re.search(r"topics?:\s*([^\"]+)", row.get("notes", ""))
    topics = [t.strip() for t in re.split(r",| and ", m.group(1))] if m else []
    return RefMeeting(
        start, end, row.get("city", ""), country.iso3 if country else None, fmt, topics, n
    )


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
            if row.get("confirmed", "yes").strip().lower() == "yes":
                out.append(_ref_row(row, path, n))
    return out


def _match_reference(m: dict, r: RefMeeting) -> dict:
    s, e = date.fromisoformat(m["start_date"]), date.fromisoformat(m["end_date"])
    topics = {t.lower() for t in m["topics"]}
    city = (m["city"] or "").lower().replace(" ", "")
    return {
        "meeting": m["id"],
        "reference_line": r.line,
        "dates": f"{m['start_date']}..{m['end_date']} vs {r.start}..{r.end}",
        "dates_ok": r.start <= s and e <= r.end,
        "place_ok": (m["country"] == r.country_iso3)
        and (not r.city or city == r.city.lower().replace(" ", "")),
        "format_ok": m["format"] == r.format,
        "topics_ok": all(t.lower() in topics for t in r.topics),
    }


def evaluate(
    store, reference: Path, between: tuple[str, str], period: tuple[date, date] | None = None
) -> dict:
    """Score the held episodes of ``between`` against a reference CSV."""
    if period is None:
        period = store.con.execute(
            "SELECT min(published), max(published) FROM documents"
        ).fetchone()
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
    matches, used = [], set()
    for m in found:
        s, e = date.fromisoformat(m["start_date"]), date.fromisoformat(m["end_date"])
        for i, r in enumerate(refs):
            if i in used or s > r.end + timedelta(days=1) or e < r.start - timedelta(days=1):
                continue
            used.add(i)
            matches.append(_match_reference(m, r))
            break
    n_found, n_ref = len(found), len(refs)
    matched_ids = {x["meeting"] for x in matches}
    return {
        "period": [str(period[0]), str(period[1])],
        "found": n_found,
        "reference": n_ref,
        "matched": len(matches),
        "precision": len(matches) / n_found if n_found else (1.0 if not n_ref else 0.0),
        "recall": len(matches) / n_ref if n_ref else 1.0,
        "matches": matches,
        "unmatched_found": [m["id"] for m in found if m["id"] not in matched_ids],
        "missed_reference_lines": [r.line for i, r in enumerate(refs) if i not in used],
    }


# --- gold stores ---------------------------------------------------------------------------
@dataclass
class GoldSpec:
    name: str
    gold: list[Path]
    corpus: Path
    title: str | None = None
    reference: Path | None = None

    def rows(self) -> list[GoldRow]:
        return [row for path in self.gold for row in read_gold(path)]


def load_specs(gold_dir: Path = GOLD_DIR, shared: Path = SHARED) -> list[GoldSpec]:
    data = yaml.safe_load((gold_dir / "golds.yaml").read_text(encoding="utf-8"))
    return [
        GoldSpec(
            name,
            [gold_dir / g for g in ([v["gold"]] if isinstance(v["gold"], str) else v["gold"])],
            shared / "corpora" / v["corpus"],
            v.get("title"),
            shared / "reference" / v["reference"] if v.get("reference") else None,
        )
        for name, v in data.items()
    ]


def _records(spec: GoldSpec, part: str):
    opener = gzip.open if spec.corpus.suffix == ".gz" else open
    with opener(spec.corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if spec.title and spec.title not in rec.get("title", "").lower():
                continue
            if part == "all" or part_of(rec["id"]) == part:
                yield rec


def build_store(spec: GoldSpec, part: str, work: Path, rebuild: bool = False) -> Path:
    """Ingest and code the part's documents of the gold's corpus into ``work`` (reused)."""
    work.mkdir(parents=True, exist_ok=True)
    path = work / f"{spec.name}-{part}.duckdb"
    if rebuild and path.exists():
        path.unlink()
    subset = work / f"{spec.name}-{part}.jsonl"
    records = _records(spec, part) if not subset.exists() or rebuild else None
    return code_records(records, subset, path, build_meetings=False)  # score_store builds


def code_records(
    records: Iterable[dict] | None, corpus: Path, path: Path, build_meetings: bool = True
) -> Path:
    """Write ``records`` (JSON objects; None: keep ``corpus`` as it is) to the JSONL file
    ``corpus`` and put them through the real ingest, coder and (``build_meetings``) meetings
    build into the store ``path``; the evaluator, the phrasing battery and the meetings
    tests share it."""
    if records is not None:
        with corpus.open("w", encoding="utf-8") as out:
            for rec in records:
                out.write(json.dumps(rec) + "\n")
    store = Store(path)
    try:
        ingest_paths(store, [corpus], workers=0)
        coding.code(store)
        if build_meetings:
            build(store)
    finally:
        store.close()
    return path


def found_episodes(
    store, between: tuple[str, str] | None = None, ministers: bool = False
) -> list[Found]:
    out = []
    for m in list_meetings(
        store, between=between, sources=["extracted", "imported"], ministers=ministers
    ):
        parts = list(zip(m["participant_ids"], m["participants"], strict=True))
        roles = m["roles"]
        iso = m.get("participant_iso3") or {}
        out.append(
            Found(
                m["id"],
                [(aid, name, roles.get(name), iso.get(aid)) for aid, name in parts],
                date.fromisoformat(m["start_date"]),
                date.fromisoformat(m["end_date"] or m["start_date"]),
                m["format"],
                m["status"],
                m["city"],
                m["country"],
            )
        )
    return out


def _is_trump_putin(g: GoldRow) -> bool:
    return all(any(n.split()[-1] in p for p in g.participants) for n in TRUMP_PUTIN)


def score_store(path: Path, spec: GoldSpec, part: str) -> list[tuple[str, Scores]]:
    """(scope, scores) for all leaders, ministers and Trump–Putin on one built store."""
    rows = spec.rows()
    part_rows = rows_of_part(rows, part)
    out = []
    store = Store(path)
    try:
        build(store)
        leaders = [r for r in rows if r.set == "leaders"]
        part_leaders = [r for r in part_rows if r.set == "leaders"]
        # an episode is right when it is any encounter of the gold (a leaders' episode may
        # be part of a ministers' one); recall counts the leaders' rows
        out.append(("leaders", score(rows, part_leaders, found_episodes(store))))
        tp = [r for r in leaders if _is_trump_putin(r)]
        tp_part = [r for r in part_leaders if _is_trump_putin(r)]
        out.append(("Trump-Putin", score(tp, tp_part, found_episodes(store, TRUMP_PUTIN))))
        out.append(("+ministers", score(rows, part_rows, found_episodes(store, ministers=True))))
    finally:
        store.close()
    return out


def _table(results: list[tuple[str, str, str, Scores]]) -> str:
    head = (
        f"{'gold':<13}{'part':<8}{'scope':<12}{'found':>6}{'gold':>6}{'P':>7}{'R':>7}"
        f"{'R news':>8}{'dup':>5}{'fmt':>5}{'stat':>5}{'date':>5}{'place':>6}{'neutral':>8}"
    )
    lines = [head, "-" * len(head)]
    for name, part, scope, s in results:
        lines.append(
            f"{name:<13}{part:<8}{scope:<12}{s.found:>6}{s.gold:>6}{s.precision:>7.3f}"
            f"{s.recall:>7.3f}{s.recall_news:>8.3f}{s.duplicates:>5}{s.wrong_format:>5}"
            f"{s.wrong_status:>5}{s.wrong_date:>5}{s.wrong_place:>6}{s.neutral:>8}"
        )
    return "\n".join(lines)


def _print_reference(path: Path, spec: GoldSpec) -> None:
    store = Store(path, read_only=True)
    try:
        res = evaluate(store, spec.reference, TRUMP_PUTIN)
    finally:
        store.close()
    print(
        f"{spec.name}: reference {spec.reference.name}: {res['found']} found, "
        f"{res['reference']} known, {res['matched']} matched, precision "
        f"{res['precision']:.3f} recall {res['recall']:.3f}"
    )
    for m in res["matches"]:
        flags = " ".join(
            f"{k[:-3]}={'ok' if m[k] else 'WRONG'}"
            for k in ("dates_ok", "place_ok", "format_ok", "topics_ok")
        )
        print(f"  {m['meeting']} ~ line {m['reference_line']} ({m['dates']}): {flags}")


def run_golds(args) -> int:
    specs = [
        s for s in load_specs(args.gold_dir, args.shared) if not args.gold or s.name in args.gold
    ]
    results = []
    for spec in specs:
        for part in args.part:
            path = build_store(spec, part, args.work, args.rebuild)
            for scope, s in score_store(path, spec, part):
                results.append((spec.name, part, scope, s))
                if args.show and scope != "Trump-Putin":
                    print(f"# {spec.name} {part} {scope}: false positives {s.false_positives}")
                    print(f"#   missed {s.missed}")
                    for p in s.problems:
                        print(f"#   {p}")
            if spec.reference is not None and part == "all":
                _print_reference(path, spec)
    print(_table(results))
    return 0


def run_reference(args) -> int:
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="score this store against --reference")
    ap.add_argument("--reference", type=Path)
    ap.add_argument("--between", nargs=2, default=list(TRUMP_PUTIN))
    ap.add_argument("--from", dest="date_from", type=date.fromisoformat, default=None)
    ap.add_argument("--to", dest="date_to", type=date.fromisoformat, default=None)
    ap.add_argument("--gold", action="append", help="a gold of golds.yaml (default: all)")
    ap.add_argument("--part", nargs="+", default=["dev"], choices=["dev", "heldout", "all"])
    ap.add_argument("--work", type=Path, default=Path(".summitry-eval"))
    ap.add_argument("--gold-dir", type=Path, default=GOLD_DIR)
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--rebuild", action="store_true", help="ingest and code again")
    ap.add_argument("--show", action="store_true", help="list misses and false positives")
    args = ap.parse_args(argv)
    if args.db is not None:
        if args.reference is None:
            ap.error("--db needs --reference")
        return run_reference(args)
    return run_golds(args)


if __name__ == "__main__":
    sys.exit(main())
