"""Typed errors and reasons → sentences a stressed, non-technical user can act on.

Why here and only here: the domain raises typed errors (``ImportRejectedError``
with a ``RejectReason``, ``CaseError``, ``EngineMissing``); turning them into
words is presentation, and doing it in one module keeps every sentence in the
translation file and every reason covered (a test checks each RejectReason).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from casefile.faults import BUNDLE, CSV_FILE, DATABASE, EXPORT_FILE, ORIGINAL, Problem, WriteFailedError
from casefile.importer import RejectReason
from casefile.store import CaseError, CaseProblem, ReadOnlyBecause
from export.errors import ExportError, ExportFailure
from export.redaction.check import RedactionLeakError
from ocr.model import Failure

INSTALL_COMMAND = "sudo apt install tesseract-ocr tesseract-ocr-chi-sim"


def reject_reason(reason: RejectReason) -> str:
    """A short phrase: why this one file was not imported."""
    texts = {
        RejectReason.NOT_FOUND: QCoreApplication.translate("Messages", "the file no longer exists"),
        RejectReason.UNREADABLE: QCoreApplication.translate(
            "Messages", "the file cannot be read (permissions or a disk error)"
        ),
        RejectReason.EMPTY: QCoreApplication.translate("Messages", "the file is empty"),
        RejectReason.FILE_TOO_LARGE: QCoreApplication.translate(
            "Messages", "the file is larger than 200 MB, so it is not a screenshot"
        ),
        RejectReason.TOO_MANY_PIXELS: QCoreApplication.translate(
            "Messages", "the picture is far too large to be a screenshot"
        ),
        RejectReason.NOT_AN_IMAGE: QCoreApplication.translate("Messages", "this is not a picture"),
        RejectReason.UNSUPPORTED_FORMAT: QCoreApplication.translate(
            "Messages", "this picture format is not supported (use PNG, JPEG, WebP, BMP or HEIC)"
        ),
        RejectReason.HEIC_UNSUPPORTED: QCoreApplication.translate(
            "Messages", "iPhone HEIC pictures need the pillow-heif package"
        ),
        RejectReason.CORRUPT: QCoreApplication.translate("Messages", "the picture is damaged or incomplete"),
        RejectReason.CASE_NOT_WRITABLE: QCoreApplication.translate(
            "Messages", "the case folder cannot be written to"
        ),
    }
    return texts[reason]


def rejected_file(path: Path, reason: RejectReason) -> str:
    """A full sentence naming the file and the reason."""
    return (
        QCoreApplication.translate("Messages", "%1 was not added: %2")
        .replace("%1", path.name)
        .replace("%2", reject_reason(reason))
    )


def case_not_openable(folder: Path, reason: str) -> str:
    """A case folder that cannot be opened or written: say where, and what to try."""
    return (
        QCoreApplication.translate(
            "Messages",
            "The case folder %1 cannot be opened or written to.\n\n"
            "Check that the folder exists, that you may write to it and that the disk is not full, "
            "or choose another folder (File → Open case folder).\n\nDetails: %2",
        )
        .replace("%1", str(folder))
        .replace("%2", reason)
    )


def engine_missing() -> str:
    """Tesseract or its Chinese data is missing: the single most likely first-run problem."""
    return QCoreApplication.translate(
        "Messages",
        "The text recognition program (Tesseract with Simplified Chinese) is not installed, "
        "so the screenshots cannot be read yet. They are safely stored in the case.\n\n"
        "Open a terminal and run:\n\n%1\n\nthen choose Review → Read screenshots again.",
    ).replace("%1", INSTALL_COMMAND)


def ocr_failure(failure: Failure) -> str:
    """Why the OCR has no reading of a screenshot, and what the user can do."""
    texts = {
        Failure.UNREADABLE: QCoreApplication.translate(
            "Messages", "the image cannot be decoded: it is damaged, or not an image"
        ),
        Failure.NOT_FOUND: QCoreApplication.translate("Messages", "the image file was not found"),
        Failure.TOO_SMALL: QCoreApplication.translate("Messages", "the image is too small to be a phone screenshot"),
        Failure.ENGINE: QCoreApplication.translate(
            "Messages", "the OCR engine failed on it; read it again, or with the other engine"
        ),
        Failure.INTERNAL: QCoreApplication.translate(
            "Messages", "an error in Screenproof (the log file has the details); enter the messages by hand"
        ),
        Failure.WORKER: QCoreApplication.translate(
            "Messages", "the reading process stopped unexpectedly; read it again"
        ),
    }
    return texts[failure]


def ocr_failed(name: str, error: str | None) -> str:
    """One screenshot the OCR could not read (shown in its row, never as a pop-up).

    The reason is said in the user's language when the error starts with a
    known :class:`~ocr.model.Failure`; older cases may hold other English
    texts, which are shown as they are.
    """
    if not error:
        return QCoreApplication.translate("Messages", "could not be read")
    reason = next((ocr_failure(f) for f in Failure if error.startswith(f.value)), error)
    return QCoreApplication.translate("Messages", "could not be read: %1").replace("%1", reason)


def import_summary(imported: int, duplicates: int, rejected: int, cancelled: bool) -> str:
    """The one sentence after an import, instead of one dialog per file."""
    parts = [QCoreApplication.translate("Messages", "%n screenshot(s) added", None, imported)]
    if duplicates:
        parts.append(QCoreApplication.translate("Messages", "%n already in the case", None, duplicates))
    if rejected:
        parts.append(QCoreApplication.translate("Messages", "%n not added", None, rejected))
    text = QCoreApplication.translate("Messages", "; ").join(parts)
    if cancelled:
        text += QCoreApplication.translate("Messages", " (stopped before the end)")
    return text


# -- a case that is busy, read-only, damaged, or on a disk that refuses a write -----------------


def _write_problem(problem: Problem) -> str:
    texts = {
        Problem.NO_SPACE: QCoreApplication.translate(
            "Messages", "the disk is full. Free some space (or choose another disk) and try again."
        ),
        Problem.QUOTA: QCoreApplication.translate(
            "Messages", "your disk quota is used up. Free some space and try again."
        ),
        Problem.READ_ONLY: QCoreApplication.translate(
            "Messages", "the disk or folder is write-protected. Choose another place."
        ),
        Problem.PERMISSION: QCoreApplication.translate(
            "Messages", "you may not write there. Choose another place."
        ),
        Problem.NAME_TOO_LONG: QCoreApplication.translate(
            "Messages", "the file name or folder path is too long. Choose a shorter one."
        ),
        Problem.IO: QCoreApplication.translate(
            "Messages", "the disk reported an error (was it removed?). Check it and try again."
        ),
        Problem.OTHER: QCoreApplication.translate("Messages", "the system refused the write."),
    }
    return texts[problem]


def _what(what: str) -> str:
    texts = {
        ORIGINAL: QCoreApplication.translate("Messages", "The copy of the screenshot"),
        DATABASE: QCoreApplication.translate("Messages", "Your change to the case"),
        EXPORT_FILE: QCoreApplication.translate("Messages", "The dossier"),
        BUNDLE: QCoreApplication.translate("Messages", "The evidence bundle"),
        CSV_FILE: QCoreApplication.translate("Messages", "The CSV file"),
    }
    return texts.get(what, QCoreApplication.translate("Messages", "The file"))


def write_failed(e: WriteFailedError) -> str:
    """One sentence: what could not be written, where, why, and that nothing was damaged."""
    return (
        QCoreApplication.translate("Messages", "%1 could not be saved in %2: %3\n\nThe case is unchanged.")
        .replace("%1", _what(e.what))
        .replace("%2", str(e.where))
        .replace("%3", _write_problem(e.problem))
    )


def case_busy() -> str:
    return QCoreApplication.translate(
        "Messages",
        "This case is open in another Screenproof window.\n\n"
        "Only one window at a time can change a case. You can open it here read-only: "
        "you can read, check and export it, but not change it.",
    )


def case_damaged(folder: Path) -> str:
    """A damaged database: say what still holds (the originals and their hashes) and how to rebuild."""
    return (
        QCoreApplication.translate(
            "Messages",
            "The case database in %1 is damaged, or this folder is not a Screenproof case.\n\n"
            "Your original screenshots are kept apart from the database, in %2: each file is named by its own SHA-256 "
            "fingerprint, so anyone can still check that it is unchanged.\n\n"
            "To rebuild the case: choose File → New case folder, then File → Import a folder and "
            "choose %2.",
        )
        .replace("%1", str(folder))
        .replace("%2", str(folder / "originals"))
    )


def case_problem(e: CaseError | WriteFailedError) -> str:
    """The sentence for any case error the window meets."""
    if isinstance(e, WriteFailedError):
        return write_failed(e)
    if e.problem is CaseProblem.BUSY:
        return case_busy()
    if e.problem is CaseProblem.DAMAGED:
        return case_damaged(e.folder)
    if e.problem is CaseProblem.READ_ONLY:
        return QCoreApplication.translate(
            "Messages", "This case is open read-only, so it cannot be changed here."
        )
    if e.problem is CaseProblem.TOO_NEW:
        return QCoreApplication.translate(
            "Messages", "The case in %1 was made by a newer Screenproof. Please update Screenproof to open it."
        ).replace("%1", str(e.folder))
    if e.problem is CaseProblem.WRITE_FAILED and e.fault is not None:
        return write_failed(WriteFailedError(DATABASE, e.folder, e.fault))
    return case_not_openable(e.folder, e.reason)


def read_only_banner(because: ReadOnlyBecause) -> str:
    """Why the window shows this case read-only, and how to change it."""
    texts = {
        ReadOnlyBecause.NOT_WRITABLE: QCoreApplication.translate(
            "Messages",
            "Read-only: this case folder cannot be written (a write-protected USB stick, a disc, or a "
            "folder you may not change). You can read, check and export it. To make changes, copy the "
            "case folder to your computer and open the copy.",
        ),
        ReadOnlyBecause.BUSY: QCoreApplication.translate(
            "Messages",
            "Read-only: this case is open in another Screenproof window, and only that window can "
            "change it. Close it there, then open the case here again to make changes.",
        ),
        ReadOnlyBecause.ASKED: QCoreApplication.translate("Messages", "Read-only: this case cannot be changed here."),
    }
    return texts[because]


def export_failed(error: BaseException, target: Path | None = None) -> str:
    """One sentence, naming the file and what to do, for an export that stopped.

    ``target`` names the file for an ``OSError`` that carries no file name.
    """
    if isinstance(error, ExportError):
        texts = {
            ExportFailure.ORIGINAL_MISSING: QCoreApplication.translate(
                "Messages",
                "An original screenshot is missing from the case folder: {path}. "
                "Run “Verify the case” to see which ones.",
            ),
            ExportFailure.ORIGINAL_ALTERED: QCoreApplication.translate(
                "Messages",
                "An original screenshot was changed after it was imported: {path}. "
                "The dossier was not written, because its hashes would no longer match.",
            ),
            ExportFailure.ORIGINAL_UNREADABLE: QCoreApplication.translate(
                "Messages", "An original screenshot cannot be read: {path}."
            ),
            ExportFailure.TARGET_NOT_WRITABLE: QCoreApplication.translate(
                "Messages", "Cannot write to {path}. Choose another folder (for example Documents)."
            ),
            ExportFailure.TARGET_EXISTS: QCoreApplication.translate(
                "Messages",
                "The folder {path} already exists and is not an earlier evidence bundle. "
                "Choose another file name, or move that folder away.",
            ),
        }
        return texts[error.reason].format(path=str(error.path) if error.path else "")
    if isinstance(error, RedactionLeakError):
        return QCoreApplication.translate(
            "Messages",
            "A redacted value was still readable in the dossier ({where}), so the file was removed. "
            "Nothing was written. Please report it.",
        ).format(where=error.where)
    if isinstance(error, OSError):
        where = error.filename or (target if target is not None else "")
        return QCoreApplication.translate(
            "Messages", "Cannot write {path}: {reason}. Choose another folder or free some disk space."
        ).format(path=where, reason=error.strerror or type(error).__name__)
    return QCoreApplication.translate(
        "Messages", "The export failed because of an error in Screenproof. Nothing was written. Please report it."
    )
