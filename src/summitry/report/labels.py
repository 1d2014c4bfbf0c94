"""The words the briefing uses for codes (formats, stances, areas, source types) and its
method text, read from ``summitry/data/report``; topic labels from the topic taxonomy."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from summitry.topics.terms import load_taxonomy


def _data(name: str) -> Any:
    f = resources.files("summitry.data").joinpath("report").joinpath(name)
    return yaml.safe_load(f.read_text(encoding="utf-8"))


@cache
def labels() -> dict[str, Any]:
    return _data("labels.yaml")


@cache
def method_notes() -> list[dict[str, str]]:
    return _data("method.yaml")


def topic_label(topic: str | None) -> str:
    return load_taxonomy().labels.get(topic or "", (topic or "other").replace("_", " "))


def format_word(fmt: str, n: int = 1) -> str:
    words = labels()["formats"].get(fmt)
    if words is None:
        return fmt.replace("_", " ")
    return words["one"] if n == 1 else words["many"]


def stance_word(stance: str | None) -> str:
    return labels()["stances"].get(stance or "", (stance or "").replace("_", " "))


def stance_group(stance: str | None) -> str | None:
    return labels()["stance_groups"].get(stance or "")


def area_labels() -> dict[str, str]:
    return dict(labels()["areas"])


def implemented_word(status: str | None) -> str | None:
    """yes / no / partly for a follow-up status word, None when it says neither."""
    key = (status or "").strip().lower().replace(" ", "_").replace("-", "_")
    for verdict, words in labels()["implemented"].items():
        if key in words:
            return verdict
    return None
