"""One writer per case: an operating-system lock on ``case.lock`` in the case folder.

Why an OS lock and not a "pid file": the lock belongs to an open file handle,
so the kernel releases it when the process ends for any reason (a crash, a
``kill -9``, a laptop that lost power), and a stale lock can never block the
user. ``flock`` on POSIX is per open file, so even a second writer inside the
same process is refused; ``msvcrt.locking`` on Windows (where most users are)
locks the first byte of the file and is likewise released with the handle.

Readers (``list``, ``verify``, ``timeline``, ``export``) never take the lock:
SQLite's WAL lets them read while one writer writes.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sys
import time
from pathlib import Path

LOCK_NAME = "case.lock"
# The command line waits this long for a window or another command to finish
# before it says the case is busy: long enough for a short import or a window
# that is closing, short enough that nobody thinks the command hung.
COMMAND_WAIT_S = 5.0
_POLL_S = 0.1

log = logging.getLogger(__name__)


class CaseBusyError(Exception):
    """Another Screenproof window or command is writing this case."""


class Lock:
    """A held lock; ``release`` (or closing the process) frees it."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)

    @property
    def held(self) -> bool:
        return self._fd is not None


def acquire(folder: Path, *, wait: float = 0.0) -> Lock:
    """Take the case's writer lock, waiting up to ``wait`` seconds.

    Raises CaseBusyError when another writer holds it, and OSError when the lock
    file cannot be created (a read-only folder or medium, a full disk).
    """
    path = folder / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    deadline = time.monotonic() + wait
    while True:
        try:
            _try_lock(fd)
            return Lock(path, fd)
        except OSError as e:
            if e.errno in _UNSUPPORTED_ERRNOS:
                # A file system without locks (some network shares): the case still opens;
                # one writer per case is then the user's to keep, as before this lock existed.
                log.warning("case lock not supported on this file system (%s)", errno.errorcode.get(e.errno or 0, "?"))
                return Lock(path, fd)
            if e.errno not in _BUSY_ERRNOS:
                os.close(fd)
                raise
        if time.monotonic() >= deadline:
            os.close(fd)
            raise CaseBusyError(str(folder))
        time.sleep(_POLL_S)


def is_locked(folder: Path) -> bool:
    """True when some writer holds the case (for tests and for a window deciding what to offer)."""
    try:
        lock = acquire(folder)
    except CaseBusyError:
        return True
    except OSError:
        return False
    lock.release()
    return False


_BUSY_ERRNOS = {errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, errno.EDEADLK}
_UNSUPPORTED_ERRNOS = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL}

if sys.platform == "win32":  # pragma: no cover - exercised on Windows
    import msvcrt

    def _try_lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
