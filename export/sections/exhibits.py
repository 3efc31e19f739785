"""The exhibits: one per screenshot — the image, where it came from, and its transcription.

The image is the evidence and comes first and large; the transcription sits
beside it when it fits (a reader compares line by line) and below it
otherwise. Every field a person corrected shows what the OCR read, so nobody
has to trust the transcription more than the screenshot next to it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, datetime

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from casefile.model import LABEL_SEP, Message, OcrStatus, Origin, Screenshot
from export import styles as st
from export.data import Exhibit, engine_text
from export.document import Marker, mark
from export.fonts import REGULAR
from export.images import PageImage, fit
from export.phone_words import sender_shown
from export.sections import Context
from export.sections.index import exhibit_name
from export.sections.reach import phone_meta
from export.sections.segments import by_segment
from export.text import para
from ocr.model import Kind, TimeSource

IMAGE_BOX_W = 300.0  # the widest an exhibit image is drawn (points) beside its transcription
IMAGE_BOX_H = 580.0
MIN_IMAGE_W = 170.0  # narrower than this and a tall screenshot is cut into slices instead
GAP = 14.0
_SHOWN_FIELDS = ("kind", "direction", "sender", "time", "date", "text")
_STAMP = "%Y-%m-%d %H:%M:%S"


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / 1024 / 1024:.1f} MB"


def _meta(ctx: Context, ex: Exhibit) -> Table:
    s = ex.shot
    captured = capture_text(ctx, s)
    rows = [
        (ctx.L("file_name"), para(s.original_name) + f'<br/><font color="#666666">{para(ex.bundle_name)}</font>'),
        (ctx.L("captured_at"), para(captured)),
        (ctx.L("imported_at"), para(s.imported_at.strftime("%Y-%m-%d %H:%M:%S"))),
        (ctx.L("sha256"), s.sha256),
        (ctx.L("image_size"), para(ctx.L("image_size_value", w=s.width, h=s.height, fmt=s.format, size=human_size(s.size_bytes)))),
        (ctx.L("ocr_engine"), para(engine_text(s) or ctx.L("ocr_not_run"))),
        (ctx.L("review_status"), para(ctx.L("reviewed_yes" if s.reviewed else "reviewed_no"))),
    ]
    if ex.derived is not None:  # a redacted copy is shown: say so, with both hashes
        rows.append((ctx.L("redacted"), para(ctx.L("redacted_value", n=ex.masked_areas)) + "<br/>" + ex.derived_sha256))
    if s.thread_title:
        rows.append((ctx.L("thread"), para(s.thread_title)))
    rows += phone_meta(ctx, s.phone)  # whose phone it came from (issue 14), when the case names phones
    t = Table(
        [[ctx.P(para(k), "label"), ctx.P(v, "cell")] for k, v in rows],
        colWidths=[92, st.FRAME_W - 92],
        hAlign="LEFT",
    )
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LINEBELOW", (0, -1), (-1, -1), 0.5, st.RULE),
            ]
        )
    )
    return t


def capture_text(ctx: Context, s: Screenshot) -> str:
    """When the screenshot was taken and how we know: a file's modification time is
    said to be uncertain, a time the complainant set says what it replaced."""
    if s.captured_at is None:
        return ctx.L("unknown")
    at = s.captured_at.strftime(_STAMP)
    if s.captured_at_source == TimeSource.MTIME:
        return ctx.L("captured_mtime", at=at)
    if s.captured_at_corrected and s.captured_at_before is not None:
        before = s.captured_at_before.strftime(_STAMP)
        if s.captured_at_source_before is not None:
            before = ctx.L("captured_source", at=before, source=ctx.L(f"src_{s.captured_at_source_before.value}"))
        return ctx.L("captured_manual", at=at, was=before)
    src = ctx.L(f"src_{s.captured_at_source.value}") if s.captured_at_source else ctx.L("unknown")
    return ctx.L("captured_source", at=at, source=src)


def when_shown(ctx: Context, t: datetime | None, day: date | None) -> str:
    """The minute, else the day marked "time not shown", else unknown."""
    if t is not None:
        return ctx.when(t)
    if day is not None:
        return ctx.L("day_time_not_shown", day=day.isoformat())
    return ctx.L("unknown")


def _ocr_value(m: Message, field: str, ctx: Context) -> str:
    assert m.ocr is not None
    v = getattr(m.ocr, field)
    if field == "time":
        return when_shown(ctx, v, m.ocr.date)
    if field == "date":
        return v.isoformat() if v else ctx.L("unknown")
    if field == "kind":
        return ctx.kind(v)
    if field == "direction":
        return ctx.direction(v)
    if field == "sender":
        return ctx.sender(v)
    return str(v or "")


def transcription(
    ctx: Context, ex: Exhibit, items: list[tuple[int, Message]] | None = None, heading: str | None = None
) -> list[Flowable]:
    """The exhibit's messages as numbered text; ``items`` (number, message) limits it to one slice."""
    title = heading or ctx.L("transcription")
    out: list[Flowable] = [Paragraph(f"<b>{para(title)}</b>", ctx.styles.small), Spacer(1, 3)]
    s = ex.shot
    if not ex.messages:
        if s.ocr_status == OcrStatus.FAILED:
            key = ctx.L("ocr_failed", error=s.ocr_error or "")
        else:
            key = ctx.L("no_transcription")
        return [*out, Paragraph(para(key), ctx.styles.note)]
    corrected_mark = f' <font color="{st.CORRECTED_HEX}">〔{para(ctx.L("corrected_mark"))}〕</font>'
    for i, m in items if items is not None else enumerate(ex.messages, 1):
        fixed = [f for f in _SHOWN_FIELDS if f in m.corrected and m.ocr is not None]
        head = [
            f"<b>{ex.number}-{i}</b>",
            para(when_shown(ctx, m.time, m.day)) + (corrected_mark if {"time", "date"} & set(fixed) else ""),
            para(sender_shown(ctx.labels, m.sender, s.phone)) + (corrected_mark if "sender" in fixed else ""),
            para(f"{ctx.kind(m.kind)}·{ctx.direction(m.direction)}")
            + (corrected_mark if {"kind", "direction"} & set(fixed) else ""),
        ]
        if m.origin == Origin.MANUAL:
            head.append(f'<font color="{st.CORRECTED_HEX}">〔{para(ctx.L("manual_mark"))}〕</font>')
        out.append(Paragraph("　".join(head), ctx.styles.label))
        if m.kind == Kind.CALL:
            text = m.text or ("—" if m.duration_s is None else f"{m.duration_s}s")
        else:
            text = m.text or ctx.L("no_text_message")
        out.append(Paragraph(para(text) + (corrected_mark if "text" in fixed else ""), ctx.styles.cell))
        for f in fixed:
            was = ctx.L("ocr_was", value=_ocr_value(m, f, ctx))
            out.append(
                Paragraph(f'<font color="{st.CORRECTED_HEX}">{para(ctx.L("field_" + f))}{para(ctx.L("colon"))}{para(was)}</font>', ctx.styles.cell_small)
            )
        if m.labels:  # what the row showed beside the party (骚扰电话, 浙江杭州 移动), as read
            shown = ctx.L("labels_line", labels=LABEL_SEP.join(m.labels))
            out.append(Paragraph(f'<font color="#666666">{para(shown)}</font>', ctx.styles.cell_small))
        tags = ex.tags.get(m.id, ())
        if tags:
            out.append(Paragraph(f'<font color="#666666">{para(ctx.L("col_tags"))}{para(ctx.L("colon"))}{para(ctx.tags(tags))}</font>', ctx.styles.cell_small))
        out.append(Spacer(1, 5))
    return out


