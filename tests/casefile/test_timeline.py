"""The chronology: overlap merging, repeats kept apart, ordering, parties, filtering.

Built from ``Message``/``Screenshot`` records made by hand, so each case states
exactly what two screenshots show; the builders here are reused by the other
timeline tests.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime

import pytest

from casefile.model import Message, OcrStatus, Origin, Party, Screenshot, Tag, TagState
from casefile.parties import normalise_sender
from casefile.timeline import (
    Timeline,
    TimelineFilter,
    build_timeline,
    filter_entries,
    levenshtein,
    normalise_text,
)
from ocr.model import ME, Direction, Kind, Layout, TimeSource

COLLECTOR = "10690001"


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A minute in March 2025 (the 8th is a Saturday)."""
    return datetime(2025, 3, day, hour, minute)


def shot(
    sid: int,
    captured: datetime | None = None,
    *,
    layout: Layout | None = Layout.SMS_THREAD,
    title: str | None = COLLECTOR,
) -> Screenshot:
    return Screenshot(
        id=sid,
        sha256=f"{sid:064x}",
        original_name=f"Screenshot_{sid}.png",
        original_path=f"/phone/Screenshot_{sid}.png",
        ext="png",
        size_bytes=1000,
        width=1080,
        height=2400,
        format="PNG",
        imported_at=datetime(2025, 4, 1),
        captured_at=captured,
        captured_at_source=TimeSource.FILE_NAME if captured else None,
        layout=layout,
        thread_title=title,
        ocr_status=OcrStatus.DONE,
        ocr_engine="test",
        ocr_version="0",
        ocr_error=None,
        reviewed=True,
        purpose="",
    )


def msg(
    mid: int,
    sid: int,
    pos: float,
    text: str,
    time: datetime | None = None,
    *,
    sender: str | None = COLLECTOR,
    kind: Kind = Kind.SMS,
    direction: Direction = Direction.INCOMING,
    excluded: bool = False,
    confidence: float = 0.9,
    duration_s: int | None = None,
) -> Message:
    return Message(
        id=mid,
        screenshot_id=sid,
        position=pos,
        kind=kind,
        direction=direction,
        sender=sender,
        time=time,
        time_source=TimeSource.SEPARATOR if time else None,
        text=text,
        box=None,
        confidence=confidence,
        field_confidence={},
        duration_s=duration_s,
        origin=Origin.OCR,
        excluded=excluded,
    )


def on_shot(sid: int, first_id: int, rows: Sequence[tuple[str, datetime | None]], **kw: object) -> list[Message]:
    """Bubbles of one screenshot, top to bottom."""
    return [msg(first_id + k, sid, float(k), text, t, **kw) for k, (text, t) in enumerate(rows)]  # type: ignore[arg-type]


def ids(tl: Timeline) -> list[tuple[int, ...]]:
    return [e.message_ids for e in tl.entries]


# -- merging overlapping screenshots ------------------------------------------------------------

THREAD = [
    ("【安心花】您的账单已逾期3天，请立即还款。", at(8, 9, 0)),
    ("今天下午三点之前必须到账", at(8, 9, 5)),
    ("我们已经掌握你全部通讯录，共157人，今晚八点统一发送催收短信。", at(8, 9, 6)),
    ("别装死，接电话。", at(8, 10, 0)),
    ("今天再不还，明天的律师函直接寄到你家和你单位。", at(8, 10, 30)),
]


