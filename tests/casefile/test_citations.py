"""Citations as data: every cited rule says what it is (law or not), and nothing is invented.

The shipped citations are checked against ../shared/CHANNELS.md §3, the only
source they may come from: every quotation and every article number must
appear there.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from casefile.citations import CITATIONS_PATH, KINDS, CitationsError, load_citations
from casefile.tagging import RULES_PATH, RulesError, load_rules


def test_the_standard_is_cited_as_a_recommended_standard_not_as_law() -> None:
    c = load_citations()["gbt45251_2025"]
    assert c.number == "GB/T 45251—2025" and c.kind == "国家标准（推荐性）" and not c.is_law
    assert c.in_force_from == date(2025, 2, 28) and c.article is None and not c.verified
    assert c.display().startswith("GB/T 45251—2025《互联网金融 个人网络消费信贷 贷后催收风控指引》（国家标准（推荐性）；")
    assert "不是法律" in c.display() and "条款号未核实" in c.display() and "未经核实" in c.display()
    rules = load_rules()
    for rid in ("night_contact", "calls_per_day"):
        assert "gbt45251_2025" in rules.rule(rid).citations
    assert all(x.kind in ("国家标准（推荐性）", "行业自律规范") for x in rules.citations_of("夜间"))


def test_every_citation_has_a_kind_and_every_rule_cites_known_ids() -> None:
    cits = load_citations()
    assert {c.kind for c in cits.values()} <= set(KINDS)
    for c in cits.values():
        assert c.verified == (c.status == "V")
        if c.is_law:
            assert "不是法律" not in c.display()
    rules = load_rules()
    for r in rules.rules:
        assert all(cid in cits for cid in r.citations), r.id
    # the old vague basis is gone: a rule names its sources through citations
    assert all("行业自律指引（非法律）" not in r.basis for r in rules.rules)
    assert rules.citations_of("威胁") and rules.citations_of("联系第三方") and rules.citations_of("隐私泄露")


def _section3(shared_dir: Path) -> str:
    text = (shared_dir / "CHANNELS.md").read_text(encoding="utf-8")
    start = text.index("## 3.")
    return text[start : text.index("## 4.", start)]


def test_nothing_is_cited_that_channels_section_3_does_not_give(shared_dir: Path) -> None:
    source = unicodedata.normalize("NFKC", _section3(shared_dir))  # (试行) and （试行） are one title
    flat = re.sub(r"\s+|\*\*", "", source)  # markdown bold is not part of a quotation
    for c in load_citations().values():
        short = unicodedata.normalize("NFKC", c.name.removeprefix("中华人民共和国"))
        aliases = {short, {"个人信息保护法": "PIPL"}.get(short, short)}
        assert any(a in source for a in aliases) or (c.number and c.number in source), c.id
        if c.quote:
            assert re.sub(r"\s+", "", unicodedata.normalize("NFKC", c.quote)) in flat, c.id
        if c.article:
            number = re.match(r"第\d+条(?:之一)?", c.article)
            assert number is not None, c.id
            assert number.group() in source or number.group().removeprefix("第").removesuffix("条") in source, c.id
        if c.in_force_from:
            assert c.in_force_from.isoformat() in source, c.id


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"kind": "法规"}, "kind"),
        ({"verified": True, "status": "S"}, "exactly when"),
        ({"in_force_from": "2026-13-01"}, "YYYY-MM-DD"),
        ({"id": "Bad Id"}, "id"),
    ],
)
def test_a_broken_citation_is_refused(tmp_path: Path, change: dict[str, object], reason: str) -> None:
    doc = json.loads(CITATIONS_PATH.read_text(encoding="utf-8"))
    doc["citations"][0].update(change)
    path = tmp_path / "citations.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CitationsError, match=reason):
        load_citations(path)


def test_a_rule_citing_an_unknown_id_is_refused(tmp_path: Path) -> None:
    data = json.loads(RULES_PATH.read_text(encoding="utf-8"))
    data["rules"][0]["citations"] = ["no_such_law"]
    path = tmp_path / "tags.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RulesError, match="no_such_law"):
        load_rules(path)
