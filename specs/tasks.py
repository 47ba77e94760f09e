"""RQ entry point for spec imports. Only the document's primary key travels through Redis."""

from __future__ import annotations

from specs.services import import_document


def import_spec(document_id: int) -> str:
    """Import one stored spec document (``specs.services.import_document``); never raises.

    Returns the document's final status (``READY``/``FAILED``), or ``missing`` if it was deleted.
    """
    doc = import_document(document_id)
    return doc.status if doc is not None else "missing"
