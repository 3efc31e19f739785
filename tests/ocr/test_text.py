"""OCR text clean-up: only the spaces OCR invented go."""

from __future__ import annotations

from ocr.text import cjk_ratio, join_cjk, join_lines, normalise_number


def test_spaces_between_chinese_removed_latin_kept() -> None:
    assert join_cjk("请 立即 还 款") == "请立即还款"
    assert join_cjk("contract_v2.pdf 已 发送") == "contract_v2.pdf已发送"
    assert join_cjk("hello world") == "hello world"
    assert join_cjk("好 的 ， 谢谢") == "好的，谢谢"


def test_numbers_lose_spaces_and_dashes() -> None:
    assert normalise_number("+86 138 0013 8000") == "+8613800138000"
    assert normalise_number("0755-83456789") == "075583456789"
    assert normalise_number("王主管") == "王主管"


def test_bubble_lines_joined_without_breaks() -> None:
    assert join_lines(["您好，您的借款", "已逾期3天"]) == "您好，您的借款已逾期3天"
    assert join_lines(["please pay", "today"]) == "please pay today"
    assert cjk_ratio("abc") == 0.0
