"""``summitry code --lenient-actors`` over a real store; the lazy ``summitry.coding`` package."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime

from typer.testing import CliRunner

from summitry.cli import app

TEXTS = [
    "Russian President Vladimir Putin met Turkish President Tayyip Erdogan in Sochi on Monday.",
    "Israeli police arrested 12 protesters in Jerusalem on Friday.",
    "China condemned the missile test, the foreign ministry said on Tuesday.",
]


def test_cli_lenient_actors(store, shared_dir):
    phoenix = shared_dir / "petrarch2" / "Phoenix.Countries.actors.txt"
    for n, text in enumerate(TEXTS):
        store.con.execute(
            "INSERT INTO documents VALUES "
            "(?,?,NULL,'t','text',NULL,NULL,NULL,NULL,'2017-11-13','field',NULL,'en',?,?,?)",
            [f"d{n}", f"d{n}", text, len(text), datetime.now()],
        )
    db = store.path
    store.close()
    runner = CliRunner()
    base = ["--db", str(db), "code", "--actors", str(phoenix)]
    # strict (the default): the first malformed dictionary line stops the run, named
    r = runner.invoke(app, base)
    assert r.exit_code != 0
    assert "Phoenix.Countries.actors.txt:2039" in " ".join(r.output.split())
    # lenient: malformed lines are skipped and counted, the documents are coded
    r = runner.invoke(app, [*base, "--lenient-actors"])
    assert r.exit_code == 0, r.output
    out = " ".join(r.output.split())
    assert "skipped" in out and "malformed actor line" in out
    assert "coded 3 documents" in out


def test_coding_package_is_lazy():
    code = (
        "import sys\n"
        "import summitry.petrarch, summitry.actors\n"
        "assert 'summitry.coding' not in sys.modules, 'petrarch or actors import coding'\n"
        "import summitry.coding\n"
        "assert 'summitry.coding.coder' not in sys.modules\n"
        "assert 'spacy' not in sys.modules\n"
        "from summitry.coding import CODER_VERSION, Coder, CodeSummary, code, pending_documents\n"
        "assert 'summitry.coding.coder' in sys.modules and CODER_VERSION\n"
        "import summitry.coding as c\n"
        "try:\n"
        "    c.no_such_name\n"
        "except AttributeError:\n"
        "    pass\n"
        "else:\n"
        "    raise SystemExit('no AttributeError')\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
