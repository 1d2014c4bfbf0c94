"""``summitry serve``: the HTTP API and the dashboard over the store (read-only)."""

from __future__ import annotations

import ipaddress
import os
from typing import Annotated

import typer

from summitry.cli.common import at_least, console, fail, settings


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.command("serve")(serve)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8765,
    allow_remote: Annotated[
        bool,
        typer.Option(
            "--allow-remote",
            help="Allow an address other than loopback; requires SUMMITRY_TOKEN, sent by "
            "clients as 'Authorization: Bearer <token>'.",
        ),
    ] = False,
    idle: Annotated[
        float,
        typer.Option("--idle", help="Seconds without requests before the store is let go."),
    ] = 2.0,
    cache: Annotated[
        int,
        typer.Option("--cache", help="JSON responses kept per store state (0: no cache)."),
    ] = 256,
) -> None:
    """Serve the JSON API (docs at /docs) and the dashboard; the store is only read."""
    import uvicorn  # the server, only for this command

    from summitry.serve import create_app

    token = os.environ.get("SUMMITRY_TOKEN") or None
    remote = not is_loopback(host)
    if remote and not allow_remote:
        fail(f"--host {host} is not a loopback address: add --allow-remote (and SUMMITRY_TOKEN)")
    if remote and token is None:
        fail("--allow-remote needs a token: set SUMMITRY_TOKEN (clients send it as a bearer)")
    if token is not None and len(token) < 16:
        fail("SUMMITRY_TOKEN is too short: use at least 16 characters")
    if not 0 < port < 65536:
        fail(f"--port {port}: expected 1-65535")
    db = settings().db
    at_least(cache, "--cache")
    at_least(idle, "--idle")
    app = create_app(
        db,
        token=token,
        remote=remote,
        idle_seconds=idle,
        memory_limit=settings().memory_limit,
        cache_items=cache,
    )
    shown = f"[{host}]" if ":" in host else host
    console.print(
        f"summitry serve: store {db} (read-only) on http://{shown}:{port}/ — API docs at /docs"
        + ("; token required" if token else ""),
        highlight=False,
        soft_wrap=True,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
