"""The complainant's details: entered once, kept in the case, reused by every pack's letter and the CLI."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from casefile.complainant import Complainant, load_complainant, save_complainant
from casefile.store import CaseStore
from cli.cmd_pack import run as run_pack
from tests.export.packs.conftest import pack_args

ME = Complainant("周杰", "13700001111", "110101199003071238", "广东省深圳市南山区科技园路18号")


def _case(case_dir: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "case"
    shutil.copytree(case_dir, copy)
    return copy


def _letter(case: Path, out: Path, *argv: str) -> str:
    err = io.StringIO()
    args = pack_args("--case", str(case), "--for", "nifa", "--out", str(out), "--max-exhibits", "1", *argv)
    assert run_pack(args, out=io.StringIO(), err=err) == 0, err.getvalue()
    return (out / "举报信.txt").read_text(encoding="utf-8")


def test_details_are_kept_in_the_case(case_dir: Path, tmp_path: Path) -> None:
    case = _case(case_dir, tmp_path)
    with CaseStore.open(case, create=False) as store:
        assert save_complainant(store, ME)
        assert not save_complainant(store, ME)  # unchanged: no write
        assert store.case_info().complainant == "周杰"  # the name is the case's complainant
    with CaseStore.open(case, create=False) as store:
        assert load_complainant(store) == ME
    assert ME.to_mask() == (ME.id_number, ME.address)
    assert ME.merged(Complainant(phone=" 13900002222 ")) == Complainant(ME.name, "13900002222", ME.id_number, ME.address)


def test_every_pack_letter_reuses_the_kept_details(case_dir: Path, tmp_path: Path) -> None:
    case = _case(case_dir, tmp_path)
    with CaseStore.open(case, create=False) as store:
        save_complainant(store, ME)
    letter = _letter(case, tmp_path / "a")
    for v in ("姓名：周杰", "联系电话：13700001111", "身份证号：110101199003071238", "通讯地址：广东省深圳市南山区科技园路18号"):
        assert v in letter
    # a value given on the command line is for this pack only, unless --save-details
    letter = _letter(case, tmp_path / "b", "--phone", "13900002222")
    assert "联系电话：13900002222" in letter and "通讯地址：广东省深圳市南山区科技园路18号" in letter
    with CaseStore.open(case, create=False) as store:
        assert load_complainant(store).phone == "13700001111"
    _letter(case, tmp_path / "c", "--phone", "13900002222", "--save-details")
    with CaseStore.open(case, create=False) as store:
        assert load_complainant(store) == Complainant(ME.name, "13900002222", ME.id_number, ME.address)
