"""One chronology across all screenshots: order, merge overlaps, filter.

Users scroll a thread and capture it again, so the same bubble is read from two
or three screenshots, each time with slightly different OCR noise. Counting it
three times would inflate the evidence (and a court that spots one inflated
count doubts every count), while merging a threat the collector really sent
again the next morning would hide harassment. So a merge needs the evidence a
person would use: same kind, direction and sender, times that agree, texts
that agree after normalisation (a cut-off bubble at the screen edge agrees with
the matching end of the full one), and above all the overlap structure — a run
of consecutive bubbles shared by two screenshots at their touching edges.
Two known times that differ are never merged; a misread time is fixed in
review, after which the copies merge.

Everything here is a pure function of the data passed in; the store is read by
the caller (``cli.cmd_timeline``, the GUI controller) so this module can be tested
and benchmarked without a case folder.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from functools import cached_property, lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from casefile.model import Message, Party, Screenshot, Tag, TagState, TimePrecision, precision_of
from casefile.parties import PartyIndex, normalise_sender
from ocr.model import ME, Direction, Kind, Layout, TimeSource

if TYPE_CHECKING:
    from casefile.counts import Counts

log = logging.getLogger(__name__)

# Similarity thresholds (1 - Levenshtein / length of the longer normalised text).
MERGE_SIMILARITY = 0.8  # two readings of one bubble
SINGLE_SIMILARITY = 0.9  # a lone shared bubble at the touching edges needs more
HOLE_SIMILARITY = 0.4  # a badly read bubble inside a run of agreeing ones
MAX_HOLES = 2  # badly read bubbles in a row a run may bridge
PARTIAL_MIN_CHARS = 4  # a cut-off fragment shorter than this says nothing
KEY_CHARS = 8  # prefix/suffix blocking keys
MAX_BUCKET = 200  # larger candidate buckets are paired only between nearby screenshots
BUCKET_WINDOW = 12  # ... this many screenshots apart in capture order

_REVERSE_LAYOUTS = frozenset({Layout.SMS_INBOX, Layout.CALL_LOG})  # newest row on top

_FOLD = str.maketrans(
    {
        "。": ".",
        "、": ",",
        "【": "[",
        "】": "]",
        "〔": "[",
        "〕": "]",
        "「": '"',
        "」": '"',
        "『": '"',
        "』": '"',
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "《": "<",
        "》": ">",
        "～": "~",
        "—": "-",
    }
)
_SPACE = re.compile(r"\s+")
_TRAILING_ELLIPSIS = re.compile(r"(?:…|\.{3})+$")


@lru_cache(maxsize=65536)
def normalise_text(text: str) -> str:
    """Text as compared: NFKC, case-folded, no white space, CJK punctuation folded.

    The same folding the corpus scorer uses, so "the same text" means the same
    thing here as in the OCR accuracy figures; a trailing ellipsis is an app's
    cut mark, not content.
    """
    t = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
    t = _SPACE.sub("", t)
    return _TRAILING_ELLIPSIS.sub("", t)


def levenshtein(a: str, b: str) -> int:
    """Edit distance, bit-parallel (Myers/Hyyrö) so merging 20,000 bubbles stays fast.

    Python's big integers let the pattern be any length; this is ~50x faster
    than the textbook table for message-sized strings.
    """
    if len(a) < len(b):
        a, b = b, a
    m = len(b)
    if m == 0:
        return len(a)
    peq: dict[str, int] = {}
    for i, ch in enumerate(b):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    mask = (1 << m) - 1
    last = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    for ch in a:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & last:
            score += 1
        elif mh & last:
            score -= 1
        ph = ((ph << 1) | 1) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
    return score


def similarity(a: str, b: str) -> float:
    """1 - distance / longer length on already normalised texts (1.0 for two empties)."""
    if a == b:
        return 1.0
    longer = max(len(a), len(b))
    if min(len(a), len(b)) / longer < MERGE_SIMILARITY * 0.5:
        return min(len(a), len(b)) / longer  # an upper bound, enough to say "no"
    return 1.0 - levenshtein(a, b) / longer


# -- the timeline -------------------------------------------------------------------------


_Date = date  # the entry field named ``date`` would shadow the type in its class body


def end_of_day(d: date) -> datetime:
    """Where a day-only item sorts: after every minute of its day (it is not claimed at any of them)."""
    return datetime.combine(d, time.max)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One event of the chronology: a message or call, however many screenshots show it.

    ``time`` is what the screenshots show (``None`` when none shows the minute);
    ``date`` the day they show (an inbox row with only 昨天 has a day, no minute);
    ``sort_time`` is only where an entry without a minute was placed — a day-only
    entry at the end of its day, after that day's timed items; an entry with
    neither after the last known time before it on its screenshot — and never a
    claimed time.
    ``sender`` is the normalised sender (``me`` for the user's own messages,
    ``""`` unread); ``party`` the counterparty: the user's party holding the
    sender, else the sender, and for the user's own messages the thread's
    other side, so filtering by party shows the whole conversation.
    """

    index: int
    time: datetime | None
    time_known: bool
    time_source: TimeSource | None
    sort_time: datetime | None
    sender: str
    party: str
    party_defined: bool
    kind: Kind
    direction: Direction
    text: str
    duration_s: int | None
    message_ids: tuple[int, ...]  # every reading, in screenshot order
    screenshot_ids: tuple[int, ...]
    primary_message_id: int  # the reading whose text is shown
    readings_differ: bool  # the merged readings' texts are not identical after normalisation
    received: bool  # contact the user received (see ``is_received``)
    tags: frozenset[str] = frozenset()  # effective: suggested or confirmed, not removed
    tag_states: Mapping[str, TagState] = field(default_factory=dict, compare=False)
    norm_text: str = field(default="", compare=False, repr=False)  # ``normalise_text(text)``
    search_text: str = field(default="", compare=False, repr=False)  # what free-text filtering searches
    date: _Date | None = None  # the day shown; ``time``'s day whenever there is a time

    @property
    def day(self) -> _Date | None:
        return self.time.date() if self.time is not None else self.date

    @property
    def precision(self) -> TimePrecision:
        return precision_of(self.time, self.day)

    @property
    def merged(self) -> bool:
        return len(self.message_ids) > 1


