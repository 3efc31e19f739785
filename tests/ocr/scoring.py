"""The corpus scorer's matching and metrics, inside the test tree (no ``../shared`` needed).

Same semantics as ``corpus/score.py`` (SCHEMA.md, "Scoring"): texts normalised
(NFKC, CJK marks folded, white space and a trailing ellipsis dropped),
messages matched one-to-one in screen order by text similarity ≥ 0.5 (the most
matches, then the highest summed similarity; call-log rows on sender + text),
then recall, precision, CER over gold characters, sender / time / date /
direction accuracy over gold messages, captured_at / layout / title accuracy
over images. ``tests/ocr/skins/test_scorer_matches_score_py.py`` checks that both agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

LAYOUTS = ("sms_thread", "sms_inbox", "chat_thread", "call_log")
MATCH_THRESHOLD = 0.5  # a predicted message matches a gold one at ≥ 50 % text similarity (SCHEMA.md)

_PUNCT = str.maketrans({
    "。": ".", "｡": ".", "、": ",", "､": ",", "【": "[", "】": "]", "〔": "[", "〕": "]",
    "〖": "[", "〗": "]", "「": '"', "」": '"', "『": '"', "』": '"', "“": '"', "”": '"',
    "‘": "'", "’": "'", "《": "<", "》": ">", "〈": "<", "〉": ">", "—": "-", "–": "-",
    "―": "-", "‐": "-", "−": "-", "～": "~", "〜": "~", "·": ".", "・": ".", "•": ".",
})
_TRAILING_ELLIPSIS = re.compile(r"(?:\.{2,}|…)+$")
_TIME = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?")
_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")

COUNTERS = ("images", "gold", "pred", "matched", "sender_ok", "time_ok", "dir_ok", "cer_err", "cer_chars",
            "captured_ok", "layout_ok", "title_ok", "missing_pred", "date_ok")


def norm_text(s: object) -> str:
    if s is None:
        return ""
    t = unicodedata.normalize("NFKC", str(s)).translate(_PUNCT)
    t = "".join(t.split())
    return _TRAILING_ELLIPSIS.sub("", t)


def norm_sender(s: object) -> str | None:
    if s is None:
        return None
    t = norm_text(s).replace("-", "")
    if re.fullmatch(r"[\d()+]+", t):
        t = t.replace("(", "").replace(")", "")
    t = re.sub(r"^(?:\+86|0086|86)(?=1\d{10}$)", "", t)
    return t.casefold()


def norm_time(s: object, seconds: bool = False) -> str | None:
    if s is None or s == "":
        return None
    m = _TIME.match(str(s))
    if not m:
        return "invalid:" + str(s)
    y, mo, d, h, mi, sec = m.groups()
    out = f"{int(y):04d}-{int(mo):02d}-{int(d):02d}T{int(h):02d}:{int(mi):02d}"
    if seconds:
        out += f":{int(sec or 0):02d}"
    return out


def norm_date(s: object) -> str | None:
    if s is None or s == "":
        return None
    m = _DATE.match(str(s))
    if not m:
        return "invalid:" + str(s)
    y, mo, d = m.groups()
    return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"


def msg_date(msg: Mapping[str, Any]) -> str | None:
    """The message's ``date``; for a file written before the field existed, the day of its time."""
    if "date" in msg:
        return norm_date(msg.get("date"))
    t = norm_time(msg.get("time"))
    if t is None or t.startswith("invalid:"):
        return t
    return t[:10]


def levenshtein(a: str, b: str) -> int:
    """Edit distance (two-row dynamic programming: the strings here are short)."""
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return len(a)
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return 1.0 - levenshtein(a, b) / max(len(a), len(b))


def match_key(msg: Mapping[str, Any], layout: str | None) -> str:
    t = norm_text(msg.get("text"))
    if layout == "call_log":
        return (norm_sender(msg.get("sender")) or "") + "|" + t
    return t


def align(gold_keys: list[str], pred_keys: list[str], threshold: float = MATCH_THRESHOLD) -> list[tuple[int, int]]:
    """Order-preserving one-to-one matching: the most pairs, then the highest summed similarity."""
    n, m = len(gold_keys), len(pred_keys)
    if n == 0 or m == 0:
        return []
    sim = [[0.0] * m for _ in range(n)]
    for i, g in enumerate(gold_keys):
        for j, p in enumerate(pred_keys):
            lg, lp = len(g), len(p)
            if max(lg, lp) and min(lg, lp) / max(lg, lp) < threshold:
                continue
            sim[i][j] = similarity(g, p)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            v = max(best[i + 1][j], best[i][j + 1])
            if sim[i][j] >= threshold:
                v = max(v, 1.0 + sim[i][j] + best[i + 1][j + 1])  # a pair is worth ≥ 1: more pairs win
            best[i][j] = v
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        s = sim[i][j]
        if s >= threshold and abs(best[i][j] - (1.0 + s + best[i + 1][j + 1])) < 1e-9:
            pairs.append((i, j))
            i += 1
            j += 1
        elif abs(best[i][j] - best[i + 1][j]) < 1e-9:
            i += 1
        else:
            j += 1
    return pairs


