"""Clean-up of raw OCR text.

Tesseract's chi_sim model treats every one or two Chinese characters as a
"word" and joins words with spaces, so ``请 立即 还 款`` comes back where the
screen shows ``请立即还款``. Chinese has no spaces between characters, but the
Latin parts of a message do (``contract_v2.pdf 已 发送``), and numbers must be
kept exactly: they are the evidence. These helpers remove only the spaces that
OCR invented.
"""

from __future__ import annotations

import re
import unicodedata

# CJK ideographs, CJK symbols/punctuation, full-width forms, and the
# punctuation Chinese text uses between them.
_CJK_CLASS = (
    r"\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    r"\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
    r"\u2018\u2019\u201c\u201d\u2026\u00b7\u2014"
)
_SPACE_AROUND_CJK = re.compile(rf"(?<=[{_CJK_CLASS}])[ \t]+|[ \t]+(?=[{_CJK_CLASS}])")
_MULTI_SPACE = re.compile(r"[ \t]{2,}")
# Half-width punctuation Tesseract emits inside Chinese text.
_ASCII_TO_FULL = {",": "，", "?": "？", "!": "！", ":": "：", ";": "；", "(": "（", ")": "）"}
_NUMBER_CHARS = re.compile(r"^[+\d][\d\s\-()]*\d$")


def is_cjk(ch: str) -> bool:
    """Whether ``ch`` is a CJK ideograph or CJK/full-width punctuation."""
    return bool(re.match(rf"[{_CJK_CLASS}]", ch))


def cjk_ratio(text: str) -> float:
    """Share of non-space characters that are CJK; 0 for empty text."""
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return 0.0
    return sum(1 for c in chars if is_cjk(c)) / len(chars)


def join_cjk(text: str) -> str:
    """Remove the spaces OCR puts between Chinese characters; keep Latin spacing.

    A space next to a CJK character (or CJK punctuation) on either side is an
    artefact of word-level recognition: Chinese text never has one there.
    """
    s = _SPACE_AROUND_CJK.sub("", text)
    s = _MULTI_SPACE.sub(" ", s)
    return s.strip()


def normalise_number(text: str) -> str:
    """``+86 138 0013-8000`` → ``+8613800138000``; anything not a number unchanged.

    SCHEMA.md writes numbers without spaces or dashes, and a number split by
    OCR into groups is still one number.
    """
    s = text.strip()
    if _NUMBER_CHARS.match(s):
        return re.sub(r"[\s\-()]", "", s)
    return s


def clean_line(text: str) -> str:
    """One recognised line → display text: NFC, invented spaces removed."""
    s = unicodedata.normalize("NFC", text).replace("\u3000", " ")
    s = s.replace("\u200b", "")
    return join_cjk(s)


def fullwidth_punct_in_cjk(text: str) -> str:
    """Turn half-width ``,?!:;()`` into full-width when next to Chinese.

    Tesseract reads the full-width comma of ``好的，谢谢`` as ``,``; the
    screen showed the full-width one, and the dossier should too.
    """
    out = []
    for i, ch in enumerate(text):
        rep = _ASCII_TO_FULL.get(ch)
        if rep:
            prev = text[i - 1] if i > 0 else ""
            nxt = text[i + 1] if i + 1 < len(text) else ""
            # Not between digits (1,280 / 12:30) and only with Chinese beside it.
            if not (prev.isdigit() and nxt.isdigit()) and (is_cjk(prev) or (is_cjk(nxt) and not prev.isascii())
                                                          or (is_cjk(nxt) and prev == "")):
                out.append(rep)
                continue
        out.append(ch)
    return "".join(out)


def join_lines(lines: list[str]) -> str:
    """Lines of one bubble → one text (SCHEMA: line breaks inside a bubble removed).

    Latin words wrapped across lines get a space back; Chinese does not.
    """
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out and out[-1].isascii() and out[-1].isalpha() and line[0].isascii() and line[0].isalpha():
            out += " " + line
        else:
            out += line
    return out