def is_received(kind: Kind, direction: Direction) -> bool:
    """Whether an item is contact *received*: what the harassment counts count.

    Incoming SMS and chat, and incoming or missed calls. The user's own replies
    and calls are part of the record (they show the user answered, asked them
    to stop, paid) but are not contact by the collector.
    """
    if kind == Kind.CALL:
        return direction in (Direction.INCOMING, Direction.MISSED)
    return direction == Direction.INCOMING


@dataclass(frozen=True)
class Timeline:
    """The ordered entries, with lookups the GUI and the dossier need."""

    entries: tuple[TimelineEntry, ...]
    message_count: int  # non-excluded messages that went in

    @cached_property
    def by_message_id(self) -> dict[int, TimelineEntry]:
        return {mid: e for e in self.entries for mid in e.message_ids}

    @cached_property
    def counts(self) -> Counts:
        from casefile.counts import count_entries  # counts builds on this module

        return count_entries(self.entries)

    @property
    def merged_count(self) -> int:
        """How many readings were folded into another (the duplicates removed)."""
        return self.message_count - len(self.entries)

    def entry_for_message(self, message_id: int) -> TimelineEntry | None:
        return self.by_message_id.get(message_id)

    def filter(self, f: TimelineFilter) -> list[TimelineEntry]:
        return filter_entries(self.entries, f)

    def with_tags(self, tags: Iterable[Tag]) -> Timeline:
        """The same chronology with fresh tag states, without merging again.

        Tagging changes often in review (one click); merging only when messages
        change, so the GUI can refresh tags cheaply.
        """
        states = _tag_states(tags)
        return Timeline(
            tuple(_with_states(e, states) for e in self.entries),
            self.message_count,
        )


# -- building ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Item:
    msg: Message
    sid: int
    shot_rank: int
    idx: int  # on-screen index
    n: int  # bubbles on its screenshot
    seq: int  # reading (chronological) index on its screenshot
    snippet: bool  # an inbox row: its text is a prefix of the message
    sender: str
    party: str
    party_defined: bool
    counterpart: str  # for "me": the thread's other side; else the sender
    norm: str
    lo: datetime | None = None  # bounds for an unknown time, from its neighbours
    hi: datetime | None = None
    anchor: tuple[datetime, int] | None = None  # (time, -1 before / +1 after) for placing
    next_dated: int | None = None  # on-screen index of the nearest dated bubble below / above
    prev_dated: int | None = None


_MATCH, _WEAK, _NO = 2, 1, 0
_Compare = Callable[[int, int, int, int], tuple[int, float]]