def test_scrolled_overlap_with_ocr_noise_is_one_entry_per_bubble() -> None:
    a = on_shot(1, 100, THREAD)
    # The user scrolled down: the last three bubbles again, read with OCR noise
    # (a misread character, full/half-width punctuation, stray spaces), then two new ones.
    b = on_shot(
        2,
        200,
        [
            ("我们已经掌握你全部通讯录,共157人,今晚八点统一发送催收短信", at(8, 9, 6)),
            ("別装死， 接电话。", at(8, 10, 0)),
            ("今天再不还，明天的律师涵直接寄到你家和你单位。", at(8, 10, 30)),
            ("回电话！", at(8, 11, 0)),
            ("最后通知：今晚八点前处理。", at(8, 11, 2)),
        ],
    )
    tl = build_timeline(a + b, [shot(1, at(8, 10, 31)), shot(2, at(8, 11, 3))])
    assert ids(tl) == [(100,), (101,), (102, 200), (103, 201), (104, 202), (203,), (204,)]
    merged = tl.entries[2]
    assert merged.screenshot_ids == (1, 2)
    assert merged.merged and not tl.entries[0].merged
    assert tl.message_count == 10 and tl.merged_count == 3
    # the fuller, punctuated reading is shown; differing readings are flagged
    assert merged.text == THREAD[2][0]
    assert tl.entries[4].readings_differ and not tl.entries[0].readings_differ
    assert tl.by_message_id[202] is tl.entries[4]


def test_overlap_whose_separator_scrolled_away_merges_on_structure() -> None:
    a = on_shot(1, 100, THREAD)
    # On the second screenshot the 10:00 separator is above the screen: the
    # first two bubbles have no time until the next separator.
    b = on_shot(
        2,
        200,
        [
            ("别装死，接电话。", None),
            ("今天再不还，明天的律师函直接寄到你家和你单位。", None),
            ("回电话！", at(8, 12, 0)),
        ],
    )
    tl = build_timeline(b + a, [shot(2, at(8, 12, 1)), shot(1, at(8, 10, 31))])
    assert ids(tl) == [(100,), (101,), (102,), (103, 200), (104, 201), (202,)]
    assert tl.entries[3].time == at(8, 10, 0) and tl.entries[3].time_known


def test_a_bubble_cut_off_at_the_top_edge_merges_with_its_full_reading() -> None:
    a = on_shot(1, 100, THREAD)
    b = on_shot(
        2,
        200,
        [
            ("全部通讯录，共157人，今晚八点统一发送催收短信。", None),  # top lines cut off
            ("别装死，接电话。", None),
            ("今天再不还，明天的律师函直接寄到你家和你单位。", None),
        ],
    )
    tl = build_timeline(a + b, [shot(1, at(8, 10, 31)), shot(2, at(8, 10, 40))])
    assert ids(tl) == [(100,), (101,), (102, 200), (103, 201), (104, 202)]
    assert tl.entries[2].text == THREAD[2][0]  # the whole text, not the fragment


def test_same_screen_captured_twice_merges_completely() -> None:
    a = on_shot(1, 100, THREAD[:3])
    b = on_shot(2, 200, THREAD[:3])
    tl = build_timeline(a + b, [shot(1, at(8, 10)), shot(2, at(9, 8))])
    assert ids(tl) == [(100, 200), (101, 201), (102, 202)]


def test_threat_repeated_next_morning_is_not_merged() -> None:
    threat = "今天不还，明天上门找你家人。"
    a = on_shot(1, 100, [("早上好", at(8, 8, 59)), (threat, at(8, 9, 0))])
    # The next morning: same text at the same clock, at the touching edges of two screenshots.
    b = on_shot(2, 200, [(threat, at(9, 9, 0)), ("回电话！", at(9, 9, 30))])
    tl = build_timeline(a + b, [shot(1, at(8, 12)), shot(2, at(9, 12))])
    assert ids(tl) == [(100,), (101,), (200,), (201,)]


def test_repeat_without_a_time_in_the_middle_of_a_screen_is_not_merged() -> None:
    threat = "今天不还，明天上门找你家人。"
    a = on_shot(1, 100, [("早上好", at(8, 9, 0)), (threat, at(8, 9, 1)), ("在吗", at(8, 9, 2))])
    # A screenshot with no readable times where the same text sits between other bubbles.
    b = on_shot(2, 200, [("钱什么时候还？", None), (threat, None), ("看到回复", None)])
    tl = build_timeline(a + b, [shot(1, at(8, 12)), shot(2, at(10, 12))])
    assert len(tl.entries) == 6


