"""The bundled CJK TrueType font, registered with ReportLab once per process.

Why a bundled TrueType font and not ReportLab's built-in ``STSong-Light``: a
CID font is not embedded, so the reader's machine decides what the Chinese
looks like, or whether it shows at all; a dossier handed to a court must look
the same everywhere. ReportLab embeds a TrueType font as subsets, so the file
carries only the glyphs it uses. Noto Sans SC is bundled as static *glyf*
instances because ReportLab cannot embed CFF outlines (STACK.md §5).

Registering also fixes two process-wide ReportLab defaults that would
otherwise leak into every PDF: the canvas base font (an unembedded Helvetica
reference appears without it) and the kinsoku list (ReportLab's is
Japanese-oriented, so lines could start with ``，`` or ``；``).
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import fonts as rl_fonts
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"
REGULAR = "NotoSansSC"
BOLD = "NotoSansSC-Bold"

# Closing punctuation that must never start a line in Chinese text.
_EXTRA_CANNOT_START = "，；：！？”’》〉）】』」…·、。"

_lock = threading.Lock()
_registered = False
_cmap: frozenset[int] = frozenset()


def register_fonts() -> None:
    """Register the fonts and patch ReportLab's defaults; cheap after the first call."""
    global _registered, _cmap
    with _lock:
        if _registered:
            return
        regular = TTFont(REGULAR, str(FONT_DIR / "NotoSansSC-Regular.ttf"))
        bold = TTFont(BOLD, str(FONT_DIR / "NotoSansSC-Bold.ttf"))
        pdfmetrics.registerFont(regular)
        pdfmetrics.registerFont(bold)
        # <b> inside a Paragraph must find the bold face, and any <i> must not
        # fall back to an unembedded Helvetica-Oblique.
        rl_fonts.addMapping(REGULAR, 0, 0, REGULAR)
        rl_fonts.addMapping(REGULAR, 1, 0, BOLD)
        rl_fonts.addMapping(REGULAR, 0, 1, REGULAR)
        rl_fonts.addMapping(REGULAR, 1, 1, BOLD)
        rl_config.canvas_basefontname = REGULAR
        # Binary streams, not ASCII85: ReportLab's pure-Python ASCII85 encoder was
        # most of the time spent on a 200-exhibit dossier, and it inflates every
        # embedded JPEG by a quarter.
        rl_config.useA85 = 0
        _patch_kinsoku()
        _cmap = frozenset(regular.face.charToGlyph)
        _registered = True


def has_glyph(ch: str) -> bool:
    """Whether the bundled font can draw ``ch`` (emoji, for one, it cannot)."""
    register_fonts()
    return ord(ch) in _cmap


def _patch_kinsoku() -> None:
    """Both names matter: one-fragment paragraphs use textsplit, others paragraph's copy."""
    import reportlab.lib.textsplit as textsplit
    import reportlab.platypus.paragraph as paragraph

    missing = "".join(c for c in _EXTRA_CANNOT_START if c not in textsplit.ALL_CANNOT_START)
    textsplit.ALL_CANNOT_START = textsplit.ALL_CANNOT_START + missing
    paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START