def build_timeline(
    messages: Iterable[Message],
    screenshots: Iterable[Screenshot] = (),
    *,
    parties: Iterable[Party] = (),
    tags: Iterable[Tag] = (),
    merge: bool = True,
) -> Timeline:
    """Every non-excluded message once, in time order, overlaps merged.

    Ties are broken by the screenshot's capture time, its id and the position
    on screen, so the order is the same on every run: the dossier numbers
    entries and a court copy must match the user's copy.
    """
    shots = sorted(screenshots, key=_shot_key)
    shot_by_id = {s.id: s for s in shots}
    msgs = [m for m in messages if not m.excluded]
    unknown_ids = sorted({m.screenshot_id for m in msgs} - shot_by_id.keys())
    rank = {s.id: r for r, s in enumerate(shots)}
    for sid in unknown_ids:
        rank[sid] = len(rank)
    index = PartyIndex.build(parties)

    per_shot: dict[int, list[Message]] = defaultdict(list)
    for m in msgs:
        per_shot[m.screenshot_id].append(m)
    items: list[_Item] = []
    by_shot: dict[int, list[_Item]] = {}
    for sid in sorted(per_shot, key=rank.__getitem__):
        shot_items = _shot_items(per_shot[sid], shot_by_id.get(sid), rank[sid], index)
        by_shot[sid] = shot_items
        items.extend(shot_items)

    groups = _merge(items, by_shot) if merge else [[it] for it in items]
    states = _tag_states(tags)
    keyed = sorted(((_group_key(g), g) for g in groups), key=lambda kg: kg[0])
    entries = tuple(_entry(i, g, k, states) for i, (k, g) in enumerate(keyed))
    log.info("timeline: %d messages, %d entries, %d screenshots", len(msgs), len(entries), len(by_shot))
    return Timeline(entries, len(msgs))


def _shot_key(s: Screenshot) -> tuple[bool, datetime, int]:
    return (s.captured_at is None, s.captured_at or datetime.min, s.id)


def _shot_items(msgs: list[Message], shot: Screenshot | None, rank: int, index: PartyIndex) -> list[_Item]:
    """A screenshot's bubbles with what merging and placing need, computed once."""
    msgs = sorted(msgs, key=lambda m: (m.position, m.id))
    n = len(msgs)
    layout = shot.layout if shot else None
    reverse = layout in _REVERSE_LAYOUTS if layout else _looks_newest_first(msgs)
    title = normalise_sender(shot.thread_title) if shot and shot.thread_title else ""
    items = []
    for i, m in enumerate(msgs):
        sender = normalise_sender(m.sender)
        if sender in ("", ME) and title:
            party, defined = index.party_of(title)
            counterpart = title
        elif sender:
            party, defined = index.party_of(sender)
            counterpart = sender
        else:
            party, defined, counterpart = "", False, ""
        items.append(
            _Item(
                msg=m,
                sid=m.screenshot_id,
                shot_rank=rank,
                idx=i,
                n=n,
                seq=n - 1 - i if reverse else i,
                snippet=layout == Layout.SMS_INBOX,
                sender=sender,
                party=party,
                party_defined=defined,
                counterpart=counterpart,
                norm=normalise_text(m.text),
            )
        )
    last: int | None = None
    for it in items:
        it.prev_dated = last
        if it.msg.time is not None:
            last = it.idx
    last = None
    for it in reversed(items):
        it.next_dated = last
        if it.msg.time is not None:
            last = it.idx
    reading = sorted(items, key=lambda it: it.seq)
    cap = shot.captured_at.replace(second=0, microsecond=0) if shot and shot.captured_at else None
    prev: datetime | None = None
    for it in reading:
        if it.msg.time is not None:
            prev = it.msg.time
        else:
            it.lo = prev
    nxt: datetime | None = None
    for it in reversed(reading):
        if it.msg.time is not None:
            nxt = it.msg.time
        else:
            it.hi = nxt if nxt is not None else cap
            day = it.msg.day
            if day is not None:
                # The screen shows the day: the item is on it, whatever its neighbours say,
                # after that day's timed items (SCHEMA; issue 12).
                start, end = datetime.combine(day, time.min), end_of_day(day)
                lo = max(it.lo, start) if it.lo is not None else start
                hi = min(it.hi, end) if it.hi is not None else end
                it.lo, it.hi = (lo, hi) if lo <= hi else (start, end)
                it.anchor = (end, 2)
            elif it.lo is not None:
                it.anchor = (it.lo, 1)
            elif nxt is not None:
                it.anchor = (nxt, -1)
            elif cap is not None:
                it.anchor = (cap, 1)
    return items


