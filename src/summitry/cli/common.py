"""Shared CLI state and helpers: the console, settings, opening the store, failing cleanly."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn

import typer
from rich.console import Console

from summitry.config import Settings

console = Console()
err_console = Console(stderr=True)


@dataclass
class _State:
    settings: Settings | None = None


STATE = _State()


def apply_terminal_width() -> None:
    """Honour ``COLUMNS`` as set when the command runs (not only when Python started)."""
    import os

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        console.width = err_console.width = int(columns)


def settings() -> Settings:
    if STATE.settings is None:
        from summitry.config import load_settings

        STATE.settings = load_settings()
    return STATE.settings


def open_cli_store(read_only: bool = False):
    """Open the configured store, turning store errors into a clean exit."""
    from summitry.store import StoreError, open_store

    try:
        return open_store(settings().db, read_only=read_only, memory_limit=settings().memory_limit)
    except StoreError as exc:
        fail(str(exc))


def fail(message: str, code: int = 1) -> NoReturn:
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)
