"""The tag rules file: ``RuleSet`` and its loading and checking (``load_rules``).

Split from ``casefile.tagging`` (which applies the rules); see its docstring for why
rules are data. ``load_rules`` keeps the last parse per file and modification time,
so the several callers of one drop read and check the file once.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from typing import Any

from casefile.citations import CITATIONS_PATH, Citation, CitationsError, DataFileError, load_citations
from casefile.night import HHMM, NightWindow, parse_hhmm
from casefile.parties import is_number, normalise_sender
from casefile.timeline import normalise_text
from ocr.model import ME, Direction, Kind

log = logging.getLogger(__name__)

RULES_PATH = Path(__file__).resolve().parent.parent / "resources" / "rules" / "tags.json"

CHECKS = ("id-number", "card-number", "night-time", "calls-per-day", "per-day-frequency")
# Who sent a message, as far as the case can tell: the user, a known official
# number, someone the user saved under a kinship or friendship name, a contact
# name that says collector, a bare number, or anything else (a name we cannot
# place). Rules list the sides they never look at (``except_senders``).
SIDES = ("me", "official", "own_circle", "collector", "number", "unknown")
_VOCAB_REF = re.compile(r"\{([a-z_]+)\}")
_RULE_ID = re.compile(r"[a-z0-9_\-]+")

Suggestion = tuple[int, str, str]  # (message id, tag, rule id)



class RulesError(DataFileError):
    """The rules file is missing or malformed: the user's (or an editor's) input."""


@dataclass(frozen=True, slots=True)
class RuleExample:
    """A message a rule must (``positive``) or must not match, kept beside the rule."""

    text: str
    positive: bool
    sender: str = "10690001"
    direction: Direction = Direction.INCOMING
    kind: Kind = Kind.SMS


@dataclass(frozen=True, slots=True)
class TagRule:
    id: str
    tag: str
    label: str
    description: str
    basis: str
    keywords: tuple[str, ...] = ()
    regexes: tuple[str, ...] = ()
    check: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    directions: frozenset[Direction] = frozenset({Direction.INCOMING})
    kinds: frozenset[Kind] = frozenset(Kind)
    except_senders: frozenset[str] = frozenset()
    except_phrases: tuple[str, ...] = ()
    except_regexes: tuple[re.Pattern[str], ...] = field(default=(), compare=False, repr=False)
    citations: tuple[str, ...] = ()
    examples: tuple[RuleExample, ...] = field(default=(), compare=False, repr=False)
    context_words: tuple[str, ...] = ()  # card-number: words that name a card (normalised)
    requires_any: tuple[str, ...] = ()  # cheap pre-test: the text must contain one of these
    pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)

    @property
    def source(self) -> str:
        """How the store records who suggested a tag."""
        return f"rule:{self.id}"


@dataclass(frozen=True, slots=True)
class RuleSet:
    rules: tuple[TagRule, ...]
    official_numbers: frozenset[str] = frozenset()
    official_prefixes: tuple[str, ...] = ()
    path: Path | None = None
    own_circle_names: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    collector_names: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    citations: Mapping[str, Citation] = field(default_factory=dict, compare=False, repr=False)
    tag_labels: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    def tag_label(self, tag: str) -> str:
        """A tag's English name: the file's ``tag_labels``, else its first rule's label up to a colon."""
        if tag in self.tag_labels:
            return self.tag_labels[tag]
        first = next((r.label for r in self.rules if r.tag == tag), tag)
        return first.split(":", 1)[0]

    def citations_of(self, tag: str) -> tuple[Citation, ...]:
        """Every citation of every rule of ``tag``, once each, in rule order."""
        ids = dict.fromkeys(c for r in self.rules if r.tag == tag for c in r.citations)
        return tuple(self.citations[c] for c in ids if c in self.citations)

    def rules_of(self, tag: str) -> tuple[TagRule, ...]:
        return tuple(r for r in self.rules if r.tag == tag)

    def is_official(self, sender: str) -> bool:
        """Whether a (normalised) sender is a known court/police/procuratorate number."""
        return sender in self.official_numbers or any(sender.startswith(p) for p in self.official_prefixes)

    def sender_side(self, sender: str) -> str:
        """Which side a normalised sender is on (one of ``SIDES``).

        A saved name that says collector (催收-张经理, 骚扰电话) wins over a
        kinship word in it; 妈妈 or 刘露阳（女朋友） is the user's own circle. A
        name we cannot place (焦鹏, 王主管) stays ``unknown``: context decides.
        """
        if sender == ME:
            return "me"
        if sender and self.is_official(sender):
            return "official"
        if sender and self.collector_names is not None and self.collector_names.search(sender):
            return "collector"
        if sender and self.own_circle_names is not None and self.own_circle_names.search(sender):
            return "own_circle"
        if sender and is_number(sender):
            return "number"
        return "unknown"

    def rule(self, rule_id: str) -> TagRule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    @property
    def night_window(self) -> tuple[time, time]:
        """The rules' night window (start, end), e.g. 22:00–08:00: what every label prints."""
        for r in self.rules:
            if r.check == "night-time":
                return parse_hhmm(r.params["from"]), parse_hhmm(r.params["until"])
        return time(22, 0), time(8, 0)

    @property
    def night(self) -> NightWindow:
        """The night window as the one night-hours test (``casefile.night``)."""
        return NightWindow(*self.night_window)

    def is_night(self, t: datetime) -> bool:
        """Whether ``t`` falls in the night window of the rules' ``night-time`` check.

        The window lives in the rules file, so the timeline view's shading, the
        dossier's night counts and the 夜间 tag can never disagree.
        """
        return self.night.contains(t)

    @property
    def tag_names(self) -> tuple[str, ...]:
        """Each tag once, in rule order: the GUI's tag filter and the dossier's legend."""
        return tuple(dict.fromkeys(r.tag for r in self.rules))