def _looks_newest_first(msgs: list[Message]) -> bool:
    """For a screenshot of unknown layout: do its known times run downwards?"""
    times = [m.time for m in msgs if m.time is not None]
    down = sum(1 for a, b in pairwise(times) if b < a)
    up = sum(1 for a, b in pairwise(times) if b > a)
    return down > up


# -- merging -------------------------------------------------------------------------------


def _times_compatible(a: _Item, b: _Item) -> bool:
    ta, tb = a.msg.time, b.msg.time
    if ta is not None and tb is not None:
        return ta == tb
    if ta is not None:
        return _within(ta, b.lo, b.hi)
    if tb is not None:
        return _within(tb, a.lo, a.hi)
    return (a.lo is None or b.hi is None or a.lo <= b.hi) and (b.lo is None or a.hi is None or b.lo <= a.hi)


def _within(t: datetime, lo: datetime | None, hi: datetime | None) -> bool:
    return (lo is None or lo <= t) and (hi is None or t <= hi)


def _text_similarity(a: _Item, b: _Item, memo: dict[tuple[str, str], float]) -> float:
    x, y = a.norm, b.norm
    if x == y:
        return 1.0
    if not x or not y:
        return 0.0
    full = memo.get((x, y))
    if full is None:  # collectors repeat templates: the same two texts meet again and again
        full = memo[(x, y)] = similarity(x, y)
    if full >= MERGE_SIMILARITY:
        return full
    short, long_ = (a, b) if len(x) <= len(y) else (b, a)
    s, t = short.norm, long_.norm
    if len(s) < PARTIAL_MIN_CHARS:
        return full
    best = full
    # A bubble cut at the bottom edge (or an inbox snippet) shows its beginning;
    # one cut at the top edge shows its end.
    if short.idx == short.n - 1 or short.snippet:
        best = max(best, 1.0 - levenshtein(s, t[: len(s)]) / len(s))
    if short.idx == 0:
        best = max(best, 1.0 - levenshtein(s, t[-len(s) :]) / len(s))
    return best


def _compare(a: _Item, b: _Item, memo: dict[tuple[str, str], float]) -> tuple[int, float]:
    ma, mb = a.msg, b.msg
    if ma.kind != mb.kind or ma.direction != mb.direction or a.sender != b.sender:
        return _NO, 0.0
    if a.counterpart != b.counterpart and a.counterpart and b.counterpart:
        return _NO, 0.0
    if not _times_compatible(a, b):
        return _NO, 0.0
    sim = _text_similarity(a, b, memo)
    if sim >= MERGE_SIMILARITY:
        return _MATCH, sim
    if sim >= HOLE_SIMILARITY:
        return _WEAK, sim
    return _NO, sim


def _keys(it: _Item) -> list[tuple[object, ...]]:
    """Blocking keys: only bubbles sharing one are compared as a run's seed."""
    base = (it.msg.kind, it.msg.direction, it.sender)
    keys: list[tuple[object, ...]] = [("x", *base, it.norm)]
    if it.msg.time is not None:
        keys.append(("t", *base, it.msg.time))
    if len(it.norm) >= KEY_CHARS:
        keys.append(("p", *base, it.norm[:KEY_CHARS]))
        keys.append(("s", *base, it.norm[-KEY_CHARS:]))
    return keys


@dataclass(slots=True)
class _Run:
    a: int  # screenshot ids (a before b in capture order)
    b: int
    pairs: list[tuple[int, int, int, float]]  # (i in a, j in b, status, similarity)

    @property
    def matches(self) -> int:
        return sum(1 for p in self.pairs if p[2] == _MATCH)


