"""Writing files so that an interruption never leaves a half-written file at the target.

Everything is written to a hidden temporary name in the target's own folder
(same file system, so the final ``os.replace`` is atomic), fsynced, and only
then renamed. On cancel or error the temporary is removed and the target is
untouched — an older dossier there stays intact.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

PARTIAL_PREFIX = ".screenproof-partial-"


def temp_path(target: Path) -> Path:
    return target.with_name(f"{PARTIAL_PREFIX}{os.getpid()}-{secrets.token_hex(4)}-{target.name}")


def write_bytes_atomic(target: Path, data: bytes) -> None:
    with staged_file(target) as tmp:
        tmp.write_bytes(data)


@contextlib.contextmanager
def staged_file(target: Path) -> Iterator[Path]:
    """A temporary path to write; renamed onto ``target`` only if the block completes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(target)
    try:
        yield tmp
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        tmp.replace(target)
        fsync_dir(target.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
