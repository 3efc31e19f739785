"""The timeline: every message of the case by day, with a per-day chart and filters.

Why this shape: harassment by debt collectors is a pattern (dozens of messages
a day, the same threat every morning, calls at night), so the chart on top
shows the pattern at a glance, and the list below proves it message by
message, grouped under sticky day headers ("2025年3月8日 星期六 · 47 条").
The widget only presents: the rows, filters and counts come from
``gui.models.timeline_model`` and, through it, from ``casefile``.
"""

from __future__ import annotations

import logging
import zlib
from datetime import date, timedelta

from PySide6.QtCore import (
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPaintEvent, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casefile.model import TagState
from casefile.store import CaseStore
from casefile.timeline import Timeline, TimelineFilter
from gui.models.timeline_model import (
    DAY_ROLE,
    ROW_IS_HEADER_ROLE,
    SUGGESTED_TAGS_ROLE,
    TAGS_ROLE,
    Column,
    ThumbnailCache,
    TimelineModel,
    build_from,
    choice_counts,
    read_case,
)
from gui.tasks import Task, TaskRunner
from gui.views.frequency_chart import FrequencyChart
from gui.views.parties_dialog import PartiesDialog
from gui.views.tag_menu import build_tag_menu
from ocr.model import ME, Direction, Kind

log = logging.getLogger(__name__)

HEADER_BG = QColor("#eef1f5")
HEADER_RULE = QColor("#d5dae1")
HEADER_TEXT = QColor("#2d3640")
ROW_RULE = QColor("#f0f1f3")
# Calm chip colours (background, text); a tag keeps its colour across runs.
CHIP_COLOURS = (
    (QColor("#fbe3dc"), QColor("#8a3b22")),
    (QColor("#e4e0f5"), QColor("#463a86")),
    (QColor("#dcefe6"), QColor("#2c6148")),
    (QColor("#fbefd2"), QColor("#7a5a12")),
    (QColor("#dde9f6"), QColor("#2f557f")),
    (QColor("#f3dcea"), QColor("#7d2f5c")),
)
THUMB_DECODE_SIZE = QSize(64, 64)  # decoded once, drawn at the row height (sharp on HiDPI)


def chip_colours(tag: str) -> tuple[QColor, QColor]:
    return CHIP_COLOURS[zlib.crc32(tag.encode("utf-8")) % len(CHIP_COLOURS)]


def paint_day_header(p: QPainter, rect: QRect, text: str, font: QFont) -> None:
    """One look for the in-list headers and the sticky one, so they line up exactly."""
    p.save()
    p.fillRect(rect, HEADER_BG)
    p.setPen(QPen(HEADER_RULE, 1))
    p.drawLine(rect.bottomLeft(), rect.bottomRight())
    bold = QFont(font)
    bold.setBold(True)
    p.setFont(bold)
    p.setPen(HEADER_TEXT)
    p.drawText(
        rect.adjusted(12, 0, -8, 0), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text
    )
    p.restore()


class _Delegate(QStyledItemDelegate):
    """Paints day headers across the row, tag chips, and cached thumbnails."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        rect = QRect(option.rect)
        if index.data(ROW_IS_HEADER_ROLE):
            if index.column() == 0:
                paint_day_header(painter, rect, str(index.data() or ""), option.font)
            return
        col = index.column()
        if col == Column.TAGS:
            self._paint_background(painter, option, index)
            self._paint_chips(
                painter, rect, list(index.data(TAGS_ROLE) or []), option.font, index.data(SUGGESTED_TAGS_ROLE) or frozenset()
            )
        elif col == Column.SHOT:
            self._paint_background(painter, option, index)
            pm = index.data(Qt.ItemDataRole.DecorationRole)
            if isinstance(pm, QPixmap) and not pm.isNull():
                self._paint_thumb(painter, rect, pm)
        else:
            super().paint(painter, option, index)
        painter.save()
        painter.setPen(QPen(ROW_RULE, 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()

    def _paint_background(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = QIcon()
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

    @staticmethod
    def _paint_chips(
        p: QPainter, rect: QRect, tags: list[str], font: QFont, suggested: frozenset[str] = frozenset()
    ) -> None:
        """Confirmed tags as filled chips; a rule's unconfirmed suggestion as a dashed outline with "?"."""
        if not tags:
            return
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.88))
        fm = QFontMetrics(small)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setFont(small)
        p.setClipRect(rect)
        h = fm.height() + 4
        y = rect.top() + (rect.height() - h) / 2
        x = rect.left() + 4.0
        for name in tags:
            tag = name + "?" if name in suggested else name
            w = fm.horizontalAdvance(tag) + 12
            if x + w > rect.right() - 2 and x > rect.left() + 4:
                p.setPen(QColor("#7a828c"))
                p.drawText(QRectF(x, y, 20, h), int(Qt.AlignmentFlag.AlignVCenter), "…")
                break
            bg, fg = chip_colours(name)
            if name in suggested:
                p.setPen(QPen(fg, 1, Qt.PenStyle.DashLine))
                p.setBrush(Qt.BrushStyle.NoBrush)
            else:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(bg)
            p.drawRoundedRect(QRectF(x, y, w, h), h / 2, h / 2)
            p.setPen(fg)
            p.drawText(QRectF(x, y, w, h), int(Qt.AlignmentFlag.AlignCenter), tag)
            x += w + 4
        p.restore()

    @staticmethod
    def _paint_thumb(p: QPainter, rect: QRect, pm: QPixmap) -> None:
        target = QSize(pm.size())
        target.scale(rect.size() - QSize(6, 4), Qt.AspectRatioMode.KeepAspectRatio)
        x = rect.left() + (rect.width() - target.width()) // 2
        y = rect.top() + (rect.height() - target.height()) // 2
        p.save()
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        p.drawPixmap(QRect(x, y, target.width(), target.height()), pm)
        p.setPen(QPen(QColor("#c9ced6"), 1))
        p.drawRect(QRect(x, y, target.width() - 1, target.height() - 1))
        p.restore()