def test_repeats_within_one_screenshot_stay_separate() -> None:
    a = on_shot(1, 100, [("回电话！", at(8, 9, 0)), ("回电话！", at(8, 9, 0)), ("回电话！", at(8, 9, 0))])
    b = on_shot(2, 200, [("回电话！", at(8, 9, 0)), ("回电话！", at(8, 9, 0)), ("回电话！", at(8, 9, 0))])
    tl = build_timeline(a + b, [shot(1, at(8, 9, 1)), shot(2, at(8, 9, 2))])
    # Two captures of a burst of three: three entries, each seen twice.
    assert ids(tl) == [(100, 200), (101, 201), (102, 202)]


def test_same_text_same_minute_from_another_number_is_not_merged() -> None:
    a = [msg(1, 1, 0, "最后通知：今天必须还款", at(8, 9), sender="17883687426")]
    b = [msg(2, 2, 0, "最后通知：今天必须还款", at(8, 9), sender="17883687427")]
    tl = build_timeline(a + b, [shot(1, at(8, 10), title=None), shot(2, at(8, 10), title=None)])
    assert len(tl.entries) == 2


def test_overlapping_call_logs_merge_identical_rows_by_structure() -> None:
    def calls(sid: int, first: int, rows: list[tuple[str, Direction, int | None]]) -> list[Message]:
        return [
            msg(first + k, sid, float(k), f"{d}秒" if d else "", None, sender=s, kind=Kind.CALL, direction=dr, duration_s=d)
            for k, (s, dr, d) in enumerate(rows)
        ]

    miss, inc = Direction.MISSED, Direction.INCOMING
    # Call logs list the newest first; rows show only a day, so no minute is known.
    a = calls(1, 100, [("13800138000", miss, None), ("13800138000", miss, None), ("075583456789", inc, 43)])
    b = calls(2, 200, [("13800138000", miss, None), ("075583456789", inc, 43), ("13900139000", miss, None)])
    shots = [shot(1, at(8, 20), layout=Layout.CALL_LOG, title=None), shot(2, at(8, 20, 1), layout=Layout.CALL_LOG, title=None)]
    tl = build_timeline(a + b, shots)
    assert sorted(ids(tl)) == [(100,), (101, 200), (102, 201), (202,)]


