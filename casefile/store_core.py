"""Opening a case and owning its connection: the base of ``CaseStore``.

The writer lock, read-only opening (a private copy when needed), the change
counter and ``transaction`` live here; every table group (``store_shots``,
``store_messages``, ``store_recovery``, ``store``) builds on this class.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Self

from casefile import lock as case_lock
from casefile.faults import DATABASE, Problem, WriteFailedError, from_os_error, from_sqlite_error
from casefile.model import CasePaths
from casefile.originals import remove_partials
from casefile.schema import CURRENT_VERSION, SchemaTooNewError, migrate
from casefile.store_errors import Access, CaseError, CaseProblem, ReadOnlyBecause

_SQLITE_HEADER = b"SQLite format 3\x00"


def folder_writable(folder: Path) -> bool:
    """Whether a file can really be created in ``folder`` (not ``os.access``: it says yes to
    root on a read-only medium, and knows nothing of Windows ACLs)."""
    try:
        fd, name = tempfile.mkstemp(prefix=".screenproof-probe-", dir=folder)
    except OSError:
        return False
    os.close(fd)
    with contextlib.suppress(OSError):
        Path(name).unlink()
    return True


def _connect_ro(db: Path, query: str) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{db.as_uri()}?{query}", uri=True, isolation_level=None, timeout=10)
    try:
        conn.execute("PRAGMA user_version").fetchone()
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def _snapshot(folder: Path) -> tuple[sqlite3.Connection, Path]:
    """A private copy of the database (with its WAL) to read and, if older, migrate.

    For a case that cannot be written but still holds changes in its WAL file,
    or whose schema is older than this program's: the case itself is not touched.
    """
    tmp = Path(tempfile.mkdtemp(prefix="screenproof-readonly-"))
    try:
        for name in ("case.sqlite", "case.sqlite-wal"):
            if (folder / name).is_file():
                shutil.copyfile(folder / name, tmp / name)
        conn = sqlite3.connect(tmp / "case.sqlite", isolation_level=None, timeout=10)
        migrate(conn)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return conn, tmp


def _close_quietly(conn: sqlite3.Connection | None, snapshot: Path | None) -> None:
    if conn is not None:
        conn.close()
    if snapshot is not None:
        shutil.rmtree(snapshot, ignore_errors=True)


def _os_case_error(folder: Path, e: OSError) -> CaseError:
    fault = from_os_error(e)
    if fault in (Problem.READ_ONLY, Problem.PERMISSION):
        return CaseError(folder, "the case folder cannot be written", CaseProblem.NOT_WRITABLE, fault)
    if e.errno == errno.ENOENT:
        return CaseError(folder, "not a Screenproof case (the folder does not exist)", CaseProblem.NOT_A_CASE)
    if fault in (Problem.NO_SPACE, Problem.QUOTA, Problem.IO):
        return CaseError(folder, f"cannot write the case: {e.strerror}", CaseProblem.WRITE_FAILED, fault)
    return CaseError(folder, f"cannot open or create the case: {e.strerror or e}", CaseProblem.CANNOT_OPEN, fault)


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


class StoreCore:
    """A case folder's connection: opening, the writer lock, transactions.

    ``CaseStore`` (``casefile.store``) is this plus the table groups; a case folder is
    ``case.sqlite`` (WAL), ``originals/`` and ``case.lock``.

    A store opened for writing holds the case's writer lock until ``close``;
    one opened for reading never changes the case (SQLite may leave its empty
    ``-wal``/``-shm`` side files where the folder is writable), so a case on a
    write-protected stick or a disc can be listed, verified and exported.
    """

    def __init__(
        self,
        folder: Path,
        conn: sqlite3.Connection,
        *,
        lock: case_lock.Lock | None = None,
        read_only: ReadOnlyBecause | None = None,
        snapshot: Path | None = None,
    ) -> None:
        self.paths = CasePaths(folder)
        self._conn = conn
        self._lock = lock
        self.read_only = read_only
        self._snapshot = snapshot
        self._revision = 0

    # -- opening -------------------------------------------------------------

    @classmethod
    def open(
        cls,
        folder: str | Path,
        *,
        create: bool = True,
        access: Access = Access.WRITE,
        wait: float = 0.0,
        read_only_because: ReadOnlyBecause = ReadOnlyBecause.ASKED,
    ) -> Self:
        """Open (or create) the case in ``folder``, migrating an older schema.

        For writing, the writer lock is taken first (waiting up to ``wait``
        seconds): CaseError BUSY when another window or command has the case,
        NOT_WRITABLE when the folder cannot be written (open it read-only).
        """
        folder = Path(folder).expanduser().resolve()
        if access is Access.READ:
            return cls._open_read(folder, read_only_because)
        db = folder / "case.sqlite"
        if not db.exists() and not create:
            raise CaseError(folder, "not a Screenproof case (no case.sqlite)", CaseProblem.NOT_A_CASE)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise _os_case_error(folder, e) from e
        try:
            lock = case_lock.acquire(folder, wait=wait)
        except case_lock.CaseBusyError as e:
            raise CaseError(folder, "this case is open in another Screenproof window", CaseProblem.BUSY) from e
        except OSError as e:
            raise _os_case_error(folder, e) from e
        try:
            return cls._open_write(folder, db, lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_write(cls, folder: Path, db: Path, lock: case_lock.Lock) -> Self:
        try:
            (folder / "originals").mkdir(exist_ok=True)
            if db.exists():
                with open(db, "r+b"):  # a database the user may not write (or on a locked medium)
                    pass
            conn = sqlite3.connect(db, isolation_level=None, timeout=10)
        except OSError as e:
            raise _os_case_error(folder, e) from e
        except sqlite3.Error as e:
            raise CaseError(folder, f"cannot open or create the case: {e}") from e
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=FULL")
            migrate(conn)
        except sqlite3.DatabaseError as e:
            conn.close()
            fault = from_sqlite_error(e)
            if fault is Problem.NO_SPACE:
                raise CaseError(folder, "the disk is full", CaseProblem.WRITE_FAILED, fault) from e
            if fault is Problem.READ_ONLY:
                raise CaseError(folder, "the case cannot be written", CaseProblem.NOT_WRITABLE, fault) from e
            raise CaseError(folder, f"the case database is damaged or not a case: {e}", CaseProblem.DAMAGED) from e
        except SchemaTooNewError as e:
            conn.close()
            raise CaseError(folder, f"made by a newer Screenproof ({e}); please update", CaseProblem.TOO_NEW) from e
        remove_partials(folder / "originals")  # safe: no other writer can be mid-import
        return cls(folder, conn, lock=lock)

    @classmethod
    def _open_read(cls, folder: Path, because: ReadOnlyBecause) -> Self:
        """Open without writing: SQLite ``mode=ro``; on a read-only medium ``immutable=1``, or a
        private copy when the case holds changes still in its WAL file (or needs migrating)."""
        db = folder / "case.sqlite"
        if not db.is_file():
            if not folder.is_dir():
                raise CaseError(folder, "not a Screenproof case (the folder does not exist)", CaseProblem.NOT_A_CASE)
            raise CaseError(folder, "not a Screenproof case (no case.sqlite)", CaseProblem.NOT_A_CASE)
        try:
            with open(db, "rb") as f:
                header = f.read(len(_SQLITE_HEADER))
        except OSError as e:
            raise CaseError(folder, f"cannot read the case: {e.strerror}", CaseProblem.CANNOT_OPEN) from e
        if header != _SQLITE_HEADER:
            raise CaseError(folder, "the case database is damaged or not a case", CaseProblem.DAMAGED)
        if because is ReadOnlyBecause.ASKED and not folder_writable(folder):
            because = ReadOnlyBecause.NOT_WRITABLE
        conn: sqlite3.Connection | None = None
        snapshot: Path | None = None
        try:
            conn = _connect_ro(db, "mode=ro")
        except sqlite3.Error:
            wal = folder / "case.sqlite-wal"
            if not (wal.is_file() and wal.stat().st_size > 0):
                with contextlib.suppress(sqlite3.Error):
                    conn = _connect_ro(db, "immutable=1")
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0]) if conn else -1
            if version > CURRENT_VERSION:
                raise SchemaTooNewError(version)
            if conn is None or version < CURRENT_VERSION:
                if conn is not None:
                    conn.close()
                conn, snapshot = _snapshot(folder)
            conn.execute("PRAGMA query_only=ON")
            conn.execute("SELECT count(*) FROM screenshots").fetchone()
        except SchemaTooNewError as e:
            _close_quietly(conn, snapshot)
            raise CaseError(folder, f"made by a newer Screenproof ({e}); please update", CaseProblem.TOO_NEW) from e
        except (sqlite3.Error, OSError) as e:
            _close_quietly(conn, snapshot)
            raise CaseError(folder, f"the case database is damaged or not a case: {e}", CaseProblem.DAMAGED) from e
        return cls(folder, conn, read_only=because, snapshot=snapshot)

    @property
    def writable(self) -> bool:
        return self.read_only is None

    def close(self) -> None:
        self._conn.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        if self._snapshot is not None:
            shutil.rmtree(self._snapshot, ignore_errors=True)
            self._snapshot = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def revision(self) -> int:
        """This store's change counter: one more after every committed write.

        Every write (import, reading, correction, tag, undo and redo, which are
        corrections too) goes through ``transaction``, so a cache keyed by it
        (``casefile.snapshot``) is stale exactly when the case changed through
        this store. Another process writing the same case is kept out by the lock.
        """
        return self._revision

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of change; nested use joins the outer transaction.

        A write the disk refuses (full, quota, removed stick) rolls back and
        raises WriteFailedError: the case stays as it was before the unit began.
        """
        if self.read_only is not None:
            raise CaseError(self.paths.folder, "the case is open read-only", CaseProblem.READ_ONLY)
        if self._conn.in_transaction:
            yield self._conn
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
            self._revision += 1
        except sqlite3.Error as e:
            fault = from_sqlite_error(e)
            if fault is None:
                raise
            if self._conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
            raise WriteFailedError(DATABASE, self.paths.folder, fault) from e
