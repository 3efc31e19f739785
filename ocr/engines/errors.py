"""What can go wrong with an OCR engine, typed so the caller can say why.

``EngineMissing`` is the user's environment (install something), the same for
every image, so it stops a batch once with the message to show. The others
are one image's failure: the batch goes on and the extraction's error says
which (``Failure.ENGINE``).
"""

from __future__ import annotations


class EngineMissing(RuntimeError):  # noqa: N818 - the name the GUI and brief use
    """The OCR engine (or its language data) is not installed on this machine.

    ``message`` names what to install; the GUI shows it once.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class EngineFailed(RuntimeError):  # noqa: N818
    """The engine is installed but failed on one image (crash, timeout)."""


class EngineTimeout(EngineFailed):
    """The engine did not answer within its time limit (a pathological image, a hung process)."""


class EngineCrashed(EngineFailed):
    """The engine's process died or reported an error on one image."""
