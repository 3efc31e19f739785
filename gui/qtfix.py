"""A guard against reference-counting bugs in some PySide6 builds on Python 3.11.

Why: PySide6 6.12.0 under Python 3.11 takes a reference away from ``True`` on
every ``Signal.emit()`` and from ``None`` on every call of a method that
returns nothing (``QPainter.setPen``, ``QImage.fill``…), measured at -1 per
call. A few thousand calls (one import of ten screenshots, a few repaints of a
table) and Python aborts with ``bool_dealloc`` / ``none_dealloc``. Python 3.12+
makes these objects immortal, so the bug is harmless there.

``pyproject.toml`` pins PySide6 below 6.12 for this reason, so normally nothing
happens here. But a user can end up with another build (a distribution's
package, a newer wheel), so at start-up the leak is measured with a private
signal and a void call, and only if it is there are ``True``, ``False`` and
``None`` given a reserve of references no session can exhaust (what 3.12 does
by design). It must run before the window, the task runner or a test touches Qt.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

_RESERVE = 1 << 40  # ~10^12 leaked references
_PROBES = 8
_applied: set[str] = set()


def emit_leaks_true() -> bool:
    """Does ``emit()`` take a reference away from True in this PySide6/Python?"""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()
    return sys.getrefcount(True) < before - _PROBES // 2


def void_call_leaks_none() -> bool:
    """Does a method returning nothing take a reference away from None?"""
    from PySide6.QtGui import QColor, QImage

    image = QImage(1, 1, QImage.Format.Format_RGB32)
    colour = QColor(0, 0, 0)
    before = sys.getrefcount(None)
    for _ in range(_PROBES):
        image.fill(colour)
    return sys.getrefcount(None) < before - _PROBES // 2


def guard_refcounts() -> set[str]:
    """Apply the reserve where a leak is measured (idempotent); returns what is guarded."""
    if sys.version_info >= (3, 12):
        return _applied
    if "bool" not in _applied and emit_leaks_true():
        for obj in (True, False):
            ctypes.c_ssize_t.from_address(id(obj)).value += _RESERVE
        _applied.add("bool")
        log.warning("this PySide6 build leaks references to True on emit(); guard applied")
    if "none" not in _applied and void_call_leaks_none():
        ctypes.c_ssize_t.from_address(id(None)).value += _RESERVE
        _applied.add("none")
        log.warning("this PySide6 build leaks references to None on void calls; guard applied")
    return _applied
