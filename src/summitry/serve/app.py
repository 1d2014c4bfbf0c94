"""The ``summitry serve`` application: the JSON API, its docs and the dashboard, in one
FastAPI app over a read-only store.

Security: every response carries a strict Content-Security-Policy (scripts and styles only
from this server, no inline code, no frames); requests must name a loopback host unless the
server was started for remote use, and then every request needs the token (bearer header,
or the cookie that ``/login?token=...`` sets for a browser)."""

from __future__ import annotations

import hmac
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated

import fastapi_offline
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from summitry.events import FilterError
from summitry.meetings import MeetingQueryError
from summitry.serve import api, pages
from summitry.serve.access import StoreAccess, StoreUnavailable
from summitry.serve.cache import LRU
from summitry.serve.data import BadParameter

log = logging.getLogger("summitry.serve")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
TOKEN_COOKIE = "summitry_token"


def create_app(
    db: str | Path,
    *,
    token: str | None = None,
    remote: bool = False,
    idle_seconds: float = 2.0,
    memory_limit: str | None = None,
    cache_items: int = 256,
) -> FastAPI:
    """The app over the store ``db``. ``remote``: accept any Host header (the CLI allows it
    only with a token); ``token``: required on every request when set; ``cache_items``:
    how many JSON responses to keep per store generation (0: none)."""
    app = FastAPI(
        title="summitry",
        summary="Read-only API over a summitry store: meetings, events, actors, documents, "
        "relationship index, impact and briefings.",
        version="1",
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.access = StoreAccess(db, idle_seconds=idle_seconds, memory_limit=memory_limit)
    app.state.token = token
    app.state.responses = LRU(max_items=cache_items)
    app.include_router(api.router)
    app.include_router(pages.router)
    static = resources.files("summitry.serve").joinpath("static")
    vendor = Path(fastapi_offline.__file__).parent / "static"
    app.mount("/static/vendor", StaticFiles(directory=str(vendor)), name="vendor")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    _add_errors(app)
    _add_security(app, token, remote)
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    app.state.access.close()


def _add_security(app: FastAPI, token: str | None, remote: bool) -> None:
    @app.middleware("http")
    async def headers_and_token(request: Request, call_next) -> Response:
        if token is not None and not _authorised(request, token):
            if request.url.path == "/login":
                return await call_next(request)
            resp: Response = JSONResponse(
                {"detail": "this server needs its token: Authorization: Bearer $SUMMITRY_TOKEN"},
                status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )
        elif (hit := api.cached_body(request)) is not None:
            resp = Response(hit, media_type="application/json")
        else:
            resp = await call_next(request)
        resp.headers.setdefault("Content-Security-Policy", CSP)
        for k, v in SECURITY_HEADERS.items():
            resp.headers.setdefault(k, v)
        return resp

    @app.get("/login", include_in_schema=False)
    def login(given: Annotated[str, Query(alias="token")] = "") -> Response:
        if token is None or not hmac.compare_digest(given.encode(), token.encode()):
            return JSONResponse({"detail": "wrong or missing token"}, status_code=401)
        resp = RedirectResponse("/", status_code=303)
        resp.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        return resp

    if not remote:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=LOOPBACK_HOSTS)


def _authorised(request: Request, token: str) -> bool:
    header = request.headers.get("authorization", "")
    given = header[7:] if header.lower().startswith("bearer ") else ""
    given = given or request.cookies.get(TOKEN_COOKIE, "")
    return bool(given) and hmac.compare_digest(given.encode(), token.encode())


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and request.url.path != "/openapi.json"


def _unprocessable(name: str, message: str) -> JSONResponse:
    return JSONResponse(
        {"detail": [{"loc": ["query", name], "msg": message, "type": "value_error"}]},
        status_code=422,
    )


def _add_errors(app: FastAPI) -> None:
    @app.exception_handler(StoreUnavailable)
    async def unavailable(request: Request, exc: StoreUnavailable) -> Response:
        if _wants_html(request):
            return pages.error_page(request, 503, str(exc))
        return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "2"})

    @app.exception_handler(BadParameter)
    async def bad_parameter(request: Request, exc: BadParameter) -> Response:
        if _wants_html(request):
            return pages.error_page(request, 422, f"{exc.name}: {exc}")
        return _unprocessable(exc.name, str(exc))

    @app.exception_handler(FilterError)
    async def bad_filter(request: Request, exc: FilterError) -> Response:
        if _wants_html(request):
            return pages.error_page(request, 422, str(exc))
        return _unprocessable(exc.field, str(exc))

    @app.exception_handler(MeetingQueryError)
    async def bad_meeting_query(request: Request, exc: MeetingQueryError) -> Response:
        name = str(exc).split()[0].lstrip("-") if str(exc).startswith("--") else "between"
        if _wants_html(request):
            return pages.error_page(request, 422, str(exc))
        return _unprocessable(name, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        if _wants_html(request):
            text = "; ".join(f"{e['loc'][-1]}: {e['msg']}" for e in errors if e["loc"])
            return pages.error_page(request, 422, text)
        return JSONResponse({"detail": errors}, status_code=422)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if _wants_html(request):
            return pages.error_page(request, exc.status_code, str(exc.detail))
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.exception("error serving %s", request.url.path)
        message = f"internal error ({type(exc).__name__}); the server log has the details"
        if _wants_html(request):
            return pages.error_page(request, 500, message)
        return JSONResponse({"detail": message}, status_code=500)