def _merge(items: list[_Item], by_shot: dict[int, list[_Item]]) -> list[list[_Item]]:
    """Groups of readings of one bubble; singletons for everything else."""
    buckets: dict[tuple[object, ...], list[_Item]] = defaultdict(list)
    for it in items:
        for k in _keys(it):
            buckets[k].append(it)

    rank_of = {sid: shot_items[0].shot_rank for sid, shot_items in by_shot.items() if shot_items}

    def seed(sx: int, ix: int, sy: int, iy: int) -> tuple[int, int, int, int]:
        """(earlier screenshot, later screenshot, index in earlier, index in later)."""
        return (sx, sy, ix, iy) if rank_of[sx] < rank_of[sy] else (sy, sx, iy, ix)

    seeds: set[tuple[int, int, int, int]] = set()
    undated: set[tuple[int, int, int, int]] = set()  # (undated sid, idx, dated sid, idx)
    for bkey, members in buckets.items():
        if len(members) < 2:
            continue
        for x, y in _bucket_pairs(members, dated=bkey[0] == "t", same_text=bkey[0] in ("x", "t")):
            if x.sid == y.sid:
                continue
            if x.msg.time is None and y.msg.time is not None:
                undated.add((x.sid, x.idx, y.sid, y.idx))
            elif y.msg.time is None and x.msg.time is not None:
                undated.add((y.sid, y.idx, x.sid, x.idx))
            else:
                seeds.add(seed(x.sid, x.idx, y.sid, y.idx))
    for us, ui, ks, ki in undated:  # deduplicated first: the feasibility test is the costly part
        u_items, k_items = by_shot[us], by_shot[ks]
        if _can_be_accepted(u_items[ui], k_items[ki], u_items, k_items):
            seeds.add(seed(us, ui, ks, ki))

    cache: dict[tuple[int, int, int, int], tuple[int, float]] = {}
    memo: dict[tuple[str, str], float] = {}

    def compare(sa: int, sb: int, i: int, j: int) -> tuple[int, float]:
        key = (sa, sb, i, j)
        r = cache.get(key)
        if r is None:
            r = _compare(by_shot[sa][i], by_shot[sb][j], memo)
            cache[key] = r
        return r

    visited: set[tuple[int, int, int, int]] = set()
    runs: dict[tuple[int, int], list[_Run]] = defaultdict(list)
    for sa, sb, i, j in sorted(seeds):
        if (sa, sb, i, j) in visited:
            continue
        status, sim = compare(sa, sb, i, j)
        if status != _MATCH:
            continue
        run = _grow(sa, sb, i, j, sim, len(by_shot[sa]), len(by_shot[sb]), compare)
        for pi, pj, _, _ in run.pairs:
            visited.add((sa, sb, pi, pj))
        runs[(sa, sb)].append(run)

    chosen: list[tuple[tuple[int, int, float, int, int, int, int], _Run]] = []
    for (sa, sb), shot_runs in sorted(runs.items()):
        a_items, b_items = by_shot[sa], by_shot[sb]
        ranked = sorted(
            ((_strength(r, a_items, b_items), r) for r in shot_runs if _accept(r, a_items, b_items)),
            key=lambda kr: kr[0],
        )
        used_a: set[int] = set()
        used_b: set[int] = set()
        for key, r in ranked:
            if any(p[0] in used_a or p[1] in used_b for p in r.pairs):
                continue
            used_a.update(p[0] for p in r.pairs)
            used_b.update(p[1] for p in r.pairs)
            chosen.append((key, r))
    # Strongest evidence first across all screenshot pairs: where a weak run (a
    # repeated template at the touching edges) and a strong one (a long shared
    # run, or equal known minutes) claim the same bubble, the strong one joins
    # first and the union refuses the weak one.
    chosen.sort(key=lambda kr: kr[0])
    links = [(by_shot[r.a][pi], by_shot[r.b][pj]) for _, r in chosen for pi, pj, _, _ in r.pairs]
    return _union(items, links)


def _strength(run: _Run, a_items: list[_Item], b_items: list[_Item]) -> tuple[int, int, float, int, int, int, int]:
    """Sort key, strongest first: pairs with the same known minute, then matches, then similarity."""
    dated = sum(1 for p in run.pairs if a_items[p[0]].msg.time is not None and b_items[p[1]].msg.time is not None)
    first = run.pairs[0]
    return (-dated, -run.matches, -sum(p[3] for p in run.pairs), run.a, run.b, first[0], first[1])


