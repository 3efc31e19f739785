"""Text comparison for merging readings: normalisation, edit distance, similarity.

Two screenshots of one bubble differ by OCR noise (full- and half-width forms,
spacing, a cut-off end), so texts are compared after folding that noise away.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# 1 - Levenshtein / length of the longer normalised text, at or above which
# two texts are readings of one bubble (the other thresholds are in casefile.overlaps).
MERGE_SIMILARITY = 0.8  # two readings of one bubble


_FOLD = str.maketrans(
    {
        "。": ".",
        "、": ",",
        "【": "[",
        "】": "]",
        "〔": "[",
        "〕": "]",
        "「": '"',
        "」": '"',
        "『": '"',
        "』": '"',
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "《": "<",
        "》": ">",
        "～": "~",
        "—": "-",
    }
)
_SPACE = re.compile(r"\s+")
_TRAILING_ELLIPSIS = re.compile(r"(?:…|\.{3})+$")


@lru_cache(maxsize=65536)
def normalise_text(text: str) -> str:
    """Text as compared: NFKC, case-folded, no white space, CJK punctuation folded.

    The same folding the corpus scorer uses, so "the same text" means the same
    thing here as in the OCR accuracy figures; a trailing ellipsis is an app's
    cut mark, not content.
    """
    t = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
    t = _SPACE.sub("", t)
    return _TRAILING_ELLIPSIS.sub("", t)


def levenshtein(a: str, b: str) -> int:
    """Edit distance, bit-parallel (Myers/Hyyrö) so merging 20,000 bubbles stays fast.

    Python's big integers let the pattern be any length; this is ~50x faster
    than the textbook table for message-sized strings.
    """
    if len(a) < len(b):
        a, b = b, a
    m = len(b)
    if m == 0:
        return len(a)
    peq: dict[str, int] = {}
    for i, ch in enumerate(b):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    mask = (1 << m) - 1
    last = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    for ch in a:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & last:
            score += 1
        elif mh & last:
            score -= 1
        ph = ((ph << 1) | 1) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
    return score


def similarity(a: str, b: str) -> float:
    """1 - distance / longer length on already normalised texts (1.0 for two empties)."""
    if a == b:
        return 1.0
    longer = max(len(a), len(b))
    if min(len(a), len(b)) / longer < MERGE_SIMILARITY * 0.5:
        return min(len(a), len(b)) / longer  # an upper bound, enough to say "no"
    return 1.0 - levenshtein(a, b) / longer
