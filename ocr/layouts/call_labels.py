"""What a call-log row's secondary line says: a label, a duration, a time.

Under the party's name a call row prints a smaller, grey line that phones
fill very differently: the number's place or carrier (``内蒙古呼和浩特联通``,
``广东深圳 移动``), a mark others put on the number (``骚扰电话``, ``响一声``,
``疑似诈骗``, ``Spam risk``), the kind of call (``未接``, ``Incoming``), the
number itself under a contact's name, a SIM badge or an ``HD`` mark, then the
duration (``1分23秒``, ``4m 47s``) and on some phones the time
(``10:02 AM``, ``1小时前``). None of the labels is the party or the call's
text (SCHEMA.md: the text of a call is its duration), so the line is read
from its right end: first a time (only when the first line had none), then
a duration, and whatever is left is the label: not the party, not the text,
but kept in the message's ``labels`` (nothing read is lost, and a phone's own
mark such as 骚扰电话 is part of the evidence). A label beside the name on
the first line (``张伟  HD``, ``95588  SIM 1``) goes there too
(:func:`beside_name`).

The engine often reads such a line as one piece even when it was cut into
several (RapidOCR reads the page whole and hands its line to one segment;
the segments it left empty are read again alone), so the same characters can
come back twice: :func:`line_text` keeps each once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ocr.layouts.list_rows import Segment
from ocr.layouts.row_text import split_glued_time
from ocr.model import Direction
from ocr.times import split_trailing_time

# 3秒, 1分23秒, 1小时2分3秒. Tesseract reads a lone 秒 after digits as ``%)`` or
# ``#)`` often enough that those endings are accepted too; the text is then
# written back in the phone's own form. A duration never starts inside a
# number (``1069817214)`` is a number and a stray bracket).
DURATION_ZH = re.compile(
    r"(?<!\d)(?:(\d{1,2})\s?小时\s?)?(?:(\d{1,3})\s?分钟?\s?)?(\d{1,2})\s?(?:秒|[%#][)）]?|[)）])$"
)
# 4m 47s, 39s, 1h 2m 3s, 2 min 5 sec, 45 secs: English dialers (Google, Samsung, iOS).
# Only a Latin letter or digit before it makes it part of a word: a place read
# glued to it (``四川成都电信22s``) does not.
DURATION_EN = re.compile(
    r"(?<![A-Za-z0-9])(?:(\d{1,2})\s?h(?:rs?|ours?)?\.?\s*)?(?:(\d{1,3})\s?m(?:ins?|inutes?)?\.?\s*)?"
    r"(\d{1,2})\s?s(?:ecs?|econds?)?\.?$",
    re.IGNORECASE,
)

# A secondary label, never a party's name: a mark others put on the number, its
# place or carrier, the kind of call, a relative time. Data, not logic: extend
# the word lists when a phone shows another label (the reason for each group is
# on its line).
_MARKS = (  # marks from the dialer's number-identification service (MIUI, EMUI, ColorOS, 360, Tencent)
    "骚扰电话|诈骗电话|广告推销|推销电话|房产中介|保险理财|快递外卖|快递送餐|出租车|催收|响一声|未知号码|"
    "骚扰|诈骗|推销|广告|中介|快递|外卖|送餐|招聘|贷款理财|金融理财"
)
_KINDS = "未接|呼入|呼出|已拨|已接|拒接|未接来电|来电|去电|Missed|Incoming|Outgoing|Declined|Rejected"
_EN_MARKS = "Suspected spam|Spam risk|Spam|Telemarketer|Potential fraud|Scam likely|Fraud risk|Unknown"
_EXTRA = "HD|VoLTE|4G|5G|SIM ?[12]|卡[12]|[12]卡|手机|未知|住宅|工作|mobile|home|work|unknown"
# The number's place: a province-level name, then its city (内蒙古呼和浩特, 广东深圳).
_PLACES = (
    "北京|上海|天津|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|"
    "四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门"
)
LABEL = re.compile(
    rf"(?:疑似|标记为?)?(?:{_MARKS})(?:电话)?|"
    r"[\u4e00-\u9fff]{0,10}(?:移动|联通|电信|广电)|"  # carrier, after its place
    rf"(?:{_PLACES})[\u4e00-\u9fff]{{0,6}}|"  # a place alone
    r".{1,12}前|.{1,12}\bago\.?|"  # a relative time
    r"被\d+人标记.{0,8}|"  # "marked by 86 people as …"
    rf"(?:{_KINDS})|(?:{_EN_MARKS})|(?:{_EXTRA})",
    re.IGNORECASE,
)

_SECOND_MISREAD = re.compile(r"(\d\s?分\s?\d{1,2})\s?[种杪砂]$")
# Tesseract reads a lone 1 before a small s as l or I: 4m ls.
_ONE_MISREAD = re.compile(r"(\d\s?m\s)[lI|]s$")


@dataclass(frozen=True, slots=True)
class SecondLine:
    """A call row's secondary line taken apart."""

    label: str  # what is left: place, carrier, mark, the number under a name
    duration_text: str  # as the phone writes it ("1分23秒", "4m 47s"), or ""
    duration_s: int | None
    time_text: str | None  # a time printed on this line, when asked for


