"""The ``summitry`` command. Each stage registers its commands from its own module."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from summitry.cli.common import (
    STATE,
    Stopped,
    apply_terminal_width,
    at_least,
    describe_error,
    err_console,
    fail,
    stop_on_signals,
)

app = typer.Typer(
    name="summitry",
    help="Evidence-based analysis of meetings between national leaders.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
import_app = typer.Typer(
    help="Import tables and open event data into the store.", no_args_is_help=True
)
app.add_typer(import_app, name="import")

# Modules that define a ``register(app, import_app)`` function; one line per stage.
COMMAND_MODULES = [
    "summitry.cli.store_cmds",
    "summitry.cli.ingest_cmd",
    "summitry.cli.code_cmd",
    "summitry.cli.events_cmd",
    "summitry.cli.eventdata_cmd",
    "summitry.cli.meetings_cmd",
    "summitry.cli.knowledge_cmd",
    "summitry.cli.brief_cmd",
    "summitry.cli.actors_cmd",
    "summitry.cli.petrarch_cmd",
    "summitry.cli.coder_cmd",
    "summitry.cli.serve_cmd",
]


@app.callback()
def _root(
    db: Annotated[
        Path | None,
        typer.Option("--db", help="Store file (env SUMMITRY_DB; default ./summitry.duckdb)."),
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="TOML settings file (env SUMMITRY_CONFIG).")
    ] = None,
    wait: Annotated[
        float | None,
        typer.Option(
            "--wait",
            help="Seconds to wait while another command holds the store (env "
            "SUMMITRY_LOCK_WAIT; default 5).",
        ),
    ] = None,
    debug: Annotated[
        bool,
        typer.Option("--debug", help="Show the full traceback of an unexpected error."),
    ] = False,
) -> None:
    """Evidence-based analysis of meetings between national leaders."""
    from summitry.config import ConfigError, load_settings

    apply_terminal_width()
    STATE.debug = debug or bool(os.environ.get("SUMMITRY_DEBUG"))
    STATE.command = " ".join(["summitry", *sys.argv[1:]])[:300]
    at_least(wait, "--wait")

    try:
        STATE.settings = load_settings(config, db=db, lock_wait=wait)
    except ConfigError as exc:
        fail(str(exc))


for _name in COMMAND_MODULES:
    importlib.import_module(_name).register(app, import_app)


def main() -> None:
    """Run the command; an unexpected error is one line (``--debug`` for the traceback), and
    so is Ctrl-C (exit 130) or SIGTERM (exit 143): the work committed so far stays."""
    stop_on_signals()
    try:
        app()
    except (Stopped, KeyboardInterrupt) as exc:
        _stopped(exc)
    except Exception as exc:  # noqa: BLE001 - no traceback reaches a user
        if STATE.debug:
            raise
        from rich.markup import escape

        err_console.print(
            f"[bold red]error:[/] {escape(describe_error(exc))} (--debug shows the traceback)",
            highlight=False,
            soft_wrap=True,
        )
        sys.exit(1)


def _stopped(exc: BaseException) -> None:
    """The one line for a command stopped by a signal, and the shell's exit code for it."""
    import signal

    signum = exc.signum if isinstance(exc, Stopped) else signal.SIGINT
    what = "interrupted (Ctrl-C)" if signum == signal.SIGINT else "terminated (SIGTERM)"
    err_console.print(
        f"[yellow]{what}[/]: the work done so far is stored; run the same command again to finish",
        highlight=False,
        soft_wrap=True,
    )
    sys.exit(128 + signum)
