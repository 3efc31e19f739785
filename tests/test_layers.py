"""The domain must run headless: importing it must not drag Qt in."""

from __future__ import annotations

import subprocess
import sys


def test_domain_packages_and_the_command_line_do_not_import_qt() -> None:
    code = (
        "import sys, ocr, casefile, export, cli\n"
        "import ocr.model, ocr.capture_time, casefile.store, casefile.importer, casefile.reading\n"
        "import pkgutil, importlib\n"
        "for pkg in (ocr, casefile, export, cli):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if not m.name.endswith('__main__'): importlib.import_module(m.name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == ""
