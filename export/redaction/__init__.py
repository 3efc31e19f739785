"""Redaction burned into derived images, masked text, and the check that nothing leaked.

Public API (for the dossier and the complaint packs):

* ``Redactor`` — what to mask in a case; ``derived(exhibit)`` → ``DerivedImage``,
  ``mask(text)``, ``redact_data(DossierData)``, ``secrets()``.
* ``check_pdf(path, secrets)`` — raises ``RedactionLeakError`` and removes the file.
* ``mask_value``, ``burn``, ``find_boxes``, ``sensitive_values`` for finer use.
"""

import importlib
from typing import Any

_EXPORTS = {
    "DerivedImage": "export.redaction.burn",
    "burn": "export.redaction.burn",
    "mask_value": "export.redaction.burn",
    "RedactionLeakError": "export.redaction.check",
    "check_pdf": "export.redaction.check",
    "leak_in_pdf": "export.redaction.check",
    "Sensitive": "export.redaction.finding",
    "find_boxes": "export.redaction.finding",
    "sensitive_values": "export.redaction.finding",
    "Redactor": "export.redaction.redactor",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Lazy, so ``--redact`` can be added to the parser without loading the export."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'export.redaction' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
