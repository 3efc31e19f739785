"""Timeline view speed: a case of 20,000 messages, loaded and filtered.

Run: .venv/bin/python -m benchmarks.bench_timeline_view [N_MESSAGES]
Targets (the view must stay smooth on a two-core laptop): loading the case into
the view < 1 s, re-filtering < 100 ms. Prints each figure with its ratio to the
target, so a regression reads as "0.4x -> 1.3x", not as a flaky timed test.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path

if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PIL import Image
from PySide6.QtWidgets import QApplication

from casefile.importer import import_one
from casefile.store import CaseStore
from casefile.timeline import TimelineFilter
from ocr.model import Direction, ExtractedMessage, Extraction, Kind, Layout, TimeSource

PER_SHOT = 40
SENDERS = ("10690123456789", "+86 171 2345 6789", "95188", "安心借法务部", "小李（催收专员）", "13800138000")
TEXTS = (
    "【安心借】您的借款已逾期{n}天，请于今日18:00前还清欠款，否则将通知您的紧急联系人。",
    "你再不还钱，我们明天就上门走访，顺便去你单位问问你领导。第{n}次提醒。",
    "最后通知：您的逾期账单（编号{n}）已移交法务部，将依法向法院起诉，后果自负。",
    "已经给你家里打过电话了，你自己看着办。{n}",
    "请立即还款 {n}.00 元，逾期将产生额外费用。",
)
TAGS = ("威胁", "联系家人", "冒充法务", "辱骂")


def build_case(folder: Path, n_messages: int, seed: int = 7) -> CaseStore:
    """A case of ``n_messages`` over ~6 months, 40 per screenshot, a tenth of them tagged."""
    rnd = random.Random(seed)
    store = CaseStore.open(folder / "case")
    src = folder / "src"
    src.mkdir()
    start = datetime(2025, 1, 1)
    times = sorted(
        start + timedelta(days=rnd.randrange(180), hours=rnd.randrange(24), minutes=rnd.randrange(60))
        for _ in range(n_messages)
    )
    suggestions = []
    for s in range(0, n_messages, PER_SHOT):
        png = src / f"shot_{s // PER_SHOT:05d}.png"
        k = s // PER_SHOT  # a distinct colour per screenshot, so no two files are the same bytes
        Image.new("RGB", (90, 195), (k % 256, k // 256 % 256, 200)).save(png)
        sid = import_one(store, png).screenshot_id
        assert sid is not None
        msgs = [
            ExtractedMessage(
                kind=Kind.CALL if i % 13 == 0 else Kind.SMS,
                direction=Direction.MISSED if i % 13 == 0 else Direction.INCOMING,
                sender=SENDERS[i % len(SENDERS)],
                time=times[i],
                text="" if i % 13 == 0 else TEXTS[i % len(TEXTS)].format(n=i),
                confidence=0.9,
                time_source=TimeSource.SEPARATOR,
            )
            for i in range(s, min(s + PER_SHOT, n_messages))
        ]
        store.save_extraction(sid, Extraction(png.name, Layout.SMS_THREAD, None, messages=msgs))
    for m in store.messages():
        if m.id % 10 == 0:
            suggestions.append((m.id, TAGS[m.id % len(TAGS)], "rule:bench"))
    store.suggest_tags(suggestions)
    store.set_party("安心借催收", ["10690123456789", "安心借法务部", "小李（催收专员）"])
    return store


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    """Best of ``repeat`` runs, in seconds (the floor, not the noise)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    app = QApplication.instance() or QApplication([])
    from gui.controllers.timeline_loader import build_from, read_case
    from gui.views.timeline_view import TimelineView

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        store = build_case(Path(tmp), n)
        print(f"built a case of {n:,} messages in {time.perf_counter() - t0:.1f} s (setup, not measured)")
        view = TimelineView()
        view.resize(1280, 800)
        view.show()
        app.processEvents()

        read = timed(lambda: read_case(store), repeat=3)
        snapshot = read_case(store)
        build = timed(lambda: build_from(snapshot), repeat=3)
        timeline = build_from(snapshot)

        def show_built() -> None:
            view.show_timeline(timeline)
            app.processEvents()

        def load_all() -> None:
            view.set_store(store)
            app.processEvents()

        show = timed(show_built, repeat=3)
        load = timed(load_all, repeat=3)
        rows = view.model.rowCount()
        print(f"read      {read * 1000:7.1f} ms  store -> snapshot, GUI thread (CaseStore.messages etc.)")
        print(
            f"build     {build * 1000:7.1f} ms  casefile.build_timeline + counts (a worker when hosted with a TaskRunner)"
        )
        print(
            f"show      {show * 1000:7.1f} ms  ({show / 1.0:.2f}x of the 1 s target) model, filter lists, chart, first paint"
        )
        print(
            f"load      {load * 1000:7.1f} ms  ({load / 1.0:.2f}x of the 1 s target) all three, synchronous; {rows:,} rows"
        )

        mid = date(2025, 3, 1)
        filters = {
            "text 还款": TimelineFilter(text="还款"),
            "party 安心借催收": TimelineFilter(parties=frozenset({"安心借催收"})),
            "tag 威胁": TimelineFilter(tags=frozenset({"威胁"})),
            "one month": TimelineFilter(date_from=mid, date_to=mid + timedelta(days=30)),
            "kind call + text": TimelineFilter(kinds=frozenset({Kind.CALL}), text="95188"),
            "clear": TimelineFilter(),
        }

        def apply(flt: TimelineFilter) -> None:
            view.set_filter(flt)
            app.processEvents()

        for name, flt in filters.items():
            t = timed(partial(apply, flt))
            print(
                f"filter    {t * 1000:7.1f} ms  ({t / 0.1:.2f}x of the 100 ms target)  "
                f"{name}: {view.model.visible_count:,} shown"
            )
        view.set_filter(TimelineFilter())

        def jump_mid() -> None:
            view.jump_to_day(mid)
            app.processEvents()

        jump = timed(jump_mid)
        print(f"jump      {jump * 1000:7.1f} ms  (chart click to a day)")
        paint = timed(lambda: view.table.viewport().grab())
        print(f"repaint   {paint * 1000:7.1f} ms  (one full table paint)")
        app.processEvents()  # decode the queued thumbnails before the store closes
        view.close()
        store.close()


if __name__ == "__main__":
    main()
