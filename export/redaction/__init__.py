"""Redaction burned into derived images, masked text, and the check that nothing leaked.

Public API (for the dossier and the complaint packs):

* ``Redactor`` — what to mask in a case; ``derived(exhibit)`` → ``DerivedImage``,
  ``mask(text)``, ``redact_data(DossierData)``, ``secrets()``.
* ``check_pdf(path, secrets)`` — raises ``RedactionLeakError`` and removes the file.
* ``RedactionSession.start(data, case_folder)`` — for a whole export: ``.data`` is the
  masked ``DossierData`` whose exhibits point at derived images (``Exhibit.derived``,
  ``derived_sha256``, ``masked_areas``; ``export.dossier.read_original`` then reads the
  derived copy); ``.check(pdf)`` runs the acceptance check; ``.close()`` deletes the
  derived images. ``case_folder=None`` is a pass-through (an unredacted pack).
* ``mask_value``, ``burn``, ``find_boxes``, ``sensitive_values`` for finer use.

For a complaint pack: ``collect`` the case on the store's thread, then in the worker
``s = RedactionSession.start(data, store.paths.folder)``; select exhibits from
``s.data`` (their messages are already masked with the same ``4403**********1234``
pattern as every other copy); write; ``s.check(each_pdf)``; ``s.close()``. Finding
runs one OCR reading per screenshot the user has not edited in the 遮盖 dialog.
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
    "RedactionSession": "export.redaction.session",
    "Offer": "export.redaction.offer",
    "offer_job": "export.redaction.offer",
    "Reading": "export.redaction.offer",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Lazy, so ``--redact`` can be added to the parser without loading the export."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'export.redaction' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
