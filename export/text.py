"""Untrusted text (OCR output, file names, user input) → safe Paragraph markup.

Paragraph text is a small XML dialect, so a message containing ``<`` or
``&`` would break the build or, worse, change the formatting; everything that
did not come from this package is escaped here. Text is NFKC-normalised so
compatibility look-alikes (Kangxi radicals such as ``⼀``, circled digits,
ligatures) render with the bundled font — but *not* the full-width forms
(``，：！？（）``): NFKC would turn them into ASCII, and the dossier must show
the punctuation the screenshot shows. Characters the font cannot draw
(emoji) become a visible ``[U+1F600]`` instead of an empty box, so a reader
knows something was there.
"""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape

from export.fonts import has_glyph

_KEEP_AS_IS = range(0xFF01, 0xFF5F)  # full-width ASCII forms: keep what the screen showed
_CONTROL = {"Cc", "Cf", "Cs", "Co", "Cn"}


def normalise(text: str) -> str:
    """NFKC except full-width forms; control characters dropped, tabs/newlines to spaces."""
    out: list[str] = []
    for ch in text:
        if ord(ch) in _KEEP_AS_IS:
            out.append(ch)
            continue
        if ch in "\t\r\n":
            out.append(" ")
            continue
        if unicodedata.category(ch) in _CONTROL and ch not in "\u200d":
            continue
        out.append(unicodedata.normalize("NFKC", ch))
    return "".join(out).replace("\u200d", "")


def para(text: str | None) -> str:
    """``text`` as Paragraph markup: normalised, escaped, undrawable characters spelled out."""
    if not text:
        return ""
    parts: list[str] = []
    for ch in normalise(text):
        if ch == " " or has_glyph(ch):
            parts.append(escape(ch))
        else:
            parts.append(f'<font color="#888888">[U+{ord(ch):04X}]</font>')
    return "".join(parts)


def plain(text: str | None) -> str:
    """The normalised text a reader extracts from the PDF (what the tests compare)."""
    return normalise(text or "")
