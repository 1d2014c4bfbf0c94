"""Steps a stage still owes the store (table ``pending_steps``).

A stage marks a step in the same transaction as the rows that make it necessary and clears it
in the transaction that does it, so a crash in between is repaired by the next run.
"""

from __future__ import annotations


def mark(con, step: str) -> None:
    """Record that ``step`` must run (inside the caller's transaction)."""
    con.execute("INSERT OR REPLACE INTO pending_steps VALUES (?, now())", [step])


def clear(con, step: str) -> None:
    """Record that ``step`` has run (inside the transaction that ran it)."""
    con.execute("DELETE FROM pending_steps WHERE step = ?", [step])


def pending(con, prefix: str) -> list[str]:
    """The pending steps starting with ``prefix``, without it, sorted."""
    rows = con.execute(
        "SELECT step FROM pending_steps WHERE starts_with(step, ?) ORDER BY step", [prefix]
    ).fetchall()
    return [r[0][len(prefix) :] for r in rows]


def is_pending(con, step: str) -> bool:
    """Whether ``step`` is marked and not yet done."""
    return (
        con.execute("SELECT count(*) FROM pending_steps WHERE step = ?", [step]).fetchone()[0] > 0
    )