def score_image(gold: Mapping[str, Any], pred: Mapping[str, Any] | None) -> dict[str, int]:
    """Counters for one image; ``pred`` None is a missing prediction (all missed)."""
    layout = gold.get("layout")
    gms = list(gold.get("messages") or [])
    pms = [p for p in ((pred or {}).get("messages") or []) if isinstance(p, dict)]
    pairs = align([match_key(g, layout) for g in gms], [match_key(p, layout) for p in pms])
    c = dict.fromkeys(COUNTERS, 0)
    c.update(images=1, gold=len(gms), pred=len(pms), matched=len(pairs), missing_pred=int(pred is None))
    matched = dict(pairs)
    for i, g in enumerate(gms):
        gt = norm_text(g.get("text"))
        c["cer_chars"] += len(gt)
        j = matched.get(i)
        if j is None:
            c["cer_err"] += len(gt)
            continue
        p = pms[j]
        c["cer_err"] += levenshtein(gt, norm_text(p.get("text")))
        c["sender_ok"] += int(norm_sender(g.get("sender")) == norm_sender(p.get("sender")))
        c["time_ok"] += int(norm_time(g.get("time")) == norm_time(p.get("time")))
        c["date_ok"] += int(msg_date(g) == msg_date(p))
        c["dir_ok"] += int((g.get("direction") or "") == (p.get("direction") or ""))
    if pred is not None:
        c["captured_ok"] = int(norm_time(gold.get("captured_at"), True) == norm_time(pred.get("captured_at"), True))
        c["layout_ok"] = int(layout == pred.get("layout"))
        c["title_ok"] = int(norm_sender(gold.get("thread_title")) == norm_sender(pred.get("thread_title")))
    return c


def summarise(c: Mapping[str, int]) -> dict[str, float]:
    def ratio(a: int, b: int, empty: float = 1.0) -> float:
        return a / b if b else empty

    return {
        "images": c["images"],
        "gold_messages": c["gold"],
        "pred_messages": c["pred"],
        "matched": c["matched"],
        "recall": ratio(c["matched"], c["gold"]),
        "precision": ratio(c["matched"], c["pred"], 1.0 if c["gold"] == 0 else 0.0),
        "cer": ratio(c["cer_err"], c["cer_chars"], 0.0),
        "gold_chars": c["cer_chars"],
        "char_errors": c["cer_err"],
        "sender_acc": ratio(c["sender_ok"], c["gold"]),
        "time_acc": ratio(c["time_ok"], c["gold"]),
        "date_acc": ratio(c["date_ok"], c["gold"]),
        "direction_acc": ratio(c["dir_ok"], c["gold"]),
        "captured_at_acc": ratio(c["captured_ok"], c["images"]),
        "layout_acc": ratio(c["layout_ok"], c["images"]),
        "thread_title_acc": ratio(c["title_ok"], c["images"]),
        "missing_predictions": c["missing_pred"],
    }


def score_pairs(pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any] | None]],
                group: str = "layout") -> dict[str, Any]:
    """Score (gold, prediction) pairs: ``overall``, ``by_layout`` (or by another key of gold/render).

    ``group`` is ``"layout"`` for score.py's table, or a key of the gold's
    ``render`` object (``"family"``) for figures per skin family.
    """
    totals: dict[str, dict[str, int]] = {"overall": dict.fromkeys(COUNTERS, 0)}
    for gold, pred in pairs:
        if "messages" not in gold:
            continue
        c = score_image(gold, pred)
        key = str(gold.get("layout", "?") if group == "layout" else (gold.get("render") or {}).get(group, "?"))
        for k in ("overall", key):
            t = totals.setdefault(k, dict.fromkeys(COUNTERS, 0))
            for name in COUNTERS:
                t[name] += c[name]
    groups = {k: summarise(v) for k, v in totals.items() if k != "overall"}
    order = [k for k in LAYOUTS if k in groups] + sorted(k for k in groups if k not in LAYOUTS)
    return {"overall": summarise(totals["overall"]), "by_" + group: {k: groups[k] for k in order}}


def format_table(res: Mapping[str, Any], group: str = "layout") -> str:
    cols = [("images", "imgs", "{:.0f}"), ("gold_messages", "gold", "{:.0f}"), ("pred_messages", "pred", "{:.0f}"),
            ("recall", "recall", "{:.3f}"), ("precision", "prec", "{:.3f}"), ("cer", "CER", "{:.3f}"),
            ("sender_acc", "sender", "{:.3f}"), ("time_acc", "time", "{:.3f}"), ("date_acc", "date", "{:.3f}"),
            ("direction_acc", "dir", "{:.3f}"), ("captured_at_acc", "capt_at", "{:.3f}"),
            ("layout_acc", "layout", "{:.3f}"), ("thread_title_acc", "title", "{:.3f}")]
    rows = [*res["by_" + group].items(), ("overall", res["overall"])]
    head = f"{group:<15}" + "".join(f"{h:>9}" for _, h, _ in cols)
    out = [head, "-" * len(head)]
    for name, r in rows:
        out.append(f"{name:<15}" + "".join(f"{fmt.format(r[k]):>9}" for k, _, fmt in cols))
    return "\n".join(out)
