"""Drawing with a record of every text line: what the gold labels are computed from.

A screen is built as *items* in content coordinates (a bubble, a row, a time
separator), each a list of primitives; the screen scrolls them under the
chrome. Every text line drawn is a :class:`Run` that keeps where each of its
characters landed, so the labels can say exactly what is visible: a line
counts when more than half of its ink is inside the viewport (SCHEMA.md), and
a character hidden under an overlay (a floating button, the screen edge) is
not part of the visible text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from PIL import ImageDraw, ImageFont

FONT_DIR = Path(__file__).resolve().parents[3] / "resources" / "fonts"
Colour = tuple[int, int, int]
Rect = tuple[float, float, float, float]

# A line cut by the viewport edge between these visible fractions is ambiguous
# (SCHEMA.md: the corpus never cuts a line between 30 % and 70 %); the screen
# picks another scroll offset instead.
AMBIGUOUS_CUT = (0.3, 0.7)
# A character covered by an overlay by more than this share of its box is hidden.
HIDDEN_SHARE = 0.5
# ... and one covered by a share between this and HIDDEN_SHARE is ambiguous (moved away).
AMBIGUOUS_COVER = 0.12


@lru_cache(maxsize=256)
def font(px: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "NotoSansSC-Bold.ttf" if bold else "NotoSansSC-Regular.ttf"
    return ImageFont.truetype(str(FONT_DIR / name), max(6, px))


@dataclass
class Run:
    """One line of text: its characters' horizontal extents and its ink's vertical extent."""

    text: str
    x: float
    y: float  # top of the ascender ("la" anchor)
    px: int
    bold: bool
    fill: Colour
    ink: Rect = (0.0, 0.0, 0.0, 0.0)
    chars: list[tuple[float, float]] = field(default_factory=list)

    def __post_init__(self) -> None:
        f = font(self.px, self.bold)
        left, top, right, bottom = f.getbbox(self.text or " ", anchor="la")
        self.ink = (self.x + left, self.y + top, self.x + right, self.y + bottom)
        edges = [f.getlength(self.text[:i]) for i in range(len(self.text) + 1)]
        self.chars = [(self.x + edges[i], self.x + edges[i + 1]) for i in range(len(self.text))]

    @property
    def width(self) -> float:
        return self.chars[-1][1] - self.x if self.chars else 0.0

    def moved(self, dx: float, dy: float) -> Run:
        return Run(self.text, self.x + dx, self.y + dy, self.px, self.bold, self.fill)

    def draw(self, d: ImageDraw.ImageDraw) -> None:
        d.text((self.x, self.y), self.text, font=font(self.px, self.bold), fill=self.fill, anchor="la")

    def v_fraction(self, top: float, bottom: float) -> float:
        """Share of the line's ink height inside [top, bottom]."""
        y0, y1 = self.ink[1], self.ink[3]
        if y1 <= y0:
            return 1.0 if top <= y0 <= bottom else 0.0
        return max(0.0, min(y1, bottom) - max(y0, top)) / (y1 - y0)

    def char_cover(self, i: int, rect: Rect) -> float:
        x0, x1 = self.chars[i]
        y0, y1 = self.ink[1], self.ink[3]
        w = max(0.0, min(x1, rect[2]) - max(x0, rect[0]))
        h = max(0.0, min(y1, rect[3]) - max(y0, rect[1]))
        area = max(1e-6, (x1 - x0) * (y1 - y0))
        return w * h / area

    def visible_text(self, covers: list[Rect]) -> tuple[str, bool]:
        """(the characters not hidden by ``covers``, whether any was ambiguously covered)."""
        out, ambiguous = [], False
        for i, ch in enumerate(self.text):
            share = max((self.char_cover(i, r) for r in covers), default=0.0)
            if share > HIDDEN_SHARE:
                continue
            if share > AMBIGUOUS_COVER and not ch.isspace():
                ambiguous = True
            out.append(ch)
        return "".join(out), ambiguous


Painter = Callable[[ImageDraw.ImageDraw, float, float], None]


