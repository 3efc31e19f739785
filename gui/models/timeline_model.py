"""The timeline as a flat Qt table: day header rows interleaved with message rows.

Why a flat table and not a tree: the harassment is in the *pattern*, so the
view must scroll through 20,000 messages as one uniform list, jump to any day
and re-filter in well under 100 ms. A flat list of integers (entry index, or a
negative number for a day header) is rebuilt on every filter change; all text
is formatted only when Qt asks for a visible cell, and screenshot thumbnails
are decoded once, off the GUI thread, and cached.

The domain work (ordering, merging duplicates, parties, tags, counts, what
"night" means, the per-day bars) belongs to ``casefile`` (``timeline`` and
``patterns``); this module only groups rows under days and formats cells.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor

from casefile.model import LABEL_SEP, TagState
from casefile.patterns import DayBar, cited_rules, day_bars, day_key, default_pattern_rules, visible_positions
from casefile.phones import is_own
from casefile.timeline import Timeline, TimelineEntry, TimelineFilter
from gui.models.thumbnails import ThumbnailCache
from gui.phone_text import sent_to
from ocr.model import ME, Direction, Kind

# -- the model ---------------------------------------------------------------------------

ROW_IS_HEADER_ROLE = Qt.ItemDataRole.UserRole + 1
MESSAGE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
DAY_ROLE = Qt.ItemDataRole.UserRole + 3
TAGS_ROLE = Qt.ItemDataRole.UserRole + 4
NIGHT_ROLE = Qt.ItemDataRole.UserRole + 5
SCREENSHOT_ID_ROLE = Qt.ItemDataRole.UserRole + 6
SUGGESTED_TAGS_ROLE = Qt.ItemDataRole.UserRole + 20  # tags a rule suggested and the user has not confirmed

NIGHT_TEXT = QColor("#4b3f8f")  # time of a night message: noticeable, not alarming
MUTED_TEXT = QColor("#7a828c")


class Column:
    TIME = 0
    SENDER = 1
    KIND = 2
    TEXT = 3
    TAGS = 4
    SHOT = 5
    COUNT = 6


@dataclass(frozen=True, slots=True)
class _Day:
    day: date | None  # None: the group of messages whose time is unknown
    first: int  # display row of the header
    count: int


class TimelineModel(QAbstractTableModel):
    """Header rows (one per day) and message rows over the filtered timeline.

    ``self._display`` holds, per display row, either an entry position (>= 0)
    or ``-(group + 1)`` for a day header; everything else is computed in
    ``data()`` for the cells Qt actually paints.
    """

    filter_applied = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeline = Timeline((), 0)
        self._rows: Sequence[TimelineEntry] = ()
        self._day_keys: list[int] = []
        self.rules = default_pattern_rules()
        self._filter = TimelineFilter()
        self._visible: list[int] = []
        self._display: list[int] = []
        self._days: list[_Day] = []
        self._day_first_rows: list[int] = []
        self.thumbnails: ThumbnailCache | None = None
        self.several_phones = False  # rows name their receiving phone only when the case has several

    def attach_thumbnails(self, cache: ThumbnailCache) -> None:
        """Show ``cache``'s thumbnails; repaint the screenshot column as they arrive."""
        self.thumbnails = cache
        cache.thumbnail_ready.connect(self._thumbnail_ready)

    @Slot(int)
    def _thumbnail_ready(self, _screenshot_id: int) -> None:
        if self._display:
            top, bottom = self.index(0, Column.SHOT), self.index(len(self._display) - 1, Column.SHOT)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DecorationRole])

    # -- feeding -------------------------------------------------------------------

    def set_timeline(self, timeline: Timeline) -> None:
        """Replace the whole chronology (after a refresh of the case)."""
        self.beginResetModel()
        self._timeline = timeline
        self._rows = timeline.entries
        self.several_phones = len({e.phone for e in timeline.entries}) > 1
        self._day_keys = [day_key(e) for e in timeline.entries]
        self._regroup()
        self.endResetModel()
        self.filter_applied.emit()

    def set_filter(self, flt: TimelineFilter) -> None:
        self.beginResetModel()
        self._filter = flt
        self._regroup()
        self.endResetModel()
        self.filter_applied.emit()

    def _regroup(self) -> None:
        self._visible = visible_positions(self._rows, self._filter)
        display: list[int] = []
        days: list[_Day] = []
        for day_ord, group in itertools.groupby(self._visible, key=self._day_keys.__getitem__):
            members = list(group)
            days.append(_Day(date.fromordinal(day_ord) if day_ord else None, len(display), len(members)))
            display.append(-len(days))
            display.extend(members)
        self._display = display
        self._days = days
        self._day_first_rows = [d.first for d in days]

    # -- questions the view asks -----------------------------------------------------

    @property
    def filter(self) -> TimelineFilter:
        return self._filter

    @property
    def total_count(self) -> int:
        return len(self._rows)

    @property
    def visible_count(self) -> int:
        return len(self._visible)

    @property
    def timeline(self) -> Timeline:
        return self._timeline

    def visible_entries(self) -> list[TimelineEntry]:
        return [self._rows[i] for i in self._visible]

    def day_bars(self) -> list[DayBar]:
        if len(self._visible) == len(self._rows):
            return day_bars(self._rows, self.rules)
        return day_bars(self.visible_entries(), self.rules)

    def header_rows(self) -> list[int]:
        """Display rows that are day headers (the view spans them over every column)."""
        return list(self._day_first_rows)

    def is_header(self, row: int) -> bool:
        return 0 <= row < len(self._display) and self._display[row] < 0

    def entry(self, row: int) -> TimelineEntry | None:
        if 0 <= row < len(self._display) and self._display[row] >= 0:
            return self._rows[self._display[row]]
        return None

    def header_row_at_or_before(self, row: int) -> int:
        """The day header governing display row ``row`` (-1 if there are no rows)."""
        i = bisect.bisect_right(self._day_first_rows, row) - 1
        return self._day_first_rows[i] if i >= 0 else -1

    def row_for_day(self, day: date) -> int:
        """The header row of ``day``, or of the nearest later day shown (-1 if none)."""
        best = -1
        for d in self._days:
            if d.day is not None and d.day >= day:
                best = d.first
                break
        return best

    def row_for_message(self, message_id: int) -> int:
        for row, v in enumerate(self._display):
            if v >= 0 and message_id in self._rows[v].message_ids:
                return row
        return -1

    def day_of_header(self, row: int) -> tuple[date | None, int]:
        v = self._display[row]
        d = self._days[-v - 1]
        return d.day, d.count

    # -- QAbstractTableModel -----------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._display)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else Column.COUNT

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._display[index.row()] < 0:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.TIME: self.tr("Time"),
            Column.SENDER: self.tr("From"),
            Column.KIND: self.tr("Type"),
            Column.TEXT: self.tr("Message"),
            Column.TAGS: self.tr("Tags"),
            Column.SHOT: self.tr("Screenshot"),
        }.get(section)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        v = self._display[index.row()]
        if v < 0:
            return self._header_data(-v - 1, index.column(), role)
        return self._entry_data(self._rows[v], index.column(), role)

    def _header_data(self, group: int, column: int, role: int) -> Any:
        if role == ROW_IS_HEADER_ROLE:
            return True
        d = self._days[group]
        if role == DAY_ROLE:
            return d.day
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return self.day_title(d.day, d.count)
        return None

    def day_title(self, day: date | None, count: int) -> str:
        """The day header line, e.g. "2025年3月8日 星期六 · 47 条"."""
        n = self.tr("%n message(s)", "day header count", count)
        if day is None:
            return self.tr("Time unknown") + " · " + n
        return self.format_day(day) + " · " + n

    def format_day(self, day: date) -> str:
        weekdays = (
            self.tr("Monday"),
            self.tr("Tuesday"),
            self.tr("Wednesday"),
            self.tr("Thursday"),
            self.tr("Friday"),
            self.tr("Saturday"),
            self.tr("Sunday"),
        )
        pattern = self.tr("{weekday}, {year}-{month:02}-{day:02}", "day header date; keep the {names}")
        return pattern.format(weekday=weekdays[day.weekday()], year=day.year, month=day.month, day=day.day)

    def _entry_data(self, r: TimelineEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.TIME:
                if r.time is None and r.day is not None:
                    return self.tr("time not shown")
                return r.time.strftime("%H:%M") if r.time is not None else "—"
            if column == Column.SENDER:
                return self._who_text(r)
            if column == Column.KIND:
                if self.several_phones and r.received:  # 短信 · 发给母亲: the phone it reached
                    missed = r.direction is Direction.MISSED  # a missed call stays "missed"
                    base = self.kind_text(r.kind, r.direction) if missed else self.kind_name(r.kind)
                    return f"{base} · {sent_to(r.phone)}"
                return self.kind_text(r.kind, r.direction)
            if column == Column.TEXT:
                return self._text(r)
            if column == Column.TAGS:
                return "、".join(self._tag_text(r, t) for t in sorted(r.tags))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Column.TIME and r.time is None:
                return MUTED_TEXT
            if column == Column.TIME and self.rules.is_night(r.time):
                return NIGHT_TEXT
            if column in (Column.KIND, Column.SENDER) and not r.received:
                return MUTED_TEXT
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == Column.SHOT and self.thumbnails is not None:
            return self.thumbnails.get(r.screenshot_ids[0]) if r.screenshot_ids else None
        if role == MESSAGE_ID_ROLE:
            return r.primary_message_id
        if role == SCREENSHOT_ID_ROLE:
            return r.screenshot_ids[0] if r.screenshot_ids else None
        if role == TAGS_ROLE:
            return sorted(r.tags)
        if role == SUGGESTED_TAGS_ROLE:
            return frozenset(t for t in r.tags if r.tag_states.get(t) == TagState.SUGGESTED)
        if role == NIGHT_ROLE:
            return self.rules.is_night(r.time)
        if role == ROW_IS_HEADER_ROLE:
            return False
        if role == DAY_ROLE:
            return r.day
        return None

    def _who_text(self, r: TimelineEntry) -> str:
        if r.sender == ME or r.direction is Direction.OUTGOING:
            me = self.tr("Me") if is_own(r.phone) else r.phone  # on 母亲's phone, "me" is 母亲
            return me + (f" → {r.party}" if r.party and r.party != ME else "")
        if r.party_defined and r.sender and r.party != r.sender:
            return f"{r.party}（{r.sender}）"
        return r.party or r.sender or self.tr("Unknown")

    def _text(self, r: TimelineEntry) -> str:
        text = " ".join(r.text.split())
        if r.kind is Kind.CALL and r.duration_s:
            minutes, seconds = divmod(r.duration_s, 60)
            text = (text + "  " if text else "") + f"{minutes}:{seconds:02}"
        if r.labels:  # what the phone showed beside the number (骚扰电话), quoted as read
            text = (text + "  " if text else "") + self._labels(r)
        return text

    def _labels(self, r: TimelineEntry) -> str:
        return self.tr("〔Labels: %1〕").replace("%1", LABEL_SEP.join(r.labels))

    def kind_name(self, kind: Kind) -> str:
        return {Kind.SMS: self.tr("SMS"), Kind.CHAT: self.tr("Chat"), Kind.CALL: self.tr("Call")}[kind]

    def kind_text(self, kind: Kind, direction: Direction) -> str:
        k = self.kind_name(kind)
        d = {
            Direction.INCOMING: self.tr("received"),
            Direction.OUTGOING: self.tr("sent"),
            Direction.MISSED: self.tr("missed"),
        }[direction]
        return f"{k} · {d}"

    def _tooltip(self, r: TimelineEntry, column: int) -> str | None:
        if column == Column.TEXT:
            tip = r.text
            if r.labels:
                tip += ("\n" if tip else "") + self._labels(r)
            if r.merged:
                tip += "\n\n" + self.tr("Seen on %n screenshot(s); counted once.", "", len(r.screenshot_ids))
                if r.readings_differ:
                    tip += "\n" + self.tr("The readings differ slightly; the fullest one is shown.")
            return tip
        if column == Column.TIME:
            if r.time is None:
                if r.day is not None:
                    return self.tr("The screenshot shows the day but not the time; listed after that day's timed items.")
                if r.sort_time is not None:
                    return self.tr("Time not shown on the screenshot; listed after the message before it.")
                return self.tr("Time not shown on the screenshot.")
            when = self.format_day(r.time.date()) + " " + r.time.strftime("%H:%M")
            if self.rules.is_night(r.time):
                when += "\n" + self.tr("At night ({start}–{end}).").format(
                    start=f"{self.rules.night_from:%H:%M}", end=f"{self.rules.night_until:%H:%M}"
                )
            return when
        if column == Column.SHOT:
            return self.tr("Double-click to open this message and its screenshot")
        if column == Column.TAGS and r.tags:
            return self._tags_tooltip(r)
        return None

    def _tag_text(self, r: TimelineEntry, tag: str) -> str:
        if r.tag_states.get(tag) == TagState.SUGGESTED:
            return self.tr("%1 (suggested)").replace("%1", tag)
        return tag

    def _tags_tooltip(self, r: TimelineEntry) -> str:
        """Each tag, whether the user confirmed it, and what it cites with the kind of each source."""
        parts = []
        for tag in sorted(r.tags):
            if r.tag_states.get(tag) == TagState.SUGGESTED:
                head = self.tr("%1: suggested by a rule, not confirmed (not in the dossier)").replace("%1", tag)
            else:
                head = self.tr("%1: confirmed").replace("%1", tag)
            cited = cited_rules(tag)
            lines = [head] + [f"  · {c}" for c in cited]
            if not cited:
                lines.append("  · " + self.tr("No verified rule on file for this tag"))
            parts.append("\n".join(lines))
        return "\n".join(parts) + "\n" + self.tr("Right-click to confirm or remove a tag.")
