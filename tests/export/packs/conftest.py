"""A small real case for the pack tests: the OCR test screenshots with their hand-made extractions."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest

from casefile.store import CaseStore
from cli.cmd_pack import add_parser as add_pack_parser
from tests.export.conftest import make_case

OCR_DATA = Path(__file__).resolve().parents[2] / "data" / "ocr"


def pack_images() -> list[Path]:
    return sorted(p for p in OCR_DATA.iterdir() if p.suffix in {".png", ".jpg"} and p.with_suffix(".json").exists())


@pytest.fixture(scope="session")
def case_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("packcase") / "case"
    store = make_case(folder, pack_images())
    store.close()
    return folder


@pytest.fixture
def store(case_dir: Path) -> Iterator[CaseStore]:
    s = CaseStore.open(case_dir, create=False)
    try:
        yield s
    finally:
        s.close()


def pack_args(*argv: str) -> argparse.Namespace:
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="command")
    add_pack_parser(sub)
    return p.parse_args(["pack", *argv])
