"""A fresh case for the casefile tests (one fixture, not one per file)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from casefile.store import CaseStore


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CaseStore]:
    s = CaseStore.open(tmp_path / "case")
    yield s
    s.close()
