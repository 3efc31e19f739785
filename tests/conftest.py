"""Test-wide set-up.

Qt must never need a display in CI (offscreen platform), and Tesseract must run
single-threaded (STACK.md: 6x slower otherwise, and the suite runs on 2 cores).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

if not os.environ.get("QT_QPA_PLATFORM"):
    # setdefault is not enough: an empty but set variable aborts Qt (STACK.md §1).
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["OMP_THREAD_LIMIT"] = "1"

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def _shared_dir() -> Path | None:
    """The team's shared folder beside the clone (absent in a user's clone)."""
    env = os.environ.get("SCREENPROOF_SHARED")
    candidates = [Path(env)] if env else []
    candidates.append(REPO.parent / "shared")
    for c in candidates:
        if (c / "corpus" / "score.py").is_file():
            return c
    return None


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared``: present for the team and in CI, absent for users.

    In CI (``CI=true``) its absence is a failure, never a skip, so a corpus
    regression cannot pass unnoticed; in a user's clone the test is skipped.
    """
    found = _shared_dir()
    if found is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("../shared (corpus, score.py) is missing, and CI=true requires it")
        pytest.skip("../shared is not present (a user's clone); corpus checks run in CI")
    return found


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA
