"""``screenproof timeline --case DIR [--csv FILE]``: the chronology without the window.

For a helper (a lawyer, a volunteer) working from a terminal, and for checking
a case by eye. The command only reads: it shows the tags the user set plus
what the rules would suggest now, but records nothing, so printing a timeline
can never change the evidence. The CSV is UTF-8 with a byte-order mark because
Excel in China opens a BOM-less UTF-8 CSV as GBK and shows mojibake, and phone
numbers carry a leading tab so Excel does not turn them into 1.38E+10.
"""

from __future__ import annotations

import argparse
import csv
import sys
import unicodedata
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TextIO

from casefile.atomic import staged_file
from casefile.counts import Counts
from casefile.explain import describe_case_error, exit_code
from casefile.faults import CSV_FILE, WriteFailedError, from_os_error
from casefile.model import LABEL_SEP
from casefile.phones import phone_name
from casefile.store import Access, CaseError, CaseStore
from casefile.tagging import RulesError, load_rules, setting_keys, suggest_tags, with_suggestions
from casefile.timeline import Timeline, TimelineEntry, TimelineFilter, build_timeline
from cli.cmd_timeline_phones import PHONE_CSV_HEADER, PhoneView, format_filtered_summary, format_reach
from cli.common import add_case_arg, add_phone_filter_arg, unknown_phones
from ocr.model import Direction, Kind

KIND_ZH = {Kind.SMS: "短信", Kind.CHAT: "聊天", Kind.CALL: "电话"}
DIRECTION_ZH = {Direction.INCOMING: "收到", Direction.OUTGOING: "发出", Direction.MISSED: "未接"}
UNKNOWN_TIME = "时间未知"
TIME_NOT_SHOWN = "时间未显示"  # the day is shown, the minute is not (an inbox row with 昨天)

CSV_HEADER = (
    "序号",
    "时间",
    "时间已知",
    "排序参考时间",
    "类型",
    "方向",
    "发送方",
    "对方",
    "内容",
    "时长(秒)",
    "标签",
    "截图编号",
    "消息编号",
    "读数不一致",
)
# What the rows showed beside the party (place, carrier, the phone's mark); a column only
# when some entry has labels, so a case without them gives the CSV it always did.
LABELS_HEADER = "标注"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("timeline", help="print the chronology of a case, or write it as CSV")
    add_case_arg(p)
    p.add_argument("--csv", metavar="FILE")
    add_phone_filter_arg(p, "the entries")


def run(args: argparse.Namespace) -> int:
    return run_timeline(args.case_dir, args.csv, phones=args.phone)


def run_timeline(
    case_dir: str,
    csv_path: str | None,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    phones: Sequence[str] = (),
) -> int:
    """Print the chronology as aligned text, or write it as CSV; 0 on success.

    2 when the case or the rules file cannot be read (the user's input), 1 when
    the CSV cannot be written.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        rules = load_rules()
        with CaseStore.open(case_dir, create=False, access=Access.READ) as store:
            tags = store.tags()
            timeline = build_timeline(
                store.messages(include_excluded=False),
                store.screenshots(),
                parties=store.parties(),
                tags=tags,
            )
            settings = {k: store.setting(k) for k in setting_keys(rules)}
            case_phones = store.phones()
    except CaseError as e:
        print(describe_case_error(e), file=err)
        return exit_code(e)
    except RulesError as e:
        print(f"error: tag rules {e.path}: {e.reason}", file=err)
        return 2
    wanted = [phone_name(p) for p in phones]
    if (refusal := unknown_phones(wanted, case_phones)) is not None:
        print(refusal, file=err)
        return 2
    timeline = with_suggestions(timeline, tags, suggest_tags(timeline, rules, settings))
    view = PhoneView.of(timeline, case_phones)
    entries = timeline.filter(TimelineFilter(phones=frozenset(wanted))) if wanted else list(timeline.entries)

    if csv_path is not None:
        try:
            write_csv(entries, Path(csv_path), view)
        except OSError as e:
            print(WriteFailedError(CSV_FILE, Path(csv_path).expanduser().parent, from_os_error(e)).describe(), file=err)
            return 1
        print(f"{len(entries)} entries written to {csv_path} / 已写入 {len(entries)} 条", file=out)
        return 0
    out.write(format_table(entries, view))
    if wanted:
        out.write(format_filtered_summary(entries, wanted))
    else:  # with other people's phones, what was sent is each phone owner's, not only the user's
        out.write(format_summary(timeline, outgoing="各机主发出" if view.shown else "本人发出"))
    out.write(format_reach(timeline, view))
    return 0


# -- CSV -------------------------------------------------------------------------------------


def excel_safe(cell: str) -> str:
    """A cell Excel keeps as written: a tab before numbers and formula-like text.

    Excel turns ``13800138000`` into ``1.38E+10`` (and drops digits past the
    15th), and runs a cell starting with ``=``, ``+``, ``-`` or ``@`` as a
    formula. A leading tab makes it text and shows as nothing; a program
    reading the CSV strips it (``cell.lstrip("\\t")``).
    """
    if cell and (cell[0] in "=+-@" or (len(cell) > 5 and cell.isdigit())):
        return "\t" + cell
    return cell


def csv_row(e: TimelineEntry, view: PhoneView | None = None, *, labels: bool = False) -> list[str]:
    phone_cells = view.csv_cells(e) if view is not None and view.shown else []
    label_cells = [excel_safe(LABEL_SEP.join(e.labels))] if labels else []
    sender = view.sender(e) if view is not None and view.shown else e.sender
    return [
        str(e.index + 1),
        _minute(e.time) if e.time else "",
        "是" if e.time_known else "否",
        _placed(e),
        KIND_ZH[e.kind],
        DIRECTION_ZH[e.direction],
        excel_safe(sender),
        excel_safe(e.party),
        excel_safe(e.text),
        "" if e.duration_s is None else str(e.duration_s),
        "、".join(sorted(e.tags)),
        " ".join(str(s) for s in e.screenshot_ids),
        " ".join(str(m) for m in e.message_ids),
        "是" if e.readings_differ else "",
        *phone_cells,
        *label_cells,
    ]


def write_csv(entries: Sequence[TimelineEntry], path: Path, view: PhoneView | None = None) -> None:
    """Write atomically (temporary file, fsync, rename): a half-written CSV is never left."""
    path = path.expanduser()
    if not path.parent.is_dir():  # a mistyped folder is an error, not something to create
        raise FileNotFoundError(2, "No such directory", str(path.parent))
    with staged_file(path) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        labels = any(e.labels for e in entries)
        w.writerow(CSV_HEADER + (PHONE_CSV_HEADER if view is not None and view.shown else ())
                   + ((LABELS_HEADER,) if labels else ()))
        w.writerows(csv_row(e, view, labels=labels) for e in entries)


# -- text ------------------------------------------------------------------------------------


def display_width(s: str) -> int:
    """Terminal columns: CJK characters take two, so columns line up in Chinese."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, width: int) -> str:
    return s + " " * max(0, width - display_width(s))


