"""Generate GDELT-shaped files (for tests and the benchmark; the values are random).

Rows follow the exact column layouts of :mod:`summitry.eventdata.columns` with realistic
field contents and lengths (a GDELT 2.0 export row is about 450 bytes).
"""

from __future__ import annotations

import io
import random
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

from summitry.codes import all_cameo_codes, cameo_info

COUNTRIES = [
    ("USA", "US", "UNITED STATES", 38.9, -77.0),
    ("RUS", "RS", "RUSSIA", 55.75, 37.6),
    ("CHN", "CH", "CHINA", 39.9, 116.4),
    ("UKR", "UP", "UKRAINE", 50.45, 30.5),
    ("FRA", "FR", "FRANCE", 48.85, 2.35),
    ("DEU", "GM", "GERMANY", 52.5, 13.4),
    ("GBR", "UK", "UNITED KINGDOM", 51.5, -0.12),
    ("IRN", "IR", "IRAN", 35.7, 51.4),
    ("ISR", "IS", "ISRAEL", 31.8, 35.2),
    ("TUR", "TU", "TURKEY", 39.9, 32.85),
    ("GEO", "GG", "GEORGIA", 41.7, 44.8),
    ("IND", "IN", "INDIA", 28.6, 77.2),
]
SECTORS = ["", "GOV", "MIL", "BUS", "MED", "CVL", "OPP", "COP", "JUD", "LEG"]


def _actor(rng: random.Random) -> list[str]:
    if rng.random() < 0.1:
        return [""] * 10
    iso, _, name, _, _ = rng.choice(COUNTRIES)
    sector = rng.choice(SECTORS)
    return [
        iso + sector,
        name if not sector else f"{name} {sector}",
        iso,
        "",
        "",
        "",
        "",
        sector,
        "",
        "",
    ]


def _geo(rng: random.Random, adm2: bool) -> list[str]:
    if rng.random() < 0.05:
        return ["0", "", "", ""] + ([""] if adm2 else []) + ["", "", ""]
    _, fips, name, lat, lon = rng.choice(COUNTRIES)
    out = [str(rng.choice([1, 3, 4])), f"Capital City, {name.title()}", fips, fips + "00"]
    if adm2:
        out.append(str(rng.randint(10000, 99999)))
    return out + [
        f"{lat + rng.uniform(-1, 1):.4f}",
        f"{lon + rng.uniform(-1, 1):.4f}",
        str(-rng.randint(1000000, 9999999)),
    ]


def gdelt_row(
    rng: random.Random,
    event_id: int,
    day: date,
    version: int = 2,
    code: str | None = None,
    with_url: bool = True,
) -> list[str]:
    codes = all_cameo_codes()
    code = code or rng.choice([c for c in codes if len(c) >= 3])
    info = cameo_info(code)
    a1, a2 = _actor(rng), _actor(rng)
    n = rng.randint(1, 40)
    row = [
        str(event_id),
        day.strftime("%Y%m%d"),
        day.strftime("%Y%m"),
        str(day.year),
        f"{day.year + (day.timetuple().tm_yday / 365):.4f}",
        *a1,
        *a2,
        str(rng.randint(0, 1)),
        code,
        code[:3],
        code[:2],
        str(info.quad_class),
        f"{info.goldstein}",
        str(n),
        str(rng.randint(1, n)),
        str(n),
        f"{rng.uniform(-10, 10):.14f}",
    ]
    adm2 = version == 2
    row += _geo(rng, adm2) + _geo(rng, adm2) + _geo(rng, adm2)
    if version == 2:
        row.append(
            datetime(
                day.year, day.month, day.day, rng.randint(0, 23), rng.choice([0, 15, 30, 45])
            ).strftime("%Y%m%d%H%M%S")
        )
    else:
        row.append(day.strftime("%Y%m%d"))
    if with_url:
        row.append(
            f"https://www.example-news-{rng.randint(1, 500)}.com/world/"
            f"{day:%Y/%m/%d}/story-{event_id}-{rng.getrandbits(40):x}.html"
        )
    return row


def write_gdelt(path: Path, rows: list[list[str]], zipped: bool | None = None) -> Path:
    """Write rows as a canonical GDELT file (tab-separated, no header), zipped if .zip."""
    text = "".join("\t".join(r) + "\n" for r in rows)
    zipped = path.suffix.lower() == ".zip" if zipped is None else zipped
    if zipped:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(path.stem, text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def gdelt2_day(
    folder: Path,
    day: date,
    rows_per_file: int,
    n_files: int = 96,
    seed: int = 1,
    zipped: bool = False,
) -> list[Path]:
    """One day of GDELT 2.0 export files (``YYYYMMDDHHMMSS.export.CSV[.zip]``)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    start = datetime(day.year, day.month, day.day)
    event_id = 800_000_000 + seed * 10_000_000
    for i in range(n_files):
        stamp = (start + timedelta(minutes=15 * i)).strftime("%Y%m%d%H%M%S")
        rows = []
        for _ in range(rows_per_file):
            event_id += 1
            rows.append(gdelt_row(rng, event_id, day - timedelta(days=rng.choice([0, 0, 0, 1]))))
        name = f"{stamp}.export.CSV" + (".zip" if zipped else "")
        out.append(write_gdelt(folder / name, rows))
    return out


def zip_bytes(name: str, text: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, text)
    return buf.getvalue()
