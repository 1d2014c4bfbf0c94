"""Actor KB benchmark: load time (cold process, warm), resolutions per second, and the bulk
load of the open Phoenix actor dictionaries (../shared/petrarch2, read in place).

Baselines (same run): reading the shipped CSV files with the csv module only; a plain dict
look-up of the normalised query; for the Phoenix rows, the KB's own cold load and parsing the
dictionaries without mapping them. Targets: cold load < 0.5 s; Phoenix bulk load < 5 s.
Usage: python bench/bench_actors.py [--queries N] [--no-phoenix]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

COLD = (
    "import time; t=time.perf_counter(); from summitry.actors import ActorKB; "
    "ActorKB.load(); print(time.perf_counter()-t)"
)
BASE = (
    "import time,csv; from importlib import resources; t=time.perf_counter(); "
    "d=resources.files('summitry')/'data'/'actors'; "
    "[list(csv.DictReader(open(str(d/f), encoding='utf-8'))) for f in "
    "('countries.csv','organisations.csv','people.csv','roles.csv','country_terms.csv')]; "
    "print(time.perf_counter()-t)"
)
PETR = Path(__file__).resolve().parents[2] / "shared" / "petrarch2"  # ../shared from the repo
PHOENIX = [str(PETR / f"Phoenix.{n}.actors.txt") for n in ("Countries", "International")]
COLD_PHOENIX = (
    "import time; t=time.perf_counter(); from summitry.actors import ActorKB; "
    f"kb=ActorKB.load({PHOENIX!r}, strict=False); print(time.perf_counter()-t)"
)
QUERIES = [
    ("the U.S. president", date(2018, 7, 16)),
    ("Putin", date(2018, 7, 16)),
    ("Russia's foreign minister", date(2019, 1, 1)),
    ("the Kremlin", date(2018, 7, 16)),
    ("Bush", date(2003, 1, 1)),
    ("Vladimir Puttin", None),
    ("John Smith", None),
    ("Moscow", None),
]


def _run(code: str) -> float:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def _phoenix_rows(n: int, kb_cold: float, kb_res: float) -> list[str]:
    from summitry.actors import ActorKB, load_petrarch_actors
    from summitry.petrarch.dictionaries import ActorDictionary, read_actors

    t = time.perf_counter()
    d = ActorDictionary()
    for f in PHOENIX:
        read_actors(f, d, strict=False)
    parse = time.perf_counter() - t
    base = ActorKB.load()
    n_base = len(base)
    t = time.perf_counter()
    kb, rep = load_petrarch_actors(PHOENIX, base, strict=False)
    bulk = time.perf_counter() - t
    cold = min(_run(COLD_PHOENIX) for _ in range(2))
    t = time.perf_counter()
    for i in range(n):
        text, on = QUERIES[i % len(QUERIES)]
        kb.resolve(text, on=on)
    res = n / (time.perf_counter() - t)
    return [
        f"{'Phoenix: parse only, s':<34}{parse:>18.3f}{'-':>14}   (read_actors, no mapping)",
        f"{'Phoenix: bulk load into KB, s':<34}{bulk:>18.3f}{kb_cold:>14.3f}"
        "   (load_petrarch_actors; baseline: KB cold load)",
        f"{'Phoenix: cold KB + both files, s':<34}{cold:>18.3f}{kb_cold:>14.3f}"
        "   (ActorKB.load(extra_paths=...), new process)",
        f"{'Phoenix KB resolutions / s':<34}{res:>18.0f}{kb_res:>14.0f}   (baseline: shipped KB)",
        f"Phoenix: {rep.entries} entries -> {rep.country_aliases} country aliases, "
        f"{rep.people} people, {rep.organisations} organisations, {rep.skipped} skipped, "
        f"{len(rep.problems)} malformed lines; KB {n_base} -> {len(kb)} actors; "
        f"target bulk<5s: {'OK' if bulk < 5 else 'MISSED'}",
    ]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--queries", type=int, default=20000)
    ap.add_argument("--no-phoenix", action="store_true", help="skip the Phoenix rows")
    args = ap.parse_args()
    from summitry.actors import ActorKB, normalise

    cold = min(_run(COLD) for _ in range(3))
    base = min(_run(BASE) for _ in range(3))
    t = time.perf_counter()
    kb = ActorKB.load()
    warm = time.perf_counter() - t
    n = args.queries
    t = time.perf_counter()
    for i in range(n):
        text, on = QUERIES[i % len(QUERIES)]
        kb.resolve(text, on=on)
    res = n / (time.perf_counter() - t)
    table = {normalise(q): 1 for q, _ in QUERIES}
    t = time.perf_counter()
    for i in range(n):
        table.get(normalise(QUERIES[i % len(QUERIES)][0]))
    base_res = n / (time.perf_counter() - t)
    print(f"{'measure':<34}{'summitry.actors':>18}{'baseline':>14}")
    print(
        f"{'cold load (import+load), s':<34}{cold:>18.3f}{base:>14.3f}   (baseline: csv read only)"
    )
    print(f"{'warm load, s':<34}{warm:>18.4f}{'-':>14}")
    print(f"{'resolutions / s':<34}{res:>18.0f}{base_res:>14.0f}   (baseline: dict look-up)")
    print(
        f"actors={len(kb)} roles={sum(1 for _ in kb.all_roles())} target cold<0.5s: "
        f"{'OK' if cold < 0.5 else 'MISSED'}"
    )
    if args.no_phoenix:
        return
    if not all(Path(f).is_file() for f in PHOENIX):
        print(f"Phoenix rows skipped: {PETR} not found")
        return
    for line in _phoenix_rows(n, cold, res):
        print(line)


if __name__ == "__main__":
    main()
