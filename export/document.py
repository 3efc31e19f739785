"""The page frame of the dossier: header, "第 N 页 / 共 M 页" footer, bookmarks, metadata.

Why two passes: "共 M 页" and the index's page numbers are only known once
the whole document is laid out. The classic ``NumberedCanvas`` trick (defer
every ``showPage``) prints the total but sends every bookmark to page 1
(STACK.md §5), so instead the story is laid out once to learn the page
numbers, then again with them; a third pass runs only if the second moved
anything (an index row that grew by a digit). Flowables are rebuilt for each
pass because ReportLab mutates them while splitting.

Invariant mode makes ReportLab write a fixed creation date and document id,
so the same case and options give the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from export import styles as st
from export.fonts import REGULAR, register_fonts


class DossierCancelledError(Exception):
    """Raised inside a layout pass when the user cancelled; never escapes ``export``."""


@dataclass(frozen=True, slots=True)
class Bookmark:
    key: str
    title: str
    level: int


@dataclass(slots=True)
class PageMap:
    """What a pass learned: the page of every bookmark and marker, and the page count."""

    pages: dict[str, int] = field(default_factory=dict)
    total: int = 0


class Marker(Flowable):
    """A zero-size flowable that records the page it lands on (an exhibit's last page)."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0.0, 0.0

    def draw(self) -> None:
        pass


def mark(flowable: Flowable, key: str, title: str, level: int) -> Flowable:
    """Attach a bookmark to a flowable (a heading): it becomes an outline entry where it lands."""
    flowable._bookmark = Bookmark(key, title, level)
    return flowable


@dataclass(frozen=True, slots=True)
class PageFrame:
    header: str
    header_right: str
    footer: str  # with {n} and {m}
    title: str
    author: str
    subject: str
    creator: str
    keywords: tuple[str, ...]
    lang: str


class _Doc(BaseDocTemplate):
    def __init__(
        self, out: io.BytesIO, frame: PageFrame, total: int, cancel: Callable[[], bool] | None
    ) -> None:
        super().__init__(
            out,
            pagesize=st.PAGE_SIZE,
            leftMargin=st.MARGIN_X,
            rightMargin=st.MARGIN_X,
            topMargin=st.MARGIN_TOP,
            bottomMargin=st.MARGIN_BOTTOM,
            title=frame.title,
            author=frame.author,
            subject=frame.subject,
            creator=frame.creator,
            producer=frame.creator,
            keywords=list(frame.keywords),
            invariant=1,
            lang=frame.lang,
            displayDocTitle=1,
            initialFontName=REGULAR,
        )
        self._frame_info = frame
        self._total = total
        self._cancel = cancel
        self.map = PageMap()
        body = Frame(
            st.MARGIN_X, st.MARGIN_BOTTOM, st.FRAME_W, st.FRAME_H, id="body",
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[body], onPage=self._decorate)])

    def _decorate(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        f = self._frame_info
        w, h = st.PAGE_SIZE
        canv.saveState()
        canv.setFont(REGULAR, 8)
        canv.setFillColor(st.MUTED)
        y = h - st.MARGIN_TOP + 18
        canv.drawString(st.MARGIN_X, y, _fit(canv, f.header, st.FRAME_W * 0.68, 8))
        canv.drawRightString(w - st.MARGIN_X, y, f.header_right)
        canv.setStrokeColor(st.RULE)
        canv.setLineWidth(0.5)
        canv.line(st.MARGIN_X, y - 5, w - st.MARGIN_X, y - 5)
        n = canv.getPageNumber()
        m = self._total or n
        canv.setFont(REGULAR, 9)
        canv.drawCentredString(w / 2, st.MARGIN_BOTTOM - 28, f.footer.format(n=n, m=m))
        canv.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        if self._cancel is not None and self._cancel():
            raise DossierCancelledError
        page = self.page
        bm: Bookmark | None = getattr(flowable, "_bookmark", None)
        if bm is not None:
            self.canv.bookmarkPage(bm.key)
            self.canv.addOutlineEntry(bm.title, bm.key, level=bm.level, closed=bm.level > 0)
            self.map.pages[bm.key] = page
        if isinstance(flowable, Marker):
            self.map.pages[flowable.key] = page


def _fit(canv: Canvas, text: str, width: float, size: float) -> str:
    """Cut a long case title with an ellipsis so the header never runs into the right side."""
    if canv.stringWidth(text, REGULAR, size) <= width:
        return text
    while text and canv.stringWidth(text + "…", REGULAR, size) > width:
        text = text[:-1]
    return text + "…"


def layout_pass(
    story: list[Flowable], frame: PageFrame, previous: PageMap, *, cancel: Callable[[], bool] | None = None
) -> tuple[bytes, PageMap]:
    """One layout of ``story`` using the page count of ``previous``; returns the PDF and what it learned.

    The caller repeats passes (``stable``) with fresh flowables until nothing moves.
    """
    register_fonts()
    buf = io.BytesIO()
    doc = _Doc(buf, frame, previous.total, cancel)
    doc.build(story)
    doc.map.total = doc.page
    return buf.getvalue(), doc.map


def stable(previous: PageMap, current: PageMap) -> bool:
    return bool(previous.total) and previous.pages == current.pages and previous.total == current.total


def page_range(pages: Mapping[str, int], start: str, end: str) -> str:
    """``"12"`` or ``"12–14"`` from two recorded keys; ``""`` when not laid out yet."""
    a = pages.get(start)
    if a is None:
        return ""
    b = pages.get(end, a)
    return str(a) if b <= a else f"{a}–{b}"