def _can_be_accepted(u: _Item, k: _Item, u_items: list[_Item], k_items: list[_Item]) -> bool:
    """Could a run through undated ``u`` and dated ``k`` ever pass ``_accept``? (cheap, no text)

    A template the collector sends daily meets every earlier copy of itself;
    almost none of those seeds can grow into an accepted run, and growing
    them is most of the cost. A run is accepted when it reaches two pairs
    with the same known minute, or touches screen edges at both ends. Going
    down from ``u``, the run meets ``u``'s next dated bubble; if the bubble
    facing it has another minute, the run stops there, so it neither reaches
    an edge below (unless that is within one bubble of an end) nor a dated
    pair; then only dated pairs above ``u`` can still save it.
    """
    f = u.next_dated
    if f is None:
        return True
    kf = k.idx + (f - u.idx)
    if kf >= len(k_items) - 1 or f >= len(u_items) - 1:
        return True
    facing = k_items[kf].msg.time
    if facing is None or facing == u_items[f].msg.time:  # an undated bubble may still agree
        return True
    b = u.prev_dated
    if b is None:
        return False
    kb = k.idx - (u.idx - b)
    if kb < 0:
        return False
    facing = k_items[kb].msg.time
    return facing is None or facing == u_items[b].msg.time


def _bucket_pairs(members: list[_Item], *, dated: bool, same_text: bool) -> Iterable[tuple[_Item, _Item]]:
    """The pairs of a bucket worth a look: only those whose times can agree.

    ``dated``: also pair readings with the same known minute (only the time
    bucket needs to: it holds every such pair). ``same_text``: also pair
    readings whose normalised texts are equal (the prefix and suffix buckets
    leave those to the exact-text bucket).

    A template sent every day fills a bucket with hundreds of readings at
    different known minutes; none of them can pair, so they are never paired.
    Readings without a time pair with the known minutes inside their bounds.
    Whatever is still too big (rows of identical missed calls without times)
    is paired only between screenshots taken near each other, since users
    capture one scroll session in a row.
    """
    known: dict[datetime, list[_Item]] = defaultdict(list)
    unknown: list[_Item] = []
    for it in members:
        if it.msg.time is None:
            unknown.append(it)
        else:
            known[it.msg.time].append(it)
    if dated:
        for group in known.values():
            if len(group) > 1:
                yield from _all_pairs(group)
    if not unknown:
        return
    times = sorted(known)
    for u in unknown:
        lo = bisect_left(times, u.lo) if u.lo is not None else 0
        hi = bisect_right(times, u.hi) if u.hi is not None else len(times)
        candidates = [k for t in times[lo:hi] for k in known[t]]
        if len(candidates) > MAX_BUCKET:
            candidates = [k for k in candidates if abs(k.shot_rank - u.shot_rank) <= BUCKET_WINDOW]
        for k in candidates:
            if same_text or k.norm != u.norm:
                yield u, k
    if len(unknown) > 1:
        for x, y in _all_pairs(unknown):
            if same_text or x.norm != y.norm:
                yield x, y


def _all_pairs(members: list[_Item]) -> Iterable[tuple[_Item, _Item]]:
    if len(members) <= MAX_BUCKET:
        for x_i, x in enumerate(members):
            for y in members[x_i + 1 :]:
                yield x, y
        return
    ordered = sorted(members, key=lambda it: (it.shot_rank, it.idx))
    for x_i, x in enumerate(ordered):
        for y in ordered[x_i + 1 :]:
            if y.shot_rank - x.shot_rank > BUCKET_WINDOW:
                break
            yield x, y


def _grow(
    sa: int,
    sb: int,
    i: int,
    j: int,
    sim: float,
    len_a: int,
    len_b: int,
    compare: _Compare,
) -> _Run:
    """The run of agreeing bubbles around a seed, along one diagonal (same offset).

    Up to ``MAX_HOLES`` badly read bubbles in a row are kept when agreeing ones
    follow, and at the end of a run when they reach the screen's edge: inside
    an overlap, a garbled reading is still the bubble at that place.
    """
    pairs = [(i, j, _MATCH, sim)]
    for step in (-1, 1):
        k = 1
        pending: list[tuple[int, int, int, float]] = []
        while True:
            pi, pj = i + step * k, j + step * k
            if not (0 <= pi < len_a and 0 <= pj < len_b):
                pairs.extend(pending)  # the holes reach the edge
                break
            status, s = compare(sa, sb, pi, pj)
            if status == _MATCH:
                pairs.extend(pending)
                pending = []
                pairs.append((pi, pj, status, s))
            elif status == _WEAK and len(pending) < MAX_HOLES:
                pending.append((pi, pj, status, s))
            else:
                break
            k += 1
    pairs.sort()
    return _Run(sa, sb, pairs)


