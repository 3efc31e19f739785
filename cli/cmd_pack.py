"""``screenproof pack --case DIR --for nifa|12321|police|court|regulator|platform|public --out DIR``.

Chooses the evidence (filters), drafts the letter (or reuses the one saved in
``--out``'s pack.json, as edited in the window), plans every file in memory,
and writes only when every file meets the recipient's limit; otherwise it
prints what does not fit and the fixes to choose, and writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from casefile.complainant import Complainant, load_complainant, save_complainant
from casefile.explain import describe_case_error, exit_code
from casefile.store import Access, CaseError, CaseStore
from export.errors import ExportError
from export.packs.case_redactor import case_redactor
from export.packs.files import Fix
from export.packs.letter import draft
from export.packs.presets import PresetsError, load_presets
from export.packs.public import PublicPackRefusedError
from export.packs.saved import SavedPackError, load_pack
from export.packs.selection import Selection, select
from export.packs.writer import PACK_JSON, PackRefusedError, PackRequest, plan_pack, write_pack

FOR_CHOICES = ("nifa", "12321", "police", "court", "regulator", "platform", "public")


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """The ``pack`` subcommand on the program's subparsers."""
    p: argparse.ArgumentParser = sub.add_parser("pack", help="write a complaint pack for one recipient")
    p.add_argument("--case", metavar="DIR", required=True, dest="case_dir")
    p.add_argument("--for", required=True, choices=FOR_CHOICES, dest="recipient")
    p.add_argument("--out", metavar="DIR", required=True)
    p.add_argument("--fix", action="append", choices=[Fix.SPLIT, Fix.QUALITY], default=[], help="apply a fix for a size limit")
    p.add_argument("--max-exhibits", type=int, default=None, help="the 'fewer exhibits' fix: attach only the first N")
    p.add_argument("--limit-mb", type=float, default=None, help="override the preset's per-file limit")
    p.add_argument("--screenshot", action="append", type=int, default=[], metavar="ID", help="only this screenshot (the id `list` prints; repeatable)")
    p.add_argument("--party", action="append", default=[], help="only this party or number (repeatable)")
    p.add_argument("--tag", action="append", default=[], help="only messages with this confirmed tag (repeatable)")
    p.add_argument("--from", dest="date_from", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD")
    p.add_argument("--name", default="", help="your name for the letter (default: the one kept in the case)")
    p.add_argument("--phone", default="", help="default: the one kept in the case")
    p.add_argument("--id-number", default="", help="default: the one kept in the case")
    p.add_argument("--address", default="", help="default: the one kept in the case")
    p.add_argument(
        "--save-details",
        action="store_true",
        help="keep --name/--phone/--id-number/--address in the case for the next packs and the redaction "
        "(without it they are used for this pack only and the case is only read)",
    )
    return p


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """0 written; 2 refused (a limit, no redactor, bad input), nothing written; 1 failed write."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        preset = load_presets()[args.recipient]
    except PresetsError as e:
        print(f"error: {e}", file=err)
        return 2
    if args.limit_mb is not None:
        preset = preset.with_limit(args.limit_mb)
    out_dir = Path(args.out).expanduser()
    saved = None
    if (out_dir / PACK_JSON).exists():
        try:
            saved = load_pack(out_dir)
        except SavedPackError as e:
            print(f"error: {e}", file=err)
            return 2
    sel = Selection(
        screenshot_ids=frozenset(args.screenshot) if args.screenshot else None,
        parties=frozenset(args.party),
        tags=frozenset(args.tag),
        date_from=args.date_from,
        date_to=args.date_to,
        max_screenshots=args.max_exhibits,
    )
    if saved is not None and saved.preset == preset.id and not (args.screenshot or args.party or args.tag or args.date_from or args.date_to):
        sel = Selection.from_dict({**saved.selection.to_dict(), "max_screenshots": args.max_exhibits})
    generated = datetime.now().replace(second=0, microsecond=0)
    try:
        given = Complainant(args.name, args.phone, args.id_number, args.address)
        access = Access.WRITE if args.save_details else Access.READ
        with CaseStore.open(args.case_dir, create=False, access=access) as store:
            if args.save_details:
                save_complainant(store, load_complainant(store).merged(given))
            me = load_complainant(store).merged(given)  # typed here wins; the case fills the rest
            data, left = select(store, sel)
            # The public pack is always redacted: what to mask comes from the whole case.
            redactor = case_redactor(store, extra=me.to_mask()) if preset.redact else None
        if not data.exhibits:
            print("error: no screenshot matches the choice / 没有符合所选条件的截图", file=err)
            return 2
        letter = saved.letter if saved is not None and saved.preset == preset.id and saved.letter else None
        if letter is None and preset.id not in ("12321", "court", "public"):
            letter = draft(data, preset, me, generated.date())
        req = PackRequest(preset, sel, letter, generated, frozenset(args.fix), redactor)
        plan = plan_pack(data, left, req)
        if not plan.ok:
            print("nothing written / 未写入任何文件:", file=err)
            for t in plan.too_big:
                print("  " + t.describe(), file=err)
            return 2
        written = write_pack(plan, out_dir)
    except CaseError as e:
        print(describe_case_error(e), file=err)
        return exit_code(e)
    except (PackRefusedError, PublicPackRefusedError) as e:
        print(f"error: {e}", file=err)
        return 2
    except ExportError as e:
        print(f"error: {e.path or ''}: {e.reason.value} {e.detail}".rstrip(), file=err)
        return 1
    except OSError as e:
        print(f"error: {out_dir}: cannot write / 无法写入: {e.strerror}", file=err)
        return 1
    for path in written:
        print(f"{path}  ({path.stat().st_size // 1024} KB)", file=out)
    print(left.statement(), file=out)
    return 0