@dataclass
class Item:
    """Something drawn in the scrolled content: painters (shapes), runs (text) and its label role."""

    top: float = 0.0
    height: float = 0.0
    painters: list[Painter] = field(default_factory=list)
    runs: dict[str, list[Run]] = field(default_factory=dict)
    data: dict[str, object] = field(default_factory=dict)
    dx: float = 0.0  # a swiped row is drawn shifted sideways

    def add_run(self, role: str, run: Run) -> Run:
        self.runs.setdefault(role, []).append(run)
        return run

    def draw(self, d: ImageDraw.ImageDraw, dy: float) -> None:
        for p in self.painters:
            p(d, self.dx, dy)
        for runs in self.runs.values():
            for r in runs:
                r.moved(self.dx, dy).draw(d)

    def placed(self, role: str, dy: float) -> list[Run]:
        return [r.moved(self.dx, dy) for r in self.runs.get(role, [])]


def rrect(box: Rect, radius: float, fill: Colour, outline: Colour | None = None, width: int = 1) -> Painter:
    def paint(d: ImageDraw.ImageDraw, dx: float, dy: float) -> None:
        x0, y0, x1, y1 = box
        b = (x0 + dx, y0 + dy, x1 + dx, y1 + dy)
        if b[3] <= b[1] or b[2] <= b[0]:
            return
        r = min(radius, (b[2] - b[0]) / 2, (b[3] - b[1]) / 2)
        d.rounded_rectangle(b, r, fill=fill, outline=outline, width=width)

    return paint


def ellipse(box: Rect, fill: Colour) -> Painter:
    def paint(d: ImageDraw.ImageDraw, dx: float, dy: float) -> None:
        d.ellipse((box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy), fill=fill)

    return paint


def line(pts: list[tuple[float, float]], fill: Colour, width: int) -> Painter:
    def paint(d: ImageDraw.ImageDraw, dx: float, dy: float) -> None:
        d.line([(x + dx, y + dy) for x, y in pts], fill=fill, width=max(1, width), joint="curve")

    return paint


def polygon(pts: list[tuple[float, float]], fill: Colour) -> Painter:
    def paint(d: ImageDraw.ImageDraw, dx: float, dy: float) -> None:
        d.polygon([(x + dx, y + dy) for x, y in pts], fill=fill)

    return paint


def wrap(text: str, px: int, max_w: float, bold: bool = False) -> list[str]:
    """Greedy line breaking: CJK anywhere, Latin words and numbers kept whole."""
    f = font(px, bold)
    tokens: list[str] = []
    word = ""
    for ch in text:
        if ch.isascii() and not ch.isspace():
            word += ch
            continue
        if word:
            tokens.append(word)
            word = ""
        tokens.append(ch)
    if word:
        tokens.append(word)
    lines: list[str] = []
    cur = ""
    for tok in tokens:
        if cur and f.getlength(cur + tok) > max_w:
            if tok in "，。！？、；：）】》”,.!?;:)" and len(cur) > 1:  # no line starts with closing punctuation
                lines.append(cur[:-1])
                cur = cur[-1] + tok
                continue
            lines.append(cur.rstrip())
            cur = tok.lstrip()
        else:
            cur += tok
    if cur.strip():
        lines.append(cur.rstrip())
    return lines or [""]


def ellipsize(text: str, px: int, max_w: float, bold: bool = False) -> tuple[str, str]:
    """(what is drawn, what is shown without the ellipsis) for a one-line snippet."""
    f = font(px, bold)
    if f.getlength(text) <= max_w:
        return text, text
    cut = text
    while cut and f.getlength(cut + "…") > max_w:
        cut = cut[:-1]
    cut = cut.rstrip()
    return cut + "…", cut


def join_lines(lines: list[str]) -> str:
    """A bubble's visible lines as one text (line breaks removed; a space between Latin words)."""
    out = ""
    for ln in lines:
        if out and out[-1].isascii() and out[-1].isalnum() and ln[:1].isascii() and ln[:1].isalnum():
            out += " "
        out += ln
    return out