def _accept(run: _Run, a_items: list[_Item], b_items: list[_Item]) -> bool:
    """Is this run one bubble sequence seen twice, rather than a repeat?

    Accepted when every pair has the same known minute (the same sender said
    the same thing at the same minute: one message, wherever it appears), or
    at least two pairs do (a shared sequence pinned by its minutes), or
    when the run sits where an overlap must: at the bottom of one screenshot
    and the top of the other, or covering a whole screenshot. A single shared
    bubble at the edges must agree more closely and have text.
    """
    pairs = run.pairs
    dated = sum(1 for p in pairs if a_items[p[0]].msg.time is not None and b_items[p[1]].msg.time is not None)
    if dated == len(pairs) or dated >= 2:
        return True
    i0, i1 = pairs[0][0], pairs[-1][0]
    j0, j1 = pairs[0][1], pairs[-1][1]
    la, lb = len(a_items), len(b_items)
    m = run.matches
    slack = 1 if m >= 2 else 0
    edge = (
        (i1 >= la - 1 - slack and j0 <= slack)
        or (j1 >= lb - 1 - slack and i0 <= slack)
        or (i0 <= slack and i1 >= la - 1 - slack)
        or (j0 <= slack and j1 >= lb - 1 - slack)
    )
    if not edge:
        return False
    if m >= 2:
        return True
    p = pairs[0]
    return bool(a_items[p[0]].norm) and p[3] >= SINGLE_SIMILARITY


def _union(items: list[_Item], links: list[tuple[_Item, _Item]]) -> list[list[_Item]]:
    """Join linked readings, refusing a join that would put two bubbles of one
    screenshot, or two different known times, into one entry (a chain of
    pairwise-plausible links can still be wrong as a whole)."""
    pos = {id(it): k for k, it in enumerate(items)}
    parent = list(range(len(items)))
    shots: list[set[int]] = [{it.msg.screenshot_id} for it in items]
    times: list[datetime | None] = [it.msg.time for it in items]
    days: list[date | None] = [it.msg.day for it in items]

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for x, y in links:  # in the caller's order: strongest evidence first
        rx, ry = find(pos[id(x)]), find(pos[id(y)])
        if rx == ry or shots[rx] & shots[ry]:
            continue
        tx, ty = times[rx], times[ry]
        if tx is not None and ty is not None and tx != ty:
            continue
        dx, dy = days[rx], days[ry]
        if dx is not None and dy is not None and dx != dy:
            continue
        if ry < rx:
            rx, ry = ry, rx
        parent[ry] = rx
        shots[rx] |= shots[ry]
        times[rx] = tx if tx is not None else ty
        days[rx] = dx if dx is not None else dy

    groups: dict[int, list[_Item]] = defaultdict(list)
    for k, it in enumerate(items):
        groups[find(k)].append(it)
    return list(groups.values())


# -- ordering and entries --------------------------------------------------------------------

_LATEST = datetime.max


def _group_key(g: list[_Item]) -> tuple[datetime, int, int, int, int]:
    first = g[0]  # items are in screenshot order, so this is the earliest capture
    known = next((it.msg.time for it in g if it.msg.time is not None), None)
    if known is not None:
        return (known, 0, first.shot_rank, first.seq, first.msg.id)
    anchored = next((it for it in g if it.anchor is not None), None)
    if anchored is not None and anchored.anchor is not None:
        t, phase = anchored.anchor
        return (t, phase, anchored.shot_rank, anchored.seq, anchored.msg.id)
    return (_LATEST, 0, first.shot_rank, first.seq, first.msg.id)


def _primary(g: list[_Item]) -> _Item:
    """The reading shown: the user's own wording first, then the fullest text.

    A cut-off bubble is shorter than a full one; among equals the most
    confident reading, then the earliest screenshot.
    """
    return min(
        g,
        key=lambda it: (
            "text" not in it.msg.corrected and it.msg.ocr is not None,
            -len(it.norm),
            -it.msg.confidence,
            it.shot_rank,
            it.idx,
        ),
    )


