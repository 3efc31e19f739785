"""Merging overlapping screenshots: which readings are one bubble.

A merge needs the overlap structure — a run of consecutive bubbles shared by
two screenshots at their touching edges — with agreeing kinds, senders, times
and texts; see ``casefile.timeline`` for why each condition is there.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from casefile.screen_items import _Item
from casefile.text_compare import MERGE_SIMILARITY, levenshtein, similarity

# Similarity thresholds (1 - Levenshtein / length of the longer normalised text).
SINGLE_SIMILARITY = 0.9  # a lone shared bubble at the touching edges needs more
HOLE_SIMILARITY = 0.4  # a badly read bubble inside a run of agreeing ones
MAX_HOLES = 2  # badly read bubbles in a row a run may bridge
PARTIAL_MIN_CHARS = 4  # a cut-off fragment shorter than this says nothing
KEY_CHARS = 8  # prefix/suffix blocking keys
MAX_BUCKET = 200  # larger candidate buckets are paired only between nearby screenshots
BUCKET_WINDOW = 12  # ... this many screenshots apart in capture order

_MATCH, _WEAK, _NO = 2, 1, 0
_Compare = Callable[[int, int, int, int], tuple[int, float]]

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
