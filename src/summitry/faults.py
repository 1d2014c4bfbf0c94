"""Named fault points, for the fault suite (``tests/faults``).

A stage calls ``fault_point("import.rows-written")`` at the places where a crash matters.
Normally that costs one dictionary lookup. A test sets ``SUMMITRY_FAULTS`` in the child
process's environment to pick points and what happens there:

- ``kill:NAME`` — the process SIGKILLs itself at the point (as a power cut or the OOM
  killer would); ``kill:NAME@N`` on its N-th arrival there;
- ``term:NAME`` (``@N`` too) — the process sends itself SIGTERM there (as ``kill`` or a
  service manager would); ``int:NAME`` — SIGINT to its process group when it leads one (as
  Ctrl-C in a terminal reaches the command and its workers), else to itself;
- ``raise:NAME`` — the point raises :class:`InjectedFault`; ``raise:NAME=KEY`` only where the
  caller passes that key (e.g. a document id), to test that one bad item is isolated.

Several specs are separated by commas. Nothing else reads the variable.
"""

from __future__ import annotations

import os
import signal
from functools import cache

ENV = "SUMMITRY_FAULTS"
_arrivals: dict[str, int] = {}


class InjectedFault(RuntimeError):
    """The failure a ``raise:`` fault point was asked for."""


@cache
def _specs(value: str) -> tuple[tuple[str, str, str, int], ...]:
    """``(action, name, key, nth)`` for each comma-separated spec of ``value``."""
    specs = []
    for part in filter(None, (p.strip() for p in value.split(","))):
        action, _, rest = part.partition(":")
        rest, _, nth = rest.partition("@")
        name, _, key = rest.partition("=")
        specs.append((action, name, key, int(nth) if nth.isdigit() else 1))
    return tuple(specs)


def fault_point(name: str, key: str = "") -> None:
    """Die or fail here when ``SUMMITRY_FAULTS`` asks for it (see the module docstring)."""
    value = os.environ.get(ENV)
    if not value:
        return
    for action, point, want_key, nth in _specs(value):
        if point != name or (want_key and want_key != key):
            continue
        if action == "raise":
            raise InjectedFault(f"injected fault at {name}" + (f" ({key})" if key else ""))
        if action in _SIGNALS:
            _arrivals[name] = _arrivals.get(name, 0) + 1
            if _arrivals[name] >= nth:
                _send(_SIGNALS[action])


_SIGNALS = {"kill": signal.SIGKILL, "term": signal.SIGTERM, "int": signal.SIGINT}


def _send(sig: signal.Signals) -> None:
    """``sig`` to this process; SIGINT to its whole group when it leads one."""
    if sig == signal.SIGINT and os.getpgrp() == os.getpid():
        os.killpg(os.getpgrp(), sig)
    else:
        os.kill(os.getpid(), sig)
