"""The shape of long work: plain generators a GUI or a command can drive.

A job yields ``Progress`` between units and checks its ``CancelToken`` there,
so cancelling is prompt, never an error, and the same job runs from a
terminal, a test or a Qt worker without knowing which.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass


class CancelToken:
    """Set from any thread, read between units of work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def __call__(self) -> bool:
        return self._event.is_set()


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int
    label: str = ""  # an id or file name, never message text
