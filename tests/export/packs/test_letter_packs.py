"""Letter packs (platform, regulator, NIFA, police): read back, within limits, refused before writing."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from casefile.store import CaseStore
from cli.cmd_pack import run as run_pack
from export.packs.letter import AID_NOTE, Applicant, draft, facts_of
from export.packs.presets import MB, load_presets
from export.packs.saved import load_pack
from export.packs.selection import Selection, select
from tests.export.packs.conftest import pack_args
from tests.export.pdfcheck import page_texts, squash


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    rc = run_pack(pack_args(*argv), out=out, err=err)
    return rc, out.getvalue(), err.getvalue()


def _check_manifest(folder: Path) -> None:
    lines = (folder / "manifest.sha256").read_text(encoding="utf-8").splitlines()
    assert lines
    for line in lines:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name


def test_letter_facts_equal_the_case_counts(store: CaseStore) -> None:
    data, _ = select(store, Selection())
    f = facts_of(data)
    c = data.timeline.counts
    assert (f.messages, f.calls, f.days, f.first, f.last) == (c.messages, c.calls, c.days_with_contact, c.first_day, c.last_day)
    letter = draft(data, load_presets()["nifa"], Applicant("周杰", "13800000000", "110101199001011234"), date(2026, 12, 1))
    assert f"发送消息 {c.messages} 条、来电 {c.calls} 次" in letter.parts["facts"]
    assert "110101199001011234" in letter.parts["complainant"]  # NIFA asks for the ID number
    assert AID_NOTE in letter.parts["statement"]
    # a standard is cited with its kind and never as law
    gbt = next(line for line in letter.parts["rules"].splitlines() if "GB/T 45251" in line)
    assert "国家标准（推荐性）" in gbt and "不是法律" in gbt
    # numbers only: relatives' names are not "numbers used"
    used = next(line for line in letter.parts["respondent"].splitlines() if line.startswith("催收使用的号码"))
    assert "妈妈" not in used and "10690471567345" in used


def test_platform_pack_reads_back_and_letter_reloads(case_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "platform"
    rc, _, err = _run("--case", str(case_dir), "--for", "platform", "--out", str(out), "--name", "周杰")
    assert rc == 0, err
    letter_pdf = out / "01_投诉书.pdf"
    text = squash("".join(page_texts(letter_pdf)))
    assert squash("关于鑫盛易贷违规催收的投诉书") in text and squash(AID_NOTE) in text
    method = (out / "制作说明.txt").read_text(encoding="utf-8")
    assert "以截图原件为准" in method
    _check_manifest(out)
    # the user edits the letter (as the window does) and writes again: the edit is kept
    saved = json.loads((out / "pack.json").read_text(encoding="utf-8"))
    saved["letter"]["parts"]["other_bodies"] = "已于2026-11-01向12378反映，尚无结果。"
    (out / "pack.json").write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
    rc, _, err = _run("--case", str(case_dir), "--for", "platform", "--out", str(out))
    assert rc == 0, err
    assert load_pack(out).letter is not None
    assert "已于2026-11-01向12378反映" in squash("".join(page_texts(letter_pdf)))


def test_regulator_limit_refused_before_writing_then_fixed(case_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "reg"
    rc, _, err = _run("--case", str(case_dir), "--for", "regulator", "--out", str(out), "--limit-mb", "0.3")
    assert rc == 2
    assert not out.exists()  # nothing written
    assert "02_时间线与证据.pdf" in err and "--fix split" in err and "--fix quality" in err and "--max-exhibits" in err
    rc, _, err = _run("--case", str(case_dir), "--for", "regulator", "--out", str(out), "--limit-mb", "0.3", "--fix", "split")
    assert rc == 0, err
    pdfs = sorted(out.glob("*.pdf"))
    assert len(pdfs) >= 4  # letter, chronology, two or more exhibit files
    assert all(p.stat().st_size <= 0.3 * MB for p in pdfs)
    _check_manifest(out)


def test_nifa_splits_into_numbered_files_of_at_most_the_limit(case_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "nifa"
    # 0.25 MB stands in for NIFA's 2 MB on this 9-screenshot case, so the split really happens
    rc, _, err = _run("--case", str(case_dir), "--for", "nifa", "--out", str(out), "--limit-mb", "0.25")
    assert rc == 0, err
    exhibits = sorted(out.glob("0[3-9]_证据*.pdf")) + sorted(out.glob("1[0-9]_证据*.pdf"))
    assert len(exhibits) >= 2
    assert all(p.stat().st_size <= 0.25 * MB for p in out.glob("*.pdf"))
    shown = set()
    for p in exhibits:
        for t in page_texts(p):
            shown |= {n for n in range(1, 10) if f"证据{n} " in t}
    assert shown == set(range(1, 10))  # every exhibit in exactly the split files, none dropped
    assert "举报人（签名）" in squash("".join(page_texts(out / "01_举报信.pdf")))
    assert "每天最多举报3次" in (out / "制作说明.txt").read_text(encoding="utf-8")


def test_police_pack_has_originals_byte_identical(case_dir: Path, tmp_path: Path, store: CaseStore) -> None:
    out = tmp_path / "police"
    rc, _, err = _run("--case", str(case_dir), "--for", "police", "--out", str(out))
    assert rc == 0, err
    assert all(p.stat().st_size <= 20 * MB for p in out.rglob("*") if p.is_file())
    originals = sorted((out / "originals").iterdir())
    shots = {s.sha256 for s in store.screenshots()}
    assert {hashlib.sha256(p.read_bytes()).hexdigest() for p in originals} == shots
    assert all(p.suffix in {".jpg", ".png"} for p in originals)
    assert len(PdfReader(out / "01_报案材料.pdf").pages) >= 1
    _check_manifest(out)


def test_selection_states_what_was_left_out(case_dir: Path, tmp_path: Path, store: CaseStore) -> None:
    out = tmp_path / "sel"
    rc, printed, err = _run("--case", str(case_dir), "--for", "platform", "--out", str(out), "--party", "1068455430669")
    assert rc == 0, err
    data, left = select(store, Selection(parties=frozenset({"1068455430669"})))
    assert left.statement() in printed
    assert left.screenshots > 0 and left.messages > 0
    method = (out / "制作说明.txt").read_text(encoding="utf-8")
    assert f"{left.screenshots} 张截图未选入本材料" in method and f"{left.messages} 条与本次投诉无关的消息未收录" in method
    assert "原始截图完整保存在案件中" in method
    total = len(store.messages(include_excluded=False))
    assert sum(len(x.messages) for x in data.exhibits) == total - left.messages  # unchosen: not transcribed
    saved = load_pack(out)
    assert saved.selection.parties == frozenset({"1068455430669"})
    assert datetime.now().year == saved.generated_at.year


def test_an_original_in_a_format_the_police_do_not_take_is_stated_not_dropped(store: CaseStore) -> None:
    from dataclasses import replace

    from export.packs.writer import PackRequest, plan_pack

    data, left = select(store, Selection())
    police = replace(load_presets()["police"], formats=("pdf", "png"))  # as if jpg were refused
    letter = draft(data, police, Applicant("周杰"), date(2026, 12, 1))
    plan = plan_pack(data, left, PackRequest(police, Selection(), letter, datetime(2026, 12, 1, 9, 0)))
    jpgs = [x for x in data.exhibits if x.shot.ext.lower().lstrip(".") in ("jpg", "jpeg")]
    assert jpgs
    method = dict(plan.files)["制作说明.txt"].decode("utf-8")
    for x in jpgs:
        assert f"证据{x.number} 的原始文件格式" in method
    assert not any(n.endswith((".jpg", ".jpeg")) for n, _ in plan.files)


def test_a_chosen_screenshot_is_shown_whole_and_unchosen_messages_not_transcribed(store: CaseStore) -> None:
    from export.options import DossierOptions, Section
    from export.packs.writer import render

    full, _ = select(store, Selection())
    # an inbox screenshot with several senders: choose one sender only
    inbox = next(x for x in full.exhibits if len({m.sender for m in x.messages}) > 2)
    chosen = next(m.sender for m in inbox.messages if m.sender)
    others = [m for m in inbox.messages if m.sender != chosen and len(m.text) > 6]
    assert chosen is not None and others
    data, left = select(store, Selection(parties=frozenset({chosen})))
    ex = data.exhibit_of_shot(inbox.shot.id)
    assert ex is not None
    assert {m.sender for m in ex.messages} == {chosen}
    assert left.messages_on_shown >= len(others)
    pdf = render(data, {Section.EXHIBITS}, DossierOptions(generated_at=datetime(2026, 12, 1, 9, 0)))
    reader = PdfReader(io.BytesIO(pdf))
    images = [img for page in reader.pages for img in page.images]
    assert len(images) >= len(data.exhibits)  # every chosen screenshot is on the page as an image
    text = squash("".join(page.extract_text() for page in reader.pages))
    for m in others:
        assert squash(m.text) not in text  # visible on the image, never transcribed
    assert data.counts.received < full.counts.received  # unchosen messages are not counted


def test_lower_quality_fix_makes_the_files_smaller(case_dir: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert _run("--case", str(case_dir), "--for", "regulator", "--out", str(a))[0] == 0
    assert _run("--case", str(case_dir), "--for", "regulator", "--out", str(b), "--fix", "quality")[0] == 0
    big = (a / "02_时间线与证据.pdf").stat().st_size
    small = (b / "02_时间线与证据.pdf").stat().st_size
    assert small < big * 0.9


def test_the_command_line_has_the_pack_command(case_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cli.main import main

    out = tmp_path / "cli"
    assert main(["pack", "--case", str(case_dir), "--for", "court", "--out", str(out)]) == 0
    assert (out / "01_证据目录.pdf").exists() and "01_证据目录.pdf" in capsys.readouterr().out


def test_chosen_screenshots_only(case_dir: Path, tmp_path: Path, store: CaseStore) -> None:
    ids = [s.id for s in store.screenshots()][:2]
    out = tmp_path / "two"
    rc, _, err = _run("--case", str(case_dir), "--for", "court", "--out", str(out), *[f"--screenshot={i}" for i in ids])
    assert rc == 0, err
    assert len(list((out / "originals").iterdir())) == 2
    method = (out / "制作说明.txt").read_text(encoding="utf-8")
    assert f"{len(store.screenshots()) - 2} 张截图未选入本材料" in method and "逐张选定的 2 张截图" in method
