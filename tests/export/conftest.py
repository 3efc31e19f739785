"""A small real case for the dossier tests: corpus screenshots with hand-made extractions."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from casefile.importer import ImportResult, Outcome, import_paths
from casefile.model import CaseInfo, TagState
from casefile.store import CaseStore
from ocr.model import Extraction

EXPORT_DATA = Path(__file__).resolve().parent.parent / "data" / "export"
GENERATED_AT = datetime(2025, 6, 1, 9, 30)


def corpus_images() -> list[Path]:
    return sorted(p for p in EXPORT_DATA.iterdir() if p.suffix in {".png", ".jpg"})


def make_case(folder: Path, images: list[Path] | None = None) -> CaseStore:
    """Import the images, save their gold extractions, and add what a user would do in review."""
    store = CaseStore.open(folder)
    store.set_case_info(
        CaseInfo(
            title="周杰 诉 鑫盛易贷 等 催收骚扰",
            complainant="周杰",
            respondent="鑫盛易贷\n某某花 <测试&平台>",
        )
    )
    images = images if images is not None else corpus_images()
    results = [r for r in import_paths(store, images) if isinstance(r, ImportResult)]
    assert all(r.outcome == Outcome.IMPORTED for r in results), [r.describe() for r in results]
    for r in results:
        gold = json.loads(r.path.with_suffix(".json").read_text(encoding="utf-8"))
        ex = Extraction.from_json(gold)
        ex.engine, ex.engine_version = "hand-made", "test"
        assert r.screenshot_id is not None
        store.save_extraction(r.screenshot_id, ex)
    msgs = store.messages(include_excluded=False)
    # A correction of text and of sender, a tag, a party and a purpose, as in review.
    sms = next((m for m in msgs if "最后通知" in m.text), None)
    if sms is not None:
        store.correct(sms.id, "text", sms.text.replace("最后通知", "最后通知！"))
        store.set_tag(sms.id, "联系第三方", TagState.CONFIRMED)
    chat = next((m for m in msgs if m.text.startswith("别装死")), None)
    if chat is not None:
        store.correct(chat.id, "sender", "王主管(鑫盛易贷)")
        store.set_tag(chat.id, "威胁", TagState.CONFIRMED)
    store.set_party("鑫盛易贷", ["10696149939021"])
    first = store.screenshots()[0]
    store.set_purpose(first.id, "证明催收方于 2024 年 10 月多次来电")
    return store
