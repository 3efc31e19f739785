"""``screenproof phone --case DIR [--set NAME ID...]``: whose phone each screenshot came from.

Without ``--set``: the case's phones, each with its screenshots and the
contact its screenshots show received (what 爆通讯录 evidence rests on), and
the contacts reached. With ``--set``: the screenshots given (the ids ``list``
prints) are said to come from NAME's phone; the change is audited
(``CaseStore.set_phone``, one batch the window can undo) and each change is
printed. Every id is checked before anything is written, so a mistyped id
changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

from casefile.lock import COMMAND_WAIT_S
from casefile.phones import phone_name
from casefile.reach import contacts_reached, counts_per_phone
from casefile.snapshot import read_snapshot
from casefile.store import Access, CaseStore
from cli.common import add_case_arg

# An id list longer than this is a script's work: the changes are summed up, not listed one by one.
MAX_LISTED_CHANGES = 200


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("phone", help="list the phones of a case, or set whose phone screenshots came from")
    add_case_arg(p)
    p.add_argument("--set", metavar="NAME", dest="set_to", help="the phone's owner, e.g. 母亲 (本人 for your own)")
    p.add_argument("ids", nargs="*", type=int, metavar="ID", help="screenshot ids, as `list` prints them")


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    if args.set_to is None:
        if args.ids:
            print("error: give --set NAME to change the phone of screenshots / 请用 --set 指定接收手机", file=err)
            return 2
        return list_phones(Path(args.case_dir), out)
    if not args.ids:
        print("error: name the screenshots to change (the ids `list` prints) / 请给出截图编号", file=err)
        return 2
    return set_phone(Path(args.case_dir), args.set_to, args.ids, out, err)


def set_phone(case_dir: Path, name: str, ids: list[int], out: TextIO, err: TextIO) -> int:
    """Change the phone of ``ids``; 2 (nothing written) when an id is not in the case."""
    new = phone_name(name)
    with CaseStore.open(case_dir, create=False, wait=COMMAND_WAIT_S) as store:
        shots = {s.id: s for s in store.screenshots()}
        unknown = [i for i in dict.fromkeys(ids) if i not in shots]
        if unknown:
            listed = ", ".join(map(str, unknown))
            print(
                f"error: no screenshot {listed} in this case; nothing was changed (see `screenproof list`) / "
                f"案件中没有编号为 {listed} 的截图，未作任何更改",
                file=err,
            )
            return 2
        before = {i: shots[i].phone for i in dict.fromkeys(ids)}
        store.set_phone(before, new)
        changed = [(i, old) for i, old in before.items() if old != new]
        for i, old in changed[:MAX_LISTED_CHANGES]:
            print(f"{i:4d}  {shots[i].original_name}: {old} → {new}", file=out)
        if len(changed) > MAX_LISTED_CHANGES:
            print(f"… {len(changed) - MAX_LISTED_CHANGES} more", file=out)
        same = len(before) - len(changed)
        print(
            f"{len(changed)} changed to {new}, {same} already {new} / {len(changed)} 张改为{new}，{same} 张原本就是",
            file=out,
        )
    return 0


def list_phones(case_dir: Path, out: TextIO) -> int:
    """One line per phone: screenshots, contact received, days; then the contacts reached."""
    with CaseStore.open(case_dir, create=False, access=Access.READ) as store:
        snap = read_snapshot(store)
    shots = Counter(s.phone for s in snap.screenshots)
    per = counts_per_phone(snap.timeline.entries)
    for phone in sorted(shots, key=lambda p: list(per).index(p) if p in per else len(per)):
        c = per.get(phone)
        if c is None:
            print(f"{phone}: {shots[phone]} screenshots, nothing read yet / {shots[phone]} 张截图，尚无识别内容", file=out)
            continue
        span = f"{c.first_day.isoformat()} – {c.last_day.isoformat()}" if c.first_day and c.last_day else "—"
        print(
            f"{phone}: {shots[phone]} screenshots; received {c.messages} messages, {c.calls} calls on {c.days_with_contact} days "
            f"({span}) / {shots[phone]} 张截图，收到消息 {c.messages} 条、来电 {c.calls} 次，{c.days_with_contact} 天",
            file=out,
        )
    reach = contacts_reached(snap.timeline.entries)
    if reach.count:
        print(
            f"contacts reached / 被联系的亲友、同事：{reach.count}（{'、'.join(reach.names)}），共 {reach.items} 条（次），"
            f"群发 {len(reach.campaigns)} 次",
            file=out,
        )
    return 0
