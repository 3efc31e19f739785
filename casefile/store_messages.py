"""Messages, their corrections, undo and redo, and the capture time: the
``messages``, ``corrections`` and ``screenshot_corrections`` tables of ``CaseStore``.

The capture time lives here, not with the screenshots, because setting it
re-resolves the messages' times as corrections, and undo replays both logs.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from casefile.model import (
    CAPTURED_AT,
    CORRECTABLE_FIELDS,
    PHONE,
    Correction,
    Message,
    OcrValues,
    Origin,
    Screenshot,
    ScreenshotCorrection,
)
from casefile.phones import phone_name
from casefile.store_core import now
from casefile.store_shots import ShotsStore
from casefile.store_values import (
    _day,
    _iso_day,
    _union,
    decode_capture,
    decode_labels,
    decode_value,
    encode_capture,
    encode_labels,
    encode_value,
    new_batch_id,
)
from ocr.model import Box, Direction, Kind, Layout, TimeSource, format_minute, parse_iso
from ocr.times import resolve_labels

CREATED = "created"  # the audit field recorded when a user adds a message by hand


class MessagesStore(ShotsStore):
    """Messages with corrections applied; every user change is an appended audit row."""

    # -- messages ---------------------------------------------------------------

    _MSG_COLS = (
        "id, screenshot_id, position, origin, kind, direction, sender, time, time_source, text, box, "
        "confidence, field_confidence, duration_s, date, time_text, labels"
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
        (mid, sid, pos, origin, kind, direction, sender, time, tsrc, text, box, conf, fconf, dur, day, ttext, labels) = r
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
            labels=decode_labels(labels),
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
        labels: tuple[str, ...] = (),
    ) -> int:
        """A message the OCR missed, added by the user (origin manual, audited as created).

        ``labels`` only carries a row's labels the OCR read over to the parts of a
        split or merge: a user never types labels.
        """
        with self.transaction() as c:
            if position is None:
                r = c.execute(
                    "SELECT COALESCE(MAX(position), -1) + 1 FROM messages WHERE screenshot_id=?",
                    (screenshot_id,),
                ).fetchone()
                position = float(r[0])
            cur = c.execute(
                "INSERT INTO messages (screenshot_id, position, origin, kind, direction, sender, time, time_source, "
                "text, box, confidence, date, labels) VALUES (?,?,?,?,?,?,?,?,?,?,1.0,?,?)",
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
                    encode_labels(labels),
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
                    labels=m.labels,
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
                labels=tuple(dict.fromkeys(lab for p in parts for lab in p.labels)),
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
                self._set_shot_field(sc, sc.old, undo)
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
                self._set_shot_field(sc, sc.new, redo)
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

    def set_phone(self, screenshot_ids: Iterable[int], phone: str) -> str:
        """The user says whose phone these screenshots came from; returns the batch (one undo step).

        Audited like a capture time (old owner, new owner). Nothing else is
        rewritten: what "me" means on a screenshot follows from its phone when
        the timeline is built.
        """
        batch = new_batch_id()
        name = phone_name(phone)
        with self.transaction():
            for sid in dict.fromkeys(screenshot_ids):
                self._set_phone(sid, name, batch)
        return batch

    def _set_phone(self, screenshot_id: int, name: str, batch: str) -> None:
        old = self.screenshot(screenshot_id).phone
        if old == name:
            return
        self._conn.execute(
            "INSERT INTO screenshot_corrections (screenshot_id, field, old, new, at, batch) VALUES (?,?,?,?,?,?)",
            (screenshot_id, PHONE, old, name, now().isoformat(), batch),
        )
        self._conn.execute("UPDATE screenshots SET phone=? WHERE id=?", (name, screenshot_id))

    def _set_shot_field(self, sc: ScreenshotCorrection, value: str | None, batch: str) -> None:
        """Undo or redo one audited screenshot change (inside a transaction)."""
        if sc.field == PHONE:
            self._set_phone(sc.screenshot_id, phone_name(value), batch)
        else:
            self._set_capture(sc.screenshot_id, value, batch)

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
            r[0]
            for r in self._conn.execute(
                "SELECT DISTINCT batch FROM screenshot_corrections WHERE field=?", (CAPTURED_AT,)
            )
            if r[0]
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


def _with_moved_minutes(store: MessagesStore, changes: Iterable[tuple[int, str, Any]]) -> list[tuple[int, str, Any]]:
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