_EDGE_PUNCT = ":：,，.。·|•"


def line_text(segments: list[Segment]) -> str:
    """The line's texts in reading order, each characters' run once (see the module docstring)."""
    texts = [s.text.strip() for s in segments if s.text.strip()]
    compact = ["".join(t.split()).strip(_EDGE_PUNCT) for t in texts]
    keep = []
    for i, t in enumerate(texts):
        inside = any(j != i and compact[i] in compact[j] and (len(compact[j]) > len(compact[i]) or j < i)
                     for j in range(len(texts)))
        if not inside:
            keep.append(t)
    return " ".join(keep)


def read_second_line(text: str, *, want_time: bool) -> SecondLine:
    """Split ``text`` from its right end into label, duration and (when ``want_time``) time."""
    rest, time_text = _take_time(text.strip()) if want_time else (text.strip(), None)
    duration_text, seconds = "", None
    # Tesseract reads a small 秒 as 种 (or 杪, 砂) after minutes: 4分46种.
    rest = _SECOND_MISREAD.sub(r"\1秒", rest)
    rest = _ONE_MISREAD.sub(r"\g<1>1s", rest)
    m = DURATION_ZH.search(rest)
    if m:
        h, mi, sec = (int(g) if g else 0 for g in m.groups())
        seconds = h * 3600 + mi * 60 + sec
        duration_text = format_duration_zh(h, mi, sec, m.group(1) is not None, m.group(2) is not None)
        rest = rest[: m.start()]
    else:
        e = DURATION_EN.search(rest)
        if e:
            h, mi, sec = (int(g) if g else 0 for g in e.groups())
            seconds = h * 3600 + mi * 60 + sec
            duration_text = " ".join(e.group(0).split())
            rest = rest[: e.start()]
    if want_time and time_text is None and duration_text:
        # Some dialers right-align the duration, after the time (34 min. ago   41s).
        rest, time_text = _take_time(rest.strip())
    return SecondLine(rest.strip(" ·|•"), duration_text, seconds, time_text)


def _take_time(rest: str) -> tuple[str, str | None]:
    """``rest`` without the time that ends it, and that time (None when none does)."""
    if not rest:
        return rest, None
    split = split_trailing_time(rest) or split_glued_time(rest)
    if split is not None:
        return split[0].strip(), split[1]
    if _is_time(rest):
        return "", rest
    return rest, None


def _is_time(text: str) -> bool:
    from ocr.times import is_time_text

    return is_time_text(text)


def format_duration_zh(h: int, mi: int, sec: int, has_h: bool, has_m: bool) -> str:
    """``1分23秒`` as the phone prints it (an hour shows its minutes even when 0)."""
    out = f"{h}小时" if has_h else ""
    if has_m or has_h:
        out += f"{mi}分"
    return out + f"{sec}秒"


def is_label(text: str) -> bool:
    """Whether ``text`` is a secondary label alone (no party's name or number in it)."""
    s = " ".join(text.split())
    if not s or re.search(r"\d{5}", s):
        return False
    return LABEL.fullmatch(s) is not None or LABEL.fullmatch(s.replace(" ", "")) is not None


# A label beside the name stands apart from it: a wide blank, as between name and time.
_BESIDE_GAP = 1.2


