"""Two writers at once: the second waits, then says the case is busy; readers never wait."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from casefile import importer
from casefile.importer import Outcome, import_one
from casefile.store import CaseStore
from tests.faults.helpers import (
    BUSY_LINE,
    BUSY_LINE_EN,
    REPO,
    SCREENPROOF,
    case_is_sound,
    env,
    images,
    no_traceback,
    run,
)

HOLD = (
    "import sys, time\n"
    "from casefile.store import CaseStore\n"
    "s = CaseStore.open(sys.argv[1])\n"
    "print('holding', flush=True)\n"
    "time.sleep(120)\n"
)


def _holder(case: Path) -> subprocess.Popen[str]:
    """Another Screenproof window, as far as the case can tell: a process that keeps it open for writing."""
    p = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(case)], stdout=subprocess.PIPE, text=True, env=env(), cwd=REPO
    )
    assert p.stdout is not None and p.stdout.readline().strip() == "holding"
    return p


def test_two_concurrent_imports_never_fail_on_a_duplicate(tmp_path: Path) -> None:
    """The reported bug: two imports of the same files into one case at once (IntegrityError before)."""
    files = images(tmp_path / "in", 12)
    case = tmp_path / "case"
    procs = [
        subprocess.Popen(
            [*SCREENPROOF, "import", "--no-ocr", "--case", str(case), str(tmp_path / "in")],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env(), cwd=REPO,
        )
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=180) for p in procs]
    for p, (_out, err) in zip(procs, outs, strict=True):
        assert "Traceback" not in err and "IntegrityError" not in err, err
        # Either it waited its turn and found every file already there, or (a slow machine) it said busy.
        assert p.returncode == 0 or (p.returncode == 1 and BUSY_LINE in err), (p.returncode, err)
    assert sum("12 imported" in out for out, _ in outs) == 1
    assert case_is_sound(case) == len(files)


def test_a_writer_waits_then_says_busy_and_readers_still_work(tmp_path: Path) -> None:
    case = tmp_path / "case"
    assert run("import", "--no-ocr", "--case", case, *images(tmp_path / "in", 3)).returncode == 0
    holder = _holder(case)
    try:
        t0 = time.monotonic()
        r = run("import", "--no-ocr", "--case", case, *images(tmp_path / "more", 2, start=10))
        waited = time.monotonic() - t0
        no_traceback(r)
        assert r.returncode == 1
        assert BUSY_LINE in r.stderr and BUSY_LINE_EN in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1, "one sentence"
        assert waited >= 4, "the command waits a few seconds before giving up"
        r = run("ocr", "--case", case)
        assert r.returncode == 1 and BUSY_LINE in r.stderr
        # Readers need no lock.
        for cmd in ("list", "verify", "timeline"):
            r = run(cmd, "--case", case)
            assert r.returncode == 0, (cmd, r.stderr)
        assert "3 of 3 originals intact" in run("verify", "--case", case).stdout
        r = run("export", "--case", case, "--out", tmp_path / "d.pdf")
        assert r.returncode == 0 and (tmp_path / "d.pdf").stat().st_size > 1000, r.stderr
    finally:
        holder.kill()
        holder.wait()
    assert case_is_sound(case) == 3


def test_a_writer_killed_with_sigkill_leaves_no_stale_lock(tmp_path: Path) -> None:
    case = tmp_path / "case"
    holder = _holder(case)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert (case / "case.lock").exists(), "the file stays; the kernel dropped the lock with the process"
    t0 = time.monotonic()
    r = run("import", "--no-ocr", "--case", case, *images(tmp_path / "in", 2))
    assert r.returncode == 0, r.stderr
    assert time.monotonic() - t0 < 30
    assert case_is_sound(case) == 2


def test_the_window_and_a_command_in_one_process_are_two_writers(tmp_path: Path) -> None:
    """flock is per open file, so even a second opening inside one process is refused."""
    import pytest

    from casefile.store import CaseError, CaseProblem

    first = CaseStore.open(tmp_path / "case")
    try:
        with pytest.raises(CaseError) as caught:
            CaseStore.open(tmp_path / "case")
        assert caught.value.problem is CaseProblem.BUSY
    finally:
        first.close()
    CaseStore.open(tmp_path / "case").close()


def test_a_duplicate_recorded_between_check_and_insert_is_a_duplicate(tmp_path: Path, monkeypatch) -> None:
    """Without the lock (an older Screenproof writing too), the race ends as "already in the case"."""
    src = images(tmp_path / "in", 1)[0]
    with CaseStore.open(tmp_path / "case") as store:
        assert import_one(store, src).outcome is Outcome.IMPORTED
        real = store.screenshot_id_for
        calls = {"n": 0}

        def not_yet(sha: str) -> int | None:
            calls["n"] += 1
            return None if calls["n"] == 1 else real(sha)  # the check misses it; the insert collides

        monkeypatch.setattr(store, "screenshot_id_for", not_yet)
        r = importer.import_one(store, src)
        assert r.outcome is Outcome.DUPLICATE and r.screenshot_id is not None
        assert len(store.screenshots()) == 1