def test_a_merge_never_joins_two_bubbles_of_one_screenshot() -> None:
    # Three screenshots whose pairwise overlaps would chain 100 and 102 together.
    a = on_shot(1, 100, [("回电话！", None), ("在吗", None), ("回电话！", None)], sender="13800138000")
    b = on_shot(2, 200, [("回电话！", None)], sender="13800138000")
    tl = build_timeline(a + b, [shot(1, at(8, 9), title=None), shot(2, at(8, 10), title=None)])
    for e in tl.entries:
        shots_of = [mid // 100 for mid in e.message_ids]
        assert len(shots_of) == len(set(shots_of))
    assert sum(len(e.message_ids) for e in tl.entries) == 4


def test_a_daily_template_at_the_edges_does_not_steal_a_bubble_from_its_real_overlap() -> None:
    threat = "你再不还钱，我们明天就上门走访，顺便去你单位问问你领导。"
    # Day 1: a screenshot ending with the template.
    day1 = on_shot(1, 100, [("在吗", at(1, 8, 0)), (threat, at(1, 9, 0))])
    # Day 5: the same template again, captured twice while scrolling; on the
    # second capture its separator scrolled away, so it has no time there.
    day5 = on_shot(2, 200, [("早上好", at(5, 8, 0)), ("回电话！", at(5, 8, 30)), (threat, at(5, 9, 0)),
                            ("别装死，接电话。", at(5, 9, 10)), ("最后通知", at(5, 9, 20))])
    again = on_shot(3, 300, [(threat, None), ("别装死，接电话。", None), ("最后通知", at(5, 9, 20)),
                             ("新消息", at(5, 9, 40))])
    shots = [shot(1, at(1, 10)), shot(2, at(5, 9, 30)), shot(3, at(5, 9, 45))]
    tl = build_timeline(day1 + day5 + again, shots)
    by_text = {(e.time, e.text): e.message_ids for e in tl.entries}
    assert by_text[(at(1, 9), threat)] == (101,)
    assert by_text[(at(5, 9), threat)] == (202, 300)
    assert by_text[(at(5, 9, 10), "别装死，接电话。")] == (203, 301)


def test_badly_read_bubbles_inside_an_overlap_are_bridged() -> None:
    a = on_shot(1, 100, THREAD)
    # Two short bubbles in a row read badly (below the merge threshold on their own),
    # the last one at the screen edge.
    b = on_shot(
        2,
        200,
        [
            (THREAD[1][0], at(8, 9, 5)),
            ("我们已经掌握你全部通讯录，共157人，今晚八点统一发送催收短信。", at(8, 9, 6)),
            ("别装列，按电话。", None),  # the separators above these were not read either
            ("今夭再不还，明天旳律师涵直接寄到你家。", None),
        ],
    )
    tl = build_timeline(a + b, [shot(1, at(8, 11)), shot(2, at(8, 11, 1))])
    assert ids(tl) == [(100,), (101, 200), (102, 201), (103, 202), (104, 203)]


def test_merging_can_be_switched_off() -> None:
    a = on_shot(1, 100, THREAD[:3])
    b = on_shot(2, 200, THREAD[:3])
    assert len(build_timeline(a + b, [shot(1), shot(2)], merge=False).entries) == 6


# -- ordering -------------------------------------------------------------------------------------


def test_unknown_times_follow_the_last_known_time_on_their_screenshot() -> None:
    a = on_shot(1, 100, [("甲", at(8, 9)), ("乙", None), ("丙", None), ("丁", at(8, 11))])
    b = on_shot(2, 200, [("戊", at(8, 10))])
    tl = build_timeline(a + b, [shot(1, at(8, 12)), shot(2, at(8, 12))])
    assert [e.text for e in tl.entries] == ["甲", "乙", "丙", "戊", "丁"]
    undated = tl.entries[1]
    assert not undated.time_known and undated.time is None and undated.sort_time == at(8, 9)
    assert undated.day is None


def test_unknown_time_above_the_first_separator_goes_just_before_it() -> None:
    a = on_shot(1, 100, [("顶部", None), ("甲", at(8, 9))])
    b = on_shot(2, 200, [("更早", at(8, 8, 59)), ("同时", at(8, 9))])
    tl = build_timeline(a + b, [shot(1, at(8, 12)), shot(2, at(8, 12))])
    assert [e.text for e in tl.entries] == ["更早", "顶部", "甲", "同时"]


def test_screenshot_without_any_time_is_placed_at_its_capture_else_last() -> None:
    a = on_shot(1, 100, [("甲", at(8, 9)), ("乙", at(8, 15))])
    b = on_shot(2, 200, [("截图时间内", None), ("第二条", None)])
    c = on_shot(3, 300, [("什么都不知道", None)])
    shots = [shot(1, at(8, 16)), shot(2, at(8, 12), title=None), shot(3, None, title=None)]
    tl = build_timeline(a + b + c, shots)
    assert [e.text for e in tl.entries] == ["甲", "截图时间内", "第二条", "乙", "什么都不知道"]
    assert tl.entries[-1].sort_time is None


def test_inbox_rows_are_read_newest_first() -> None:
    inbox = on_shot(1, 100, [("新", at(8, 10)), ("只显示日期", None), ("旧", at(8, 8))], sender="95588")
    tl = build_timeline(inbox, [shot(1, at(8, 11), layout=Layout.SMS_INBOX, title=None)])
    assert [e.text for e in tl.entries] == ["旧", "只显示日期", "新"]


def test_ties_break_by_capture_time_then_screenshot_id_then_position() -> None:
    t = at(8, 9)
    m = [
        msg(1, 5, 0, "五-0", t, sender="1"),
        msg(2, 5, 1, "五-1", t, sender="2"),
        msg(3, 3, 0, "三", t, sender="3"),
        msg(4, 4, 0, "四", t, sender="4"),
    ]
    shots = [shot(5, at(8, 10), title=None), shot(3, at(8, 11), title=None), shot(4, at(8, 11), title=None)]
    tl = build_timeline(m, shots)
    assert [e.text for e in tl.entries] == ["五-0", "五-1", "三", "四"]
    assert [e.index for e in tl.entries] == [0, 1, 2, 3]


def test_order_does_not_depend_on_input_order() -> None:
    a = on_shot(1, 100, THREAD)
    b = on_shot(2, 200, [(THREAD[3][0], None), (THREAD[4][0], None), ("回电话！", at(8, 12))])
    c = on_shot(3, 300, [("无时间", None), ("又一条", None)], sender="13800138000")
    shots = [shot(1, at(8, 10, 31)), shot(2, at(8, 12, 1)), shot(3, None, title=None)]
    reference = build_timeline(a + b + c, shots)
    rng = random.Random(7)
    for _ in range(5):
        ms, ss = a + b + c, list(shots)
        rng.shuffle(ms)
        rng.shuffle(ss)
        assert build_timeline(ms, ss).entries == reference.entries


def test_excluded_messages_are_left_out() -> None:
    m = [msg(1, 1, 0, "留下", at(8, 9)), msg(2, 1, 1, "排除", at(8, 9, 1), excluded=True)]
    tl = build_timeline(m, [shot(1)])
    assert [e.text for e in tl.entries] == ["留下"] and tl.message_count == 1


# -- counterparties -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+86 138 0013 8000", "13800138000"),
        ("138-0013-8000", "13800138000"),
        ("008613800138000", "13800138000"),
        ("8613800138000", "13800138000"),
        ("+86 755 8345 6789", "075583456789"),
        ("0755-83456789", "075583456789"),
        ("106980095188", "106980095188"),
        (" 张经理 ", "张经理"),
        ("Me", ME),
        (None, ""),
    ],
)
def test_senders_are_normalised(raw: str | None, expected: str) -> None:
    assert normalise_sender(raw) == expected