def _height(flowables: list[Flowable], width: float) -> float:
    h = 0.0
    for f in flowables:
        _, fh = f.wrap(width, st.FRAME_H)
        h += fh + f.getSpaceBefore() + f.getSpaceAfter()
    return h


def exhibit(ctx: Context, ex: Exhibit, *, first: bool) -> list[Flowable]:
    out: list[Flowable] = [] if first else [PageBreak()]
    title = ctx.L("exhibit", n=ex.number)
    heading = Paragraph(f"{para(title)}　{para(exhibit_name(ctx, ex))}", ctx.styles.h2)
    out.append(mark(heading, f"ex{ex.number}", f"{title}  {exhibit_name(ctx, ex)}", 1))
    meta = _meta(ctx, ex)
    out += [meta, Spacer(1, 8)]
    used = _height([heading], st.FRAME_W) + _height([meta], st.FRAME_W) + 8 + 6
    if first:
        used += 40  # the section heading above the first exhibit
    avail_h = min(IMAGE_BOX_H, st.FRAME_H - used)
    images = ctx.images.get(ex.number, [])
    if len(images) == 1:
        out += _image_and_text(images[0], avail_h, transcription(ctx, ex))
    elif images:
        # A long screenshot in slices: each slice's messages right after it (export.sections.segments).
        n = len(images)
        parts = by_segment(ex.messages, [img.rows for img in images])
        for i, (img, items) in enumerate(zip(images, parts, strict=True), 1):
            label = Paragraph(para(ctx.L("image_part", i=i, n=n)), ctx.styles.note)
            heading = ctx.L("transcription_part", i=i, n=n)
            text = transcription(ctx, ex, items, heading) if items or (i == n and not ex.messages) else []
            first_part, *rest = _image_and_text(img, avail_h if i == 1 else IMAGE_BOX_H, text)
            out += [KeepTogether([label, first_part]), *rest, Spacer(1, 6)]
    else:
        out += transcription(ctx, ex)
    out.append(Marker(f"ex{ex.number}-end"))
    return out


