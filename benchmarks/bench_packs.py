"""Every complaint pack for the 48-screenshot dev case: time, number of files, size.

Run: .venv/bin/python -m benchmarks.bench_packs [CORPUS_DIR]

The case is the dev corpus (../shared/corpus/dev) with its hand-made gold
extractions, so no OCR runs and the figures measure the packs alone, except
for the public pack: it is redacted by the case's redactor, which reads (OCR)
each of its few screenshots whose text holds a value to mask. Each preset is
planned in memory (every file laid out and measured) and written.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from casefile.importer import ImportResult, import_paths
from casefile.model import CaseInfo
from casefile.store import CaseStore
from export.packs.case_redactor import case_redactor
from export.packs.letter import Applicant, draft
from export.packs.presets import MB, load_presets
from export.packs.public import PublicPackRefusedError
from export.packs.selection import Selection, select
from export.packs.writer import PackRequest, plan_pack, write_pack
from ocr.model import Extraction

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def make_case(folder: Path, corpus: Path) -> CaseStore:
    store = CaseStore.open(folder)
    store.set_case_info(CaseInfo(title="开发语料 催收骚扰", complainant="测试用户", respondent="某平台"))
    images = sorted(p for p in corpus.iterdir() if p.suffix in {".png", ".jpg"} and p.with_suffix(".json").exists())
    for r in import_paths(store, images):
        if isinstance(r, ImportResult) and r.screenshot_id is not None:
            gold = Extraction.from_json(json.loads(r.path.with_suffix(".json").read_text(encoding="utf-8")))
            store.save_extraction(r.screenshot_id, gold)
    return store


def main(corpus: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-packs-") as tmp:
        t0 = time.perf_counter()
        store = make_case(Path(tmp) / "case", corpus)
        data, left = select(store, Selection())
        redactor = case_redactor(store)  # what to mask, from the whole case (the public pack)
        store.close()
        print(f"case: {len(data.exhibits)} screenshots, {len(data.entries)} entries, read in {time.perf_counter() - t0:.1f} s")
        print(f"{'preset':<10} {'files':>5} {'total MB':>9} {'largest MB':>10} {'limit':>8} {'seconds':>8}")
        for preset in load_presets().values():
            t = time.perf_counter()
            letter = draft(data, preset, Applicant("测试用户"), date(2026, 12, 1)) if preset.id not in ("12321", "court", "public") else None
            req = PackRequest(preset, Selection(), letter, datetime(2026, 12, 1, 9, 0), redactor=redactor if preset.redact else None)
            try:
                plan = plan_pack(data, left, req)
            except PublicPackRefusedError:
                print(f"{preset.id:<10} refused: no redactor wired in")
                continue
            if not plan.ok:
                print(f"{preset.id:<10} refused before writing: " + "; ".join(x.describe() for x in plan.too_big))
                continue
            paths = write_pack(plan, Path(tmp) / preset.id)
            sizes = [p.stat().st_size for p in paths]
            limit = f"{preset.max_file_bytes / MB:g} MB" if preset.max_file_bytes else "—"
            print(
                f"{preset.id:<10} {len(paths):>5} {sum(sizes) / MB:>9.2f} {max(sizes) / MB:>10.2f} {limit:>8} "
                f"{time.perf_counter() - t:>8.1f}"
            )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEV)
