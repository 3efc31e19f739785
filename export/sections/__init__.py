"""The parts of the dossier. Each module turns the snapshot into flowables.

Every section is a pure function of a ``Context`` (the snapshot, the options,
the label table and the prepared images), so the same case always gives the
same story.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reportlab.platypus import Paragraph, Table, TableStyle

from export import styles as st
from export.data import DossierData
from export.fonts import REGULAR
from export.images import PageImage
from export.options import DossierOptions
from export.styles import Styles
from export.text import para
from ocr.model import ME, Direction, Kind


@dataclass(frozen=True, slots=True)
class Context:
    data: DossierData
    options: DossierOptions
    labels: Mapping[str, str]
    styles: Styles
    images: Mapping[int, list[PageImage]]  # exhibit number → JPEG(s) for the page
    generated_at: datetime

    def L(self, key: str, **kw: Any) -> str:
        text = self.labels[key]
        return text.format(**kw) if kw else text

    def P(self, markup: str, style: str = "cell") -> Paragraph:
        """A Paragraph from *markup* (already escaped); for untrusted text use ``T``."""
        return Paragraph(markup, getattr(self.styles, style))

    def T(self, text: str | None, style: str = "cell") -> Paragraph:
        """A Paragraph from untrusted text: escaped and normalised."""
        return Paragraph(para(text), getattr(self.styles, style))

    # -- shared formatting --------------------------------------------------------------

    def when(self, t: datetime | None) -> str:
        return t.strftime("%Y-%m-%d %H:%M") if t else self.L("unknown")

    def day(self, d: date) -> str:
        return d.isoformat()

    def weekday(self, d: date) -> str:
        return self.L("weekdays").split(",")[d.weekday()]

    def kind(self, k: Kind) -> str:
        return self.L(f"kind_{k.value}")

    def direction(self, d: Direction) -> str:
        return self.L(f"dir_{d.value}")

    def sender(self, s: str | None) -> str:
        if s is None or s == "":
            return self.L("unknown")
        return self.L("me") if s == ME else s

    def tag(self, name: str) -> str:
        """A tag in the dossier's language (tags are stored in Chinese)."""
        if self.options.lang == "zh":
            return name
        return self.data.tag_labels.get(name, name)

    def tags(self, names: Iterable[str]) -> str:
        return self.L("list_sep").join(self.tag(n) for n in names)



def grid(
    rows: list[list[Any]],
    widths: list[float],
    *,
    header: bool = True,
    repeat: int = 1,
    extra: list[tuple[Any, ...]] | None = None,
    zebra: bool = False,
) -> Table:
    """The dossier's one table look: thin rules, a tinted header row repeated on each page."""
    t = Table(rows, colWidths=widths, repeatRows=repeat if header else 0, hAlign="LEFT")
    cmds: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("LEADING", (0, 0), (-1, -1), 12),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, st.RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header:
        cmds += [
            ("BACKGROUND", (0, 0), (-1, 0), st.HEAD_BG),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, st.ACCENT),
        ]
    if zebra:
        cmds.append(("ROWBACKGROUNDS", (0, 1 if header else 0), (-1, -1), [None, st.colors.HexColor("#f7f7f7")]))
    t.setStyle(TableStyle(cmds + (extra or [])))
    return t
