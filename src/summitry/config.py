"""Settings: command-line flags override environment variables, which override a TOML file.

The TOML file is ``--config PATH``, else ``$SUMMITRY_CONFIG``, else ``./summitry.toml`` if it
exists. Its keys are the field names below, at top level or under ``[summitry]``.
Environment variables are ``SUMMITRY_`` + the upper-case field name (``SUMMITRY_DB``).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Settings:
    db: Path = Path("summitry.duckdb")
    workers: int = 2
    gdelt_base_url: str = "http://data.gdeltproject.org/gdeltv2/"
    gdelt1_base_url: str = "http://data.gdeltproject.org/events/"
    memory_limit: str = "1GB"  # DuckDB memory_limit for the store (DuckDB's own: 80% of RAM)
    lock_wait: float = 5.0  # seconds a command waits for another process's lock on the store


class ConfigError(ValueError):
    """A configuration file or value is invalid."""


def _coerce(name: str, value: Any) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}[name]
    try:
        if kind in ("Path", Path):
            return Path(value)
        if kind in ("int", int):
            return int(value)
        if kind in ("float", float):
            return float(value)
        return str(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r}: expected {kind}, got {value!r}") from exc


def load_settings(config: Path | None = None, **flags: Any) -> Settings:
    """Resolve settings from flags (non-None values), environment, then the TOML file."""
    known = {f.name for f in fields(Settings)}
    values: dict[str, Any] = {}
    path = config or (
        Path(os.environ["SUMMITRY_CONFIG"]) if "SUMMITRY_CONFIG" in os.environ else None
    )
    if path is None and Path("summitry.toml").is_file():
        path = Path("summitry.toml")
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError(f"{path}: configuration file not found") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
        data = data.get("summitry", data)
        for key, value in data.items():
            if key not in known:
                raise ConfigError(
                    f"{path}: unknown setting {key!r}; known: {', '.join(sorted(known))}"
                )
            values[key] = _coerce(key, value)
    for name in known:
        env = os.environ.get(f"SUMMITRY_{name.upper()}")
        if env:
            values[name] = _coerce(name, env)
    for name, value in flags.items():
        if value is not None:
            if name not in known:
                raise ConfigError(f"unknown setting {name!r}")
            values[name] = _coerce(name, value)
    return Settings(**values)
