"""Dossier and bundle for a 200-screenshot case: time and size.

Run: .venv/bin/python -m benchmarks.bench_export [N]

The case is synthetic but shaped like a real one: 1080x2400 PNG phone screens
with Chinese message bubbles drawn in the bundled font (so the JPEG copies in
the PDF compress like real screenshots, not like flat test patterns), 6-9
messages each spread over two months, a few corrections and tags. Prints the
time to read the case, lay out the dossier and write the bundle, the PDF's
size per exhibit (it must stay small enough to e-mail) and its page count.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader

from casefile.importer import ImportResult, import_paths
from casefile.model import CaseInfo, TagState
from casefile.store import CaseStore
from export.bundle import build_bundle, zip_path_for
from export.data import collect
from export.dossier import write_dossier
from export.fonts import FONT_DIR
from export.options import DossierOptions
from ocr.model import Direction, ExtractedMessage, Extraction, Kind, Layout

TEXTS = [
    "【鑫盛易贷】您的借款已逾期{d}天，请立即还款，否则将联系您的紧急联系人。",
    "你再不还钱，我们就把你的欠款信息发到你的通讯录和单位群里。",
    "最后通知：今日18点前未处理，将上门核实并移交法务。",
    "温馨提示：您本期账单{a}元已逾期，请尽快处理以免影响征信。",
    "别装死，接电话。",
    "我已经向金融监管部门投诉了，请停止骚扰。",
    "你家人的电话我们都有，自己看着办。",
]


def make_case(folder: Path, n: int) -> CaseStore:
    rnd = random.Random(7)
    src = folder / "src"
    src.mkdir(parents=True)
    font = ImageFont.truetype(str(FONT_DIR / "NotoSansSC-Regular.ttf"), 40)
    start = datetime(2025, 3, 1, 8, 0)
    plans = []
    for i in range(n):
        day = start + timedelta(days=i * 60 // n)
        msgs = []
        im = Image.new("RGB", (1080, 2400), (237, 237, 237))
        d = ImageDraw.Draw(im)
        d.rectangle((0, 0, 1080, 180), fill=(250, 250, 250))
        d.text((60, 80), f"1069{rnd.randint(10**9, 10**10 - 1)}", font=font, fill=(20, 20, 20))
        y = 240
        for _ in range(rnd.randint(6, 9)):
            t = day + timedelta(hours=rnd.randint(0, 15), minutes=rnd.randint(0, 59))
            text = rnd.choice(TEXTS).format(d=rnd.randint(1, 90), a=f"{rnd.randint(1000, 9000)}.{rnd.randint(10, 99)}")
            out = "投诉" in text
            lines = [text[k : k + 16] for k in range(0, len(text), 16)]
            h = 40 + 56 * len(lines)
            if y + h > 2350:
                break
            x0 = 300 if out else 40
            d.rounded_rectangle((x0, y, x0 + 740, y + h), 24, fill=(149, 236, 105) if out else (255, 255, 255))
            for k, line in enumerate(lines):
                d.text((x0 + 30, y + 20 + 56 * k), line, font=font, fill=(20, 20, 20))
            y += h + 40
            msgs.append(
                ExtractedMessage(
                    kind=Kind.SMS,
                    direction=Direction.OUTGOING if out else Direction.INCOMING,
                    sender="me" if out else f"10690{i % 7}",
                    time=t,
                    text=text,
                    confidence=0.9,
                )
            )
        name = f"Screenshot_{day:%Y%m%d}-{i // 3600 % 24:02d}{i // 60 % 60:02d}{i % 60:02d}.png"
        im.save(src / name)
        plans.append((name, msgs))

    store = CaseStore.open(folder / "case")
    store.set_case_info(CaseInfo(title="基准测试案件", complainant="测试用户", respondent="鑫盛易贷"))
    by_name = dict(plans)
    for r in import_paths(store, [src / name for name, _ in plans]):
        if isinstance(r, ImportResult) and r.screenshot_id is not None:
            store.save_extraction(
                r.screenshot_id,
                Extraction(image=r.path.name, layout=Layout.SMS_THREAD, captured_at=None, messages=by_name[r.path.name]),
            )
    for k, m in enumerate(store.messages(include_excluded=False)):
        if k % 40 == 0:
            store.correct(m.id, "text", m.text + "（核对）")
        if k % 9 == 0:
            store.set_tag(m.id, "威胁", TagState.CONFIRMED)
    return store


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        store = make_case(root, n)
        print(f"case: {n} screenshots, {len(store.messages())} messages (built in {time.perf_counter() - t0:.1f} s)")
        options = DossierOptions(generated_at=datetime(2025, 6, 1, 9, 0))

        t0 = time.perf_counter()
        data = collect(store)
        t_collect = time.perf_counter() - t0
        pdf = root / "out" / "dossier.pdf"
        t0 = time.perf_counter()
        list(write_dossier(data, pdf, options))
        t_pdf = time.perf_counter() - t0
        size = pdf.stat().st_size
        pages = len(PdfReader(pdf).pages)
        print(f"collect:  {t_collect:6.2f} s")
        print(f"dossier:  {t_pdf:6.2f} s  {size / 1e6:.1f} MB  {pages} pages  {size / n / 1024:.0f} KB/exhibit")

        t0 = time.perf_counter()
        list(build_bundle(store, root / "out" / "bundle", options, pdf=pdf))
        t_bundle = time.perf_counter() - t0
        z = zip_path_for(root / "out" / "bundle").stat().st_size
        print(f"bundle:   {t_bundle:6.2f} s  zip {z / 1e6:.1f} MB (originals byte for byte)")
        store.close()


if __name__ == "__main__":
    main()
