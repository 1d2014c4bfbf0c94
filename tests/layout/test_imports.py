"""The import rules of the house, read from the source with ``ast``:

- no import cycles, neither between stage packages nor between modules;
- no ``try: import summitry...`` (a sibling package is never optional);
- an import inside a function only in ``summitry.cli`` and the package root (the command line
  and its Python twin, which import a stage when it is used), or of a heavy or optional
  third-party library (``HEAVY``), with a one-line reason comment on the line, the line above
  or the first line of its block of imports; a summitry module imported inside a function
  elsewhere must name in that comment the heavy library it defers (``summitry.coding`` loads
  its coder, and so spaCy, on first use).
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
ROOT = SRC / "summitry"
LAZY_OK = ("summitry", "summitry.cli")  # the root facade and the command line
# heavy (import time >= ~50 ms, or a model) or optional libraries that may load on first use
HEAVY = {
    "dask",
    "datasketch",
    "dateparser",
    "feedparser",
    "fpdf",
    "matplotlib",
    "py3langid",
    "rich",  # rich.progress: 50 ms
    "scipy",
    "sentence_transformers",
    "sklearn",
    "spacy",
    "torch",
    "trafilatura",
}


@dataclass(frozen=True)
class Imp:
    module: str  # the importing module
    target: str  # the summitry module imported, or the top-level third-party name
    line: int
    in_function: bool
    in_try: bool
    type_checking: bool
    reason: str  # the comment on the line, the line above or atop its block of imports


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def _targets(node: ast.Import | ast.ImportFrom, module: str) -> list[str]:
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    base = node.module or ""
    if node.level:
        pkg = module.split(".")
        if MODULES[module].name != "__init__.py":
            pkg = pkg[:-1]
        pkg = pkg[: len(pkg) - node.level + 1]
        base = ".".join([*pkg, base] if base else pkg)
    out = []
    for a in node.names:
        sub = f"{base}.{a.name}"
        out.append(sub if sub in MODULES else base)
    return out


def _context(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> tuple[bool, bool, bool]:
    in_function = in_try = type_checking = False
    child, up = node, parents.get(node)
    while up is not None:
        if isinstance(up, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            in_function = True
        if isinstance(up, ast.Try) and child in up.body:
            in_try = True
        if isinstance(up, ast.If) and "TYPE_CHECKING" in ast.unparse(up.test):
            type_checking = True
        child, up = up, parents.get(up)
    return in_function, in_try, type_checking


def _reason(lines: list[str], i: int) -> str:
    while i >= 0:
        line = lines[i].strip()
        if "#" in line:
            return line.split("#", 1)[1].strip()
        if not line.startswith(("import ", "from ")):
            return ""
        i -= 1
    return ""


def imports_of(module: str) -> list[Imp]:
    path = MODULES[module]
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    tree = ast.parse(text)
    parents = {c: p for p in ast.walk(tree) for c in ast.iter_child_nodes(p)}
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        ctx = _context(node, parents)
        reason = _reason(lines, node.lineno - 1)
        for t in _targets(node, module):
            target = t if t.startswith("summitry") else t.split(".")[0]
            out.append(Imp(module, target, node.lineno, *ctx, reason))
    return out


ALL = [i for m in MODULES for i in imports_of(m)]
EAGER = [
    i for i in ALL if i.target.startswith("summitry") and not i.in_function and not i.type_checking
]


def package_of(module: str) -> str:
    return ".".join(module.split(".")[:2])


def _cycles(edges: set[tuple[str, str]]) -> list[list[str]]:
    g = nx.DiGraph(sorted(edges))
    return [sorted(c) for c in nx.strongly_connected_components(g) if len(c) > 1]


def test_no_cycles_between_packages():
    edges = {(package_of(i.module), package_of(i.target)) for i in EAGER}
    edges = {(a, b) for a, b in edges if a != b and "summitry" not in (a, b)}
    assert _cycles(edges) == []


def test_no_cycles_between_modules():
    edges = {(i.module, i.target) for i in EAGER if i.module != i.target}
    # a module importing its own package's __init__ is a cycle only if that __init__ imports it
    assert _cycles(edges) == []


def test_no_sibling_import_under_try():
    bad = [f"{i.module}:{i.line}" for i in ALL if i.in_try and i.target.startswith("summitry")]
    assert bad == []


def _lazy_ok(module: str) -> bool:
    return module in LAZY_OK or module.startswith("summitry.cli.")


def _misplaced(i: Imp) -> str | None:
    """Why an in-function import is not allowed here, or None."""
    if not i.in_function or _lazy_ok(i.module):
        return None
    if i.target.startswith("summitry"):
        if any(h in i.reason.lower() for h in ("spacy", *HEAVY)):
            return None
        return "a summitry module: import it at the top"
    if i.target in sys.stdlib_module_names:
        return "the standard library: import it at the top"
    if i.target not in HEAVY:
        return "a light library: import it at the top"
    return None if i.reason else "a heavy library: say why on the line or the line above"


def test_in_function_imports_only_where_allowed():
    bad = {f"{i.module}:{i.line} {i.target} ({why})" for i in ALL if (why := _misplaced(i))}
    assert sorted(bad) == []


def _imp(source: str, module: str = "summitry.x.y") -> list[Imp]:
    MODULES.setdefault(module, ROOT / "x" / "y.py")
    lines = source.splitlines()
    tree = ast.parse(source)
    parents = {c: p for p in ast.walk(tree) for c in ast.iter_child_nodes(p)}
    nodes = [n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)]
    return [
        Imp(module, t, n.lineno, *_context(n, parents), _reason(lines, n.lineno - 1))
        for n in nodes
        for t in _targets(n, module)
    ]


@pytest.mark.parametrize(
    "source, why",
    [
        ("def f():\n    import json\n", "the standard library: import it at the top"),
        ("def f():\n    import yaml\n", "a light library: import it at the top"),
        (
            "def f():\n    import sklearn\n",
            "a heavy library: say why on the line or the line above",
        ),
        ("def f():\n    import sklearn  # 2 s to import: only for training\n", None),
        ("def f():\n    # only for the PDF\n    import fpdf\n    import matplotlib\n", None),
        (
            "def f():\n    from summitry.geo import place\n",
            "a summitry module: import it at the top",
        ),
        ("def f():\n    from summitry.coding import coder  # loads spaCy\n", None),
        ("import json\n", None),
    ],
)
def test_the_rule_reads_each_kind(source, why):
    assert [_misplaced(i) for i in _imp(source)] == [why] * len(_imp(source))


def test_the_reader_sees_try_and_type_checking():
    src = "try:\n    from summitry.geo import x\nexcept ImportError:\n    x = None\n"
    assert [(i.target, i.in_try) for i in _imp(src)] == [("summitry.geo", True)]
    src = (
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from summitry.actors import kb\n"
    )
    assert [i.type_checking for i in _imp(src)] == [False, True]
    assert _cycles({("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")}) == [["a", "b", "c"]]
