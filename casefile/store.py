"""The one owner of a case's SQLite connection.

Everything that reads or writes the case goes through ``CaseStore``, so the data
rules hold in one place: OCR values are written once, user changes are appended
to the audit log, and originals are stored before the row that names them.
A store belongs to one thread (the GUI thread, or a command); workers are
handed paths and bytes, never the store.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import json
import os
import shutil
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from casefile import lock as case_lock
from casefile.faults import DATABASE, Problem, WriteFailedError, from_os_error, from_sqlite_error
from casefile.model import (
    CAPTURED_AT,
    CORRECTABLE_FIELDS,
    CaseInfo,
    CasePaths,
    Correction,
    Message,
    OcrStatus,
    OcrValues,
    Origin,
    Party,
    ReadingRecord,
    Screenshot,
    ScreenshotCorrection,
    Tag,
    TagState,
    UnassignedRecord,
)
from casefile.originals import VerifyProblem, remove_partials, verify_original
from casefile.schema import CURRENT_VERSION, SchemaTooNewError, migrate
from casefile.store_values import (
    _INSERT_MESSAGE,
    _day,
    _iso_day,
    _message_row,
    _squeezed,
    _union,
    decode_capture,
    decode_value,
    encode_capture,
    encode_value,
    new_batch_id,
)
from ocr.model import (
    Box,
    Direction,
    ExtractedMessage,
    Extraction,
    Kind,
    Layout,
    TimeSource,
    format_minute,
    parse_iso,
)
from ocr.text import join_lines
from ocr.times import resolve_labels

CREATED = "created"  # the audit field recorded when a user adds a message by hand
FORCED_BY_USER = "user"  # who chose a layout in 核对 → 按…重新识别 (a desktop case has one user)
LINE_NEW = "new"  # a message made from an unassigned line
LINE_APPEND = "append"  # an unassigned line added to a message's text


class CaseProblem(enum.StrEnum):
    """Why a case could not be opened or written; gui/messages.py has a sentence for each."""

    CANNOT_OPEN = "cannot_open"  # the folder cannot be read or created
    NOT_A_CASE = "not_a_case"
    DAMAGED = "damaged"
    TOO_NEW = "too_new"
    BUSY = "busy"  # another window or command is writing it
    NOT_WRITABLE = "not_writable"  # a read-only medium or folder: it can still be opened read-only
    READ_ONLY = "read_only"  # a write was attempted on a case opened read-only
    WRITE_FAILED = "write_failed"  # the disk refused a write (full, quota...): see ``fault``


class CaseError(Exception):
    """A case folder that cannot be opened or written (the user's environment)."""

    def __init__(
        self, folder: Path, reason: str, problem: CaseProblem = CaseProblem.CANNOT_OPEN,
        fault: Problem | None = None,
    ) -> None:
        super().__init__(f"{folder}: {reason}")
        self.folder = folder
        self.reason = reason
        self.problem = problem
        self.fault = fault


class Access(enum.StrEnum):
    WRITE = "write"  # holds the case's writer lock (the window, import, ocr)
    READ = "read"  # no lock, no writes: list, verify, timeline, export, a read-only window


class ReadOnlyBecause(enum.StrEnum):
    """Why a case is open read-only, for the window's banner."""

    ASKED = "asked"  # a reader (a command) or the user chose it
    BUSY = "busy"  # another window is writing it
    NOT_WRITABLE = "not_writable"  # the folder or medium cannot be written


@dataclass(frozen=True, slots=True)
class NewScreenshot:
    sha256: str
    original_name: str
    original_path: str
    ext: str
    size_bytes: int
    width: int
    height: int
    format: str
    captured_at: datetime | None
    captured_at_source: TimeSource | None


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


class CaseStore:
    """A case folder: ``case.sqlite`` (WAL), ``originals/`` and ``case.lock``.

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
    ) -> CaseStore:
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
    def _open_write(cls, folder: Path, db: Path, lock: case_lock.Lock) -> CaseStore:
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
    def _open_read(cls, folder: Path, because: ReadOnlyBecause) -> CaseStore:
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

    def __enter__(self) -> CaseStore:
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

    # -- case details and settings --------------------------------------------

    def case_info(self) -> CaseInfo:
        r = self._conn.execute("SELECT title, complainant, respondent, notes FROM case_info").fetchone()
        return CaseInfo(*r)

    def set_case_info(self, info: CaseInfo) -> None:
        with self.transaction() as c:
            c.execute(
                "UPDATE case_info SET title=?, complainant=?, respondent=?, notes=?",
                (info.title, info.complainant, info.respondent, info.notes),
            )

    def setting(self, key: str, default: str | None = None) -> str | None:
        r = self._conn.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
        return r[0] if r else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                (key, value),
            )

    # -- screenshots ----------------------------------------------------------

    _SHOT_COLS = (
        "id, sha256, original_name, original_path, ext, size_bytes, width, height, format, imported_at, "
        "captured_at, captured_at_source, layout, thread_title, ocr_status, ocr_engine, ocr_version, "
        "ocr_error, reviewed, purpose, "
        "(SELECT old FROM screenshot_corrections sc WHERE sc.screenshot_id = screenshots.id "
        f"AND sc.field = '{CAPTURED_AT}' ORDER BY sc.id LIMIT 1)"
    )

    @staticmethod
    def _shot(r: tuple[Any, ...]) -> Screenshot:
        return Screenshot(
            id=r[0],
            sha256=r[1],
            original_name=r[2],
            original_path=r[3],
            ext=r[4],
            size_bytes=r[5],
            width=r[6],
            height=r[7],
            format=r[8],
            imported_at=datetime.fromisoformat(r[9]),
            captured_at=parse_iso(r[10]),
            captured_at_source=TimeSource(r[11]) if r[11] else None,
            layout=Layout(r[12]) if r[12] else None,
            thread_title=r[13],
            ocr_status=OcrStatus(r[14]),
            ocr_engine=r[15],
            ocr_version=r[16],
            ocr_error=r[17],
            reviewed=bool(r[18]),
            purpose=r[19],
            captured_at_before=decode_capture(r[20])[0],
            captured_at_source_before=decode_capture(r[20])[1],
        )

    def screenshot_id_for(self, sha256: str) -> int | None:
        r = self._conn.execute("SELECT id FROM screenshots WHERE sha256=?", (sha256,)).fetchone()
        return int(r[0]) if r else None

    def add_screenshot(self, s: NewScreenshot) -> int:
        """Record an original that is already stored; the caller stores the file first."""
        with self.transaction() as c:
            cur = c.execute(
                "INSERT INTO screenshots (sha256, original_name, original_path, ext, size_bytes, width, height, "
                "format, imported_at, captured_at, captured_at_source) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    s.sha256,
                    s.original_name,
                    s.original_path,
                    s.ext,
                    s.size_bytes,
                    s.width,
                    s.height,
                    s.format,
                    now().isoformat(),
                    s.captured_at.isoformat() if s.captured_at else None,
                    str(s.captured_at_source) if s.captured_at_source else None,
                ),
            )
            return int(cur.lastrowid or 0)

    def screenshots(self) -> list[Screenshot]:
        """All screenshots in a stable order: capture time (unknown last), then import order."""
        rows = self._conn.execute(
            f"SELECT {self._SHOT_COLS} FROM screenshots ORDER BY captured_at IS NULL, captured_at, id"
        ).fetchall()
        return [self._shot(r) for r in rows]

    def screenshot(self, screenshot_id: int) -> Screenshot:
        r = self._conn.execute(
            f"SELECT {self._SHOT_COLS} FROM screenshots WHERE id=?", (screenshot_id,)
        ).fetchone()
        if r is None:
            raise KeyError(screenshot_id)
        return self._shot(r)

    def original_file(self, shot: Screenshot) -> Path:
        return self.paths.originals / shot.stored_name

    def screenshots_to_read(self, *, redo: bool = False) -> list[Screenshot]:
        if redo:
            return self.screenshots()
        return [s for s in self.screenshots() if s.ocr_status != OcrStatus.DONE]

    def set_reviewed(self, screenshot_id: int, reviewed: bool) -> None:
        with self.transaction() as c:
            c.execute("UPDATE screenshots SET reviewed=? WHERE id=?", (int(reviewed), screenshot_id))

    def set_purpose(self, screenshot_id: int, purpose: str) -> None:
        with self.transaction() as c:
            c.execute("UPDATE screenshots SET purpose=? WHERE id=?", (purpose, screenshot_id))

    # -- OCR results ------------------------------------------------------------

    def save_extraction(
        self,
        screenshot_id: int,
        ex: Extraction,
        *,
        forced_layout: Layout | None = None,
        forced_by: str | None = None,
    ) -> None:
        """Store what the OCR read. A re-read supersedes earlier OCR messages (kept, hidden)
        rather than deleting them, so corrections made on them stay in the audit log.
        ``forced_layout``: the user chose the layout (recorded with who and when)."""
        with self.transaction() as c:
            self._record_reading(c, screenshot_id, ex, forced_layout, forced_by)
            c.execute(
                "UPDATE messages SET superseded=1 WHERE screenshot_id=? AND origin='ocr'", (screenshot_id,)
            )
            status = OcrStatus.FAILED if ex.error else OcrStatus.DONE
            c.execute(
                "UPDATE screenshots SET layout=?, thread_title=?, ocr_status=?, ocr_engine=?, ocr_version=?, "
                "ocr_error=?, ocr_at=? WHERE id=?",
                (
                    str(ex.layout) if ex.layout else None,
                    ex.thread_title,
                    str(status),
                    ex.engine,
                    ex.engine_version,
                    ex.error,
                    now().isoformat(),
                    screenshot_id,
                ),
            )
            if ex.captured_at is not None and ex.captured_at_source is not None:
                c.execute(
                    "UPDATE screenshots SET captured_at=?, captured_at_source=? WHERE id=? AND captured_at IS NULL",
                    (ex.captured_at.isoformat(), str(ex.captured_at_source), screenshot_id),
                )
            c.executemany(
                _INSERT_MESSAGE,
                [_message_row(screenshot_id, float(i), Origin.OCR, m) for i, m in enumerate(ex.messages)],
            )

    def mark_ocr_failed(self, screenshot_id: int, error: str, engine: str = "", version: str = "") -> None:
        with self.transaction() as c:
            c.execute(
                "UPDATE screenshots SET ocr_status='failed', ocr_error=?, ocr_engine=?, ocr_version=?, ocr_at=? "
                "WHERE id=?",
                (error, engine, version, now().isoformat(), screenshot_id),
            )

    # -- messages ---------------------------------------------------------------

    _MSG_COLS = (
        "id, screenshot_id, position, origin, kind, direction, sender, time, time_source, text, box, "
        "confidence, field_confidence, duration_s, date, time_text"
    )

    def messages(self, screenshot_id: int | None = None, *, include_excluded: bool = True) -> list[Message]:
        """Messages with corrections applied, in screenshot then on-screen order."""
        where = "WHERE m.superseded=0" + (" AND m.screenshot_id=?" if screenshot_id is not None else "")
        args: tuple[Any, ...] = (screenshot_id,) if screenshot_id is not None else ()
        rows = self._conn.execute(
            f"SELECT {', '.join('m.' + c.strip() for c in self._MSG_COLS.split(','))} FROM messages m "
            f"{where} ORDER BY m.screenshot_id, m.position, m.id",
            args,
        ).fetchall()
        fixes = self._latest_corrections([r[0] for r in rows] if screenshot_id is not None else None)
        out = [self._message(r, fixes.get(r[0], {})) for r in rows]
        return out if include_excluded else [m for m in out if not m.excluded]

    def message(self, message_id: int) -> Message:
        r = self._conn.execute(f"SELECT {self._MSG_COLS} FROM messages WHERE id=?", (message_id,)).fetchone()
        if r is None:
            raise KeyError(message_id)
        return self._message(r, self._latest_corrections([message_id]).get(message_id, {}))

    def _latest_corrections(self, ids: list[int] | None) -> dict[int, dict[str, str | None]]:
        """The newest value of each corrected field, per message (later rows win)."""
        if ids is not None and not ids:
            return {}
        sql = "SELECT message_id, field, new FROM corrections"
        args: list[int] = []
        if ids is not None:
            sql += f" WHERE message_id IN ({','.join('?' * len(ids))})"
            args = ids
        out: dict[int, dict[str, str | None]] = defaultdict(dict)
        for mid, fld, new in self._conn.execute(sql + " ORDER BY id", args):
            if fld != CREATED:
                out[mid][fld] = new
        return out

    @staticmethod
    def _message(r: tuple[Any, ...], fixes: dict[str, str | None]) -> Message:
        (mid, sid, pos, origin, kind, direction, sender, time, tsrc, text, box, conf, fconf, dur, day, ttext) = r
        ocr = None
        if origin in (Origin.OCR, Origin.MANUAL_FROM_OCR):
            ocr = OcrValues(
                Kind(kind),
                Direction(direction),
                sender,
                parse_iso(time),
                text,
                Box.from_list(json.loads(box)) if box else None,
                _day(day),
            )
        values: dict[str, Any] = {
            "kind": Kind(kind),
            "direction": Direction(direction),
            "sender": sender,
            "time": parse_iso(time),
            "text": text,
            "box": Box.from_list(json.loads(box)) if box else None,
            "excluded": False,
            "date": _day(day),
        }
        for fld, raw in fixes.items():
            values[fld] = decode_value(fld, raw)
        if values["time"] is not None:
            values["date"] = values["time"].date()  # one item, one day: the minute's
        time_source = TimeSource(tsrc) if tsrc else None
        if "time" in fixes:
            time_source = TimeSource.MANUAL
        return Message(
            id=mid,
            screenshot_id=sid,
            position=pos,
            kind=values["kind"],
            direction=values["direction"],
            sender=values["sender"],
            time=values["time"],
            time_source=time_source,
            text=values["text"],
            box=values["box"],
            confidence=conf,
            field_confidence=json.loads(fconf or "{}"),
            duration_s=dur,
            origin=Origin(origin),
            excluded=bool(values["excluded"]),
            corrected=frozenset(fixes),
            ocr=ocr,
            date=values["date"],
            time_text=ttext,
        )

    def correct(
        self, message_id: int, field: str, value: Any, *, batch: str | None = None
    ) -> Correction | None:
        """Record a user's new value for one field; None when it equals the current one."""
        made = self.correct_many([(message_id, field, value)], batch=batch)
        return made[0] if made else None

    def correct_many(
        self, changes: Iterable[tuple[int, str, Any]], *, batch: str | None = None, move_minutes: bool = True
    ) -> list[Correction]:
        """Apply several corrections as one unit (one undo step, one transaction).

        A new ``date`` for an item with a minute moves that minute to the new
        day (one item has one day); undo and redo replay the log as it is.
        """
        batch = batch or new_batch_id()
        made: list[Correction] = []
        with self.transaction() as c:
            if move_minutes:
                changes = _with_moved_minutes(self, changes)
            for message_id, field, value in changes:
                if field not in CORRECTABLE_FIELDS:
                    raise ValueError(f"not a correctable field: {field}")
                current = self.message(message_id)
                old = encode_value(field, getattr(current, field))
                new = encode_value(field, value)
                if old == new:
                    continue
                at = now()
                cur = c.execute(
                    "INSERT INTO corrections (message_id, field, old, new, at, batch) VALUES (?,?,?,?,?,?)",
                    (message_id, field, old, new, at.isoformat(), batch),
                )
                made.append(Correction(int(cur.lastrowid or 0), message_id, field, old, new, at, batch))
        return made

    def add_message(
        self,
        screenshot_id: int,
        *,
        kind: Kind,
        direction: Direction,
        sender: str | None,
        time: datetime | None,
        text: str,
        box: Box | None = None,
        position: float | None = None,
        batch: str | None = None,
        day: date | None = None,
    ) -> int:
        """A message the OCR missed, added by the user (origin manual, audited as created)."""
        with self.transaction() as c:
            if position is None:
                r = c.execute(
                    "SELECT COALESCE(MAX(position), -1) + 1 FROM messages WHERE screenshot_id=?",
                    (screenshot_id,),
                ).fetchone()
                position = float(r[0])
            cur = c.execute(
                "INSERT INTO messages (screenshot_id, position, origin, kind, direction, sender, time, time_source, "
                "text, box, confidence, date) VALUES (?,?,?,?,?,?,?,?,?,?,1.0,?)",
                (
                    screenshot_id,
                    position,
                    str(Origin.MANUAL),
                    str(kind),
                    str(direction),
                    sender,
                    format_minute(time),
                    str(TimeSource.MANUAL) if time else None,
                    text,
                    json.dumps(box.to_list()) if box else None,
                    _iso_day(time.date() if time else day),
                ),
            )
            mid = int(cur.lastrowid or 0)
            c.execute(
                "INSERT INTO corrections (message_id, field, old, new, at, batch) VALUES (?,?,?,?,?,?)",
                (mid, CREATED, None, text, now().isoformat(), batch or new_batch_id()),
            )
        return mid

    def split_message(self, message_id: int, texts: list[str]) -> list[int]:
        """Replace one bubble the OCR merged by several; the original is excluded, not deleted."""
        if len(texts) < 2:
            raise ValueError("a split needs at least two parts")
        m = self.message(message_id)
        batch = new_batch_id()
        with self.transaction():
            ids = [
                self.add_message(
                    m.screenshot_id,
                    kind=m.kind,
                    direction=m.direction,
                    sender=m.sender,
                    time=m.time,
                    text=t,
                    box=m.box,
                    position=m.position + (i + 1) / (len(texts) + 1),
                    batch=batch,
                    day=m.day,
                )
                for i, t in enumerate(texts)
            ]
            self.correct(message_id, "excluded", True, batch=batch)
        return ids

    def merge_messages(self, message_ids: list[int], separator: str = "") -> int:
        """Join bubbles the OCR split; the parts are excluded, not deleted."""
        if len(message_ids) < 2:
            raise ValueError("a merge needs at least two messages")
        parts = sorted((self.message(i) for i in message_ids), key=lambda m: (m.screenshot_id, m.position))
        first = parts[0]
        if any(p.screenshot_id != first.screenshot_id for p in parts):
            raise ValueError("only messages of one screenshot can be merged")
        batch = new_batch_id()
        with self.transaction():
            mid = self.add_message(
                first.screenshot_id,
                kind=first.kind,
                direction=first.direction,
                sender=first.sender,
                time=first.time,
                text=separator.join(p.text for p in parts),
                box=_union(p.box for p in parts),
                position=first.position + 0.5 / (len(parts) + 1),
                batch=batch,
                day=first.day,
            )
            self.correct_many(((p.id, "excluded", True) for p in parts), batch=batch)
        return mid

    def corrections(self, message_id: int | None = None, *, batch: str | None = None) -> list[Correction]:
        return [
            Correction(r[0], r[1], r[2], r[3], r[4], datetime.fromisoformat(r[5]), r[6])
            for r in self._audit_rows("corrections", "message_id", message_id, batch)
        ]

    def _audit_rows(self, table: str, owner: str, owner_id: int | None, batch: str | None) -> list[tuple[Any, ...]]:
        """Rows of an append-only audit table (``corrections``, ``screenshot_corrections``), oldest first."""
        sql = f"SELECT id, {owner}, field, old, new, at, batch FROM {table}"
        cond: list[str] = []
        args: list[Any] = []
        if owner_id is not None:
            cond.append(f"{owner}=?")
            args.append(owner_id)
        if batch is not None:
            cond.append("batch=?")
            args.append(batch)
        if cond:
            sql += " WHERE " + " AND ".join(cond)
        return list(self._conn.execute(sql + " ORDER BY id", args))

    def revert_batch(self, batch: str) -> str:
        """Undo a batch by appending its inverse (the log only grows); returns the new batch id."""
        undo = new_batch_id()
        with self.transaction():
            for sc in reversed(self.screenshot_corrections(batch=batch)):
                self._set_capture(sc.screenshot_id, sc.old, undo)
            self._revert_messages(batch, undo)
        return undo

    def _revert_messages(self, batch: str, undo: str) -> None:
        changes: list[tuple[int, str, Any]] = []
        for corr in reversed(self.corrections(batch=batch)):
            if corr.field == CREATED:
                changes.append((corr.message_id, "excluded", True))
            else:
                changes.append((corr.message_id, corr.field, decode_value(corr.field, corr.old)))
        self.correct_many(changes, batch=undo, move_minutes=False)

    def reapply_batch(self, batch: str) -> str:
        """Redo a batch that was reverted, again by appending."""
        redo = new_batch_id()
        with self.transaction():
            for sc in self.screenshot_corrections(batch=batch):
                self._set_capture(sc.screenshot_id, sc.new, redo)
            self._reapply_messages(batch, redo)
        return redo

    def _reapply_messages(self, batch: str, redo: str) -> None:
        changes: list[tuple[int, str, Any]] = []
        for corr in self.corrections(batch=batch):
            if corr.field == CREATED:
                changes.append((corr.message_id, "excluded", False))
            else:
                changes.append((corr.message_id, corr.field, decode_value(corr.field, corr.new)))
        self.correct_many(changes, batch=redo, move_minutes=False)

    # -- capture time ---------------------------------------------------------------

    def screenshot_corrections(
        self, screenshot_id: int | None = None, *, batch: str | None = None
    ) -> list[ScreenshotCorrection]:
        return [
            ScreenshotCorrection(r[0], r[1], r[2], r[3], r[4], datetime.fromisoformat(r[5]), r[6])
            for r in self._audit_rows("screenshot_corrections", "screenshot_id", screenshot_id, batch)
        ]

    def set_capture_time(self, screenshot_ids: Iterable[int], value: datetime | None) -> str:
        """The user says when these screenshots were taken; returns the batch (one undo step).

        The change is audited (old time and source, new), and the times of the
        screenshots' messages that the screen shows relative to the capture
        (``昨天``, ``星期二``, ``5分钟前``, a bare ``14:32``) are resolved again
        from their stored on-screen text, as corrections in the same batch. A
        time or day the user corrected by hand is theirs and stays.
        """
        batch = new_batch_id()
        new = encode_capture(value.replace(microsecond=0) if value else None, TimeSource.MANUAL if value else None)
        with self.transaction():
            for sid in dict.fromkeys(screenshot_ids):
                self._set_capture(sid, new, batch)
        return batch

    def _set_capture(self, screenshot_id: int, encoded: str | None, batch: str) -> None:
        """Write one capture-time change and re-resolve the screenshot's messages (inside a transaction)."""
        shot = self.screenshot(screenshot_id)
        old = encode_capture(shot.captured_at, shot.captured_at_source)
        if old == encoded:
            return
        value, source = decode_capture(encoded)
        c = self._conn
        c.execute(
            "INSERT INTO screenshot_corrections (screenshot_id, field, old, new, at, batch) VALUES (?,?,?,?,?,?)",
            (screenshot_id, CAPTURED_AT, old, encoded, now().isoformat(), batch),
        )
        c.execute(
            "UPDATE screenshots SET captured_at=?, captured_at_source=? WHERE id=?",
            (value.isoformat() if value else None, str(source) if source else None, screenshot_id),
        )
        self.correct_many(self._re_resolved(shot, value), batch=batch, move_minutes=False)

    def _re_resolved(self, shot: Screenshot, captured_at: datetime | None) -> list[tuple[int, str, Any]]:
        """Time and day corrections that resolve a screenshot's labels against ``captured_at``."""
        capture_batches = {
            r[0] for r in self._conn.execute("SELECT DISTINCT batch FROM screenshot_corrections") if r[0]
        }
        by_hand: set[int] = set()
        for mid, batch in self._conn.execute(
            "SELECT c.message_id, c.batch FROM corrections c JOIN messages m ON m.id = c.message_id "
            "WHERE m.screenshot_id=? AND c.field IN ('time', 'date')",
            (shot.id,),
        ):
            if batch not in capture_batches:
                by_hand.add(mid)
        msgs = [m for m in self.messages(shot.id) if m.origin == Origin.OCR]
        newest_first = shot.layout in (Layout.SMS_INBOX, Layout.CALL_LOG)
        resolved = resolve_labels([m.time_text for m in msgs], captured_at, newest_first=newest_first)
        changes: list[tuple[int, str, Any]] = []
        for m, (minute, day) in zip(msgs, resolved, strict=True):
            if m.time_text is None or m.id in by_hand:
                continue
            changes += [(m.id, "date", day), (m.id, "time", minute)]
        return changes

    # -- recovery: readings, unassigned lines, messages read on request ----------------

    @staticmethod
    def _record_reading(
        c: sqlite3.Connection,
        screenshot_id: int,
        ex: Extraction,
        forced_layout: Layout | None,
        forced_by: str | None,
    ) -> None:
        """Append this reading (layout, scores, who forced it) and its unassigned lines;
        earlier ones are superseded, never deleted."""
        c.execute("UPDATE readings SET superseded=1 WHERE screenshot_id=?", (screenshot_id,))
        c.execute("UPDATE unassigned_lines SET superseded=1 WHERE screenshot_id=?", (screenshot_id,))
        cur = c.execute(
            "INSERT INTO readings (screenshot_id, at, layout, layout_scores, forced_layout, forced_by, engine) "
            "VALUES (?,?,?,?,?,?,?)",
            (
                screenshot_id,
                now().isoformat(),
                str(ex.layout) if ex.layout else None,
                json.dumps(ex.layout_scores),
                str(forced_layout) if forced_layout else None,
                (forced_by or FORCED_BY_USER) if forced_layout else None,
                ex.engine,
            ),
        )
        reading_id = int(cur.lastrowid or 0)
        c.executemany(
            "INSERT INTO unassigned_lines (screenshot_id, reading_id, position, text, box, confidence) "
            "VALUES (?,?,?,?,?,?)",
            [
                (screenshot_id, reading_id, i, u.text, json.dumps(u.box.to_list()), u.confidence)
                for i, u in enumerate(ex.unassigned)
            ],
        )

    def readings(self, screenshot_id: int) -> list[ReadingRecord]:
        """Every reading of a screenshot, oldest first (the last one is in effect)."""
        rows = self._conn.execute(
            "SELECT id, screenshot_id, at, layout, layout_scores, forced_layout, forced_by, engine, superseded "
            "FROM readings WHERE screenshot_id=? ORDER BY id",
            (screenshot_id,),
        ).fetchall()
        return [
            ReadingRecord(
                id=r[0],
                screenshot_id=r[1],
                at=datetime.fromisoformat(r[2]),
                layout=Layout(r[3]) if r[3] else None,
                layout_scores={str(k): float(v) for k, v in json.loads(r[4] or "{}").items()},
                forced_layout=Layout(r[5]) if r[5] else None,
                forced_by=r[6],
                engine=r[7],
                superseded=bool(r[8]),
            )
            for r in rows
        ]

    def current_reading(self, screenshot_id: int) -> ReadingRecord | None:
        """The reading in effect; None for a screenshot read before readings were kept."""
        live = [r for r in self.readings(screenshot_id) if not r.superseded]
        return live[-1] if live else None

    def unassigned_lines(self, screenshot_id: int, *, include_taken: bool = True) -> list[UnassignedRecord]:
        """The current reading's lines that no parser placed, each marked ``taken`` while a
        message uses it (made from it and not deleted, or still holding its text)."""
        rows = self._conn.execute(
            "SELECT id, text, box, confidence FROM unassigned_lines WHERE screenshot_id=? AND superseded=0 "
            "ORDER BY position, id",
            (screenshot_id,),
        ).fetchall()
        uses: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for line_id, message_id, how in self._conn.execute(
            "SELECT u.line_id, u.message_id, u.how FROM line_uses u JOIN unassigned_lines l ON l.id = u.line_id "
            "WHERE l.screenshot_id=? AND l.superseded=0",
            (screenshot_id,),
        ):
            uses[line_id].append((message_id, how))
        out: list[UnassignedRecord] = []
        for lid, text, box, conf in rows:
            taken = False
            for message_id, how in uses.get(lid, []):
                m = self.message(message_id)
                if not m.excluded and (how == LINE_NEW or _squeezed(text) in _squeezed(m.text)):
                    taken = True
            if include_taken or not taken:
                out.append(
                    UnassignedRecord(lid, screenshot_id, text, Box.from_list(json.loads(box)), float(conf), taken)
                )
        return out

    def unassigned_line(self, line_id: int) -> UnassignedRecord:
        r = self._conn.execute("SELECT screenshot_id FROM unassigned_lines WHERE id=?", (line_id,)).fetchone()
        if r is None:
            raise KeyError(line_id)
        for line in self.unassigned_lines(int(r[0])):
            if line.id == line_id:
                return line
        raise KeyError(line_id)  # a superseded line: a newer reading replaced it

    def add_read_messages(
        self, screenshot_id: int, read: list[ExtractedMessage], positions: list[float], *, batch: str | None = None
    ) -> list[int]:
        """Messages the user asked the OCR to read (a box drawn over a missed one).

        They are user-added (origin manual-from-ocr, a ``created`` audit row each)
        and keep what the OCR read as their OCR values, so a later edit is a
        correction against it like on any OCR message.
        """
        if len(positions) != len(read):
            raise ValueError("one position per message")
        batch = batch or new_batch_id()
        with self.transaction() as c:
            return [self._insert_read(c, screenshot_id, m, p, batch) for m, p in zip(read, positions, strict=True)]

    def message_from_line(
        self,
        line_id: int,
        *,
        kind: Kind,
        direction: Direction,
        sender: str | None,
        time: datetime | None,
        position: float,
        batch: str | None = None,
    ) -> int:
        """A new message from an unassigned line: the line's text is its OCR text; the
        sender and time the window proposes are corrections (the OCR read none)."""
        line = self.unassigned_line(line_id)
        batch = batch or new_batch_id()
        read = ExtractedMessage(kind, direction, None, None, line.text, line.box, line.confidence)
        with self.transaction() as c:
            mid = self._insert_read(c, line.screenshot_id, read, position, batch)
            self.correct_many(((mid, "sender", sender), (mid, "time", time)), batch=batch)
            c.execute(
                "INSERT INTO line_uses (line_id, message_id, how, at, batch) VALUES (?,?,?,?,?)",
                (line_id, mid, LINE_NEW, now().isoformat(), batch),
            )
        return mid

    def append_line(self, line_id: int, message_id: int, *, batch: str | None = None) -> Correction | None:
        """Add an unassigned line to a message's text: an audited text correction."""
        line = self.unassigned_line(line_id)
        m = self.message(message_id)
        if m.screenshot_id != line.screenshot_id:
            raise ValueError("a line can only join a message of its own screenshot")
        batch = batch or new_batch_id()
        with self.transaction() as c:
            made = self.correct(message_id, "text", join_lines([m.text, line.text]), batch=batch)
            c.execute(
                "INSERT INTO line_uses (line_id, message_id, how, at, batch) VALUES (?,?,?,?,?)",
                (line_id, message_id, LINE_APPEND, now().isoformat(), batch),
            )
        return made

    @staticmethod
    def _insert_read(c: sqlite3.Connection, screenshot_id: int, m: ExtractedMessage, position: float, batch: str) -> int:
        cur = c.execute(_INSERT_MESSAGE, _message_row(screenshot_id, position, Origin.MANUAL_FROM_OCR, m))
        mid = int(cur.lastrowid or 0)
        c.execute(
            "INSERT INTO corrections (message_id, field, old, new, at, batch) VALUES (?,?,?,?,?,?)",
            (mid, CREATED, None, m.text, now().isoformat(), batch),
        )
        return mid

    # -- tags ---------------------------------------------------------------------

    def tags(self, message_id: int | None = None) -> list[Tag]:
        sql = "SELECT message_id, tag, state, source, at FROM tags"
        args: tuple[Any, ...] = ()
        if message_id is not None:
            sql += " WHERE message_id=?"
            args = (message_id,)
        return [
            Tag(r[0], r[1], TagState(r[2]), r[3], datetime.fromisoformat(r[4]))
            for r in self._conn.execute(sql + " ORDER BY message_id, tag", args)
        ]

    def set_tag(self, message_id: int, tag: str, state: TagState, source: str = "user") -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT INTO tags (message_id, tag, state, source, at) VALUES (?,?,?,?,?) "
                "ON CONFLICT(message_id, tag) DO UPDATE SET state=excluded.state, source=excluded.source, "
                "at=excluded.at",
                (message_id, tag, str(state), source, now().isoformat()),
            )

    def suggest_tags(self, suggestions: Iterable[tuple[int, str, str]]) -> int:
        """Record rule suggestions (message, tag, rule id), never overriding a user's decision."""
        n = 0
        with self.transaction() as c:
            for message_id, tag, source in suggestions:
                cur = c.execute(
                    "INSERT INTO tags (message_id, tag, state, source, at) VALUES (?,?,?,?,?) "
                    "ON CONFLICT(message_id, tag) DO NOTHING",
                    (message_id, tag, str(TagState.SUGGESTED), source, now().isoformat()),
                )
                n += cur.rowcount
        return n

    # -- counterparties -------------------------------------------------------------

    def parties(self) -> list[Party]:
        members: dict[int, list[str]] = defaultdict(list)
        for pid, sender in self._conn.execute("SELECT party_id, sender FROM party_members ORDER BY sender"):
            members[pid].append(sender)
        return [
            Party(pid, name, tuple(members[pid]))
            for pid, name in self._conn.execute("SELECT id, name FROM parties ORDER BY name")
        ]

    def set_party(self, name: str, members: Iterable[str]) -> int:
        """Create or replace a party; a sender belongs to at most one party (moved if needed)."""
        with self.transaction() as c:
            c.execute("INSERT INTO parties(name) VALUES(?) ON CONFLICT(name) DO NOTHING", (name,))
            pid = int(c.execute("SELECT id FROM parties WHERE name=?", (name,)).fetchone()[0])
            c.execute("DELETE FROM party_members WHERE party_id=?", (pid,))
            for m in members:
                c.execute(
                    "INSERT INTO party_members(party_id, sender) VALUES(?, ?) "
                    "ON CONFLICT(sender) DO UPDATE SET party_id=excluded.party_id",
                    (pid, m),
                )
        return pid

    def remove_party(self, name: str) -> None:
        with self.transaction() as c:
            c.execute("DELETE FROM parties WHERE name=?", (name,))

    # -- integrity ---------------------------------------------------------------------

    def verify(self) -> list[VerifyProblem]:
        """Re-hash every original; report the missing and the altered."""
        problems = []
        for shot in self.screenshots():
            p = verify_original(self.paths.originals, shot.sha256, shot.ext)
            if p is not None:
                problems.append(p)
        return problems


def _with_moved_minutes(store: CaseStore, changes: Iterable[tuple[int, str, Any]]) -> list[tuple[int, str, Any]]:
    """A user's new day for an item with a minute takes the minute along (same clock, new day);
    an unknown day leaves no minute. Times set in the same change win."""
    out = list(changes)
    timed = {(mid) for mid, f, _ in out if f == "time"}
    extra: list[tuple[int, str, Any]] = []
    for mid, f, value in out:
        if f != "date" or mid in timed:
            continue
        current = store.message(mid)
        if current.time is None:
            continue
        if value is None:
            extra.append((mid, "time", None))
        else:
            new_day = value if isinstance(value, date) else date.fromisoformat(str(value))
            extra.append((mid, "time", datetime.combine(new_day, current.time.time())))
    return out + extra
