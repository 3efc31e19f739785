"""The review pane's brain: which screenshot is shown, and every edit as an undoable correction.

Why a controller: the table and the image only show and ask. Here each
request becomes one ``casefile`` call that writes the correction with its audit
row (the OCR value is never overwritten) and, when something changed, one
command on the undo stack. The pane is then refilled from the store.

Recovery too: a line the OCR placed nowhere becomes a message (or joins the
selected one); a box drawn over a missed message is read by ``BoxReader`` and
its messages added, audited as the user's. Where they go: ``placement``.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import datetime

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QPixmap, QUndoStack
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from casefile.model import Screenshot, TagState
from casefile.reading import BoxResult, box_request
from casefile.store import CaseStore, new_batch_id
from gui import settings
from gui.controllers.box_reader import BoxReader
from gui.controllers.layout_note import layout_name, layout_note
from gui.controllers.placement import position_for_box, positions_between, time_above, usual_sender
from gui.controllers.undo import BatchCommand
from gui.models.message_table_model import Column, low_cells
from gui.models.screenshot_list_model import ScreenshotListModel
from gui.phone_text import source_note
from gui.tasks import TaskRunner
from gui.views.capture_time_dialog import CaptureTimeDialog, CaptureTimeText
from gui.views.dialogs import SetAllDialog, SplitDialog
from gui.views.review_pane import ReviewPane
from gui.views.tag_menu import build_tag_menu
from ocr.model import ME, Box, Direction, Kind, Layout

log = logging.getLogger(__name__)

_KIND_OF = {Layout.CHAT_THREAD: Kind.CHAT, Layout.CALL_LOG: Kind.CALL}


class ReviewController(QObject):
    changed = Signal(int)  # a screenshot's messages or review state changed
    current_changed = Signal(int)  # the screenshot shown (-1: none)
    status = Signal(str)  # a short note for the status bar
    progress = Signal(str, int, int)  # phase ("read"), done, total: reading a drawn box
    running_changed = Signal(bool)  # a drawn box is being read
    box_read = Signal(list)  # ids of the messages a drawn box gave (empty: nothing legible, typed instead)

    def __init__(
        self,
        pane: ReviewPane,
        list_model: ScreenshotListModel,
        undo: QUndoStack,
        parent: QObject | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.engine: str | None = None  # None: the engine chosen in the Review menu
        self._box_reader = BoxReader(runner, self) if runner is not None else None
        if self._box_reader is not None:
            self._box_reader.progress.connect(self.progress)
            self._box_reader.running_changed.connect(self._box_running)
            self._box_reader.read.connect(self._box_done)
            self._box_reader.failed.connect(self._box_failed)
        self.pane = pane
        self.model = pane.model
        self.list_model = list_model
        self.undo = undo
        self.store: CaseStore | None = None
        self.current: int | None = None
        self._pixmaps: dict[int, QPixmap] = {}
        self.model.edit_requested.connect(self.edit)
        pane.add_requested.connect(self.read_drawn_box)
        pane.line_to_message_requested.connect(self.line_to_message)
        pane.line_to_selected_requested.connect(self.line_to_selected)
        pane.delete_requested.connect(self.delete)
        pane.split_requested.connect(self.split)
        pane.merge_requested.connect(self.merge)
        pane.set_all_requested.connect(self.set_all)
        pane.reviewed_toggled.connect(self.set_reviewed)
        pane.tag_menu_requested.connect(self._pop_tag_menu)

    def set_store(self, store: CaseStore | None) -> None:
        self.cancel_reading()
        self.store = store
        self.current = None
        self._pixmaps = {}
        self.undo.clear()
        self.model.set_messages([])
        self.pane.show_empty(self._empty_text())
        self.current_changed.emit(-1)

    def _empty_text(self) -> str:
        return self.tr(
            "Drag screenshots of text messages, chats or call logs anywhere onto this window,\n"
            "or choose File → Import screenshots (Ctrl+O).\n\n"
            "They are copied into the case unchanged and read automatically."
        )

    # -- showing ------------------------------------------------------------------------

    def show(self, screenshot_id: int | None) -> None:
        """Show a screenshot and its messages (None: the empty hint)."""
        if self.store is None or screenshot_id is None:
            self.current = None
            self.model.set_messages([])
            self.pane.show_empty(self._empty_text())
            self.current_changed.emit(-1)
            return
        shot = self.store.screenshot(screenshot_id)
        changed = screenshot_id != self.current
        self.current = screenshot_id
        self._load_messages(shot)
        if changed:
            self.pane.show_screenshot(shot, self._pixmap(shot), self._subtitle(shot))
            self.current_changed.emit(screenshot_id)
        else:
            self.pane.subtitle.setText(self._subtitle(shot))
            self.pane.set_reviewed_checked(shot.reviewed)
            self.pane.refresh_boxes()
        self._show_recovery(shot)

    def reload(self, screenshot_id: int) -> None:
        """The store changed for this screenshot (an OCR result, an undo): refresh if shown."""
        if screenshot_id == self.current:
            self.show(screenshot_id)

    def _load_messages(self, shot: Screenshot) -> None:
        assert self.store is not None
        selected = self.pane.selected_ids()
        row, col = self.pane.current_cell()
        msgs = self.store.messages(shot.id)
        ids = {m.id for m in msgs}
        self.model.fallback_day = shot.captured_at.date() if shot.captured_at else None
        self.model.phone = shot.phone  # on another person's phone, "me" is that person
        self.model.set_messages(msgs, [t for t in self.store.tags() if t.message_id in ids])
        if selected:
            for mid in selected:
                if self.pane.select_message(mid, col if col >= 0 else Column.TEXT):
                    break
        elif 0 <= row < self.model.rowCount():
            self.pane.select_cell(row, col)

    def _show_recovery(self, shot: Screenshot) -> None:
        """The dimmed unassigned lines and how sure the layout guess is."""
        assert self.store is not None
        lines = self.store.unassigned_lines(shot.id, include_taken=False)
        self.pane.set_unassigned([(u.id, u.box, u.text) for u in lines])
        self.pane.set_current_layout(shot.layout)
        text, unsure = layout_note(self.store.current_reading(shot.id), shot.layout)
        if lines:
            hint = self.tr(
                "%n line(s) the OCR read but put in no message are outlined in purple: click one to use it.",
                "",
                len(lines),
            )
            text = f"{text} {hint}".strip()
        self.pane.set_layout_note(text, unsure)

    # -- tags -------------------------------------------------------------------------------

    def tag_menu(self, message_id: int) -> QMenu | None:
        """The shared tag menu for one row; after a choice the rows and the timeline are refreshed."""
        if self.store is None or self.current is None:
            return None
        states: dict[str, TagState] = {t.tag: t.state for t in self.store.tags(message_id)}
        shot_id = self.current

        def changed() -> None:
            self.reload(shot_id)
            self.changed.emit(shot_id)

        return build_tag_menu(self.pane.table, self.store, (message_id,), states, changed)

    def _pop_tag_menu(self, message_id: int, pos: QPoint) -> None:
        menu = self.tag_menu(message_id)
        if menu is not None:
            menu.exec(pos)
            menu.deleteLater()

    def _pixmap(self, shot: Screenshot) -> QPixmap | None:
        assert self.store is not None
        pm = self._pixmaps.get(shot.id)
        if pm is None:
            pm = QPixmap(str(self.store.original_file(shot)))
            if len(self._pixmaps) > 6:
                self._pixmaps.pop(next(iter(self._pixmaps)))
            self._pixmaps[shot.id] = pm
        return pm

    def _subtitle(self, shot: Screenshot) -> str:
        parts = source_note(shot.phone, self.store.phones()) if self.store is not None else []  # 来源手机
        if shot.thread_title:
            parts.append(shot.thread_title)
        # With its source: a file's modification time is said to be uncertain, never "taken".
        parts.append(CaptureTimeText(self).describe(shot))
        if shot.layout is not None:
            parts.append(layout_name(shot.layout))
        n = self.model.rowCount()
        parts.append(self.tr("%n message(s)", "", n))
        return "  ·  ".join(parts)

    # -- edits ----------------------------------------------------------------------------

    def _push(self, text: str, batch: str, screenshot_id: int) -> None:
        assert self.store is not None
        log.info("correction batch %s on screenshot %d", batch[:8], screenshot_id)
        self.undo.push(BatchCommand(self.store, text, batch, screenshot_id, self._after_change))

    def _after_change(self, screenshot_id: int) -> None:
        if self.current != screenshot_id:
            self.show(screenshot_id)
            self.current_changed.emit(screenshot_id)
        else:
            self.show(screenshot_id)
        self.changed.emit(screenshot_id)

    def edit(self, message_id: int, field: str, value: object) -> None:
        if self.store is None:
            return
        batch = new_batch_id()
        made = self.store.correct_many([(message_id, field, value)], batch=batch)
        if made:
            names = {
                "sender": self.tr("Edit sender"),
                "time": self.tr("Edit time"),
                "date": self.tr("Edit date"),
                "text": self.tr("Edit text"),
                "direction": self.tr("Edit direction"),
            }
            self._push(names.get(field, self.tr("Edit")), batch, self.store.message(message_id).screenshot_id)

    def set_capture_time(self) -> None:
        """Ask when the current screenshot (and any others ticked) was taken; store it as one undo step.

        The store re-resolves the relative times of their messages; the timeline follows.
        """
        if self.store is None:
            return
        shots = self.store.screenshots()
        if not shots:
            return
        dialog = CaptureTimeDialog(shots, self.current, self.pane)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.apply_capture_time(dialog.chosen_ids(), dialog.value())

    def apply_capture_time(self, screenshot_ids: list[int], value: datetime) -> None:
        if self.store is None or not screenshot_ids:
            return
        batch = self.store.set_capture_time(screenshot_ids, value)
        if not self.store.screenshot_corrections(batch=batch):
            return  # the same time as before: nothing to undo
        shown = self.current if self.current in screenshot_ids else screenshot_ids[0]
        self._push(self.tr("Set capture time"), batch, shown)
        n = len(screenshot_ids)
        self.status.emit(
            self.tr("Capture time set for %n screenshot(s); their relative times were worked out again.", "", n)
        )

    def delete(self, ids: list[int]) -> None:
        if self.store is None or self.current is None or not ids:
            return
        batch = new_batch_id()
        if self.store.correct_many([(i, "excluded", True) for i in ids], batch=batch):
            self._push(self.tr("Delete %n message(s)", "", len(ids)), batch, self.current)
            self.status.emit(self.tr("Deleted. The message stays in the correction record; Ctrl+Z brings it back."))

    def add_message(self, box: Box) -> None:
        """A message the OCR missed, outlined by the user; its text is typed next."""
        if self.store is None or self.current is None:
            return
        shot = self.store.screenshot(self.current)
        existing = [m for m in self.store.messages(shot.id) if not m.excluded]
        batch = new_batch_id()
        mid = self.store.add_message(
            shot.id,
            kind=_KIND_OF.get(shot.layout or Layout.SMS_THREAD, Kind.SMS),
            direction=Direction.INCOMING,
            sender=usual_sender(existing),
            time=time_above(existing, box.y),
            text="",
            box=box,
            position=position_for_box(existing, box.y),
            batch=batch,
        )
        self._push(self.tr("Add message"), batch, shot.id)
        self.pane.edit_text_of(mid)

    # -- recovery: lines the OCR placed nowhere, boxes drawn over missed messages ------------

    def line_to_message(self, line_id: int) -> int | None:
        """Make an unassigned line a message: its text as read, sender and time proposed
        from the screenshot (the thread title or the usual sender; the time above it)."""
        if self.store is None or self.current is None:
            return None
        shot = self.store.screenshot(self.current)
        line = self.store.unassigned_line(line_id)
        existing = [m for m in self.store.messages(shot.id) if not m.excluded]
        layout = shot.layout or Layout.SMS_THREAD
        threads = (Layout.SMS_THREAD, Layout.CHAT_THREAD)
        pix = self._pixmap(shot)
        width = pix.width() if pix is not None and not pix.isNull() else shot.width
        mine = layout in threads and line.box.x + line.box.w / 2 > width * 0.6 and line.box.x > width * 0.25
        sender: str | None = None
        if mine:
            direction, sender = Direction.OUTGOING, ME
        else:
            direction = Direction.INCOMING
            sender = shot.thread_title if layout in threads and shot.thread_title else None
            if sender is None and layout in threads:
                sender = usual_sender(existing)
        time = time_above(existing, line.box.y) if layout in threads else None
        batch = new_batch_id()
        mid = self.store.message_from_line(
            line_id,
            kind=_KIND_OF.get(layout, Kind.SMS),
            direction=direction,
            sender=sender,
            time=time,
            position=positions_between(existing, line.box.y, 1)[0],
            batch=batch,
        )
        self._push(self.tr("Make a message from a read line"), batch, shot.id)
        self.pane.select_message(mid)
        self.status.emit(self.tr("Added as a message. Check its sender and time."))
        return mid

    def line_to_selected(self, line_id: int, message_id: int) -> None:
        """Add an unassigned line to a message's text (a bubble the parser cut short)."""
        if self.store is None:
            return
        batch = new_batch_id()
        if self.store.append_line(line_id, message_id, batch=batch) is not None:
            self._push(self.tr("Add a read line to a message"), batch, self.store.message(message_id).screenshot_id)
            self.pane.select_message(message_id)

    @property
    def reading_box(self) -> bool:
        return self._box_reader is not None and self._box_reader.busy

    def read_drawn_box(self, box: Box) -> None:
        """Read a box drawn over a missed message, in a worker; its messages are added when read.

        Without a runner (or with nothing legible in the box) the message is
        added empty for the user to type: typing stays the last resort.
        """
        if self.store is None or self.current is None:
            return
        if self._box_reader is None:
            self.add_message(box)
            return
        if self._box_reader.busy:
            self.status.emit(self.tr("Still reading the last box; please wait a moment."))
            return
        request = box_request(self.store, self.store.screenshot(self.current), box)
        self.pane.image.show_pending(box)
        self._box_reader.start(request, self.engine or settings.ocr_engine())

    def cancel_reading(self) -> None:
        if self._box_reader is not None:
            self._box_reader.cancel()

    def _box_done(self, result: BoxResult) -> None:
        store = self.store
        if store is None:
            return
        self.pane.image.show_pending(None)  # read: the messages' own boxes take its place
        sid = result.request.screenshot_id
        read = result.messages
        if not read:
            if self.current == sid:
                self.add_message(result.request.box)
                self.status.emit(
                    self.tr("Nothing legible in the box: the message was added empty, please type its text.")
                )
            self.box_read.emit([])
            return
        existing = [m for m in store.messages(sid) if not m.excluded]
        top = min((m.box.y for m in read if m.box is not None), default=result.request.box.y)
        batch = new_batch_id()
        ids = store.add_read_messages(sid, read, positions_between(existing, top, len(read)), batch=batch)
        self._push(self.tr("Read %n missed message(s)", "", len(ids)), batch, sid)
        for mid in ids[:1]:
            self.pane.select_message(mid)
        self.status.emit(self.tr("Read %n message(s) from the box. Please check them.", "", len(ids)))
        self.box_read.emit(ids)

    def _box_failed(self) -> None:
        self.status.emit(self.tr("The box could not be read. You can type the message instead."))
        self.pane.image.show_pending(None)
        self.box_read.emit([])

    def _box_running(self, on: bool) -> None:
        if not on:
            self.pane.image.show_pending(None)
        self.running_changed.emit(on)

    def split(self, message_id: int) -> None:
        if self.store is None:
            return
        m = self.store.message(message_id)
        dialog = SplitDialog(m.text, self._dialog_parent())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        parts = dialog.parts()
        if len(parts) < 2:
            self.status.emit(self.tr("Nothing to split: put each message on its own line."))
            return
        ids = self.store.split_message(message_id, parts)
        batch = self.store.corrections(message_id=ids[0])[0].batch
        if batch:
            self._push(self.tr("Split message"), batch, m.screenshot_id)

    def merge(self, ids: list[int]) -> None:
        if self.store is None or len(ids) < 2:
            return
        mid = self.store.merge_messages(ids)
        batch = self.store.corrections(message_id=mid)[0].batch
        if batch:
            self._push(self.tr("Merge messages"), batch, self.store.message(mid).screenshot_id)
            self.pane.select_message(mid)

    def set_all(self) -> None:
        if self.store is None or self.current is None:
            return
        msgs = [m for m in self.store.messages(self.current) if not m.excluded]
        if not msgs:
            return
        senders = Counter(m.sender for m in msgs if m.sender)
        first_time = next((m.time for m in msgs if m.time), None)
        dialog = SetAllDialog(senders.most_common(1)[0][0] if senders else "", first_time, self._dialog_parent())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        sender, time = dialog.values()
        self.apply_to_all(sender, time)

    def apply_to_all(self, sender: str | None, time: datetime | None) -> None:
        """Give every message of the current screenshot this sender and/or time (one undo step)."""
        if self.store is None or self.current is None:
            return
        changes: list[tuple[int, str, object]] = []
        for m in self.store.messages(self.current):
            if m.excluded:
                continue
            if sender is not None and m.direction is not Direction.OUTGOING:
                changes.append((m.id, "sender", sender))
            if time is not None:
                changes.append((m.id, "time", time))
        batch = new_batch_id()
        if self.store.correct_many(changes, batch=batch):
            self._push(self.tr("Set sender/time for all"), batch, self.current)

    def set_reviewed(self, on: bool) -> None:
        if self.store is None or self.current is None:
            return
        self.store.set_reviewed(self.current, on)
        self.changed.emit(self.current)

    # -- keyboard review -----------------------------------------------------------------

    def next_low_confidence(self) -> bool:
        """Jump to the next unsure field: later in this table, then on later screenshots."""
        if self.store is None:
            return False
        row, col = self.pane.current_cell()
        cells = low_cells(self.model.messages())
        for r, c in cells:
            if (r, c) > (row, col):
                self.pane.select_cell(r, c)
                return True
        ids = self.list_model.shot_ids()
        start = ids.index(self.current) + 1 if self.current in ids else 0
        for sid in ids[start:] + ids[:start]:
            if sid == self.current:
                continue
            msgs = [m for m in self.store.messages(sid) if not m.excluded]
            if low_cells(msgs):
                self.show(sid)
                cells = low_cells(self.model.messages())
                if cells:
                    self.pane.select_cell(*cells[0])
                return True
        if cells:
            self.pane.select_cell(*cells[0])
            return True
        self.status.emit(self.tr("No unsure fields left."))
        return False

    def _dialog_parent(self) -> QWidget:
        return self.pane.window()
