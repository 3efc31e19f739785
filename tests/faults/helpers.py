"""Faults as the user's machine produces them, and the checks every fault must pass afterwards.

How each fault is made, and why:
* a read-only medium and a full disk are made for real where the kernel allows an unprivileged
  mount namespace (``unshare -rm``: a read-only bind mount, a tiny tmpfs), so SQLite and the
  file system give their own errors, even to root (CI runs as root, where ``chmod`` stops nothing);
* where a write site must fail at one precise step, ENOSPC is raised by ``os.fsync`` for files
  under a chosen folder: every Screenproof file write (originals, dossier, CSV, bundle, zip) is
  staged, fsynced and only then renamed, so that is where a full disk is reported on most
  file systems (delayed allocation), and it exercises the same clean-up as a failed write;
* the database is made full with SQLite's own ``max_page_count``, which fails with SQLITE_FULL,
  the very error a full disk gives.
"""

from __future__ import annotations

import errno
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from casefile.originals import sha256_file
from casefile.store import CaseStore
from tests.images import phone_png

REPO = Path(__file__).resolve().parents[2]
SCREENPROOF = [sys.executable, "-m", "cli"]
BUSY_LINE = "此案件正在另一个窗口中使用"
BUSY_LINE_EN = "this case is open in another Screenproof window"


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(REPO) + os.pathsep + e.get("PYTHONPATH", "")
    e["OMP_THREAD_LIMIT"] = "1"
    return e


def run(*args: str | Path, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*SCREENPROOF, *map(str, args)], capture_output=True, text=True, timeout=timeout, env=env(), cwd=REPO
    )


def no_traceback(r: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout, r.stderr
    assert "Error:" not in r.stderr.replace("error:", ""), r.stderr  # no "sqlite3.OperationalError: ..."


def images(folder: Path, n: int, start: int = 0) -> list[Path]:
    return [phone_png(folder / f"Screenshot_2025031{i % 10}-1432{i % 60:02d}_{i}.png", seed=i) for i in range(start, start + n)]


def case_is_sound(case: Path) -> int:
    """After any fault: the case opens, every recorded original is whole, nothing half-written
    sits under a real name. Returns the number of screenshots."""
    with CaseStore.open(case) as store:
        assert store.verify() == []
        n = len(store.screenshots())
    for f in (case / "originals").iterdir():
        assert not f.name.startswith(".partial-"), "temporary files are removed when the case opens"
        assert sha256_file(f) == f.stem, f"half-written original under a real name: {f.name}"
    return n


# -- a real read-only medium / a real full disk ----------------------------------------------------


def _can_unshare() -> bool:
    if shutil.which("unshare") is None:
        return False
    r = subprocess.run(["unshare", "-rm", "true"], capture_output=True, timeout=30)
    return r.returncode == 0


# SCREENPROOF_TEST_NO_UNSHARE=1 runs the fallbacks below on a machine that has namespaces.
CAN_UNSHARE = os.environ.get("SCREENPROOF_TEST_NO_UNSHARE") != "1" and _can_unshare()
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def in_namespace(setup: str, command: list[str | Path], timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """Run ``command`` after the shell ``setup`` (mounts) in a private mount namespace."""
    script = f"set -e; {setup}; exec {' '.join(shlex.quote(str(c)) for c in command)}"
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=timeout, env=env(), cwd=REPO
    )


# Where no mount namespace may be made (a CI container that forbids it) and chmod stops nothing
# (root), the command still runs in its own process, but told by the operating system's own
# answers, injected, that the folder refuses writes: the lock file and the write probe get EROFS.
READ_ONLY_BOOT = (
    "import errno, sys\n"
    "from casefile import lock, store_core\n"
    "def refuse(*a, **k):\n"
    "    raise OSError(errno.EROFS, 'Read-only file system')\n"
    "lock.acquire = refuse\n"
    "store_core.folder_writable = lambda folder: False\n"
    "from cli.main import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def run_as_if_read_only(*args: str | Path, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", READ_ONLY_BOOT, *map(str, args)],
        capture_output=True, text=True, timeout=timeout, env=env(), cwd=REPO,
    )


# -- ENOSPC at a chosen write site ----------------------------------------------------------------


@contextmanager
def enospc_under(monkeypatch: pytest.MonkeyPatch, folder: Path) -> Iterator[list[str]]:
    """``os.fsync`` of any file under ``folder`` fails with ENOSPC; yields the names refused."""
    real = os.fsync
    refused: list[str] = []
    root = str(folder.resolve())

    def fsync(fd: int) -> None:
        try:
            target = str(Path(f"/proc/self/fd/{fd}").readlink())
        except OSError:
            target = ""
        if target.startswith(root) and not Path(target).is_dir():
            refused.append(Path(target).name)
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    yield refused
    monkeypatch.setattr(os, "fsync", real)
