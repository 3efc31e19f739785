"""OCR results and their recovery: what a reading stored, the readings kept, the
lines no parser placed, and messages read on request (the ``readings``,
``unassigned_lines`` and ``line_uses`` tables of ``CaseStore``).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from datetime import datetime

from casefile.model import Correction, OcrStatus, Origin, ReadingRecord, UnassignedRecord
from casefile.store_core import now
from casefile.store_messages import CREATED, MessagesStore
from casefile.store_values import _INSERT_MESSAGE, _message_row, _squeezed, new_batch_id
from ocr.model import Box, Direction, ExtractedMessage, Extraction, Kind, Layout
from ocr.text import join_lines

FORCED_BY_USER = "user"  # who chose a layout in 核对 → 按…重新识别 (a desktop case has one user)
LINE_NEW = "new"  # a message made from an unassigned line
LINE_APPEND = "append"  # an unassigned line added to a message's text


class RecoveryStore(MessagesStore):
    """Readings of a screenshot and what the user recovers from them."""

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
