"""Peak memory and time of import, timeline and export for a year of screenshots.

Run: .venv/bin/python -m benchmarks.bench_memory [N ...]   (default: 200 2000)

A year of harassment is ~2,000 screenshots and ~15,000 messages; the users'
laptops have 4-8 GB, so each step must stay under 400 MB (the target of
issue 13). The case is synthetic: 1080x2400 PNG phone screens (the size of a
real one, so decoding costs what it really costs) with a unique strip each so
every file has its own hash, ~7.5 messages per screenshot written directly as
extractions (OCR is measured elsewhere, bench_ocr). Each step runs as the user
runs it, ``screenproof <command>`` in its own process, and its peak RSS is that
process's own (``os.wait4``), with its OCR or image threads included.

Measured 2026-12-03 on the shared 2-core machine (peak RSS per process; every
command's floor is ~142 MB of imports):

=================  ==========  =========  ===========
step               200 shots   500 shots  2,000 shots
=================  ==========  =========  ===========
import --no-ocr    142 MB      142 MB     143 MB
timeline           142 MB      142 MB     143 MB
export pdf+bundle  160 MB      189 MB     304 MB
                   (was 1,087)
=================  ==========  =========  ===========

The export was 1,087 MB for 200 before issue 13: each page picture was decoded
by ReportLab's ImageReader and re-compressed as raw RGB, and the whole story
and the whole PDF (several copies) were held in memory.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from casefile.store import CaseStore
from export.fonts import FONT_DIR
from ocr.model import Direction, ExtractedMessage, Extraction, Kind, Layout

TARGET_MB = 400
MESSAGES_PER_SHOT = 7.5
TEXTS = [
    "【鑫盛易贷】您的借款已逾期{d}天，请立即还款，否则将联系您的紧急联系人。",
    "你再不还钱，我们就把你的欠款信息发到你的通讯录和单位群里。",
    "最后通知：今日18点前未处理，将上门核实并移交法务。",
    "温馨提示：您本期账单{a}元已逾期，请尽快处理以免影响征信。",
    "别装死，接电话。",
    "你家人的电话我们都有，自己看着办。",
]
REPO = Path(__file__).resolve().parent.parent


def screenshots(folder: Path, n: int) -> list[Path]:
    """``n`` distinct 1080x2400 screens: a few drawn pages, each copy stamped with its number."""
    folder.mkdir(parents=True)
    font = ImageFont.truetype(str(FONT_DIR / "NotoSansSC-Regular.ttf"), 40)
    bases = []
    for b in range(8):
        im = Image.new("RGB", (1080, 2400), (237, 237, 237))
        d = ImageDraw.Draw(im)
        for k in range(7):
            y = 240 + k * 300
            d.rounded_rectangle((40, y, 780, y + 200), 24, fill=(255, 255, 255))
            d.text((70, y + 30), TEXTS[(b + k) % len(TEXTS)][:16], font=font, fill=(20, 20, 20))
            d.text((70, y + 100), TEXTS[(b + k + 1) % len(TEXTS)][:16], font=font, fill=(20, 20, 20))
        bases.append(im)
    out = []
    start = datetime(2025, 1, 1, 8, 0)
    for i in range(n):
        im = bases[i % len(bases)].copy()
        ImageDraw.Draw(im).text((60, 80), f"1069{i:010d}", font=font, fill=(20, 20, 20))
        when = start + timedelta(minutes=i * 263)
        path = folder / f"Screenshot_{when:%Y%m%d-%H%M%S}_{i}.png"
        im.save(path, compress_level=1)
        out.append(path)
    return out


def seed_readings(case: Path) -> int:
    """What OCR would have stored: ~7.5 messages per screenshot."""
    rnd = random.Random(7)
    n = 0
    with CaseStore.open(case) as store:
        for shot in store.screenshots():
            count = 7 if shot.id % 2 else 8
            base = shot.captured_at or datetime(2025, 1, 1)
            msgs = [
                ExtractedMessage(
                    kind=Kind.SMS,
                    direction=Direction.INCOMING,
                    sender=f"10690{shot.id % 7}",
                    time=base - timedelta(minutes=10 * (count - k)),
                    text=rnd.choice(TEXTS).format(d=rnd.randint(1, 90), a=rnd.randint(1000, 9000)),
                    confidence=0.9,
                )
                for k in range(count)
            ]
            store.save_extraction(
                shot.id,
                Extraction(image=shot.original_name, layout=Layout.SMS_THREAD, captured_at=None, messages=msgs),
            )
            n += count
    return n


def measure(*args: str | Path) -> tuple[float, float, int]:
    """Run ``screenproof ARGS`` in its own process; (seconds, peak RSS in MB, exit status)."""
    env = dict(os.environ, PYTHONPATH=str(REPO), OMP_THREAD_LIMIT="1")
    t0 = time.perf_counter()
    p = subprocess.Popen(
        [sys.executable, "-m", "cli", *map(str, args)], stdout=subprocess.DEVNULL, env=env, cwd=REPO
    )
    _pid, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - t0
    return elapsed, usage.ru_maxrss / 1024, p.returncode  # ru_maxrss is in KB on Linux


def run(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        files = screenshots(root / "src", n)
        print(f"\n{n} screenshots made in {time.perf_counter() - t0:.0f} s "
              f"({sum(f.stat().st_size for f in files) / 1e6:.0f} MB)", flush=True)
        case = root / "case"
        steps: list[tuple[str, tuple[float, float, int]]] = []
        steps.append(("import", measure("import", "--no-ocr", "--case", case, root / "src")))
        messages = seed_readings(case)
        print(f"{messages} messages written as readings", flush=True)
        steps.append(("timeline", measure("timeline", "--case", case)))
        steps.append(("timeline --csv", measure("timeline", "--case", case, "--csv", root / "t.csv")))
        steps.append(("list", measure("list", "--case", case)))
        steps.append(("verify", measure("verify", "--case", case)))
        steps.append(("export pdf+bundle", measure("export", "--case", case, "--out", root / "out" / "d.pdf",
                                                   "--bundle", root / "out" / "bundle")))
        pdf = root / "out" / "d.pdf"
        if pdf.exists():
            print(f"  dossier {pdf.stat().st_size / 1e6:.0f} MB ({pdf.stat().st_size / n / 1024:.0f} KB per exhibit)")
        for name, (secs, mb, code) in steps:
            flag = "" if mb < TARGET_MB else f"  OVER {TARGET_MB} MB"
            print(f"  {name:18s} {secs:7.1f} s  peak RSS {mb:6.0f} MB  exit {code}{flag}", flush=True)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [200, 2000]
    for n in sizes:
        run(n)


if __name__ == "__main__":
    main()