# -- loading -------------------------------------------------------------------------------


def load_rules(path: str | Path | None = None) -> RuleSet:
    """Read and check a rules file; a bad file fails loudly here, not mid-suggestion."""
    p = Path(path) if path is not None else RULES_PATH
    try:
        st = p.stat()
    except OSError as e:
        raise RulesError(p, f"cannot read the rules file: {e.strerror or e}") from e
    key = (str(p.resolve()), st.st_mtime_ns, st.st_size)
    cached = _loaded.get(key[0])
    if cached is not None and cached[0] == key:
        return cached[1]
    rules = _read_rules(p)
    _loaded[key[0]] = (key, rules)
    return rules


# The last parse per file, keyed by modification time and size: one drop used to
# read and check the file six times; an edited file is read again.
_loaded: dict[str, tuple[tuple[str, int, int], RuleSet]] = {}


def _read_rules(p: Path) -> RuleSet:
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise RulesError(p, f"cannot read the rules file: {e.strerror or e}") from e
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise RulesError(p, f"not valid JSON: {e}") from e
    return parse_rules(data, p)


def parse_rules(data: Any, path: Path | None = None, citations: Mapping[str, Citation] | None = None) -> RuleSet:
    """Check a rules document; ``citations`` defaults to the ``citations.json`` beside it (else the shipped one)."""
    where = path or Path("<rules>")
    if citations is None:
        beside = where.parent / CITATIONS_PATH.name if path is not None else CITATIONS_PATH
        try:
            citations = load_citations(beside if beside.is_file() else CITATIONS_PATH)
        except CitationsError as e:
            raise RulesError(e.path, e.reason) from e
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RulesError(where, "expected an object with a 'rules' list")
    official = data.get("official_senders") or {}
    numbers = frozenset(normalise_sender(str(n)) for n in official.get("numbers", []))
    prefixes = tuple(normalise_sender(str(n)) for n in official.get("prefixes", []))
    vocab = _parse_vocab(data.get("vocabulary") or {}, where)
    sides = data.get("sender_sides") or {}
    if not isinstance(sides, dict):
        raise RulesError(where, "'sender_sides' must be an object")
    own = _name_pattern(sides.get("own_circle") or {}, "own_circle", where)
    collector = _name_pattern(sides.get("collector") or {}, "collector", where)
    rules: list[TagRule] = []
    seen: set[str] = set()
    for k, raw in enumerate(data["rules"]):
        rule = _parse_rule(raw, k, where, vocab)
        if rule.id in seen:
            raise RulesError(where, f"rule id '{rule.id}' appears twice")
        if unknown := [c for c in rule.citations if c not in citations]:
            raise RulesError(where, f"rule '{rule.id}': unknown citation(s) {unknown} (see {CITATIONS_PATH.name})")
        seen.add(rule.id)
        rules.append(rule)
    labels = data.get("tag_labels") or {}
    if not isinstance(labels, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in labels.items()):
        raise RulesError(where, "'tag_labels' must map each tag to its English name")
    return RuleSet(tuple(rules), numbers, prefixes, path, own, collector, citations, labels)


