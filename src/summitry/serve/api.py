"""The JSON API under ``/api`` (read-only; OpenAPI schema at ``/openapi.json``, docs at
``/docs``). Field names follow the CLI's JSON output."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse, Response
from starlette.background import BackgroundTask

from summitry import events
from summitry.analysis import MeetingDates, meeting_impact, relationship_index
from summitry.events import EventFilter, Order
from summitry.meetings import get_meeting, list_meetings
from summitry.serve import data
from summitry.serve.briefing import briefing
from summitry.store import Store

MAX_EVENTS_PAGE = 1000
MAX_MEETINGS_PAGE = 500
MAX_DOCUMENTS_PAGE = 200

router = APIRouter(prefix="/api")


def store_view(request: Request) -> Iterator[Store]:
    """The store for one request (read-only, its own cursor)."""
    with request.app.state.access.view() as store:
        yield store


StoreDep = Annotated[Store, Depends(store_view)]


def cache_key(request: Request, generation: str) -> tuple:
    return (generation, request.url.path, tuple(sorted(request.query_params.multi_items())))


def cached_body(request: Request) -> bytes | None:
    """The cached response to this request while the store is open (so unchanged), else
    None: answered without a thread, a cursor or validation."""
    generation = request.app.state.access.open_generation()
    if generation is None or request.method != "GET" or not request.url.path.startswith("/api/"):
        return None
    return request.app.state.responses.get(cache_key(request, generation))


def cached_json(request: Request, compute: Callable[[], Any]) -> Response:
    """``compute()`` as JSON, from the app's response cache when this request (path and
    query) was answered before on the same store generation."""
    cache = request.app.state.responses
    key = cache_key(request, request.app.state.access.generation)
    body = cache.get(key)
    if body is None:
        value = data.jsonable(compute())
        body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        cache.put(key, body)
    return Response(body, media_type="application/json")


Sources = Annotated[
    list[str] | None, Query(description="extracted, imported or curated (repeat or comma list)")
]


@router.get("/health", summary="Store state and table counts")
def health(store: StoreDep) -> dict[str, Any]:
    return {"state": "ok", **data.store_summary(store)}


# --- meetings -----------------------------------------------------------------------------
@router.get("/meetings", summary="Meetings, filtered (as `summitry meetings --format json`)")
def meetings(
    request: Request,
    store: StoreDep,
    between: Annotated[
        list[str] | None,
        Query(description="Participants that must all be present: names, person ids, ISO3"),
    ] = None,
    date_from: Annotated[date | None, Query(alias="from")] = None,
    date_to: Annotated[date | None, Query(alias="to")] = None,
    source: Sources = None,
    status: Annotated[list[str] | None, Query()] = None,
    format: Annotated[
        list[str] | None, Query(description="summit, sideline, informal, call")
    ] = None,
    topic: Annotated[str | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_MEETINGS_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    def compute() -> dict[str, Any]:
        rows = list_meetings(
            store,
            between=between,
            date_from=date_from,
            date_to=date_to,
            sources=list(events.parse_list(source)) or None,
            status=list(events.parse_list(status)) or None,
        )
        formats = set(events.parse_list(format))
        rows = [
            m
            for m in rows
            if (not formats or m["format"] in formats) and (topic is None or topic in m["topics"])
        ]
        page = rows[offset : offset + limit]
        return {"total": len(rows), "offset": offset, "limit": limit, "meetings": page}

    return cached_json(request, compute)


@router.get("/meetings/{meeting_id}", summary="One meeting with all its evidence")
def meeting(request: Request, store: StoreDep, meeting_id: str) -> Response:
    def compute() -> dict[str, Any]:
        m = get_meeting(store, meeting_id)
        if m is None:
            raise HTTPException(404, f"no meeting {meeting_id!r} in the store")
        return m

    return cached_json(request, compute)


# --- events -------------------------------------------------------------------------------
def event_filter(
    actor: Annotated[str | None, Query(description="Actor id or ISO3, either side")] = None,
    dyad: Annotated[
        list[str] | None, Query(description="Two actors, either direction (repeat twice)")
    ] = None,
    type: Annotated[
        list[str] | None, Query(description="CAMEO prefixes (04, 042) or PLOVER types")
    ] = None,
    topic: Annotated[str | None, Query()] = None,
    date_from: Annotated[date | None, Query(alias="from")] = None,
    date_to: Annotated[date | None, Query(alias="to")] = None,
    source: Sources = None,
    dataset: Annotated[list[str] | None, Query(description="gdelt1, gdelt2, icews, ...")] = None,
    modality: Annotated[str | None, Query()] = None,
    min_score: Annotated[
        float | None, Query(description="The classifier's score of the type, at least (0-1)")
    ] = None,
    type_origin: Annotated[list[str] | None, Query(description="rule, model, both")] = None,
    doc_id: Annotated[str | None, Query(description="Events of this document")] = None,
) -> EventFilter:
    """The filters of ``summitry events``."""
    sides = events.parse_list(dyad)
    if dyad is not None and len(sides) != 2:
        raise data.BadParameter("dyad", "expected two actors: dyad=USA&dyad=RUS")
    return EventFilter(
        actor=actor,
        dyad=(sides[0], sides[1]) if sides else None,
        types=events.parse_list(type),
        topic=topic,
        date_from=date_from,
        date_to=date_to,
        origins=events.parse_list(source),
        datasets=events.parse_list(dataset),
        modality=modality,
        min_score=min_score,
        type_origins=events.parse_list(type_origin),
        documents=(doc_id,) if doc_id else (),
    )


Filter = Annotated[EventFilter, Depends(event_filter)]
GdeltColumns = Annotated[bool, Query(description="GDELT 2.0 column names")]


@router.get("/events", summary="Events, one page (as `summitry events --format json`)")
def list_events(
    request: Request,
    store: StoreDep,
    f: Filter,
    gdelt_columns: GdeltColumns = False,
    sort: Annotated[str, Query(description=", ".join(events.SORTABLE))] = "event_date",
    desc: bool = False,
    limit: Annotated[int, Query(ge=1, le=MAX_EVENTS_PAGE)] = 100,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
) -> Response:
    order = Order(sort, desc)

    def compute() -> dict[str, Any]:
        page = events.page(
            store.con, f, gdelt=gdelt_columns, order=order, limit=limit, after=cursor
        )
        return {"columns": page.columns, "events": page.rows, "next_cursor": page.next_cursor}

    return cached_json(request, compute)


DOWNLOADS = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet"}


@router.get("/events.{fmt}", summary="The whole selection as a CSV or Parquet file")
def download_events(
    store: StoreDep, f: Filter, fmt: str, gdelt_columns: GdeltColumns = False
) -> Response:
    if fmt not in DOWNLOADS:
        raise HTTPException(404, f"no download format {fmt!r}: csv or parquet")
    fd, tmp = tempfile.mkstemp(prefix="summitry-events-", suffix=f".{fmt}")
    os.close(fd)
    path = Path(tmp)
    try:
        events.write(store, f, path, fmt, gdelt=gdelt_columns)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return FileResponse(
        path,
        media_type=DOWNLOADS[fmt],
        filename=f"events.{fmt}",
        background=BackgroundTask(path.unlink, missing_ok=True),
    )


# --- actors and documents -----------------------------------------------------------------
@router.get("/actors", summary="Resolve a name or title on a date (`summitry actors who`)")
def actors(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description='"the Russian leader"')],
    on: Annotated[date | None, Query(description="The date the text refers to")] = None,
) -> Response:
    return cached_json(request, lambda: {"matches": data.resolve_actor(q, on)})


@router.get("/documents", summary="Documents, newest first")
def documents(
    request: Request,
    store: StoreDep,
    q: Annotated[str | None, Query(max_length=200, description="Title contains")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_DOCUMENTS_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    return cached_json(request, lambda: {"documents": data.list_documents(store, q, limit, offset)})


@router.get("/documents/{doc_id}", summary="A document's text with its mention and event spans")
def document(request: Request, store: StoreDep, doc_id: str) -> Response:
    def compute() -> dict[str, Any]:
        doc = data.document(store, doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id!r} in the store")
        return doc

    return cached_json(request, compute)


# --- a pair: meetings, index, impact, briefing --------------------------------------------
PairA = Annotated[str, Query(description='A leader ("Donald Trump", person id) or ISO3')]
PairB = Annotated[str, Query(description="The other leader or ISO3")]


@router.get("/pair/meetings", summary="The meetings of a pair of leaders or countries")
def pair_meetings(
    request: Request, store: StoreDep, a: PairA, b: PairB, source: Sources = None
) -> Response:
    dyad = data.pair(a, b)

    def compute() -> dict[str, Any]:
        rows = data.pair_meetings(store, dyad, events.parse_list(source))
        return {"title": dyad.title, "leaders": dyad.is_leaders, "meetings": rows}

    return cached_json(request, compute)


@router.get("/pair/index", summary="The relationship index of a pair")
def pair_index(
    request: Request,
    store: StoreDep,
    a: PairA,
    b: PairB,
    freq: Annotated[str, Query(pattern="^(day|week|month)$")] = "month",
    source: Sources = None,
) -> Response:
    dyad = data.pair(a, b)

    def compute() -> dict[str, Any]:
        r = relationship_index(store, dyad, freq, list(events.parse_list(source)) or None)
        return {"rows": r.rows, "method": r.method, "insufficient": r.insufficient, "meta": r.meta}

    return cached_json(request, compute)


@router.get("/pair/impact", summary="Before/after impact of each held meeting of a pair")
def pair_impact(
    request: Request, store: StoreDep, a: PairA, b: PairB, source: Sources = None
) -> Response:
    dyad = data.pair(a, b)
    return cached_json(request, lambda: _impact(store, dyad, list(events.parse_list(source))))


def _impact(store, dyad, sources: list[str]) -> dict[str, Any]:
    """Before/after impact of every held, dated meeting of the pair."""
    held = [m for m in data.pair_meetings(store, dyad) if m["status"] == "held" and m["start_date"]]
    dates = [
        MeetingDates(
            m["id"],
            m["title"] or m["id"],
            date.fromisoformat(m["start_date"]),
            date.fromisoformat(m["end_date"]) if m["end_date"] else None,
        )
        for m in held
    ]
    r = meeting_impact(store, dyad, dates, sources=sources or None)
    return {"rows": r.rows, "method": r.method, "insufficient": r.insufficient}


BRIEFING_TYPES = {
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "pdf": "application/pdf",
}


@router.get("/pair/briefing", summary="The briefing for a pair (HTML, Markdown or PDF)")
def pair_briefing(
    request: Request,
    store: StoreDep,
    a: PairA,
    b: PairB,
    format: Annotated[str, Query(pattern="^(html|md|pdf)$")] = "html",
    source: Sources = None,
) -> Response:
    dyad = data.pair(a, b)
    sources = events.parse_list(source)
    body = briefing(request.app.state.access.generation, store, dyad, sources, format)
    headers = {"Content-Security-Policy": BRIEFING_CSP}
    return Response(body, media_type=BRIEFING_TYPES[format], headers=headers)


# The briefing is self-contained: inline styles and SVG, and no script at all.
BRIEFING_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
)
