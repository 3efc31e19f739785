"""The letter (投诉书 / 举报信 / 报案材料), drafted from the case and edited by the user.

The draft is plain text per part, so the window can show each part in an
editor and the user can change anything before export; the edited letter is
saved with the pack (``to_dict`` / ``from_dict``) and reloaded as written.
Every figure in the facts comes from the narrowed snapshot (``DossierData``),
the same counts the chronology prints; every rule cited comes from the
citations file with its kind and verification status, so a standard is never
presented as law.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from casefile.citations import Citation, CitationsError, load_citations
from casefile.complainant import Complainant
from casefile.parties import is_number, normalise_sender
from casefile.phones import is_own
from casefile.reach import counts_per_phone
from export.data import DossierData
from export.packs.presets import Preset
from export.phone_words import reach_sentence, shows_phones

# The parts of a letter in the order printed (CHANNELS.md §2, the skeleton).
PARTS: tuple[tuple[str, str, str], ...] = (
    ("title", "标题", "Title"),
    ("complainant", "投诉（举报）人", "Complainant"),
    ("respondent", "被投诉（举报）人", "Respondent"),
    ("requests", "请求事项", "Requests"),
    ("facts", "事实与理由", "Facts"),
    ("rules", "违反的规定", "Rules breached"),
    ("other_bodies", "是否已向其他机构反映及结果", "Raised with other bodies"),
    ("statement", "声明", "Statement"),
    ("signature", "签名与日期", "Signature and date"),
)
PART_KEYS = tuple(k for k, _, _ in PARTS)
QUOTES_PER_TAG = 2  # the worst quotes: enough to show the pattern, short enough to be read
QUOTE_CHARS = 80  # a quote longer than this is cut with "…" (the exhibit holds it whole)
AID_NOTE = "所附文字整理由软件根据截图识别生成，仅为便于阅读的辅助材料；证据以截图原件为准。"

REQUESTS = {
    "投诉书": [
        "立即停止以任何方式联系本人及本人的亲友、同事等通讯录联系人；",
        "查明并处理实施上述催收行为的人员及合作催收机构，并告知其名称；",
        "删除通过本人手机通讯录获取的联系人信息（《中华人民共和国个人信息保护法》第47条）；",
        "提供贵方所处理的本人个人信息及催收通话、短信记录的副本（《中华人民共和国个人信息保护法》第45条）；",
        "以书面形式答复处理结果。",
    ],
    "举报信": [
        "对被举报机构的上述违规催收行为进行调查核实并依规处理；",
        "责令其停止联系本人及本人通讯录联系人，删除相关联系人信息；",
        "将处理结果书面告知本人。",
    ],
    "报案材料": [
        "对上述以短信、电话持续滋扰、恐吓本人及亲友的行为依法受理、调查；",
        "依法处理相关行为人，并出具受案回执；",
        "如情节符合规定，责令相关人员禁止接触本人。",
    ],
}


SIGNER = {"投诉书": "投诉人", "举报信": "举报人", "报案材料": "报案人"}
_PARTIES = {
    "投诉书": ("投诉人", "被投诉人"),
    "举报信": ("举报人", "被举报人"),
    "报案材料": ("报案人", "被反映的单位及人员"),
}


def heading(kind: str, key: str, default: str) -> str:
    """A part's heading in this kind of letter (a police report has a 报案人, not a 投诉人)."""
    who = _PARTIES.get(kind)
    if who and key == "complainant":
        return who[0]
    if who and key == "respondent":
        return who[1]
    return default


# What the user fills in about themselves (never guessed from the screenshots), kept in the case.
Applicant = Complainant


