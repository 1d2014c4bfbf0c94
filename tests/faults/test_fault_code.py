"""``summitry code``: a document the coder fails on is skipped, named and counted; the run
goes on and exits 1; ``--strict`` stops at the first; a re-run codes what was skipped."""

from __future__ import annotations

from pathlib import Path

import pytest
from faultlib import NEWS, run_cli

from summitry.store import Store


def _ids(db: Path) -> tuple[list[str], set[str]]:
    with Store(db, read_only=True) as s:
        docs = [
            r[0] for r in s.con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()
        ]
        coded = {r[0] for r in s.con.execute("SELECT doc_id FROM coded_documents").fetchall()}
        return docs, coded


@pytest.mark.parametrize(
    "point,workers", [("code.document", "1"), ("code.prepare", "1"), ("code.document", "2")]
)
def test_failing_document_skipped_named_counted(news_store: Path, point: str, workers: str):
    docs, _ = _ids(news_store)
    bad = docs[2]
    r = run_cli(
        "code", "--workers", workers, db=news_store, env={"SUMMITRY_FAULTS": f"raise:{point}={bad}"}
    )
    assert r.returncode == 1, r.text
    assert "Traceback" not in r.stderr
    assert f"failed: {bad}: InjectedFault" in r.text
    assert "1 document(s) could not be coded" in r.text
    assert f"coded {len(NEWS) - 1} documents" in r.text
    _, coded = _ids(news_store)
    assert coded == set(docs) - {bad}  # the others are coded; the bad one stays pending
    with Store(news_store, read_only=True) as s:
        left = s.con.execute("SELECT count(*) FROM sentences WHERE doc_id = ?", [bad]).fetchone()
        assert left == (0,)
    again = run_cli("code", "--workers", "1", db=news_store)
    assert again.returncode == 0, again.text
    assert "coded 1 documents" in again.text
    assert _ids(news_store)[1] == set(docs)


def test_strict_stops_at_first_failure(news_store: Path):
    docs, _ = _ids(news_store)
    env = {"SUMMITRY_FAULTS": f"raise:code.document={docs[1]}"}
    r = run_cli("code", "--workers", "1", "--strict", db=news_store, env=env)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr and docs[1] in r.text and "--strict" in r.text
    assert _ids(news_store)[1] == set()  # its batch is not written


def test_line_broken_names_code_cleanly(news_store: Path):
    """The NEWS texts include a name broken across lines: before the fix the whole run
    ended with ``ValueError: substring not found`` and coded nothing."""
    r = run_cli("code", "--workers", "1", db=news_store)
    assert r.returncode == 0, r.text
    docs, coded = _ids(news_store)
    assert coded == set(docs)
    with Store(news_store, read_only=True) as s:
        (n,) = s.con.execute(
            "SELECT count(*) FROM mentions WHERE text = 'Mette Frederiksen'"
        ).fetchone()
    assert n == 1