def beside_name(first: list[Segment], name_segs: list[Segment],
                time_segs: list[Segment]) -> tuple[list[Segment], tuple[str, ...]]:
    """The name's segments without the labels printed beside it, and those labels in reading order.

    ``first`` is the row's first line, ``name_segs`` and ``time_segs`` what
    ``row_text.name_and_time`` made of it. A trailing piece of the name after
    a wide blank that reads as a label alone (``HD``, ``骚扰电话``, ``SIM 1``)
    is a label, never part of the sender; the first piece always stays the
    name (``中国移动`` is a party). Pieces the name and the time left over that
    read as labels are labels too; other leftovers (a chevron, an info icon)
    are icons, not text.
    """
    names = list(name_segs)
    moved: list[Segment] = []
    while (len(names) > 1 and is_label(names[-1].text)
           and names[-1].x0 - names[-2].x1 > _BESIDE_GAP * max(names[-1].h, names[-2].h)):
        moved.insert(0, names.pop())
    ids = {id(s) for s in first}
    if all(id(s) in ids for s in name_segs):  # not a name split off a glued time
        used = {id(s) for s in name_segs + time_segs}
        moved += [s for s in first if id(s) not in used and s.text and is_label(s.text)]
    moved.sort(key=lambda s: s.x0)
    return names, tuple(" ".join(s.text.split()) for s in moved)


def label_of(text: str) -> tuple[str, ...]:
    """A secondary line's label as one entry (blanks tidied), or none when nothing is left.

    The direction arrow in front of the line is often read with it as a
    stray glyph or two (``人内蒙古呼和浩特联通``, ``Z四川成都联通``,
    ``九重庆``, ``/广东深圳移动``): punctuation there is dropped, and so is
    a glyph without a digit when a place, a mark or a badge starts right
    after it. Two glyphs go only when the whole is no label as read (so
    ``疑似诈骗`` keeps its 疑似). Anything else is kept as read.
    """
    s = " ".join(text.split()).strip(_EDGE_PUNCT + " ")
    s = re.sub(r"^[^\w\u3400-\u9fff]+", "", s).strip()
    for n in range(1, _ICON_GLYPHS + 1):
        glyphs, rest = s[:n], s[n:]
        if re.search(r"[\d\s]", glyphs) or not _KNOWN_START.match(rest) or not is_labels(rest):
            continue
        if n == 1 or not is_labels(s):
            s = rest.strip()
            break
    return (s,) if s else ()


# How many characters a direction arrow is read as, at most (人, 九, 人性).
_ICON_GLYPHS = 2
# What a label starts with when it is one: a place, a mark, a kind of call, a badge.
_KNOWN_START = re.compile(rf"(?:{_PLACES}|{_MARKS}|疑似|标记|被\d|{_KINDS}|{_EN_MARKS}|{_EXTRA})", re.IGNORECASE)
_LABEL_RUN = re.compile(rf"(?:{LABEL.pattern})(?:[\s·|•]*(?:{LABEL.pattern}))*", re.IGNORECASE)


def is_labels(text: str) -> bool:
    """Whether ``text`` is one or more labels side by side (``HD 卡1``, ``骚扰电话 | 浙江杭州``)."""
    s = " ".join(text.split())
    return bool(s) and not re.search(r"\d{5}", s) and _LABEL_RUN.fullmatch(s) is not None


# The kind of call written out beside the number (ColorOS, OriginOS and
# English dialers print it): it says the direction in words, above any icon.
# A label starts with it; the number or place printed after it may be read
# into the same label (Incoming 184 8587 2048, 呼入广东深圳移动).
_NAMED_DIRECTION = {
    Direction.MISSED: re.compile(r"^(?:未接|响一声|Missed)(?![A-Za-z])", re.IGNORECASE),
    Direction.INCOMING: re.compile(r"^(?:呼入|已接|来电|Incoming)(?![A-Za-z])", re.IGNORECASE),
    Direction.OUTGOING: re.compile(r"^(?:呼出|已拨|去电|Outgoing)(?![A-Za-z])", re.IGNORECASE),
}


def named_direction(labels: tuple[str, ...]) -> Direction | None:
    """The direction a row's labels say in words (呼入, Outgoing …), if one does."""
    for label in labels:
        for direction, words in _NAMED_DIRECTION.items():
            if words.match(label.strip()):
                return direction
    return None
