"""Helpers of the fault suite: run the real ``summitry`` command in a child process and break it.

``run_cli`` runs ``python -m summitry`` (the user's entry point, with its one-line error
handler); ``SUMMITRY_FAULTS`` in ``env`` picks a fault point (``summitry.faults``).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

NEWS = [
    "Russian President Vladimir Putin met Turkish President Tayyip Erdogan in Sochi on Monday. "
    "The two leaders said that they had discussed the war and the grain corridor.",
    "The Danish Prime Minister, Mette\nFrederiksen, met the Ukrainian delegation in Copenhagen "
    "on Friday. She said that the talks were about the reconstruction of the country.",
    "President Emmanuel Macron spoke with Chancellor Olaf Scholz by phone on Tuesday. They "
    "agreed that the ministers would meet again in Berlin before the end of the month.",
    "China condemned the missile test, the foreign ministry said on Wednesday. It was the "
    "third such test this year and the ministry said it was a threat to the region.",
    "Japan's Prime Minister Fumio Kishida visited Seoul and met President Yoon Suk Yeol. The "
    "two sides said that they would work with the United States on the matter.",
]


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str

    @property
    def text(self) -> str:
        """stdout and stderr with line breaks made spaces (rich wraps long lines)."""
        return " ".join((self.stdout + " " + self.stderr).split())


def run_cli(
    *args: str,
    db: Path | None = None,
    env: dict | None = None,
    cwd=None,
    timeout: float = 600,
    preexec=None,
    session: bool = False,
) -> Run:
    """``python -m summitry [--db DB] ARGS`` in a child process (``session``: in a session
    and process group of its own, as a terminal's foreground job, so a SIGINT to its group
    reaches it and its workers, never pytest; and with SIGINT at its default, as a
    foreground job has it, even when the suite itself was started as a background job
    (``./scripts/test &`` in a script), whose children inherit SIGINT ignored)."""
    full_env = {k: v for k, v in os.environ.items() if k != "SUMMITRY_FAULTS"}
    full_env.update({"COLUMNS": "200", **(env or {})})
    cmd = [sys.executable, "-m", "summitry", *(["--db", str(db)] if db else []), *args]
    p = subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd,
        timeout=timeout,
        preexec_fn=_foreground(preexec) if session else preexec,
        start_new_session=session,
    )
    return Run(p.returncode, p.stdout, p.stderr)


def _foreground(preexec: Callable[[], None] | None) -> Callable[[], None]:
    """A ``preexec_fn``: SIGINT at its default (so the child's Python installs its Ctrl-C
    handler; one started with SIGINT ignored keeps it ignored), then ``preexec``."""

    def run() -> None:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        if preexec:
            preexec()

    return run


def assert_one_line_error(r: Run, *words: str) -> None:
    """Failed with exit 1 and one clean ``error:`` line naming ``words``; no traceback."""
    assert r.returncode == 1, (r.returncode, r.stdout, r.stderr)
    assert "Traceback" not in r.stderr, r.stderr
    assert "error:" in r.stderr, r.stderr
    for w in words:
        assert w.lower() in r.text.lower(), (w, r.text)


def assert_stopped_by(r: Run, signal_name: str) -> None:
    """Stopped by SIGINT (exit 130) or SIGTERM (exit 143) with one line, no traceback."""
    code, word = {"int": (130, "interrupted (Ctrl-C)"), "term": (143, "terminated (SIGTERM)")}[
        signal_name
    ]
    assert r.returncode == code, (r.returncode, r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and "Error" not in r.stderr, r.stderr
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(word), r.stderr
    assert "run the same command again" in lines[0]


def write_jsonl(path: Path, texts: list[str], published: str = "2024-03-05") -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for n, t in enumerate(texts):
            fh.write(json.dumps({"id": f"n{n}", "text": t, "published": published}) + "\n")
    return path


def unprivileged():
    """A ``preexec_fn`` under which file permissions hold even for root: it drops
    CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the child's capability bounding set, so
    a 0444 file or a 0555 folder is read-only to it (as to any other user)."""
    if os.geteuid() != 0:
        return None
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)

    def drop() -> None:
        for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
            if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")

    return drop


def file_state(path: Path) -> tuple[int, float, bytes]:
    """Size, mtime and SHA-1 of a file: to show a command left it unchanged."""
    import hashlib

    data = path.read_bytes()
    return len(data), path.stat().st_mtime, hashlib.sha1(data).digest()


FIGURES_ENV = "SUMMITRY_FAULT_FIGURES"


def tally(**counts: int) -> None:
    """Add to the fault suite's figures (inputs tried, runs killed and recovered, rows
    lost), printed at the end of the pytest run (tests/conftest.py)."""
    path = os.environ.get(FIGURES_ENV)
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(counts) + "\n")


def rows_lost(want: dict[str, list], got: dict[str, list]) -> int:
    """Rows of a clean run's tables that a recovered store lacks (counted with repeats)."""
    from collections import Counter

    return sum(sum((Counter(map(repr, w)) - Counter(map(repr, got[t]))).values())
               for t, w in want.items())  # fmt: skip


def store_state(db: Path, queries: dict[str, str]) -> dict[str, list]:
    """Each query's rows, sorted: the state to compare after a crash and a re-run."""
    from summitry.store import Store

    with Store(db, read_only=True) as s:
        return {k: sorted(s.con.execute(q).fetchall(), key=repr) for k, q in queries.items()}
