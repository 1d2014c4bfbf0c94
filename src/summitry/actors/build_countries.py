"""Generate ``data/actors/countries.csv`` from pycountry plus curated names (reproducible).

    python -m summitry.actors.build_countries [--out PATH]

Rows: every current ISO 3166-1 country, the USSR (SUN, ISO 3166-3) and Kosovo (XKX, the
user-assigned code; CAMEO KSV). CAMEO country codes equal the ISO alpha-3 code except where
listed in ``CAMEO_EXCEPTIONS``. Curated short names and aliases carry their own source URL.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import tempfile
from importlib.metadata import version
from pathlib import Path

import pycountry

ISO_URL = "https://www.iso.org/iso-3166-country-codes.html"
ISO3_URL = "https://en.wikipedia.org/wiki/ISO_3166-3"
STATES_URL = "https://en.wikipedia.org/wiki/List_of_sovereign_states"
CAMEO_URL = "https://parusanalytics.com/eventdata/cameo.dir/CAMEO.Manual.1.1b3.pdf"
COLUMNS = ["actor_id", "name", "kind", "iso3", "cameo_code", "aliases", "source_url", "note"]

# Phoenix/CAMEO codes that differ from ISO alpha-3 (facts; see the CAMEO manual, country list).
CAMEO_EXCEPTIONS = {"XKX": "KSV"}

# iso3 -> (short English name, extra aliases); source: the list of sovereign states.
CURATED: dict[str, tuple[str, tuple[str, ...]]] = {
    "USA": (
        "United States",
        (
            "United States of America",
            "US",
            "USA",
            "America",
            "the United States",
            "the US",
            "the USA",
            "the States",
        ),
    ),
    "RUS": ("Russia", ("Russian Federation", "the Russian Federation")),
    "SUN": ("Soviet Union", ("USSR", "the Soviet Union", "Union of Soviet Socialist Republics")),
    "GBR": (
        "United Kingdom",
        (
            "UK",
            "the UK",
            "Britain",
            "Great Britain",
            "the United Kingdom",
            "United Kingdom of Great Britain and Northern Ireland",
        ),
    ),
    "CHN": ("China", ("People's Republic of China", "PRC", "mainland China")),
    "TWN": ("Taiwan", ("Republic of China", "Chinese Taipei")),
    "KOR": ("South Korea", ("Republic of Korea", "ROK", "Korea, Republic of")),
    "PRK": ("North Korea", ("Democratic People's Republic of Korea", "DPRK")),
    "IRN": ("Iran", ("Islamic Republic of Iran", "Persia")),
    "SYR": ("Syria", ("Syrian Arab Republic",)),
    "VNM": ("Vietnam", ("Viet Nam",)),
    "LAO": ("Laos", ("Lao People's Democratic Republic",)),
    "BOL": ("Bolivia", ()),
    "VEN": ("Venezuela", ()),
    "TZA": ("Tanzania", ()),
    "MDA": ("Moldova", ()),
    "CZE": ("Czech Republic", ("Czechia",)),
    "TUR": ("Turkey", ("Türkiye", "Turkiye", "Republic of Turkey")),
    "PSE": ("Palestine", ("State of Palestine", "Palestinian territories")),
    "VAT": ("Vatican City", ("Holy See", "the Vatican")),
    "FSM": ("Micronesia", ()),
    "CIV": ("Ivory Coast", ("Côte d'Ivoire", "Cote d'Ivoire")),
    "COD": ("Democratic Republic of the Congo", ("DR Congo", "DRC", "Congo-Kinshasa")),
    "COG": ("Republic of the Congo", ("Congo-Brazzaville",)),
    "MKD": ("North Macedonia", ("Macedonia",)),
    "BRN": ("Brunei", ()),
    "CPV": ("Cape Verde", ("Cabo Verde",)),
    "SWZ": ("Eswatini", ("Swaziland",)),
    "MMR": ("Myanmar", ("Burma",)),
    "NLD": ("Netherlands", ("the Netherlands", "Holland")),
    "ARE": ("United Arab Emirates", ("UAE", "the UAE")),
    "SAU": ("Saudi Arabia", ("Kingdom of Saudi Arabia", "KSA")),
    "DEU": ("Germany", ("Federal Republic of Germany",)),
    "XKX": ("Kosovo", ("Republic of Kosovo",)),
    "UKR": ("Ukraine", ("the Ukraine",)),
    "BLR": ("Belarus", ("Byelorussia", "Belorussia")),
}


def _version() -> str:
    return version("pycountry")


def build_rows() -> list[dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for c in pycountry.countries:
        official = getattr(c, "official_name", None)
        common = getattr(c, "common_name", None)
        rows[c.alpha_3] = {
            "actor_id": c.alpha_3,
            "name": common or c.name,
            "kind": "country",
            "iso3": c.alpha_3,
            "cameo_code": CAMEO_EXCEPTIONS.get(c.alpha_3, c.alpha_3),
            "aliases": ";".join(
                dict.fromkeys(x for x in (c.name, official) if x and x != (common or c.name))
            ),
            "source_url": ISO_URL,
            "note": f"pycountry {_version()}; alpha_2={c.alpha_2}",
        }
    sun = pycountry.historic_countries.get(alpha_3="SUN")
    rows["SUN"] = {
        "actor_id": "SUN",
        "name": "Soviet Union",
        "kind": "country",
        "iso3": "SUN",
        "cameo_code": "SUN",
        "aliases": "",
        "source_url": ISO3_URL,
        "note": f"ISO 3166-3 historic; withdrawn {sun.withdrawal_date}"
        if sun
        else "ISO 3166-3 historic",
    }
    rows["XKX"] = {
        "actor_id": "XKX",
        "name": "Kosovo",
        "kind": "country",
        "iso3": "XKX",
        "cameo_code": "KSV",
        "aliases": "",
        "source_url": STATES_URL,
        "note": "user-assigned code XKX; CAMEO KSV",
    }
    for iso3, (name, aliases) in CURATED.items():
        row = rows[iso3]
        old = [row["name"], *[a for a in row["aliases"].split(";") if a]]
        row["name"] = name
        row["aliases"] = ";".join(dict.fromkeys(a for a in (*old, *aliases) if a and a != name))
        if row["source_url"] == ISO_URL:
            row["source_url"] = STATES_URL
    return [rows[k] for k in sorted(rows)]


def render(rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".countries-", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parent.parent / "data" / "actors" / "countries.csv"
    ap.add_argument("--out", type=Path, default=default)
    args = ap.parse_args(argv)
    rows = build_rows()
    write_atomic(args.out, render(rows))
    print(f"wrote {len(rows)} countries to {args.out}")


if __name__ == "__main__":
    main()
