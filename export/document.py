"""The page frame of the dossier: header, "第 N 页 / 共 M 页" footer, bookmarks, metadata.

"共 M 页" and the index's page numbers are only known once the whole document
is laid out. The classic ``NumberedCanvas`` trick (defer every ``showPage``)
breaks the bookmarks (STACK.md §5), and laying the story out twice doubled
the time of a 200-exhibit dossier. Instead each of those numbers is a PDF
form XObject: pages *use* the form ``sp-total`` (or ``sp-pg-ex12``) while
they are laid out, and the forms are *defined* once, after the last page,
when the numbers are known. A PDF form is plain page content: every viewer
draws it and text extraction reads it in place.

Invariant mode makes ReportLab write a fixed creation date and document id,
so the same case and options give the same bytes.
"""

from __future__ import annotations

import contextlib
import io
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from export import styles as st
from export.fonts import REGULAR, register_fonts

TOTAL_FORM = "sp-total"
FOOTER_SIZE = 9
REF_SIZE = 8.5


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
    created: datetime | None = None  # the cover's "generated at"; also the PDF's CreationDate


class _Doc(BaseDocTemplate):
    def __init__(self, out: io.BytesIO | BinaryIO, frame: PageFrame, cancel: Callable[[], bool] | None) -> None:
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
        self._doSave = 0  # forms are defined after the last page, then saved (_endBuild)
        self._cancel = cancel
        self.map = PageMap()
        body = Frame(
            st.MARGIN_X, st.MARGIN_BOTTOM, st.FRAME_W, st.FRAME_H, id="body",
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[body], onPage=self._decorate)])

    def _makeCanvas(self, *args: Any, **kwargs: Any) -> Canvas:
        """Invariant mode keeps two exports byte-identical, but dates the PDF 2000-01-01;
        a reader checking the document properties must see when it was really made."""
        canv = super()._makeCanvas(*args, **kwargs)
        if self._frame_info.created is not None:
            _stamp(canv, self._frame_info.created)
        return canv

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
        prefix, _, suffix = f.footer.partition("{m}")
        prefix = prefix.format(n=n)
        canv.setFont(REGULAR, FOOTER_SIZE)
        # Centred on an estimate (M has about as many digits as N); M and the
        # rest of the line are the "sp-total" form, drawn once the count is known.
        est = canv.stringWidth(prefix + str(n) + suffix, REGULAR, FOOTER_SIZE)
        x = w / 2 - est / 2
        y = st.MARGIN_BOTTOM - 28
        canv.drawString(x, y, prefix)
        canv.translate(x + canv.stringWidth(prefix, REGULAR, FOOTER_SIZE), y)
        canv.doForm(TOTAL_FORM)
        canv.restoreState()

    def _endBuild(self) -> None:
        super()._endBuild()
        self.map.total = self.page
        canv = self.canv
        suffix = self._frame_info.footer.partition("{m}")[2]
        _define_form(canv, TOTAL_FORM, f"{self.page}{suffix}", FOOTER_SIZE, st.MUTED)
        for key in sorted(self.map.pages):
            if key.startswith("ex") and not key.endswith("-end"):
                _define_form(canv, form_name(key), page_range(self.map.pages, key, f"{key}-end"), REF_SIZE, st.INK)
        canv.save()

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


def _define_form(canv: Canvas, name: str, text: str, size: float, color: object) -> None:
    canv.beginForm(name)
    canv.setFont(REGULAR, size)
    canv.setFillColor(color)
    canv.drawString(0, 0, text)
    canv.endForm()


def form_name(key: str) -> str:
    return f"sp-pg-{key}"


class PageRef(Flowable):
    """The page (range) of a bookmark key, e.g. an exhibit in the index, filled in after layout."""

    def __init__(self, key: str, width: float) -> None:
        super().__init__()
        self.key = key
        self.width = width
        self.height = REF_SIZE * 1.4

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.translate(0, self.height - REF_SIZE)
        self.canv.doForm(form_name(self.key))
        self.canv.restoreState()


def _fit(canv: Canvas, text: str, width: float, size: float) -> str:
    """Cut a long case title with an ellipsis so the header never runs into the right side."""
    if canv.stringWidth(text, REGULAR, size) <= width:
        return text
    while text and canv.stringWidth(text + "…", REGULAR, size) > width:
        text = text[:-1]
    return text + "…"