def _entry(index: int, g: list[_Item], key: tuple[datetime, int, int, int, int], states: _States) -> TimelineEntry:
    if len(g) == 1:  # most entries: skip the choosing
        p = g[0]
        timed: _Item | None = p if p.msg.time is not None else None
        mids: tuple[int, ...] = (p.msg.id,)
        sids: tuple[int, ...] = (p.sid,)
        duration = p.msg.duration_s
    else:
        p = _primary(g)
        timed = next((it for it in g if it.msg.time is not None), None)
        mids = tuple(it.msg.id for it in g)
        sids = tuple(dict.fromkeys(it.sid for it in g))
        duration = next((it.msg.duration_s for it in g if it.msg.duration_s is not None), None)
    kind, direction = p.msg.kind, p.msg.direction
    day = timed.msg.day if timed else next((it.msg.day for it in g if it.msg.day is not None), None)
    e = TimelineEntry(
        index=index,
        time=timed.msg.time if timed else None,
        time_known=timed is not None,
        time_source=timed.msg.time_source if timed else None,
        sort_time=None if key[0] == _LATEST else key[0],
        sender=p.sender,
        party=p.party,
        party_defined=p.party_defined,
        kind=kind,
        direction=direction,
        text=p.msg.text,
        duration_s=duration,
        message_ids=mids,
        screenshot_ids=sids,
        primary_message_id=p.msg.id,
        readings_differ=len(g) > 1 and len({it.norm for it in g}) > 1,
        received=is_received(kind, direction),
        norm_text=p.norm,
        search_text="\x00".join((p.norm, p.sender.casefold(), p.party.casefold(), p.counterpart.casefold())),
        date=day,
    )
    return _with_states(e, states) if states else e


# -- tags on entries ---------------------------------------------------------------------------

_States = dict[int, dict[str, Tag]]


def _tag_states(tags: Iterable[Tag]) -> _States:
    out: _States = defaultdict(dict)
    for t in tags:
        out[t.message_id][t.tag] = t
    return out


def _with_states(e: TimelineEntry, states: _States) -> TimelineEntry:
    """An entry's tags: the union over its readings, where a person's decision wins.

    Among the user's decisions (confirmed / removed) on any reading the latest
    one counts; a rule's suggestion counts only where the user said nothing, so
    a tag removed on one reading stays removed for the entry.
    """
    merged: dict[str, TagState] = {}
    decided: dict[str, Tag] = {}
    for mid in e.message_ids:
        own = states.get(mid)
        if not own:
            continue
        for name, t in own.items():
            if t.state == TagState.SUGGESTED:
                merged.setdefault(name, TagState.SUGGESTED)
            else:
                prev = decided.get(name)
                if prev is None or t.at >= prev.at:
                    decided[name] = t
    for name, t in decided.items():
        merged[name] = t.state
    if not merged and not e.tags:
        return e
    effective = frozenset(n for n, s in merged.items() if s != TagState.REMOVED)
    return replace(e, tags=effective, tag_states=dict(sorted(merged.items())))


# -- filtering ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineFilter:
    """What the timeline view and the dossier narrow the chronology to.

    Empty sets mean "any". ``parties`` matches an entry's party or its sender,
    as typed (normalised like senders); ``tags`` matches any of the tags; a date
    range keeps day-only entries on their day and drops entries without a day
    unless ``undated_in_range``; ``text`` is a
    normalised substring of the text, sender or party.
    """

    parties: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    kinds: frozenset[Kind] = frozenset()
    directions: frozenset[Direction] = frozenset()
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""
    received_only: bool = False
    undated_in_range: bool = False


def filter_entries(entries: Sequence[TimelineEntry], f: TimelineFilter) -> list[TimelineEntry]:
    """The entries passing every condition of ``f``, in timeline order.

    One pass with the cheap tests first; the view re-filters on each keystroke
    over up to 20,000 entries, so nothing here may be worse than linear.
    """
    wanted = frozenset(f.parties) | frozenset(normalise_sender(p) for p in f.parties)
    needle = normalise_text(f.text)
    ranged = f.date_from is not None or f.date_to is not None
    out: list[TimelineEntry] = []
    append = out.append
    for e in entries:
        if f.received_only and not e.received:
            continue
        if f.kinds and e.kind not in f.kinds:
            continue
        if f.directions and e.direction not in f.directions:
            continue
        if wanted and e.party not in wanted and e.sender not in wanted:
            continue
        if f.tags and f.tags.isdisjoint(e.tags):
            continue
        if ranged:
            d = e.day
            if d is None:
                if not f.undated_in_range:
                    continue
            else:
                if (f.date_from is not None and d < f.date_from) or (f.date_to is not None and d > f.date_to):
                    continue
        if needle and needle not in e.search_text:
            continue
        append(e)
    return out
