"""docs/architecture.md keeps the picture true (as Datasette checks its docs): every table
of ``store/sql/*.sql``, every package under ``src/summitry``, every command module and every
entry function it names exist, and its table of calls between stages is the import graph."""

from __future__ import annotations

import contextlib
import importlib
import re

import pytest
from test_imports import EAGER, ROOT, package_of

DOC_PATH = ROOT.parents[1] / "docs" / "architecture.md"
DOC = DOC_PATH.read_text(encoding="utf-8")
SHARED = {"summitry.config", "summitry.faults", "summitry.limits", "summitry.store"}


def sql_tables() -> set[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "store" / "sql").glob("*.sql"))
    return set(re.findall(r"CREATE TABLE(?: IF NOT EXISTS)?\s+\"?(\w+)", text, re.I))


def packages() -> set[str]:
    return {f"summitry.{p.parent.name}" for p in ROOT.glob("*/__init__.py")}


def command_modules() -> set[str]:
    return {p.name for p in (ROOT / "cli").glob("*_cmd*.py")}


def _section(title: str) -> str:
    start = DOC.index(f"## {title}\n")
    end = DOC.find("\n## ", start + 3)
    return DOC[start : end if end != -1 else None]


def test_every_table_is_in_the_doc():
    tables = sql_tables()
    assert {"documents", "events", "meetings", "pending_steps"} <= tables  # the reader works
    stages = _section("Stages and where they live")
    assert sorted(t for t in tables if f"`{t}`" not in DOC) == []
    missing = sorted(t for t in tables - {"meta"} if f"`{t}`" not in stages)
    assert missing == [], "tables no stage reads or writes in the stage table"


def test_every_package_and_command_module_is_in_the_stage_table():
    stages = _section("Stages and where they live")
    assert sorted(p for p in packages() if f"`{p}`" not in stages) == []
    assert sorted(m for m in command_modules() if f"`{m}`" not in stages) == []


def test_every_readme_link_exists():
    links = re.findall(r"\]\((\.\./[^)#]+)", DOC)
    assert links
    assert [x for x in links if not (DOC_PATH.parent / x).exists()] == []


def _resolve(dotted: str) -> object:
    """The object a dotted name gives from Python (``summitry.meetings.build`` is the
    function the package exports, not its module)."""
    parts = dotted.split(".")
    obj = importlib.import_module(parts[0])
    for k, part in enumerate(parts[1:], 2):
        with contextlib.suppress(ImportError):  # an attribute, not a module
            importlib.import_module(".".join(parts[:k]))
        obj = getattr(obj, part)
    return obj


ENTRIES = sorted(
    {
        name
        for row in _section("Stages and where they live").splitlines()
        if row.startswith("| ") and row.count("|") == 8
        for name in re.findall(r"`(summitry\.[\w.]+)`", row.split("|")[5])
    }
)


def test_entry_functions_are_listed():
    assert len(ENTRIES) >= 20 and "summitry.coding.code" in ENTRIES


@pytest.mark.parametrize("name", ENTRIES)
def test_entry_function_exists(name):
    assert callable(_resolve(name)), name


def _documented_calls() -> dict[str, set[str]]:
    out = {}
    for row in _section("Calls between stages").splitlines():
        cells = [c.strip() for c in row.strip("|").split("|")]
        if len(cells) == 2 and cells[0].startswith("`summitry."):
            targets = re.findall(r"`(summitry\.\w+)`", cells[1])
            out[cells[0].strip("`")] = set(targets)
    return out


def actual_calls() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for i in EAGER:
        a, b = package_of(i.module), package_of(i.target)
        if a in packages() and a != "summitry.cli" and a != b and b not in SHARED:
            out.setdefault(a, set()).add(b)
    return out


def test_the_calls_table_is_the_import_graph():
    documented = _documented_calls()
    actual = actual_calls()
    stage_packages = packages() - SHARED - {"summitry.cli"}
    assert set(documented) == stage_packages
    assert {p: documented[p] for p in documented if documented[p] != actual.get(p, set())} == {}


def test_the_doc_states_where_the_store_is_not_the_only_channel():
    assert "The store is the only channel between stages" not in DOC
    assert "not the only one" in DOC