@dataclass(slots=True)
class Letter:
    kind: str
    parts: dict[str, str] = field(default_factory=dict)
    cited: tuple[str, ...] = ()  # citation ids in the rules part

    def text(self) -> str:
        """The whole letter as plain text (the pack also saves it as 投诉书.txt)."""
        out = [self.parts.get("title", "")]
        for key, zh, _ in PARTS[1:]:
            body = self.parts.get(key, "").strip()
            if body:
                out.append(f"{heading(self.kind, key, zh)}：\n{body}" if key != "signature" else body)
        return "\n\n".join(out) + "\n"

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "parts": dict(self.parts), "cited": list(self.cited)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Letter:
        parts = {k: str(v) for k, v in dict(d.get("parts") or {}).items() if k in PART_KEYS}
        return cls(kind=str(d.get("kind", "投诉书")), parts=parts, cited=tuple(d.get("cited") or ()))


@dataclass(frozen=True, slots=True)
class Facts:
    """The figures the letter states, all from the snapshot: a test compares them with the case."""

    first: date | None
    last: date | None
    messages: int
    calls: int
    days: int
    busiest: tuple[date, int] | None
    night: int
    third_party: int
    quotes: tuple[tuple[str, str, str], ...]  # (tag, quote, exhibit ref)
    reached: str = ""  # contacts reached on other people's phones (export.phone_words.reach_sentence)
    # Received items per phone when the chosen evidence spans several (本人 first), so the
    # first line does not count the mother's messages as sent to the user.
    per_phone: tuple[tuple[str, int], ...] = ()
    # The pack holds only another person's phone: the letter is that person's own
    # (a relative complaining in their own name), and 本人 in it means them.
    relative: str = ""


def facts_of(data: DossierData) -> Facts:
    c = data.counts
    relative = _relative(data)
    quotes: list[tuple[str, str, str]] = []
    for tag, _n in data.tag_counts():
        found = [e for e in data.entries if tag in data.confirmed(e) and e.text.strip()]
        for e in found[:QUOTES_PER_TAG]:
            q = e.text.strip().replace("\n", " ")
            q = q if len(q) <= QUOTE_CHARS else q[: QUOTE_CHARS - 1] + "…"
            quotes.append((tag, q, "、".join(data.entry_refs(e)) or "—"))
    return Facts(
        first=c.first_day,
        last=c.last_day,
        messages=c.messages,
        calls=c.calls,
        days=c.days_with_contact,
        busiest=(c.busiest_day.day, c.busiest_day.count) if c.busiest_day else None,
        night=sum(data.night_per_day().values()),
        third_party=sum(1 for e in data.entries if "联系第三方" in data.confirmed(e)),
        quotes=tuple(quotes),
        reached=reach_sentence(data.reach()) if shows_phones(data.phones) and not relative else "",
        per_phone=_per_phone(data) if len(data.phones) > 1 else (),
        relative=relative,
    )


def _relative(data: DossierData) -> str:
    """The one receiving phone of a pack made of another person's screenshots only, else ""."""
    phones = set(data.phones)
    if len(phones) == 1 and not is_own(p := next(iter(phones))):
        return p
    return ""


def _per_phone(data: DossierData) -> tuple[tuple[str, int], ...]:
    return tuple((p, c.messages + c.calls) for p, c in counts_per_phone(data.entries).items())


def facts_text(f: Facts, night_window: str) -> str:
    if f.first is None:
        lines = ["（案件中没有可确定日期的来电或消息。）"]
    else:
        to = "本人及其他收到者" if f.per_phone else "本人"
        lines = [
            f"自 {f.first.isoformat()} 至 {f.last.isoformat() if f.last else '—'}，对方共向{to}发送消息 {f.messages} 条、"
            f"来电 {f.calls} 次，涉及 {f.days} 天。"
        ]
        if f.per_phone:
            split = "，".join(f"{'本人' if is_own(p) else p}手机 {n} 条（次）" for p, n in f.per_phone)
            lines.append(f"按接收手机：{split}。")
    if f.relative:
        lines.insert(0, f"本人系借款人的{f.relative}。对方因催收借款人的欠款，向本人手机发送消息、拨打电话，以下均为本人手机收到的内容。")
    if f.busiest:
        lines.append(f"最多的一天为 {f.busiest[0].isoformat()}，共 {f.busiest[1]} 条（次）。")
    lines.append(f"其中夜间（{night_window}）{f.night} 条（次）。")
    if f.reached:
        lines.append(f.reached)
    if f.third_party:
        lines.append(f"经本人确认，另有 {f.third_party} 条记录涉及联系本人的亲友或其他第三人。")
    if f.quotes:
        lines.append("部分内容摘录（括号内为证据编号）：")
        lines += [f"  【{tag}】“{q}”（证据 {ref}）" for tag, q, ref in f.quotes]
    lines.append(AID_NOTE)
    return "\n".join(lines)


