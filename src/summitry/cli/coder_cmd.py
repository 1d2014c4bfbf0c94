"""``summitry coder train``: train the event-type model from open data (fixed seeds)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summitry.cli.common import at_least, console, fail

coder_app = typer.Typer(help="The coder's trained event classifier.", no_args_is_help=True)


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.add_typer(coder_app, name="coder")


@coder_app.command("train")
def train_command(
    shared: Annotated[
        Path | None,
        typer.Option("--shared", help="Folder of the open data (default: ../shared)."),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Artifact to write (default: the packaged model)."),
    ] = None,
    sample: Annotated[
        int | None,
        typer.Option("--sample", help="Train on a fixed, seeded sample of N examples."),
    ] = None,
) -> None:
    """Train the event-type model and write its artifact (same data -> same model)."""
    from summitry.classify.gold import shared_dir
    from summitry.classify.model import default_path
    from summitry.classify.train import train_from_shared
    from summitry.coding import Coder  # heavy: spaCy

    at_least(sample, "--sample", 1)
    folder = shared or shared_dir()
    if not (folder / "plover-synthetic").is_dir():
        fail(f"{folder}: not the shared data folder (no plover-synthetic/); give --shared")
    target = out or default_path()
    result = train_from_shared(Coder(model=None), folder, sample=sample)
    result.model.save(target)
    for origin, n in result.counts.items():
        console.print(f"  {origin:<16} {n:>6}")
    console.print(
        f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB): {len(result.model.vocab)} "
        f"features, {len(result.model.classes)} classes, training accuracy "
        f"{result.train_accuracy:.3f}"
    )