def _clip(s: str, width: int) -> str:
    if display_width(s) <= width:
        return s
    out, w = [], 0
    for c in s:
        cw = display_width(c)
        if w + cw > width - 1:
            break
        out.append(c)
        w += cw
    return "".join(out) + "…"


def format_table(entries: Sequence[TimelineEntry], view: PhoneView | None = None) -> str:
    """One line per entry; the text last and whole, so nothing of the evidence is cut.

    When the case holds other people's phones a column says whose phone
    received each entry (发给母亲) and a mass text is marked 〔群发N〕.
    """
    shown = view is not None and view.shown
    header = ("#", "时间", "类型", "对方", *(("接收手机",) if shown else ()), "标签", "截图", "内容")
    rows = []
    for e in entries:
        rows.append(
            (
                str(e.index + 1),
                _minute(e.time) if e.time else (f"{e.day.isoformat()} {TIME_NOT_SHOWN}" if e.day else UNKNOWN_TIME),
                KIND_ZH[e.kind] + DIRECTION_ZH[e.direction],
                _clip(e.party or e.sender or "?", 24),
                *((view.note(e),) if view is not None and shown else ()),
                "、".join(sorted(e.tags)),
                ",".join(str(s) for s in e.screenshot_ids),
                (view.mark(e) if view is not None else "") + " ".join(e.text.split()) + _labels_note(e),
            )
        )
    widths = [max(display_width(r[k]) for r in [header, *rows]) for k in range(len(header) - 1)]
    lines = []
    for r in [header, *rows]:
        cells = [_pad(c, w) for c, w in zip(r[:-1], widths, strict=True)]
        lines.append("  ".join([*cells, r[-1]]).rstrip())
    return "\n".join(lines) + "\n"


def _labels_note(e: TimelineEntry) -> str:
    """What the row showed beside the party, after the text: 〔标注：骚扰电话 · 浙江杭州 移动〕."""
    return f"  〔{LABELS_HEADER}：{LABEL_SEP.join(e.labels)}〕" if e.labels else ""


def format_summary(timeline: Timeline, *, outgoing: str = "本人发出") -> str:
    c: Counts = timeline.counts
    lines = [
        "",
        f"共 {len(timeline.entries)} 条（{timeline.message_count} 条读数，合并重复截图 {timeline.merged_count} 条）",
        f"收到短信/聊天 {c.messages} 条，来电 {c.calls} 次（含未接），{outgoing} {c.outgoing} 条",
    ]
    if c.undated.total:
        lines.append(f"时间未知的收到内容 {c.undated.total} 条（不计入按日统计）")
    if c.busiest_day is not None:
        lines.append(f"最多的一天：{c.busiest_day.day.isoformat()}，{c.busiest_day.count} 条/次")
    if c.longest_run is not None:
        r = c.longest_run
        lines.append(f"最长连续联系：{r.days} 天（{r.start.isoformat()} 至 {r.end.isoformat()}）")
    for party, t in list(c.per_party.items())[:10]:
        lines.append(f"  {party or '?'}：短信/聊天 {t.messages} 条，来电 {t.calls} 次")
    return "\n".join(lines) + "\n"


def _placed(e: TimelineEntry) -> str:
    """Where an entry without a minute was placed: its day when the screen shows one."""
    if e.time_known or e.sort_time is None:
        return ""
    if e.day is not None:
        return e.day.isoformat()
    return _minute(e.sort_time)


def _minute(t: datetime) -> str:
    return t.strftime("%Y-%m-%d %H:%M")
