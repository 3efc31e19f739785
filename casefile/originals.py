"""Write-once, content-addressed storage of the imported files.

An original is evidence: it is stored byte for byte under its SHA-256, written
through a temporary file that is fsynced and renamed into place, so a crash
never leaves a half-written original under a real name, and made read-only.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from casefile.atomic import fsync_dir

_TMP_PREFIX = ".partial-"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()


def store_original(folder: Path, data: bytes, sha256: str, ext: str) -> Path:
    """Store ``data`` as ``folder/<sha256>.<ext>``; a no-op if it is already there intact.

    An existing file with the right name but wrong content (disk damage, a
    manual edit) is not silently replaced: that is for ``verify`` to report.
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{sha256}.{ext}"
    if target.exists():
        return target
    tmp = folder / f"{_TMP_PREFIX}{sha256}.{os.getpid()}"
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        tmp.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        tmp.replace(target)
        fsync_dir(folder)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return target


def remove_partials(folder: Path) -> int:
    """Delete temporary files a killed import left behind; return how many."""
    if not folder.is_dir():
        return 0
    n = 0
    for p in folder.glob(f"{_TMP_PREFIX}*"):
        with contextlib.suppress(OSError):
            p.unlink()
            n += 1
    return n


@dataclass(frozen=True, slots=True)
class VerifyProblem:
    sha256: str
    stored_name: str
    problem: str  # "missing" | "altered"
    actual_sha256: str | None = None


def verify_original(folder: Path, sha256: str, ext: str) -> VerifyProblem | None:
    name = f"{sha256}.{ext}"
    path = folder / name
    if not path.is_file():
        return VerifyProblem(sha256, name, "missing")
    actual = sha256_file(path)
    if actual != sha256:
        return VerifyProblem(sha256, name, "altered", actual)
    return None