def _parse_vocab(raw: Any, where: Path) -> dict[str, str]:
    """Named word lists a pattern refers to as ``{name}``: one list, many rules."""
    if not isinstance(raw, dict):
        raise RulesError(where, "'vocabulary' must be an object of word lists")
    out: dict[str, str] = {}
    for name, words in raw.items():
        if name == "description":
            continue
        if not re.fullmatch(r"[a-z_]+", name) or not isinstance(words, list) or not words \
                or not all(isinstance(w, str) and w for w in words):
            raise RulesError(where, f"vocabulary '{name}': expected a non-empty list of strings under a lower-case name")
        out[name] = "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"
    return out


def _expand(pattern: str, vocab: Mapping[str, str], rid: str, where: Path) -> str:
    def sub(m: re.Match[str]) -> str:
        if m.group(1) not in vocab:
            raise RulesError(where, f"rule '{rid}': pattern refers to unknown vocabulary '{{{m.group(1)}}}'")
        return vocab[m.group(1)]

    return _VOCAB_REF.sub(sub, pattern)


def _name_pattern(raw: Any, side: str, where: Path) -> re.Pattern[str] | None:
    words = raw.get("name_contains", []) if isinstance(raw, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise RulesError(where, f"sender_sides.{side}.name_contains must be a list of strings")
    if not words:
        return None
    return re.compile("|".join(re.escape(normalise_sender(w)) for w in sorted(words, key=len, reverse=True)))


def _parse_examples(raw: Any, rid: str, where: Path) -> tuple[RuleExample, ...]:
    ex = raw.get("examples", {})
    if not isinstance(ex, dict):
        raise RulesError(where, f"rule '{rid}': 'examples' must be an object with 'positive' and 'negative' lists")
    out: list[RuleExample] = []
    for key in ("positive", "negative"):
        items = ex.get(key, [])
        if not isinstance(items, list):
            raise RulesError(where, f"rule '{rid}': examples.{key} must be a list")
        for item in items:
            if isinstance(item, str):
                out.append(RuleExample(item, key == "positive"))
            elif isinstance(item, dict) and isinstance(item.get("text"), str):
                try:
                    out.append(RuleExample(
                        item["text"], key == "positive", str(item.get("sender", "10690001")),
                        Direction(item.get("direction", "incoming")), Kind(item.get("kind", "sms")),
                    ))
                except ValueError as e:
                    raise RulesError(where, f"rule '{rid}': example: {e}") from e
            else:
                raise RulesError(where, f"rule '{rid}': an example is a text or an object with a 'text'")
    return tuple(out)


def _parse_rule(raw: Any, k: int, where: Path, vocab: Mapping[str, str] | None = None) -> TagRule:
    if not isinstance(raw, dict):
        raise RulesError(where, f"rule #{k + 1} is not an object")
    rid = raw.get("id")
    if not isinstance(rid, str) or not _RULE_ID.fullmatch(rid):
        raise RulesError(where, f"rule #{k + 1}: 'id' must be lower-case letters, digits, '_' or '-'")
    for key in ("tag", "label", "description", "basis"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise RulesError(where, f"rule '{rid}': '{key}' is missing or empty")
    vocab = vocab or {}
    keywords = tuple(normalise_text(w) for w in _strings(raw, "keywords", rid, where) if normalise_text(w))
    regexes = tuple(_expand(r, vocab, rid, where) for r in _strings(raw, "regexes", rid, where))
    try:
        except_regexes = tuple(
            re.compile(_expand(r, vocab, rid, where)) for r in _strings(raw, "except_regexes", rid, where)
        )
    except re.error as e:
        raise RulesError(where, f"rule '{rid}': bad regular expression in except_regexes: {e}") from e
    except_senders = set(_strings(raw, "except_senders", rid, where))
    if raw.get("except_official"):
        except_senders.add("official")
    if unknown_sides := except_senders - set(SIDES):
        raise RulesError(where, f"rule '{rid}': unknown sender side(s) {sorted(unknown_sides)} (known: {', '.join(SIDES)})")
    check = raw.get("check")
    params = raw.get("params") or {}
    if not isinstance(params, dict):
        raise RulesError(where, f"rule '{rid}': 'params' must be an object")
    if check is not None:
        if check not in CHECKS:
            raise RulesError(where, f"rule '{rid}': unknown check '{check}' (known: {', '.join(CHECKS)})")
        if keywords or regexes:
            raise RulesError(where, f"rule '{rid}': a rule has either a 'check' or keywords/regexes")
        _check_params(check, params, rid, where)
    elif not keywords and not regexes:
        raise RulesError(where, f"rule '{rid}': needs 'keywords', 'regexes' or a 'check'")
    parts = [re.escape(w) for w in sorted(keywords, key=len, reverse=True)] + list(regexes)
    try:
        pattern = re.compile("|".join(parts)) if parts else None
    except re.error as e:
        raise RulesError(where, f"rule '{rid}': bad regular expression: {e}") from e
    try:
        directions = frozenset(Direction(d) for d in raw.get("directions", ["incoming"]))
        kinds = frozenset(Kind(x) for x in raw.get("kinds", list(Kind)))
    except ValueError as e:
        raise RulesError(where, f"rule '{rid}': {e}") from e
    return TagRule(
        id=rid,
        tag=raw["tag"].strip(),
        label=raw["label"].strip(),
        description=raw["description"].strip(),
        basis=raw["basis"].strip(),
        keywords=keywords,
        regexes=regexes,
        check=check,
        params=params,
        directions=directions,
        kinds=kinds,
        except_senders=frozenset(except_senders),
        except_phrases=tuple(normalise_text(w) for w in _strings(raw, "except_phrases", rid, where)),
        except_regexes=except_regexes,
        citations=_strings(raw, "citations", rid, where),
        examples=_parse_examples(raw, rid, where),
        context_words=tuple(normalise_text(w) for w in _strings(params, "context_words", rid, where)),
        requires_any=tuple(normalise_text(w) for w in _strings(raw, "requires_any", rid, where)),
        pattern=pattern,
    )


def _strings(raw: dict[str, Any], key: str, rid: str, where: Path) -> tuple[str, ...]:
    v = raw.get(key, [])
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise RulesError(where, f"rule '{rid}': '{key}' must be a list of strings")
    return tuple(v)


def _check_params(check: str, params: dict[str, Any], rid: str, where: Path) -> None:
    def need_int(name: str) -> None:
        v = params.get(name)
        if not isinstance(v, int) or isinstance(v, bool) or v < 0:
            raise RulesError(where, f"rule '{rid}': params.{name} must be a whole number ≥ 0")

    if check == "night-time":
        for name in ("from", "until"):
            if not isinstance(params.get(name), str) or not HHMM.fullmatch(params[name]):
                raise RulesError(where, f"rule '{rid}': params.{name} must be HH:MM")
    elif check == "calls-per-day":
        need_int("max")
        if params.get("count", "received") not in ("received", "connected"):
            raise RulesError(where, f"rule '{rid}': params.count must be 'received' or 'connected'")
        if params.get("per", "party") not in ("party", "number"):
            raise RulesError(where, f"rule '{rid}': params.per must be 'party' or 'number'")
    elif check == "per-day-frequency":
        need_int("default")
