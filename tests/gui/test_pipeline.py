"""Drop → import → OCR → rows, with the real importer and the real Tesseract.

These are the slow GUI tests: each drops corpus screenshots on the window with
a real QDropEvent and waits for the background OCR (two worker processes).
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QTimer

from casefile.model import OcrStatus
from casefile.store import CaseStore
from gui.models.screenshot_list_model import Roles, ShotStatus
from tests.images import noise_png

from .helpers import drop

OCR_TIMEOUT_MS = 600_000  # RapidOCR on a loaded 2-core CI machine


def test_drop_reads_every_screenshot_and_keeps_bad_files_visible(
    window, qtbot, screenshots, tmp_path
) -> None:
    junk = tmp_path / "drop" / "notes.txt"
    junk.write_text("not a screenshot")
    with qtbot.waitSignal(window.imports.finished, timeout=OCR_TIMEOUT_MS) as done:
        drop(window, [tmp_path / "drop"])  # a folder, as users drop them
    tally = done.args[0]
    assert len(tally.imported) == len(screenshots)
    assert [p.name for p, _r in tally.rejected] == ["notes.txt"]
    assert not tally.cancelled

    store = window.store
    shots = store.screenshots()
    assert len(shots) == len(screenshots)
    assert all(s.ocr_status != OcrStatus.WAITING for s in shots)
    read = [s for s in shots if s.ocr_status == OcrStatus.DONE]
    assert len(read) >= len(screenshots) - 2  # layouts without a parser yet may fail, visibly
    assert sum(len(store.messages(s.id)) for s in read) >= 20

    model = window.shots
    rows = {model.index(i).data(): model.index(i).data(Roles.STATUS) for i in range(model.rowCount())}
    assert rows["notes.txt"] == ShotStatus.REJECTED
    for s in shots:
        expected = ShotStatus.NEEDS_REVIEW if s.ocr_status == OcrStatus.DONE else ShotStatus.FAILED
        assert rows[s.original_name] == expected
    rejected_row = next(i for i in range(model.rowCount()) if model.index(i).data() == "notes.txt")
    assert "not a picture" in model.index(rejected_row).data(Roles.DETAIL)

    # one summary, not a dialog per file
    assert window.summary_dialog is not None and window.summary_dialog.isVisible()
    assert "10 screenshot(s) added" in window.summary_dialog.headline.text()
    assert any(
        "notes.txt" in window.summary_dialog.problems.item(i).text()
        for i in range(window.summary_dialog.problems.count())
    )

    # a screenshot with messages is shown in the review pane with its table and boxes
    sid = read[0].id
    window.review.show(sid)
    assert window.review_pane.model.rowCount() == len(store.messages(sid, include_excluded=False))
    assert window.review_pane.image.has_image()

    # dropping the same files again adds nothing and says so
    with qtbot.waitSignal(window.imports.finished, timeout=60_000) as again:
        drop(window, screenshots[:3])
    assert again.args[0].duplicates == 3 and not again.args[0].imported


def test_cancel_import_midway_leaves_a_consistent_case(window, qtbot, tmp_path, case_dir) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    files = [noise_png(folder / f"noise{i:02}.png", side=700, seed=i) for i in range(24)]
    window.imports.engine = "no-such-engine"  # reading is not what this test is about

    def cancel_after_first(phase: str, done: int, total: int) -> None:
        if phase == "import" and done >= 1:
            window.progress.cancel.click()

    window.imports.progress.connect(cancel_after_first)
    with qtbot.waitSignal(window.imports.finished, timeout=60_000) as done:
        drop(window, [folder])
    tally = done.args[0]
    assert tally.cancelled
    assert 1 <= len(tally.imported) < len(files)
    assert not window.progress.isVisible()
    window.close()

    with CaseStore.open(case_dir, create=False) as store:
        assert store.verify() == []
        assert len(store.screenshots()) == len(tally.imported)
        assert not list((case_dir / "originals").glob(".partial-*"))


def test_cancel_reading_midway_then_read_the_rest(window, qtbot, screenshots, case_dir) -> None:
    window.imports.engine = "tesseract"  # cancelling is the point, not the engine: the faster one
    def cancel_after_first(phase: str, done: int, total: int) -> None:
        if phase == "read" and done >= 1:
            window.progress.cancel.click()

    window.imports.progress.connect(cancel_after_first)
    with qtbot.waitSignal(window.imports.finished, timeout=OCR_TIMEOUT_MS) as done:
        drop(window, screenshots)
    assert done.args[0].cancelled
    window.imports.progress.disconnect(cancel_after_first)
    store = window.store
    assert store.verify() == []
    waiting = [s for s in store.screenshots() if s.ocr_status == OcrStatus.WAITING]
    assert 0 < len(waiting) < len(screenshots)
    statuses = {window.shots.index(i).data(Roles.STATUS) for i in range(window.shots.rowCount())}
    assert ShotStatus.WAITING in statuses and ShotStatus.READING not in statuses

    with qtbot.waitSignal(window.imports.finished, timeout=OCR_TIMEOUT_MS):
        window.imports.read_waiting()
    assert not [s for s in store.screenshots() if s.ocr_status == OcrStatus.WAITING]


def test_gui_thread_never_blocked_while_reading(window, qtbot, screenshots) -> None:
    """The event loop answers a 10 ms timer within 200 ms throughout import and OCR of 10 screenshots."""
    gaps: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    with qtbot.waitSignal(window.imports.finished, timeout=OCR_TIMEOUT_MS):
        drop(window, screenshots)
        last[0] = clock.elapsed()  # the drop itself only starts the work
    timer.stop()
    assert len(window.store.screenshots()) == len(screenshots)
    assert len(gaps) > 50
    assert max(gaps) < 200, f"the GUI thread was blocked for {max(gaps)} ms"


def test_missing_tesseract_is_explained_once(window, qtbot, screenshots, monkeypatch) -> None:
    """No Tesseract on PATH: one dialog naming the apt command; screenshots stay, waiting."""
    window.imports.engine = "tesseract"  # the engine a user without the optional RapidOCR has
    from PySide6.QtWidgets import QMessageBox

    empty_bin = screenshots[0].parent.parent / "empty-bin"
    empty_bin.mkdir()
    monkeypatch.setenv("PATH", str(empty_bin))  # the workers start from sys.executable, not PATH
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: shown.append(text))
    with qtbot.waitSignal(window.imports.finished, timeout=120_000):
        drop(window, screenshots[:2])
    assert len(shown) == 1
    assert "sudo apt install tesseract-ocr tesseract-ocr-chi-sim" in shown[0]
    assert {s.ocr_status for s in window.store.screenshots()} == {OcrStatus.WAITING}
    statuses = {window.shots.index(i).data(Roles.STATUS) for i in range(window.shots.rowCount())}
    assert statuses == {ShotStatus.WAITING}
