"""What the review pane says about a screenshot's layout: chosen by the user, or guessed and how surely.

Why apart from the review controller: it is a question about one reading
(its layout scores), answered in words; the controller only shows the words.
The sentences keep the review controller's translation context, so the
existing translations apply unchanged.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from casefile.model import ReadingRecord
from ocr.model import Layout

# The layout guess is called unsure below this score, or when the runner-up is this close.
SURE_SCORE = 0.6
CLOSE_RUNNER_UP = 0.15


def layout_name(layout: Layout) -> str:
    return {
        Layout.SMS_THREAD: QCoreApplication.translate("ReviewController", "text messages"),
        Layout.SMS_INBOX: QCoreApplication.translate("ReviewController", "message list"),
        Layout.CHAT_THREAD: QCoreApplication.translate("ReviewController", "chat"),
        Layout.CALL_LOG: QCoreApplication.translate("ReviewController", "call log"),
    }[layout]


def runner_up(reading: ReadingRecord, layout: Layout) -> tuple[float, Layout | None, bool]:
    """The guessed layout's score, the closest other layout, and whether the guess is sure."""
    score = reading.layout_scores[str(layout)]
    known = {str(x) for x in Layout}
    others = sorted(
        ((v, k) for k, v in reading.layout_scores.items() if k != str(layout) and k in known), reverse=True
    )
    sure = score >= SURE_SCORE and (not others or score - others[0][0] >= CLOSE_RUNNER_UP)
    return score, (Layout(others[0][1]) if others else None), sure


def layout_note(reading: ReadingRecord | None, layout: Layout | None) -> tuple[str, bool]:
    """The note and whether it is unsure (then it names the runner-up and points to Read as…)."""
    if reading is None or layout is None:
        return "", False
    name = layout_name(layout)
    if reading.forced_layout is not None:
        return QCoreApplication.translate("ReviewController", "Read as %1, as you chose.").replace(
            "%1", name
        ), False
    if str(layout) not in reading.layout_scores:
        return "", False
    score, other, sure = runner_up(reading, layout)
    pct = str(round(score * 100))
    if sure:
        return QCoreApplication.translate("ReviewController", "Looks like %1 (%2% sure).").replace(
            "%1", name
        ).replace("%2", pct), False
    note = (
        QCoreApplication.translate("ReviewController", "Looks like %1, but only %2% sure.")
        .replace("%1", name)
        .replace("%2", pct)
    )
    if other is not None:
        note += " " + QCoreApplication.translate(
            "ReviewController", "It could be %1: if the messages look wrong, choose “Read as…”."
        ).replace("%1", layout_name(other))
    else:
        note += " " + QCoreApplication.translate(
            "ReviewController", "If the messages look wrong, choose “Read as…”."
        )
    return note, True
