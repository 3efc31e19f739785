"""Court 证据目录, 12321 items and the public pack: read back and checked against the case."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
from pathlib import Path

import pytest

from casefile.store import CaseStore
from cli.cmd_pack import run as run_pack
from export.data import DossierData
from export.dossier import read_original
from export.packs.presets import load_presets
from export.packs.public import PublicPackRefusedError, build_public
from export.packs.redaction_port import RedactedImage
from export.packs.report12321 import reports
from export.packs.selection import Selection, select
from ocr.model import Kind
from tests.export.packs.conftest import pack_args
from tests.export.pdfcheck import page_texts, squash


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    rc = run_pack(pack_args(*argv), out=out, err=err)
    return rc, out.getvalue(), err.getvalue()


def test_court_list_page_numbers_point_at_each_exhibit(case_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "court"
    rc, _, err = _run("--case", str(case_dir), "--for", "court", "--out", str(out))
    assert rc == 0, err
    listing = squash("".join(page_texts(out / "01_证据目录.pdf")))
    for head in ("序号", "证据名称", "证据来源", "证明对象", "页码", "原件/复印件"):
        assert squash(head) in listing
    exhibit_pages = page_texts(out / "02_证据.pdf")
    # each exhibit's heading "证据N <name>" is on the page the list gives as its first 页码
    starts: dict[int, int] = {}
    for i, t in enumerate(exhibit_pages, 1):
        for n in re.findall(r"^证据(\d+) ", t, flags=re.M):
            starts.setdefault(int(n), i)
    assert sorted(starts) == list(range(1, 10))
    # the list's rows, read with the layout kept: "<序号> … <页码> 原件（"
    layout_text = subprocess.run(
        ["pdftotext", "-layout", str(out / "01_证据目录.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    listed = {int(n): pg for n, pg in re.findall(r"^(\d+)\s.*?\s(\d+(?:–\d+)?)\s+原件（", layout_text, flags=re.M)}
    assert sorted(listed) == list(range(1, 10))
    for n, page in starts.items():
        assert int(listed[n].split("–")[0]) == page, (n, listed[n], page)
    ends = [int(v.split("–")[-1]) for v in listed.values()]
    assert max(ends) == len(exhibit_pages)  # the last exhibit ends on the file's last page
    assert "民事诉讼法》第71条" in (out / "制作说明.txt").read_text(encoding="utf-8")
    # unredacted: the originals byte for byte
    assert len(list((out / "originals").iterdir())) == 9


def test_12321_items_carry_number_verbatim_text_time_and_images(case_dir: Path, tmp_path: Path, store: CaseStore) -> None:
    out = tmp_path / "r12321"
    rc, _, err = _run("--case", str(case_dir), "--for", "12321", "--out", str(out))
    assert rc == 0, err
    data, _ = select(store, Selection())
    reps = {r.number: r for r in reports(data)}
    assert "1068455430669" in reps
    text = (out / "1068455430669" / "举报内容.txt").read_text(encoding="utf-8")
    for item in reps["1068455430669"].items:
        assert f"短信内容：{item.text}" in text  # verbatim, as transcribed
    assert "您的借款1500元已逾期90天" in text
    calls = [i for r in reps.values() for i in r.items if i.kind == Kind.CALL]
    assert calls and all("通话时长" in i.block() and "来电时间" in i.block() for i in calls)
    images = [p for p in (out / "1068455430669").iterdir() if p.suffix in {".jpg", ".png"}]
    assert images
    shas = {s.sha256 for s in store.screenshots()}
    assert all(hashlib.sha256(p.read_bytes()).hexdigest() in shas for p in images)
    listed = sum(len(r.items) for r in reps.values())
    received = sum(1 for e in data.entries if e.received)
    assert received > listed  # the case has chat messages 12321 does not take: said, not dropped silently
    assert f"另有 {received - listed} 条收到的记录" in (out / "制作说明.txt").read_text(encoding="utf-8")


class _FakeRedactor:
    """A stand-in for export/redaction: paints nothing, records the call (the port's contract only)."""

    def __init__(self, leak: bool = False) -> None:
        self.leak = leak

    def redact_image(self, original: bytes, sha256: str) -> RedactedImage:
        assert hashlib.sha256(original).hexdigest() == sha256
        return RedactedImage(b"\xff\xd8fake", "jpg", sha256, 2)

    def mask_text(self, text: str) -> str:
        return text.replace("某某花", "某**")

    def check(self, data: bytes, ext: str) -> list[str]:
        return ["13800000000"] if self.leak and ext == "jpg" else []


def test_public_pack_from_the_command_line_goes_through_the_case_redactor(case_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "public"
    rc, _, err = _run("--case", str(case_dir), "--for", "public", "--out", str(out))
    assert rc == 0, err
    images = sorted((out / "图片").iterdir())
    assert images and all(p.read_bytes().startswith(b"\x89PNG") for p in images)  # re-encoded pixels, no metadata
    assert "derived from" in (out / "遮盖记录.txt").read_text(encoding="utf-8")
    with pytest.raises(PublicPackRefusedError):
        build_public(select_all(case_dir), None, 3)  # the pack itself never publishes unredacted


def select_all(case_dir: Path) -> DossierData:
    with CaseStore.open(case_dir, create=False) as store:
        return select(store, Selection())[0]


def test_public_pack_with_a_redactor_and_its_acceptance_check(store: CaseStore) -> None:
    data, _ = select(store, Selection())
    preset = load_presets()["public"]
    pack = build_public(data, _FakeRedactor(), preset.max_images or 6)
    assert len(pack.images) == min(len(data.exhibits), preset.max_images or 6)
    assert "投诉对象：" in pack.account and "停止骚扰" in pack.account
    assert f"derived from {data.exhibits[0].shot.sha256}, 2 areas masked" in pack.record
    read_original(data.exhibits[0])  # the original is untouched (its hash still matches)
    with pytest.raises(PublicPackRefusedError):
        build_public(data, _FakeRedactor(leak=True), 3)


def test_public_pack_written_through_the_port(store: CaseStore, tmp_path: Path) -> None:
    from datetime import datetime

    from export.packs.writer import PackRequest, plan_pack, write_pack

    data, left = select(store, Selection())
    preset = load_presets()["public"]
    req = PackRequest(preset, Selection(), None, datetime(2026, 12, 1, 9, 0), redactor=_FakeRedactor())
    out = tmp_path / "public"
    write_pack(plan_pack(data, left, req), out)
    images = sorted((out / "图片").iterdir())
    assert len(images) == preset.max_images
    method = (out / "制作说明.txt").read_text(encoding="utf-8")
    assert f"其余 {len(data.exhibits) - len(images)} 张未附" in method
    assert "某**" in (out / "投诉内容.txt").read_text(encoding="utf-8")  # the account went through mask_text
    assert "derived from" in (out / "遮盖记录.txt").read_text(encoding="utf-8")
    assert not (out / "manifest.sha256").exists()  # no hashes of short PII published