def cited_rules(data: DossierData, preset: Preset) -> list[Citation]:
    """The preset's citations, then those of the tags the user confirmed in the chosen evidence."""
    try:
        table = load_citations()
    except CitationsError:
        return []
    ids = list(preset.citations)
    for tag, _n in data.tag_counts():
        ids += [c.id for c in data.tag_citations.get(tag, ()) if c.id not in ids]
    return [table[i] for i in dict.fromkeys(ids) if i in table]


def rules_text(rules: list[Citation]) -> str:
    if not rules:
        return ""
    lines = [f"{i}. {c.display()}" for i, c in enumerate(rules, 1)]
    if any(not c.is_law for c in rules):
        lines.append("注：国家标准（推荐性）和行业自律规范不是法律，此处仅作为行业要求引用。")
    if any(not c.verified for c in rules):
        lines.append("注：标明“未经核实”的条目未能与官方文本核对，请以官方文本为准。")
    return "\n".join(lines)


def _requests(kind: str, relative: str) -> list[str]:
    """The preset's requests; in a relative's letter the contact list is the borrower's, not theirs."""
    if not relative:
        return list(REQUESTS[kind])
    return [r.replace("通过本人手机通讯录获取的联系人信息", "通过借款人手机通讯录获取的本人联系方式") for r in REQUESTS[kind]]


def draft(data: DossierData, preset: Preset, applicant: Applicant, today: date) -> Letter:
    """A first draft the user edits; nothing here is sent anywhere."""
    kind = preset.letter if preset.letter in REQUESTS else "投诉书"
    respondent_lines = [r.strip() for r in data.case.respondent.splitlines() if r.strip()]
    platform = respondent_lines[0] if respondent_lines else "××公司"
    numbers = sorted({n for e in data.entries if e.received and is_number(n := normalise_sender(e.sender))})
    relative = _relative(data)
    # A relative's own letter: the case's complainant (the borrower) is not the one signing it.
    who = [f"姓名：{applicant.name or ('' if relative else data.case.complainant)}", f"联系电话：{applicant.phone}"]
    if preset.ask_id_number:
        who.append(f"身份证号：{applicant.id_number}")
    who.append(f"通讯地址：{applicant.address}")
    resp = [
        f"平台/App 名称：{'、'.join(respondent_lines) or ''}",
        "公司全称：",
        "统一社会信用代码（如知道）：",
        "住所/详细地址：",
        "借款/合同编号：",
        "催收机构名称（如知道）：",
        f"催收使用的号码：{'、'.join(numbers)}",
    ]
    rules = cited_rules(data, preset) if kind != "报案材料" or preset.citations else []
    statement = "本人保证以上所述事实真实，所附截图为本人手机原始截图，愿意承担相应法律责任。" + AID_NOTE
    parts = {
        "title": f"关于{platform}违规催收的{kind}",
        "complainant": "\n".join(who),
        "respondent": "\n".join(resp),
        "requests": "\n".join(f"{i}. {r}" for i, r in enumerate(_requests(kind, relative), 1)),
        "facts": facts_text(facts_of(data), data.night_text),
        "rules": rules_text(rules),
        "other_bodies": "本人尚未就此事向其他机构反映。（如已反映，请写明机构、时间和结果。）",
        "statement": statement,
        "signature": f"{SIGNER[kind]}（签名）：\n日期：{today.isoformat()}",
    }
    return Letter(kind=kind, parts=parts, cited=tuple(c.id for c in rules))
