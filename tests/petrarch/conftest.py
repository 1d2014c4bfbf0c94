from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def petr_dir(shared_dir: Path) -> Path:
    d = shared_dir / "petrarch2"
    assert d.is_dir(), f"{d} is missing"
    return d
