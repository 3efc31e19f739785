"""``python -m gui [--case DIR]`` (the ``screenproof-gui`` script): the window alone.

The command line (``cli.main``) starts this in its own process when it is
given no command, so ``cli`` never imports Qt and ``gui`` never imports ``cli``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="screenproof-gui", description="Screenproof's window. 截图证据整理窗口。")
    p.add_argument("--case", metavar="DIR", help="the case folder to open (default: the last one)")
    args = p.parse_args(argv)
    from gui.app import run  # Qt only once the arguments are good

    return run(Path(args.case) if args.case else None)


if __name__ == "__main__":
    sys.exit(main())
