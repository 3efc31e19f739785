"""Paragraph and table styles of the dossier, all in the bundled font with CJK wrapping.

``wordWrap='CJK'`` on every style: Chinese has no spaces, and ReportLab's
default wrapping would split Latin words (``iPh|one``) inside mixed text.
One place for sizes and colours keeps the sections visually consistent.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle

from export.fonts import BOLD, REGULAR, register_fonts

PAGE_SIZE = A4
MARGIN_X = 42.0
MARGIN_TOP = 56.0
MARGIN_BOTTOM = 50.0
FRAME_W = PAGE_SIZE[0] - 2 * MARGIN_X
FRAME_H = PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#666666")
RULE = colors.HexColor("#b0b0b0")
HEAD_BG = colors.HexColor("#e8ecf1")
DAY_BG = colors.HexColor("#f4f1e8")
ACCENT = colors.HexColor("#2f5d8a")
NIGHT_HEX = "#1f3a5a"
NIGHT = colors.HexColor(NIGHT_HEX)
CORRECTED_HEX = "#a35200"
CORRECTED = colors.HexColor(CORRECTED_HEX)


@dataclass(frozen=True, slots=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_small: ParagraphStyle
    cell_head: ParagraphStyle
    cell_mono: ParagraphStyle
    day: ParagraphStyle
    label: ParagraphStyle


def make_styles() -> Styles:
    register_fonts()

    def s(name: str, size: float, *, font: str = REGULAR, leading: float | None = None, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=leading if leading is not None else size * 1.45,
            wordWrap="CJK",
            textColor=kw.pop("textColor", INK),
            **kw,
        )

    return Styles(
        title=s("title", 26, font=BOLD, leading=36, alignment=TA_CENTER, spaceAfter=10),
        subtitle=s("subtitle", 13, leading=20, alignment=TA_CENTER, textColor=MUTED, spaceAfter=24),
        h1=s("h1", 16, font=BOLD, leading=22, spaceBefore=4, spaceAfter=10, keepWithNext=1, textColor=ACCENT),
        h2=s("h2", 12, font=BOLD, leading=17, spaceBefore=10, spaceAfter=6, keepWithNext=1),
        body=s("body", 10, leading=16, spaceAfter=6),
        small=s("small", 8.5, leading=12.5),
        note=s("note", 8.5, leading=12.5, textColor=MUTED),
        cell=s("cell", 8.5, leading=12),
        cell_small=s("cell_small", 7.5, leading=10.5),
        cell_head=s("cell_head", 8.5, font=BOLD, leading=12, alignment=TA_LEFT),
        cell_mono=s("cell_mono", 7.5, leading=10),
        day=s("day", 9, font=BOLD, leading=13),
        label=s("label", 8.5, leading=12, textColor=MUTED),
    )
