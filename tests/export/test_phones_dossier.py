"""The dossier of a case with three phones (本人, 母亲, 同事张某), read back (issue 14):
contacts reached and mass texts in the summary, whose phone on every chronology row
and exhibit, phone and mass-text columns in the bundle's CSV and JSON, and the letter."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from casefile.phones import OWN_PHONE
from casefile.store import CaseStore
from export.bundle import build_bundle
from export.data import collect
from export.dossier import write_dossier
from export.options import DossierOptions
from export.packs.letter import Applicant, draft, facts_of
from export.packs.presets import load_presets
from export.packs.selection import Selection, select
from tests.export.conftest import GENERATED_AT
from tests.export.pdfcheck import page_texts, squash
from tests.phones_case import COLLEAGUE, MASS, MOTHER, MOTHER_REPLY, make_three_phone_case

OPTIONS = DossierOptions(generated_at=GENERATED_AT)


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[CaseStore, Path]]:
    root = tmp_path_factory.mktemp("phones")
    store = make_three_phone_case(root / "case", root / "img")
    out = root / "bundle"
    list(build_bundle(store, out, OPTIONS))
    yield store, out
    store.close()


def _pages(out: Path) -> list[str]:
    return [squash(t) for t in page_texts(out / "证据材料.pdf")]


def test_the_summary_states_the_contacts_reached_and_the_mass_text(case: tuple[CaseStore, Path]) -> None:
    _store, out = case
    pages = _pages(out)
    summary = next(p for p in pages if "被联系的亲友、同事" in p)
    assert "催收方共联系了投诉人的2位亲友、同事（母亲、同事张某），自2025-03-10至2025-03-17，共5条（次）" in summary
    assert "群发到多部手机1次" in summary
    assert "以上收到的7条（次）中，投诉人本人的手机收到2条（次），其他人的手机收到5条（次）" in summary
    # per person: first and last day, items, messages, calls, days
    assert "母亲2025-03-102025-03-173213" in summary
    assert "同事张某2025-03-102025-03-122202" in summary
    assert "合计2人5" in summary
    # the mass-text table: its number, text, senders, day, who received it when, and the exhibits
    table = summary[summary.index("群发（同一内容发给多人）") :]
    assert "群发1" in table and squash(MASS) in table and "2025-03-10" in table
    assert "本人（09:00）同事张某（09:02）母亲（09:01）" in table


def test_chronology_rows_name_the_receiving_phone_and_mark_the_mass_text(case: tuple[CaseStore, Path]) -> None:
    _store, out = case
    whole = "".join(_pages(out))
    start = whole.rindex("三、时间线")
    chron = whole[start : whole.index("四、证据", start)]
    assert chron.count("〔群发1〕") == 3
    assert "发给本人" in chron and "发给母亲" in chron and "发给同事张某" in chron
    # on the mother's phone her own reply is sent by her, not by 本人
    reply_at = chron.index(squash(MOTHER_REPLY))
    assert "母亲" in chron[reply_at - 30 : reply_at]


def test_exhibits_and_the_index_say_whose_phone(case: tuple[CaseStore, Path]) -> None:
    _store, out = case
    pages = _pages(out)
    index = next(p for p in pages if "一、证据目录" in p)
    # (pdftotext may interleave the columns of a wrapped row, so the file names are checked apart)
    assert index.count("母亲手机屏幕截图，原文件名：") == 2 and "mother1.png" in index
    assert "同事张某手机屏幕截图，原文件名：colleague1.png" in index
    assert "申请人手机屏幕截图，原文件名：own1.png" in index
    assert "向母亲发送" in index
    exhibit_pages = [p for p in pages if "文件名" in p and "SHA-256（原件）" in p]
    assert any("接收手机母亲的手机" in p and "mother1.png" in p for p in exhibit_pages)
    assert any("接收手机投诉人本人的手机" in p and "own1.png" in p for p in exhibit_pages)


def test_bundle_csv_and_json_carry_the_phone_and_the_mass_text(case: tuple[CaseStore, Path]) -> None:
    _store, out = case
    rows = list(csv.reader(io.StringIO((out / "时间线.csv").read_bytes().decode("utf-8-sig"))))
    head = rows[0]
    assert head[-2:] == ["接收手机", "群发"]
    assert [r[-1] for r in rows[1:]].count("群发1") == 3
    by_text = {r[head.index("内容")]: r for r in rows[1:]}
    assert by_text[MOTHER_REPLY][head.index("发送方")] == MOTHER
    assert by_text[MOTHER_REPLY][head.index("接收手机")] == MOTHER
    doc = json.loads((out / "时间线.json").read_text(encoding="utf-8"))
    mass = [e for e in doc["entries"] if e["campaign"] == 1]
    assert sorted(e["phone"] for e in mass) == sorted([OWN_PHONE, MOTHER, COLLEAGUE])
    assert {e["phone"] for e in doc["entries"]} == {OWN_PHONE, MOTHER, COLLEAGUE}


def test_the_english_dossier_says_received_on(case: tuple[CaseStore, Path], tmp_path: Path) -> None:
    store, _out = case
    pdf = tmp_path / "en.pdf"
    list(write_dossier(collect(store), pdf, DossierOptions(lang="en", generated_at=GENERATED_AT)))
    text = "".join(page_texts(pdf))
    assert "received on 母亲's phone" in " ".join(text.split())
    assert "Contacts reached" in text and "[mass text 1]" in text


def test_the_letter_states_the_contacts_reached_and_a_pack_limited_to_the_mothers_phone(
    case: tuple[CaseStore, Path],
) -> None:
    store, _out = case
    data = collect(store)
    facts = facts_of(data)
    assert facts.reached.startswith("截图显示，对方还联系了本人的 2 位亲友、同事（母亲、同事张某），自 2025-03-10 至 2025-03-17，共 5 条（次）")
    letter = draft(data, load_presets()["nifa"], Applicant("周杰", "", "", ""), date(2025, 4, 1))
    assert facts.reached in letter.text()

    mothers, _left = select(store, Selection(phones=frozenset({MOTHER})))
    assert {x.shot.phone for x in mothers.exhibits} == {MOTHER}
    assert mothers.reach().names == (MOTHER,)
    assert mothers.campaigns == ()  # on one phone nothing is a mass text


def test_a_letter_over_several_phones_splits_the_count_and_a_mothers_own_letter_speaks_for_her(
    case: tuple[CaseStore, Path],
) -> None:
    store, _out = case
    data = collect(store)
    facts = facts_of(data)
    per = dict(facts.per_phone)
    counts = data.counts
    assert set(per) == {"本人", MOTHER, COLLEAGUE}
    # Every received and sent item counted once, on the phone that showed it.
    assert sum(per.values()) == counts.messages + counts.calls
    letter = draft(data, load_presets()["nifa"], Applicant("周杰", "", "", ""), date(2025, 4, 1)).text()
    assert "对方共向本人及其他收到者发送消息" in letter and "按接收手机：本人手机" in letter
    assert "对方共向本人发送消息" not in letter

    mothers, _left = select(store, Selection(phones=frozenset({MOTHER})))
    own = draft(mothers, load_presets()["police"], Applicant("", "", "", ""), date(2025, 4, 1))
    text = own.text()
    assert "本人系借款人的母亲" in text
    assert "姓名：\n" in text or own.parts["complainant"].startswith("姓名：\n")  # not the borrower's name
    assert "按接收手机" not in text and "位亲友" not in text  # her letter: only what reached her