def _image_and_text(img: PageImage, max_h: float, text: list[Flowable]) -> list[Flowable]:
    """The image with its transcription beside it when the column fits, else below it."""
    w, h = fit(img.width_pt, img.height_pt, IMAGE_BOX_W, max_h)
    if not text:
        return [FramedImage(img.path or img.jpeg, w, h)]
    col_w = st.FRAME_W - w - GAP
    side = SideBySide(FramedImage(img.path or img.jpeg, w, h), w + GAP, text, col_w)
    side.wrap(st.FRAME_W, st.FRAME_H)
    if col_w >= 150 and side.right_height <= h:
        return [side]
    return [FramedImage(img.path or img.jpeg, w, h), Spacer(1, 10), *text]


class FramedImage(Flowable):
    """The screenshot with a hairline frame: a white phone screen must not melt into the page."""

    def __init__(self, jpeg: bytes | str, width: float, height: float) -> None:
        super().__init__()
        self.jpeg, self.width, self.height = jpeg, width, height
        self.hAlign = "LEFT"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        if isinstance(self.jpeg, str):
            # A JPEG file is embedded as it is (DCTDecode): no decoding, no re-compression, and
            # only its compressed bytes are held until the PDF is written.
            c.drawImage(self.jpeg, 0, 0, self.width, self.height)
        else:
            c.drawImage(ImageReader(io.BytesIO(self.jpeg)), 0, 0, self.width, self.height)
        c.setStrokeColor(st.RULE)
        c.setLineWidth(0.5)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)


class SideBySide(Flowable):
    """An image on the left and a column of flowables beside it, measured once.

    A Table would do the same but re-measures every Paragraph in the cell on
    each split attempt and again when drawing; this wraps each once per width.
    It never splits: it is only used when the column is no taller than the image.
    """

    def __init__(self, left: Flowable, left_w: float, right: list[Flowable], right_w: float) -> None:
        super().__init__()
        self.left, self.left_w, self.right, self.right_w = left, left_w, right, right_w
        self._placed: list[tuple[Flowable, float, float, float]] = []
        self.right_height = 0.0
        self._left_h = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        _, self._left_h = self.left.wrap(self.left_w, availHeight)
        if not self._placed:
            y = 0.0
            for f in self.right:
                _, fh = f.wrap(self.right_w, st.FRAME_H)
                sb, sa = f.getSpaceBefore(), f.getSpaceAfter()
                self._placed.append((f, fh, sb, sa))
                y += sb + fh + sa
            self.right_height = y
        self.width = availWidth
        self.height = max(self._left_h, self.right_height)
        return self.width, self.height

    def draw(self) -> None:
        self.left.drawOn(self.canv, 0, self.height - self._left_h)
        y = self.height
        for f, fh, sb, sa in self._placed:
            y -= sb
            f.drawOn(self.canv, self.left_w, y - fh)
            y -= fh + sa


def exhibits(ctx: Context, only: list[Exhibit] | None = None) -> list[Flowable]:
    return [f for part in exhibits_parts(ctx, only) for f in part]


def exhibits_parts(ctx: Context, only: list[Exhibit] | None = None) -> Iterator[list[Flowable]]:
    """The section one exhibit at a time: 2,000 exhibits are laid out as they are made."""
    yield [mark(Paragraph(para(ctx.L("sec_exhibits")), ctx.styles.h1), "exhibits", ctx.L("sec_exhibits"), 0)]
    for i, ex in enumerate(only if only is not None else ctx.data.exhibits):
        yield exhibit(ctx, ex, first=i == 0)