def test_party_groups_numbers_and_the_users_replies_join_the_thread() -> None:
    m = [
        msg(1, 1, 0, "还钱", at(8, 9), sender="+86 138 0013 8000"),
        msg(2, 1, 1, "我会还的", at(8, 9, 1), sender=ME, direction=Direction.OUTGOING),
        msg(3, 2, 0, "回电话", at(8, 10), sender="139-0013-9000"),
        msg(4, 3, 0, "你好", at(8, 11), sender="18600000000"),
    ]
    shots = [shot(1, title="+86 138 0013 8000"), shot(2, title="13900139000"), shot(3, title="18600000000")]
    parties = [Party(1, "安心花", ("13800138000", "13900139000"))]
    tl = build_timeline(m, shots, parties=parties)
    assert [(e.sender, e.party, e.party_defined) for e in tl.entries] == [
        ("13800138000", "安心花", True),
        (ME, "安心花", True),
        ("13900139000", "安心花", True),
        ("18600000000", "18600000000", False),
    ]
    assert not tl.entries[1].received and tl.entries[0].received


# -- tags on entries ------------------------------------------------------------------------------


def test_entry_tags_are_the_union_and_a_users_removal_wins() -> None:
    a = on_shot(1, 100, THREAD[:2])
    b = on_shot(2, 200, THREAD[:2])
    t0 = datetime(2025, 4, 1, 10)
    tags = [
        Tag(100, "威胁", TagState.SUGGESTED, "rule:threat", t0),
        Tag(201, "侮辱", TagState.SUGGESTED, "rule:insult", t0),
        Tag(101, "侮辱", TagState.REMOVED, "user", t0),
    ]
    tl = build_timeline(a + b, [shot(1, at(8, 10)), shot(2, at(8, 11))], tags=tags)
    first, second = tl.entries
    assert first.tags == {"威胁"}
    assert second.tags == frozenset() and second.tag_states == {"侮辱": TagState.REMOVED}
    later = [*tags, Tag(201, "侮辱", TagState.CONFIRMED, "user", datetime(2025, 4, 2))]
    assert tl.with_tags(later).entries[1].tags == {"侮辱"}
    assert tl.with_tags([]).entries[0].tags == frozenset()


