"""The timeline: every message of the case by day, with a per-day chart and filters.

Why this shape: harassment by debt collectors is a pattern (dozens of messages
a day, the same threat every morning, calls at night), so the chart on top
shows the pattern at a glance, and the list below proves it message by
message, grouped under sticky day headers ("2025年3月8日 星期六 · 47 条").
The widget only presents: ``gui.controllers.timeline_loader`` reads the case
and builds its chronology, the rows come from ``gui.models.timeline_model``,
counts and thresholds from ``casefile.patterns``, drawing from ``timeline_paint``.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, QPoint, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casefile.model import TagState
from casefile.patterns import choice_counts, entry_days
from casefile.store import CaseStore
from casefile.timeline import Timeline, TimelineFilter
from gui.controllers.timeline_loader import CaseSnapshot, TimelineLoader
from gui.models.thumbnails import ThumbnailCache
from gui.models.timeline_model import DAY_ROLE, Column, TimelineModel
from gui.tasks import TaskRunner
from gui.views.frequency_chart import FrequencyChart
from gui.views.parties_dialog import PartiesDialog
from gui.views.phone_widgets import PhoneFilter, phone_counts, widen_for_phones
from gui.views.tag_menu import build_tag_menu
from gui.views.timeline_paint import StickyHeader, TimelineDelegate, style_table
from ocr.model import ME, Direction, Kind

log = logging.getLogger(__name__)

THUMB_DECODE_SIZE = QSize(64, 64)  # decoded once, drawn at the row height (sharp on HiDPI)


class TimelineView(QWidget):
    """Chart, filters and the day-grouped message list of one case.

    ``openMessageRequested(message_id)`` is emitted on double-click; the main
    window opens that message in the review pane.
    """

    openMessageRequested = Signal(int)  # noqa: N815 - the name the main window connects to
    loaded = Signal()  # a refresh finished and the list shows the new timeline
    tagsChanged = Signal()  # noqa: N815 - the user confirmed, removed or added a tag here
    partiesChanged = Signal()  # noqa: N815 - the user edited counterparties from here

    def __init__(self, parent: QWidget | None = None, runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.loader = TimelineLoader(runner, self)
        self.model = TimelineModel(self)
        self.thumbnails = ThumbnailCache(THUMB_DECODE_SIZE, runner, self)
        self.model.attach_thumbnails(self.thumbnails)

        self.who_combo = QComboBox()
        self.tag_combo = QComboBox()
        self.kind_combo = QComboBox()
        self.phone_combo = PhoneFilter(self)  # the receiving phone, shown once the case has several
        self.from_edit = self._date_edit()
        self.to_edit = self._date_edit()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search text, number or name"))
        self.search_edit.setClearButtonEnabled(True)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #6b737d;")
        for combo in (self.who_combo, self.tag_combo, self.kind_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMaximumWidth(260)
        self.kind_combo.addItem(self.tr("All types"), None)
        self.kind_combo.addItem(self.tr("SMS"), Kind.SMS)
        self.kind_combo.addItem(self.tr("Chat"), Kind.CHAT)
        self.kind_combo.addItem(self.tr("Call"), Kind.CALL)

        self.chart = FrequencyChart()
        self.table = QTableView()
        self._setup_table()
        self._sticky = StickyHeader(self.table)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #6b737d; padding: 24px;")
        self._stack = QStackedWidget()
        self._stack.addWidget(self.table)
        self._stack.addWidget(self.empty_label)

        self._layout()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._updating = False
        self._connect()
        self._apply_filter()

    # -- construction --------------------------------------------------------------

    def _date_edit(self) -> QDateEdit:
        e = QDateEdit()
        e.setCalendarPopup(True)
        e.setDisplayFormat("yyyy-MM-dd")
        e.setSpecialValueText(self.tr("Any"))
        e.setMinimumDate(QDate(2000, 1, 1))
        e.setDate(e.minimumDate())
        return e

    def _setup_table(self) -> None:
        t = self.table
        t.setModel(self.model)
        t.setItemDelegate(TimelineDelegate(t))
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        t.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        t.setShowGrid(False)
        t.setWordWrap(False)
        t.setTextElideMode(Qt.TextElideMode.ElideRight)
        t.setCornerButtonEnabled(False)
        t.setMouseTracking(True)
        style_table(t, self.model.kind_text(Kind.CHAT, Direction.INCOMING))

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.setSpacing(6)
        for w in (self.who_combo, self.tag_combo, self.kind_combo, self.phone_combo):
            bar.addWidget(w)
        bar.addSpacing(6)
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.from_edit)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.to_edit)
        bar.addSpacing(6)
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.clear_button)
        status = QHBoxLayout()
        status.addWidget(self.count_label)
        status.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.setSpacing(6)
        lay.addWidget(self.chart)
        lay.addLayout(bar)
        lay.addLayout(status)
        lay.addWidget(self._stack, 1)

    def _connect(self) -> None:
        self.loader.case_read.connect(self._case_read)
        self.loader.built.connect(self._show_timeline)
        self.loader.failed.connect(self._build_failed)
        for combo in (self.who_combo, self.tag_combo, self.kind_combo, self.phone_combo):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.from_edit.dateChanged.connect(self._apply_filter)
        self.to_edit.dateChanged.connect(self._apply_filter)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self._apply_filter)
        self.clear_button.clicked.connect(self.clear_filters)
        self.chart.day_clicked.connect(self.jump_to_day)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.verticalScrollBar().valueChanged.connect(self._update_sticky)
        self.table.installEventFilter(self)
        sel = self.table.selectionModel()
        sel.currentRowChanged.connect(self._current_changed)

    # -- public API -------------------------------------------------------------------

    def set_store(self, store: CaseStore | None) -> None:
        """Show the case in ``store`` (None: no case open). The store stays the caller's."""
        self.loader.set_store(store)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the case (after an import, OCR or a correction), keeping filters and place.

        The loader reads the store on the GUI thread and merges in a worker;
        the old timeline stays visible until the new one arrives.
        """
        self.loader.load()
        if self.loader.loading:
            self.count_label.setText(self.tr("Updating the timeline…"))

    @property
    def loading(self) -> bool:
        """True while a refresh is being built in the background."""
        return self.loader.loading

    def show_timeline(self, timeline: Timeline) -> None:
        """Show an already built chronology (a host that builds it itself; benchmarks)."""
        self.loader.supersede()
        self._show_timeline(timeline)

    @Slot(object)
    def _case_read(self, snapshot: CaseSnapshot) -> None:
        self.thumbnails.set_paths(snapshot.paths)
        self.model.rules = snapshot.rules

    @Slot(object)
    def _show_timeline(self, timeline: Timeline) -> None:
        keep = self.current_message_id()
        self.model.set_timeline(timeline)
        self._fill_choices()
        self._apply_filter()
        if keep is not None:
            self.select_message(keep)
        self.loaded.emit()

    @Slot()
    def _build_failed(self) -> None:
        self.count_label.setText(self.tr("The timeline could not be built. Please report this problem."))
        self.loaded.emit()

    def filter(self) -> TimelineFilter:
        """The filter the widgets currently express."""
        who, tag, kind = (
            self.who_combo.currentData(),
            self.tag_combo.currentData(),
            self.kind_combo.currentData(),
        )
        return TimelineFilter(
            parties=frozenset({who}) if who else frozenset(),
            tags=frozenset({tag}) if tag else frozenset(),
            kinds=frozenset({kind}) if kind else frozenset(),
            date_from=self._date_of(self.from_edit),
            date_to=self._date_of(self.to_edit),
            text=self.search_edit.text().strip(),
            phones=self.phone_combo.phones(),
        )

    def set_filter(self, flt: TimelineFilter) -> None:
        """Set the filter widgets from ``flt`` and apply once (e.g. "show this party").

        The bar offers one party, one tag and one kind; of a set, one element is shown.
        """
        self._updating = True
        try:
            self._select_data(self.who_combo, min(flt.parties, default=None))
            self._select_data(self.tag_combo, min(flt.tags, default=None))
            self._select_data(self.kind_combo, min(flt.kinds, default=None))
            self.phone_combo.select(flt.phones)
            self._set_date(self.from_edit, flt.date_from)
            self._set_date(self.to_edit, flt.date_to)
            self.search_edit.setText(flt.text)
        finally:
            self._updating = False
        self._search_timer.stop()
        self._apply_filter()

    @Slot()
    def clear_filters(self) -> None:
        self.set_filter(TimelineFilter())

    @Slot(object)
    def jump_to_day(self, day: date) -> None:
        """Scroll so that ``day`` (or the next day shown) is at the top, and select its first message."""
        row = self.model.row_for_day(day)
        if row < 0:
            return
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        if self.model.entry(row + 1) is not None:
            self.table.selectRow(row + 1)
        self.chart.set_current_day(day)
        self._update_sticky()

    def select_message(self, message_id: int) -> bool:
        """Select and reveal one message (e.g. the one open in the review pane)."""
        row = self.model.row_for_message(message_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def current_message_id(self) -> int | None:
        entry = self.model.entry(self.table.currentIndex().row())
        return entry.primary_message_id if entry is not None else None

    # -- tags and counterparties -------------------------------------------------------

    def context_menu_for_row(self, row: int) -> QMenu | None:
        """The row's tag menu plus "group the selected senders"; None on a day header or without a case."""
        entry = self.model.entry(row)
        store = self.loader.store
        if entry is None or store is None:
            return None
        states = dict(entry.tag_states)
        for tag in entry.tags:
            states.setdefault(tag, TagState.SUGGESTED)
        menu = build_tag_menu(self, store, entry.message_ids, states, self.refresh_tags)
        menu.addSeparator()
        group = menu.addAction(self.tr("Group the selected senders as one counterparty…"))
        group.setObjectName("groupSendersAction")
        group.triggered.connect(lambda: self.open_parties(self.selected_senders() or [entry.sender]))
        return menu

    def selected_senders(self) -> list[str]:
        """The senders of the selected rows (not the user), in list order, each once."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        out: dict[str, None] = {}
        for r in rows:
            e = self.model.entry(r)
            if e is not None and e.sender and e.sender != ME:
                out[e.sender] = None
        return list(out)

    def parties_dialog(self, preselect: list[str]) -> PartiesDialog | None:
        """The counterparties dialog on this case; the timeline refreshes when it closes."""
        store = self.loader.store
        if store is None:
            return None
        dialog = PartiesDialog(store, preselect, self)
        dialog.finished.connect(lambda _r: self._parties_closed(dialog))
        return dialog

    def open_parties(self, preselect: list[str]) -> None:
        dialog = self.parties_dialog(preselect)
        if dialog is not None:
            dialog.open()

    def _parties_closed(self, dialog: PartiesDialog) -> None:
        if dialog.changed:
            self.refresh()
            self.partiesChanged.emit()
        dialog.deleteLater()

    def refresh_tags(self) -> None:
        """Show new tag states without merging again (one click must feel instant)."""
        if self.loader.store is None:
            return
        if self.loader.loading:
            self.refresh()
        else:
            self.show_timeline(self.loader.retagged(self.model.timeline))
        self.tagsChanged.emit()

    @Slot(QPoint)
    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        if not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self.table.selectRow(index.row())
        menu = self.context_menu_for_row(index.row())
        if menu is not None:
            menu.exec(self.table.viewport().mapToGlobal(pos))
            menu.deleteLater()

    # -- filtering -----------------------------------------------------------------------

    @Slot()
    def _apply_filter(self) -> None:
        if self._updating:
            return
        flt = self.filter()
        self.model.set_filter(flt)
        self.table.clearSpans()
        for row in self.model.header_rows():
            self.table.setSpan(row, 0, 1, Column.COUNT)
        rules = self.model.rules
        self.chart.set_days(
            self.model.day_bars(),
            rules.high_per_day,
            (f"{rules.night_from:%H:%M}", f"{rules.night_until:%H:%M}"),
        )
        self.chart.set_empty_text(
            self.tr("No messages match these filters.") if flt != TimelineFilter() else ""
        )
        active = flt != TimelineFilter()
        self.clear_button.setEnabled(active)
        total, shown = self.model.total_count, self.model.visible_count
        if active:
            self.count_label.setText(
                self.tr("Showing {shown} of {total} messages").format(shown=f"{shown:,}", total=f"{total:,}")
            )
        else:
            self.count_label.setText(self.tr("%n message(s) in the case", "", total))
        if total == 0:
            self.empty_label.setText(
                self.tr(
                    "No messages yet. Import screenshots and let them be read; the timeline fills in here."
                )
            )
            self._stack.setCurrentWidget(self.empty_label)
        elif shown == 0:
            self.empty_label.setText(self.tr("No messages match these filters."))
            self._stack.setCurrentWidget(self.empty_label)
        else:
            self._stack.setCurrentWidget(self.table)
        self._update_sticky()

    def _fill_choices(self) -> None:
        """Rebuild the sender and tag lists (with counts), keeping what was chosen."""
        who_counts, tag_counts = choice_counts(self.model.timeline)
        self._updating = True
        try:
            for combo, all_label, items in (
                (self.who_combo, self.tr("All senders"), who_counts),
                (self.tag_combo, self.tr("All tags"), tag_counts),
            ):
                keep = combo.currentData()
                combo.clear()
                combo.addItem(all_label, None)
                for name, n in items:
                    combo.addItem(f"{name}  ({n:,})", name)
                self._select_data(combo, keep)
            self.phone_combo.set_phones(phone_counts(self.model.timeline.entries))
            widen_for_phones(self.table, self.model)
            days = entry_days(self.model.timeline)
            if days:
                floor = _qdate(min(days) - timedelta(days=1))
                for e in (self.from_edit, self.to_edit):
                    keep_date = self._date_of(e)
                    e.setMinimumDate(floor)
                    e.setMaximumDate(_qdate(max(days)))
                    self._set_date(e, keep_date)
        finally:
            self._updating = False

    @staticmethod
    def _select_data(combo: QComboBox, value: object) -> None:
        i = combo.findData(value) if value is not None else 0
        combo.setCurrentIndex(max(0, i))

    @staticmethod
    def _date_of(edit: QDateEdit) -> date | None:
        if edit.date() == edit.minimumDate():
            return None
        d = edit.date().toPython()
        return d if isinstance(d, date) else None

    @staticmethod
    def _set_date(edit: QDateEdit, day: date | None) -> None:
        edit.setDate(_qdate(day) if day is not None else edit.minimumDate())

    # -- reacting ------------------------------------------------------------------------

    @Slot(QModelIndex)
    def _double_clicked(self, index: QModelIndex) -> None:
        entry = self.model.entry(index.row())
        if entry is not None:
            self.openMessageRequested.emit(entry.primary_message_id)

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        day = current.data(DAY_ROLE) if current.isValid() else None
        if isinstance(day, date):
            self.chart.set_current_day(day)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            QTimer.singleShot(0, self._update_sticky)
        return super().eventFilter(watched, event)

    @Slot()
    def _update_sticky(self) -> None:
        vp = self.table.viewport().geometry()
        h = self.table.verticalHeader().defaultSectionSize()
        top = self.table.rowAt(0)
        header = self.model.header_row_at_or_before(top) if top >= 0 else -1
        if header < 0 or self._stack.currentWidget() is not self.table:
            self._sticky.hide()
            return
        day, count = self.model.day_of_header(header)
        self._sticky.text = self.model.day_title(day, count)
        nxt = self.model.header_row_at_or_before(top + 1)
        offset = 0
        if nxt > header:
            y = self.table.rowViewportPosition(nxt)
            offset = min(0, y - h)
        self._sticky.offset = offset
        self._sticky.setFont(self.table.font())
        self._sticky.setGeometry(vp.x(), vp.y(), vp.width(), h)
        self._sticky.show()
        self._sticky.raise_()
        self._sticky.update()


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)
