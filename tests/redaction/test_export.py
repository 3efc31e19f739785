"""``export --redact`` end to end: derived images, masked text, the leak check, the refusals."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from casefile.store import CaseStore
from cli.cmd_export import run_export
from cli.main import main, parser
from export.redaction.check import RedactionLeakError, check_pdf
from tests.redaction.conftest import CARD, COLLECTOR, ID_NUMBER, THIRD_PARTY


def _text(pdf: Path) -> str:
    r = PdfReader(str(pdf))
    body = "".join(p.extract_text() or "" for p in r.pages)
    return "".join(body.split()) + " ".join(str(v) for v in (r.metadata or {}).values())


def _originals(case: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in (case / "originals").rglob("*") if p.is_file()}


def test_redacted_export_masks_text_and_images(case: Path, tmp_path: Path) -> None:
    before = _originals(case)
    out = tmp_path / "redacted.pdf"
    assert main(["export", "--case", str(case), "--out", str(out), "--redact"]) == 0
    text = _text(out)
    for secret in (ID_NUMBER, ID_NUMBER.lower(), CARD, THIRD_PARTY):
        assert secret not in text
    digits = "".join(c for c in text if c.isdigit())
    assert CARD not in digits and THIRD_PARTY not in digits
    assert f"{CARD[:4]}" in text and "****" in text  # the transcription shows the masked form
    assert COLLECTOR in text  # the collector's number stays in full
    assert "已遮盖" in text and "本材料为遮盖件" in text
    assert _originals(case) == before  # originals byte-identical
    with CaseStore.open(case, create=False) as store:
        (shot,) = store.screenshots()
        assert hashlib.sha256(store.original_file(shot).read_bytes()).hexdigest() == shot.sha256


def test_redacted_dossier_method_says_where_the_originals_are(case: Path, tmp_path: Path) -> None:
    """A redacted copy carries no bundle: its 制作说明 and cover must not point at one."""
    out = tmp_path / "redacted.pdf"
    assert main(["export", "--case", str(case), "--out", str(out), "--redact"]) == 0
    text = _text(out)
    method = text[text.index("制作说明") :]
    assert "originals文件夹" not in method and "sha256sum-cmanifest.sha256" not in method
    assert "证据包" not in text  # neither the 制作说明 nor the cover mentions a bundle
    assert "原件保存在投诉人的案件中" in method and "本材料为遮盖件，不附原件" in method
    with CaseStore.open(case, create=False) as store:
        (shot,) = store.screenshots()
    assert shot.sha256 in text  # the original's SHA-256 is listed, as the 制作说明 says
    plain = tmp_path / "plain.pdf"
    assert main(["export", "--case", str(case), "--out", str(plain)]) == 0
    assert "originals文件夹" in _text(plain)  # the unredacted dossier still describes its bundle


def test_unredacted_export_still_has_the_values(case: Path, tmp_path: Path) -> None:
    """The check would catch a leak: the plain dossier of the same case contains them."""
    out = tmp_path / "plain.pdf"
    assert main(["export", "--case", str(case), "--out", str(out)]) == 0
    assert CARD in _text(out)
    with pytest.raises(RedactionLeakError) as e:
        check_pdf(out, [CARD, THIRD_PARTY])
    assert not out.exists()  # the leaking file is removed
    assert CARD not in str(e.value)  # the message never repeats the value


def test_leak_makes_the_cli_fail_and_remove_the_file(
    case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("export.redaction.redactor.mask_text", lambda text, values: text)  # a broken masker
    out, err = io.StringIO(), io.StringIO()
    pdf = tmp_path / "leaky.pdf"
    assert run_export(str(case), str(pdf), redact=True, out=out, err=err) == 1
    assert not pdf.exists()
    assert "遮盖检查未通过" in err.getvalue()


def test_redact_refuses_the_bundle(case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = tmp_path / "r.pdf"
    code = main(
        ["export", "--case", str(case), "--out", str(pdf), "--bundle", str(tmp_path / "b"), "--redact"]
    )
    assert code == 2
    assert "--bundle" in capsys.readouterr().err
    assert not pdf.exists() and not (tmp_path / "b").exists()


def test_parser_has_the_flag() -> None:
    args = parser().parse_args(["export", "--case", "c", "--out", "o.pdf", "--redact"])
    assert args.redact is True


def test_screenshot_with_nothing_to_mask_is_not_read_again(case: Path, tmp_path: Path) -> None:
    """OCR takes seconds a screenshot: one whose stored texts hold no value is skipped; unknown texts are read."""
    from export.data import collect
    from export.redaction.redactor import Redactor
    from export.redaction.session import case_reading

    calls: list[int] = []

    def reader(image: object) -> list:
        calls.append(1)
        return []

    with CaseStore.open(case, create=False) as store:
        data = collect(store)
    (ex,) = data.exhibits
    known, _ = case_reading(case)
    assert known is not None and ex.shot.id in known
    r = Redactor.for_data(data, case, tmp_path / "w", reader, known)
    assert r.needs_reading(ex.shot.id)  # its SMS quotes the ID number
    quiet = Redactor(r.values, r.saved, tmp_path / "w", reader, {ex.shot.id: ["今天必须还款"]})
    assert not quiet.needs_reading(ex.shot.id)
    assert quiet.derived(ex) is None and calls == []
    unknown = Redactor(r.values, r.saved, tmp_path / "w", reader, None)
    assert unknown.needs_reading(ex.shot.id)
    unknown.derived(ex)
    assert calls == [1]
