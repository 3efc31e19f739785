"""A guard against a reference-counting bug in PySide6 6.12.0 on Python 3.11.

Why: ``SignalInstance.emit()`` returns ``True`` without taking a reference, so
every ``.emit()`` called from Python takes one reference away from ``True``.
After a few thousand emits (one import of 48 screenshots is enough) Python
aborts with ``Fatal Python error: bool_dealloc``. On Python 3.12+ the bools are
immortal and the bug is harmless. The guard measures the leak once with a
private signal and, only if it is there, gives ``True`` and ``False`` a huge
reserve of references (what 3.12 does by design). It must run before the
window, the task runner or any test emits a signal.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

_RESERVE = 1 << 40  # ~10^12 emits
_applied = False


def emit_leaks_true() -> bool:
    """Does ``emit()`` take a reference away from True on this PySide6/Python?"""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    return sys.getrefcount(True) < before - 4


def guard_bool_refcounts() -> bool:
    """Apply the guard if needed (idempotent); True when it was applied."""
    global _applied
    if _applied:
        return True
    if not emit_leaks_true():
        return False
    for obj in (True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _RESERVE
    _applied = True
    log.info("applied the PySide6 emit() refcount guard")
    return True
