"""Actor KB benchmark: load time (cold process, warm) and resolutions per second.

Baseline (same run): reading the shipped CSV files with the csv module only, and a plain dict
look-up of the normalised query. Target: cold load < 0.5 s.
Usage: python bench/bench_actors.py [--queries N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from datetime import date

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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--queries", type=int, default=20000)
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


if __name__ == "__main__":
    main()
