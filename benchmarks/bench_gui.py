"""How long a user waits: from dropping 48 corpus screenshots on the window to the
first one shown, and to all of them read.

Run: ``.venv/bin/python -m benchmarks.bench_gui [N]`` (offscreen; N defaults to 48).
It uses a temporary case and temporary settings, never the user's. Skips with a
message when ``../shared/corpus/dev`` is absent (a user's clone).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("SCREENPROOF_SHARED", REPO.parent / "shared")) / "corpus" / "dev"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 48
    images = sorted(p for p in CORPUS.glob("*") if p.suffix.lower() in {".png", ".jpg", ".jpeg"})[:n]
    if len(images) < n:
        print(f"bench_gui: skipped, needs {n} screenshots in {CORPUS} (found {len(images)})")
        return 0
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    home = Path(tempfile.mkdtemp(prefix="screenproof-bench-"))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[var] = str(home / var.lower())

    from PySide6.QtCore import QElapsedTimer, QMimeData, QPointF, Qt, QTimer, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    from gui import app as gui_app
    from gui.qtfix import guard_refcounts

    guard_refcounts()
    qapp = QApplication([sys.argv[0]])
    gui_app.prepare_app(qapp)
    window = gui_app.build_window(home / "case")
    window.resize(1400, 900)
    window.show()

    marks: dict[str, float] = {}
    gaps: list[float] = []
    t0 = [0.0]
    last = [0.0]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    def first_shown(_sid: int) -> None:
        marks.setdefault("first shown", time.perf_counter() - t0[0])

    def progress(phase: str, done: int, total: int) -> None:
        if phase == "read" and done >= 1:
            marks.setdefault("first read", time.perf_counter() - t0[0])
        if phase == "import" and total and done == total:
            marks.setdefault("all imported", time.perf_counter() - t0[0])

    def finished(tally: object) -> None:
        marks["all read"] = time.perf_counter() - t0[0]
        QTimer.singleShot(0, qapp.quit)

    window.imports.shots_changed.connect(first_shown)
    window.imports.progress.connect(progress)
    window.imports.finished.connect(finished)
    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(tick)

    def go() -> None:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in images])
        event = QDropEvent(
            QPointF(window.rect().center()),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        where = QPointF(window.rect().center())
        buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        QApplication.sendEvent(
            window, QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, mime, buttons, mods)
        )
        t0[0] = time.perf_counter()
        last[0] = t0[0]
        ticker.start()
        QApplication.sendEvent(window, event)

    QTimer.singleShot(200, go)
    clock = QElapsedTimer()
    clock.start()
    qapp.exec()
    ticker.stop()
    window.close()

    shots = len(images)
    print(f"bench_gui: {shots} screenshots, {os.cpu_count()} cores, engine {window.imports.engine}")
    for key in ("first shown", "all imported", "first read", "all read"):
        if key in marks:
            print(f"  drop → {key:<13} {marks[key]:7.2f} s")
    if "all read" in marks:
        print(f"  per screenshot      {marks['all read'] / shots:7.2f} s")
    if gaps:
        print(f"  longest GUI-thread stall {max(gaps) * 1000:5.0f} ms (10 ms timer, {len(gaps)} ticks)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
