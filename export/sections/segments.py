"""Which messages of a long screenshot belong beside which of its slices.

A long scrolling screenshot is printed as slices (``export.images``); each
slice's messages are printed right after it, so a reader compares the bubbles
and their transcription on the same page instead of paging back. A message
belongs to the slice holding the top of its box: one cut by a slice edge is
printed once, beside the slice where it starts. A message without a box (one
the user added by hand) stays next to the message before it on screen.
Numbering is the exhibit's (``3-7``), unchanged by the cut, so the chronology's
references still point at the right line.
"""

from __future__ import annotations

from collections.abc import Sequence

from casefile.model import Message


def segment_of(y: int, bounds: Sequence[tuple[int, int]]) -> int:
    """The index of the slice whose rows hold pixel row ``y`` (the last one for rows below)."""
    for i, (_top, bottom) in enumerate(bounds):
        if y < bottom:
            return i
    return len(bounds) - 1


def by_segment(
    messages: Sequence[Message], bounds: Sequence[tuple[int, int]]
) -> list[list[tuple[int, Message]]]:
    """Each slice's messages with their 1-based number in the exhibit, every message once."""
    out: list[list[tuple[int, Message]]] = [[] for _ in bounds]
    if not bounds:
        return out
    current = 0
    for number, m in enumerate(messages, 1):
        if m.box is not None:
            current = segment_of(m.box.y, bounds)
        out[current].append((number, m))
    return out
