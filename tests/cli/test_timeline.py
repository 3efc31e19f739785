"""``screenproof timeline``: aligned text and a CSV Excel in China opens, read back."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

from casefile.store import CaseStore, NewScreenshot
from cli.cmd_timeline import CSV_HEADER, display_width, excel_safe, run_timeline
from ocr.model import Direction, ExtractedMessage, Extraction, Kind, Layout, TimeSource
from tests.casefile.test_timeline import at

COLLECTOR = "10690001"


def _sms(text: str, t: datetime | None) -> ExtractedMessage:
    return ExtractedMessage(Kind.SMS, Direction.INCOMING, COLLECTOR, t, text, time_source=TimeSource.SEPARATOR if t else None)


def _make_case(folder: Path) -> None:
    with CaseStore.open(folder) as store:
        def add(n: int, captured: datetime, rows: list[ExtractedMessage]) -> None:
            sid = store.add_screenshot(
                NewScreenshot(f"{n:064x}", f"s{n}.png", f"/tmp/s{n}.png", "png", 10, 1080, 2400, "PNG", captured, TimeSource.FILE_NAME)
            )
            store.save_extraction(sid, Extraction(f"s{n}.png", Layout.SMS_THREAD, None, COLLECTOR, rows))

        add(1, datetime(2025, 3, 8, 23, 10), [
            _sms("【安心花】您的账单已逾期3天，请立即还款。", at(8, 9)),
            _sms("我们已经掌握你全部通讯录，今晚八点统一发送催收短信。", at(8, 22, 30)),
        ])
        add(2, datetime(2025, 3, 8, 23, 20), [
            _sms("我们已经掌握你全部通讯录，今晚八点统一发送催收短信", None),  # scrolled: seen again
            _sms("回电话！", at(8, 23, 15)),
        ])
        store.add_message(2, kind=Kind.CALL, direction=Direction.MISSED, sender=COLLECTOR, time=None, text="")


def test_csv_is_utf8_with_bom_and_reads_back(tmp_path: Path) -> None:
    case = tmp_path / "case"
    _make_case(case)
    out_file = tmp_path / "timeline.csv"
    out = io.StringIO()
    assert run_timeline(str(case), str(out_file), out=out) == 0
    assert out_file.read_bytes().startswith(b"\xef\xbb\xbf")
    with out_file.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == CSV_HEADER
    assert rows[1][CSV_HEADER.index("发送方")] == "\t10690001"  # kept as text by Excel
    body = [dict(zip(rows[0], (c.lstrip("\t") for c in r), strict=True)) for r in rows[1:]]
    assert [r["内容"] for r in body] == [
        "【安心花】您的账单已逾期3天，请立即还款。",
        "我们已经掌握你全部通讯录，今晚八点统一发送催收短信。",
        "回电话！",
        "",
    ]
    merged = body[1]
    assert merged["截图编号"] == "1 2" and len(merged["消息编号"].split()) == 2 and merged["读数不一致"] == "是"
    assert merged["时间"] == "2025-03-08 22:30" and merged["时间已知"] == "是"
    assert set(merged["标签"].split("、")) == {"联系第三方", "威胁", "夜间"}  # the rules' suggestions, previewed
    call = body[3]
    assert (call["类型"], call["方向"], call["时间"], call["时间已知"]) == ("电话", "未接", "", "否")
    assert call["排序参考时间"] == "2025-03-08 23:15"
    assert "4 entries" in out.getvalue()
    with CaseStore.open(case, create=False) as store:
        assert store.tags() == []  # the command only reads


def test_text_output_is_aligned_in_display_columns(tmp_path: Path) -> None:
    case = tmp_path / "case"
    _make_case(case)
    out = io.StringIO()
    assert run_timeline(str(case), None, out=out) == 0
    text = out.getvalue()
    table = text.split("\n\n")[0].splitlines()
    assert len(table) == 5  # header and four entries
    starts = []
    for line in table[1:4]:  # the call's content is empty
        content = line.split("  ")[-1]
        starts.append(display_width(line[: line.rindex(content)]))
    assert len(set(starts)) == 1
    assert "时间未知" in table[4]
    assert "合并重复截图 1 条" in text and "最多的一天：2025-03-08" in text


def test_excel_safe_cells() -> None:
    assert excel_safe("13800138000") == "\t13800138000"
    assert excel_safe("=HYPERLINK(\"http://x\")").startswith("\t=")
    assert excel_safe("+8613800138000").startswith("\t")
    assert excel_safe("95588") == "95588"  # short numbers stay numbers
    assert excel_safe("安心花") == "安心花" and excel_safe("") == ""


def test_a_folder_that_is_not_a_case(tmp_path: Path) -> None:
    err = io.StringIO()
    assert run_timeline(str(tmp_path / "nothing"), None, out=io.StringIO(), err=err) == 2
    assert "not a Screenproof case" in err.getvalue()
    assert not (tmp_path / "nothing").exists()


def test_csv_that_cannot_be_written(tmp_path: Path) -> None:
    case = tmp_path / "case"
    _make_case(case)
    err = io.StringIO()
    assert run_timeline(str(case), str(tmp_path / "no" / "such" / "dir.csv"), out=io.StringIO(), err=err) == 1
    assert "cannot write" in err.getvalue()


def test_a_calls_labels_are_printed_after_its_text_and_in_a_csv_column(tmp_path: Path) -> None:
    """The phone's own mark and the number's place (issue 11) come out as read; the tests above
    show that a case without labels gets no such column."""
    case = tmp_path / "case"
    with CaseStore.open(case) as store:
        sid = store.add_screenshot(
            NewScreenshot(f"{9:064x}", "c.png", "/tmp/c.png", "png", 10, 1080, 2400, "PNG", None, None)
        )
        call = ExtractedMessage(Kind.CALL, Direction.MISSED, "13800138000", at(8, 20, 40), "",
                                time_source=TimeSource.ROW, labels=("骚扰电话", "浙江杭州 移动"))
        store.save_extraction(sid, Extraction("c.png", Layout.CALL_LOG, None, None, [call]))
    out = io.StringIO()
    assert run_timeline(str(case), None, out=out) == 0
    assert "〔标注：骚扰电话 · 浙江杭州 移动〕" in out.getvalue().splitlines()[1]
    out_file = tmp_path / "t.csv"
    assert run_timeline(str(case), str(out_file), out=io.StringIO()) == 0
    with out_file.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][-1] == "标注" and rows[1][-1] == "骚扰电话 · 浙江杭州 移动"
