"""Tag rule quality on the labelled message set: precision and recall per tag and per rule.

Run: .venv/bin/python -m benchmarks.bench_tags [RULES.json]
The labelled set (tests/data/tags/labelled_messages.json) holds every distinct
message text of ../shared/corpus/dev and ../shared/realworld with the content
tags a careful reader gives it (who labelled it and how: README.md beside it).
Each text goes through ``suggest_tags`` as a one-message case with its own
sender, direction and kind, so the figures are those of the real pipeline.

Targets: precision >= 0.95 and recall >= 0.90 for every content tag, and no
content tag on any everyday realworld chat. Pass an older rules file to get the
"before" figures of a change (``git show REV:resources/rules/tags.json > old.json``).
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from casefile.model import Message, Origin
from casefile.tagging import RuleSet, load_rules, suggest_tags
from ocr.model import Direction, Kind

LABELLED = Path(__file__).resolve().parent.parent / "tests" / "data" / "tags" / "labelled_messages.json"
PRECISION_TARGET = 0.95  # a suggested tag the user has to remove costs trust; one in twenty at most
RECALL_TARGET = 0.90  # a missed tag the user must find by reading: one in ten at most


@dataclass(frozen=True, slots=True)
class LabelledMessage:
    text: str
    kind: Kind
    direction: Direction
    sender: str
    set: str  # "corpus/dev", "realworld" or "both"
    tags: frozenset[str]


@dataclass
class Figures:
    """Counts per tag and per rule over the labelled set."""

    content_tags: tuple[str, ...]
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    rule_hits: Counter[str] = field(default_factory=Counter)
    rule_wrong: Counter[str] = field(default_factory=Counter)
    everyday_tagged: list[tuple[str, str]] = field(default_factory=list)  # (text, tag)
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (kind of error, tag, text)

    def precision(self, tag: str) -> float:
        n = self.tp[tag] + self.fp[tag]
        return self.tp[tag] / n if n else 1.0

    def recall(self, tag: str) -> float:
        n = self.tp[tag] + self.fn[tag]
        return self.tp[tag] / n if n else 1.0


def load_labelled(path: Path = LABELLED) -> tuple[tuple[str, ...], list[LabelledMessage]]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    items = [
        LabelledMessage(i["text"], Kind(i["kind"]), Direction(i["direction"]), i["sender"], i["set"], frozenset(i["tags"]))
        for i in doc["items"]
    ]
    return tuple(doc["content_tags"]), items


def predict(rules: RuleSet, item: LabelledMessage) -> dict[str, str]:
    """Tag → the rule that suggested it, for one message on its own."""
    m = Message(
        id=1, screenshot_id=1, position=0.0, kind=item.kind, direction=item.direction, sender=item.sender,
        time=None, time_source=None, text=item.text, box=None, confidence=1.0, field_confidence={},
        duration_s=None, origin=Origin.OCR, excluded=False,
    )
    return {tag: rid for _, tag, rid in suggest_tags([m], rules)}


def evaluate(rules: RuleSet, path: Path = LABELLED) -> Figures:
    content, items = load_labelled(path)
    fig = Figures(content)
    by_rule: defaultdict[str, int] = defaultdict(int)
    for item in items:
        got = {t: r for t, r in predict(rules, item).items() if t in content}
        for tag, rid in got.items():
            by_rule[rid] += 1
            fig.rule_hits[rid] += 1
            if tag in item.tags:
                fig.tp[tag] += 1
            else:
                fig.fp[tag] += 1
                fig.rule_wrong[rid] += 1
                fig.errors.append(("false", tag, item.text))
            if item.set == "realworld":
                fig.everyday_tagged.append((item.text, tag))
        for tag in item.tags - set(got):
            fig.fn[tag] += 1
            fig.errors.append(("missed", tag, item.text))
    return fig


def main(argv: list[str]) -> int:
    rules = load_rules(argv[0]) if argv else load_rules()
    fig = evaluate(rules)
    _, items = load_labelled()
    print(f"rules: {rules.path}")
    print(f"labelled messages: {len(items)} ({sum(1 for i in items if i.set == 'realworld')} everyday realworld)")
    print(f"{'tag':<8} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>8}  target P>={PRECISION_TARGET} R>={RECALL_TARGET}")
    ok = True
    for tag in fig.content_tags:
        p, r = fig.precision(tag), fig.recall(tag)
        met = p >= PRECISION_TARGET and r >= RECALL_TARGET
        ok &= met
        print(f"{tag:<8} {fig.tp[tag]:>4} {fig.fp[tag]:>4} {fig.fn[tag]:>4} {p:>10.3f} {r:>8.3f}  {'ok' if met else 'MISSED'}")
    print("per rule (hits on the labelled set; wrong = the tag is not in the label; a tag two rules agree on counts for the first):")
    for rid, n in sorted(fig.rule_hits.items()):
        print(f"  {rid:<24} hits {n:>3}  wrong {fig.rule_wrong[rid]:>3}")
    print(f"content tags on everyday realworld chats: {len(fig.everyday_tagged)} (target 0)")
    for text, tag in fig.everyday_tagged:
        print(f"  {tag}: {text[:40]}")
    for kind, tag, text in fig.errors:
        print(f"  {kind:<6} {tag}: {text[:50]}")
    ok &= not fig.everyday_tagged
    print("targets met" if ok else "targets NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
