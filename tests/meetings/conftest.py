"""Fixtures of the meetings tests: the Reuters corpus ingested and coded once per session,
and a factory that ingests, codes and builds a store of documents a test writes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from summitry import coding
from summitry.ingest import ingest_paths
from summitry.meetings import build
from summitry.meetings.evaluate import code_records
from summitry.store import Store

# (id, published ISO date, text): a document a test writes
Doc = tuple[str, str, str]


def load_jsonl_documents(store: Store, path: Path) -> int:
    """Put the corpus into ``documents`` through the ingest stage."""
    ingest_paths(store, [path])
    return store.count("documents")


@pytest.fixture(scope="session")
def reuters_coded(tmp_path_factory, reuters_path: Path) -> Path:
    """A store with the Reuters corpus ingested, coded and meetings built (read it only)."""
    path = tmp_path_factory.mktemp("reuters") / "reuters.duckdb"
    store = Store(path)
    try:
        load_jsonl_documents(store, reuters_path)
        coding.code(store)
        build(store)
    finally:
        store.close()
    return path


@pytest.fixture(scope="session")
def load_documents():
    """The loader: ``load_documents(store, path)`` puts a JSONL corpus into ``documents``."""
    return load_jsonl_documents


@pytest.fixture(scope="session")
def code_documents(tmp_path_factory) -> Callable[[str, Sequence[Doc]], Path]:
    """``code_documents(name, docs)``: a store of ``docs`` (id, published, text) through
    the real ingest stage, the real coder and the meetings build (read it only)."""

    def make(name: str, docs: Sequence[Doc]) -> Path:
        folder = tmp_path_factory.mktemp(name)
        recs = ({"id": i, "title": i, "published": p, "text": t} for i, p, t in docs)
        return code_records(recs, folder / "docs.jsonl", folder / f"{name}.duckdb")

    return make