class LazyStory(list[Flowable]):
    """A story that is made while it is laid out.

    ReportLab's build loop asks ``len(story)`` before taking each flowable off
    the front; this list refills itself from ``parts`` whenever fewer than
    ``LOOKAHEAD`` flowables are left, so only a few pages' worth of flowables
    exist at a time (a year of messages is ~15,000 rows and ~2,000 exhibits).
    """

    LOOKAHEAD = 64  # enough for keep-with-next chains and a split table's remainder

    def __init__(self, parts: Iterator[list[Flowable]]) -> None:
        super().__init__()
        self._parts: Iterator[list[Flowable]] | None = parts

    def __len__(self) -> int:
        while self._parts is not None and super().__len__() < self.LOOKAHEAD:
            part = next(self._parts, None)
            if part is None:
                self._parts = None
            else:
                self.extend(part)
        return super().__len__()


def layout(
    story: list[Flowable], frame: PageFrame, *, cancel: Callable[[], bool] | None = None, into: Path | None = None
) -> tuple[bytes, PageMap]:
    """Lay ``story`` out once; returns the PDF and the page of every bookmark and marker.

    With ``into``, the PDF is written to that file and not returned (b""): one copy
    fewer of a dossier that can be 100 MB for a year of screenshots.
    """
    register_fonts()
    # Binary streams, not ASCII85: the embedded JPEGs stay their own size (A85 adds a quarter,
    # in the file and in the memory ReportLab holds until the end).
    with _LAYOUT_LOCK, contextlib.ExitStack() as stack:
        a85, rl_config.useA85 = rl_config.useA85, 0
        stack.callback(setattr, rl_config, "useA85", a85)
        if into is None:
            buf = io.BytesIO()
            doc = _Doc(buf, frame, cancel)
            doc.build(story)  # a dossier wanted as bytes (the bundle without a PDF, tests)
            return buf.getvalue(), doc.map
        out = stack.enter_context(open(into, "wb"))
        stack.enter_context(_streamed_into(out))
        doc = _Doc(out, frame, cancel)
        doc.build(story)
        return b"", doc.map


# ReportLab collects the whole formatted PDF in a list and joins it (two more copies of a
# file that reaches 100 MB for a year of screenshots); while a dossier is saved into a file,
# its output collector writes each object to the file as it is formatted instead. The bytes
# and their order are the same. One layout at a time: the collector is a module global.
_LAYOUT_LOCK = threading.Lock()


@contextlib.contextmanager
def _streamed_into(out: BinaryIO) -> Iterator[None]:
    original = pdfdoc.PDFFile

    class StreamedFile(original):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kw: Any) -> None:
            super().__init__(*args, **kw)
            for chunk in list(self.strings):  # the header
                out.write(chunk)
            self.strings: list[bytes] = []
            self.write = out.write

        def format(self, document: Any) -> bytes:
            return b""

    original_image = pdfdoc.PDFImageXObject

    class JpegFromFile(original_image):  # type: ignore[misc, valid-type]
        """A JPEG drawn from a file is read again when it is written, not held meanwhile."""

        def __init__(self, name: str, source: Any = None, mask: Any = None) -> None:
            super().__init__(name, source, mask)
            self._spooled: str | None = None
            if isinstance(source, str) and tuple(getattr(self, "_filters", ())) == ("DCTDecode",):
                self._spooled = str.__str__(source)
                self.streamContent = b""

        def format(self, document: Any) -> bytes:
            if self._spooled is None:
                return bytes(super().format(document))
            self.streamContent = Path(self._spooled).read_bytes()
            try:
                return bytes(super().format(document))
            finally:
                self.streamContent = b""

    pdfdoc.PDFFile = StreamedFile
    pdfdoc.PDFImageXObject = JpegFromFile
    try:
        yield
    finally:
        pdfdoc.PDFFile = original
        pdfdoc.PDFImageXObject = original_image


def page_range(pages: Mapping[str, int], start: str, end: str) -> str:
    """``"12"`` or ``"12–14"`` from two recorded keys; ``""`` when not laid out yet."""
    a = pages.get(start)
    if a is None:
        return ""
    b = pages.get(end, a)
    return str(a) if b <= a else f"{a}–{b}"




def _stamp(canv: Canvas, when: datetime) -> None:
    """Set the document's CreationDate/ModDate to ``when`` (local time with its offset)."""
    aware = when.astimezone()
    offset = aware.utcoffset() or timedelta(0)
    ts = canv._doc._timeStamp
    ts.t = aware.timestamp()
    ts.lt = aware.timetuple()
    ts.YMDhms = tuple(aware.timetuple())[:6]
    minutes = int(offset.total_seconds() // 60)
    ts.dhh, ts.dmm = divmod(minutes, 60) if minutes >= 0 else (-((-minutes) // 60), (-minutes) % 60)
    ts.tzname = aware.tzname() or ""
