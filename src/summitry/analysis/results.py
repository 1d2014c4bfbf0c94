"""Result types of the analyses: estimates with intervals, explicit "insufficient data"."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import pyarrow as pa


@dataclass(frozen=True)
class Insufficient:
    """No number can be given; ``reason`` says why (never replaced by a made-up value)."""

    reason: str


@dataclass(frozen=True)
class Estimate:
    """A statistic with a 95% bootstrap interval (``lo``/``hi`` None: too few events)."""

    value: float
    lo: float | None
    hi: float | None
    n_before: int
    n_after: int
    note: str | None = None


@dataclass
class TableResult:
    """Rows (plain dicts) plus the method text; ``insufficient`` names what is missing."""

    rows: list[dict[str, Any]]
    method: str
    insufficient: Insufficient | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def to_arrow(self) -> pa.Table:
        """The rows as a pyarrow Table (``.to_pandas()`` for a DataFrame)."""
        return pa.Table.from_pylist([_flat(r) for r in self.rows])

    def __len__(self) -> int:
        return len(self.rows)


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in row.items():
        if isinstance(v, Estimate):
            for kk, vv in asdict(v).items():
                out[f"{k}_{kk}"] = vv
        elif isinstance(v, Insufficient):
            out[f"{k}_insufficient"] = v.reason
        else:
            out[k] = v
    return out