# -- filtering ----------------------------------------------------------------------------------------


@pytest.fixture()
def sample() -> Timeline:
    m = [
        msg(1, 1, 0, "你个老赖 SB", at(8, 9), sender="13800138000"),
        msg(2, 1, 1, "我已经截图留证了", at(8, 9, 5), sender=ME, direction=Direction.OUTGOING),
        msg(3, 2, 0, "", at(9, 23), sender="13800138000", kind=Kind.CALL, direction=Direction.MISSED),
        msg(4, 3, 0, "通知：联系你的紧急联系人", at(10, 10), sender="106980095188"),
        msg(5, 3, 1, "没有时间的", None, sender="106980095188"),
    ]
    shots = [shot(1, at(8, 10), title="13800138000"), shot(2, at(9, 23, 30), layout=Layout.CALL_LOG, title=None),
             shot(3, None, title="106980095188")]
    tags = [Tag(4, "联系第三方", TagState.CONFIRMED, "user", datetime(2025, 4, 1))]
    return build_timeline(m, shots, parties=[Party(1, "安心花 催收", ("138 0013 8000",))], tags=tags)


def texts(entries: Sequence[object]) -> list[int]:
    return [e.primary_message_id for e in entries]  # type: ignore[attr-defined]


def test_filter_by_party_sender_kind_tag_and_direction(sample: Timeline) -> None:
    assert texts(sample.filter(TimelineFilter())) == [1, 2, 3, 4, 5]
    assert texts(sample.filter(TimelineFilter(parties=frozenset({"安心花 催收"})))) == [1, 2, 3]
    assert texts(sample.filter(TimelineFilter(parties=frozenset({"106-9800-95188"})))) == [4, 5]
    assert texts(sample.filter(TimelineFilter(kinds=frozenset({Kind.CALL})))) == [3]
    assert texts(sample.filter(TimelineFilter(tags=frozenset({"联系第三方", "威胁"})))) == [4]
    assert texts(sample.filter(TimelineFilter(received_only=True))) == [1, 3, 4, 5]
    assert texts(sample.filter(TimelineFilter(directions=frozenset({Direction.OUTGOING})))) == [2]


def test_filter_by_dates_and_text(sample: Timeline) -> None:
    one_day = TimelineFilter(date_from=date(2025, 3, 9), date_to=date(2025, 3, 10))
    assert texts(sample.filter(one_day)) == [3, 4]
    assert texts(filter_entries(sample.entries, TimelineFilter(date_from=date(2025, 3, 9), undated_in_range=True))) == [3, 4, 5]
    assert texts(sample.filter(TimelineFilter(text="sb"))) == [1]  # case-insensitive
    assert texts(sample.filter(TimelineFilter(text="紧急 联系人"))) == [4]  # spaces ignored
    assert texts(sample.filter(TimelineFilter(text="0013"))) == [1, 2, 3]  # the number / party


# -- text comparison ------------------------------------------------------------------------------------


def _reference_levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def test_bit_parallel_levenshtein_matches_the_textbook_one() -> None:
    rng = random.Random(3)
    alphabet = "还钱上门通讯录ab1。，"
    for _ in range(400):
        a = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 90)))
        b = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 90)))
        assert levenshtein(a, b) == _reference_levenshtein(a, b), (a, b)


def test_text_normalisation_folds_what_ocr_varies() -> None:
    assert normalise_text("【安心花】 您好，请还款。…") == normalise_text("[安心花]您好,请还款.")
    assert normalise_text("ＳＢ") == "sb"