class _StickyHeader(QWidget):
    """The header of the day at the top of the list, pinned while its messages scroll by.

    It sits on the table (not its viewport, which Qt scrolls with the content)
    and lets clicks through; the next day's header pushes it up as it arrives.
    """

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.text = ""
        self.offset = 0

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        paint_day_header(p, self.rect().translated(0, self.offset), self.text, self.font())
        p.end()


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
        self._store: CaseStore | None = None
        self._runner = runner
        self._generation = 0
        self._loading = False
        self._pending: QObject | None = None
        self.model = TimelineModel(self)
        self.thumbnails = ThumbnailCache(THUMB_DECODE_SIZE, self)
        self.model.attach_thumbnails(self.thumbnails)

        self.who_combo = QComboBox()
        self.tag_combo = QComboBox()
        self.kind_combo = QComboBox()
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
        self._sticky = _StickyHeader(self.table)
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
        t.setItemDelegate(_Delegate(t))
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
        pal = t.palette()  # a soft selection: the pattern, not the cursor, should draw the eye
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            pal.setColor(group, QPalette.ColorRole.Highlight, QColor("#d6e4f5"))
            pal.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#1f2933"))
        t.setPalette(pal)
        vh = t.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 14)
        hh = t.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(Column.TEXT, QHeaderView.ResizeMode.Stretch)
        fm = self.fontMetrics()
        hh.resizeSection(Column.TIME, fm.horizontalAdvance("≈00:00") + 28)
        hh.resizeSection(Column.SENDER, fm.horizontalAdvance("某某金融催收（13800138000）") // 1 + 16)
        hh.resizeSection(
            Column.KIND,
            max(
                fm.horizontalAdvance("短信 · 收到"),
                fm.horizontalAdvance(self.model.kind_text(Kind.CHAT, Direction.INCOMING)),
            )
            + 24,
        )
        hh.resizeSection(Column.TAGS, 190)
        hh.resizeSection(Column.SHOT, 56)

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.setSpacing(6)
        for w in (self.who_combo, self.tag_combo, self.kind_combo):
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
        for combo in (self.who_combo, self.tag_combo, self.kind_combo):
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
        self._store = store
        self.refresh()

    def refresh(self) -> None:
        """Re-read the case (after an import, OCR or a correction), keeping filters and place.

        The store is read here, on the GUI thread that owns it; merging the
        messages into a chronology runs on the TaskRunner when there is one,
        and the old timeline stays visible until the new one arrives.
        """
        self._generation += 1
        if self._store is None:
            self.thumbnails.set_paths({})
            self._show_timeline(self._generation, Timeline((), 0))
            return
        snapshot = read_case(self._store)
        self.thumbnails.set_paths(snapshot.paths)
        self.model.rules = snapshot.rules
        if self._runner is None:
            self._show_timeline(self._generation, build_from(snapshot))
            return
        self._loading = True
        self.count_label.setText(self.tr("Updating the timeline…"))
        generation = self._generation

        def wire(task: Task) -> None:
            # Bound methods of this widget, so Qt queues the calls to the GUI thread
            # (a functools.partial or a lambda would run in the worker).
            task.result.connect(self._on_built)
            task.error.connect(self._on_build_failed)

        self._pending = self._runner.start(
            "timeline", lambda _cancel: iter(((generation, build_from(snapshot)),)), wire
        )

    @property
    def loading(self) -> bool:
        """True while a refresh is being built in the background."""
        return self._loading

    def show_timeline(self, timeline: Timeline) -> None:
        """Show an already built chronology (a host that builds it itself; benchmarks)."""
        self._generation += 1
        self._show_timeline(self._generation, timeline)

    @Slot(object)
    def _on_built(self, result: object) -> None:
        if isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], Timeline):
            self._show_timeline(result[0], result[1])

    def _show_timeline(self, generation: int, timeline: Timeline) -> None:
        if generation != self._generation:
            return  # a newer refresh superseded this one
        keep = self.current_message_id()
        self._loading = False
        self._pending = None
        self.model.set_timeline(timeline)
        self._fill_choices()
        self._apply_filter()
        if keep is not None:
            self.select_message(keep)
        self.loaded.emit()

    @Slot(object)
    def _on_build_failed(self, error: object) -> None:
        if self.sender() is not self._pending:
            return  # a superseded refresh
        self._loading = False
        self._pending = None
        log.error("building the timeline failed: %s", type(error).__name__)
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
        if entry is None or self._store is None:
            return None
        states = dict(entry.tag_states)
        for tag in entry.tags:
            states.setdefault(tag, TagState.SUGGESTED)
        menu = build_tag_menu(self, self._store, entry.message_ids, states, self.refresh_tags)
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
        if self._store is None:
            return None
        dialog = PartiesDialog(self._store, preselect, self)
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
        if self._store is None:
            return
        if self._loading:
            self.refresh()
        else:
            self._generation += 1
            self._show_timeline(self._generation, self.model.timeline.with_tags(self._store.tags()))
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
            days = [d for e in self.model.timeline.entries if (d := e.day) is not None]
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
