"""``summitry ingest`` (filled in by the ingest stage)."""

from __future__ import annotations

import typer


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    return None
